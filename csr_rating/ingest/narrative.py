"""Catalog indicators the draft discloses in its prose rather than in a table.

- A quantitative indicator stated as a figure with a year ("opened 380,000 5G base stations in
  2020", "2020年新增光伏装机120兆瓦") is read when a catalog name or alias for it stands in the
  same sentence as a figure; the year is the one the sentence names, else the reporting year.
- A qualitative indicator (a policy, a system, a management approach) counts as described where
  the draft names it.

Only exact catalog names and aliases are looked for (no fuzzy matching in running text: prose is
full of near-misses). Every item found here carries a review note: prose is less certain than a
table row.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ahocorasick

from csr_rating.catalog import Catalog, CatalogIndicator, normalise
from csr_rating.ingest.document import HAN, Document, Line
from csr_rating.ingest.matching import is_absolute, name_words, stem
from csr_rating.ingest.values import is_unit_phrase, year_of
from csr_rating.ingest.vocabulary import (
    INDEX_CODE_RE,
    INDUSTRY_COMPARE_RE,
    PEER_TABLE_HEADER_RE,
    PEER_TABLE_MIN_ROWS,
    PEER_TABLE_NOT_RE,
    RANK_NUMBER_RE,
    RANK_WORD_RE,
    RANKING_LISTS,
    RANKING_LISTS_RE,
    SPELLING_SUFFIXES,
    SPELLING_VARIANTS,
)

MIN_PHRASE = 6  # characters: shorter names ("GHG", "R&D") are too ambiguous in running text
WINDOW = 60  # characters between a name and its figure
HAN_AFTER = 16  # characters from a Chinese name's end to its figure ("实现营业收入人民币31.40亿元")
HAN_BEFORE = 2  # characters of the unit between a count's figure and the name after it ("350个药品批准文号")
MAX_SENTENCE = 240  # characters: a longer "sentence" is a flattened table or list, not a statement
_HAN = re.compile(f"[{HAN}]")
# A figure stands apart from Latin letters and digits ("5G" is a name), not from Chinese characters:
# "营业收入31.40亿元" prints its figure between two words; "2，460" is one figure broken by a
# full-width comma and "3. 20" one broken by a space, not a 2 or a 20.
_FIGURE = re.compile(
    r"(?<![A-Za-z0-9_.,])(?<!\d\. )(?<!\d，)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z0-9_.,]|，\d)\s*(?P<unit>%|％|‰|[^\s\d,.;:，。；：]{1,12})?"
)
_DIGIT = re.compile(r"\d")
# a line led by a number and a space, or holding a whole number of three digits at most: a page footer
# or a list item ("157.3" alone is a figure set below its label)
_PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,4}\s+\S|\d{1,3}\s*$)")
_HAN_UNIT = re.compile(f"[{HAN}]{{1,{HAN_BEFORE}}}")
_LETTERS = re.compile(f"[A-Za-z{HAN}]{{2}}")
# A decimal point ends no sentence (nor one an extraction split from its decimals: "3. 20"); runs of
# other characters are taken whole (a regex step per character was most of splitting a draft).
_SENTENCE = re.compile(r"(?:[^.;!?。；！？]+|(?<=\d)\.(?= ?\d))+[.;!?。；！？]?")
_YEAR_IN_TEXT = re.compile(r"(?:in|during|for|by|of)\s+((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    item: CatalogIndicator
    line: Line
    phrase: str


@dataclass(frozen=True)
class Figure:
    item: CatalogIndicator
    line: Line
    year: int
    value: float | int
    unit: str | None
    year_stated: bool


class PhraseIndex:
    """Exact catalog names and aliases, looked up by word n-grams (English) or character n-grams
    (Chinese) of each line: one dictionary probe per n-gram instead of one scan per phrase."""

    def __init__(self, catalog: Catalog) -> None:
        self.phrases: dict[str, CatalogIndicator] = {}
        self._found: dict[str, list[tuple[str, CatalogIndicator, int]]] = {}
        self.longest_words = 1
        self.longest_chars = 1
        for item in catalog.indicators:
            for name in (item.name.en, item.name.zh, *item.aliases):
                phrase = plain_words(name)
                if len(phrase) < (3 if _HAN.search(phrase) else MIN_PHRASE):
                    continue
                self.phrases.setdefault(phrase, item)
                if _HAN.search(phrase):
                    self.longest_chars = max(self.longest_chars, len(phrase))
                else:
                    self.longest_words = max(self.longest_words, len(phrase.split()))

    def lookup(self, phrase: str) -> CatalogIndicator | None:
        return self.phrases.get(plain_words(phrase))

    def find(self, text: str) -> list[tuple[str, CatalogIndicator, int]]:
        """(phrase, item, position in the normalised text) for each catalog phrase in ``text``."""
        cached = self._found.get(text)
        if cached is None:
            cached = self._found[text] = self._find(text)
        return cached

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for phrase in self.phrases:
            automaton.add_word(phrase, phrase)
        if self.phrases:
            automaton.make_automaton()
        return automaton

    def _find(self, text: str) -> list[tuple[str, CatalogIndicator, int]]:
        """At each word start the longest phrase of whole words; in a line with Chinese, also at each
        character the longest phrase of three or more characters. One automaton pass finds them all."""
        plain = plain_words(text)
        if not self.phrases:
            return []
        han = _HAN.search(plain) is not None
        by_word: dict[int, str] = {}
        by_char: dict[int, str] = {}
        for end, phrase in self._automaton.iter(plain):
            start = end - len(phrase) + 1
            at_word = (start == 0 or plain[start - 1] == " ") and (end + 1 == len(plain) or plain[end + 1] == " ")
            if at_word and len(phrase.split()) <= self.longest_words and len(phrase) > len(by_word.get(start, "")):
                by_word[start] = phrase
            if han and 3 <= len(phrase) <= self.longest_chars and len(phrase) > len(by_char.get(start, "")):
                by_char[start] = phrase
        found = [(by_word[i], self.phrases[by_word[i]], i) for i in sorted(by_word)]
        found += [(by_char[i], self.phrases[by_char[i]], i) for i in sorted(by_char)]
        return found


@lru_cache(maxsize=1 << 14)
def plain_words(text: str) -> str:
    """Text as phrases are looked up: normalised, each word stemmed (a line is asked for again as the
    head of the next line's pair)."""
    return _stems(normalise(text))


def _stems(text: str) -> str:
    """Plural and singular read alike ("stakeholders", "stakeholder")."""
    return " ".join(map(_stem_cached, text.split()))


@lru_cache(maxsize=65536)
def _stem_cached(word: str) -> str:
    return _british(stem(word))


def _british(word: str) -> str:
    """One spelling for a word English spells two ways ("labor", "labour")."""
    if word in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[word]
    for american, british in SPELLING_SUFFIXES:
        if word.endswith(american) and len(word) > len(american) + 2:
            return word[: -len(american)] + british
    return word


def mentions(doc: Document, index: PhraseIndex) -> list[Mention]:
    """The first line naming each catalog indicator, in document order. Extracted text breaks lines
    inside a phrase ("... set up a board of" / "directors ..."): a phrase that runs from one line into
    the next (no blank line between) counts for the line it starts on."""
    seen: dict[str, Mention] = {}
    previous: Line | None = None
    for line in doc.lines:
        if not line.text.strip():
            previous = None
            continue
        if previous is not None:
            for phrase, item, _ in _across(previous, line, index):
                seen.setdefault(item.id, Mention(item, previous, phrase))
        for phrase, item, _ in index.find(line.text):
            seen.setdefault(item.id, Mention(item, line, phrase))
        previous = line
    return sorted(seen.values(), key=lambda m: (m.line.number, m.item.id))


def _across(first: Line, second: Line, index: PhraseIndex) -> list[tuple[str, CatalogIndicator, int]]:
    """The phrases of two adjacent lines read as one that start in the first and end in the second."""
    head = first.text.strip()
    joint = "" if _HAN.search(head[-1:]) else " "
    boundary = len(plain_words(head))
    return [
        (phrase, item, at)
        for phrase, item, at in index.find(head + joint + second.text.strip())
        if at < boundary < at + len(phrase)
    ]


def sentences(doc: Document, skip: set[int]) -> list[tuple[str, Line]]:
    """Sentences of the prose with the line each starts on. Extracted text breaks lines inside a
    sentence, so lines are joined into paragraphs (up to a blank line) before splitting."""
    return [(text, line) for text, line, _ in spanned_sentences(doc, skip)]


Spanned = tuple[str, Line, tuple[tuple[int, Line], ...]]
_LAST: list[tuple[Document, frozenset[int], list[Spanned]]] = []  # the last draft's: figures, mentions and
# comparisons read the same sentences one after the other


def spanned_sentences(doc: Document, skip: set[int]) -> list[Spanned]:
    """``sentences`` with, for each, where each of its lines starts in it (offset, line)."""
    key = frozenset(skip)
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] == key:
        return _LAST[0][2]
    out = _spanned(doc, skip)
    _LAST[:] = [(doc, key, out)]
    return out


