"""Answers written into a report YAML (the library under `csr-rating ask`).

An answer changes its own lines and nothing else: comments, `# review:` notes, blank lines and key
order survive; missing parents are created; the top-level `unknown:` list loses what the answer
settles. A bad path or value is an InputError naming it, never a silent guess.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csr_rating.answers import AnswersFile, apply_answers, check_answer, load_answers, write_answers
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.ingest.document import from_text
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.report import Report
from csr_rating.yamlio import load_yaml
from tests.ingest_fixtures import ENGLISH_DRAFT

DRAFT = """\
# Structured report drafted by `csr-rating ingest` from draft.txt (text, en).
# "# line N" after an item says where in the draft it came from.

meta:
  organisation: Riverside Water Group  # line 1
  title: Riverside Water Group Sustainability Report 2023  # line 1
  year: 2023  # line 5
  # review: no industry pack fits (set --industry); scored against the general catalog
  industry: general
  languages: [en]

process:
  preparation_team:
    lead_department: Sustainability Office  # line 9
  release:
    channels: [website]  # line 30

readability:
  # review: none found in the text; pictures may be images: count them in the layout
  pictures: 0
  # review: approximate count from the text
  data_tables: 1  # line 9
  feedback_form: false

unknown:
  - process.leadership.final_review
  - process.release.channels
  - readability.pictures
