"""What every check kind shares: its input (the context), its output (the outcome), score bands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from csr_rating import fields
from csr_rating.catalog import Catalog, CatalogIndicator, CatalogTopic
from csr_rating.i18n import I18n
from csr_rating.report import Report

FieldPath = Annotated[str, AfterValidator(fields.check_path)]
Loc = tuple[str | int, ...]


class Params(BaseModel):
    """Base of every kind's parameter model; unknown parameters are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as criteria._Model


class Band(BaseModel):
    """From ``min`` (inclusive) upwards the criterion earns ``score`` (a share of its points)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as criteria._Model

    min: Annotated[float, Field(ge=0)]
    score: Annotated[float, Field(ge=0, le=1)]


class Bands(BaseModel):
    """Monotone step function from a measured value to a share of the points."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as criteria._Model

    steps: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _monotone(self) -> Bands:
        if self.steps[0].min != 0:
            raise ValueError("the first band must start at min: 0 so every value is covered")
        for low, high in zip(self.steps, self.steps[1:], strict=False):
            if high.min <= low.min:
                raise ValueError("band minimums must increase")
            if high.score < low.score:
                raise ValueError("band scores must not decrease as the value grows")
        return self

    def score(self, value: float) -> float:
        earned = 0.0
        for band in self.steps:
            if value >= band.min:
                earned = band.score
        return earned

    def more_needed(self, value: float) -> float | None:
        """How much more of the measured thing lifts the score to the next band, or None at the top."""
        step = self.next_step(value)
        if step is None:
            return None
        more = step.min - value
        return int(more) if float(more).is_integer() else round(more, 2)

    def next_step(self, value: float) -> Band | None:
        current = self.score(value)
        for band in self.steps:
            if band.min > value and band.score > current:
                return band
        return None


@dataclass(frozen=True)
class Context:
    """Everything a check may look at. Checks are pure: same context, same outcome."""

    report: Report
    industry: Catalog  # the report's industry catalog, or the general one when it has none
    general: Catalog
    waived: frozenset[str] = frozenset()  # catalog indicator ids the report declares not applicable

    def core(self, catalog: Catalog, kind: str = "any") -> list[CatalogIndicator]:
        """The catalog's core indicators that apply to this report (waived ones leave the denominator)."""
        segments = self.report.meta.segments
        return [item for item in catalog.core(kind, segments) if item.id not in self.waived]

    def topics(self, catalog: Catalog) -> list[CatalogTopic]:
        """The catalog's key topics that apply to this report (those of other segments left out)."""
        return catalog.topics_for(self.report.meta.segments)

    def catalog(self, name: str) -> Catalog:
        return self.general if name == "general" else self.industry

    def catalogs(self) -> list[Catalog]:
        return [self.industry] if self.industry.id == self.general.id else [self.industry, self.general]


@dataclass(frozen=True)
class Finding:
    """A piece of evidence found in the report, with where it stands (resolved to a line later)."""

    text: str
    loc: Loc


@dataclass(frozen=True)
class Outcome:
    fraction: float  # share of the criterion's points earned, 0..1
    summary: I18n  # one line: what was measured
    found: tuple[Finding, ...] = ()
    missing: tuple[I18n, ...] = ()  # concrete items that would earn more, most valuable first
    per_item: float | None = None  # share gained by each missing item, where the gain is linear
    # the share earned once the step ``missing`` names is taken, where it names only the next band
    # ("5 more cases"); None where taking every step in ``missing`` earns every point
    step: float | None = None
    section: Loc = ()  # the report section concerned, for locating a missed criterion

    def __post_init__(self) -> None:
        object.__setattr__(self, "fraction", min(1.0, max(0.0, float(self.fraction))))


def _as_bands(value: object) -> object:
    return {"steps": value} if isinstance(value, list) else value


# In YAML a plain list of bands; in Python a validated, monotone Bands with score().
BandList = Annotated[Bands, BeforeValidator(_as_bands, json_schema_input_type=list[Band])]


def text(en: str, zh: str) -> I18n:
    return I18n(en=en, zh=zh)
