"""Evidence of a draft scored on the fly cites the draft, not the YAML ingest wrote in memory.

``csr-rating score DRAFT.pdf`` ingests the draft and scores the YAML it would have written; that
YAML's line numbers mean nothing to an author who never saw it. Ingest ends the first line of each
item with where it came from (``# line 4740`` in a text, ``# p. 12`` in a PDF), so each value's YAML
line leads back to the draft: the value's own line, else the line of the item holding it. A value
ingest gave no source for (a default, a count over the whole draft) cites nothing.
"""

from __future__ import annotations

import re
from typing import Literal

from csr_rating.errors import InputError
from csr_rating.yamlio import Mark, Path_, SourceMap

_PROVENANCE = re.compile(r"#\s*(?:(line)\s+(\d{1,7})|(p)\.\s*(\d{1,5}))\s*$")

_KEY_ALONE = re.compile(r"^\s*(?:- )?[\w.-]+:\s*(?:#.*)?$")

Unit = Literal["line", "page"]


class DraftLines(SourceMap):
    """A source map whose ``line`` is the draft's line (a text) or page (a PDF). Positions in the
    YAML (``find``, ``error``) are the ingested YAML's, asked of the map it wraps."""

    def __init__(
        self, inner: SourceMap, draft: str, places: dict[int, int], unit: Unit, keys_alone: frozenset[int]
    ) -> None:  # no SourceMap.__init__: every position comes from ``inner``
        self.inner = inner
        self.path = draft
        self.places = places  # YAML line -> draft line or page
        self.unit = unit
        self.keys_alone = keys_alone  # YAML lines holding only a key: its value starts below

    def find(self, loc: Path_) -> Mark | None:
        return self.inner.find(loc)

    def error(self, loc: Path_, message: str) -> InputError:
        return self.inner.error(loc, message)

    def line(self, loc: Path_) -> int | None:
        loc = tuple(loc)
        mark = self.find(loc)
        if mark is not None and mark.line in self.keys_alone and mark.line + 1 in self.places:
            return self.places[mark.line + 1]  # a list's key: its first entry says where the list is
        while mark is not None:
            place = self.places.get(mark.line)
            if place is not None or not loc:
                return place
            loc = loc[:-1]
            mark = self.find(loc)
        return None


def draft_lines(yaml_text: str, source: SourceMap, draft: str) -> DraftLines:
    """The map for a draft's ingested YAML: ``source`` (its YAML positions) leading to ``draft``."""
    places: dict[int, int] = {}
    keys_alone: set[int] = set()
    pages = False
    for number, text in enumerate(yaml_text.splitlines(), 1):
        if _KEY_ALONE.match(text):
            keys_alone.add(number)
        found = _PROVENANCE.search(text)
        if found:
            places[number] = int(found.group(2) or found.group(4))
            pages = pages or found.group(3) is not None
    return DraftLines(source, draft, places, "page" if pages else "line", frozenset(keys_alone))
