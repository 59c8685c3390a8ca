"""Criteria sets: a rating standard (dimensions, weights, star bands, grades) and its criteria.

The models here are the single source of truth for the criteria format (``csr-rating schema
criteria``). A criterion instantiates one check kind with parameters; nothing in a criteria file
is executed.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    StringConstraints,
    field_validator,
    model_validator,
)

from csr_rating.catalog import Catalog
from csr_rating.checks import CheckParams
from csr_rating.i18n import I18n

CriterionId = Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
STAR_VALUES = (5.0, 4.5, 4.0, 3.5, 3.0, 2.0, 1.0)
PLACEHOLDERS = {"missing", "summary"}


class _Model(BaseModel):
    # defer_build: a model's validator is built when it first validates, and a run that reads the pack
    # from the cache (packcache) never validates one; building them all cost a third of a cold start
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FreeParam(_Model):
    """A check parameter ``csr-rating calibrate --fit`` may change, within the range declared here:
    ``scale`` multiplies the minimums of the check's ``bands`` by a factor (scores and order kept, so
    the bands stay monotone); ``range`` bounds a numeric parameter."""

    param: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]
    scale: tuple[Annotated[float, Field(gt=0, le=3)], Annotated[float, Field(gt=0, le=3)]] | None = None
    range: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> FreeParam:
        if (self.scale is None) == (self.range is None):
            raise ValueError("a free parameter gives exactly one of `scale` (for bands) or `range`")
        low, high = self.scale or self.range or (0.0, 0.0)
        if low >= high:
            raise ValueError("the allowed range must run from a lower to a higher value")
        if self.scale is not None and self.param != "bands":
            raise ValueError("`scale` applies to `bands` only; give a numeric parameter a `range`")
        return self


class Criterion(_Model):
    id: CriterionId
    title: I18n
    points: Annotated[float, Field(gt=0, le=100)]
    check: CheckParams  # type: ignore[valid-type]
    suggestion: I18n = Field(description="Template; may use {missing} and {summary}.")
    free: list[FreeParam] = Field(
        default_factory=list, description="Parameters calibration may fit, each within its declared range."
    )

    @model_validator(mode="after")
    def _free_exist(self) -> Criterion:
        for free in self.free:
            value = getattr(self.check, free.param, None)
            if free.param == "bands":
                if value is None:
                    raise ValueError(f"free parameter 'bands' of {self.id}: the check has no bands to scale")
                if free.scale is None or not free.scale[0] <= 1 <= free.scale[1]:
                    raise ValueError(
                        f"free 'bands' of {self.id}: the scale range must include 1 (the bands as written)"
                    )
            elif not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError(f"free parameter {free.param!r} of {self.id} is not a number of its check")
            elif free.range is None or not free.range[0] <= value <= free.range[1]:
                raise ValueError(
                    f"free {free.param!r} of {self.id}: the range must include the value as written ({value})"
                )
        return self

    @field_validator("suggestion")
    @classmethod
    def _placeholders(cls, value: I18n) -> I18n:
        for template in (value.en, value.zh):
            for _, name, spec, conversion in string.Formatter().parse(template):
                if name is not None and (name not in PLACEHOLDERS or spec or conversion):
                    raise ValueError(f"unknown placeholder {{{name}}}; allowed: {sorted(PLACEHOLDERS)}")
        return value


class DimensionCriteria(_Model):
    """One dimension's criteria file."""

    dimension: Slug
    criteria: list[Criterion] = Field(min_length=1)


class StarBand(_Model):
    min: Annotated[float, Field(ge=0, le=100)]
    stars: float

    @field_validator("stars")
    @classmethod
    def _known(cls, value: float) -> float:
        if value not in STAR_VALUES:
            raise ValueError(f"stars must be one of {STAR_VALUES}")
        return value


class Grade(_Model):
    stars: float
    name: I18n


class DimensionSpec(_Model):
    id: Slug
    name: I18n
    weight: Annotated[float, Field(gt=0, le=100)]
    criteria: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.ya?ml$")]