def _spanned(doc: Document, skip: set[int]) -> list[Spanned]:
    out: list[Spanned] = []
    block: list[Line] = []

    def flush() -> None:
        if not block:
            return
        text = ""
        starts: list[tuple[int, Line]] = []
        for line in block:
            starts.append((len(text), line))
            text += line.text.strip() + ("" if _HAN.search(line.text[-1:]) else " ")
        offsets = [offset for offset, _ in starts]  # increasing: found by bisection, not by a scan per sentence
        for match in _SENTENCE.finditer(text):
            at = bisect_right(offsets, match.start()) - 1  # the line the sentence starts on
            lead = len(match.group()) - len(match.group().lstrip())
            begin = match.start() + lead
            first, stop = bisect_left(offsets, begin), bisect_left(offsets, match.end())
            chosen = ([starts[at]] if at < first else []) + starts[first:stop]  # that line, and those starting inside
            inside = tuple((max(0, o - begin), ln) for o, ln in chosen)
            out.append((match.group().strip(), starts[at][1], inside))
        block.clear()

    for line in doc.lines:
        if not line.text.strip() or line.number in skip:
            flush()
        else:
            block.append(line)
            if len(block) >= 40:
                flush()
    flush()
    return out


def figures(
    doc: Document, index: PhraseIndex, year: int, skip: set[str], table_lines: set[int] | None = None
) -> list[Figure]:
    """One prose figure per quantitative catalog indicator not in ``skip``: the first sentence that
    names it next to a number and states its year ("in 2020", "2020年"). Lines of data tables are
    left to the table reader."""
    best: dict[str, Figure] = {}
    for sentence, line, spans in spanned_sentences(doc, table_lines or set()):
        if _DIGIT.search(sentence) is None:
            continue  # no figure
        named = index.find(sentence)
        wanted = any(item.kind == "quantitative" and item.id not in skip and item.id not in best for _, item, _ in named)
        if not wanted or INDEX_CODE_RE.search(sentence):
            continue  # no indicator still to read, or an index's codes and page numbers (the slower test last)
        stated = _stated_year(sentence, year)
        used: set[float | int] = set()
        for phrase, item, at in named:
            if item.kind != "quantitative" or item.id in skip or item.id in best:
                continue
            if _inside_longer(phrase, item, at, named):
                continue  # "综合能耗" inside "单位产值综合能耗": the longer name is the one printed
            found = _figure_near(sentence, phrase, item)
            if found is None or found[0] in used:  # one figure, one indicator
                continue
            value, unit, name_at, figure_at = found
            name_line, figure_line = _line_at(spans, name_at, line), _line_at(spans, figure_at, line)
            gap = figure_line.number - name_line.number - _blank_between(doc, name_line, figure_line)
            if not (figure_line is name_line or (gap == 1 and figure_at > name_at)):
                continue  # a figure above its name, or lines away, belongs to another row or a chart
            if figure_line is not name_line and _PAGE_NUMBER.match(figure_line.text):
                continue  # "8 某某公司…" or a bare "49" under a line: a page number or a list number
            used.add(value)
            best[item.id] = Figure(item, name_line, stated or year, value, unit, stated is not None)
    return sorted(best.values(), key=lambda f: (f.line.number, f.item.id))


