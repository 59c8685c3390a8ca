"""The budget every draft is read within: ``ingest`` of any file finishes, or is refused with one
line, in seconds and a few hundred MB (issue 13).

Real reports stay far inside these limits: the longest of 170 real report texts has 365,000
characters, 5,200 lines and a longest line of 2,585 characters; a 300-page report's body XML is about
6 MB; a report PDF's largest page content stream is a few MB. A draft beyond them is refused, since
reading only part of a report would rate a different report. A single over-long line is the one
thing that is safe to cut: it is split into pieces that keep its line number, so nothing is lost and
no pattern ever runs over an unbounded line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from csr_rating.errors import InputError
from csr_rating.ingest.document import Line

MAX_TEXT_CHARS = 1_200_000  # characters of text a draft may hold (about 450 pages of English)
MAX_LINES = 40_000  # lines of text (about 700 pages of a PDF)
MAX_LINE = 5_000  # characters of one line; longer lines are split where a space or a stop allows
MAX_TABLE_ROWS = 3_000  # data-table rows of a draft (the richest real report has a few hundred)
MAX_PDF_PAGES = 1_000  # pages of a PDF (1,500 near-empty pages took 4.7 s on a loaded machine)
MAX_STREAM = 64 * 1024 * 1024  # bytes one PDF content stream may inflate to
MAX_INFLATED = 256 * 1024 * 1024  # bytes all of a PDF's content streams may inflate to
MAX_BODY_XML = 40 * 1024 * 1024  # bytes a Word body (word/document.xml) may unpack to
MAX_ZIP_ENTRIES = 5_000  # parts of a Word package (a real one has tens, hundreds with images)
MAX_PART = 4 * 1024 * 1024  # bytes a Word package's small parts ([Content_Types].xml, rels) may unpack to
_BREAKS = " \t。；;，,、.!?！？)）]】"


def too_much_text(shown: str, chars: int) -> InputError:
    return InputError(
        shown,
        f"more text than a report holds ({chars:,} characters; the limit is {MAX_TEXT_CHARS:,}): "
        "split the draft and ingest each part",
    )


def too_many_lines(shown: str, lines: int) -> InputError:
    return InputError(
        shown,
        f"more lines than a report holds ({lines:,}; the limit is {MAX_LINES:,}): split the draft and ingest each part",
    )


def check_text(shown: str, chars: int, lines: int) -> None:
    """Refuse a draft with more text or lines than the budget allows."""
    if chars > MAX_TEXT_CHARS:
        raise too_much_text(shown, chars)
    if lines > MAX_LINES:
        raise too_many_lines(shown, lines)


def pieces(text: str, limit: int = MAX_LINE) -> Iterator[str]:
    """``text`` in pieces of at most ``limit`` characters, each cut after the last space or stop
    in its second half where there is one."""
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind(ch) for ch in _BREAKS) + 1
        if cut <= limit // 2:
            cut = limit
        yield text[:cut]
        text = text[cut:]
    yield text


def bounded(lines: Iterable[Line]) -> tuple[Line, ...]:
    """The lines with every over-long one split into pieces that keep its number and page."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) <= MAX_LINE:
            out.append(line)
        else:
            out.extend(Line(piece, line.number, line.page) for piece in pieces(line.text))
    return tuple(out)
