"""The result of scoring: one structure that every output format is a projection of."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from csr_rating.i18n import I18n


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(_Model):
    text: str
    line: int | None = None


MISSED = 1e-9  # below this many points short, a criterion counts as fully met (float noise)


class CriterionResult(_Model):
    id: str
    title: I18n
    points: float
    earned: float
    summary: I18n
    evidence: list[Evidence]
    missing: list[I18n]
    suggestion: I18n | None  # None when all points are earned
    gain: float  # overall points gained by earning the missed points
    line: int | None  # where in the report the section concerned starts
    step_gain: float | None = None  # overall points the suggestion's named step earns, where less than ``gain``

    @property
    def missed(self) -> bool:
        """Points were left on the table."""
        return self.points - self.earned > MISSED

    @property
    def nothing_earned(self) -> bool:
        return self.earned <= MISSED


class Step(_Model):
    criterion: str
    gain: float  # dimension points
    text: I18n


class NextStar(_Model):
    stars: float
    points_needed: float  # dimension points
    reachable: bool
    steps: list[Step]


class Range(_Model):
    """Where a score lies while some facts are unknown: as given (low) and at their best (high)."""

    low: float
    high: float
    low_stars: float
    high_stars: float


class Question(_Model):
    """An unknown fact that can move the rating, asked in plain words."""

    field: str  # the unknown path it settles (Report.unknown)
    answer_field: str  # the report field the answer is written to
    question: I18n
    kind: str  # yes_no, number, choice, choices, names, text
    choices: list[str]
    gain: float  # overall points the answer can add at most


class DimensionResult(_Model):
    id: str
    name: I18n
    weight: float
    score: float
    stars: float
    criteria: list[CriterionResult]
    next_star: NextStar | None
    range: Range | None = None


class Overall(_Model):
    score: float
    stars: float
    grade: I18n
    exemplary: bool
    range: Range | None = None


class Suggestion(_Model):
    dimension: str
    criterion: str
    gain: float  # what the step the text names earns (overall points)
    text: I18n
    line: int | None
    up_to: float | None = None  # what the whole criterion would earn, where more than ``gain``


class Waived(_Model):
    """A criterion or core indicator the report declares not applicable, with its reason."""

    kind: str  # "criterion" or "indicator"
    id: str
    title: I18n
    reason: str
    line: int | None


class ReportInfo(_Model):
    organisation: str
    also_named: list[str] = []  # the organisation's name in other languages
    title: str
    year: int
    industry: str
    languages: list[str]
    catalog: str
    file: str
    located_by: Literal["line", "page"] = "line"  # what the line numbers count: lines of the file, or pages of a PDF draft


class StandardInfo(_Model):
    id: str
    version: str
    title: I18n


class GateFailure(_Model):
    """One way the report fails the release gate (``csr-rating check``)."""

    subject: str  # "overall" or a dimension id
    required: float  # stars (for a regression: the baseline's)
    actual: float
    points_short: float  # score points to the required band (0 for a regression)
    regression: bool = False
    message: str


class GateVerdict(_Model):
    """The gate's verdict, carried in every output format so a CI summary can say why a job is red."""

    passed: bool
    end: str  # which end of a range the gate read: "low" (proven facts) or "high"
    stars: float  # the overall stars at that end
    score: float
    failures: list[GateFailure] = []


class Scorecard(_Model):
    standard: StandardInfo
    report: ReportInfo
    overall: Overall
    dimensions: list[DimensionResult]
    suggestions: list[Suggestion]
    notes: list[str]
    waived: list[Waived] = []
    questions: list[Question] = []
    gate: GateVerdict | None = None  # set by `check`, absent from `score`
