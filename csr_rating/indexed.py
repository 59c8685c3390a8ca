"""Indicators a report's content index lists whose figures the YAML does not give, as the checks see them.

A draft's text can lose a page of figures (a KPI table drawn as an image) while its content index
still points to it: the report has the indicator, the draft cannot show it. ``ingest`` lists such
items in ``indexed_indicators`` and marks that section unknown; the checks read indicators only, so
this module turns the entries into indicators for scoring:

- settled (not in ``unknown``): each as disclosed for the reporting year and the year before
  (``chart_years``: years shown, figures not written out) — the least an answer "it gives figures" means;
- unknown, at the low end: absent;
- unknown, at the high end (``best_case``): disclosed for ``BEST_YEARS`` years, the most any band asks.
"""

from __future__ import annotations

from csr_rating.report import Indicator, Report

PATH = "indexed_indicators"
SETTLED_YEARS = 2
BEST_YEARS = 10


def as_scored(report: Report) -> Report:
    """The report the checks read: settled index entries added to its indicators."""
    if not report.indexed_indicators or PATH in report.unknown:
        return report
    return with_entries(report, SETTLED_YEARS)


def with_entries(report: Report, years: int) -> Report:
    """``report`` with its index entries as indicators shown for ``years`` years up to the reporting
    year, and none left: an entry the report already gives (by id) adds those years to it; any other
    is appended, so every given indicator keeps its place and its source line."""
    shown = list(range(report.meta.year - years + 1, report.meta.year + 1))
    indicators = list(report.indicators)
    at = {item.id: n for n, item in enumerate(indicators) if item.id}
    for entry in report.indexed_indicators:
        if entry.id in at:  # shown for a year in the draft: the index's page adds the years
            given = indicators[at[entry.id]].model_dump()
            indicators[at[entry.id]] = Indicator.model_validate({**given, "chart_years": [*given["chart_years"], *shown]})
        else:
            indicators.append(Indicator.model_validate({"id": entry.id, "name": entry.name, "chart_years": shown}))
            if entry.id:
                at[entry.id] = len(indicators) - 1
    return report.model_copy(update={"indicators": indicators, "indexed_indicators": []})