"""


def answer(text: str, answers: dict[str, Any]) -> str:
    return apply_answers(text, answers, source="draft.yaml")


def changes(before: str, after: str) -> tuple[Counter[str], Counter[str]]:
    """Lines removed and lines added (as multisets, so a moved line would show)."""
    old, new = Counter(before.splitlines()), Counter(after.splitlines())
    return old - new, new - old


def data(text: str) -> dict[str, Any]:
    loaded, _ = load_yaml(text, "answered.yaml")
    return loaded


def with_unknown(text: str, *paths: str) -> str:
    return text + "\nunknown:\n" + "".join(f"  - {path}\n" for path in paths)


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#") or "  # " in line]


# --- only the answered lines change ------------------------------------------------------------


def test_an_answer_changes_its_own_line_and_the_unknown_entry_it_settles() -> None:
    removed, added = changes(DRAFT, answer(DRAFT, {"readability.pictures": 12}))
    assert removed == Counter(["  pictures: 0", "  - readability.pictures"])
    assert added == Counter(["  pictures: 12"])


def test_comments_review_notes_and_blank_lines_survive() -> None:
    after = answer(DRAFT, {"readability.pictures": 12, "process.leadership.final_review": "Chairman"})
    assert comments(after) == comments(DRAFT)
    assert after.count("\n\n") == DRAFT.count("\n\n")
    assert (
        "  # review: none found in the text; pictures may be images: count them in the layout\n  pictures: 12\n"
        in after
    )


def test_a_replaced_value_keeps_the_comment_at_the_end_of_its_line() -> None:
    after = answer(DRAFT, {"readability.data_tables": 3})
    assert "  data_tables: 3  # line 9\n" in after
    assert changes(DRAFT, after) == (Counter(["  data_tables: 1  # line 9"]), Counter(["  data_tables: 3  # line 9"]))


def test_key_order_is_kept() -> None:
    after = answer(DRAFT, {"meta.industry": "water"})
    assert list(data(after)["meta"]) == list(data(DRAFT)["meta"])
    assert list(data(after)) == list(data(DRAFT))


def test_applying_no_answers_returns_the_text_unchanged() -> None:
    assert answer(DRAFT, {}) == DRAFT


def test_values_are_quoted_as_the_loader_needs() -> None:
    answers = {"meta.contact.phone": "yes", "meta.contact.fax": "12", "readability.theme": "Water: # for all"}
    loaded = data(answer(DRAFT, answers))
    assert loaded["meta"]["contact"] == {"phone": "yes", "fax": "12"}
    assert loaded["readability"]["theme"] == "Water: # for all"


def test_a_line_break_in_an_answer_stays_on_one_line() -> None:
    after = answer(DRAFT, {"readability.theme": "Clear water\nfor all"})
    assert data(after)["readability"]["theme"] == "Clear water\nfor all"
    assert len(after.splitlines()) == len(DRAFT.splitlines()) + 1


def test_windows_line_endings_are_kept() -> None:
    crlf = DRAFT.replace("\n", "\r\n")
    after = answer(crlf, {"process.leadership.final_review": "Chairman"})
    assert "\n" not in after.replace("\r\n", "")
    assert data(after)["process"]["leadership"] == {"final_review": "Chairman"}


# --- parents are created, in the model's field order -------------------------------------------


def test_missing_parent_mappings_are_created() -> None:
    after = answer(DRAFT, {"process.leadership.final_review": "Chairman"})
    assert "  preparation_team:\n    lead_department: Sustainability Office  # line 9\n" in after
    assert "  leadership:\n    final_review: Chairman\n  release:\n" in after  # where the model puts it
    assert data(after)["process"]["leadership"] == {"final_review": "Chairman"}


def test_a_missing_section_is_created_after_the_one_before_it_and_set_off_by_a_blank_line() -> None:
    without = DRAFT.replace("process:\n  preparation_team:\n    lead_department: Sustainability Office  # line 9\n", "")
    without = without.replace("  release:\n    channels: [website]  # line 30\n\n", "")
    after = answer(without, {"process.leadership.final_review": "Chairman"})
    assert "  languages: [en]\n\nprocess:\n  leadership:\n    final_review: Chairman\n\nreadability:\n" in after


def test_a_section_written_as_null_is_filled_in() -> None:
    text = DRAFT.replace("readability:\n", "originality:\n\nreadability:\n")
    after = answer(text, {"originality.special_features": [{"title": "Water diary"}]})
    assert "originality:\n  special_features:\n    - title: Water diary\n" in after


def test_a_flow_mapping_stays_a_flow_mapping() -> None:
    text = DRAFT.replace("  languages: [en]\n", "  languages: [en]\n  contact: {email: csr@example.org}  # line 7\n")
    after = answer(text, {"meta.contact.phone": "+86 10 1234"})
    assert "  contact: {email: csr@example.org, phone: +86 10 1234}  # line 7\n" in after


def test_new_lines_follow_the_documents_indentation() -> None:
    four = "meta:\n    organisation: X\n    title: Y\n    year: 2023\nprocess:\n    positioning: [brand]\n"
    after = answer(four, {"process.leadership.final_review": "Chairman"})
    assert after == four.replace("    positioning", "    leadership:\n        final_review: Chairman\n    positioning")


def test_a_list_of_mappings_is_written_as_ingest_writes_it() -> None:
    after = answer(DRAFT, {"meta.assurance": [{"kind": "rating", "provider": "CASS", "result": "five stars"}]})
    assert "  assurance:\n    - kind: rating\n      provider: CASS\n      result: five stars\n" in after


# --- the unknown list ---------------------------------------------------------------------------


def test_the_answered_path_leaves_the_unknown_list() -> None:
    after = answer(DRAFT, {"process.leadership.final_review": "Chairman"})
    assert data(after)["unknown"] == ["process.release.channels", "readability.pictures"]


def test_answering_a_parent_settles_the_paths_below_it() -> None:
    after = answer(DRAFT, {"process.release": {"channels": ["website", "wechat"]}})
    assert data(after)["unknown"] == ["process.leadership.final_review", "readability.pictures"]
    assert "  release:\n    channels: [website, wechat]  # line 30\n" not in after  # the parent's line is new
    assert data(after)["process"]["release"] == {"channels": ["website", "wechat"]}


def test_a_listed_ancestor_stays_listed() -> None:
    text = with_unknown(DRAFT.split("\nunknown:")[0], "process", "readability.pictures")
    after = answer(text, {"process.leadership.final_review": "Chairman", "readability.pictures": 3})
    assert data(after)["unknown"] == ["process"]


def test_a_path_only_sharing_a_prefix_is_not_settled() -> None:
    text = with_unknown(DRAFT.split("\nunknown:")[0], "readability.pictures_extra", "readability.pictures")
    assert data(answer(text, {"readability.pictures": 3}))["unknown"] == ["readability.pictures_extra"]


def test_an_emptied_unknown_list_is_removed() -> None:
    answers = {"process.leadership.final_review": "Chairman", "process.release.channels": [], "readability.pictures": 3}
    after = answer(DRAFT, answers)
    assert "unknown" not in data(after)
    assert "unknown:" not in after
    assert not after.endswith("\n\n")


def test_a_flow_unknown_list_stays_in_flow_style() -> None:
    text = DRAFT.split("\nunknown:")[0] + "\nunknown: [readability.pictures, process]  # asked 2024-05\n"
    after = answer(text, {"readability.pictures": 3})
    assert after.endswith("\nunknown: [process]  # asked 2024-05\n")


def test_a_document_without_unknown_list_gets_none() -> None:
    text = DRAFT.split("\nunknown:")[0]
    assert "unknown" not in data(answer(text, {"readability.pictures": 3}))


# --- None: the report does not have it ---------------------------------------------------------


def test_a_null_answer_deletes_the_key_and_its_own_review_note() -> None:
    after = answer(DRAFT, {"readability.pictures": None})
    removed, added = changes(DRAFT, after)
    assert removed == Counter(
        [
            "  # review: none found in the text; pictures may be images: count them in the layout",
            "  pictures: 0",
            "  - readability.pictures",
        ]
    )
    assert not added
    assert "  # review: approximate count from the text\n  data_tables: 1  # line 9\n" in after


def test_a_null_answer_for_an_absent_key_only_settles_the_unknown_entry() -> None:
    after = answer(DRAFT, {"process.leadership.final_review": None})
    assert changes(DRAFT, after) == (Counter(["  - process.leadership.final_review"]), Counter())


def test_a_null_answer_for_a_whole_section_deletes_it() -> None:
    after = answer(DRAFT, {"process": None})
    assert "process" not in data(after)
    assert data(after)["unknown"] == ["readability.pictures"]
    Report.model_validate({k: v for k, v in data(after).items() if k != "unknown"})


def test_a_required_field_cannot_be_answered_with_null() -> None:
    with pytest.raises(InputError, match="'meta.year' with null: the report must have it"):
        answer(DRAFT, {"meta.year": None})


# --- bad answers are errors naming the path -----------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"process.leadrship.final_review": "X"}, "cannot answer 'process.leadrship.final_review'"),
        ({"readability.pictures.count": 3}, "'readability.pictures' has no sub-fields"),
        ({"topics.name": "X"}, "'topics' has no sub-fields"),
        ({"": 3}, "answer key '' is not a dotted field path"),
        ({"unknown": []}, "'unknown' is not answered itself"),
        ({"readability.pictures": "12"}, "answer for 'readability.pictures': Input should be a valid integer"),
        ({"readability.pictures": -1}, "greater than or equal to 0"),
        ({"readability.pictures": True}, "'readability.pictures'"),
        ({"readability.pictures": 12.0}, "'readability.pictures'"),
        (
            {"readability.feedback_form": "yes"},
            "answer for 'readability.feedback_form': Input should be a valid boolean",
        ),
        ({"meta.release_cycle": "yearly"}, "'annual', 'biennial', 'quarterly' or 'irregular'"),
        ({"process.release.channels": ["website", "fax"]}, "answer for 'process.release.channels' at 1"),
        ({"process.leadership": {"final_review": "X", "chair": "Y"}}, "at chair: Extra inputs are not permitted"),
        ({"process.leadership.final_review": "   "}, "at least 1 character"),
        ({"process.leadership": None, "process.leadership.final_review": "X"}, "overlap"),
    ],
)
def test_a_bad_answer_is_an_input_error_naming_the_path(answers: dict[str, Any], expected: str) -> None:
    with pytest.raises(InputError) as caught:
        answer(DRAFT, answers)
    message = str(caught.value)
    assert expected in message
    assert message.startswith("draft.yaml: ")
    assert "\n" not in message


def test_a_bad_answer_changes_nothing_even_after_good_ones() -> None:
    with pytest.raises(InputError):
        answer(DRAFT, {"readability.pictures": 3, "readability.charts": "many"})


def test_a_report_holding_a_scalar_where_a_section_belongs_is_an_error() -> None:
    text = DRAFT.replace("process:\n  preparation_team:", "process: none\nx:\n  preparation_team:")
    with pytest.raises(InputError, match="cannot answer 'process.leadership.final_review': the report holds 'none'"):
        answer(text, {"process.leadership.final_review": "X"})


def test_invalid_yaml_is_reported_with_its_line() -> None:
    with pytest.raises(InputError, match=r"^draft.yaml:3:"):
        answer("meta:\n  title: x\n  - y\n", {"readability.pictures": 1})


def test_check_answer_is_usable_before_writing() -> None:
    check_answer("process.release.date", "spring 2024")
    with pytest.raises(ValueError, match="process.release.date"):
        check_answer("process.release.date", 2024)


# --- the answers file ---------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_answers_file_gives_its_answers_in_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "answers:\n  process.leadership.final_review: Chairman\n  readability.pictures: 12\n"
        "  process.release.channels: [website, wechat]\n  readability.charts: null\n",
    )
    loaded = load_answers(path)
    assert list(loaded.items()) == [
        ("process.leadership.final_review", "Chairman"),
        ("readability.pictures", 12),
        ("process.release.channels", ["website", "wechat"]),
        ("readability.charts", None),
    ]
    assert (
        data(apply_answers(DRAFT, loaded, source="draft.yaml"))["process"]["leadership"]["final_review"] == "Chairman"
    )


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("answers:\n  readability.pictures: 1\nextra: 2\n", 3, "unknown field 'extra'"),
        ("answer:\n  readability.pictures: 1\n", 1, "required field 'answers' is missing"),
        ("answers:\n  readability.pictures: 1\n  process.leadrship: x\n", 3, "cannot answer 'process.leadrship'"),
        ("answers:\n  readability.pictures: 1\n  readability.charts: '12'\n", 3, "Input should be a valid integer"),
        ("answers:\n  readability.feedback_form: yes\n", 2, "would be read as a yes/no flag"),
        ("answers:\n  process.leadership: null\n  process.leadership.steering: []\n", 3, "overlap"),
        ("answers: [readability.pictures]\n", 1, "expected a mapping"),
        ("answers:\n", 1, "expected a mapping"),
        ("- answers\n", 1, "expected a YAML mapping"),
        ("answers:\n  readability.pictures: 1\n  readability.pictures: 2\n", 3, "readability.pictures"),
    ],
)
def test_answers_file_errors_name_the_file_and_line(tmp_path: Path, text: str, line: int, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_answers(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert expected in message
    assert "\n" not in message


def test_a_missing_answers_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_answers(tmp_path / "absent.yaml")


def test_the_answers_file_model_is_strict() -> None:
    assert AnswersFile.model_validate({"answers": {"readability.pictures": 1}}).answers == {"readability.pictures": 1}
    with pytest.raises(ValueError):
        AnswersFile.model_validate({"answers": {"readability.pictures": 1}, "more": 1})


# --- where the answered report goes -------------------------------------------------------------


def test_output_goes_to_a_new_file_and_refuses_an_existing_one(tmp_path: Path) -> None:
    draft, out = write(tmp_path, DRAFT, "draft.yaml"), tmp_path / "answered.yaml"
    assert write_answers(draft, "new\n", in_place=False, output=out, force=False) == out
    assert out.read_text(encoding="utf-8") == "new\n"
    with pytest.raises(InputError, match="already exists; pass --force"):
        write_answers(draft, "newer\n", in_place=False, output=out, force=False)
    write_answers(draft, "newer\n", in_place=False, output=out, force=True)
    assert out.read_text(encoding="utf-8") == "newer\n"
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_in_place_replaces_the_draft(tmp_path: Path) -> None:
    draft = write(tmp_path, DRAFT, "draft.yaml")
    assert write_answers(draft, "new\n", in_place=True, output=None, force=False) == draft
    assert draft.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]  # no temporary file left


def test_without_output_or_in_place_nothing_is_written(tmp_path: Path) -> None:
    draft = write(tmp_path, DRAFT, "draft.yaml")
    with pytest.raises(InputError, match="pass -o FILE, or --in-place"):
        write_answers(draft, "new\n", in_place=False, output=None, force=False)
    with pytest.raises(InputError, match="not both"):
        write_answers(draft, "new\n", in_place=True, output=tmp_path / "x.yaml", force=False)
    with pytest.raises(InputError, match="standard input"):
        write_answers("-", "new\n", in_place=True, output=None, force=False)
    assert draft.read_text(encoding="utf-8") == DRAFT


# --- a real ingested draft ----------------------------------------------------------------------


def test_answers_into_an_ingested_draft_keep_its_comments_and_still_load(criteria: CriteriaSet) -> None:
    ingested = ingest_document(from_text(ENGLISH_DRAFT, "draft.txt"), criteria=criteria).yaml
    ingested = ingested.split("\nunknown:")[0].rstrip("\n") + "\n"  # its own list, the last section, replaced
    text = with_unknown(ingested, "process.leadership.final_review", "readability.pictures", "meta.release_cycle")
    answers = {
        "process.leadership.final_review": "Chairman",
        "readability.pictures": 14,
        "meta.release_cycle": "annual",
    }
    after = answer(text, answers)
    assert comments(after) == comments(ingested)
    removed, added = changes(text, after)
    assert set(removed) <= {"unknown:", *(f"  - {path}" for path in answers), "  pictures: 0"}
    assert set(added) <= {
        "",
        "process:",
        "  leadership:",
        "    final_review: Chairman",
        "  pictures: 14",
        "  release_cycle: annual",
    }
    loaded = data(after)
    assert "unknown" not in loaded
    report = Report.model_validate(loaded)
    assert (report.process.leadership and report.process.leadership.final_review) == "Chairman"
    assert (report.readability.pictures, report.meta.release_cycle) == (14, "annual")


# --- properties ---------------------------------------------------------------------------------

TRICKY = ["yes", "no", "on", "null", "~", "12", "1.5", "2024-05-01", "- x", "a: b", "# c", "[x]", "'q'", '"d"', "中文"]
names = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30).filter(str.strip),
)
ANSWERS: dict[str, st.SearchStrategy[Any]] = {
    "readability.pictures": st.integers(0, 1_000_000),
    "readability.feedback_form": st.booleans(),
    "readability.theme": names,
    "process.leadership.final_review": names,
    "process.release.channels": st.lists(st.sampled_from(["website", "wechat", "press_conference"]), unique=True),
    "process.feedback.responses": st.integers(0, 1000),
    "meta.release_cycle": st.sampled_from(["annual", "biennial", "quarterly", "irregular"]),
    "meta.contact.email": names,
    "meta.industry": st.sampled_from(["general", "water-utility"]),
}
answer_sets = st.dictionaries(st.sampled_from(sorted(ANSWERS)), st.none(), min_size=1, max_size=len(ANSWERS)).flatmap(
    lambda chosen: st.fixed_dictionaries(
        {path: st.one_of(st.none(), ANSWERS[path]) if path != "meta.industry" else ANSWERS[path] for path in chosen}
    )
)


def leaves(value: Any, prefix: str = "") -> dict[str, Any]:
    """Every non-mapping value by its dotted path."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, inner in value.items():
            found.update(leaves(inner, f"{prefix}.{key}" if prefix else str(key)))
        return found
    return {prefix: value}


