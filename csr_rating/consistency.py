"""Checks that need more than one field or the catalogs: run after the schema, before scoring.

A report can be valid YAML and valid against the schema and still be wrong in ways that would give
a silently wrong score: an id that matches no catalog entry earns nothing, a value for a year after
the reporting year inflates comparability. Those are input errors here.
"""

from __future__ import annotations

import datetime
import difflib
import unicodedata

from csr_rating.criteria import CriteriaSet
from csr_rating.report import Report
from csr_rating.yamlio import SourceMap


def check_report(report: Report, source: SourceMap, criteria: CriteriaSet) -> list[str]:
    """Raise InputError on the first inconsistency; return warnings worth printing."""
    warnings: list[str] = []
    industry = criteria.catalog_for(report.meta.industry)
    if industry.id != report.meta.industry:
        known = ", ".join(sorted(criteria.catalogs))
        line = source.line(("meta", "industry"))
        warnings.append(
            f"{source.path}:{line or 1}: no catalog for industry {report.meta.industry!r} (known: {known})"
            f"{_close(report.meta.industry, set(criteria.catalogs))}; scoring against the general catalog"
        )
    known_segments = {segment.id for segment in industry.segments}
    for index, segment in enumerate(report.meta.segments):
        if segment not in known_segments:
            listed = ", ".join(sorted(known_segments)) or "none"
            _fail(
                source,
                ("meta", "segments", index),
                f"segment {segment!r} is not a segment of the {industry.id} catalog (its segments: {listed})",
            )
    if report.meta.year > datetime.date.today().year:  # a warning only: the score itself never reads the clock
        warnings.append(
            f"{source.path}:{source.line(('meta', 'year')) or 1}: meta.year {report.meta.year} is in the future"
        )
    catalogs = list({c.id: c for c in (industry, criteria.catalogs["general"])}.values())
    names = " or ".join(c.id for c in catalogs)
    indicator_ids = {item.id for c in catalogs for item in c.indicators}
    topic_ids = {item.id for c in catalogs for item in c.topics}
    seen: dict[str, int] = {}
    same: dict[tuple[str, str], int] = {}
    for index, indicator in enumerate(report.indicators):
        twin = (same_name_key(indicator.name), same_name_key(indicator.unit or ""))
        if twin in same:
            _fail(
                source,
                ("indicators", index, "name"),
                f"indicator {indicator.name!r} ({indicator.unit or 'no unit'}) repeats indicators[{same[twin]}]; "
                "merge their values, or name the breakdown",
            )
        same[twin] = index
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
                    f"indicator id {indicator.id!r} is not in the {names} catalog"
                    + _close(indicator.id, indicator_ids),
                )
        share = any((item := c.match_indicator(indicator)) is not None and item.unit == "%" for c in catalogs)
        warnings.extend(_doubtful_values(report, source, index, share))
        for year in indicator.values:
            if year > report.meta.year:
                _fail(
                    source,
                    ("indicators", index, "values", str(year)),
                    f"value for {year} is after the reporting year {report.meta.year} (meta.year)",
                )
        for position, year in enumerate(indicator.chart_years):
            if year > report.meta.year:
                _fail(
                    source,
                    ("indicators", index, "chart_years", position),
                    f"chart year {year} is after the reporting year {report.meta.year} (meta.year)",
                )
    _check_waivers(report, source, criteria, indicator_ids)
    for index, topic in enumerate(report.topics):
        if topic.id is not None and topic.id not in topic_ids:
            _fail(
                source,
                ("topics", index, "id"),
                f"topic id {topic.id!r} is not a key topic of {names}" + _close(topic.id, topic_ids),
            )
    return warnings


OLDEST = 30  # years before the reporting year; older values are kept, with a warning


def _doubtful_values(report: Report, source: SourceMap, index: int, share: bool) -> list[str]:
    """Values a person would accept after a second look: say so on stderr, do not refuse them.

    Only a catalog share (unit %) must lie in 0-100: rates such as asset value maintained (107%) or
    growth (-5%) legitimately fall outside it."""
    indicator = report.indicators[index]
    found = []
    for year, value in indicator.values.items():
        outside = share and isinstance(value, (int, float)) and not 0 <= value <= 100
        old = year < report.meta.year - OLDEST
        if not (outside or old):
            continue  # the line is looked up only for a warning
        line = source.line(("indicators", index, "values", str(year))) or 1
        where = f"{source.path}:{line}: indicators[{index}] {indicator.name!r}"
        if outside:
            found.append(f"{where}: {value:g}% for {year} is outside 0-100; check the value and the unit")
        if old:
            found.append(f"{where}: a value for {year} is more than {OLDEST} years before the reporting year")
    return found


def _check_waivers(report: Report, source: SourceMap, criteria: CriteriaSet, indicator_ids: set[str]) -> None:
    criterion_ids = {c.id for d in criteria.dimensions for c in d.criteria}
    seen: dict[str, int] = {}
    for index, waiver in enumerate(report.waivers):
        field = "criterion" if waiver.criterion else "indicator"
        known = criterion_ids if waiver.criterion else indicator_ids
        if waiver.target not in known:
            _fail(
                source,
                ("waivers", index, field),
                f"waived {field} {waiver.target!r} does not exist" + _close(waiver.target, known),
            )
        if waiver.target in seen:
            _fail(
                source,
                ("waivers", index, field),
                f"{waiver.target!r} is already waived by waivers[{seen[waiver.target]}]",
            )
        seen[waiver.target] = index
    for dimension in criteria.dimensions:
        if all(c.id in seen for c in dimension.criteria):
            _fail(
                source,
                ("waivers",),
                f"every criterion of {dimension.spec.id} is waived; a dimension needs one to score",
            )


def same_name_key(text: str) -> str:
    """Case and spacing ignored, but not a parenthesised breakdown ("satisfaction (fixed)")."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _close(value: str, options: set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _fail(source: SourceMap, loc: tuple[str | int, ...], message: str) -> None:
    raise source.error(loc, message)
