"""The command line as users and CI see it: formats, languages, determinism."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import DIMENSIONS, FIXTURES, REFERENCE, REPORTS, ROOT


def test_table_shows_seven_dimensions_overall_and_suggestions(cli):
    run = cli("score", str(REFERENCE))
    assert run.code == 0, run.stderr
    for name in [
        "Procedure",
        "Substance",
        "Completeness",
        "Balance",
        "Comparability",
        "Readability",
        "Originality",
        "Overall",
        "★★★★☆ 4.5",
        "Top suggestions",
    ]:
        assert name in run.stdout


def test_explain_shows_every_criterion_with_lines(cli, criteria):
    run = cli("score", str(REFERENCE), "--explain")
    assert run.code == 0
    for dimension in criteria.dimensions:
        for criterion in dimension.criteria:
            assert criterion.id in run.stdout
    assert "line " in run.stdout


def test_chinese_output(cli):
    run = cli("score", str(REFERENCE), "--lang", "zh")
    assert run.code == 0
    for name in ["过程性", "实质性", "完整性", "平衡性", "可比性", "可读性", "创新性", "综合评级", "五星级（卓越）"]:
        assert name in run.stdout
    doc = json.loads(cli("score", str(REFERENCE), "--format", "json", "--lang", "zh").stdout)
    assert doc["dimensions"][0]["name"] == "过程性"


def test_python_dash_m_is_the_same_command(cli):
    assert cli("score", str(FIXTURES / "minimal.yaml")).code == 0


def test_json_contract_shape(cli):
    doc = json.loads(cli("score", str(FIXTURES / "minimal.yaml"), "--format", "json").stdout)
    assert set(doc) >= {"schema_version", "standard", "report", "overall", "dimensions", "suggestions"}
    assert set(doc["overall"]) >= {"score", "stars", "grade"}
    assert [d["id"] for d in doc["dimensions"]] == DIMENSIONS
    for d in doc["dimensions"]:
        assert isinstance(d["score"], float) and d["score"] == round(d["score"], 1)
        assert isinstance(d["criteria"], list)
    for s in doc["suggestions"]:
        assert set(s) >= {"dimension", "criterion", "gain", "text"}


def test_output_is_byte_identical_across_hash_seeds(cli):
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for fmt in ("json", "table"):
            run = cli("score", str(REFERENCE), "--format", fmt, "--explain", env=env)
            assert run.code == 0
            outputs.add((fmt, run.stdout))
    assert len(outputs) == 2


def test_published_schemas_validate_the_bundled_files(cli):
    def schema(name):
        return json.loads(cli("schema", name).stdout)

    report = schema("report")
    for path in sorted(REPORTS.glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), report)
    standard, criteria, catalog = schema("standard"), schema("criteria"), schema("catalog")
    for path in sorted((ROOT / "criteria").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        which = catalog if path.parent.name == "industries" else standard if path.name == "standard.yaml" else criteria
        jsonschema.validate(data, which)


def test_kinds_lists_the_documented_registry(cli):
    run = cli("kinds")
    for kind in (
        "presence",
        "count_bands",
        "coverage",
        "catalog_share",
        "multi_year",
        "benchmark",
        "negative_disclosure",
        "topic_coverage",
    ):
        assert f"## {kind}" in run.stdout


def test_an_industry_without_catalog_warns_on_stderr_only(cli, tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("meta: {organisation: A, title: B, year: 2020, industry: banking}\n", encoding="utf-8")
    run = cli("score", str(path), "--format", "json")
    assert run.code == 0
    assert "no catalog for industry 'banking'" in run.stderr
    assert json.loads(run.stdout)["report"]["catalog"] == "general"


def test_doubtful_values_are_warnings_a_person_can_check(cli, tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "meta: {organisation: A, title: B, year: 2020, industry: telecom}\n"
        "indicators:\n"
        "  - {id: tel.call-drop-rate, name: Drops, unit: '%', values: {1980: 5, 2020: 107}}\n"
        "  - {name: Asset value maintained, unit: '%', values: {2020: 107}}\n",  # a rate, not a share: no warning
        encoding="utf-8",
    )
    run = cli("score", str(path), "--format", "json")
    assert run.code == 0
    warnings = run.stderr.strip().splitlines()
    assert len(warnings) == 2, warnings
    assert "107% for 2020 is outside 0-100" in warnings[1] and f"{path}:3:" in warnings[1]
    assert "1980 is more than 30 years before" in warnings[0]


def test_the_bundled_reports_raise_no_warning(cli):
    for path in sorted(REPORTS.glob("*.yaml")):
        assert cli("score", str(path), "--format", "json").stderr == "", path


def test_version_and_bare_command_show_what_it_is(cli):
    from csr_rating import __version__

    run = cli("--version")
    assert run.code == 0 and run.stdout == f"csr-rating {__version__}\n"
    bare = cli()
    assert bare.code == 0 and "Usage:" in bare.stdout and "score" in bare.stdout and bare.stderr == ""


def test_explain_shows_a_criterion_with_its_reasons(cli_in_process):
    run = cli_in_process("explain", "balance.negative-indicators")
    assert run.code == 0
    assert run.stdout.startswith("balance.negative-indicators — Negative indicators are disclosed with data")
    assert "Dimension: Balance (balance), 8.5% of the overall score" in run.stdout
    assert "Check: negative_disclosure" in run.stdout
    # the definition as written, comments (the reasons for the bands) included, and nothing after it
    assert "As written in criteria/cass-csr-4.0/balance.yaml" in run.stdout and "# was 1/2/4/6/8" in run.stdout
    assert "balance.negative-trends" not in run.stdout
    zh = cli_in_process("explain", "balance.negative-indicators", "--lang", "zh")
    assert "维度：平衡性（balance）" in zh.stdout
    wrong = cli_in_process("explain", "balance.negative-indicator")
    assert wrong.code == 2 and "did you mean 'balance.negative-indicators'?" in wrong.stderr


def test_score_of_a_folder_gives_one_row_per_report_in_every_batch_format(cli_in_process, tmp_path):
    import csv as csv_module
    import io

    from tests.conftest import REPORTS

    rows = list(csv_module.reader(io.StringIO(cli_in_process("score", str(REPORTS), "-f", "csv").stdout)))
    assert rows[0][:4] == ["Report", "Organisation", "Year", "Procedure"] and rows[0][-2:] == ["Overall", "Score"]
    reference = next(r for r in rows if r[0].endswith("china-telecom-2020.yaml"))
    assert reference[-2:] == ["5", "91.1"] and len(rows) == 1 + len(list(REPORTS.glob("*.yaml")))
    doc = json.loads(cli_in_process("score", str(REPORTS), "-f", "json").stdout)
    assert {"file", "stars", "overall", "score", "error"} <= set(doc[0]) and doc[0]["stars"]["procedure"]
    assert cli_in_process("score", str(REPORTS), "-f", "markdown").stdout.startswith("| Report | Organisation |")
    assert "<table>" in cli_in_process("score", str(REPORTS), "-f", "html").stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {organisation: X}\n", encoding="utf-8")
    run = cli_in_process("score", str(REPORTS / "china-telecom-2020.yaml"), str(bad))
    assert run.code == 2 and "91.1" in run.stdout and run.stderr.count("bad.yaml") == 1  # the others still scored
    assert cli_in_process("score", str(REPORTS / "china-telecom-2020.yaml"), "-f", "csv").code == 2
    assert cli_in_process("score", str(REPORTS), "-f", "sarif").code == 2


def test_init_writes_a_valid_commented_template_and_never_over_a_file(cli_in_process, tmp_path):
    import re

    target = tmp_path / "report.yaml"
    run = cli_in_process("init", str(target), "--industry", "power", "--year", "2024")
    assert run.code == 0 and "csr-rating score" in run.stderr
    text = target.read_text(encoding="utf-8")
    for section in ("meta:", "process:", "topics:", "indicators:", "negative_disclosures:", "readability:", "originality:"):
        assert f"\n{section}" in f"\n{text}", section
    assert "industry: power" in text and "  # - {" in text
    assert cli_in_process("score", str(target)).code == 0  # valid as it stands
    filled = tmp_path / "filled.yaml"
    filled.write_text(re.sub(r"^  # - ", "  - ", text, flags=re.MULTILINE), encoding="utf-8")
    assert cli_in_process("score", str(filled)).code == 0  # and with every catalog entry uncommented
    again = cli_in_process("init", str(target), "--industry", "power")
    assert again.code == 2 and "--force" in again.stderr
    assert cli_in_process("init", str(tmp_path / "x.yaml"), "--industry", "shipping").code == 2


@pytest.mark.parametrize(
    "command", ["", "score", "check", "ingest", "review", "ask", "init", "calibrate", "diff", "serve", "completion"]
)
def test_help_names_no_python_types(cli_in_process, command):
    run = cli_in_process(*command.split(), "--help")
    assert run.code == 0
    assert not re.search(r"<(?:bool|str|int|float|path)\b[^>]*>|list\[", run.stdout), run.stdout


def test_shell_completion_completes_commands_and_choices():
    script = Path(sys.executable).parent / "csr-rating"
    shown = subprocess.run([script, "completion", "bash"], capture_output=True, text=True, check=False)
    assert shown.returncode == 0 and "_CSR_RATING_COMPLETE=complete_bash" in shown.stdout
    assert "compdef" in subprocess.run([script, "completion", "zsh"], capture_output=True, text=True, check=True).stdout

    def complete(*words: str) -> list[str]:
        env = {**os.environ, "_CSR_RATING_COMPLETE": "complete_bash"}
        env |= {"COMP_WORDS": " ".join(["csr-rating", *words]), "COMP_CWORD": str(len(words))}
        done = subprocess.run([script], env=env, capture_output=True, text=True, check=False, timeout=60)
        return done.stdout.split()

    assert complete("sc") == ["score", "schema"]
    assert "letter-html" in complete("score", "--format", "")
