"""Criteria x report -> scorecard. Pure: no files, no clock, no randomness."""

from __future__ import annotations

from collections.abc import Iterable

from csr_rating import checks
from csr_rating.checks.base import Context
from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import I18n
from csr_rating.indexed import as_scored
from csr_rating.report import Report
from csr_rating.scorecard import (
    MISSED,
    CriterionResult,
    DimensionResult,
    Evidence,
    Overall,
    ReportInfo,
    Scorecard,
    StandardInfo,
    Waived,
)
from csr_rating.suggestions import plan_next_star, ranked, render
from csr_rating.yamlio import SourceMap


def dimension_score(earned: float, points: float) -> float:
    """A dimension's 0-100 score from the points its criteria earned, to one decimal (29.95 -> 30.0)."""
    return round(100 * earned / points + 1e-9, 1)


def weighted_score(scores: Iterable[tuple[float, float]]) -> float:
    """The overall score from (dimension score, weight) pairs, weights summing to 100, to one decimal."""
    return round(sum(value * weight for value, weight in scores) / 100 + 1e-9, 1)


def score(
    report: Report,
    criteria: CriteriaSet,
    source: SourceMap | None = None,
    notes: list[str] | None = None,
    questioned: frozenset[str] = frozenset(),
) -> Scorecard:
    """Score ``report``; ``source`` (from the loader) lets evidence point at report lines.
    Criteria in ``questioned`` depend on unknown facts: they get a question, not a suggestion."""
    source = source or SourceMap("<report>")
    standard = criteria.standard
    industry = criteria.catalog_for(report.meta.industry)
    waived_criteria = {w.criterion for w in report.waivers if w.criterion}
    context = _context(report, criteria)
    dimensions: list[DimensionResult] = []
    for dimension in criteria.dimensions:
        applicable = [c for c in dimension.criteria if c.id not in waived_criteria]
        total = sum(c.points for c in applicable)  # waived criteria leave the denominator
        weight = dimension.spec.weight
        rows = []
        for criterion in applicable:
            outcome = checks.evaluate(criterion.check, context)
            earned = criterion.points * outcome.fraction
            missed = criterion.points - earned
            result = CriterionResult(
                id=criterion.id,
                title=criterion.title,
                points=criterion.points,
                earned=earned,
                summary=outcome.summary,
                evidence=[Evidence(text=f.text, line=source.line(f.loc)) for f in outcome.found],
                missing=list(outcome.missing),
                suggestion=render(criterion, outcome) if missed > MISSED and criterion.id not in questioned else None,
                gain=missed / total * weight if missed > MISSED else 0.0,
                line=source.line(outcome.section),
                step_gain=_step_gain(outcome, criterion.points, total, weight),
            )
            rows.append((criterion, outcome, result))
        dim_score = dimension_score(sum(r.earned for _, _, r in rows), total)
        dimensions.append(
            DimensionResult(
                id=dimension.spec.id,
                name=dimension.spec.name,
                weight=weight,
                score=dim_score,
                stars=standard.stars_for(dim_score),
                criteria=[r for _, _, r in rows],
                next_star=plan_next_star(standard, dim_score, [r for r in rows if r[0].id not in questioned], total),
            )
        )
    overall_score = weighted_score((d.score, d.weight) for d in dimensions)
    overall_stars = standard.stars_for(overall_score)
    top = max(b.stars for b in standard.stars)
    exemplary = all(d.stars == top for d in dimensions) and overall_stars == top
    return Scorecard(
        standard=StandardInfo(id=standard.id, version=standard.version, title=standard.title),
        report=ReportInfo(
            organisation=report.meta.organisation,
            also_named=list(report.meta.also_named),
            title=report.meta.title,
            year=report.meta.year,
            industry=report.meta.industry,
            languages=list(report.meta.languages),
            catalog=industry.id,
            file=source.path,
            located_by=getattr(source, "unit", "line"),
        ),
        overall=Overall(
            score=overall_score,
            stars=overall_stars,
            grade=standard.exemplary if exemplary else standard.grade(overall_stars),
            exemplary=exemplary,
        ),
        dimensions=dimensions,
        suggestions=ranked(dimensions),
        notes=list(notes or []),
        waived=_waived(report, criteria, source),
    )


def _step_gain(outcome: checks.Outcome, points: float, total: float, weight: float) -> float | None:
    """Overall points the named step earns, where it is less than the whole criterion's."""
    if outcome.step is None or outcome.step >= 1.0 - 1e-9 or outcome.step <= outcome.fraction:
        return None
    return (outcome.step - outcome.fraction) * points / total * weight


def overall_with(report: Report, criteria: CriteriaSet, base: Scorecard, only: frozenset[str]) -> float:
    """The overall score of ``report`` where only the criteria in ``only`` can differ from ``base``
    (the scorecard of a report that differs from this one in facts only those criteria read): each
    of them is evaluated again, every other keeps its points from ``base``. Much cheaper than
    :func:`score` when a question moves a few criteria of a large report."""
    context = _context(report, criteria)
    specs = {c.id: c for d in criteria.dimensions for c in d.criteria}
    pairs = []
    for dimension in base.dimensions:
        earned = total = 0.0
        for result in dimension.criteria:
            total += result.points
            if result.id in only:
                earned += result.points * checks.evaluate(specs[result.id].check, context).fraction
            else:
                earned += result.earned
        pairs.append((dimension_score(earned, total), dimension.weight))
    return weighted_score(pairs)


def _context(report: Report, criteria: CriteriaSet) -> Context:
    """What the checks read: the report with its settled index entries among its indicators."""
    return Context(
        report=as_scored(report),
        industry=criteria.catalog_for(report.meta.industry),
        general=criteria.catalogs["general"],
        waived=frozenset(w.indicator for w in report.waivers if w.indicator),
    )


def _waived(report: Report, criteria: CriteriaSet, source: SourceMap) -> list[Waived]:
    if not report.waivers:
        return []
    titles = {c.id: c.title for d in criteria.dimensions for c in d.criteria}
    catalog = criteria.catalog_for(report.meta.industry)
    names = {i.id: i.name for c in (catalog, criteria.catalogs["general"]) for i in c.indicators}
    return [
        Waived(
            kind="criterion" if w.criterion else "indicator",
            id=w.target,
            title=titles.get(w.target) or names.get(w.target) or I18n(en=w.target, zh=w.target),
            reason=w.reason,
            line=source.line(("waivers", index)),
        )
        for index, w in enumerate(report.waivers)
    ]
