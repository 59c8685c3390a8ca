"""Suggestions from missed points: concrete, ranked by what they gain, and planned per next star."""

from __future__ import annotations

import math
import re

from csr_rating.checks.base import Outcome
from csr_rating.criteria import Criterion, Standard
from csr_rating.i18n import I18n
from csr_rating.scorecard import CriterionResult, DimensionResult, NextStar, Step, Suggestion

SHOWN_ITEMS = 8


_PREFIX = re.compile(r"^([^:：;；]{1,40}?[:：])\s*(.+)$")  # "data or cases on: Topic"
_SUFFIX = re.compile(r"^(.+?)\s*([(（][^()（）]{1,60}[)）])$")  # "Indicator (3 years to 2020)"
_SEPARATORS = {"zh": ("；", "、"), "en": ("; ", ", ")}


def listing(items: list[I18n] | tuple[I18n, ...], lang: str, limit: int = SHOWN_ITEMS) -> str:
    """Name the first ``limit`` items and say how many more there are. Neighbours that open with the
    same label ("data or cases on:") or close with the same note ("(3 years to 2020)") share it, said
    once: "data or cases on: A, B, C", not the phrase before every name."""
    names = [item.get(lang) for item in items[:limit]]  # type: ignore[arg-type]
    rest = len(items) - limit
    between, within = _SEPARATORS["zh" if lang == "zh" else "en"]
    text = between.join(_grouped(names, within))
    if lang == "zh":
        return text + (f"等，另有{rest}项" if rest > 0 else "")
    return text + (f"; and {rest} more" if rest > 0 else "")


def _grouped(names: list[str], within: str) -> list[str]:
    """Runs of names sharing a leading label or a trailing note, each run as one phrase."""
    parts = [_split(name) for name in names]
    out: list[str] = []
    start = 0
    while start < len(parts):
        head, _, tail = parts[start]
        end = start + 1
        while end < len(parts) and (head or tail) and (parts[end][0], parts[end][2]) == (head, tail):
            end += 1
        if end - start == 1:
            out.append(names[start])
        else:
            body = within.join(core for _, core, _ in parts[start:end])
            label = f"{head} " if head and not head.endswith("：") else head
            out.append(f"{label}{body}{' ' if tail and not tail.startswith('（') else ''}{tail}")
        start = end
    return out


def _split(name: str) -> tuple[str, str, str]:
    """(leading label, the name, trailing note); empty strings where there is none."""
    head = ""
    found = _PREFIX.match(name)
    if found:
        head, name = found.group(1), found.group(2)
    tail = ""
    found = _SUFFIX.match(name)
    if found:
        name, tail = found.group(1), found.group(2)
    return head, name, tail


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
    return sorted(_merged(found), key=lambda s: -round(s.gain, 6))  # stable: ties keep the standard's order


def _merged(found: list[Suggestion]) -> list[Suggestion]:
    """One suggestion per wording: two criteria asking for the same thing in the same words are one
    step that earns both gains (the first criterion names it)."""
    by_text: dict[tuple[str, str], int] = {}
    out: list[Suggestion] = []
    for suggestion in found:
        key = (suggestion.text.en, suggestion.text.zh)
        if key not in by_text:
            by_text[key] = len(out)
            out.append(suggestion)
            continue
        first = out[by_text[key]]
        up_to = (first.up_to or first.gain) + (suggestion.up_to or suggestion.gain)
        gain = first.gain + suggestion.gain
        out[by_text[key]] = first.model_copy(update={"gain": gain, "up_to": up_to if up_to > gain + 1e-9 else None})
    return out


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
