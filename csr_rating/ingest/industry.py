"""Which industry pack a draft belongs to, from the packs' own data.

Each pack brings its vocabulary: its lexicon's ``detect`` words, and the names and aliases of the
indicators and key topics it declares itself — not those it inherits, nor own names that repeat or
hold a name of the root catalog or a word of the lexicon's ``generic`` list (every report has
employees and volunteers).
The draft is read once for all packs' words (an Aho-Corasick automaton: one linear pass whatever the
number of words; English on word boundaries, Chinese as substrings, spaces between Chinese characters
of an OCR text closed). A word found counts
by how specific it is — shared by several packs it counts for each a share, 1/n — and by how often it
occurs (1 + log of the count, capped), with the lexicon's detection words counting fully and item
names half (a name such as 发电量 is strong evidence, but packs list many). A pack's score is that sum
over the square root of its vocabulary's size, so a pack with a long list has no head start.

The best pack wins when its score reaches ``MIN_SCORE`` and leads the second by ``MIN_LEAD``; the
review note names the top two packs with the words that decided. Nothing here names an industry:
a new pack is detected by its own file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import HAN, Document
from csr_rating.ingest.noted import Noted
from csr_rating.ingest.per_object import PerObject

DETECT_WEIGHT = 1.0  # a lexicon detection word: chosen by the pack's author to set it apart
NAME_WEIGHT = 0.2  # an own indicator's or topic's name or alias: evidence, but packs list many (measured, bench/)
MAX_REPEAT = 3.0  # 1 + log(count) is capped here: one word repeated a hundred times is one theme
MIN_SCORE = 0.05  # under this (about one unshared detection word) no pack fits: the general catalog
MIN_LEAD = 1.1  # the winner must lead the runner-up by this factor, else both are named for review
MIN_LETTERS = 3  # shorter English words (AI, 5G excepted when they hold a digit) are too ambiguous

_HAN_GAP = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")  # OCR spaces and line wraps inside Chinese
_WORD_CHAR = re.compile(r"[0-9a-z]")


@dataclass(frozen=True)
class Evidence:
    """One pack's score and the words that earned most of it."""

    catalog: str
    score: float
    words: tuple[str, ...]


def _normal(text: str) -> str:
    return _HAN_GAP.sub("", unicodedata.normalize("NFKC", text).casefold())


class Detector:
    """All packs' vocabularies of one criteria set, compiled once."""

    def __init__(self, catalogs: list[Catalog]) -> None:
        by_id = {c.id: c for c in catalogs}
        self.catalogs = [c for c in catalogs if c.extends]  # a base is what is left when nothing fits
        self.vocabulary: dict[str, dict[str, float]] = {}
        for catalog in self.catalogs:
            common = _Common(_base_words(by_id[catalog.extends[-1]]) | {_normal(w) for w in catalog.lexicon.generic.all()})
            words: dict[str, float] = {}
            names = [(i.name.en, i.name.zh, *i.aliases) for i in catalog.own_indicators()]
            names += [(t.name.en, t.name.zh, *t.aliases) for t in catalog.own_topics()]
            for name in (n for group in names for n in group):
                if not common.holds(_normal(name).strip()):
                    _add(words, name, NAME_WEIGHT)
            for term in catalog.lexicon.detect.all():
                _add(words, term, DETECT_WEIGHT)
            self.vocabulary[catalog.id] = words
        owners = Counter(word for words in self.vocabulary.values() for word in words)
        self.share = {word: 1 / count for word, count in owners.items()}

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for word in sorted(self.share):
            automaton.add_word(word, word)
        if self.share:
            automaton.make_automaton()
        return automaton

    def rank(self, doc: Document) -> list[Evidence]:
        """Every pack with its score, best first (ties by id, so the order is deterministic)."""
        text = _HAN_GAP.sub("", doc.folded)  # _normal(doc.text), the folding shared with the topic reader
        counts: Counter[str] = Counter()
        found = self._automaton.iter(text) if self.share else ()
        for end, word in found:  # every occurrence, overlapping ones too (发电 inside 发电量)
            start = end - len(word) + 1
            if word.isascii() and (_boundary(text, start - 1) or _boundary(text, end + 1)):
                continue
            counts[word] += 1
        ranked = []
        for catalog_id, words in self.vocabulary.items():
            found = {
                w: words[w] * self.share[w] * min(MAX_REPEAT, 1 + math.log(n)) for w, n in counts.items() if w in words
            }
            score = sum(found.values()) / math.sqrt(len(words)) if words else 0.0
            top = sorted(found, key=lambda w: (-found[w], w))[:5]
            ranked.append(Evidence(catalog_id, round(score, 4), tuple(top)))
        ranked.sort(key=lambda e: (-e.score, e.catalog))
        return ranked


