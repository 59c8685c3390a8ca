"""The draft as running prose, and where in it a report describes itself.

``flow_of(doc)`` joins a draft's lines back into sentences (a PDF wraps "Telecommuni-/cations" over
a line end and breaks sentences over page gaps) and marks the region where a report describes
itself: its cover, its "about this report" pages, its back pages and the sentences that name the
report. That region is a small part of the text, and the meta and process extractors look for most
facts only there, in the sentences holding one of a few keywords (``str.find``, not a regex scan),
which keeps a 5,000-line report at about 20 ms.

Also the small helpers those extractors share: cleaning a found value, wrapping it in ``Noted``
with the line it came from, and walking the rows of a vocabulary table over a span of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from csr_rating.ingest.document import Document, Line
from csr_rating.ingest.noted import Noted
from csr_rating.ingest.vocabulary import (
    ABOUT_HEADINGS,
    ABOUT_ZONE_CHARS,
    ABOUT_ZONE_END,
    ABOUT_ZONE_LINES,
    COVER_LINES,
    HAN_STOP,
    REPORT_REF_RE,
    TITLE_LEADING_NOISE,
)

REGION_BACK_LINES = 80  # the back cover and feedback form: contact details live there
NAME_MAX = 300
SENTENCE_REACH = 320  # how far a sentence may reach either side of a keyword
SHORT_LINE = 25  # a line this short ends its paragraph (a heading, a paragraph's last line)
HEADING_MAX = 50
CONTENTS_NUMBERS = 6  # this many bare numbers in one sentence make it a table of contents

_BARE_NUMBER = re.compile(r"(?<!\S)\d{1,3}(?:\.\d{1,2})?(?!\S)")
_TERMINATORS = re.compile(r"[。！？!?；;\n.]")
_SPACES = re.compile(r"\s+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

Span = tuple[int, int]  # (start, end) offsets in ``Flow.text``


@dataclass(frozen=True)
class Flow:
    """The non-blank lines joined into prose, the offset where each line starts, and the region
    where a report describes itself (cover, "about" pages, back pages, sentences naming the report):
    most keywords are looked for only there, which keeps a long report fast to read."""

    doc: Document
    text: str
    lower: str
    starts: tuple[int, ...]
    lines: tuple[Line, ...]
    ends: tuple[int, ...]  # offsets just after each sentence terminator
    about: tuple[Span, ...] = ()
    region: tuple[Span, ...] = ()
    region_lower: str = ""
    region_offsets: tuple[int, ...] = ()
    report_hits: tuple[int, ...] = ()

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def where(self, pos: int) -> str | None:
        return self.lines[self.index(pos)].where if self.lines else None

    def line_text(self, pos: int) -> str:
        return self.lines[self.index(pos)].text.strip() if self.lines else ""

    def in_about(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.about)

    def sentence(self, pos: int) -> Span:
        """The sentence around ``pos``: from the terminator before it to the one after it."""
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def hits(self, needles: Iterable[str], everywhere: bool = False) -> list[int]:
        """Sorted offsets of the lower-case ``needles``: in the region, or in the whole text."""
        found: set[int] = set()
        if everywhere or not self.region_offsets:
            for needle in needles:
                at = self.lower.find(needle)
                while at != -1:
                    found.add(at)
                    at = self.lower.find(needle, at + 1)
            return sorted(found)
        for needle in needles:
            at = self.region_lower.find(needle)
            while at != -1:
                j = bisect_right(self.region_offsets, at) - 1
                found.add(self.region[j][0] + at - self.region_offsets[j])
                at = self.region_lower.find(needle, at + 1)
        return sorted(found)

    def sentences(self, needles: Iterable[str], everywhere: bool = False) -> list[Span]:
        """The distinct sentences holding any of ``needles``, in text order."""
        spans: list[Span] = []
        for pos in self.hits(needles, everywhere):
            if spans and pos < spans[-1][1]:
                continue
            spans.append(self.sentence(pos))
        return spans


_CACHE: list[Flow] = []


def flow_of(doc: Document) -> Flow:
    """The prose of ``doc``; the last one is kept, since ``extract_meta`` and ``extract_process``
    read the same draft one after the other."""
    if _CACHE and _CACHE[0].doc is doc:
        return _CACHE[0]
    text, starts, lines = _join(doc.lines)
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two: keep offsets aligned
        lower = text.translate(_ASCII_LOWER)
    ends = tuple(
        m.end() for m in _TERMINATORS.finditer(text) if m.group() != "." or text[m.end() : m.end() + 1] in " \n"
    )
    flow = Flow(doc, text, lower, tuple(starts), tuple(lines), ends)
    about = _about_zones(flow)
    report_hits = tuple(_report_hits(flow))
    region = _merge(_region_spans(flow, about, report_hits))
    parts = [lower[start:end] for start, end in region]
    offsets, at = [], 0
    for part in parts:
        offsets.append(at)
        at += len(part) + 1
    flow = replace(
        flow,
        about=about,
        region=tuple(region),
        region_lower="\0".join(parts),
        region_offsets=tuple(offsets),
        report_hits=report_hits,
    )
    _CACHE[:] = [flow]
    return flow


def _join(lines: Iterable[Line]) -> tuple[str, list[int], list[Line]]:
    """Non-blank lines joined into prose: a hyphen that split a word is dropped, a short line or a
    blank line after a finished sentence ends a paragraph ("\\n"), Chinese joins without a space."""
    parts: list[str] = []
    starts: list[int] = []
    kept: list[Line] = []
    length = 0
    prev = ""
    gap = False
    for line in lines:
        text = line.text.strip()
        if not text:
            gap = bool(prev)
            continue
        if "\t" in text:
            text = text.replace("\t", " ")
        if prev:
            last = prev[-1]
            if last == "-" and len(prev) > 1 and prev[-2].isalpha() and text[0].islower():
                parts[-1] = parts[-1][:-1]
                length -= 1
                sep = ""
            elif last == "-" and len(prev) > 1 and prev[-2].isdigit() and text[0].isdigit():
                sep = ""
            elif gap:
                sep = "\n" if len(prev) <= 40 or last in ".。!?！？:：;；" else _soft(last, text[0])
            elif (
                (len(prev) <= SHORT_LINE and last not in ",，、-(（")
                or last in ":：。！？!?"
                or (last == "." and len(prev) <= 60)
            ):
                sep = "\n"
            else:
                sep = _soft(last, text[0])
            parts.append(sep)
            length += len(sep)
        starts.append(length)
        kept.append(line)
        parts.append(text)
        length += len(text)
        prev, gap = text, False
    return "".join(parts), starts, kept


def _soft(last: str, first: str) -> str:
    """The separator of two joined lines: none between Chinese characters, else a space."""
    return "" if is_han(last) and is_han(first) else " "


def is_han(char: str) -> bool:
    """A Chinese (CJK ideograph) character."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def short_lines(flow: Flow, needles: Iterable[str]) -> list[int]:
    """Indexes of short lines (headings) holding any of ``needles``, in order."""
    found: set[int] = set()
    for pos in flow.hits(needles, everywhere=True):
        i = flow.index(pos)
        if len(flow.lines[i].text.strip()) <= HEADING_MAX:
            found.add(i)
    return sorted(found)