class Standard(_Model):
    """The rating standard: which dimensions, how they weigh, how scores become stars."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    title: I18n
    version: str
    basis: list[str] = Field(default_factory=list)
    dimensions: list[DimensionSpec] = Field(min_length=1)
    stars: list[StarBand] = Field(min_length=1)
    grades: list[Grade] = Field(min_length=1)
    exemplary: I18n = Field(description="Grade above five stars, when every dimension has five.")

    # Field validators rather than one model validator: the error then points at the field's line.
    @field_validator("dimensions")
    @classmethod
    def _weights(cls, dimensions: list[DimensionSpec]) -> list[DimensionSpec]:
        ids = [d.id for d in dimensions]
        if len(set(ids)) != len(ids):
            raise ValueError("dimension ids repeat")
        total = sum(d.weight for d in dimensions)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"dimension weights sum to {total:g}, not 100")
        return dimensions

    @field_validator("stars")
    @classmethod
    def _bands(cls, bands: list[StarBand]) -> list[StarBand]:
        mins = [b.min for b in bands]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("star bands must be listed from the highest min down, without repeats")
        stars = [b.stars for b in bands]
        if stars != sorted(stars, reverse=True) or len(set(stars)) != len(stars):
            raise ValueError("star bands must give fewer stars as min falls")
        if mins[-1] != 0:
            raise ValueError("the lowest star band must start at min: 0 so every score gets stars")
        return bands

    @model_validator(mode="after")
    def _graded(self) -> Standard:
        graded = [g.stars for g in self.grades]
        if len(set(graded)) != len(graded):
            raise ValueError("grades: two grades are given for the same number of stars")
        missing = sorted({b.stars for b in self.stars} - set(graded))
        if missing:
            raise ValueError(f"grades: no grade for stars {missing}")
        return self

    def stars_for(self, score: float) -> float:
        for band in self.stars:
            if score >= band.min:
                return band.stars
        return self.stars[-1].stars  # unreachable: the last band starts at 0

    def next_band(self, score: float) -> StarBand | None:
        higher = [b for b in self.stars if b.min > score]
        return higher[-1] if higher else None

    def grade(self, stars: float) -> I18n:
        return next(g.name for g in self.grades if g.stars == stars)


class DimensionPatch(_Model):
    """A dimension in an overlay: changes the base's dimension of that id, or adds a new one (then
    name, weight and criteria are all needed)."""

    id: Slug
    name: I18n | None = None
    weight: Annotated[float, Field(gt=0, le=100)] | None = None
    criteria: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.ya?ml$")] | None = None


class Removal(_Model):
    id: Slug
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=500)]


class CriterionPatch(_Model):
    """Changes to one inherited criterion: its points, and check parameters merged over the base's
    (e.g. ``bands``); the check kind itself stays."""

    points: Annotated[float, Field(gt=0, le=100)] | None = None
    check: dict[str, Any] = Field(default_factory=dict)

    @field_validator("check")
    @classmethod
    def _same_kind(cls, value: dict[str, Any]) -> dict[str, Any]:
        if "kind" in value:
            raise ValueError("an overlay cannot change a check's kind; write a new criterion instead")
        return value


class StandardOverlay(_Model):
    """A standard that ``extends`` another: only what differs — dimension weights, added or dropped
    dimensions, criteria points and check parameters (bands), star bands, grades."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    extends: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    title: I18n
    version: str
    basis: list[str] | None = None
    dimensions: list[DimensionPatch] = Field(default_factory=list)
    drop_dimensions: list[Removal] = Field(default_factory=list)
    criteria: dict[CriterionId, CriterionPatch] = Field(default_factory=dict)
    stars: list[StarBand] | None = None
    grades: list[Grade] | None = None
    exemplary: I18n | None = None


class Dimension(_Model):
    spec: DimensionSpec
    criteria: list[Criterion]

    @property
    def points(self) -> float:
        return sum(c.points for c in self.criteria)


class CriteriaSet(_Model):
    """A loaded standard with its criteria and the industry catalogs it may use (a mapping from id to
    merged catalog: a plain dict, or the loader's lazy library)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)

    standard: Standard
    dimensions: list[Dimension]
    catalogs: SkipValidation[Mapping[str, Catalog]]

    @model_validator(mode="after")
    def _consistent(self) -> CriteriaSet:
        seen: set[str] = set()
        for dimension in self.dimensions:
            for criterion in dimension.criteria:
                if criterion.id in seen:
                    raise ValueError(f"criterion id {criterion.id!r} appears twice")
                seen.add(criterion.id)
        if "general" not in self.catalogs:
            raise ValueError("the general catalog (industries/general.yaml) is missing")
        return self

    def catalog_for(self, industry: str) -> Catalog:
        return self.catalogs.get(industry, self.catalogs["general"])
