"""Industry catalogs: the core indicators and key topics an industry's report should disclose.

A catalog is data (``criteria/industries/*.yaml``). An industry pack ``extends`` one base (``general``):
it adds its own indicators and topics, overrides a base item by giving its id again, and drops one
with a reason; loading merges the chain once, so every check sees one ``Catalog``. A pack also carries
its ``lexicon``: the words ingest needs to recognise the industry's facts, kept as data next to the
items they describe. Report items are matched to catalog items by id first, then by normalised name
or alias, so an author who does not know the ids still gets credit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from csr_rating.i18n import HAN_CHAR, I18n
from csr_rating.report import Indicator, Report, Topic

IndicatorId = Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Alias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+$", max_length=40)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when first validated (criteria._Model)


class Category(_Model):
    id: Slug
    name: I18n


SEGMENTS_HELP = "The industry segments it applies to (ids of the catalog's `segments`); empty: every organisation."


class CatalogIndicator(_Model):
    id: IndicatorId
    name: I18n
    aliases: list[Alias] = Field(default_factory=list)
    unit: str | None = None
    category: Slug
    kind: Literal["quantitative", "qualitative"] = "quantitative"
    negative: bool = False
    tier: Literal["core", "extended"] = "core"
    segments: list[Slug] = Field(default_factory=list, description=SEGMENTS_HELP)
    source: str | None = None


class CatalogTopic(_Model):
    id: Slug
    name: I18n
    aliases: list[Alias] = Field(default_factory=list)
    evidence: list[IndicatorId] = Field(
        default_factory=list,
        max_length=40,
        description="Indicators of the catalog whose figures back this topic with data: a draft that discloses "
        "one covers the topic in detail, whatever words it uses for the topic. Ids a pack drops are left out.",
    )
    segments: list[Slug] = Field(default_factory=list, description=SEGMENTS_HELP)
    source: str | None = None


Item = TypeVar("Item", CatalogIndicator, CatalogTopic)


class Terms(_Model):
    """Words and phrases in each language, matched case-insensitively (English on word boundaries)."""

    en: list[Term] = Field(default_factory=list)
    zh: list[Term] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.en, *self.zh]


class Segment(_Model):
    """A part of an industry with its own issues (building materials beside construction, hydro beside
    thermal power): items tagged with a segment count only for organisations in it."""

    id: Slug
    name: I18n
    detect: Terms = Field(default_factory=lambda: Terms(), description="Words that show a draft is in this segment.")


class NegativeEvent(_Model):
    """An unfavourable event proper to the industry: found in prose like the general event rules
    (a figure or an occurrence verb must show it happened; "zero spills" is not one)."""

    label: I18n
    en: list[Term] = Field(default_factory=list)
    zh: list[Term] = Field(default_factory=list)


class Lexicon(_Model):
    """What ingest needs to recognise an industry's facts, in English and Chinese.

    ``detect`` is a pack's own (never inherited): the words that set its reports apart. The other
    tables add to the base's: ``synonyms`` (English table words meaning one canonical word),
    ``units`` (unit words of its tables), ``negative_events`` (besides the negative indicators' own
    names), ``generic`` (words too common in its reports to stand for one topic)."""

    detect: Terms = Field(default_factory=Terms, description="Words that mark a draft as this industry's.")
    synonyms: dict[Word, Word] = Field(default_factory=dict, description="English word -> canonical word.")
    units: list[Term] = Field(default_factory=list, description="Unit words of this industry's tables.")
    negative_events: list[NegativeEvent] = Field(default_factory=list)
    event_units: list[Term] = Field(
        default_factory=list,
        description="Units that count events (cases, incidents): a negative indicator in one of them is an "
        "event the negatives extractor looks for by its names.",
    )
    generic: Terms = Field(default_factory=Terms, description="Too common to identify one topic alone.")


class Drop(_Model):
    """An inherited indicator or topic this pack leaves out, and why (e.g. its own item measures it better)."""

    id: str
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=500)]


class CatalogFile(_Model):
    """A catalog file as written: a base (no ``extends``) or a pack that extends one.

    A pack lists only what is its own: new categories, indicators and topics; an item whose id the
    base already has replaces the base's; ``drop`` removes a base item (with a reason). Lexicon
    tables add to the base's. ``share_scale`` is inherited unless given."""

    id: Slug
    name: I18n
    version: str = "1"
    extends: Slug | None = Field(None, description="The catalog this one builds on (e.g. general).")
    share_scale: float | None = Field(
        None,
        ge=1,
        le=5,
        description="Multiplies a share of this catalog before it is scored (capped at 100%): "
        "calibrates a catalog broader than the rating's own indicator list. Inherited when not given; 1 for a base.",
    )
    sources: list[str] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list, description="Parts of the industry with their own items.")
    indicators: list[CatalogIndicator] = Field(default_factory=list)
    topics: list[CatalogTopic] = Field(default_factory=list)
    drop: list[Drop] = Field(default_factory=list)
    lexicon: Lexicon = Field(default_factory=Lexicon)

    @model_validator(mode="after")
    def _unique(self) -> CatalogFile:
        ids: set[str] = set()
        for item_id in [*(i.id for i in self.indicators), *(t.id for t in self.topics)]:
            if item_id in ids:
                raise ValueError(f"id {item_id!r} appears twice")
            ids.add(item_id)
        categories = [c.id for c in self.categories]
        if len(set(categories)) != len(categories):
            raise ValueError("categories: an id appears twice")
        dropped: set[str] = set()
        for drop in self.drop:
            if drop.id in ids:
                raise ValueError(f"drop: {drop.id!r} is dropped and declared in the same file")
            if drop.id in dropped:
                raise ValueError(f"drop: {drop.id!r} is listed twice")
            dropped.add(drop.id)
        if self.extends is None and self.drop:
            raise ValueError("drop: only a catalog that extends another can drop items")
        if self.extends == self.id:
            raise ValueError(f"extends: catalog {self.id!r} cannot extend itself")
        return self