def _inside_longer(
    phrase: str, item: CatalogIndicator, at: int, named: list[tuple[str, CatalogIndicator, int]]
) -> bool:
    """A name found inside a longer catalog name found at the same place, of another item."""
    end = at + len(phrase)
    return any(
        other.id != item.id and start <= at and end <= start + len(longer) and len(longer) > len(phrase)
        for longer, other, start in named
    )


def _line_at(spans: tuple[tuple[int, Line], ...], offset: int, default: Line) -> Line:
    found = default
    for start, line in spans:
        if start <= offset:
            found = line
    return found


def _blank_between(doc: Document, first: Line, second: Line) -> int:
    low, high = sorted((first.number, second.number))
    return sum(1 for line in doc.lines[low : high - 1] if not line.text.strip())


def _stated_year(sentence: str, year: int) -> int | None:
    for match in _YEAR_IN_TEXT.finditer(sentence):
        stated = int(match.group(1) or match.group(2))
        if stated <= year and year - stated <= 5:
            return stated
    return None


def _figure_near(sentence: str, phrase: str, item: CatalogIndicator) -> tuple[float | int, str | None, int, int] | None:
    """The figure nearest the indicator's name in a short sentence (within WINDOW characters; a
    year is not a figure; a share indicator needs a percentage). Chinese states a figure right after
    its name ("营业收入31.40亿元", "签订率达到100%") or as a count just before it ("350个药品批准文号"):
    a Chinese name takes the figure within HAN_AFTER characters after it, or one whose unit of at
    most HAN_BEFORE characters joins it to the name, not any figure of a long clause around it."""
    if len(sentence) > MAX_SENTENCE:
        return None
    anchor = _anchor(sentence, phrase)
    if anchor is None:
        return None
    han = _HAN.search(phrase) is not None
    words = name_words()
    if han and sentence[: anchor[0]].rstrip().endswith(words["phrase_not_after"]):
        return None  # "每股社会捐赠", "减少二氧化碳排放": a figure per share, a saving, not the indicator
    printed_in = words["units"].get((item.unit or "").strip())
    absolute = is_absolute(item)
    wants_share = (item.unit or "").strip() in ("%", "％")
    best: tuple[int, float | int, str | None, int] | None = None
    for match in _FIGURE.finditer(sentence):
        number = match.group("number")
        unit = (match.group("unit") or "").strip() or None
        if year_of(number) is not None or wants_share != (unit in ("%", "％")) or _not_a_value(sentence, match):
            continue
        if not han:
            distance = min(abs(match.start() - anchor[0]), abs(match.start() - anchor[1]))
            if distance > WINDOW:
                continue
        elif match.start() >= anchor[1] and match.start() - anchor[1] <= HAN_AFTER:
            if words["between_not"].search(words["between_ok"].sub("", sentence[anchor[1] : match.start()])):
                continue  # "志愿者与150位儿童": the figure is another noun's
            distance = match.start() - anchor[1]
        elif match.end("number") <= anchor[0] and _HAN_UNIT.fullmatch(sentence[match.end("number") : anchor[0]]):
            distance = anchor[0] - match.end("number")
            unit = sentence[match.end("number") : anchor[0]]  # "350个药品批准文号": the unit is "个"
        else:
            continue
        if best is not None and distance >= best[0]:
            continue
        if absolute and unit and ("/" in unit or unit.startswith("每")):
            continue  # "1.11吨标煤/万吨" is an intensity, not a total
        if absolute and words["per_after"].match(sentence[match.end() :]):
            continue  # "436 yuan per mu": a figure per unit, not a total
        if printed_in and unit and _HAN.search(unit) and not unit.lstrip(words["approx_after"]).startswith(printed_in):
            if match.start("unit") == match.end("number"):
                continue  # glued to the figure, a unit of another kind: "120000万股" is no dividend
            unit = None  # after a space, the next words rather than a unit
        if _cumulative(sentence, anchor[0], match.start()):
            continue  # "自2009年上市以来派发现金红利113.45亿元": a total over years, not the year's value
        digits = number.replace(",", "")
        value: float | int = float(digits) if "." in digits else int(digits)
        unit = _unit_only(unit, printed_in)
        kept = unit if unit and (unit in ("%", "％") or is_unit_phrase(unit) or _HAN.search(unit)) else None
        best = (distance, value, kept, match.start())
    return None if best is None else (best[1], best[2], anchor[0], best[3])


