"""Fit a criteria pack's free parameters to published ratings, and say how well the fit generalises.

Only parameters a criteria file declares ``free`` move, each within its declared range: a factor on a
check's band minimums (``scale``, scores and order kept, so bands stay monotone and every check stays
monotone in disclosure) or a numeric parameter (``range``).

The method is deterministic coordinate descent on a grid: each parameter in turn (in the standard's
order) takes the grid value with the least loss, the others held, until a round changes nothing
(at most ``ROUNDS``). The loss is the sum, over reports and published dimensions (and the overall),
of the stars between the published rating and csr-rating's range (0 inside it), plus a small pull
toward the values as written (``PULL``), so that among equal fits the least change wins.

Leave-one-out: each report (or group of entries of one report) is scored with the parameters fitted
on the others; that agreement, not the in-sample one, estimates agreement on reports nobody tuned to.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from csr_rating import checks
from csr_rating.calibration import OVERALL, Scored, distance
from csr_rating.checks.base import Context
from csr_rating.criteria import CriteriaSet, Criterion, Dimension, Standard
from csr_rating.engine import dimension_score, weighted_score
from csr_rating.errors import InputError
from csr_rating.report import Report
from csr_rating.scorecard import Range
from csr_rating.unknowns import best_case

GRID = 9  # points across each allowed range (the value as written is always tried too)
ROUNDS = 4
PULL = 0.01  # loss per whole allowed range moved away from the value as written


@dataclass(frozen=True)
class Knob:
    """One free parameter of one criterion."""

    criterion: str
    param: str
    low: float
    high: float
    original: float  # 1.0 for a band scale
    scaled: bool

    @property
    def name(self) -> str:
        return f"{self.criterion}.{self.param}" + (" (scale)" if self.scaled else "")

    def grid(self) -> list[float]:
        step = (self.high - self.low) / (GRID - 1)
        values = {round(self.low + i * step, 4) for i in range(GRID)} | {self.original}
        return sorted(values)


def knobs(criteria: CriteriaSet) -> list[Knob]:
    found = []
    for dimension in criteria.dimensions:
        for criterion in dimension.criteria:
            for free in criterion.free:
                if free.scale is not None:
                    found.append(Knob(criterion.id, free.param, *free.scale, 1.0, True))
                elif free.range is not None:
                    original = float(getattr(criterion.check, free.param))
                    found.append(Knob(criterion.id, free.param, *free.range, original, False))
    return found


def patch(criterion: Criterion, knob: Knob, value: float) -> dict[str, Any]:
    """The check parameters an overlay sets for ``knob`` at ``value``."""
    if knob.scaled:
        params: BaseModel = criterion.check
        bands = params.model_dump(mode="json")["bands"]["steps"]
        return {
            "bands": [
                {"min": _number(round(band["min"] * value, 4)), "score": _number(band["score"])} for band in bands
            ]
        }
    current = getattr(criterion.check, knob.param)
    return {knob.param: round(value) if isinstance(current, int) else value}


def _number(value: float) -> float | int:
    """4.0 as 4: the overlay reads as a person would write it."""
    return int(value) if float(value).is_integer() else value


def with_values(criteria: CriteriaSet, values: dict[Knob, float]) -> CriteriaSet:
    """The criteria set with each knob at its value."""
    by_criterion: dict[str, dict[str, Any]] = {}
    for knob, value in values.items():
        if value == knob.original:
            continue
        criterion = _criterion(criteria, knob.criterion)
        by_criterion.setdefault(knob.criterion, {}).update(patch(criterion, knob, value))
    if not by_criterion:
        return criteria
    dimensions = [
        Dimension(spec=d.spec, criteria=[_patched(c, by_criterion.get(c.id)) for c in d.criteria])
        for d in criteria.dimensions
    ]
    return criteria.model_copy(update={"dimensions": dimensions})


def _patched(criterion: Criterion, change: dict[str, Any] | None) -> Criterion:
    if not change:
        return criterion
    data = criterion.model_dump(mode="json", exclude_none=True)
    data["check"] = {**data["check"], **change}
    return Criterion.model_validate(data)


def _criterion(criteria: CriteriaSet, criterion_id: str) -> Criterion:
    return next(c for d in criteria.dimensions for c in d.criteria if c.id == criterion_id)


class Evaluator:
    """Ranges of many reports under many parameter values, fast: only the criteria a knob touches
    are evaluated again; the rest come from one scoring per report and end."""

    def __init__(self, criteria: CriteriaSet, reports: list[Scored]) -> None:
        self.criteria = criteria
        self.reports = reports
        self.ends = [(r.report, best_case(r.report) if r.report.unknown else r.report) for r in reports]
        self._cache: dict[tuple[int, int, str, tuple[float, ...]], float] = {}  # criterion fractions

    def _fraction(self, index: int, end: int, criterion: Criterion, key: tuple[float, ...]) -> float:
        cache_key = (index, end, criterion.id, key)
        if cache_key not in self._cache:
            report = self.ends[index][end]
            self._cache[cache_key] = checks.evaluate(criterion.check, _context(report, self.criteria)).fraction
        return self._cache[cache_key]

    def ranges(self, values: dict[Knob, float], index: int) -> dict[str, Range]:
        """Per dimension and overall: the range of report ``index`` under ``values``."""
        criteria = with_values(self.criteria, values)
        keys: dict[str, tuple[float, ...]] = {}
        for knob, value in sorted(values.items(), key=lambda kv: kv[0].name):
            keys[knob.criterion] = (*keys.get(knob.criterion, ()), value)
        report = self.ends[index][0]
        waived = {w.criterion for w in report.waivers if w.criterion}
        standard = criteria.standard
        out: dict[str, Range] = {}
        weighted: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
        for dimension in criteria.dimensions:
            applicable = [c for c in dimension.criteria if c.id not in waived]
            points = sum(c.points for c in applicable)
            ends = []
            for end in (0, 1):
                earned = sum(c.points * self._fraction(index, end, c, keys.get(c.id, ())) for c in applicable)
                ends.append(dimension_score(earned, points))
                weighted[end].append((ends[end], dimension.spec.weight))
            out[dimension.spec.id] = _range(ends[0], ends[1], standard)
        out[OVERALL] = _range(weighted_score(weighted[0]), weighted_score(weighted[1]), standard)
        return out

    def loss(self, values: dict[Knob, float], indices: Iterable[int]) -> float:
        total = 0.0
        for index in indices:
            ranges = self.ranges(values, index)
            for dimension, published in self.reports[index].entry.published.items():
                if dimension in ranges:
                    total += abs(distance(published, ranges[dimension]))
        pull = sum(abs(v - k.original) / (k.high - k.low) for k, v in values.items())
        return total + PULL * pull


def _range(low: float, high: float, standard: Standard) -> Range:
    return Range(low=low, high=high, low_stars=standard.stars_for(low), high_stars=standard.stars_for(high))


def _context(report: Report, criteria: CriteriaSet) -> Context:
    return Context(
        report=report,
        industry=criteria.catalog_for(report.meta.industry),
        general=criteria.catalogs["general"],
        waived=frozenset(w.indicator for w in report.waivers if w.indicator),
    )


def fit(evaluator: Evaluator, indices: list[int], all_knobs: list[Knob]) -> dict[Knob, float]:
    """Coordinate descent on the grid over the reports ``indices``."""
    values = {k: k.original for k in all_knobs}
    for _ in range(ROUNDS):
        changed = False
        for knob in all_knobs:
            best = min(
                knob.grid(),
                key=lambda v: (round(evaluator.loss({**values, knob: v}, indices), 9), abs(v - knob.original), v),
            )
            if best != values[knob]:
                values[knob] = best
                changed = True
        if not changed:
            break
    return values


def leave_one_out(evaluator: Evaluator, all_knobs: list[Knob]) -> dict[int, dict[str, Range]]:
    """Each report's ranges under the parameters fitted on the other reports (a group is left out
    whole: the YAML and the text of one report are one report)."""
    groups: dict[str, list[int]] = {}
    for index, scored in enumerate(evaluator.reports):
        groups.setdefault(scored.entry.group or scored.entry.id, []).append(index)
    out: dict[int, dict[str, Range]] = {}
    for members in groups.values():
        others = [i for i in range(len(evaluator.reports)) if i not in members]
        values = fit(evaluator, others, all_knobs) if others else {k: k.original for k in all_knobs}
        for index in members:
            out[index] = evaluator.ranges(values, index)
    return out


def write_fitted(root: Path, criteria: CriteriaSet, values: dict[Knob, float], output: Path, rated: Path) -> Path:
    """A criteria folder at ``output`` (which must not exist): a copy of ``root``, plus the overlay
    ``<standard>-fitted`` that extends the standard and sets only the fitted parameters, each with a
    comment saying what it was fitted on."""
    if output.exists():
        raise InputError(str(output), "already exists; the fitted pack goes to a new folder")
    base = criteria.standard.id
    try:
        shutil.copytree(root, output)
    except OSError as exc:
        raise InputError(str(output), f"cannot write: {exc.strerror or exc}") from None
    lines = [
        f"# Fitted by `csr-rating calibrate --fit {rated}`: the free parameters of {base} (and only those),",
        "# each within the range its criteria file declares, by coordinate descent on a grid (csr_rating/fitting.py).",
        f"id: {base}-fitted",
        f"extends: {base}",
        "title:",
        f"  en: {json.dumps(criteria.standard.title.en + ' (fitted)', ensure_ascii=False)}",
        f"  zh: {json.dumps(criteria.standard.title.zh + '（拟合）', ensure_ascii=False)}",
        f'version: "{criteria.standard.version}-fitted"',
        "criteria:",
    ]
    changed = False
    for knob, value in values.items():
        if value == knob.original:
            continue
        changed = True
        check = patch(_criterion(criteria, knob.criterion), knob, value)
        how = f"scale {value:g} of the bands as written" if knob.scaled else f"{knob.original:g} -> {value:g}"
        lines += [
            f"  {knob.criterion}:  # fitted on {rated.name}: {how}, allowed [{knob.low:g}, {knob.high:g}]",
            f"    check: {json.dumps(check, ensure_ascii=False)}",
        ]
    if not changed:
        lines[-1] = "criteria: {}  # the fit kept every value as written"
    folder = output / f"{base}-fitted"
    folder.mkdir()
    (folder / "standard.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