def untouched(text: str, answered: set[str]) -> dict[str, Any]:
    return {
        path: value
        for path, value in leaves(data(text)).items()
        if path != "unknown" and not any(path == a or path.startswith(a + ".") for a in answered)
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets)
def test_answers_are_idempotent_and_leave_every_other_fact_alone(answers: dict[str, Any]) -> None:
    once = answer(DRAFT, answers)
    assert answer(once, answers) == once
    loaded = data(once)
    for path, value in answers.items():
        assert leaves(loaded).get(path) == value or (value in (None, []) and path not in leaves(loaded))
    assert untouched(once, set(answers)) == untouched(DRAFT, set(answers))
    assert set(loaded.get("unknown", [])) == set(data(DRAFT)["unknown"]) - set(answers)
    assert set(comments(DRAFT)) - set(comments(once)) <= {
        "  # review: none found in the text; pictures may be images: count them in the layout",  # a deleted key's note
        "  pictures: 0",
    } | {line for line in comments(DRAFT) if "# line 30" in line}
    Report.model_validate({k: v for k, v in loaded.items() if k != "unknown"})


def test_a_mapping_a_null_answer_empties_goes_too() -> None:
    after = answer(DRAFT, {"process.release.channels": None})
    assert "  release:" not in after
    assert data(after)["process"] == {"preparation_team": {"lead_department": "Sustainability Office"}}
    text = DRAFT.replace("  languages: [en]\n", "  languages: [en]\n  contact: {email: csr@example.org}  # line 7\n")
    assert "contact" not in answer(text, {"meta.contact.email": None})


def test_deleting_a_whole_section_leaves_one_blank_line_between_its_neighbours() -> None:
    after = answer(DRAFT, {"process": None})
    assert "  languages: [en]\n\nreadability:\n" in after
