"""The cyclic garbage collector paused while a report is loaded and scored, or a draft ingested.

That work makes no reference cycles (nothing for the collector to find: checked over the bundled
reports and the reference text), yet each collection it triggers walks every live object again: the
loaded criteria, the YAML node graph of a large report, whatever else a long-lived process holds.
That was a tenth of a batch's time, and it made loading grow faster than the report. Reference counting still frees everything as before; cycles made elsewhere
are collected once the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside, and back as it was on the way out (nested uses leave it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
