"""csr-rating: rate a CSR report the way the CASS-CSR 4.0 rating does, from YAML criteria.

An independent, open encoding of the method — not the Chinese Expert Committee's official tool.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csr_rating.api import json_schema, rate
    from csr_rating.engine import score
    from csr_rating.errors import InputError
    from csr_rating.loading import load_criteria, load_report

__version__ = "0.1.0"
__all__ = ["InputError", "json_schema", "load_criteria", "load_report", "rate", "score"]

# Imported when first used, not with the package: every command (and `--version`) imports the package,
# and only some need the rating machinery.
_HOMES = {
    "InputError": "csr_rating.errors",
    "json_schema": "csr_rating.api",
    "load_criteria": "csr_rating.loading",
    "load_report": "csr_rating.loading",
    "rate": "csr_rating.api",
    "score": "csr_rating.engine",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'csr_rating' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