_CLAUSE_END = re.compile(r"[，。；;！？!?]")


def _cumulative(sentence: str, name_at: int, figure_at: int) -> bool:
    """The clause that holds the name and the figure says the figure adds up several years."""
    start = min(name_at, figure_at)
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    return name_words()["cumulative"].search(sentence[ends[-1] if ends else 0 : max(name_at, figure_at)]) is not None


def _unit_only(unit: str | None, printed_in: tuple[str, ...] | None = None) -> str | None:
    """A Chinese unit without the words after it: the text before the first word that ends a unit
    ("万千瓦时和节约电力" -> "万千瓦时", "人次>员工培训总投入" -> "人次"; names.yaml), and where words
    still follow the longest of the item's printed units ("人参加活动" -> "人"; "人次" stays)."""
    if not unit or not _HAN.search(unit):
        return unit
    words = name_words()
    cut = words["unit_ends"].search(unit)
    unit = unit[: cut.start()] if cut else unit
    approx = unit[: len(unit) - len(unit.lstrip(words["approx_after"]))]
    rest = unit[len(approx) :]
    known = max((p for p in printed_in or () if rest.startswith(p)), key=len, default=None)
    if known is not None and len(rest) - len(known) >= 2:  # words, not a longer unit ("人次")
        return approx + known
    return unit or None


