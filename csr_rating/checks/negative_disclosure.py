"""negative_disclosure — unfavourable information is disclosed, not hidden (balance).

``measure: indicators`` counts reported indicators that are negative (flagged ``negative: true``
in the report, or negative in the catalog) and have values; the suggestion names negative catalog
indicators the report leaves out. ``measure: events`` counts ``negative_disclosures``;
``measure: explained`` counts those that come with an explanation or corrective measures. The
count is graded by ``bands``.

```yaml
check: {kind: negative_disclosure, measure: indicators,
        bands: [{min: 0, score: 0}, {min: 2, score: 0.4}, {min: 4, score: 0.7}, {min: 6, score: 0.9}, {min: 8, score: 1}]}
```
"""

from __future__ import annotations

from typing import Literal

from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text
from csr_rating.i18n import I18n


class NegativeDisclosureParams(Params):
    kind: Literal["negative_disclosure"]
    measure: Literal["indicators", "events", "explained"]
    bands: BandList


def _indicators(ctx: Context) -> tuple[list[Finding], list[I18n]]:
    found: list[Finding] = []
    matched: set[str] = set()
    for index, indicator in enumerate(ctx.report.indicators):
        if indicator.years and any(c.is_negative(indicator) for c in ctx.catalogs()):
            found.append(Finding(indicator.name, ("indicators", index)))
            for catalog in ctx.catalogs():
                item = catalog.match_indicator(indicator)
                if item is not None:
                    matched.add(item.id)
    suggestions: dict[tuple[str, str], I18n] = {}  # by their text: comparing models one by one is quadratic
    for catalog in ctx.catalogs():
        for item in catalog.indicators:
            if item.negative and item.id not in matched and item.id not in ctx.waived:
                suggestions.setdefault((item.name.en, item.name.zh), item.name)
    return found, list(suggestions.values())


def _events(ctx: Context, explained_only: bool) -> tuple[list[Finding], list[I18n]]:
    found: list[Finding] = []
    unexplained: list[I18n] = []
    for index, item in enumerate(ctx.report.negative_disclosures):
        explained = bool(item.explanation or item.measures)
        if explained or not explained_only:
            found.append(Finding(item.title, ("negative_disclosures", index)))
        if not explained:
            unexplained.append(text(f"explain or give measures for: {item.title}", f"说明原因或改进措施：{item.title}"))
    if explained_only:
        return found, unexplained
    return found, [
        text(
            "unfavourable events or figures, each with explanation and measures", "负面事件或数据，并说明原因与改进措施"
        )
    ]


def evaluate(params: NegativeDisclosureParams, ctx: Context) -> Outcome:
    if params.measure == "indicators":
        found, leads = _indicators(ctx)
        noun = text("negative indicators with data", "负面指标（有数据）")
    else:
        found, leads = _events(ctx, params.measure == "explained")
        noun = (
            text("unfavourable events or figures disclosed", "负面信息")
            if params.measure == "events"
            else text("unfavourable items explained", "负面信息有原因说明或改进措施")
        )
    bands = params.bands
    count = len(found)
    more = bands.more_needed(count)
    missing: tuple[I18n, ...] = ()
    step = None
    if more is not None:
        if params.measure == "indicators":  # name the catalog's negative indicators the report lacks
            missing = tuple(leads) or (text(f"{more} more {noun.en}", f"再增加{more}项{noun.zh}"),)
        else:
            missing = (*leads, text(f"{more} more {noun.en}", f"再增加{more}项{noun.zh}"))[: max(len(leads), 1)]
        if not leads:  # "N more": the next band's step
            step = bands.score(count + more)
    return Outcome(
        bands.score(count),
        text(f"{count} {noun.en}", f"{noun.zh}：{count}"),
        tuple(found),
        missing,
        section=("indicators",) if params.measure == "indicators" else ("negative_disclosures",),
        step=step,
    )
