"""Industry catalogs: the core indicators and key topics an industry's report should disclose.

A catalog is data (``criteria/industries/*.yaml``). Report items are matched to catalog items by id
first, then by normalised name or alias, so an author who does not know the ids still gets credit.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from csr_rating.i18n import I18n
from csr_rating.report import Indicator, Report, Topic

IndicatorId = Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Alias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(_Model):
    id: Slug
    name: I18n


class CatalogIndicator(_Model):
    id: IndicatorId
    name: I18n
    aliases: list[Alias] = Field(default_factory=list)
    unit: str | None = None
    category: Slug
    kind: Literal["quantitative", "qualitative"] = "quantitative"
    negative: bool = False
    tier: Literal["core", "extended"] = "core"
    source: str | None = None


class CatalogTopic(_Model):
    id: Slug
    name: I18n
    aliases: list[Alias] = Field(default_factory=list)
    source: str | None = None


Item = TypeVar("Item", CatalogIndicator, CatalogTopic)


class Catalog(_Model):
    """One industry's indicator catalog and key topics."""

    id: Slug
    name: I18n
    version: str = "1"
    share_scale: float = Field(
        1.0,
        ge=1,
        le=5,
        description="Multiplies a share of this catalog before it is scored (capped at 100%): "
        "calibrates a catalog broader than the rating's own indicator list.",
    )
    sources: list[str] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    indicators: list[CatalogIndicator] = Field(default_factory=list)
    topics: list[CatalogTopic] = Field(default_factory=list)

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

    def scaled(self, share: float) -> float:
        """A share (0-100) of this catalog on the rating's scale (0-100)."""
        return min(100.0, share * self.share_scale)

    def core(self, kind: str = "any") -> list[CatalogIndicator]:
        return [i for i in self.indicators if i.tier == "core" and kind in ("any", i.kind)]

    def match_indicator(self, indicator: Indicator) -> CatalogIndicator | None:
        """By id when the report gives one (an id pins the meaning: no name fallback), else by name."""
        return _match(self._indicator_ids, self._indicator_names, indicator.id, indicator.name)

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


def _match(by_id: dict[str, Item], by_name: dict[str, Item], item_id: str | None, name: str) -> Item | None:
    if item_id is not None:
        return by_id.get(item_id)
    return by_name.get(normalise(name))


def _name_index(items: list[Item]) -> dict[str, Item]:
    """First item wins for a name: catalog order decides, so matching is deterministic."""
    index: dict[str, Item] = {}
    for item in items:
        for name in (item.name.en, item.name.zh, *item.aliases):
            index.setdefault(normalise(name), item)
    return index


_UNIT = re.compile(r"[(（][^()（）]*[)）]\s*$")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalise(name: str) -> str:
    """Compare names the way a person would: case, width, punctuation and a trailing (unit) ignored."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _UNIT.sub("", text)
    return _PUNCT.sub(" ", text).strip()