class Catalog(_Model):
    """One industry's indicator catalog and key topics, with its base merged in."""

    id: Slug
    name: I18n
    version: str = "1"
    extends: list[str] = Field(default_factory=list, description="The chain of bases, nearest first.")
    share_scale: float = Field(1.0, ge=1, le=5)
    sources: list[str] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    indicators: list[CatalogIndicator] = Field(default_factory=list)
    topics: list[CatalogTopic] = Field(default_factory=list)
    lexicon: Lexicon = Field(default_factory=Lexicon)
    own: frozenset[str] = Field(default_factory=frozenset, description="Ids this pack declares (not its base's).")

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        categories = {c.id for c in self.categories}
        ids: set[str] = set()
        for item_id in [*(i.id for i in self.indicators), *(t.id for t in self.topics)]:
            if item_id in ids:
                raise ValueError(f"id {item_id!r} appears twice")
            ids.add(item_id)
        for indicator in self.indicators:
            if indicator.category not in categories:
                raise ValueError(f"indicator {indicator.id!r}: unknown category {indicator.category!r}")
        indicator_ids = {i.id for i in self.indicators}
        for topic in self.topics:
            unknown_ids = [i for i in topic.evidence if i not in indicator_ids]
            if unknown_ids:
                raise ValueError(f"topic {topic.id!r}: evidence {unknown_ids[0]!r} is not an indicator of this catalog")
        segments = {s.id for s in self.segments}
        tagged: list[CatalogIndicator | CatalogTopic] = [*self.indicators, *self.topics]
        for item in tagged:
            unknown = [s for s in item.segments if s not in segments]
            if unknown:
                known = ", ".join(sorted(segments)) or "none"
                raise ValueError(f"{item.id!r}: unknown segment {unknown[0]!r} (segments here: {known})")
        for group in (self.indicators, self.topics):
            owner: dict[str, str] = {}
            for item in group:
                for name in {normalise(n) for n in (item.name.en, item.name.zh, *item.aliases)}:
                    if name in owner and owner[name] != item.id:
                        raise ValueError(f"name or alias {name!r} belongs to both {owner[name]!r} and {item.id!r}")
                    owner[name] = item.id
        return self

    @cached_property
    def _indicator_names(self) -> dict[str, CatalogIndicator]:
        return _name_index(self.indicators)

    @cached_property
    def _topic_names(self) -> dict[str, CatalogTopic]:
        return _name_index(self.topics)

    def warm(self) -> None:
        """Build the lookup indexes now (stored with a cached pack: each run would build them again)."""
        for index in ("_indicator_ids", "_indicator_names", "_topic_ids", "_topic_names"):
            getattr(self, index)

    def own_indicators(self) -> list[CatalogIndicator]:
        return [i for i in self.indicators if i.id in self.own]

    def own_topics(self) -> list[CatalogTopic]:
        return [t for t in self.topics if t.id in self.own]

    def negative_terms(self) -> list[NegativeEvent]:
        """What the negatives extractor looks for besides its general rules: the lexicon's negative
        events, then the names of each negative indicator that counts events (its unit is one of the
        lexicon's ``event_units``) with a count beside them: "3 work safety accidents", "因工死亡2人".
        Names, not aliases: an alias is a table row's label ("antitrust", 公平竞争), which in a
        sentence is as often a training course as an event."""
        events = list(self.lexicon.negative_events)
        counts = {u.casefold() for u in self.lexicon.event_units}
        for item in self.indicators:
            if not item.negative or item.kind != "quantitative" or (item.unit or "").casefold() not in counts:
                continue
            names = [item.name.en, item.name.zh]
            en = [n for n in names if _short_en(n)]
            zh = [n for n in names if _short_zh(n)]
            if en or zh:
                events.append(NegativeEvent(label=item.name, en=en, zh=zh))
        return events

    def scaled(self, share: float) -> float:
        """A share (0-100) of this catalog on the rating's scale (0-100)."""
        return min(100.0, share * self.share_scale)

    def core(self, kind: str = "any", segments: Iterable[str] = ()) -> list[CatalogIndicator]:
        """Core indicators (of ``kind``), those of other segments left out when ``segments`` is given
        (worked out once per kind and segments: every check asks, for every report)."""
        chosen = frozenset(segments)
        key = (kind, chosen)
        if key not in self._cores:
            self._cores[key] = [
                i for i in self.indicators if i.tier == "core" and kind in ("any", i.kind) and applies(i, chosen)
            ]
        return list(self._cores[key])

    @cached_property
    def _cores(self) -> dict[tuple[str, frozenset[str]], list[CatalogIndicator]]:
        return {}

    def topics_for(self, segments: Iterable[str] = ()) -> list[CatalogTopic]:
        """Key topics, those of other segments left out when ``segments`` is given."""
        return [t for t in self.topics if applies(t, segments)]

    def match_indicator(self, indicator: Indicator) -> CatalogIndicator | None:
        """By id when the report gives one (an id pins the meaning: no name fallback), else by name.
        Remembered by (id, name): every check asks again for every indicator of every report."""
        key = (indicator.id, indicator.name)
        matched = self._matched.get(key, self)
        if matched is self:
            if len(self._matched) >= MATCHES_KEPT:  # bounded: a batch of thousands of reports
                self._matched.clear()
            matched = self._matched[key] = _match(self._indicator_ids, self._indicator_names, *key)
        return matched  # type: ignore[return-value]

    @cached_property
    def _matched(self) -> dict[tuple[str | None, str], CatalogIndicator | None]:
        return {}

    def match_topic(self, topic: Topic) -> CatalogTopic | None:
        return _match(self._topic_ids, self._topic_names, topic.id, topic.name)

    @cached_property
    def _indicator_ids(self) -> dict[str, CatalogIndicator]:
        return {item.id: item for item in self.indicators}

    @cached_property
    def _topic_ids(self) -> dict[str, CatalogTopic]:
        return {item.id: item for item in self.topics}

    def disclosed(self, report: Report) -> dict[str, int]:
        """Catalog indicator id -> index of the first report indicator that discloses it."""
        found: dict[str, int] = {}
        for index, indicator in enumerate(report.indicators):
            item = self.match_indicator(indicator)
            if item is not None:
                found.setdefault(item.id, index)
        return found

    def is_negative(self, indicator: Indicator) -> bool:
        if indicator.negative is not None:
            return indicator.negative
        item = self.match_indicator(indicator)
        return bool(item and item.negative)


