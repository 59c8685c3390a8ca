"""`csr-rating ingest`: from a draft in any supported format to a report `score` reads.

The drafts here are invented for the tests (an imaginary water utility and an imaginary operator).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import from_text
from csr_rating.ingest.pipeline import ingest, ingest_document
from csr_rating.loading import load_criteria
from csr_rating.report import Report
from csr_rating.yamlio import load_yaml
from tests.ingest_fixtures import ENGLISH_DRAFT, DocxTable, Heading, Row, make_docx, make_pdf, make_scanned_pdf

ROOT = Path(__file__).resolve().parents[1]


CHINESE_DRAFT = """\
河畔水务集团2023年社会责任报告

关于本报告
报告时间范围：2023年1月1日至2023年12月31日。
本报告参照全球报告倡议组织（GRI）标准和《中国企业社会责任报告指南（CASS-CSR 4.0）》编写。

关键绩效
指标\t2021年\t2022年\t2023年
员工总数（人）\t1,210\t1,260\t1,302
员工流失率（%）\t6.1\t5.4\t4.8
公益捐赠（万元）\t120\t135\t150
"""


def _draft(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _report(text: str) -> Report:
    data, _ = load_yaml(text, "ingested.yaml")
    return Report.model_validate(data)


def test_a_text_draft_becomes_a_valid_report_with_its_table_rows(criteria: CriteriaSet) -> None:
    draft = ingest_document(from_text(ENGLISH_DRAFT, "draft.txt"), criteria=criteria)
    report = _report(draft.yaml)
    assert report.meta.year == 2023
    rows = {i.name: i for i in report.indicators if i.values}
    assert rows["Employee turnover rate"].values == {2021: 6.1, 2022: 5.4, 2023: 4.8}
    assert rows["Water withdrawal"].values == {2022: 3120, 2023: 3050}
    assert rows["Employee turnover rate"].id is not None  # linked to the catalog


def test_every_item_says_where_it_came_from_and_unsure_ones_carry_a_review_line(criteria: CriteriaSet) -> None:
    text = ingest_document(from_text(ENGLISH_DRAFT, "draft.txt"), criteria=criteria).yaml
    assert "# line 10" in text  # the employees row
    donations = next(line for line in text.splitlines() if "135400" in line)  # the broken figure is read...
    before = text[: text.index(donations)].splitlines()[-6:]
    assert any("# review:" in line and "135, 400" in line for line in before)  # ...and flagged
    assert text.count("# review:") >= 1


def test_a_chinese_draft_with_tab_separated_cells(criteria: CriteriaSet) -> None:
    draft = ingest_document(from_text(CHINESE_DRAFT, "草稿.txt"), criteria=criteria)
    report = _report(draft.yaml)
    assert report.meta.year == 2023
    assert {i.name: i.values for i in report.indicators if i.values}["员工总数"] == {2021: 1210, 2022: 1260, 2023: 1302}
    assert draft.document.language == "zh"


def test_the_written_yaml_scores_without_an_input_error(tmp_path: Path, criteria: CriteriaSet) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text(ingest(_draft(tmp_path, ENGLISH_DRAFT), criteria=criteria).yaml, encoding="utf-8")
    card = rate(out, criteria)
    assert 0 <= card.overall.score <= 100


def test_ingest_is_deterministic(tmp_path: Path, criteria: CriteriaSet) -> None:
    path = _draft(tmp_path, ENGLISH_DRAFT)
    assert ingest(path, criteria=criteria).yaml == ingest(path, criteria=criteria).yaml


def test_year_and_industry_options_override_detection(tmp_path: Path, criteria: CriteriaSet) -> None:
    draft = ingest(_draft(tmp_path, ENGLISH_DRAFT), criteria=criteria, year=2022, industry="telecom")
    report = _report(draft.yaml)
    assert (report.meta.year, report.meta.industry) == (2022, "telecom")
    assert all(max(i.values) <= 2022 for i in report.indicators if i.values)
    assert "after the reporting year 2022 left out" in draft.yaml


def test_a_pdf_draft_with_a_table_is_ingested(tmp_path: Path, criteria: CriteriaSet) -> None:
    pdf = make_pdf(
        tmp_path / "draft.pdf",
        [
            ["Northline Telecom Sustainability Report 2023", "Reporting period: 1 January to 31 December 2023."],
            [
                "Key figures",
                Row(["Indicator", "2021", "2022", "2023"]),
                Row(["Mobile subscribers (million)", "10.2", "11.0", "11.9"]),
                Row(["Customer complaint rate (%)", "0.21", "0.18", "0.20"]),
            ],
        ],
    )
    report = _report(ingest(pdf, criteria=criteria).yaml)
    rows = {i.name: i for i in report.indicators if i.values}
    assert rows["Mobile subscribers"].values == {2021: 10.2, 2022: 11.0, 2023: 11.9}
    assert "# p. 2" in ingest(pdf, criteria=criteria).yaml


def test_a_word_draft_with_a_table_is_ingested(tmp_path: Path, criteria: CriteriaSet) -> None:
    docx = make_docx(
        tmp_path / "draft.docx",
        [
            Heading("河畔水务集团2023年社会责任报告"),
            "报告时间范围：2023年1月1日至2023年12月31日。",
            DocxTable([["指标", "单位", "2021年", "2022年", "2023年"], ["员工总数", "人", "1,210", "1,260", "1,302"]]),
        ],
    )
    report = _report(ingest(docx, criteria=criteria).yaml)
    (row,) = [i for i in report.indicators if i.name == "员工总数"]
    assert (row.unit, row.values) == ("人", {2021: 1210, 2022: 1260, 2023: 1302})


def test_a_scanned_pdf_is_refused_with_a_hint_not_an_empty_report(tmp_path: Path, cli_in_process) -> None:
    scanned = make_scanned_pdf(tmp_path / "scan.pdf")
    run = cli_in_process("ingest", str(scanned))
    assert run.code == 2 and "OCR" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_cli_writes_a_file_and_never_replaces_one_without_force(tmp_path: Path, cli_in_process) -> None:
    draft = _draft(tmp_path, ENGLISH_DRAFT)
    out = tmp_path / "draft.yaml"
    first = cli_in_process("ingest", str(draft), "-o", str(out))
    assert first.code == 0 and out.is_file() and "items to review" in first.stderr
    out.write_text("# my corrections\n", encoding="utf-8")
    again = cli_in_process("ingest", str(draft), "-o", str(out))
    assert again.code == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "# my corrections\n"
    forced = cli_in_process("ingest", str(draft), "-o", str(out), "--force")
    assert forced.code == 0 and "meta:" in out.read_text(encoding="utf-8")


def test_cli_pipeline_ingest_to_stdout_then_score_from_stdin(tmp_path: Path) -> None:
    draft = _draft(tmp_path, ENGLISH_DRAFT)
    command = [sys.executable, "-m", "csr_rating"]
    ingested = subprocess.run([*command, "ingest", str(draft)], capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert ingested.returncode == 0
    yaml.safe_load(ingested.stdout)
    scored = subprocess.run(
        [*command, "score", "-", "--format", "json"], input=ingested.stdout, capture_output=True, cwd=ROOT, timeout=60, check=False
    )
    assert scored.returncode == 0, scored.stderr
    assert b'"overall"' in scored.stdout


def test_score_ingests_a_draft_on_the_fly(tmp_path: Path, cli_in_process) -> None:
    run = cli_in_process("score", str(_draft(tmp_path, ENGLISH_DRAFT)), "--format", "json")
    assert run.code == 0, run.stderr


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.pdf", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "empty.txt", b"   \n"), "empty"),
        (lambda d: _write(d / "junk.docx", b"PK\x03\x04 not really a zip"), "docx"),
        (lambda d: _write(d / "junk.pdf", b"%PDF-1.7\n garbage"), "PDF"),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 4), "binary"),
    ],
)
def test_bad_drafts_get_one_line_and_exit_2(tmp_path: Path, cli_in_process, make, expected: str) -> None:
    run = cli_in_process("ingest", str(make(tmp_path)))
    assert run.code == 2, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert expected.casefold() in run.stderr.casefold()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


_CRITERIA = load_criteria()
FRAGMENTS = [
    "Indicator 2021 2022 2023",
    "指标\t2021年\t2022年\t2023年",
    "Total employees (persons) 1,200 1,300 1,400",
    "Employee turnover rate (%) 5.1 —— 4.2",
    "员工总数（人）\t100\t120\t130",
    "Work-related fatalities 0 1 0",
    "– Plant A tonnes 1 2 3",
    "Male person 10 20 30",
    "Male person 10 20 30",
    "In 2023 we opened 12 new sites and trained 3,400 employees.",
    "Sustainability Report 2023",
    "报告时间范围：2023年1月1日至2023年12月31日",
    "Reader Feedback Form",
    "Case: a flooded substation was restored within 6 hours.",
    "The fine of RMB 20,000 was paid and the site was rectified.",
    "",
    "N/A / - ——",
    "2024 2025",
    "Income 90, 258 1 2",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from([None, 2021, 2023]))
def test_whatever_the_draft_holds_the_output_validates_and_round_trips(lines: list[str], year: int | None) -> None:
    text = "\n".join(["Some Company Report"] + lines)
    draft = ingest_document(from_text(text, "draft.txt"), criteria=_CRITERIA, year=year)
    again = _report(draft.yaml)  # the writer's YAML reads back
    assert again == draft.report
    assert all(max(i.values) <= again.meta.year for i in again.indicators if i.values)


def test_an_unknown_industry_is_refused_not_scored_against_another_catalog(tmp_path: Path, cli_in_process) -> None:
    run = cli_in_process("ingest", str(_draft(tmp_path, ENGLISH_DRAFT)), "--industry", "telecomm")
    assert run.code == 2 and "no catalog for industry 'telecomm'" in run.stderr and "telecom" in run.stderr


def test_the_industry_is_detected_from_its_own_words_not_from_topics_every_report_has(criteria: CriteriaSet) -> None:
    generic = (
        "Harbour Motors Sustainability Report 2023\n"
        "We handle customer complaints within two days and protect customer information.\n"
        "Employee development, green office and anti-corruption training continued.\n"
    )
    operator = generic + (
        "Emergency communications were restored after the floods; we co-built and shared base stations.\n"
        "We monitor electromagnetic radiation near base stations and combat telecom fraud and spam calls.\n"
        "Universal service brought fibre to remote villages, closing the digital divide.\n"
        "Communication quality improved as we built 5G networks and new information infrastructure.\n"
        "We made tariffs transparent and kept a healthy Internet environment.\n"
    )
    assert ingest_document(from_text(generic, "a.txt"), criteria=criteria).report.meta.industry == "general"
    assert ingest_document(from_text(operator, "b.txt"), criteria=criteria).report.meta.industry == "telecom"


def test_a_structured_report_given_to_ingest_is_refused_with_what_to_do(cli_in_process) -> None:
    run = cli_in_process("ingest", "reports/fictitious-first-draft.yaml")
    assert run.code == 2 and "csr-rating score" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_section_with_nothing_found_is_left_out_not_written_empty(criteria: CriteriaSet) -> None:
    text = ingest_document(from_text("Plain words only.\n", "a.txt"), criteria=criteria).yaml
    assert "\noriginality:" not in text


def test_a_practice_spelled_the_american_way_is_found_like_the_british_one(criteria: CriteriaSet) -> None:
    """Catalogs write "labour", "programme"; a report may write "labor", "program": both read alike."""
    text = (
        "Sample Works Sustainability Report 2021\n"
        "Employees\n"
        "Child labor is prohibited in every plant, and we audit suppliers for forced labor each year.\n"
    )
    ids = {i.id for i in ingest_document(from_text(text, "draft.txt"), criteria=criteria).report.indicators}
    assert "gen.child-forced-labour" in ids


@given(
    st.one_of(
        st.integers(),
        st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30),
        st.sampled_from(["Yes", "NO", "null", "on", "水泥产量", "CO2 (t)", "a: b", "x, y"]),
    )
)
@settings(max_examples=300, deadline=None)
def test_a_written_scalar_reads_back_as_itself(value):
    """Any value a reader leaves (control characters are removed when a draft is read)."""
    from csr_rating.ingest.writer import scalar

    assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value
    assert yaml.safe_load(f"k: [{scalar(value, flow=True)}, 1]")["k"] == [value, 1]  # in a flow list too
    assert yaml.safe_load(f"k: {{{scalar(value, flow=True)}: 1}}")["k"] == {value: 1}
