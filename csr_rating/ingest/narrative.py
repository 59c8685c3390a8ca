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
from dataclasses import dataclass

from csr_rating.catalog import Catalog, CatalogIndicator, normalise
from csr_rating.ingest.document import Document, Line
from csr_rating.ingest.values import is_unit_phrase, year_of

MIN_PHRASE = 6  # characters: shorter names ("GHG", "R&D") are too ambiguous in running text
MAX_SENTENCE = 240  # characters: a longer "sentence" is a flattened table or list, not a statement
_HAN = re.compile(r"[\u3400-\u9fff]")
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w.,])\s*(?P<unit>%|％|‰|[^\s\d,.;:，。；：]{1,12})?"
)
_SENTENCE = re.compile(r"[^.;!?。；！？]+[.;!?。；！？]?")
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


class PhraseIndex:
    """Exact catalog names and aliases, looked up by word n-grams (English) or character n-grams
    (Chinese) of each line: one dictionary probe per n-gram instead of one scan per phrase."""

    def __init__(self, catalog: Catalog) -> None:
        self.phrases: dict[str, CatalogIndicator] = {}
        self.longest_words = 1
        self.longest_chars = 1
        for item in catalog.indicators:
            for name in (item.name.en, item.name.zh, *item.aliases):
                phrase = normalise(name)
                if len(phrase) < (3 if _HAN.search(phrase) else MIN_PHRASE):
                    continue
                self.phrases.setdefault(phrase, item)
                if _HAN.search(phrase):
                    self.longest_chars = max(self.longest_chars, len(phrase))
                else:
                    self.longest_words = max(self.longest_words, len(phrase.split()))

    def find(self, text: str) -> list[tuple[str, CatalogIndicator, int]]:
        """(phrase, item, position in the normalised text) for each catalog phrase in ``text``."""
        plain = normalise(text)
        found: list[tuple[str, CatalogIndicator, int]] = []
        words = plain.split()
        starts = [m.start() for m in re.finditer(r"\S+", plain)]
        for i in range(len(words)):
            for n in range(min(self.longest_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                if phrase in self.phrases:
                    found.append((phrase, self.phrases[phrase], starts[i]))
                    break
        if _HAN.search(plain):
            for i in range(len(plain)):
                for n in range(min(self.longest_chars, len(plain) - i), 2, -1):
                    phrase = plain[i : i + n]
                    if phrase in self.phrases:
                        found.append((phrase, self.phrases[phrase], i))
                        break
        return found


def mentions(doc: Document, index: PhraseIndex) -> list[Mention]:
    """The first line naming each catalog indicator, in document order."""
    seen: dict[str, Mention] = {}
    for line in doc.lines:
        if not line.text.strip():
            continue
        for phrase, item, _ in index.find(line.text):
            seen.setdefault(item.id, Mention(item, line, phrase))
    return sorted(seen.values(), key=lambda m: (m.line.number, m.item.id))


def figures(
    doc: Document, index: PhraseIndex, year: int, skip: set[str], table_lines: set[int] | None = None
) -> list[Figure]:
    """One prose figure per quantitative catalog indicator not in ``skip``: the first sentence that
    names it next to a number and states its year ("in 2020", "2020年"). Lines of data tables are
    left to the table reader."""
    best: dict[str, Figure] = {}
    for line in doc.lines:
        text = line.text
        if (table_lines and line.number in table_lines) or not any(ch.isdigit() for ch in text):
            continue
        for sentence in _SENTENCE.findall(text):
            found = index.find(sentence)
            if not found:
                continue
            stated = _stated_year(sentence, year)
            if stated is None:
                continue
            for phrase, item, _ in found:
                if item.kind != "quantitative" or item.id in skip:
                    continue
                figure = _figure_near(sentence, item)
                if figure is None:
                    continue
                value, unit = figure
                best.setdefault(item.id, Figure(item, line, stated, value, unit))
    return sorted(best.values(), key=lambda f: (f.line.number, f.item.id))


def _stated_year(sentence: str, year: int) -> int | None:
    for match in _YEAR_IN_TEXT.finditer(sentence):
        stated = int(match.group(1) or match.group(2))
        if stated <= year and year - stated <= 5:
            return stated
    return None


def _figure_near(sentence: str, item: CatalogIndicator) -> tuple[float | int, str | None] | None:
    """The first figure of a short sentence naming the indicator (a year is not a figure; a share
    indicator needs a percentage)."""
    if len(sentence) > MAX_SENTENCE:
        return None
    wants_share = (item.unit or "").strip() in ("%", "％")
    for match in _FIGURE.finditer(sentence):
        number = match.group("number")
        if year_of(number) is not None:
            continue
        unit = (match.group("unit") or "").strip() or None
        share = unit in ("%", "％")
        if wants_share != share:
            continue
        digits = number.replace(",", "")
        value: float | int = float(digits) if "." in digits else int(digits)
        kept_unit = unit if unit and (share or is_unit_phrase(unit) or _HAN.search(unit)) else None
        return value, kept_unit
    return None
