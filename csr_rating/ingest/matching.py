"""Match a name printed in a draft to the industry catalog: which core indicator is this row?

Plain edit distance confuses names that share words ("Number of suppliers" vs "Number of users")
and misses names that say the same thing differently ("Work-related injury and death" vs "work-
related fatalities"). So names are compared as bags of content words: stop words dropped, simple
stemming, the catalog lexicon's synonyms, each word weighted by how rare it is in the catalog (a rare
word like "packet" says more than "rate"). Chinese is compared by character bigrams. The score is
an F-measure of the weighted overlap, 0-1, reduced when the units disagree (a share is not a count).
rapidfuzz's token ratio breaks ties between near-equal candidates and catches spelling variants.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from csr_rating.catalog import Catalog, CatalogIndicator, CatalogTopic, normalise
from csr_rating.ingest.document import HAN

ACCEPT = 0.65  # at or above: linked (with a review note below SURE); measured on the reference KPI table
SURE = 0.86  # at or above: linked without a review note

_STOP = {
    "of", "the", "a", "an", "and", "in", "on", "for", "to", "by", "at", "from", "with", "per", "its",
    "number", "no", "total", "amount", "volume", "value", "during", "company", "group", "annual", "year",
    "among", "which", "including", "all", "new", "degree", "level", "quantity", "status", "situation",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_HAN = re.compile(f"[{HAN}]+")
_SHARE_UNITS = {"%", "％", "‰", "percent", "ppm"}
# A row name's trailing scope of a counted area ("... in 21 southern provinces/autonomous regions"):
# words the catalog never holds, which drown the indicator's own words when the name is compared whole.
_SCOPE = re.compile(r"\s+in\s+(?:the\s+)?\d[\d,]*\s+[^\d\s].*$", re.IGNORECASE)
SCOPED = 0.85  # at most, for a name matched without its scope: below SURE, so linked with a review note


def stem(word: str) -> str:
    """Plural to singular, crudely but predictably (no dictionary): enough to compare names."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ses", "s"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + repl
    return word


def words(name: str, synonyms: Mapping[str, str] | None = None) -> list[str]:
    """Content words of an English name, stemmed and mapped to synonyms (the catalog lexicon's:
    words reports use for the same thing); bigrams of Chinese."""
    synonyms = synonyms or {}
    text = normalise(name)
    out: list[str] = []
    for word in _WORD.findall(text):
        for part in word.split("-"):
            stem_ = stem(part)
            if stem_ in _STOP or part in _STOP or not stem_:
                continue
            out.append(synonyms.get(stem_, synonyms.get(part, stem_)))
    for run in _HAN.findall(text):
        out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return out


@dataclass(frozen=True)
class Match:
    id: str
    score: float  # 0-1
    via: str  # the catalog name or alias that matched best


class Matcher:
    """Fuzzy lookup of report names in one catalog (indicators and topics)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._synonyms = catalog.lexicon.synonyms
        self._names: list[tuple[str, CatalogIndicator | CatalogTopic, Counter[str]]] = []
        self._by_word: dict[str, list[int]] = {}
        self._exact: dict[str, list[int]] = {}
        for item in [*catalog.indicators, *catalog.topics]:
            for name in dict.fromkeys((item.name.en, item.name.zh, *item.aliases)):
                position = len(self._names)
                self._names.append((name, item, Counter(words(name, self._synonyms))))
                self._exact.setdefault(normalise(name), []).append(position)
                for word in self._names[-1][2]:
                    self._by_word.setdefault(word, []).append(position)

    @cached_property
    def _idf(self) -> dict[str, float]:
        documents = Counter(word for _, _, bag in self._names for word in bag)
        total = len(self._names) + 1
        return {word: math.log(total / count) + 1 for word, count in documents.items()}

    def _weight(self, word: str) -> float:
        return self._idf.get(word, math.log(len(self._names) + 1) + 1)

    def _similarity(self, query: Counter[str], bag: Counter[str]) -> float:
        if not query or not bag:
            return 0.0
        common = query & bag
        overlap = sum(self._weight(w) * n for w, n in common.items())
        if not overlap:
            return 0.0
        precision = overlap / sum(self._weight(w) * n for w, n in query.items())
        recall = overlap / sum(self._weight(w) * n for w, n in bag.items())
        beta2 = 4.0  # F2: covering the catalog name matters more than extra words in the printed one
        return (1 + beta2) * precision * recall / (beta2 * precision + recall)

    def indicator(self, name: str, unit: str | None = None) -> Match | None:
        """The best catalog indicator for a printed name, or None below ACCEPT. A name that finds none
        whole is tried again without a trailing scope of counted areas ("in 21 provinces ...")."""
        found = self._best(name, unit, CatalogIndicator)
        if found is not None:
            return found
        cut = _SCOPE.sub("", name)
        if cut == name or len(words(cut, self._synonyms)) < 2:
            return None
        scoped = self._best(cut, unit, CatalogIndicator)
        return None if scoped is None else Match(scoped.id, min(scoped.score, SCOPED), scoped.via)

    def topic(self, name: str) -> Match | None:
        return self._best(name, None, CatalogTopic)

    def _best(self, name: str, unit: str | None, kind: type) -> Match | None:
        query = Counter(words(name, self._synonyms))
        plain = normalise(name)
        exact = set(self._exact.get(plain, ()))
        # only names sharing a word can score: the inverted index spares comparing every name
        candidates = sorted(exact.union(*(self._by_word.get(word, ()) for word in query)))
        best: tuple[float, float, str, str] | None = None
        for position in candidates:
            printed, item, bag = self._names[position]
            if not isinstance(item, kind):
                continue
            score = 1.0 if position in exact else self._similarity(query, bag)
            if score < 0.3:
                continue
            if isinstance(item, CatalogIndicator):
                score *= _unit_agreement(unit, item)
            tie = fuzz.token_sort_ratio(plain, normalise(printed)) / 100
            key = (score, tie, item.id, printed)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None or best[0] < ACCEPT:
            return None
        return Match(best[2], round(min(best[0], 1.0), 3), best[3])


def _unit_agreement(unit: str | None, item: CatalogIndicator) -> float:
    """A share printed against a count in the catalog (or the reverse) is a different indicator."""
    if item.kind == "qualitative":
        return 0.85  # a row of figures is rarely the qualitative item itself
    if unit is None or item.unit is None:
        return 1.0
    row_share = unit.strip() in _SHARE_UNITS
    item_share = item.unit.strip() in _SHARE_UNITS
    return 1.0 if row_share == item_share else 0.8
