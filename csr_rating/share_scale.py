"""How every catalog's ``share_scale`` is derived from the one measured point (general.yaml says why).

The reference case (a report the Committee rated, hand-encoded) discloses a share of its pack's base
core indicators and a share of the pack's own; the Committee put that report at ``PUBLISHED_SHARE``.
A report as good would disclose, in any other catalog, those rates weighted by the catalog's numbers
of base and own core indicators; the scale maps that share to the published one.
"""

from __future__ import annotations

from dataclasses import dataclass

from csr_rating.catalog import Catalog
from csr_rating.report import Report

PUBLISHED_SHARE = 85.21  # the Committee's completeness figure for the reference case (its rating letter)


@dataclass(frozen=True)
class Rates:
    base: float  # share of the base's core indicators the reference discloses
    own: float  # share of its pack's own core indicators


def reference_rates(pack: Catalog, report: Report) -> Rates:
    disclosed = pack.disclosed(report)
    core = pack.core()
    own = [i for i in core if i.id in pack.own]
    base = [i for i in core if i.id not in pack.own]
    return Rates(
        base=sum(i.id in disclosed for i in base) / len(base),
        own=sum(i.id in disclosed for i in own) / len(own),
    )


def derived_scale(catalog: Catalog, rates: Rates) -> float:
    """The catalog's share_scale under the rule, rounded as the files write it."""
    core = catalog.core()
    own = sum(1 for i in core if i.id in catalog.own) if catalog.extends else 0
    expected = (rates.base * (len(core) - own) + rates.own * own) / len(core)
    return round(PUBLISHED_SHARE / (100 * expected), 3)
