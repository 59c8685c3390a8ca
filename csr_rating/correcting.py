"""Correct or delete an item an ingest marked ``# review:``, in the report YAML's text.

The header of an ingested draft asks its author to "check each one, correct or delete it here"; a page
(``csr-rating serve``) does it for them. The item is the node the note stands above (a list entry, a
key with its value); only its lines and its notes change, every other line and comment stays byte for
byte, as with answers (``answers.py``). Whether the result is still a valid report is for the caller
to check by scoring it: a text that does not score is not taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from csr_rating.answers import cut, indent, notes_above, span
from csr_rating.errors import InputError
from csr_rating.review import REVIEW, annotated

CHANGED = "that review item has changed since the page was shown; look at it again"


@dataclass(frozen=True)
class Item:
    """The lines a review note is about: [start, end) of the text's lines, the notes above from ``notes``."""

    notes: int  # first line of the comments directly above the item (the note among them)
    start: int
    end: int
    column: int  # the item's indentation: of its "-" for a list entry, of its key otherwise
    text: str  # the item's lines without that indentation: what an author edits


def item_at(yaml_text: str, yaml_line: int, shown: str) -> Item:
    """The item under the ``# review:`` note on ``yaml_line`` (1-based). Raises InputError when that
    line holds no note (the text changed since the note was listed) or no item follows it."""
    lines = yaml_text.splitlines(keepends=True)
    index = yaml_line - 1
    if not 0 <= index < len(lines) or REVIEW.match(lines[index]) is None:
        raise InputError(shown, CHANGED, yaml_line)
    target = annotated(lines, index)
    if target is None:
        raise InputError(shown, "this review note stands above no item", yaml_line)
    column = indent(lines[target])
    stripped = lines[target].strip()
    entry = stripped == "-" or stripped.startswith("- ")
    start, end = span(lines, target, column, key=not entry)
    first = notes_above(lines, target, column)
    text = "".join(line[min(column, indent(line)) :] for line in lines[start:end])
    return Item(first, start, end, column, text)


def correct(yaml_text: str, yaml_line: int, new_item: str, shown: str) -> str:
    """The text with the item under the note on ``yaml_line`` replaced by ``new_item`` (written at the
    item's indentation) and its ``# review:`` notes removed: the author has checked it. Other comments
    above the item stay. ``new_item`` the same as the item only settles the note."""
    item = item_at(yaml_text, yaml_line, shown)
    written = [line.rstrip() for line in new_item.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while written and not written[-1]:
        written.pop()
    while written and not written[0]:
        written.pop(0)
    if not written:
        raise InputError(shown, "the corrected item is empty: delete it instead", yaml_line)
    lines = yaml_text.splitlines(keepends=True)
    newline = "\r\n" if lines[item.start].endswith("\r\n") else "\n"
    kept = [line for line in lines[item.notes : item.start] if REVIEW.match(line) is None]
    pad = " " * item.column
    body = [f"{pad}{line}{newline}" if line else newline for line in written]
    return "".join([*lines[: item.notes], *kept, *body, *lines[item.end :]])


def delete(yaml_text: str, yaml_line: int, shown: str) -> str:
    """The text without the item under the note on ``yaml_line``, its notes and comments above it."""
    item = item_at(yaml_text, yaml_line, shown)
    lines = yaml_text.splitlines(keepends=True)
    cut(lines, item.start, item.end, item.column)
    return "".join(lines)
