"""`csr-rating ask`: the questions a draft leaves open, put to its author; the answers land in the
report YAML (comments and review notes kept) and the range narrows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from csr_rating.api import rate
from csr_rating.asking import NotUnderstood, interview, parse
from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import I18n
from csr_rating.ingest.document import from_text
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.loading import load_report
from csr_rating.review import count_reviews
from csr_rating.scorecard import Question
from tests.conftest import ROOT, SHARED
from tests.ingest_fixtures import cut_rating_letter

SEED = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
LETTER_ANSWERS = ROOT / "calibration" / "answers" / "china-telecom-2020.yaml"
DRAFT = "示例集团2020年社会责任报告\n2020年，公司营业收入120亿元。\n指标\t2018\t2019\t2020\n员工总数（人）\t1200\t1300\t1350\n安全生产事故（起）\t1\t0\t0"


def _question(kind: str, choices: list[str] | None = None, field: str = "readability.pictures") -> Question:
    return Question(
        field=field, answer_field=field, question=I18n(en="?", zh="？"), kind=kind, choices=choices or [], gain=1.0
    )


def _ask(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "csr_rating", "ask", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.fixture
def draft(tmp_path: Path, criteria: CriteriaSet) -> Path:
    path = tmp_path / "draft.yaml"
    path.write_text(ingest_document(from_text(DRAFT, "draft.txt"), criteria=criteria, year=2020).yaml, encoding="utf-8")
    return path


class TestAnswers:
    @pytest.mark.parametrize(
        ("kind", "choices", "typed", "value"),
        [
            ("yes_no", None, "yes", True),
            ("yes_no", None, "否", False),
            ("number", None, " 12 ", 12),
            ("choices", ["website", "wechat", "media"], "1, media", ["website", "media"]),
            ("choice", ["annual", "biennial"], "2", "biennial"),
            ("text", None, "董事长", "董事长"),
        ],
    )
    def test_typed_answers_become_field_values(self, kind, choices, typed, value):
        assert parse(_question(kind, choices), typed) == value

    def test_names_become_list_entries(self):
        question = _question("names", field="originality.special_features")
        assert parse(question, "抗疫专题、乡村振兴专题") == [{"title": "抗疫专题"}, {"title": "乡村振兴专题"}]

    def test_enter_skips_and_a_dash_says_the_report_does_not_have_it(self):
        assert parse(_question("number"), "") is ...
        assert parse(_question("number"), "-") is None

    @pytest.mark.parametrize(("kind", "typed"), [("number", "many"), ("yes_no", "maybe"), ("choices", "9")])
    def test_input_that_does_not_fit_is_not_guessed(self, kind, typed):
        with pytest.raises(NotUnderstood):
            parse(_question(kind, ["a", "b"]), typed)

    def test_ctrl_c_keeps_what_was_answered(self):
        questions = [_question("number"), _question("yes_no", field="readability.feedback_form")]
        typed = iter(["7"])

        def read(prompt: str) -> str:
            try:
                return next(typed)
            except StopIteration:
                raise KeyboardInterrupt from None

        assert interview(questions, read, "en", lambda _: None) == {"readability.pictures": 7}

    def test_input_that_does_not_fit_is_asked_once_more_then_skipped(self):
        typed = iter(["lots", "many"])
        said: list[str] = []
        assert interview([_question("number")], lambda _: next(typed), "en", said.append) == {}
        assert any("skipped" in line for line in said)


class TestCommand:
    def test_answers_are_written_with_comments_kept_and_the_range_narrows(self, draft, tmp_path, criteria):
        answers = tmp_path / "answers.yaml"
        answers.write_text(
            "answers:\n  process.leadership.final_review: 董事长\n  readability.pictures: 40\n", encoding="utf-8"
        )
        out = tmp_path / "answered.yaml"
        run = _ask(str(draft), "--answers", str(answers), "-o", str(out))
        assert run.returncode == 0, run.stderr
        assert "2 answers written" in run.stderr
        before, after = draft.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
        assert count_reviews(after) == count_reviews(before)
        assert "final_review: 董事长" in after and "  - readability.pictures" not in after
        old, new = rate(draft, criteria).overall.range, rate(out, criteria).overall.range
        assert old is not None and new is not None
        assert new.low >= old.low and new.high <= old.high and (new.low, new.high) != (old.low, old.high)

    def test_typed_answers_on_standard_input(self, draft, tmp_path):
        out = tmp_path / "answered.yaml"
        run = _ask(str(draft), "-o", str(out), "--lang", "en", stdin="\n" * 40)
        assert run.returncode == 0 and "no answers; nothing written" in run.stderr and not out.exists()
        assert "Enter to skip" in run.stderr and run.stdout == ""

    def test_in_place_replaces_the_report_only_when_asked(self, draft, tmp_path):
        answers = tmp_path / "a.yaml"
        answers.write_text("answers:\n  readability.feedback_form: true\n", encoding="utf-8")
        run = _ask(str(draft), "--answers", str(answers))
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and "--in-place" in run.stderr
        assert _ask(str(draft), "--answers", str(answers), "--in-place").returncode == 0
        assert "feedback_form: true" in draft.read_text(encoding="utf-8")

    def test_a_bad_answers_file_names_file_and_line(self, draft, tmp_path):
        answers = tmp_path / "a.yaml"
        answers.write_text("answers:\n  readability.pictures: many\n", encoding="utf-8")
        run = _ask(str(draft), "--answers", str(answers), "-o", str(tmp_path / "o.yaml"))
        assert run.returncode == 2 and f"{answers}:2" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds")
def test_the_letters_facts_settle_the_reference_drafts_procedure_and_overall_star(tmp_path, criteria):
    text = tmp_path / "reference.txt"
    text.write_text(cut_rating_letter(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    draft = tmp_path / "reference.yaml"
    draft.write_text(
        ingest_document(from_text(text.read_text(encoding="utf-8"), "reference.txt"), criteria=criteria).yaml,
        encoding="utf-8",
    )
    out = tmp_path / "answered.yaml"
    run = _ask(str(draft), "--answers", str(LETTER_ANSWERS), "-o", str(out))
    assert run.returncode == 0, run.stderr
    card = rate(out, criteria)
    procedure = next(d for d in card.dimensions if d.id == "procedure")
    assert procedure.stars == 5  # the letter gave five stars for procedure
    old = rate(draft, criteria).overall
    assert card.overall.score > old.score and card.overall.range is not None and old.range is not None
    assert card.overall.range.high <= old.range.high
    # the published overall five stars, at both ends: what the letter leaves unsaid (the chart count, new
    # forms, management rules) can only raise the score
    assert card.overall.range.low_stars == card.overall.range.high_stars == 5


def test_the_cases_on_the_topics_are_a_total_spread_over_the_topics(tmp_path, criteria):
    text = "\n".join(
        ["示例集团2020年社会责任报告"]
        + ["公司推进安全生产管理，开展安全培训，员工权益保障有力。"] * 3
        + ["公司持续推进节能减排与环境管理，加强供应商管理。"] * 3
    )
    draft = tmp_path / "draft.yaml"
    ingested = ingest_document(from_text(text, "draft.txt"), criteria=criteria, year=2020)
    assert "topics.cases" in ingested.report.unknown  # no labelled case box: the text cannot show them
    draft.write_text(ingested.yaml, encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("answers:\n  topics.cases: 5\n", encoding="utf-8")
    out = tmp_path / "o.yaml"
    run = _ask(str(draft), "--answers", str(answers), "-o", str(out))
    assert run.returncode == 0, run.stderr
    report, _ = load_report(out)
    assert sum(t.cases for t in report.topics) == 5 and "topics.cases" not in report.unknown