def _base_words(base: Catalog) -> frozenset[str]:
    """Every name and alias of the root catalog: what every report may say, whatever its industry."""
    names = [(i.name.en, i.name.zh, *i.aliases) for i in base.indicators]
    names += [(t.name.en, t.name.zh, *t.aliases) for t in base.topics]
    return frozenset(_normal(name).strip() for group in names for name in group)


class _Common:
    """The words every report may use, whatever its industry (the base catalog's names and the
    pack's generic words), indexed so that a name is checked against all of them at once."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        han = sorted(w for w in words if len(w) >= 2 and not w.isascii())
        self.joined = "\n".join(han)  # a name inside one of them is a substring of this text
        self.automaton: ahocorasick.Automaton | None = None
        if han:
            self.automaton = ahocorasick.Automaton()
            for word in han:
                self.automaton.add_word(word, word)
            self.automaton.make_automaton()

    def holds(self, name: str) -> bool:
        """An own item named like a base item ("员工权益", "volunteering") says nothing about the
        industry; nor does a Chinese name that holds a base name or sits inside one."""
        if name in self.words:
            return True
        if name.isascii() or self.automaton is None:
            return False
        return ("\n" not in name and name in self.joined) or next(self.automaton.iter(name), None) is not None


def _add(words: dict[str, float], term: str, weight: float) -> None:
    word = _normal(term).strip()
    if not word or (word.isascii() and len(word) < MIN_LETTERS and not any(ch.isdigit() for ch in word)):
        return
    if not word.isascii() and len(word) < 2:
        return
    words[word] = max(weight, words.get(word, 0.0))


def _boundary(text: str, index: int) -> bool:
    """True where the character at ``index`` would join an English word to its neighbour."""
    return 0 <= index < len(text) and bool(_WORD_CHAR.match(text[index]))


def _detector(criteria: CriteriaSet) -> Detector:
    return Detector(sorted(criteria.catalogs.values(), key=lambda c: c.id))


detector_for: PerObject[CriteriaSet, Detector] = PerObject(_detector)  # built once per criteria set object


def detect_industry(doc: Document, criteria: CriteriaSet) -> Noted:
    """The pack that fits the draft best, with the top two and their words in the review note."""
    ranked = detector_for(criteria).rank(doc)
    if not ranked or ranked[0].score < MIN_SCORE:
        best = f"; closest: {_say(ranked[0])}" if ranked and ranked[0].score > 0 else ""
        return Noted(
            "general",
            review=f"no industry pack fits (set --industry); scored against the general catalog{best}",
        )
    first = ranked[0]
    second = ranked[1] if len(ranked) > 1 else None
    runner = f"; next: {_say(second)}" if second is not None and second.score > 0 else ""
    close = second is not None and second.score * MIN_LEAD > first.score
    doubt = " (close: check it)" if close else ""
    return Noted(
        first.catalog,
        review=f"detected{doubt}: {_say(first)}{runner}; --industry overrides",
        confidence=0.5 if close else 0.8,
    )


def _say(evidence: Evidence) -> str:
    words = ", ".join(evidence.words[:4])
    return f"{evidence.catalog} {evidence.score:.2f} ({words})"