def _about_zones(flow: Flow) -> tuple[Span, ...]:
    """Spans of the "about this report" pages: a heading line and what follows it."""
    zones: list[Span] = []
    for i in short_lines(flow, ABOUT_HEADINGS):
        start = flow.starts[i]
        last = min(len(flow.lines) - 1, i + ABOUT_ZONE_LINES)
        for j in range(i + 1, last + 1):
            text = flow.lines[j].text.strip().lower()
            if text.startswith(ABOUT_ZONE_END) or (len(text) <= HEADING_MAX and any(e in text for e in ABOUT_ZONE_END)):
                last = j - 1
                break
        end = min(start + ABOUT_ZONE_CHARS, flow.starts[last] + len(flow.lines[last].text.strip()))
        if zones and start <= zones[-1][1]:
            zones[-1] = (zones[-1][0], max(end, zones[-1][1]))
        else:
            zones.append((start, end))
    return tuple(zones)


def _report_hits(flow: Flow) -> Iterator[int]:
    """Where the text names the report ("report", "报告"), not "reporting" or "报告期"."""
    for pos in flow.hits(("report", "报告"), everywhere=True):
        after = flow.lower[pos + 2 : pos + 9] if flow.lower[pos] == "报" else flow.lower[pos + 6 : pos + 9]
        if not after.startswith(("ing", "期", "er")):
            yield pos