def _not_a_value(sentence: str, match: re.Match[str]) -> bool:
    """A date, an age or a duration ("12月31日", "3年", "满5周岁"), a rank ("第3名") or a figure per
    share ("每10股派现1.5元"): names.yaml."""
    words = name_words()
    unit = match.group("unit") or ""
    before = sentence[: match.start()].rstrip()
    return (
        unit.startswith(words["figure_not_units"])
        or before.endswith(words["figure_not_after"])
        or words["per_basis"].search(before[-12:]) is not None
    )


def _anchor(sentence: str, phrase: str) -> tuple[int, int] | None:
    """Where the (stemmed, normalised) phrase stands in the sentence as printed: from its first
    word's start to its last word's end."""
    words = phrase.split()
    if not words:
        return None
    if _HAN.search(phrase):
        spaced = re.search(r"\s*".join(re.escape(c) for c in phrase if not c.isspace()), sentence, re.IGNORECASE)
        if spaced is not None:  # the phrase as printed, stray spaces and all ("签订 率")
            return spaced.start(), spaced.end()
        at = sentence.find(phrase[:2])
        return None if at < 0 else (at, at + len(phrase))
    first = re.search(re.escape(words[0][:4]), sentence, re.IGNORECASE)
    last = re.search(re.escape(words[-1][:4]), sentence[first.start() :], re.IGNORECASE) if first else None
    if first is None or last is None:
        return None
    return first.start(), first.start() + last.end()


# Horizontal comparison (comparability): a ranking, an industry average or peers named beside a figure.
_COMPARISON = {
    "ranking": re.compile(
        r"\brank(?:ed|ing|s)?\b|\bNo\.\s*\d+\s+(?:in|among)\b|\btop\s+\d+\b|排名|名列|位列|位居第|排行", re.IGNORECASE
    ),
    "industry": re.compile(
        r"industry average|industry[- ]leading|industry benchmark|行业平均|行业领先|行业第一|高于行业|优于行业",
        re.IGNORECASE,
    ),
    "peer": re.compile(r"\bpeers?\b|\bcompetitors?\b|同行|同业|对标", re.IGNORECASE),
}


# any kind at all, in one search: most sentences make no comparison (the kinds are then tried in order)
_ANY_COMPARISON = re.compile("|".join(f"(?:{p.pattern})" for p in _COMPARISON.values()), re.IGNORECASE)


