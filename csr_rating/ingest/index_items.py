"""Indicators the draft's content index points to but its text does not show: ``indexed_indicators``.

A CASS-CSR or GRI index names each item it discloses and its page. Where the item is a catalog
indicator the draft's tables and prose never gave (its page was a chart or a scanned table that the
text lost), the report has it and the draft cannot show it: an unknown, not an absence. Each index
row is linked to the catalog by the same matcher as table rows, and only where it is sure (an index
words items as the guide does, "plans to cut emissions" beside "emissions"); rows that link to an
indicator the draft already shows over two years or more (or describes), or to nothing, are left out:
a figure of one year leaves open how many years the index's page gives.
"""

from __future__ import annotations

from typing import Any, Literal

from csr_rating.catalog import Catalog
from csr_rating.ingest.content_index import IndexRow
from csr_rating.ingest.matching import SURE, Matcher
from csr_rating.ingest.noted import Noted, plain

MAX_ITEMS = 300  # an index lists a few hundred items at most


def indexed_indicators(
    rows: list[IndexRow], matcher: Matcher, catalog: Catalog, indicators: list[Any], language: Literal["en", "zh"]
) -> list[Noted]:
    """One entry per catalog indicator an index row names that ``indicators`` do not disclose."""
    shown = {data["id"] for data in map(plain, indicators) if "id" in data and _over_years(data)}
    names = {item.id: item.name.get(language) for item in catalog.indicators}
    out: dict[str, Noted] = {}
    for row in rows:
        match = matcher.indicator(row.words)
        if match is None or match.score < SURE or match.id in shown or match.id in out or match.id not in names:
            continue
        review = f"index item {row.code} '{row.words}' on {row.page}: the draft's text does not show its figures over years"
        out[match.id] = Noted({"name": names[match.id], "id": match.id, "page": row.page}, row.line.where, review)
        if len(out) >= MAX_ITEMS:
            break
    return list(out.values())


def _over_years(data: dict[str, Any]) -> bool:
    """Shown as the index's page would show it: over two years or more, or described. A figure of one
    year (a highlights panel) leaves open what the page the index names holds: a KPI table's years."""
    return len({*(data.get("values") or {}), *(data.get("chart_years") or [])}) >= 2 or bool(data.get("narrative"))