def applies(item: CatalogIndicator | CatalogTopic, segments: Iterable[str]) -> bool:
    """An item applies to an organisation in ``segments`` unless it belongs to other segments only;
    with no segments given (not known, or the whole industry), every item applies."""
    chosen = set(segments)
    return not chosen or not item.segments or bool(chosen & set(item.segments))


def merge(base: Catalog | None, file: CatalogFile) -> Catalog:
    """One catalog from a file and its (already merged) base: the pack's items after the base's,
    an item given again by id replacing the base's in place, dropped items removed."""
    if base is None:
        return Catalog(
            id=file.id,
            name=file.name,
            version=file.version,
            share_scale=file.share_scale or 1.0,
            sources=file.sources,
            categories=file.categories,
            segments=file.segments,
            indicators=file.indicators,
            topics=file.topics,
            lexicon=file.lexicon.model_copy(update={"synonyms": _resolved(file.lexicon.synonyms)}),
            own=frozenset({i.id for i in file.indicators} | {t.id for t in file.topics}),
        )
    known = {i.id for i in base.indicators} | {t.id for t in base.topics}
    for drop in file.drop:
        if drop.id not in known:
            raise ValueError(f"drop: {drop.id!r} is not an item of {base.id!r}")
    dropped = {d.id for d in file.drop}
    return Catalog(
        id=file.id,
        name=file.name,
        version=file.version,
        extends=[base.id, *base.extends],
        share_scale=file.share_scale if file.share_scale is not None else base.share_scale,
        sources=_union(base.sources, file.sources),
        categories=_overlay(base.categories, file.categories, set()),
        segments=_overlay(base.segments, file.segments, set()),
        indicators=_overlay(base.indicators, file.indicators, dropped),
        topics=[_without(topic, dropped) for topic in _overlay(base.topics, file.topics, dropped)],
        lexicon=Lexicon(
            detect=file.lexicon.detect,
            synonyms=_resolved({**base.lexicon.synonyms, **file.lexicon.synonyms}),
            units=_union(base.lexicon.units, file.lexicon.units),
            negative_events=[*base.lexicon.negative_events, *file.lexicon.negative_events],
            event_units=_union(base.lexicon.event_units, file.lexicon.event_units),
            generic=Terms(
                en=_union(base.lexicon.generic.en, file.lexicon.generic.en),
                zh=_union(base.lexicon.generic.zh, file.lexicon.generic.zh),
            ),
        ),
        own=frozenset(({i.id for i in file.indicators} | {t.id for t in file.topics}) - known),
    )