def comparison_kind(text: str) -> str | None:
    """The kind of horizontal comparison a row name or sentence makes, if any."""
    if _ANY_COMPARISON.search(text) is None:
        return None
    for kind, pattern in _COMPARISON.items():
        if pattern.search(text):
            return kind
    return None


@dataclass(frozen=True)
class Standalone:
    """A horizontal comparison stated with no catalog indicator named: a place in a published ranking,
    or a figure set beside the industry's."""

    kind: str  # ranking or industry
    name: str  # our own words: "Ranking in Fortune Global 500", "Comparison with the industry"
    line: Line
    rank: int | None


MAX_STANDALONE = 6  # a draft's standalone comparisons kept
_A_FIGURE = re.compile(r"(?<![A-Za-z0-9.])\d[\d,.]*(?![A-Za-z0-9])")  # a figure, not the 5 of "5G"


def standalone_comparisons(doc: Document, table_lines: set[int]) -> list[Standalone]:
    """Each published ranking named with a rank word (once per ranking), and the first line setting a
    figure beside the industry's; lines of data tables are the table reader's."""
    found: dict[str, Standalone] = {}
    for line in doc.lines:
        text = line.text
        if not text.strip() or line.number in table_lines or len(text) > 400:
            continue
        ranked = RANK_WORD_RE.search(text) is not None
        compared = (
            "industry" not in found
            and ("行业" in text or "industry" in text.casefold())  # every industry comparison names it
            and INDUSTRY_COMPARE_RE.search(text) is not None
        )
        if not (ranked or compared) or INDEX_CODE_RE.search(text):
            continue
        if ranked:
            for (canonical, _), pattern in zip(RANKING_LISTS, RANKING_LISTS_RE, strict=True):
                if pattern.search(text) and canonical not in found:
                    number = RANK_NUMBER_RE.search(text)
                    rank = int(next(g for g in number.groups() if g)) if number else None
                    found[canonical] = Standalone("ranking", f"Ranking in {canonical}", line, rank)
        if compared and _A_FIGURE.search(text):
            found["industry"] = Standalone("industry", "Comparison with the industry", line, None)
        if len(found) >= MAX_STANDALONE:
            break
    return sorted(found.values(), key=lambda s: (s.line.number, s.name))


PEER_CELL = 24  # characters of a header cell at most


def peer_tables(doc: Document) -> list[Line]:
    """Header lines of peer tables: a ranking's table of companies (a rank or name column over at least
    ``PEER_TABLE_MIN_ROWS`` rows that each hold a company name and a figure), not a table of
    shareholders, suppliers or customers."""
    lines = doc.lines
    out: list[Line] = []
    for index, line in enumerate(lines):
        if "\t" not in line.text or not PEER_TABLE_HEADER_RE.search(line.text):
            continue
        cells = line.cells
        if len(cells) < 3 or any(len(cell) > PEER_CELL for cell in cells):
            continue  # a header is a few short cells; a long one is an award list or a sentence
        if not PEER_TABLE_HEADER_RE.search(line.text) or PEER_TABLE_NOT_RE.search(line.text):
            continue
        rows = 0
        for below in lines[index + 1 : index + 1 + 2 * PEER_TABLE_MIN_ROWS]:
            if len(below.cells) >= 3 and _LETTERS.search(below.text) and _DIGIT.search(below.text):
                rows += 1
        if rows >= PEER_TABLE_MIN_ROWS:
            out.append(line)
    return out


def comparisons(doc: Document, index: PhraseIndex, table_lines: set[int]) -> dict[str, tuple[str, Line]]:
    """Catalog indicator id -> (kind, line) for the first prose sentence that compares a figure of
    that indicator with a ranking, the industry or peers."""
    found: dict[str, tuple[str, Line]] = {}
    for sentence, line in sentences(doc, table_lines):
        if len(sentence) > MAX_SENTENCE or _DIGIT.search(sentence) is None:
            continue  # the length first: a third of the sentences with figures are flattened tables
        kind = comparison_kind(sentence)
        if kind is None:
            continue
        for _, item, _ in index.find(sentence):
            found.setdefault(item.id, (kind, line))
    return found
