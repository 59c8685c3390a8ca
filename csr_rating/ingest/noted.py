"""Values with their provenance: what the writer turns into YAML comments.

Extractors build plain report data (dicts, lists, scalars) and wrap an item in ``Noted`` to say
where it came from (``source``: "line 4740", "p. 12") and, when unsure, why a person should look
(``review``) and how sure the extraction is (``confidence``, 0-1). ``plain`` strips the wrappers to
get the data the report model validates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Noted:
    value: Any
    source: str | None = None
    review: str | None = None
    confidence: float | None = None


def plain(data: Any) -> Any:
    """The data without any ``Noted`` wrappers (recursively)."""
    if isinstance(data, Noted):
        return plain(data.value)
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [plain(item) for item in data]
    return data
