"""Unknown is not zero: facts a draft cannot show make the rating a range, and questions settle it.

The low end scores the report as given, the high end with every unknown fact at its best; answering
a question can only narrow the range. Reports with nothing unknown score exactly as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from csr_rating.criteria import CriteriaSet
from csr_rating.engine import score
from csr_rating.loading import load_report
from csr_rating.questions import answer_value, kind_of, leaves, wordings
from csr_rating.ranging import score_range
from csr_rating.report import UNKNOWABLE_ENTRY_FIELDS, UNKNOWABLE_ROOTS, Report
from csr_rating.unknowns import annotation_at, covers
from tests.conftest import REFERENCE

LEAVES = sorted(wordings())


def _reference() -> Report:
    report, _ = load_report(REFERENCE)
    return report


def _with(report: Report, **changes: Any) -> Report:
    return Report.model_validate({**report.model_dump(mode="python"), **changes})


class TestFormat:
    def test_unknown_lists_field_paths_of_the_sections_a_draft_may_not_show(self):
        report = _with(_reference(), unknown=["process.leadership.final_review", "readability", "meta.formats"])
        assert report.unknown == ["process.leadership.final_review", "readability", "meta.formats"]

    def test_the_cases_of_every_key_topic_may_be_unknown(self, criteria):
        topics = [{"name": "Network quality", "depth": "detailed"}]
        report = _with(_reference(), topics=topics, unknown=["topics.cases"])
        card = score_range(report, criteria)
        substance = next(d for d in card.dimensions if d.id == "substance")
        assert substance.range is not None and substance.range.high > substance.range.low
        assert [q.answer_field for q in card.questions] == ["topics.cases"]

    @pytest.mark.parametrize(
        ("path", "message"),
        [
            ("meta.year", "cannot be unknown"),
            ("indicators", "cannot be unknown"),
            ("process.nope", "is not a report field"),
            ("originality.testimonials.who", "has no sub-fields"),
            ("meta", "cannot be unknown as a whole"),
        ],
    )
    def test_other_paths_are_input_errors_naming_the_path(self, path, message):
        with pytest.raises(ValidationError, match=message):
            _with(_reference(), unknown=[path])

    def test_the_json_schema_documents_unknown(self):
        assert "unknown" in Report.model_json_schema()["properties"]


class TestRange:
    def test_a_report_with_nothing_unknown_scores_as_before_with_low_equal_to_high(self, criteria: CriteriaSet):
        report = _reference()
        card = score_range(report, criteria)
        plain = score(report, criteria)
        assert card.overall.score == plain.overall.score and card.questions == []
        assert card.overall.range is not None and card.overall.range.low == card.overall.range.high
        assert [d.stars for d in card.dimensions] == [d.stars for d in plain.dimensions]

    def test_an_unknown_fact_scores_as_given_at_the_low_end_and_at_its_best_at_the_high_end(self, criteria):
        data = _reference().model_dump(mode="python")
        data["process"].pop("preparation_team")
        given = Report.model_validate(data)
        unknown = Report.model_validate({**data, "unknown": ["process.preparation_team"]})
        card = score_range(unknown, criteria)
        procedure = card.dimensions[0]
        assert procedure.range is not None
        assert procedure.range.low == score(given, criteria).dimensions[0].score
        assert procedure.range.high == score(_reference(), criteria).dimensions[0].score
        assert [q.answer_field for q in card.questions] == ["process.preparation_team.lead_department"]

    def test_a_criterion_that_depends_on_an_unknown_fact_asks_a_question_not_for_a_change(self, criteria):
        data = _reference().model_dump(mode="python")
        data["process"].pop("preparation_team")
        card = score_range(Report.model_validate({**data, "unknown": ["process.preparation_team"]}), criteria)
        assert "procedure.preparation-team" not in {s.criterion for s in card.suggestions}
        for d in card.dimensions:
            assert all(
                step.criterion != "procedure.preparation-team" for step in (d.next_star.steps if d.next_star else [])
            )

    def test_a_whole_section_is_asked_field_by_field_largest_gain_first(self, criteria):
        reference = _reference()
        card = score_range(_with(reference, unknown=["process"]), criteria)
        # the reference states its process facts but management rules: only that can gain
        assert [q.answer_field for q in card.questions] == ["process.management_rules"]
        assert reference.process.management_rules == []
        empty = _with(_reference(), process={}, unknown=["process"])
        asked = score_range(empty, criteria).questions
        assert {q.answer_field for q in asked} >= {
            "process.preparation_team.lead_department",
            "process.leadership.final_review",
        }
        assert [q.gain for q in asked] == sorted((q.gain for q in asked), reverse=True)
        assert all(q.field == "process" for q in asked)


class TestQuestions:
    @pytest.mark.parametrize("path", LEAVES)
    def test_every_question_names_a_field_that_may_be_unknown_in_both_languages(self, path):
        assert annotation_at(path) is not None
        assert any(covers(root, path) for root in UNKNOWABLE_ROOTS) or path in UNKNOWABLE_ENTRY_FIELDS
        assert wordings()[path].en.endswith(("?", ")", ".")) and wordings()[path].zh

    def test_every_field_a_bundled_criterion_reads_in_those_sections_has_a_question(self, criteria):
        read: set[str] = set()
        for dimension in criteria.dimensions:
            for criterion in dimension.criteria:
                params = criterion.check.model_dump()
                read |= {params["field"]} if isinstance(params.get("field"), str) else set()
                read |= set(params.get("fields") or [])
        unknowable = {p for p in read if any(covers(root, p) for root in UNKNOWABLE_ROOTS)}
        assert all(leaves(p) for p in unknowable), [p for p in unknowable if not leaves(p)]

    @pytest.mark.parametrize(
        ("path", "kind"),
        [
            ("readability.feedback_form", "yes_no"),
            ("readability.pictures", "number"),
            ("process.release.channels", "choices"),
            ("process.management_rules", "names"),
            ("process.leadership.final_review", "text"),
        ],
    )
    def test_the_kind_of_answer_comes_from_the_model(self, path, kind):
        assert kind_of(path)[0] == kind

    def test_names_become_list_entries(self):
        assert answer_value("originality.special_features", ["抗疫专题"]) == [{"title": "抗疫专题"}]
        assert answer_value("meta.assurance", ["某评级机构"]) == [{"kind": "assurance", "provider": "某评级机构"}]


def _value(path: str) -> st.SearchStrategy[Any]:
    """An answer an author might give for a field."""
    kind, choices = kind_of(path)
    if kind == "yes_no":
        return st.booleans()
    if kind == "number":
        return st.integers(0, 60)
    if kind == "choices":
        return st.lists(st.sampled_from(choices), unique=True)
    if kind == "names":
        return st.lists(st.sampled_from(["甲", "乙", "丙", "Alpha", "Beta"]), unique=True, max_size=4).map(
            lambda names: answer_value(path, names)
        )
    if kind == "choice":
        return st.sampled_from(choices)
    return st.sampled_from(["Chairman", "董事会", "办公室"])


_OPEN: dict[int, tuple[Report, Any]] = {}


def _open_reference(criteria: CriteriaSet) -> tuple[Report, Any]:
    """The reference with its process, readability and originality unknown, and its scorecard (once)."""
    if id(criteria) not in _OPEN:
        sections = ["process", "readability", "originality"]
        base = _with(_reference(), process={}, readability={}, originality={}, unknown=sections)
        _OPEN[id(criteria)] = (base, score_range(base, criteria))
    return _OPEN[id(criteria)]


def _answered(report: Report, leaf: str, value: Any) -> Report:
    """``report`` with ``leaf`` answered: the value set, and the section it was unknown through
    split into its other fields, which stay unknown."""
    data = report.model_dump(mode="python")
    *parents, last = leaf.split(".")
    target = data
    for part in parents:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[last] = value
    unknown = [p for p in report.unknown if not covers(p, leaf)]
    for root in (p for p in report.unknown if covers(p, leaf)):
        unknown += [other for other in leaves(root) if other != leaf]
    return Report.model_validate({**data, "unknown": unknown})


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_answering_a_question_only_narrows_the_range(criteria, data):
    base, before = _open_reference(criteria)
    leaf = data.draw(st.sampled_from([q.answer_field for q in before.questions]))
    after = score_range(_answered(base, leaf, data.draw(_value(leaf))), criteria, ask=False)
    pairs = [(before.overall.range, after.overall.range)]
    pairs += [(b.range, a.range) for b, a in zip(before.dimensions, after.dimensions, strict=True)]
    for old, new in pairs:
        assert old is not None and new is not None
        assert new.low >= old.low - 1e-6 and new.high <= old.high + 1e-6


class TestIngestMarksWhatADraftCannotShow:
    DRAFT = "示例集团2020年社会责任报告\n本报告由公司办公室牵头成立报告编写组，董事会审定。\n报告通过公司网站发布。"

    def _ingested(self, criteria):
        from csr_rating.ingest.document import from_text
        from csr_rating.ingest.pipeline import ingest_document

        return ingest_document(from_text(self.DRAFT, "草稿.txt"), criteria=criteria, year=2020)

    def test_layout_is_unknown_in_a_text_draft_and_each_entry_says_why(self, criteria):
        draft = self._ingested(criteria)
        assert {"readability.pictures", "readability.design"} <= set(draft.report.unknown)
        assert "readability.pictures  # on the designed pages, which a text draft does not show" in draft.yaml

    def test_a_process_fact_the_draft_states_is_not_unknown_one_it_does_not_state_is(self, criteria):
        unknown = set(self._ingested(criteria).report.unknown)
        assert "process.preparation_team" not in unknown
        assert "process.subsidiary_reports" in unknown
        assert "process.release.channels" in unknown  # stated in part: more channels may be used

    def test_the_draft_scores_as_a_range_with_questions(self, criteria):
        card = score_range(self._ingested(criteria).report, criteria)
        assert card.overall.range is not None and card.overall.range.high > card.overall.range.low
        assert card.questions and all(q.gain > 0 for q in card.questions)


class TestPicturesAPdfOrWordFileShows:
    """A PDF's or Word file's images are counted, so there pictures are known, not unknown."""

    @staticmethod
    def _png(path: Path) -> Path:
        from PIL import Image

        Image.new("RGB", (200, 120), (30, 120, 200)).save(path)
        return path

    TEXT: ClassVar = ["示例集团2020年社会责任报告", "本报告由公司办公室牵头编制。", "2020年，公司营业收入120亿元。" * 3]

    def test_a_pdfs_pictures_are_counted(self, tmp_path, criteria):
        from reportlab.lib.utils import ImageReader
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        from csr_rating.ingest.pipeline import ingest

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        png = ImageReader(str(self._png(tmp_path / "p.png")))
        pdf = canvas.Canvas(str(tmp_path / "r.pdf"))
        for _ in range(2):
            pdf.setFont("STSong-Light", 11)
            for n, line in enumerate(self.TEXT):
                pdf.drawString(60, 780 - 20 * n, line)
            pdf.drawImage(png, 60, 400, width=200, height=120)
            pdf.drawImage(png, 300, 400, width=10, height=10)  # an icon, not a picture
            pdf.showPage()
        pdf.save()
        draft = ingest(tmp_path / "r.pdf", criteria=criteria, year=2020)
        assert draft.report.readability.pictures == 2
        assert "readability.pictures" not in draft.report.unknown

    def test_a_word_files_pictures_are_counted(self, tmp_path, criteria):
        import docx

        from csr_rating.ingest.pipeline import ingest

        document = docx.Document()
        for line in self.TEXT:
            document.add_paragraph(line)
        document.add_picture(str(self._png(tmp_path / "p.png")))
        document.save(str(tmp_path / "r.docx"))
        draft = ingest(tmp_path / "r.docx", criteria=criteria, year=2020)
        assert draft.report.readability.pictures == 1
        assert "readability.pictures" not in draft.report.unknown
