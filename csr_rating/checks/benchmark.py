"""benchmark — horizontal comparison with peers, the industry, rankings or targets (comparability).

Counts the report indicators that carry at least one ``benchmark`` of the listed kinds and grades
the count by ``bands``. Raters reward reports that set their figures beside others', not only
beside their own past.

```yaml
check: {kind: benchmark, kinds: [peer, industry, ranking],
        bands: [{min: 0, score: 0}, {min: 1, score: 0.6}, {min: 3, score: 1}]}
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from csr_rating.checks.base import BandList, Context, Finding, Outcome, Params, text
from csr_rating.i18n import I18n

BenchmarkKind = Literal["peer", "industry", "ranking", "target"]
KINDS_ZH = {"peer": "同行", "industry": "行业", "ranking": "排名", "target": "目标"}


class BenchmarkParams(Params):
    kind: Literal["benchmark"]
    kinds: list[BenchmarkKind] = Field(default=["peer", "industry", "ranking"], min_length=1)
    bands: BandList


def evaluate(params: BenchmarkParams, ctx: Context) -> Outcome:
    found = tuple(
        Finding(f"{ind.name}: {first.description}", ("indicators", i, "benchmark"))
        for i, ind in enumerate(ctx.report.indicators)
        for first in [next((b for b in ind.benchmark if b.kind in params.kinds), None)]
        if first is not None
    )
    bands = params.bands
    kinds = ", ".join(params.kinds)
    kinds_zh = "、".join(KINDS_ZH[k] for k in params.kinds)
    more = bands.more_needed(len(found))
    missing: tuple[I18n, ...] = ()
    step = None
    if more is not None:
        missing = (text(f"{more} more indicator{'s' if more != 1 else ''} compared with {kinds} data", f"再增加{more}个与{kinds_zh}比较的指标"),)
        step = bands.score(len(found) + more)
    return Outcome(
        bands.score(len(found)),
        text(f"{len(found)} indicators compared horizontally ({kinds})", f"横向比较指标{len(found)}个"),
        found,
        missing,
        section=("indicators",),
        step=step,
    )
