"""The CI and review formats, each checked by the consumer that reads it.

- SARIF is validated against the official SARIF 2.1.0 schema (tests/schemas/, see its README);
- JUnit XML is parsed by ElementTree and by junitparser (where installed), counts checked;
- Markdown is rendered by a CommonMark + tables renderer (markdown-it-py), tables checked in the HTML;
- GitHub workflow commands are matched line by line the way the runner reads them.

Report text is untrusted, so every format is also fed a scorecard full of hostile text: table pipes,
HTML, Markdown, mentions, line breaks that would start a workflow command, XML-invalid characters.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.validators import validator_for

import csr_rating
from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import I18n
from csr_rating.loading import load_criteria
from csr_rating.render import github, junit, markdown, paths, sarif
from csr_rating.render import table as table_view
from csr_rating.scorecard import CriterionResult, Scorecard, Waived
from tests.conftest import DIMENSIONS, REPORTS, ROOT
from tests.conftest import REFERENCE as REFERENCE_REPORT

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLES = sorted(REPORTS.glob("*.yaml"))
MID_QUALITY = REPORTS / "fictitious-mid-quality.yaml"
FIRST_DRAFT = REPORTS / "fictitious-first-draft.yaml"
MINE: dict[str, Callable[..., str]] = {
    "markdown": markdown.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}
ZH_DIMENSIONS = ["过程性", "实质性", "完整性", "平衡性", "可比性", "可读性", "创新性"]
HOSTILE = (
    "a | b || c \\| d\n| --- |\r\n<script>alert(1)</script> <b>bold</b> *em* _em_ ~~del~~ [link](http://e.example) "
    "`code` @octocat $x^2$ &amp; #1 100% done, ratio: 1:2\n::error::pwned %0A \x00\x1b\ufffe"
)


# --- fixtures ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cards() -> dict[str, Scorecard]:
    criteria = load_criteria()
    return {path.stem: rate(path, criteria) for path in EXAMPLES}


@pytest.fixture(scope="module")
def first_draft(cards: dict[str, Scorecard]) -> Scorecard:
    return cards["fictitious-first-draft"]


def _h(text: I18n | None) -> I18n | None:
    return None if text is None else I18n(en=f"{text.en} {HOSTILE}", zh=f"{text.zh} {HOSTILE}")


def hostile(card: Scorecard) -> Scorecard:
    """The same scorecard with hostile text in every string a report or a criteria pack could reach."""

    def criterion(c: CriterionResult) -> CriterionResult:
        return c.model_copy(
            update={
                "title": _h(c.title),
                "summary": _h(c.summary),
                "missing": [_h(m) for m in c.missing],
                "suggestion": _h(c.suggestion),
            }
        )

    return card.model_copy(
        update={
            "report": card.report.model_copy(
                update={"organisation": HOSTILE, "title": HOSTILE, "file": "reports/we ird,na:me %20.yaml"}
            ),
            "dimensions": [
                d.model_copy(update={"name": _h(d.name), "criteria": [criterion(c) for c in d.criteria]})
                for d in card.dimensions
            ],
            "suggestions": [s.model_copy(update={"text": _h(s.text)}) for s in card.suggestions],
            "waived": [
                Waived(kind="indicator", id="gen.x", title=I18n(en=HOSTILE, zh=HOSTILE), reason=HOSTILE, line=3)
            ],
            "notes": [HOSTILE],
        }
    )


def waived_report(tmp_path: Path, criteria: CriteriaSet) -> tuple[Path, str, str]:
    """The mid-quality example, waiving one criterion and one core indicator."""
    data = yaml.safe_load(MID_QUALITY.read_text(encoding="utf-8"))
    indicator = criteria.catalog_for("telecom").indicators[0].id
    data["waivers"] = [
        {"criterion": "originality.new-media", "reason": "No app: the company publishes print | web only"},
        {"indicator": indicator, "reason": "Not applicable to a fixed-line-only operator"},
    ]
    path = tmp_path / "waived.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path, "originality.new-media", indicator


def missed(c: CriterionResult) -> bool:
    return c.points - c.earned > 1e-9


def all_criteria(card: Scorecard) -> list[tuple[str, CriterionResult]]:
    return [(d.id, c) for d in card.dimensions for c in d.criteria]


# --- SARIF: the official schema, and what a code-scanning dashboard needs -----------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)  # the schema's own $schema: draft-04
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_sarif(validator: Any, text: str) -> dict[str, Any]:
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])
    return log


def test_the_vendored_schema_is_the_official_sarif_2_1_0_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(schema["definitions"]) > 50


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_sarif_of_every_example_is_valid_against_the_official_schema(cards, sarif_validator, example) -> None:
    for lang in ("en", "zh"):
        assert_valid_sarif(sarif_validator, sarif.render(cards[example], lang))


def test_sarif_has_one_rule_per_criterion_and_one_result_per_criterion_that_missed_points(
    first_draft, criteria, sarif_validator
) -> None:
    log = assert_valid_sarif(sarif_validator, sarif.render(first_draft, "en"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "csr-rating"
    assert driver["version"] == csr_rating.__version__
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == [c.id for d in criteria.dimensions for c in d.criteria]  # all of them, standard order
    assert len(set(ids)) == len(ids) == 41
    for rule, (dimension, c) in zip(rules, all_criteria(first_draft), strict=True):
        assert rule["name"] and rule["shortDescription"]["text"] == c.title.en
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["properties"]["dimension"] == dimension
        assert rule["properties"]["points"] == c.points

    expected = [(dimension, c) for dimension, c in all_criteria(first_draft) if missed(c)]
    results = run["results"]
    assert len(results) == len(expected) > 0
    for result, (dimension, c) in zip(results, expected, strict=True):
        assert result["ruleId"] == c.id
        assert rules[result["ruleIndex"]]["id"] == c.id
        assert result["level"] == ("error" if c.earned == 0 else "warning")
        assert result["message"]["text"] == c.suggestion.en
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "reports/fictitious-first-draft.yaml"
        assert physical["region"]["startLine"] == (c.line or 1) >= 1
        assert result["properties"]["gain"] == round(c.gain, 1)
        assert result["properties"]["earned"] == round(c.earned, 1)
        assert result["properties"]["points"] == c.points
        assert result["properties"]["dimension"] == dimension
    assert {r["level"] for r in results} == {"error", "warning"}

    overall = run["properties"]["overall"]
    assert overall["score"] == first_draft.overall.score
    assert overall["stars"] == first_draft.overall.stars
    assert [d["id"] for d in run["properties"]["dimensions"]] == DIMENSIONS


@pytest.mark.parametrize(
    "given", ["reports/fictitious-first-draft.yaml", "./reports/fictitious-first-draft.yaml", "ABSOLUTE"]
)
def test_sarif_names_the_report_by_a_relative_uri_from_the_current_directory(cli, given) -> None:
    path = str(FIRST_DRAFT) if given == "ABSOLUTE" else given
    run = cli("score", path, "--format", "sarif")
    assert run.code == 0, run.stderr
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(run.stdout)["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris == {"reports/fictitious-first-draft.yaml"}


def test_sarif_uri_of_an_awkward_file_name_is_a_percent_encoded_relative_reference() -> None:
    assert paths.report_uri("reports/we ird,na:me %20.yaml") == "reports/we%20ird%2Cna%3Ame%20%2520.yaml"
    assert paths.report_uri("./a/b.yaml") == "a/b.yaml"
    assert paths.report_uri(str(Path.cwd() / "x" / "报告.yaml")) == "x/%E6%8A%A5%E5%91%8A.yaml"
    assert paths.report_uri("/nowhere-else/r.yaml").startswith("file:///")


def test_sarif_carries_hostile_text_verbatim_and_stays_valid(first_draft, sarif_validator) -> None:
    log = assert_valid_sarif(sarif_validator, sarif.render(hostile(first_draft), "en"))
    run = log["runs"][0]
    assert run["results"][0]["message"]["text"].endswith(HOSTILE)
    assert run["properties"]["report"]["organisation"] == HOSTILE
    assert " " not in run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_sarif_lists_waived_criteria_as_rules_without_results(tmp_path, criteria, sarif_validator) -> None:
    path, criterion, indicator = waived_report(tmp_path, criteria)
    log = assert_valid_sarif(sarif_validator, sarif.render(rate(path, criteria), "en"))
    run = log["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == criterion)
    assert rule["properties"]["waived"] is True
    assert rule["properties"]["reason"].startswith("No app")
    assert criterion not in {r["ruleId"] for r in run["results"]}
    assert {w["id"] for w in run["properties"]["waived"]} == {criterion, indicator}


# --- JUnit XML: ElementTree and junitparser -----------------------------------------------------------


def test_junit_is_one_suite_per_dimension_and_one_case_per_criterion(cards) -> None:
    for card in cards.values():
        root = ET.fromstring(junit.render(card, "en"))
        assert root.tag == "testsuites" and root.get("name") == "csr-rating"
        suites = root.findall("testsuite")
        assert [s.get("name") for s in suites] == DIMENSIONS
        total = failures = 0
        for suite, d in zip(suites, card.dimensions, strict=True):
            cases = suite.findall("testcase")
            assert len(cases) == len(d.criteria) == int(suite.get("tests"))
            assert int(suite.get("failures")) == sum(missed(c) for c in d.criteria)
            assert suite.get("errors") == "0" and suite.get("skipped") == "0"
            for case, c in zip(cases, d.criteria, strict=True):
                assert case.get("classname") == d.id
                assert case.get("name") == f"{c.id}: {c.title.en}"
                failure = case.find("failure")
                assert (failure is not None) == missed(c)
                if failure is not None:
                    assert failure.get("type") == "missed-points"
                    assert failure.get("message") == c.suggestion.en
                assert case.findtext("system-out").startswith(c.summary.en)
            total += len(cases)
            failures += int(suite.get("failures"))
        assert int(root.get("tests")) == total == 41
        assert int(root.get("failures")) == failures == sum(missed(c) for _, c in all_criteria(card))


def test_junit_is_read_by_junitparser_with_the_same_counts(cards) -> None:
    junitparser = pytest.importorskip("junitparser")
    for card in cards.values():
        xml = junitparser.JUnitXml.fromstring(
            junit.render(card, "en").encode("utf-8")
        )  # bytes: lxml refuses a declared encoding in str
        suites = list(xml)
        assert [s.name for s in suites] == DIMENSIONS
        for suite, d in zip(suites, card.dimensions, strict=True):
            written = (suite.tests, suite.failures, suite.errors, suite.skipped)
            suite.update_statistics()  # junitparser's own count from the test cases
            assert (suite.tests, suite.failures, suite.errors, suite.skipped) == written
            assert suite.tests == len(d.criteria)
            cases = list(suite)
            assert [case.is_failure for case in cases] == [missed(c) for c in d.criteria]
            for case, c in zip(cases, d.criteria, strict=True):
                assert case.classname == d.id
                if missed(c):
                    (failure,) = case.result
                    assert failure.message == c.suggestion.en
                    assert failure.type == "missed-points"
        written = (xml.tests, xml.failures)
        xml.update_statistics()
        assert (xml.tests, xml.failures) == written == (41, sum(missed(c) for _, c in all_criteria(card)))


def test_junit_escapes_hostile_text_and_drops_characters_xml_cannot_carry(first_draft) -> None:
    text = junit.render(hostile(first_draft), "en")
    root = ET.fromstring(text)  # parses: nothing leaked into markup
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    message = failure.get("message")
    assert "<script>alert(1)</script>" in message and "a | b" in message and "\r\n" in message
    assert "\x00" not in text and "\x1b" not in text and "\ufffe" not in text
    assert root.find("testsuite/testcase/script") is None


def test_junit_reports_waived_criteria_as_skipped(tmp_path, criteria) -> None:
    path, criterion, _ = waived_report(tmp_path, criteria)
    root = ET.fromstring(junit.render(rate(path, criteria), "en"))
    suite = root.find("testsuite[@name='originality']")
    assert suite is not None and suite.get("skipped") == "1"
    case = next(c for c in suite.findall("testcase") if c.get("name", "").startswith(criterion))
    skipped = case.find("skipped")
    assert skipped is not None and "No app" in skipped.get("message")
    assert int(root.get("skipped")) == 1 and int(root.get("tests")) == 41


# --- Markdown: rendered the way a PR comment or step summary is ----------------------------------------


def html_of(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def tables(page: str) -> list[list[list[str]]]:
    """Each <table>'s body rows, each row's cells (inner HTML)."""
    found = []
    for table in re.findall(r"<table>(.*?)</table>", page, re.DOTALL):
        body = re.search(r"<tbody>(.*?)</tbody>", table, re.DOTALL)
        rows = re.findall(r"<tr>(.*?)</tr>", body.group(1), re.DOTALL) if body else []
        found.append([re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL) for row in rows])
    return found


def test_markdown_has_heading_overall_dimension_table_suggestions_next_star_and_criteria(first_draft) -> None:
    text = markdown.render(first_draft, "en", False, 3)
    page = html_of(text)
    heading = re.search(r"<h2>(.*?)</h2>", page).group(1)
    assert "Sample Manufacturing Ltd. (fictitious)" in heading and "2022" in heading
    assert f"{first_draft.overall.score:.1f}" in page and first_draft.overall.grade.en in page
    (dimensions,) = tables(page)
    assert len(dimensions) == 7
    for row, d in zip(dimensions, first_draft.dimensions, strict=True):
        assert row[0] == d.name.en and row[-1] == f"{d.score:.1f}"
        assert row[2].startswith("★") and row[2].endswith(f"{d.stars:g}")
    ranked = re.search(r"<ol>(.*?)</ol>", page, re.DOTALL).group(1)
    assert ranked.count("<li>") == 3
    assert f"+{first_draft.suggestions[0].gain:.1f}" in ranked
    assert "36 more" in page
    assert "To reach the next star" in page and "→" in page
    assert first_draft.standard.id in page and first_draft.standard.version in page
    assert "<details>" not in page


def test_markdown_explain_has_a_details_block_per_dimension_with_every_criterion(first_draft) -> None:
    page = html_of(markdown.render(first_draft, "en", True, 5))
    assert page.count("<details>") == 7 and page.count("<summary>") == 7
    found = tables(page)
    assert len(found) == 8
    for rows, d in zip(found[1:], first_draft.dimensions, strict=True):
        assert len(rows) == len(d.criteria)
        for row, c in zip(rows, d.criteria, strict=True):
            assert len(row) == 4
            assert c.id in row[0]
            assert row[1] == f"{c.earned:.1f}/{c.points:g}"


def test_markdown_escapes_hostile_text_so_tables_and_page_stay_intact(first_draft) -> None:
    text = markdown.render(hostile(first_draft), "en", True, 10)
    page = html_of(text)
    found = tables(page)
    assert len(found) == 8
    assert len(found[0]) == 7 and all(len(row) == 4 for row in found[0])
    for rows, d in zip(found[1:], first_draft.dimensions, strict=True):
        assert len(rows) == len(d.criteria) and all(len(row) == 4 for row in rows)
    assert "a | b || c" in found[0][0][0]  # the pipes are text in their cell
    for leak in ("<script", "<b>", "<em>em</em>", "<del>", "<a href", "<code>code"):
        assert leak not in page, leak
    assert "&lt;script&gt;" in page and "@octocat" in page
    lines = text.splitlines()  # report text never starts a line of its own
    assert not any(line.startswith("::") for line in lines)
    assert sum(line.startswith("| ---") for line in lines) == 8  # only the tables' own delimiter rows


def test_markdown_lists_waived_items_with_their_reasons(tmp_path, criteria) -> None:
    path, criterion, indicator = waived_report(tmp_path, criteria)
    page = html_of(markdown.render(rate(path, criteria), "en"))
    assert "Waived" in page
    assert criterion in page and indicator in page
    assert "No app: the company publishes print | web only" in page
    assert "Not applicable to a fixed-line-only operator" in page


# --- GitHub workflow commands --------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def commands(text: str) -> list[dict[str, Any]]:
    parsed = []
    for line in text.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in match["props"].split(",")) if match["props"] else {}
        parsed.append(
            {
                "level": match["level"],
                "props": {k: unescape(v) for k, v in props.items()},
                "message": unescape(match["message"]),
            }
        )
    return parsed


def test_github_annotates_the_ten_most_valuable_suggestions_after_one_notice(first_draft) -> None:
    found = commands(github.render(first_draft, "en", False, 50))
    notice, *annotations = found
    assert notice["level"] == "notice"
    assert f"{first_draft.overall.score:.1f}" in notice["message"] and first_draft.overall.grade.en in notice["message"]
    assert len(annotations) == 10 < len(first_draft.suggestions)
    criteria = {c.id: c for _, c in all_criteria(first_draft)}
    names = {d.id: d.name.en for d in first_draft.dimensions}
    for annotation, s in zip(annotations, first_draft.suggestions, strict=False):
        assert s.criterion in criteria
        assert annotation["level"] == ("warning" if s.gain >= github.WARNING_GAIN else "notice")  # never error
        assert annotation["props"]["file"] == "reports/fictitious-first-draft.yaml"
        assert annotation["props"]["line"] == str(s.line)
        assert names[s.dimension] in annotation["props"]["title"] and s.criterion in annotation["props"]["title"]
        assert annotation["message"].endswith(s.text.en)
    assert "error" not in {a["level"] for a in annotations}  # an error is for a failed gate only


def test_github_respects_top_and_omits_unknown_lines(first_draft) -> None:
    assert len(commands(github.render(first_draft, "en", False, 3))) == 1 + 3
    assert len(commands(github.render(first_draft, "en", False, 0))) == 1
    card = first_draft.model_copy(
        update={"suggestions": [s.model_copy(update={"line": None}) for s in first_draft.suggestions]}
    )
    for annotation in commands(github.render(card, "en"))[1:]:
        assert "line" not in annotation["props"]


def test_github_escapes_hostile_text_so_it_cannot_start_a_command(first_draft) -> None:
    card = hostile(first_draft)
    text = github.render(card, "en")
    found = commands(text)  # every line is one of our commands: none injected
    assert len(text.splitlines()) == len(found) == 11
    first = found[1]
    assert first["message"].endswith(card.suggestions[0].text.en)  # round-trips exactly
    assert first["props"]["file"] == "reports/we ird,na:me %20.yaml"
    raw = text.splitlines()[1]
    assert "we ird%2Cna%3Ame %2520.yaml" in raw and "100%25 done" in raw and "%0D%0A" in raw


# --- every format: deterministic, and in Chinese ---------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(MINE))
def test_output_is_byte_identical_for_identical_input(cards, fmt) -> None:
    render = MINE[fmt]
    for card in cards.values():
        copy = Scorecard.model_validate(json.loads(card.model_dump_json()))
        for lang in ("en", "zh"):
            assert render(card, lang, True, 10) == render(copy, lang, True, 10)


@pytest.mark.parametrize("fmt", sorted(MINE))
def test_cli_output_is_byte_identical_across_runs_and_hash_seeds(cli, fmt) -> None:
    runs = [
        cli("score", str(MID_QUALITY), "--format", fmt, "--explain", env={**os.environ, "PYTHONHASHSEED": seed})
        for seed in ("1", "2")
    ]
    assert all(run.code == 0 for run in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout


@pytest.mark.parametrize("fmt", sorted(MINE))
def test_lang_zh_writes_the_chinese_dimension_names(cli, fmt) -> None:
    run = cli("score", "reports/fictitious-mid-quality.yaml", "--format", fmt, "--lang", "zh")
    assert run.code == 0, run.stderr
    for name in ZH_DIMENSIONS:
        assert name in run.stdout, name


def test_cli_writes_each_format_in_a_shape_its_consumer_reads(cli, sarif_validator) -> None:
    out = {fmt: cli("score", "reports/china-telecom-2020.yaml", "--format", fmt) for fmt in MINE}
    assert all(run.code == 0 and run.stderr == "" for run in out.values())
    assert_valid_sarif(sarif_validator, out["sarif"].stdout)
    assert ET.fromstring(out["junit"].stdout).get("tests") == "41"
    assert len(tables(html_of(out["markdown"].stdout))[0]) == 7
    assert commands(out["github"].stdout)[0]["level"] == "notice"
    artifact = json.loads(out["sarif"].stdout)["runs"][0]["artifacts"][0]["location"]["uri"]
    assert artifact == "reports/china-telecom-2020.yaml"
    assert str(ROOT) not in out["sarif"].stdout + out["github"].stdout  # no absolute path of this machine


# --- the release gate's verdict in every format (csr-rating check) ------------------------------------


def _gated(cli, *args: str) -> tuple[int, str]:
    run = cli("check", str(REFERENCE_REPORT), *args)
    return run.code, run.stdout


def test_json_carries_the_gate_verdict_with_every_failure(cli_in_process) -> None:
    code, out = _gated(cli_in_process, "--min-stars", "4", "-f", "json")
    assert code == 0 and json.loads(out)["gate"] == {
        "passed": True, "end": "low", "stars": 5.0, "score": 91.1, "failures": []
    }  # fmt: skip
    code, out = _gated(cli_in_process, "--min", "balance=5", "--min", "originality=4.5", "-f", "json")
    gate = json.loads(out)["gate"]
    assert code == 1 and gate["passed"] is False
    assert [(f["subject"], f["required"], f["actual"]) for f in gate["failures"]] == [
        ("balance", 5.0, 4.5), ("originality", 4.5, 4.0)
    ]  # fmt: skip
    assert "below the required 5★" in gate["failures"][0]["message"]
    assert "gate" not in json.loads(cli_in_process("score", str(REFERENCE_REPORT), "-f", "json").stdout)


def test_markdown_opens_with_the_verdict(cli_in_process) -> None:
    _, passed = _gated(cli_in_process, "--min-stars", "4", "-f", "markdown")
    assert passed.startswith("> ✅ **Gate passed: 5★, 91.1.**")
    _, failed = _gated(cli_in_process, "--min", "balance=5", "-f", "markdown")
    assert failed.startswith("> ❌ **Gate failed: balance has 4.5★, below the required 5★")


def test_junit_has_a_gate_test_case_that_fails_with_the_gate(cli_in_process) -> None:
    junitparser = pytest.importorskip("junitparser")
    for args, failing in ((["--min-stars", "4"], False), (["--min", "balance=5"], True)):
        _, out = _gated(cli_in_process, *args, "-f", "junit")
        xml = junitparser.JUnitXml.fromstring(out.encode("utf-8"))
        (suite,) = [s for s in xml if s.name == "gate"]
        (case,) = list(suite)
        assert case.name == "gate" and case.is_failure is failing
        if failing:
            assert "balance has 4.5★" in case.result[0].text


def test_sarif_says_whether_the_gate_passed_and_stays_valid(cli_in_process, sarif_validator) -> None:
    for args, passed in ((["--min-stars", "4"], True), (["--min", "balance=5"], False)):
        _, out = _gated(cli_in_process, *args, "-f", "sarif")
        (invocation,) = assert_valid_sarif(sarif_validator, out)["runs"][0]["invocations"]
        assert invocation["executionSuccessful"] is passed
        texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
        assert texts[0].startswith("Gate passed" if passed else "Gate failed")
    assert "invocations" not in json.loads(cli_in_process("score", str(REFERENCE_REPORT), "-f", "sarif").stdout)["runs"][0]


def test_github_errors_only_for_a_failed_gate(cli_in_process) -> None:
    _, passed = _gated(cli_in_process, "--min-stars", "4", "-f", "github")
    assert "::error" not in passed and "::notice title=CSR rating gate::Gate passed" in passed
    assert "::warning" in passed  # the suggestions stay, as advice
    _, failed = _gated(cli_in_process, "--min", "balance=5", "-f", "github")
    errors = [line for line in failed.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and "balance has 4.5★" in errors[0]
    assert "::error" not in cli_in_process("score", str(REFERENCE_REPORT), "-f", "github").stdout


def test_table_and_html_show_the_verdict(cli_in_process) -> None:
    _, table_out = _gated(cli_in_process, "--min", "balance=5")
    assert "Gate failed: balance has 4.5★" in table_out
    _, html_out = _gated(cli_in_process, "--min-stars", "4", "-f", "html")
    assert '<p class="gate passed" role="status">Gate passed: 5★, 91.1.</p>' in html_out


# --- several reports in one output (csr-rating check a.yaml b.yaml) ----------------------------------

MID_REPORT = REPORTS / "fictitious-mid-quality.yaml"


def _both(cli, *args: str):
    return cli("check", str(REFERENCE_REPORT), str(MID_REPORT), "--min-stars", "4", *args)


def test_json_of_several_reports_is_keyed_by_file_with_one_verdict(cli_in_process) -> None:
    run = _both(cli_in_process, "-f", "json")
    doc = json.loads(run.stdout)
    assert run.code == 1 and list(doc["reports"]) == ["reports/china-telecom-2020.yaml", "reports/fictitious-mid-quality.yaml"]
    assert [r["gate"]["passed"] for r in doc["reports"].values()] == [True, False] and doc["gate"] == {"passed": False}


def test_sarif_of_several_reports_is_one_valid_run_with_an_artifact_each(cli_in_process, sarif_validator) -> None:
    log = assert_valid_sarif(sarif_validator, _both(cli_in_process, "-f", "sarif").stdout)
    (run,) = log["runs"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["reports/china-telecom-2020.yaml", "reports/fictitious-mid-quality.yaml"]
    pointed = {r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]}
    assert pointed == {0, 1}
    assert len(run["tool"]["driver"]["rules"]) == len({r["id"] for r in run["tool"]["driver"]["rules"]})
    assert run["invocations"][0]["executionSuccessful"] is False


def test_junit_of_several_reports_has_a_suite_per_report(cli_in_process) -> None:
    junitparser = pytest.importorskip("junitparser")
    xml = junitparser.JUnitXml.fromstring(_both(cli_in_process, "-f", "junit").stdout.encode("utf-8"))
    suites = list(xml)
    assert [s.name for s in suites] == ["reports/china-telecom-2020.yaml", "reports/fictitious-mid-quality.yaml"]
    for suite in suites:
        written = (suite.tests, suite.failures, suite.skipped)
        suite.update_statistics()
        assert (suite.tests, suite.failures, suite.skipped) == written
    gates = [next(case for case in suite if case.name == "gate") for suite in suites]
    assert [case.is_failure for case in gates] == [False, True]


def test_html_of_several_reports_is_one_page(cli_in_process) -> None:
    page = _both(cli_in_process, "-f", "html").stdout
    assert page.count("<!DOCTYPE html>") == 1 and page.count('<section class="report">') == 2


def test_baseline_of_several_reports_is_read_by_file(cli_in_process, tmp_path) -> None:
    baseline = tmp_path / "before.json"
    baseline.write_text(_both(cli_in_process, "-f", "json").stdout, encoding="utf-8")
    run = cli_in_process("check", str(REFERENCE_REPORT), str(MID_REPORT), "--baseline", str(baseline))
    assert run.code == 0 and run.stderr.count("gate passed") == 2
    other = cli_in_process("check", str(REPORTS / "fictitious-first-draft.yaml"), "--baseline", str(baseline))
    assert other.code == 2 and "no scorecard for reports/fictitious-first-draft.yaml" in other.stderr


def test_one_run_writes_every_format_asked_for(cli_in_process, tmp_path) -> None:
    sarif_file, junit_file = tmp_path / "out.sarif", tmp_path / "out.xml"
    run = _both(cli_in_process, "-f", "markdown", "--output-format", f"sarif={sarif_file}", "--output-format", f"junit={junit_file}")
    assert run.code == 1 and run.stdout.startswith("> ✅")
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert junit_file.read_text(encoding="utf-8").startswith("<?xml")
    bad = _both(cli_in_process, "--output-format", "pdf=x.pdf")
    assert bad.code == 2 and "unknown format 'pdf'" in bad.stderr


# --- the table on a terminal ----------------------------------------------------------------------


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_the_table_takes_a_terminals_width_and_colour_and_stays_plain_in_a_pipe() -> None:
    from csr_rating.render.table import WIDTH, terminal

    assert terminal(_Stream(False), {}) is None  # a pipe or a file: fixed width, no colour, same bytes
    assert terminal(_Stream(True), {"COLUMNS": "80"}) == (80, True)
    assert terminal(_Stream(True), {"COLUMNS": "60"}) == (80, True)  # never narrower than 80
    assert terminal(_Stream(True), {"COLUMNS": "100", "NO_COLOR": "1"}) == (100, False)
    assert terminal(_Stream(False), {"FORCE_COLOR": "1"}) == (WIDTH, True)


def test_at_80_columns_every_line_fits(cards) -> None:
    from rich.cells import cell_len

    for card in cards.values():
        text = table_view.render(card, "zh", True, 10, width=80)
        assert max(cell_len(line) for line in text.splitlines()) <= 80
        coloured = table_view.render(card, "en", False, 5, width=80, color=True)
        assert "\x1b[" in coloured and "\x1b[" not in table_view.render(card, "en", False, 5)
