"""catalog_share — the share of an industry's core indicators the report discloses (completeness).

Each core indicator of the catalog (``industry``: the report's own industry, or ``general``) counts
as disclosed when a report indicator matches it by id, name or alias: a quantitative one needs at
least one value, a qualitative one a narrative or a value. Earns the disclosed share (linear), or a
share graded by ``bands``. The missing indicators are named in catalog order.

```yaml
check: {kind: catalog_share, catalog: industry, indicator_kind: any}
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from csr_rating.checks.base import Band, Bands, Context, Finding, Outcome, Params, text


class CatalogShareParams(Params):
    kind: Literal["catalog_share"]
    catalog: Literal["industry", "general"] = "industry"
    indicator_kind: Literal["any", "quantitative", "qualitative"] = "any"
    bands: list[Band] | None = None

    @model_validator(mode="after")
    def _valid(self) -> CatalogShareParams:
        if self.bands:
            Bands(steps=self.bands)
        return self


def evaluate(params: CatalogShareParams, ctx: Context) -> Outcome:
    catalog = ctx.catalog(params.catalog)
    core = catalog.core(params.indicator_kind)
    if not core:
        return Outcome(
            1.0,
            text(f"catalog {catalog.id} lists no such indicators", f"指标库{catalog.id}无此类指标"),
            section=("indicators",),
        )
    found: list[Finding] = []
    disclosed: set[str] = set()
    for index, indicator in enumerate(ctx.report.indicators):
        item = catalog.match_indicator(indicator)
        if item is None or item.tier != "core" or item.id in disclosed:
            continue
        if params.indicator_kind not in ("any", item.kind):
            continue
        if item.kind == "quantitative" and not indicator.values:
            continue
        disclosed.add(item.id)
        found.append(Finding(f"{item.id}: {indicator.name}", ("indicators", index)))
    share = len(disclosed) / len(core)
    fraction = Bands(steps=params.bands).score(share * 100) if params.bands else share
    missing = tuple(item.name for item in core if item.id not in disclosed)
    return Outcome(
        fraction,
        text(
            f"{len(disclosed)} of {len(core)} core indicators of {catalog.name.en} ({share:.2%})",
            f"披露{catalog.name.zh}核心指标{len(disclosed)}/{len(core)}（{share:.2%}）",
        ),
        tuple(found),
        missing,
        None if params.bands else 1 / len(core),
        section=("indicators",),
    )
