"""Correcting or deleting a `# review:` item in the YAML text: only the item's lines and its notes change."""

from __future__ import annotations

import pytest

from csr_rating.correcting import correct, delete, item_at
from csr_rating.errors import InputError
from csr_rating.review import review_items

TEXT = """\
# Structured report drafted by `csr-rating ingest` from draft.txt (text, en).
meta:
  organisation: Riverside Water Group  # line 1
  # review: no industry pack fits (set --industry); scored against the general catalog
  industry: general
  year: 2023

indicators:
  # a comment of the author's
  # review: linked by a fuzzy match; remove the id if wrong (confidence 0.74)
  - name: Water supplied  # line 12
    id: gen.water
    values: {2023: 5}
  # review: figure read from the prose; check value, unit and year
  - name: Pipes renewed  # line 20
    unit: km
    values: {2023: 3}
  - name: Leaks  # line 22
# review: a note above nothing
"""


def lines_of(note: str) -> int:
    return next(item.yaml_line for item in review_items(TEXT) if item.review.startswith(note))


def test_the_item_is_the_entry_or_key_under_the_note() -> None:
    entry = item_at(TEXT, lines_of("linked"), "r.yaml")
    assert entry.text == "- name: Water supplied  # line 12\n  id: gen.water\n  values: {2023: 5}\n"
    key = item_at(TEXT, lines_of("no industry"), "r.yaml")
    assert key.text == "industry: general\n"


def test_a_correction_replaces_the_item_and_drops_only_its_review_note() -> None:
    line = lines_of("linked")
    edited = item_at(TEXT, line, "r.yaml").text.replace("id: gen.water", "id: gen.water-supplied")
    after = correct(TEXT, line, edited.replace("\n", "\r\n"), "r.yaml")  # a browser sends CRLF
    assert after == TEXT.replace(
        "  # review: linked by a fuzzy match; remove the id if wrong (confidence 0.74)\n", ""
    ).replace("    id: gen.water\n", "    id: gen.water-supplied\n")
    assert "  # a comment of the author's\n" in after


def test_saving_the_item_unchanged_settles_its_note() -> None:
    line = lines_of("figure read")
    after = correct(TEXT, line, item_at(TEXT, line, "r.yaml").text, "r.yaml")
    assert after == TEXT.replace("  # review: figure read from the prose; check value, unit and year\n", "")


def test_a_deletion_takes_the_item_and_the_notes_above_it() -> None:
    after = delete(TEXT, lines_of("figure read"), "r.yaml")
    assert "Pipes renewed" not in after and "figure read" not in after
    assert "  - name: Leaks  # line 22\n" in after and "Water supplied" in after


@pytest.mark.parametrize("line", [1, 3, 999])
def test_a_line_without_a_note_is_refused(line: int) -> None:
    with pytest.raises(InputError, match="changed since the page was shown"):
        correct(TEXT, line, "x: 1", "r.yaml")


def test_an_empty_correction_and_a_note_above_nothing_are_refused() -> None:
    with pytest.raises(InputError, match="empty: delete it instead"):
        correct(TEXT, lines_of("figure read"), "\n  \n", "r.yaml")
    with pytest.raises(InputError, match="above no item"):
        delete(TEXT, lines_of("a note above nothing"), "r.yaml")