def _region_spans(flow: Flow, about: tuple[Span, ...], report_hits: tuple[int, ...]) -> Iterator[Span]:
    """The cover, the back pages, the "about" pages, sentences naming the report, index headings."""
    if not flow.lines:
        return
    yield 0, flow.starts[min(len(flow.starts) - 1, COVER_LINES)]
    yield flow.starts[max(0, len(flow.starts) - REGION_BACK_LINES)], len(flow.text)
    yield from about
    last_end = -1
    for pos in report_hits:
        if pos >= last_end:
            span = flow.sentence(pos)
            last_end = span[1]
            yield span
    for i in short_lines(flow, ("index", "索引", "对照")):
        yield flow.starts[i], flow.starts[i] + len(flow.lines[i].text.strip())


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans merged, in order; empty spans dropped."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------
# Small helpers shared by the extractors.
# ---------------------------------------------------------------------------------------------


def clean(value: str, limit: int = NAME_MAX) -> str:
    """One line, trimmed of surrounding punctuation, short enough for a ``Name``."""
    value = _SPACES.sub(" ", value).strip(" \t\n,，;；:：.。、-–—(（“”\"'‘’")
    return value[:limit].strip()


def noted(value: Any, flow: Flow, pos: int, review: str | None = None, confidence: float | None = None) -> Noted:
    """``value`` wrapped with the line at ``pos`` as its source."""
    return Noted(value, source=flow.where(pos), review=review, confidence=confidence)


def row_of(match: re.Match[str]) -> int:
    """Which table row (``g<i>`` branch) an alternation matched."""
    for key, value in match.groupdict().items():
        if value is not None and key.startswith("g"):
            return int(key[1:])
    return -1


def row_matches(pattern: re.Pattern[str], flow: Flow, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """(row, match) for each match in the span of a whole-table pattern (one ``g<i>`` branch per row)."""
    for match in pattern.finditer(flow.text, start, end):
        yield row_of(match), match


def rows_found(
    patterns: list[re.Pattern[str]], flow: Flow, start: int, end: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """(row, first match) for each row found in the span, given one pattern per row of a table."""
    for row, pattern in enumerate(patterns):
        match = pattern.search(flow.text, start, end)
        if match:
            yield row, match


def contents_like(flow: Flow, start: int, end: int) -> bool:
    """A table of contents run into one line: many bare page or section numbers, no sentence."""
    return len(_BARE_NUMBER.findall(flow.text, start, end)) >= CONTENTS_NUMBERS


def strip_leading(words: list[str]) -> list[str]:
    """The words without leading sentence words ("the", "this", "in", ...) that precede a name."""
    while words and words[0].lower() in TITLE_LEADING_NOISE:
        words = words[1:]
    return words


def after_han_stop(text: str) -> str:
    """The part of a Chinese phrase after its last function word ("本报告是中国XX公司" -> "中国XX公司")."""
    return text[max(text.rfind(char) for char in HAN_STOP) + 1 :]


def title_case(text: str) -> str:
    """An all-capitals heading as a title ("ANNUAL REPORT OF X" -> "Annual Report of X")."""
    small = {"and", "of", "the", "for", "on", "in", "to", "&"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def report_sentences(flow: Flow, needles: Iterable[str]) -> Iterator[Span]:
    """Sentences holding a needle that also name the report (or sit on its "about" page)."""
    for start, end in flow.sentences(needles):
        if flow.in_about(start) or REPORT_REF_RE.search(flow.text, start, end):
            yield start, end
