"""The release gate: thresholds on stars and "no regression" against an earlier JSON scorecard.

Exit codes are a public contract (README): 0 passes, 1 below a threshold or regressed, 2 input or
usage error. A gate that cannot be evaluated (an unknown dimension, an unreadable baseline) is an
input error, never a pass.
"""

from __future__ import annotations

import difflib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csr_rating.criteria import Standard
from csr_rating.errors import InputError
from csr_rating.render.json_format import READ_VERSIONS
from csr_rating.scorecard import GateFailure, GateVerdict, Range, Scorecard
from csr_rating.yamlio import MAX_BYTES


@dataclass(frozen=True)
class Failure:
    subject: str  # "overall" or a dimension id
    required: float  # stars
    actual: float  # stars
    points_short: float  # score points to the required band (0 for a regression)
    regression: bool = False

    def __str__(self) -> str:
        if self.regression:
            return f"{self.subject} fell from {self.required:g}★ in the baseline to {self.actual:g}★"
        return (
            f"{self.subject} has {self.actual:g}★, below the required {self.required:g}★ "
            f"(short by {self.required - self.actual:g}★, {self.points_short:.1f} points)"
        )


def parse_minimum(text: str, dimensions: list[str]) -> tuple[str, float]:
    """``balance=4`` -> ("balance", 4.0); an unknown dimension or a bad number is a usage error."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise InputError("--min", f"{text!r} is not DIMENSION=STARS (e.g. balance=4)")
    if name not in dimensions:
        close = difflib.get_close_matches(name, dimensions, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(dimensions)})"
        raise InputError("--min", f"unknown dimension {name!r}{hint}")
    return name, stars_value(value, f"--min {name}")


def stars_value(text: str | float, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(what, f"{text!r} is not a number of stars") from None
    if not math.isfinite(value) or not 0 <= value <= 5:
        raise InputError(what, f"{text!r} is not a number of stars from 0 to 5")
    return value


def _baseline_json(path: Path) -> Any:
    """The parsed JSON of a baseline file; every way it can be unreadable is an input error."""
    shown = str(path)
    if not path.is_file():
        raise InputError(shown, "baseline not found (expected an earlier --format json scorecard)")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError(shown, "baseline is larger than the size limit")
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(shown, f"baseline is not a JSON scorecard: {exc.__class__.__name__}", line) from None
    except OSError as exc:
        raise InputError(shown, f"cannot read baseline: {exc.strerror or exc}") from None
    return data


def load_baselines(path: Path) -> dict[str | None, dict[str, float]]:
    """Stars per report from an earlier ``--format json`` output: one scorecard (key None: it is the
    baseline of every report) or several (``reports``, keyed by file)."""
    shown = str(path)
    data = _baseline_json(path)
    if isinstance(data, dict) and isinstance(data.get("reports"), dict):
        return {str(file): _stars_of(card, shown) for file, card in data["reports"].items()}
    return {None: _stars_of(data, shown)}


def _stars_of(data: Any, shown: str) -> dict[str, float]:
    try:
        if data["schema_version"] not in READ_VERSIONS:
            supported = ", ".join(str(v) for v in READ_VERSIONS)
            raise InputError(
                shown, f"baseline schema_version {data['schema_version']!r} is not supported ({supported})"
            )
        stars = {str(d["id"]): stars_value(d["stars"], shown) for d in data["dimensions"]}
        stars["overall"] = stars_value(data["overall"]["stars"], shown)
    except (KeyError, TypeError) as exc:
        raise InputError(shown, f"baseline is not a csr-rating JSON scorecard (missing {exc})") from None
    return stars


def evaluate(
    card: Scorecard,
    standard: Standard,
    min_stars: float | None = None,
    minima: dict[str, float] | None = None,
    baseline: dict[str, float] | None = None,
    end: str = "low",
) -> list[Failure]:
    """Every way the scorecard fails the gate, overall first, then dimensions in standard order.
    While facts are unknown the gate reads the low end of the range (proven facts only), or the
    high end with ``end="high"``."""
    failures: list[Failure] = []
    high = end == "high"
    subjects = [("overall", *_end(card.overall.range, card.overall.stars, card.overall.score, high))]
    subjects += [(d.id, *_end(d.range, d.stars, d.score, high)) for d in card.dimensions]
    required = {"overall": min_stars} if min_stars is not None else {}
    required.update(minima or {})
    for subject, stars, score in subjects:
        need = required.get(subject)
        if need is not None and stars < need:
            failures.append(Failure(subject, need, stars, _points_to(standard, need) - score))
        before = (baseline or {}).get(subject)
        if before is not None and stars < before:
            failures.append(Failure(subject, before, stars, 0.0, regression=True))
    return failures


def verdict(
    card: Scorecard,
    standard: Standard,
    min_stars: float | None = None,
    minima: dict[str, float] | None = None,
    baseline: dict[str, float] | None = None,
    end: str = "low",
) -> GateVerdict:
    """The gate's verdict on one scorecard, as every output format shows it."""
    failures = evaluate(card, standard, min_stars, minima, baseline, end)
    stars, score = overall_at(card, end)
    return GateVerdict(
        passed=not failures,
        end=end,
        stars=stars,
        score=score,
        failures=[
            GateFailure(
                subject=f.subject,
                required=f.required,
                actual=f.actual,
                points_short=round(f.points_short, 1),
                regression=f.regression,
                message=str(f),
            )
            for f in failures
        ],
    )


def overall_at(card: Scorecard, end: str = "low") -> tuple[float, float]:
    """(stars, score) of the overall rating at the gated end of its range."""
    return _end(card.overall.range, card.overall.stars, card.overall.score, end == "high")


def _end(found: Range | None, stars: float, score: float, high: bool) -> tuple[float, float]:
    """(stars, score) at the chosen end of a range; the scorecard's own where there is none."""
    return (found.high_stars, found.high) if high and found is not None else (stars, score)


def _points_to(standard: Standard, stars: float) -> float:
    """The lowest score that earns at least ``stars`` under the standard's bands."""
    return min((band.min for band in standard.stars if band.stars >= stars), default=100.0)
