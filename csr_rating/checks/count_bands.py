"""count_bands — how much of something the report has, graded by bands.

Counts the entries of a list field (optionally only those whose attributes equal ``where``), or
adds up one numeric attribute of them (``sum``), or reads a count field directly, and maps the
number to a share of the points with monotone ``bands``. Used where more is better up to a point: cases, charts, testimonials, detailed topics.

```yaml
check:
  kind: count_bands
  field: originality.testimonials
  noun: {en: stakeholder testimonials, zh: 利益相关方评价}
  bands: [{min: 0, score: 0}, {min: 1, score: 0.4}, {min: 3, score: 0.7}, {min: 6, score: 1}]
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from csr_rating import fields
from csr_rating.checks.base import BandList, Context, FieldPath, Finding, Outcome, Params, text
from csr_rating.i18n import I18n


class CountBandsParams(Params):
    kind: Literal["count_bands"]
    field: FieldPath
    noun: I18n
    bands: BandList
    where: dict[str, str | bool] | None = None
    sum: str | None = None

    @model_validator(mode="after")
    def _valid(self) -> CountBandsParams:
        if (self.where is not None or self.sum is not None) and not fields.is_list(self.field):
            raise ValueError("`where` and `sum` work on list entries; the field is not a list")
        for name in [*(self.where or {}), *([self.sum] if self.sum else [])]:
            fields.field_annotation(f"{self.field}.{name}", through_lists=True)
        if not fields.base_types(self.field) & {list, int, bool}:
            raise ValueError(f"{self.field!r} is neither a list nor a count")
        if self.sum is not None and fields.base_types(f"{self.field}.{self.sum}", through_lists=True) != {int}:
            raise ValueError(f"`sum` needs a whole-number field; {self.field}.{self.sum} is not one")
        return self


def evaluate(params: CountBandsParams, ctx: Context) -> Outcome:
    value = fields.get(ctx.report, params.field)
    found: list[Finding] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            if all(getattr(item, k, None) == v for k, v in (params.where or {}).items()):
                label = getattr(item, "name", None) or getattr(item, "title", None) or getattr(item, "who", None)
                found.append(Finding(str(label if label is not None else item), (*fields.loc_of(params.field), index)))
        count = len(found)
        if params.sum is not None:
            attribute = params.sum
            count = 0
            for finding in found:
                count += int(getattr(value[int(finding.loc[-1])], attribute, 0) or 0)
    else:
        count = int(value or 0)
        if count:
            found.append(Finding(str(count), fields.loc_of(params.field)))
    bands = params.bands
    missing: tuple[I18n, ...] = ()
    more = bands.more_needed(count)
    step = None
    if more is not None:
        missing = (text(f"{more} more {params.noun.en}", f"再增加{more}个{params.noun.zh}"),)
        step = bands.score(count + more)  # what the named step earns, not the whole criterion
    return Outcome(
        bands.score(count),
        text(f"{count} {params.noun.en}", f"{params.noun.zh}：{count}"),
        tuple(found[:50]),
        missing,
        section=fields.loc_of(params.field),
        step=step,
    )
