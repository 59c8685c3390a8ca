"""Checks that need more than one field or the catalogs: run after the schema, before scoring.

A report can be valid YAML and valid against the schema and still be wrong in ways that would give
a silently wrong score: an id that matches no catalog entry earns nothing, a value for a year after
the reporting year inflates comparability. Those are input errors here.
"""

from __future__ import annotations

import difflib

from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.report import Report
from csr_rating.yamlio import SourceMap, dotted


def check_report(report: Report, source: SourceMap, criteria: CriteriaSet) -> list[str]:
    """Raise InputError on the first inconsistency; return warnings worth printing."""
    warnings: list[str] = []
    industry = criteria.catalog_for(report.meta.industry)
    if industry.id != report.meta.industry:
        known = ", ".join(sorted(criteria.catalogs))
        warnings.append(
            f"{source.path}: no catalog for industry {report.meta.industry!r} "
            f"(known: {known}); scoring against the general catalog"
        )
    catalogs = [industry, criteria.catalogs["general"]]
    indicator_ids = {item.id for c in catalogs for item in c.indicators}
    topic_ids = {item.id for item in industry.topics}
    seen: dict[str, int] = {}
    for index, indicator in enumerate(report.indicators):
        if indicator.id is not None:
            if indicator.id in seen:
                _fail(
                    source,
                    ("indicators", index, "id"),
                    f"indicator id {indicator.id!r} already used by indicators[{seen[indicator.id]}]",
                )
            seen[indicator.id] = index
            if indicator.id not in indicator_ids:
                _fail(
                    source,
                    ("indicators", index, "id"),
                    f"indicator id {indicator.id!r} is not in the {industry.id} or general catalog"
                    + _close(indicator.id, indicator_ids),
                )
        for year in indicator.values:
            if year > report.meta.year:
                _fail(
                    source,
                    ("indicators", index, "values", year),
                    f"value for {year} is after the reporting year {report.meta.year} (meta.year)",
                )
    for index, topic in enumerate(report.topics):
        if topic.id is not None and topic.id not in topic_ids:
            _fail(
                source,
                ("topics", index, "id"),
                f"topic id {topic.id!r} is not a key topic of {industry.id}" + _close(topic.id, topic_ids),
            )
    return warnings


def _close(value: str, options: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _fail(source: SourceMap, loc: tuple[str | int, ...], message: str) -> None:
    mark = source.find(loc)
    raise InputError(source.path, message, mark.line if mark else None, mark.column if mark else None, dotted(loc))
