"""catalog_share — the share of an industry's core indicators the report discloses (completeness).

Each core indicator of the catalog (``industry``: the report's own industry, or ``general``) counts
as disclosed when a report indicator matches it by id, name or alias: a quantitative one needs at
least one value, a qualitative one a narrative or a value. The disclosed share is put on the
rating's scale with the catalog's ``share_scale`` (see the catalog file) and earns that share
(linear), or a share graded by ``bands``. The missing indicators are named in catalog order.

``measure: categories`` instead asks for breadth: the share of the catalog's categories (network,
customers, employees, environment, …) in which the report discloses at least one core indicator.

```yaml
check: {kind: catalog_share, catalog: industry, indicator_kind: any}
```
"""

from __future__ import annotations

from typing import Literal

from csr_rating.catalog import Catalog, CatalogIndicator
from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text


class CatalogShareParams(Params):
    kind: Literal["catalog_share"]
    catalog: Literal["industry", "general"] = "industry"
    indicator_kind: Literal["any", "quantitative", "qualitative"] = "any"
    measure: Literal["indicators", "categories"] = "indicators"
    bands: BandList | None = None


def evaluate(params: CatalogShareParams, ctx: Context) -> Outcome:
    catalog = ctx.catalog(params.catalog)
    core = ctx.core(catalog, params.indicator_kind)
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
    if params.measure == "categories":
        return _categories(params, catalog, core, disclosed, found)
    share = 100 * len(disclosed) / len(core)
    scaled = catalog.scaled(share)
    fraction = params.bands.score(scaled) if params.bands else scaled / 100
    missing = tuple(item.name for item in core if item.id not in disclosed)
    on_scale = f"; {scaled:.1f}% on the rating's scale" if catalog.share_scale != 1 else ""
    on_scale_zh = f"；折算评级口径{scaled:.1f}%" if catalog.share_scale != 1 else ""
    return Outcome(
        fraction,
        text(
            f"{len(disclosed)} of {len(core)} core indicators of {catalog.name.en} ({share:.2f}%{on_scale})",
            f"披露{catalog.name.zh}核心指标{len(disclosed)}/{len(core)}（{share:.2f}%{on_scale_zh}）",
        ),
        tuple(found),
        missing,
        None if params.bands or scaled >= 100 else catalog.share_scale / len(core),
        section=("indicators",),
    )


def _categories(
    params: CatalogShareParams,
    catalog: Catalog,
    core: list[CatalogIndicator],
    disclosed: set[str],
    found: list[Finding],
) -> Outcome:
    used = [c for c in catalog.categories if any(i.category == c.id for i in core)]
    covered = {i.category for i in core if i.id in disclosed}
    share = 100 * len(covered) / len(used) if used else 100.0
    fraction = params.bands.score(share) if params.bands else share / 100
    missing = tuple(
        text(f"{c.name.en} (e.g. {first.name.en})", f"{c.name.zh}（如{first.name.zh}）")
        for c in used
        if c.id not in covered
        for first in [next(i for i in core if i.category == c.id)]
    )
    return Outcome(
        fraction,
        text(
            f"{len(covered)} of {len(used)} areas of {catalog.name.en} with a disclosed core indicator",
            f"{catalog.name.zh}{len(used)}个领域中{len(covered)}个有核心指标披露",
        ),
        tuple(found[:50]),
        missing,
        None if params.bands or not used else 1 / len(used),
        section=("indicators",),
    )
