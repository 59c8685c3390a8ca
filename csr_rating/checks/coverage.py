"""coverage — which of a list of expected options the report covers.

Looks at one or more list fields (their values pooled) and checks each ``expected`` option. Earns
the share of options present, or, with ``bands``, a share graded on how many are present. The
missing options are named, so a suggestion can say exactly which steps or channels to add.

```yaml
check:
  kind: coverage
  fields: [process.materiality.methods]
  expected:
    - {value: stakeholder_survey, label: {en: stakeholder survey, zh: 利益相关方调查}}
    - {value: standards, label: {en: domestic and international standards, zh: 国内外标准}}
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from csr_rating import fields
from csr_rating.checks.base import BandList, Context, FieldPath, Finding, Outcome, Params, text
from csr_rating.i18n import I18n


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    value: str
    label: I18n


class CoverageParams(Params):
    kind: Literal["coverage"]
    fields: list[FieldPath] = Field(min_length=1)
    expected: list[Option] = Field(min_length=1)
    bands: BandList | None = None

    @model_validator(mode="after")
    def _valid(self) -> CoverageParams:
        for path in self.fields:
            if not fields.is_list(path):
                raise ValueError(f"{path!r} is not a list field")
        values = [o.value for o in self.expected]
        if len(set(values)) != len(values):
            raise ValueError("expected options repeat")
        allowed: set[str] = set()
        for path in self.fields:
            literals = fields.item_literals(path)
            if literals is None:  # an open field (e.g. language codes): any value may appear
                return self
            allowed |= literals
        impossible = sorted(set(values) - allowed)
        if impossible:
            raise ValueError(f"expected value(s) {impossible} can never appear in {self.fields}")
        return self


def evaluate(params: CoverageParams, ctx: Context) -> Outcome:
    present: dict[str, tuple[str | int, ...]] = {}
    for path in params.fields:
        for index, value in enumerate(fields.get(ctx.report, path) or []):
            present.setdefault(str(value), (*fields.loc_of(path), index))
    found = [Finding(o.label.en, present[o.value]) for o in params.expected if o.value in present]
    missing = tuple(o.label for o in params.expected if o.value not in present)
    total = len(params.expected)
    if params.bands:
        fraction, per_item = params.bands.score(len(found)), None
    else:
        fraction, per_item = len(found) / total, 1 / total
    return Outcome(
        fraction,
        text(f"{len(found)} of {total} expected", f"应有{total}项，具备{len(found)}项"),
        tuple(found),
        missing,
        per_item,
        section=fields.loc_of(params.fields[0]),
    )
