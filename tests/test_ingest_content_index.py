"""A content index says what the report claims to disclose against a guide: ingest counts its rows
(page, reason, core mark), and completeness may count a CASS-CSR index's own core share, as the
Committee reads completeness off that index."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from csr_rating import checks
from csr_rating.criteria import Criterion
from csr_rating.ingest.content_index import read_indexes
from csr_rating.ingest.document import from_text
from csr_rating.ingest.noted import plain
from csr_rating.ingest.structure import parts
from csr_rating.report import ContentIndex
from tests.builders import context, report
from tests.conftest import SHARED

CNBM = SHARED / "corpus" / "rated" / "cnbm-2016-sr-zh.txt"


def _cass_index(rows: int, core_with_page: int, core_not_applicable: int = 0, core_without: int = 0) -> str:
    """A fictitious CASS-CSR index: core rows with a page, declared not applicable, without a page;
    extended rows fill up to ``rows``."""
    lines = ["指标索引（CASS-CSR 4.0）", "指标分类\t序号\t指标内容\t页码\t指标性质"]
    number = 0

    def code() -> str:
        nonlocal number
        number += 1
        return f"S{number // 10 + 1}.{number % 10 + 1}"

    lines += [f"\t{code()}\t示例指标甲\tP{10 + i}\t核心" for i in range(core_with_page)]
    lines += [f"\t{code()}\t示例指标乙\t不适用\t核心" for _ in range(core_not_applicable)]
    lines += [f"\t{code()}\t示例指标丙\t暂未纳入统计体系\t核心" for _ in range(core_without)]
    used = core_with_page + core_not_applicable + core_without
    lines += [f"\t{code()}\t示例指标丁\tP{40 + i}\t扩展" for i in range(max(0, rows - used))]
    return "\n".join(["某某集团2022年社会责任报告", "正文。", *lines, "意见反馈"]) + "\n"


def _read(text: str) -> list[dict]:
    doc = from_text(text, "draft.txt")
    return [plain(entry) for entry in read_indexes(doc, parts(doc))]


def test_a_cass_index_is_counted_by_page_reason_and_core_mark() -> None:
    [entry] = _read(_cass_index(rows=30, core_with_page=12, core_not_applicable=2, core_without=3))
    assert entry["guide"] == "CASS-CSR 4.0"
    assert (entry["items"], entry["disclosed"], entry["not_applicable"]) == (30, 25, 2)
    assert (entry["core_items"], entry["core_disclosed"], entry["core_not_applicable"]) == (17, 12, 2)
    assert len(entry["core_missing"]) == 3 and all("示例指标丙" in name for name in entry["core_missing"])


def test_a_gri_index_with_pages_on_the_row_or_the_next_line_is_read_without_core_counts() -> None:
    rows = [f"102-{n} A disclosure of the organisation {n}." for n in range(1, 13)]
    text = "GRI Content Index\n" + "\n".join(
        f"{row} {10 + n}." if n % 2 else f"{row}\n{10 + n}, {20 + n}." for n, row in enumerate(rows)
    )
    [entry] = _read("Sample Co. Sustainability Report 2022\n" + text + "\n")
    assert (entry["guide"], entry["items"], entry["disclosed"]) == ("GRI", 12, 12)
    assert "core_items" not in entry


def test_rows_of_code_page_pairs_take_each_its_own_page_or_reason() -> None:
    body = "\n".join(f"G4-{n}\tP{n}\tG4-{n + 20}\tN/A" for n in range(1, 8))
    [entry] = _read("Sample Co. report 2016\nGRI 4.0 索引表\n" + body + "\n")
    assert (entry["items"], entry["disclosed"], entry["not_applicable"]) == (14, 7, 7)


def test_a_short_list_of_codes_is_no_index() -> None:
    assert _read(_cass_index(rows=5, core_with_page=5)) == []


def test_an_index_beside_no_heading_is_not_read() -> None:
    text = "\n".join(f"S1.{n} 示例指标 P{n} 核心" for n in range(1, 20))
    assert _read("某某公司报告\n" + text + "\n") == []


def _completeness(rep) -> float:
    params = Criterion.model_validate(
        {
            "id": "t.core",
            "title": {"en": "t", "zh": "t"},
            "points": 80,
            "check": {"kind": "catalog_share", "declared": {"guide": "CASS-CSR", "min_core_items": 20}},
            "suggestion": {"en": "{missing}", "zh": "{missing}"},
        }
    ).check
    return checks.evaluate(params, context(rep))


def _index(core_items: int, core_disclosed: int, guide: str = "CASS-CSR 4.0", **more) -> dict:
    return {
        "guide": guide,
        "items": core_items + 5,
        "disclosed": core_disclosed,
        "core_items": core_items,
        "core_disclosed": core_disclosed,
        **more,
    }


def test_a_marked_cass_index_counts_when_it_declares_more_than_the_catalog_match() -> None:
    outcome = _completeness(report(meta={"content_index": [_index(40, 36, core_missing=["S2.1 x"])]}))
    assert outcome.fraction == pytest.approx(0.9)
    assert "36 of 40 core items" in outcome.summary.en and outcome.found[0].loc == ("meta", "content_index", 0)
    assert [m.en for m in outcome.missing] == ["S2.1 x"]


def test_a_partial_index_is_measured_over_at_least_min_core_items() -> None:
    outcome = _completeness(report(meta={"content_index": [_index(10, 10)]}))
    assert outcome.fraction == pytest.approx(0.5)
    assert [m.en for m in outcome.missing] == ["10 more core items its CASS-CSR 4.0 index does not list"]


def test_an_index_that_counts_its_gaps_without_names_is_told_how_many_to_add() -> None:
    """A suggestion names what to add: where the index gives only counts, the count is what it names."""
    outcome = _completeness(report(meta={"content_index": [_index(40, 37)]}))
    assert [m.en for m in outcome.missing] == ["the 3 core items its CASS-CSR 4.0 index marks as not disclosed"]
    assert [m.zh for m in outcome.missing] == ["CASS-CSR 4.0指标索引中标为未披露的3项核心指标"]


def test_another_guides_index_does_not_count() -> None:
    assert _completeness(report(meta={"content_index": [_index(40, 40, guide="GRI")]})).fraction == 0


def test_without_an_index_the_catalog_share_stands() -> None:
    assert _completeness(report()).fraction == 0


@pytest.mark.parametrize(
    "entry",
    [
        {"guide": "CASS-CSR", "items": 10, "disclosed": 9, "not_applicable": 2},
        {"guide": "CASS-CSR", "items": 10, "disclosed": 5, "core_items": 12, "core_disclosed": 5},
        {"guide": "CASS-CSR", "items": 10, "disclosed": 5, "core_items": 6},
        {
            "guide": "CASS-CSR",
            "items": 10,
            "disclosed": 5,
            "core_items": 6,
            "core_disclosed": 5,
            "core_not_applicable": 2,
        },
    ],
)
def test_counts_that_cannot_be_are_refused(entry: dict) -> None:
    with pytest.raises(ValidationError):
        ContentIndex.model_validate(entry)


@pytest.mark.skipif(not CNBM.is_file(), reason="../shared/corpus not present")
def test_the_rated_building_materials_report_index_is_read_near_the_committees_figure() -> None:
    """The Committee published 94.1% of core indicators disclosed; the index's own count is close
    above it, as a claim checked by raters should be."""
    doc = from_text(CNBM.read_text(encoding="utf-8"), str(CNBM))
    [entry] = [plain(e) for e in read_indexes(doc, parts(doc))]
    assert entry["guide"].startswith("CASS-CSR 3")
    assert entry["core_items"] >= 100
    assert 0.941 <= entry["core_disclosed"] / entry["core_items"] <= 1.0


def test_declared_goes_with_counting_indicators_not_areas() -> None:
    with pytest.raises(ValidationError, match="measure: indicators"):
        Criterion.model_validate(
            {
                "id": "t.areas",
                "title": {"en": "t", "zh": "t"},
                "points": 10,
                "check": {"kind": "catalog_share", "measure": "categories", "declared": {"min_core_items": 5}},
                "suggestion": {"en": "{missing}", "zh": "{missing}"},
            }
        )


@settings(max_examples=60, deadline=None)
@given(core=st.integers(1, 300), disclosed=st.integers(0, 300), more=st.integers(0, 50))
def test_an_index_declaring_more_core_items_never_scores_less(core: int, disclosed: int, more: int) -> None:
    disclosed = min(disclosed, core)
    higher = min(core, disclosed + more)
    low = _completeness(report(meta={"content_index": [_index(core, disclosed)]})).fraction
    high = _completeness(report(meta={"content_index": [_index(core, higher)]})).fraction
    assert 0 <= low <= high <= 1
    assert _completeness(report()).fraction <= low


def test_a_gri_g3_index_of_code_relevance_page_triples_reads_a_dash_as_not_disclosed() -> None:
    rows = [f"LA{n}\tHigh\t{40 + n}\tEN{n}\tHigh\t–\tHR{n}\tNot Applicable\t–" for n in range(1, 8)]
    [entry] = _read("Sample Telecom Sustainability Report 2011\nGRI Index (G3.1)\n" + "\n".join(rows) + "\n")
    assert (entry["items"], entry["disclosed"], entry["not_applicable"]) == (21, 7, 7)


def test_codes_joined_by_slashes_share_the_section_of_their_row() -> None:
    rows = [f"章节{n}\tG4-{n}/G4-{n + 20}\tP{n}.1/P{n}.2" for n in range(1, 6)]
    entries = _read("某某公司2016年社会责任报告\n指标索引\n" + "\n".join(rows) + "\n")
    assert {(e["guide"], e["items"], e["disclosed"]) for e in entries} == {("GRI", 10, 10), ("CASS-CSR", 10, 10)}
