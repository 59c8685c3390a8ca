"""What a draft's content index says it discloses: per guide, how many items it lists, how many it
points to a page for, and which of the guide's core items it leaves out.

A CASS-CSR index lists the guide's indicators by code (``P4.5``, ``M2.13``, ``E1.1``, ``(A1)``),
each with the page that discloses it or a reason it does not (不适用, 无此类情况, 暂未纳入统计体系),
and marks each 核心 (core) or 扩展 (extended). The Committee's completeness is the share of the
guide's core indicators disclosed, and raters read it off this index (checking the pages), so the
index's own count is the closest thing a draft shows to that figure. A GRI or HKEX index is read the
same way, without core marks.

Only the lines structure.py found to be an index are read; a row needs a code and, to count as
disclosed, a page reference (``P12``, ``12-14``, ``封二``, "p. 12"). A row with a reason counts as not
applicable or not disclosed, by the reason. A row with neither is listed but not counted as disclosed:
OCR may have lost its page. Vocabulary lives in vocabulary.py (``CONTENT_INDEX``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from csr_rating.ingest.document import HAN, Document, Line
from csr_rating.ingest.noted import Noted
from csr_rating.ingest.structure import Part
from csr_rating.ingest.vocabulary import CONTENT_INDEX

MAX_MISSING = 200  # core items named as not disclosed, per guide
MAX_WORDS = 80  # characters of an item's name: a longer cell is a sentence, not an index item

_GUIDES = [(name, re.compile(spec["code"], re.IGNORECASE)) for name, spec in CONTENT_INDEX["guides"].items()]
_PAGE = re.compile(CONTENT_INDEX["page"], re.IGNORECASE)
_NOT_APPLICABLE = re.compile(CONTENT_INDEX["not_applicable"], re.IGNORECASE)
_NOT_DISCLOSED = re.compile(CONTENT_INDEX["not_disclosed"], re.IGNORECASE)
_CORE = re.compile(CONTENT_INDEX["core"], re.IGNORECASE)
_EXTENDED = re.compile(CONTENT_INDEX["extended"], re.IGNORECASE)
_PAGES_ONLY = re.compile(CONTENT_INDEX["pages_only"], re.IGNORECASE)
_ANY_CODE = re.compile("|".join(f"(?:{spec['code']})" for spec in CONTENT_INDEX["guides"].values()), re.IGNORECASE)
_HAS_WORDS = re.compile(f"[{HAN}]{{2}}|[A-Za-z]{{3}}")
_VERSION = re.compile(CONTENT_INDEX["version"], re.IGNORECASE)


@dataclass(frozen=True)
class IndexRow:
    """One item the index says the report discloses: its words (no code, page or marks) and page."""

    code: str
    words: str
    page: str
    line: Line


@dataclass
class _Tally:
    """One guide's rows, as read."""

    guide: str
    first: Line
    codes: set[str] = field(default_factory=set)
    disclosed: set[str] = field(default_factory=set)
    not_applicable: set[str] = field(default_factory=set)
    core: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)
    rows: list[IndexRow] = field(default_factory=list)  # the disclosed items, in index order

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "guide": self.guide,
            "items": len(self.codes),
            "disclosed": len(self.disclosed),
            "not_applicable": len(self.not_applicable),
        }
        if len(self.core) >= CONTENT_INDEX["min_rows"]:
            out["core_items"] = len(self.core)
            out["core_disclosed"] = len(self.core & self.disclosed)
            out["core_not_applicable"] = len(self.core & self.not_applicable)
            out["core_missing"] = self.missing[:MAX_MISSING]
        return out


def read_indexes(doc: Document, found: list[Part]) -> list[Noted]:
    """One entry per guide whose index the draft prints (at least ``min_rows`` coded rows)."""
    return read_index(doc, found)[0]


def read_index(doc: Document, found: list[Part]) -> tuple[list[Noted], list[IndexRow]]:
    """The entries of ``read_indexes`` and the items those indexes say the report discloses, with a
    page, in index order: the index read once for both."""
    read = _read(doc, found)
    return [noted for noted, _ in read], [row for _, tally in read for row in tally.rows]


