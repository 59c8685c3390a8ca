"""multi_year — indicators reported for several consecutive years (comparability).

An indicator counts when it has values for ``min_years`` consecutive years ending in the reporting
year (``meta.year``), so a reader can see the trend.

- ``measure: count`` counts such report indicators — all of them, or only the ``negative`` ones
  (``scope``) — and grades the count by ``bands``.
- ``measure: catalog_share`` takes the industry catalog's core quantitative indicators as the
  denominator ("most key indicators", in the rubric's words) and grades the share (0–100, put on
  the rating's scale with the catalog's ``share_scale``) of them the report gives with enough years,
  linearly when no bands are given.

Both only grow when a report adds an indicator or a year: a fixed denominator keeps the score
monotone, where a share of the report's own indicators would punish adding one.

```yaml
check: {kind: multi_year, min_years: 3, measure: count,
        bands: [{min: 0, score: 0}, {min: 10, score: 0.4}, {min: 30, score: 0.8}, {min: 50, score: 1}]}
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text
from csr_rating.i18n import I18n
from csr_rating.report import Indicator


class MultiYearParams(Params):
    kind: Literal["multi_year"]
    min_years: int = Field(3, ge=1, le=20)
    measure: Literal["count", "catalog_share"] = "count"
    scope: Literal["all", "negative"] = "all"
    bands: BandList | None = None

    @model_validator(mode="after")
    def _valid(self) -> MultiYearParams:
        if not self.bands and self.measure == "count":
            raise ValueError("measure: count needs bands")
        if self.measure == "catalog_share" and self.scope != "all":
            raise ValueError("scope applies to measure: count only")
        return self


def run_length(indicator: Indicator, year: int) -> int:
    """Consecutive years with a value, counting back from ``year``."""
    length = 0
    years = indicator.years
    while (year - length) in years:
        length += 1
    return length


def _years(params: MultiYearParams, year: int) -> I18n:
    if params.min_years == 1:
        return text(f"a value for {year}", f"{year}年数据")
    return text(f"{params.min_years} consecutive years to {year}", f"截至{year}年连续{params.min_years}年数据")


def _count(params: MultiYearParams, ctx: Context) -> Outcome:
    year = ctx.report.meta.year
    catalogs = ctx.catalogs()
    scoped = [
        (i, ind, run_length(ind, year))
        for i, ind in enumerate(ctx.report.indicators)
        if ind.years and (params.scope == "all" or any(c.is_negative(ind) for c in catalogs))
    ]
    long = [(i, ind) for i, ind, run in scoped if run >= params.min_years]
    short = [ind for _, ind, run in scoped if run < params.min_years]
    years = _years(params, year)
    bands = params.bands
    assert bands is not None  # measure: count requires bands (checked when criteria load)
    missing: tuple[I18n, ...] = ()
    if bands.next_step(len(long)) is not None:
        missing = tuple(text(f"{ind.name} ({years.en})", f"{ind.name}（{years.zh}）") for ind in short)
        if not missing:
            noun = "negative indicators" if params.scope == "negative" else "indicators"
            missing = (text(f"more {noun} with {years.en}", f"更多有{years.zh}的指标"),)
    scope_en = "negative indicators" if params.scope == "negative" else "indicators"
    return Outcome(
        bands.score(len(long)),
        text(f"{len(long)} {scope_en} with {years.en}", f"{len(long)}个指标有{years.zh}"),
        tuple(
            Finding(
                f"{ind.name}: {min(ind.years)}–{max(ind.years)}",
                ("indicators", i, "values" if ind.values else "chart_years"),
            )
            for i, ind in long
        ),
        missing,
        section=("indicators",),
    )


def _catalog_share(params: MultiYearParams, ctx: Context) -> Outcome:
    year = ctx.report.meta.year
    core = ctx.core(ctx.industry, "quantitative")
    best: dict[str, tuple[int, int]] = {}  # catalog id -> (run length, report index)
    for index, indicator in enumerate(ctx.report.indicators):
        item = ctx.industry.match_indicator(indicator)
        if item is not None and item.kind == "quantitative":
            run = run_length(indicator, year)
            if run > best.get(item.id, (-1, 0))[0]:
                best[item.id] = (run, index)
    long = [item for item in core if best.get(item.id, (0, 0))[0] >= params.min_years]
    years = _years(params, year)
    if not core:
        return Outcome(
            1.0, text("catalog lists no quantitative indicators", "指标库无定量指标"), section=("indicators",)
        )
    share = ctx.industry.scaled(100 * len(long) / len(core))
    # disclosed but too short first: adding earlier years is the cheapest fix
    long_ids = {item.id for item in long}  # ids, not items: comparing models field by field is quadratic
    reported = [item for item in core if item.id in best and item.id not in long_ids]
    absent = [item for item in core if item.id not in best]
    missing = tuple(text(f"{i.name.en} ({years.en})", f"{i.name.zh}（{years.zh}）") for i in [*reported, *absent])
    fraction = params.bands.score(share) if params.bands else share / 100
    return Outcome(
        fraction,
        text(
            f"{len(long)} of {len(core)} key quantitative indicators of {ctx.industry.name.en} "
            f"have {years.en} ({share:.1f}% on the rating's scale)",
            f"{ctx.industry.name.zh}{len(core)}个关键定量指标中{len(long)}个有{years.zh}（折算{share:.1f}%）",
        ),
        tuple(
            Finding(
                f"{item.id}: {ctx.report.indicators[best[item.id][1]].name}", ("indicators", best[item.id][1], "values")
            )
            for item in long
        ),
        missing,
        None if params.bands or share >= 100 else ctx.industry.share_scale / len(core),
        section=("indicators",),
    )


def evaluate(params: MultiYearParams, ctx: Context) -> Outcome:
    return _count(params, ctx) if params.measure == "count" else _catalog_share(params, ctx)
