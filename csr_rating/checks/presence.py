"""presence — the report states a fact or has a feature.

Earns all points when the field at ``field`` holds something: a non-empty text or list, a true
flag, a positive number, a filled sub-section. With ``min_items`` a list must hold at least that
many entries. Used for yes/no elements such as "a preparation team was set up" or "a reader
feedback form is included".

```yaml
check: {kind: presence, field: process.preparation_team,
        label: {en: a report preparation team, zh: 报告编写组}}
```
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from csr_rating import fields
from csr_rating.checks.base import Context, FieldPath, Finding, Outcome, Params, text
from csr_rating.i18n import I18n


class PresenceParams(Params):
    kind: Literal["presence"]
    field: FieldPath
    label: I18n
    min_items: int = Field(1, ge=1, le=1000)

    @model_validator(mode="after")
    def _valid(self) -> PresenceParams:
        if self.min_items > 1 and not fields.is_list(self.field):
            raise ValueError("`min_items` applies to list fields only")
        return self


def _size(value: Any) -> int:
    if value is None or value is False:
        return 0
    if isinstance(value, (list, tuple, dict, str)):
        return len(value)
    if isinstance(value, bool):
        return 1
    if isinstance(value, (int, float)):
        return 1 if value > 0 else 0
    if isinstance(value, BaseModel):
        return 1 if any(_size(v) for v in value.__dict__.values()) else 0
    return 1


def _describe(value: Any) -> str:
    if isinstance(value, BaseModel):
        parts = [f"{k}: {_describe(v)}" for k, v in value.__dict__.items() if _size(v)]
        return "; ".join(parts)
    if isinstance(value, list):
        return ", ".join(_describe(v) for v in value[:8]) + (" …" if len(value) > 8 else "")
    return str(value)


def evaluate(params: PresenceParams, ctx: Context) -> Outcome:
    value = fields.get(ctx.report, params.field)
    size = _size(value)
    needed = params.min_items if isinstance(value, list) else 1
    if size >= needed:
        return Outcome(
            1.0,
            text(f"{params.label.en}: present", f"{params.label.zh}：已具备"),
            (Finding(_describe(value), fields.loc_of(params.field)),),
            section=fields.loc_of(params.field),
        )
    have = f" ({size} of {needed})" if size else ""
    return Outcome(
        0.0,
        text(f"{params.label.en}: not found{have}", f"{params.label.zh}：未发现{have}"),
        missing=(params.label,),
        section=fields.loc_of(params.field),
    )