Overlaid = TypeVar("Overlaid", CatalogIndicator, CatalogTopic, Category, Segment)


def _overlay(base: list[Overlaid], own: list[Overlaid], dropped: set[str]) -> list[Overlaid]:
    replaced = {item.id: item for item in own}
    kept = [replaced.pop(item.id, item) for item in base if item.id not in dropped]
    return kept + [item for item in own if item.id in replaced]


def _without(topic: CatalogTopic, dropped: set[str]) -> CatalogTopic:
    """A base topic keeps its evidence in a pack, less the indicators the pack drops."""
    if not dropped & set(topic.evidence):
        return topic
    return topic.model_copy(update={"evidence": [i for i in topic.evidence if i not in dropped]})


def _resolved(synonyms: dict[str, str]) -> dict[str, str]:
    """Each word straight to its final canonical word: a pack's "petrol: gasoline" over the base's
    "gasoline: fuel" reads petrol as fuel, as gasoline is."""
    out = {}
    for word, target in synonyms.items():
        seen = {word}
        while target in synonyms and synonyms[target] != target and target not in seen:
            seen.add(target)
            target = synonyms[target]
        out[word] = target
    return out


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _short_en(name: str) -> bool:
    """A name short enough to be said in a sentence ("oil spills"), English and without a unit."""
    return not HAN_CHAR.search(name) and 1 <= len(name.split()) <= 3 and "(" not in name and len(name) <= 100


def _short_zh(name: str) -> bool:
    return bool(HAN_CHAR.search(name)) and 2 <= len(name) <= 6 and "（" not in name and "(" not in name


def _match(by_id: dict[str, Item], by_name: dict[str, Item], item_id: str | None, name: str) -> Item | None:
    if item_id is not None:
        return by_id.get(item_id)
    return by_name.get(normalise(name))


def _name_index(items: list[Item]) -> dict[str, Item]:
    """First item wins for a name: catalog order decides, so matching is deterministic."""
    index: dict[str, Item] = {}
    entry: Item
    for entry in items:
        for name in (entry.name.en, entry.name.zh, *entry.aliases):
            index.setdefault(normalise(name), entry)
    return index


MATCHES_KEPT = 1 << 16
_UNIT = re.compile(r"[(（][^()（）]*[)）]\s*$")


class _Spaced(dict[int, int]):
    """str.translate's table: a character that is not a letter or digit (``[\\W_]`` in a regex) becomes a
    space. Filled as characters are met; a regex substitution was most of normalising a line of text."""

    def __missing__(self, code: int) -> int:
        self[code] = code if chr(code).isalnum() else 32
        return self[code]


_SPACED = _Spaced()


@lru_cache(maxsize=1 << 16)  # called for every indicator by every check: names repeat
def normalise(name: str) -> str:
    """Compare names the way a person would: case, width, punctuation and a trailing (unit) ignored."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    if "(" in text or "（" in text:
        text = _UNIT.sub("", text)
    return " ".join(text.translate(_SPACED).split())  # runs of punctuation and spaces: one space
