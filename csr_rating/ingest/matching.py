"""Match a name printed in a draft to the industry catalog: which core indicator is this row?

Plain edit distance confuses names that share words ("Number of suppliers" vs "Number of users")
and misses names that say the same thing differently ("Work-related injury and death" vs "work-
related fatalities"). So names are compared as bags of content words: stop words dropped, simple
stemming, the catalog lexicon's synonyms, each word weighted by how rare it is in the catalog (a rare
word like "packet" says more than "rate"). Chinese is compared by character bigrams. The score is
an F-measure of the weighted overlap, 0-1, reduced when the units disagree (a share is not a count).
rapidfuzz's token ratio breaks ties between near-equal candidates and catches spelling variants.

Before comparing, a printed name is read the way a person reads it (``cleaned``): Chinese characters
split by an extraction's stray spaces are joined ("归属于上市 公司股东的 净利润"), and a leading
year or period ("2016年", "2010-2016年"), an index code ("a1 1 en21"), a lead-in ("全年") and a
trailing "约" or "合计" are dropped. Rules keep look-alikes apart (their words are data, names.yaml): a name that states a
change ("…同比下降") is not the indicator; by a fuzzy match, a relative figure (a rate, a share, a
figure per unit or per person) never links to an absolute item (a count or an amount), a count
("…人数") never to a share, and a name scoped to a part ("新产品…", "海外…") never to the whole.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml
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
_HAN_GAP = re.compile(f"(?<=[{HAN}]) +(?=[{HAN}])")
_LEADING_YEAR = re.compile(r"^(?:截至|截止)?\s*(?:19|20)\d{2}(?:\s*(?:至|到)?\s*(?:19|20)?\d{2,4})?\s*年(?:度|底|末)?\s*")


@lru_cache(maxsize=1)
def name_words() -> dict[str, Any]:
    """The word lists of names.yaml (bundled data), each normalised like the names it is matched on."""
    text = resources.files("csr_rating.ingest").joinpath("names.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)

    def norm(items: list[str]) -> tuple[str, ...]:
        return tuple(sorted({normalise(str(item)) for item in items if normalise(str(item))}, key=len, reverse=True))

    return {
        "ocr": tuple(data["ocr_confusions"].items()),
        "lead_ins": norm(data["lead_ins"]),
        "index_code": re.compile(
            rf"^(?:(?:{'|'.join(map(re.escape, data['index_codes']))})\s?\d{{1,3}}\s*|\d{{1,2}}\s*)+(?=[{HAN}])"
        ),
        "trailing": norm(data["trailing"]),
        "change": norm([*data["change"]["zh"], *data["change"]["en"]]),
        "zh_prefix": norm(data["relative"]["zh_prefix"]),
        "zh_infix": norm(data["relative"]["zh_infix"]),
        "zh_suffix": norm(data["relative"]["zh_suffix"]),
        "en": frozenset(norm(data["relative"]["en"])),
        "count_zh": norm(data["count"]["zh_suffix"]),
        "count_en": frozenset(norm(data["count"]["en"])),
        "subset": norm(data["subset_prefixes"]),
        "neutral_units": frozenset(u.casefold() for u in data["neutral_units"]),
        "figure_not_after": tuple(data["figure_not_after"]),
        "phrase_not_after": tuple(data["phrase_not_after"]),
        "per_basis": re.compile(rf"每\s*[\d,.]*\s*(?:{'|'.join(map(re.escape, data['per_basis']))})[{HAN}]{{0,8}}$"),
        "units": {unit: tuple(words) for unit, words in data["units"].items()},
        "approx_after": "".join(data["approx_after"]),
        "figure_not_units": tuple(sorted(data["figure_not_units"], key=len, reverse=True)),
        "between_not": re.compile("|".join(map(re.escape, data["between_not"]))),
        "between_ok": re.compile("|".join(map(re.escape, data["between_ok"]))),
        "per_after": re.compile(rf"^\s*(?:{'|'.join(map(re.escape, data['per_after']))})(?![A-Za-z])", re.IGNORECASE),
        "cumulative": re.compile("|".join(map(re.escape, data["cumulative"])), re.IGNORECASE),
        "unit_ends": re.compile("|".join(map(re.escape, data["unit_ends"]))),
    }


@lru_cache(maxsize=65536)
def cleaned(name: str) -> str:
    """A printed name, normalised, as a person reads it: characters an OCR confuses restored,
    Chinese characters split by stray spaces joined, a leading year or period, an index code ("a1 1 en21…"), lead-ins and trailing words
    ("约", "合计") dropped. Where nothing but those words was printed, the name stays as it was (a
    bare "合计" stays unmatched)."""
    table = name_words()
    text = _HAN_GAP.sub("", normalise(name))
    for misread, meant in table["ocr"]:
        text = text.replace(misread, meant)
    before = None
    while before != text:
        before = text
        text = table["index_code"].sub("", _LEADING_YEAR.sub("", text)).strip()
        for word in table["lead_ins"]:
            if text.startswith(word) and len(text) > len(word) + 1:
                text = text[len(word) :].strip()
        for word in table["trailing"]:
            if text.endswith(word) and len(text) > len(word) + 1:
                text = text[: -len(word)].strip()
    return text or normalise(name)


def states_change(name: str) -> bool:
    """ "综合能耗同比下降", "Revenue growth rate": the change of an indicator, not the indicator."""
    text = cleaned(name)
    return any(text.endswith(word) and len(text) > len(word) for word in name_words()["change"])


def is_relative(name: str) -> bool:
    """A name that marks a relative figure: a rate or share ("覆盖率", "占比", "rate"), a figure per unit
    of output or per person ("万元产值…", "吨水泥…", "人均…", "per employee") or an intensity."""
    text = cleaned(name)
    table = name_words()
    han = "".join(_HAN.findall(text))
    if han and (
        han.startswith(table["zh_prefix"]) or han.endswith(table["zh_suffix"]) or any(w in han for w in table["zh_infix"])
    ):
        return True
    return any(word in table["en"] for word in _WORD.findall(text))


def is_count(name: str) -> bool:
    """A name that ends by saying it counts or sums: "…人数", "…金额", "number of …"."""
    text = cleaned(name)
    table = name_words()
    han = "".join(_HAN.findall(text))
    if han and han.endswith(table["count_zh"]):
        return True
    return any(word in table["count_en"] for word in _WORD.findall(text))


def subset_prefix(name: str) -> str | None:
    """The scope word a name starts with ("新产品…", "海外…"), if any: it names a part of an indicator."""
    text = cleaned(name)
    return next((word for word in name_words()["subset"] if text.startswith(word)), None)


def is_absolute(item: CatalogIndicator) -> bool:
    """A count or an amount: a quantitative item whose unit is neither a share nor a ratio of units,
    and whose names mark no relative figure (so "人均培训时长", in hours, is not one)."""
    unit = (item.unit or "").strip()
    if item.kind != "quantitative" or not unit or unit in _SHARE_UNITS:
        return False
    if "/" in unit or re.search(r"\bper\b", unit, re.IGNORECASE) or unit.casefold() in name_words()["neutral_units"]:
        return False
    return not (is_relative(item.name.en) or is_relative(item.name.zh))


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
        items: list[CatalogIndicator | CatalogTopic] = [*catalog.indicators, *catalog.topics]
        for item in items:
            for name in dict.fromkeys((item.name.en, item.name.zh, *item.aliases)):
                position = len(self._names)
                self._names.append((name, item, Counter(words(name, self._synonyms))))
                self._exact.setdefault(normalise(name), []).append(position)
                for word in self._names[-1][2]:
                    self._by_word.setdefault(word, []).append(position)
        self._shares = {
            position
            for position, (_, item, _) in enumerate(self._names)
            if isinstance(item, CatalogIndicator) and (item.unit or "").strip() in _SHARE_UNITS
        }
        # names of absolute items (counts, amounts) that mark no relative figure themselves
        self._absolute = {
            position
            for position, (name, item, _) in enumerate(self._names)
            if isinstance(item, CatalogIndicator) and is_absolute(item) and not is_relative(name)
        }

    @cached_property
    def _idf(self) -> dict[str, float]:
        documents = Counter(word for _, _, bag in self._names for word in bag)
        total = len(self._names) + 1
        return {word: math.log(total / count) + 1 for word, count in documents.items()}

    def _weight(self, word: str) -> float:
        return self._idf.get(word, math.log(len(self._names) + 1) + 1)

    def _mass(self, bag: Counter[str]) -> float:
        return sum(self._weight(w) * n for w, n in bag.items())

    @cached_property
    def _masses(self) -> list[float]:
        """Each catalog name's weighted word count, the denominator of its recall (worked out once)."""
        return [self._mass(bag) for _, _, bag in self._names]

    def _similarity(self, query: Counter[str], query_mass: float, position: int) -> float:
        bag = self._names[position][2]
        if not query or not bag:
            return 0.0
        # the weights of query & bag, term by term in the query's order (what Counter.__and__ keeps)
        overlap = sum(
            self._weight(w) * least for w, n in query.items() if (least := min(n, bag.get(w, 0))) > 0
        )
        if not overlap:
            return 0.0
        precision = overlap / query_mass
        recall = overlap / self._masses[position]
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
        plain = cleaned(name)
        query = Counter(words(plain, self._synonyms))
        exact = set(self._exact.get(plain, ())) | set(self._exact.get(normalise(name), ()))
        if kind is CatalogIndicator and not exact and states_change(name):
            return None  # "…同比下降": a change, whatever indicator it is the change of
        relative = kind is CatalogIndicator and is_relative(plain)
        count = kind is CatalogIndicator and not relative and is_count(plain)
        scope = subset_prefix(plain)
        # only names sharing a word can score: the inverted index spares comparing every name
        candidates = sorted(exact.union(*(self._by_word.get(word, ()) for word in query)))
        best: tuple[float, float, str, str] | None = None
        query_mass = self._mass(query)
        for position in candidates:
            printed, item, _ = self._names[position]
            if not isinstance(item, kind):
                continue
            score = 1.0 if position in exact else self._similarity(query, query_mass, position)
            if score < 0.3:
                continue
            if position not in exact:
                if relative and position in self._absolute:
                    continue  # a rate, a share or an intensity is never a count or an amount
                if count and position in self._shares:
                    continue  # a count is never a share
                if scope is not None and not normalise(printed).startswith(scope):
                    continue  # "新产品销售收入": a part of the indicator, not the whole
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
