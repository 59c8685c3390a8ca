"""Suggestions from missed points: concrete, ranked by what they gain, and planned per next star."""

from __future__ import annotations

import math

from csr_rating.checks.base import Outcome
from csr_rating.criteria import Criterion, Standard
from csr_rating.i18n import I18n
from csr_rating.scorecard import CriterionResult, DimensionResult, NextStar, Step, Suggestion

SHOWN_ITEMS = 8


def listing(items: list[I18n] | tuple[I18n, ...], lang: str, limit: int = SHOWN_ITEMS) -> str:
    """Name the first ``limit`` items and say how many more there are."""
    names = [item.get(lang) for item in items[:limit]]  # type: ignore[arg-type]
    rest = len(items) - limit
    if lang == "zh":
        return "；".join(names) + (f"等，另有{rest}项" if rest > 0 else "")
    return "; ".join(names) + (f"; and {rest} more" if rest > 0 else "")


def render(criterion: Criterion, outcome: Outcome, items: list[I18n] | tuple[I18n, ...] | None = None) -> I18n:
    chosen = outcome.missing if items is None else items
    return I18n(
        **{
            lang: getattr(criterion.suggestion, lang).format(
                missing=listing(chosen, lang) or "—",
                summary=getattr(outcome.summary, lang),
            )
            for lang in ("en", "zh")
        }
    )


def ranked(dimensions: list[DimensionResult]) -> list[Suggestion]:
    """All suggestions, largest overall gain first; ties in standard order (stable, deterministic)."""
    found = [
        Suggestion(
            dimension=d.id,
            criterion=c.id,
            gain=c.step_gain if c.step_gain is not None else c.gain,  # what the named step earns
            text=c.suggestion,
            line=c.line,
            up_to=c.gain if c.step_gain is not None else None,
        )
        for d in dimensions
        for c in d.criteria
        if c.suggestion is not None and c.gain > 0
    ]
    return sorted(found, key=lambda s: -round(s.gain, 6))  # stable: ties keep the standard's order


def plan_next_star(
    standard: Standard,
    score: float,
    results: list[tuple[Criterion, Outcome, CriterionResult]],
    dimension_points: float,
) -> NextStar | None:
    """The fewest, most valuable steps that lift this dimension into the next star band."""
    band = standard.next_band(score)
    if band is None:
        return None
    needed = band.min - score
    to_dimension = 100 / dimension_points  # criterion points -> dimension points
    candidates = sorted(
        (r for r in results if r[2].points > r[2].earned),
        key=lambda r: -(r[2].points - r[2].earned),
    )
    steps: list[Step] = []
    gained = 0.0
    for criterion, outcome, result in candidates:
        if gained >= needed - 1e-9:
            break
        missed = (result.points - result.earned) * to_dimension
        remaining = needed - gained
        if outcome.per_item and outcome.missing and missed > remaining:
            each = outcome.per_item * result.points * to_dimension
            count = min(len(outcome.missing), math.ceil(remaining / each - 1e-9))
            steps.append(
                Step(
                    criterion=criterion.id, gain=count * each, text=render(criterion, outcome, outcome.missing[:count])
                )
            )
            gained += count * each
        else:
            steps.append(Step(criterion=criterion.id, gain=missed, text=result.suggestion or criterion.title))
            gained += missed
    return NextStar(stars=band.stars, points_needed=needed, reachable=gained >= needed - 1e-9, steps=steps)
