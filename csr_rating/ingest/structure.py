"""The parts of a draft that are not the report speaking about itself: a rating letter, an assurance
statement, expert comments, a content index, a table of contents.

A rating letter printed in a rated report says what the raters found ("the Chairman reviewed the
report", "a responsibility feature on COVID-19"); an assurance statement says what an auditor did;
an index repeats indicator names beside codes and page numbers (``E2.18`` is no 18 tonnes). None of
that is a fact of the draft, so ``masked`` blanks those lines (keeping every other line's number)
before the extractors of values, events, process facts and features read the draft. The meta reader
still sees them: a rating or an assurance is recorded as such, with its provider, and an index says
which standards the report maps to.

A part is found by its markers (``STRUCTURE`` in vocabulary.py, English and Chinese): a letter needs
two or more different markers within ``REACH`` lines of each other (one mention of the Committee in
the report's own text is no letter); it runs from its first marker to its last, or
to the next part that is the report's again (a feedback form, a new chapter). An index is a run of
lines holding index codes or page references after an index heading. Every part is bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

import ahocorasick

from csr_rating.ingest.document import Document
from csr_rating.ingest.vocabulary import STRUCTURE, STRUCTURE_STOP_RE, TOC_LINE_RE

REACH = 60  # lines between two markers of one letter or statement
AFTER = 12  # lines after its last marker (signatures, the date) unless a stop comes first
MAX_PART = 400  # no letter or index is longer: a run past this is the report itself
INDEX_MIN = 4  # lines with codes or page numbers that make an index under its heading


@dataclass(frozen=True)
class Part:
    kind: str  # rating_letter, assurance, expert_comment, content_index, contents
    first: int  # 0-based index into doc.lines, inclusive
    last: int  # inclusive


# One pattern per kind, a named branch per marker: one search a line finds which marker it holds.
_MARKERS = {
    k: re.compile("|".join(f"(?P<m{i}>{p})" for i, p in enumerate(spec["markers"])), re.IGNORECASE)
    for k, spec in STRUCTURE.items()
    if "markers" in spec
}
_NEEDLES = {k: tuple(spec["needles"]) for k, spec in STRUCTURE.items() if "needles" in spec}


def _needle_automaton() -> ahocorasick.Automaton:
    """Every kind's needles in one automaton, each with the kinds it stands for."""
    automaton = ahocorasick.Automaton()
    for needle in {n for needles in _NEEDLES.values() for n in needles}:
        automaton.add_word(needle, frozenset(k for k, needles in _NEEDLES.items() if needle in needles))
    automaton.make_automaton()
    return automaton


# one pass over the whole lower-cased draft finds the lines holding a needle of each kind (a search per
# line and kind was most of reading a draft's structure)
_NEEDLE_AUTOMATON = _needle_automaton()
_NEEDED = {k: int(spec["needed"]) for k, spec in STRUCTURE.items() if "needed" in spec}
_INDEX_HEADING = re.compile(STRUCTURE["content_index"]["heading"], re.IGNORECASE)
_INDEX_LINE = re.compile(STRUCTURE["content_index"]["line"], re.IGNORECASE)


def parts(doc: Document) -> list[Part]:
    """Every part found, in document order (kinds may nest: a letter inside an index is a letter)."""
    texts = [line.text.strip() for line in doc.lines]
    needled = _needled(texts)
    found: list[Part] = []
    for kind in ("rating_letter", "assurance", "expert_comment"):
        found.extend(_clusters(kind, texts, needled.get(kind, [])))
    found.extend(_indexes(texts))
    found.extend(_contents(texts))
    return sorted(found, key=lambda p: (p.first, p.last, p.kind))


def _needled(texts: list[str]) -> dict[str, list[int]]:
    """Kind -> the lines (at most 400 characters) holding one of its needles, in order."""
    lowered = [text.lower() for text in texts]
    starts = list(accumulate((len(text) + 1 for text in lowered[:-1]), initial=0))
    lines: dict[str, set[int]] = {}
    for end, kinds in _NEEDLE_AUTOMATON.iter("\n".join(lowered)):
        index = bisect_right(starts, end) - 1
        if len(texts[index]) <= 400:
            for kind in kinds:
                lines.setdefault(kind, set()).add(index)
    return {kind: sorted(found) for kind, found in lines.items()}


def _clusters(kind: str, texts: list[str], needled: list[int]) -> list[Part]:
    hits: list[tuple[int, int]] = []  # (line, marker number): the first marker of a line only
    for index in needled:
        found = _MARKERS[kind].search(texts[index])
        if found is not None and found.lastgroup is not None:
            hits.append((index, int(found.lastgroup[1:])))
    out: list[Part] = []
    group: list[tuple[int, int]] = []
    for hit in [*hits, (len(texts) + REACH + 1, -1)]:
        if group and hit[0] - group[-1][0] > REACH:
            if len({number for _, number in group}) >= _NEEDED[kind] and len({line for line, _ in group}) >= 2:
                out.append(_span(kind, group[0][0], group[-1][0], texts))
            group = []
        if hit[1] >= 0:
            group.append(hit)
    return out


def _span(kind: str, first: int, last: int, texts: list[str]) -> Part:
    start = first  # a letter's title is one of its markers
    end = last
    for index in range(last + 1, min(len(texts), last + 1 + AFTER)):
        if STRUCTURE_STOP_RE.search(texts[index]):
            break
        end = index
    return Part(kind, start, min(end, start + MAX_PART))


def _indexes(texts: list[str]) -> list[Part]:
    out: list[Part] = []
    index = 0
    while index < len(texts):
        text = texts[index]
        if text and len(text) <= 80 and _INDEX_HEADING.search(text):
            last = index
            coded = 0
            gap = 0
            for probe in range(index + 1, min(len(texts), index + MAX_PART)):
                if not texts[probe]:
                    continue
                if _INDEX_LINE.search(texts[probe]):
                    coded += 1
                    last = probe
                    gap = 0
                else:
                    gap += 1
                    if gap > 8:
                        break
            if coded >= INDEX_MIN:
                out.append(Part("content_index", index, last))
                index = last
        index += 1
    return out


def _contents(texts: list[str]) -> list[Part]:
    """Runs of table-of-contents lines ("Chairman's statement ........ 3")."""
    out: list[Part] = []
    run: list[int] = []
    for index, text in enumerate([*texts, ""]):
        if text and text[-1:].isdigit() and TOC_LINE_RE.search(text):
            run.append(index)
        elif text or index == len(texts):
            if len(run) >= 3:
                out.append(Part("contents", run[0], run[-1]))
            run = []
    return out


def masked(doc: Document, found: list[Part]) -> Document:
    """The draft with the lines of those parts blank: line numbers, pages and the rest unchanged."""
    if not found:
        return doc
    hidden: set[int] = set()
    for part in found:
        first = part.first + 1 if part.kind == "content_index" else part.first  # the index's heading stays:
        hidden.update(range(first, part.last + 1))  # that the report has an index is a fact of the report
    lines = tuple(replace(line, text="") if i in hidden else line for i, line in enumerate(doc.lines))
    return Document(doc.path, doc.kind, lines, doc.pictures)