def _read(doc: Document, found: list[Part]) -> list[tuple[Noted, _Tally]]:
    tallies: dict[str, _Tally] = {}
    headings: dict[str, str] = {}
    for part in found:
        if part.kind != "content_index":
            continue
        heading = doc.lines[part.first].text
        lines = [line for line in doc.lines[part.first : part.last + 2] if line.text.strip()]
        for line, after in zip(lines, [*lines[1:], None], strict=True):
            _read_row(line, after, tallies, heading, headings)
    out = []
    for name, tally in sorted(tallies.items(), key=lambda pair: pair[1].first.number):
        if len(tally.codes) < CONTENT_INDEX["min_rows"]:
            continue
        tally.guide = headings.get(name, name)
        summary = tally.summary()
        review = None
        if "core_items" in summary:
            review = (
                "the index's own count of core items disclosed counts for completeness: "
                "check that it lists every core item of the guide and that the pages hold them"
            )
        out.append((Noted(summary, tally.first.where, review, 0.6), tally))
    return out


def _read_row(
    line: Line, after: Line | None, tallies: dict[str, _Tally], heading: str, headings: dict[str, str]
) -> None:
    """Count the row's codes for each guide it maps to. Each code takes the page or reason between
    it and the next code (rows of several code-page pairs), else the row's. A row whose page stands
    alone on the next line (a long item name wrapped) takes that page; a row that maps a section of
    the report (its first cell words, the codes after) places its codes in that section."""
    text = line.text
    found = sorted(
        ((m.start(), m.end(), name, _code(m.group())) for name, pattern in _GUIDES for m in pattern.finditer(text)),
    )
    if not found:
        return
    rest = _ANY_CODE.sub(" ", text)
    row_state = _state(_marks_cut(rest))
    if row_state == "unclear" and after is not None and _PAGES_ONLY.match(after.text):
        row_state = "disclosed"
    cells = line.cells
    if row_state == "unclear" and len(cells) >= 2 and not _ANY_CODE.search(cells[0]) and _HAS_WORDS.search(cells[0]):
        row_state = "disclosed"
    core = bool(_CORE.search(rest)) and not _EXTENDED.search(rest)
    for number, (_, end, name, code) in enumerate(found):
        tally = tallies.setdefault(name, _Tally(name, line))
        if name not in headings:
            version = _VERSION.search(heading)
            headings[name] = (
                f"{name} {version.group(1) or version.group(2)}" if version and name == "CASS-CSR" else name
            )
        if code in tally.codes:
            continue
        stop = found[number + 1][0] if number + 1 < len(found) else len(text)
        own = _state(_marks_cut(text[end:stop]))
        state = own if own != "unclear" else row_state
        tally.codes.add(code)
        if state == "disclosed":
            tally.disclosed.add(code)
            row = _row(code, text[end:stop] if own == "disclosed" else rest, line)
            if row is not None:
                tally.rows.append(row)
        elif state == "not_applicable":
            tally.not_applicable.add(code)
        if core:
            tally.core.add(code)
            if state not in ("disclosed", "not_applicable"):
                tally.missing.append(_label(code, rest))


def _row(code: str, text: str, line: Line) -> IndexRow | None:
    """The item's words and page from its part of the row; None without words or a page."""
    page = _PAGE.search(text)
    words = re.sub(r"\s+", " ", _PAGE.sub(" ", _marks_cut(_ANY_CODE.sub(" ", text)))).strip(" .、,，•-|")
    if page is None or not _HAS_WORDS.search(words) or len(words) > MAX_WORDS:
        return None
    return IndexRow(code, words, page.group().strip(), line)


def _marks_cut(text: str) -> str:
    return _EXTENDED.sub(" ", _CORE.sub(" ", text))


def _state(rest: str) -> str:
    rest = rest.rstrip(" .。")
    if _NOT_APPLICABLE.search(rest):
        return "not_applicable"
    if _NOT_DISCLOSED.search(rest):
        return "not_disclosed"
    return "disclosed" if _PAGE.search(rest) else "unclear"


def _code(raw: str) -> str:
    return re.sub(r"\s+", "", raw).strip("()（）").upper()


def _label(code: str, rest: str) -> str:
    """The code and the item's words, without page marks, reasons and the core mark."""
    words = _CORE.sub(" ", _NOT_DISCLOSED.sub(" ", rest))
    words = re.sub(r"\s+", " ", words.replace("\t", " ")).strip(" .、,，•-")
    return f"{code} {words}"[:120].strip()
