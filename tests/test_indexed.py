"""Indicators a report's content index points to, whose figures the draft's text does not show.

The report has them (its index says on which page); the draft cannot show them. Ingest lists them
in ``indexed_indicators`` and marks the section unknown: absent at the low end, at their best at the
high end, and one question settles them. Settled entries count as disclosed for two years."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csr_rating.answers import apply_answers
from csr_rating.api import ingest_draft
from csr_rating.criteria import CriteriaSet
from csr_rating.engine import score
from csr_rating.ingest.matching import Matcher
from csr_rating.loading import parse_text
from csr_rating.questions import answer_value
from csr_rating.ranging import score_range
from csr_rating.report import Report
from csr_rating.unknowns import best_case

TURNOVER = {"name": "Employee turnover rate", "id": "gen.employee-turnover-rate", "page": "P42"}


def _bare() -> dict[str, Any]:
    return {"meta": {"organisation": "Demo", "title": "Demo report", "year": 2020, "industry": "telecom"}}


def _criterion(card: Any, criterion: str) -> float:
    return next(c.earned for d in card.dimensions for c in d.criteria if c.id == criterion)


class TestScoring:
    def test_settled_entries_count_as_disclosed_for_two_years(self, criteria: CriteriaSet) -> None:
        data = _bare()
        without = score(Report.model_validate(data), criteria)
        settled = score(Report.model_validate({**data, "indexed_indicators": [TURNOVER]}), criteria)
        assert _criterion(settled, "balance.negative-indicators") > _criterion(without, "balance.negative-indicators")

    def test_unknown_entries_are_absent_at_the_low_end_and_at_their_best_at_the_high_end(
        self, criteria: CriteriaSet
    ) -> None:
        data = _bare()
        without = score(Report.model_validate(data), criteria)
        report = Report.model_validate({**data, "indexed_indicators": [TURNOVER], "unknown": ["indexed_indicators"]})
        card = score_range(report, criteria)
        assert card.overall.score == without.overall.score
        balance = next(d for d in card.dimensions if d.id == "balance")
        assert balance.range is not None and balance.range.high > balance.range.low
        question = next(q for q in card.questions if q.answer_field == "indexed_indicators")
        assert question.kind == "choices" and question.choices == ["Employee turnover rate"]

    def test_an_answer_keeps_the_named_entries_with_their_ids_and_settles_them(self, criteria: CriteriaSet) -> None:
        text = (
            "meta: {organisation: Demo, title: Demo report, year: 2020, industry: telecom}\n"
            "indexed_indicators:\n"
            "  - name: Employee turnover rate  # line 9\n"
            "    id: gen.employee-turnover-rate\n"
            "    page: P42\n"
            "  - name: Total energy consumption\n"
            "    id: gen.energy-consumption\n"
            "unknown:\n"
            "  - indexed_indicators\n"
        )
        answer = answer_value("indexed_indicators", ["Employee turnover rate"])  # names, as typed or in a file
        answered = apply_answers(text, {"indexed_indicators": answer}, source="demo.yaml")
        report, _ = parse_text(Report, answered, "demo.yaml")
        assert report.unknown == []
        assert [(e.name, e.id, e.page) for e in report.indexed_indicators] == [
            ("Employee turnover rate", "gen.employee-turnover-rate", "P42")
        ]
        assert "# line 9" in answered  # the entry's comment stays


INDEX_DRAFT = """中国示例集团2020年社会责任报告
中国示例集团有限公司
员工
2020年，公司员工总数12000人。社会保险覆盖率100%。
我们持续完善薪酬福利体系。
指标	单位	2018	2019	2020
女性员工比例	%	33	34	35
指标索引
指标分类	序号	指标内容	页码	指标性质
	S2.1	劳动合同签订率	P40	核心
	S2.2	社会保险覆盖率	P40	核心
	S2.3	员工满意度	P42	扩展
	S2.4	员工流失率	P42	扩展
	S2.5	员丄培训投入	P43	核心
	S2.6	女性员工比例	P44	核心
	S2.7	女性管理者比例	P44	核心
	S2.8	新增就业人数	P45	核心
	S2.9	困难员工帮扶投入	P46	核心
	S2.10	员工体检覆盖率	P46	核心
	S2.11	年度新增职业病	P47	核心
"""


class TestIngest:
    def test_index_items_whose_figures_the_text_lacks_become_unknown_entries(
        self, tmp_path: Path, criteria: CriteriaSet
    ) -> None:
        draft = tmp_path / "draft.txt"
        draft.write_text(INDEX_DRAFT, encoding="utf-8")
        result = ingest_draft(draft, industry="general", criteria=criteria)
        ids = [e.id for e in result.report.indexed_indicators]
        assert "gen.employee-turnover-rate" in ids  # listed on P42, no figure in the text
        assert "gen.training-investment" in ids  # "员丄" is what an OCR reads for 员工
        assert "gen.female-employees-ratio" not in ids  # the text gives its figures over three years
        assert "gen.social-insurance-coverage" in ids  # one year in the text: the index's page may hold more
        assert "indexed_indicators" in result.report.unknown
        entry = next(e for e in result.report.indexed_indicators if e.id == "gen.employee-turnover-rate")
        assert entry.page == "P42"

    def test_an_ocr_misread_character_does_not_hide_a_name(self, criteria: CriteriaSet) -> None:
        matcher = Matcher(criteria.catalog_for("general"))
        assert matcher.indicator("员丄流失率") == matcher.indicator("员工流失率")


class TestBestCase:
    def test_an_entry_the_draft_shows_for_one_year_gains_the_years_of_its_page(self, criteria: CriteriaSet) -> None:
        one_year = {"name": "Employee turnover rate", "id": "gen.employee-turnover-rate", "values": {2020: 3.1}}
        data = {**_bare(), "indicators": [one_year], "indexed_indicators": [TURNOVER], "unknown": ["indexed_indicators"]}
        card = score_range(Report.model_validate(data), criteria)
        trends = next(c for d in card.dimensions for c in d.criteria if c.id == "balance.negative-trends")
        assert trends.earned == 0  # the low end: one year, as given
        best = best_case(Report.model_validate(data))
        assert len(best.indicators) == 1 and len(best.indicators[0].years) == 10  # one indicator, its page's years


class TestAnswers:
    TEXT = (
        "meta: {organisation: Demo, title: Demo report, year: 2020, industry: telecom}\n"
        "indexed_indicators: [{name: Employee turnover rate, id: gen.employee-turnover-rate, page: P42}, {name: B}]\n"
        "unknown: [indexed_indicators]\n"
    )

    def test_a_name_not_listed_is_an_error_not_a_new_entry(self) -> None:
        import pytest

        from csr_rating.errors import InputError

        with pytest.raises(InputError, match="'Nope' is not one of the listed items"):
            apply_answers(self.TEXT, {"indexed_indicators": answer_value("indexed_indicators", ["Nope"])}, source="d.yaml")

    def test_a_flow_list_keeps_the_named_entries_ids_and_pages(self) -> None:
        answer = answer_value("indexed_indicators", ["Employee turnover rate"])
        report, _ = parse_text(Report, apply_answers(self.TEXT, {"indexed_indicators": answer}, source="d.yaml"), "d.yaml")
        assert [(e.id, e.page) for e in report.indexed_indicators] == [("gen.employee-turnover-rate", "P42")]
