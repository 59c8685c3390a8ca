"""Which segments of its industry a draft's organisation operates in (``meta.segments``).

An industry pack may split into segments with their own key issues (a cement group has no
construction sites; a contractor has no kilns). Each segment lists words that show it
(``Segment.detect``, data in the pack). A segment is chosen when its words occur at least
``MIN_HITS`` times and at least ``SHARE`` as often as the most frequent segment's; when none has
enough evidence, or every segment is chosen, the list stays empty and the whole industry applies.
"""

from __future__ import annotations

import re

from csr_rating.catalog import Catalog
from csr_rating.ingest.document import Document
from csr_rating.ingest.noted import Noted

MIN_HITS = 5  # occurrences of a segment's words before it is chosen
SHARE = 0.2  # of the leading segment's occurrences: a group in both segments is in both


def detect_segments(doc: Document, catalog: Catalog) -> Noted | None:
    """The segments the draft's words show, with a review note; None for the whole industry."""
    if not catalog.segments:
        return None
    text = doc.text.casefold()
    hits = {segment.id: _count(text, segment.detect.en, segment.detect.zh) for segment in catalog.segments}
    top = max(hits.values())
    if top < MIN_HITS:
        return None
    chosen = [s.id for s in catalog.segments if hits[s.id] >= max(MIN_HITS, SHARE * top)]
    if len(chosen) == len(catalog.segments):
        return None
    counts = ", ".join(f"{segment} {count}" for segment, count in hits.items())
    review = f"segments of {catalog.id} from the draft's words ({counts}); items of other segments do not count"
    return Noted(chosen, review=review)


def _count(text: str, english: list[str], chinese: list[str]) -> int:
    found = sum(text.count(term.casefold()) for term in chinese)
    for term in english:
        found += len(re.findall(rf"\b{re.escape(term.casefold())}s?\b", text))
    return found
