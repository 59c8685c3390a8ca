"""catalog_share — the share of an industry's core indicators the report discloses (completeness).

Each core indicator of the catalog (``industry``: the report's own industry, or ``general``) counts
as disclosed when a report indicator matches it by id, name or alias: a quantitative one needs at
least one value, a qualitative one a narrative or a value. The disclosed share is put on the
rating's scale with the catalog's ``share_scale`` (see the catalog file) and earns that share
(linear), or a share graded by ``bands``. The missing indicators are named in catalog order.

``measure: categories`` instead asks for breadth: the share of the catalog's categories (network,
customers, employees, environment, …) in which the report discloses at least one core indicator.

``declared`` lets the report's own content index count (``meta.content_index``): where it prints
an index of a guide whose name starts with ``guide`` and marks the guide's core items, the share of
them it points to a page for — ``core_disclosed`` over ``core_items`` (items declared not applicable
stay in the denominator: the Committee's published shares sit below the indexes' own), and over at
least ``min_core_items`` so a partial index cannot claim a full share — is the Committee's own
measure of completeness, read off the index as raters do. The larger of that share and the
catalog's counts, and the summary says which.

```yaml
check: {kind: catalog_share, catalog: industry, indicator_kind: any}
check: {kind: catalog_share, declared: {guide: CASS-CSR, min_core_items: 80}}
```
"""

from __future__ import annotations

from typing import Annotated, Literal, NamedTuple

from pydantic import Field, model_validator

from csr_rating.catalog import Catalog, CatalogIndicator
from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text
from csr_rating.i18n import I18n
from csr_rating.report import ContentIndex


class Declared(Params):
    """Which content index may count, and the fewest core items it must be measured over."""

    guide: Annotated[str, Field(min_length=1)] = "CASS-CSR"
    min_core_items: Annotated[int, Field(ge=1, le=10_000)]


class CatalogShareParams(Params):
    kind: Literal["catalog_share"]
    catalog: Literal["industry", "general"] = "industry"
    indicator_kind: Literal["any", "quantitative", "qualitative"] = "any"
    measure: Literal["indicators", "categories"] = "indicators"
    bands: BandList | None = None
    declared: Declared | None = None

    @model_validator(mode="after")
    def _declared_counts_indicators(self) -> CatalogShareParams:
        if self.declared is not None and self.measure != "indicators":
            raise ValueError("declared counts an index's core items: it goes with measure: indicators")
        return self


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
        if item.kind == "quantitative" and not indicator.years:
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
    summary = text(
        f"{len(disclosed)} of {len(core)} core indicators of {catalog.name.en} ({share:.2f}%{on_scale})",
        f"披露{catalog.name.zh}核心指标{len(disclosed)}/{len(core)}（{share:.2f}%{on_scale_zh}）",
    )
    per_item = None if params.bands or scaled >= 100 else catalog.share_scale / len(core)
    claim = _declared(params.declared, ctx) if params.declared else None
    if claim is not None and claim.share > scaled:
        entry, over = claim.entry, claim.over
        fraction = params.bands.score(claim.share) if params.bands else claim.share / 100
        summary = text(
            f"{summary.en}; the report's {entry.guide} index marks {entry.core_disclosed} of {over} core items "
            f"disclosed ({claim.share:.1f}%), which counts",
            f"{summary.zh}；报告{entry.guide}指标索引标明披露核心指标{entry.core_disclosed}/{over}"
            f"（{claim.share:.1f}%），以此计",
        )
        where = ("meta", "content_index", claim.position)
        found.insert(0, Finding(f"{entry.guide} index: {entry.core_disclosed} of {over} core items", where))
        missing = tuple(text(name, name) for name in entry.core_missing)
        if not missing:  # the index counts what it lacks without naming it: say how many
            items, disclosed_items = entry.core_items or 0, entry.core_disclosed or 0  # set: the claim counts them
            missing = _unnamed(entry.guide, items - disclosed_items, over - items)
        per_item = None if params.bands or claim.share >= 100 else 1 / over
    return Outcome(fraction, summary, tuple(found), missing, per_item, section=("indicators",))


def _unnamed(guide: str, unmarked: int, unlisted: int) -> tuple[I18n, ...]:
    """What an index leaves to disclose when it gives counts, not names: the core items it marks as
    not disclosed, and those it does not list at all (a partial index, measured over more)."""
    out: list[I18n] = []
    if unmarked > 0:
        plural = "s" if unmarked != 1 else ""
        out.append(text(f"the {unmarked} core item{plural} its {guide} index marks as not disclosed",
                        f"{guide}指标索引中标为未披露的{unmarked}项核心指标"))  # fmt: skip
    if unlisted > 0:
        plural = "s" if unlisted != 1 else ""
        out.append(text(f"{unlisted} more core item{plural} its {guide} index does not list",
                        f"{guide}指标索引未列出的{unlisted}项核心指标"))  # fmt: skip
    return tuple(out)


class _Claim(NamedTuple):
    position: int  # in meta.content_index
    share: float  # percent of the denominator
    entry: ContentIndex
    over: int  # the denominator: core items listed, at least min_core_items


def _declared(params: Declared, ctx: Context) -> _Claim | None:
    """The largest share a core-marked index of the guide declares."""
    claims = [
        _Claim(number, 100 * entry.core_disclosed / over, entry, over)
        for number, entry in enumerate(ctx.report.meta.content_index)
        if entry.guide.lower().startswith(params.guide.lower())
        and entry.core_items
        and entry.core_disclosed is not None
        for over in [max(entry.core_items, params.min_core_items)]
    ]
    return max(claims, key=lambda claim: (claim.share, -claim.position), default=None)


def _categories(
    params: CatalogShareParams,
    catalog: Catalog,
    core: list[CatalogIndicator],
    disclosed: set[str],
    found: list[Finding],
) -> Outcome:
    in_core = {i.category for i in core}
    used = [c for c in catalog.categories if c.id in in_core]
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
