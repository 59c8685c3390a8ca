"""The draft as lines of text with their provenance: the one shape every reader produces and every
extractor reads, so PDF, Word, Markdown and plain text are handled by the same extraction code.

A reader that knows cell boundaries (a Word table, the column gaps of a PDF page) separates cells
with a tab; plain text keeps whatever spacing it had.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Literal

SourceKind = Literal["text", "markdown", "pdf", "docx"]
# Chinese characters (CJK unified ideographs, extension A, compatibility ideographs): the one
# definition every ingest module uses.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Line:
    text: str
    number: int  # 1-based, in the extracted text
    page: int | None = None  # 1-based page of a PDF; None where the source has no pages

    @property
    def where(self) -> str:
        """How a person finds the line again: the page of a PDF, else the line of the text."""
        return f"p. {self.page}" if self.page is not None else f"line {self.number}"

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t") if cell.strip()]


@dataclass(frozen=True)
class Document:
    path: str
    kind: SourceKind
    lines: tuple[Line, ...]
    pictures: int | None = None  # images the source holds (PDF, Word); None where it cannot show them

    @cached_property
    def language(self) -> Literal["en", "zh"]:
        """zh when Chinese characters outnumber Latin words: a Chinese report quotes English names
        (GRI, 5G) but an English one rarely holds Chinese."""
        sample = "\n".join(line.text for line in self.lines[:4000])
        han = len(_HAN.findall(sample))
        # Latin words are counted only as far as the Chinese characters: an English draft (no Chinese)
        # is decided without reading its tens of thousands of words
        return "en" if han == 0 or next(islice(_LATIN_WORD.finditer(sample), han - 1, None), None) else "zh"

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def folded(self) -> str:
        """The text as words are compared: width-normalised (NFKC) and case-folded, once per draft for
        the readers that compare words (industry detection, topics)."""
        return unicodedata.normalize("NFKC", self.text).casefold()


def from_text(text: str, path: str, kind: SourceKind = "text", page: int | None = None) -> Document:
    """Split text into numbered lines (blank ones kept, so numbers match an editor's)."""
    lines = tuple(Line(raw.rstrip(), n, page) for n, raw in enumerate(text.splitlines(), 1))
    return Document(path, kind, lines)
