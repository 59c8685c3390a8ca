"""Readers: a draft report file (plain text, Markdown, PDF, Word .docx) becomes a ``Document`` of
numbered lines with provenance.

What a reader guarantees, whatever the format:
- the kind is decided by content (magic bytes) first and the file name second, so a PDF saved as
  ``report.txt`` is still read as a PDF and a Markdown file is recognised by its ``.md`` suffix;
- table cells come out separated by a tab: Markdown pipe tables, Word tables, and PDF table rows
  rebuilt from character positions (a large horizontal gap between characters is a cell boundary);
- every bad input (missing, unreadable, binary, encrypted, scanned, corrupt) is one ``InputError``
  naming the file, never a traceback and never an empty document.

Line numbers: for text and Markdown they are the editor's line numbers of the file; for PDF and
Word they are running numbers of the extracted lines (PDF lines also carry their 1-based page).
"""

from __future__ import annotations

import codecs
import ctypes
import io
import math
import re
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from csr_rating.errors import InputError
from csr_rating.ingest import budget
from csr_rating.ingest.document import HAN, Document, Line, SourceKind
from csr_rating.ingest.suffixes import MARKDOWN_SUFFIXES, SUFFIXES, is_draft  # noqa: F401 - is_draft's old home

MAX_BYTES = 50 * 1024 * 1024
STDIN_NAME = "<stdin>"
SUPPORTED = "a draft report (.txt, .md, .pdf or .docx)"


def read_document(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a draft report into a Document; ``"-"`` reads standard input. Raises InputError."""
    if not str(path).strip():
        raise InputError("''", "empty file name")
    if str(path) == "-":
        shown, suffix = STDIN_NAME, ""
        raw = _read_stdin(max_bytes)
    else:
        shown, suffix = str(path), Path(str(path)).suffix.lower()
        raw = _read_file(Path(str(path)), max_bytes)
    return parse_bytes(raw, shown, suffix)


def parse_bytes(raw: bytes, shown: str, suffix: str = "") -> Document:
    """Dispatch on content first (PDF header, ZIP with a Word body), then on the suffix."""
    if not raw.strip():
        raise InputError(shown, "file is empty; expected " + SUPPORTED)
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in raw[:1024]):
        return read_pdf(raw, shown)  # a .pdf may have junk before its header; a text only quotes one
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return read_docx(raw, shown)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(shown, "an old binary Word .doc (or other Office) file; save it as .docx and ingest that")
    if raw.lstrip().startswith(b"{\\rtf"):
        raise InputError(shown, "an RTF file; save it as .docx or plain text and ingest that")
    if suffix in (".yaml", ".yml", ".json"):
        raise InputError(shown, "is already a structured report, not a draft: score it with `csr-rating score`")
    if suffix == ".pdf":
        raise InputError(shown, "not a PDF (no %PDF header); the file is damaged or mis-named")
    if suffix == ".docx":
        raise InputError(shown, "not a Word .docx (not a ZIP archive); the file is damaged or mis-named")
    text = decode_text(raw, shown)
    if len(text) > budget.MAX_TEXT_CHARS:
        raise budget.too_much_text(shown, len(text))
    texts = split_lines(text)
    budget.check_text(shown, len(text), sum(1 for line in texts if line))
    if suffix in MARKDOWN_SUFFIXES:
        return Document(shown, "markdown", budget.bounded(_markdown_lines(texts)))
    return _document(shown, "text", texts)


# --- reading bytes -------------------------------------------------------------------------------


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; only regular files, never more than ``max_bytes`` read."""
    shown = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(shown, "is a directory, expected " + SUPPORTED)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(shown, "not a regular file (a device, pipe or socket); expected " + SUPPORTED)
        if info.st_size > max_bytes:
            raise InputError(shown, f"file is larger than the limit of {_size(max_bytes)} ({_size(info.st_size)})")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    except ValueError:  # a NUL byte in the name
        raise InputError(shown, "invalid file name") from None
    if len(raw) > max_bytes:  # it grew while we read it
        raise InputError(shown, f"file is larger than the limit of {_size(max_bytes)}")
    return raw


def _read_stdin(max_bytes: int) -> bytes:
    try:
        raw = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, AttributeError, ValueError) as exc:
        raise InputError(STDIN_NAME, f"cannot read standard input: {exc}") from None
    if len(raw) > max_bytes:
        raise InputError(STDIN_NAME, f"input is larger than the limit of {_size(max_bytes)}")
    return raw


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def _document(shown: str, kind: SourceKind, texts: list[str]) -> Document:
    return Document(shown, kind, budget.bounded(Line(text, n) for n, text in enumerate(texts, 1)))


# --- plain text ----------------------------------------------------------------------------------

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff\ufffe\uffff]")
# Characters as frequent in Simplified as in Traditional Chinese text: the share of them tells real
# Chinese from bytes of another encoding read as Chinese (which gives rare characters).
_COMMON_HAN = frozenset("的一是在不有和人中大上年以及公司其业务管理发展社会服务保工作")
_HAN = re.compile(f"[{HAN}]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_text(raw: bytes, shown: str) -> str:
    """Text from bytes: UTF-8/16/32 with a BOM, UTF-8, UTF-16 without BOM, then GB18030 or Big5
    for Chinese files saved by older Windows tools, then Windows-1252 for mostly-ASCII files.
    Binary data is refused with the offset of the first byte that gives it away."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the same first two bytes
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(shown, f"invalid {codec.upper()} text at byte offset {exc.start}") from None
    if b"\x00" in raw:
        return _decode_nul(raw, shown)
    junk = _CONTROL_BYTES.findall(raw[:65536])
    if len(junk) > max(8, len(raw[:65536]) // 100):
        offset = _CONTROL_BYTES.search(raw).start()  # type: ignore[union-attr]
        raise InputError(
            shown, f"binary file (control byte 0x{raw[offset]:02x} at byte offset {offset}); expected text"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(raw):  # UTF-8 with a damaged byte: reading it as anything else garbles the rest
        raise InputError(shown, f"not valid UTF-8 at byte offset {first_bad}; the file is damaged or mixes encodings")
    chinese = _decode_chinese(raw)
    if chinese is not None:
        return chinese
    non_ascii = sum(1 for byte in raw if byte > 0x7F)
    if non_ascii <= len(raw) * 0.3:  # Western text with accents; Chinese is mostly high bytes
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise InputError(
        shown, f"not valid UTF-8 at byte offset {first_bad} (nor GB18030 or Big5 Chinese); save the file as UTF-8"
    )


def _mostly_utf8(raw: bytes) -> bool:
    """Nearly all bytes above ASCII form well-made UTF-8 sequences (other encodings rarely do)."""
    high = sum(1 for byte in raw if byte > 0x7F)
    covered = sum(len(match) for match in _UTF8_SEQUENCE.findall(raw))
    return high > 0 and covered >= 0.9 * high


def _decode_nul(raw: bytes, shown: str) -> str:
    """NUL bytes: UTF-16/32 text saved without a BOM (every other byte zero), or binary data."""
    head = raw[:8192]
    for codec, zeros in (("utf-32-le", head[1::4] + head[2::4] + head[3::4]), ("utf-32-be", head[0::4] + head[1::4])):
        if len(head) % 4 == 0 and zeros.count(0) == len(zeros):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if len(raw) % 2 == 0 and zeros.count(0) > len(zeros) * 0.6:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    raise InputError(shown, f"binary file (a NUL byte at byte offset {raw.index(0)}); expected text")


def _decode_chinese(raw: bytes) -> str | None:
    """GB18030 or Big5, whichever reads as real Chinese (enough very common characters)."""
    best: tuple[float, str] | None = None
    for codec in ("gb18030", "big5"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        han = _HAN.findall(text)
        if len(han) < 2:
            continue
        share = sum(1 for ch in han if ch in _COMMON_HAN) / len(han)
        if best is None or share > best[0]:
            best = (share, text)
    return best[1] if best is not None and best[0] >= 0.03 else None


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: only CR, LF and CRLF end a line; other control characters
    (form feeds from pdftotext, stray escapes) become spaces so they cannot break the numbering."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removesuffix("\n")
    return [_CONTROL_CHARS.sub(" ", line).rstrip() for line in text.split("\n")]


# --- Markdown ------------------------------------------------------------------------------------

# Every pattern here is linear on a hostile line: no two adjacent parts can match the same text
# (which would make a failed match try every split of a long run of spaces), and an emphasis never
# looks past the next marker.
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_CLOSING_HASHES = re.compile(r"(?<!\s)\s+#+\s*$")
_RULE_LINE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(>\s?)+")
_URL = r"\((?:[^()]|\([^()]*\))*\)"  # (url), allowing one level of parentheses inside
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _URL)  # no nested brackets: linear on hostile lines
_LINK = re.compile(r"\[([^\[\]]+)\]" + _URL)
_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`]*)`")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _markdown_lines(texts: list[str]) -> Iterator[Line]:
    """One Line per line of the file (numbers unchanged); markup that would confuse table and
    heading detection is removed, pipe-table rows become tab-separated cells."""
    rows = _table_rows(texts)
    in_code = False
    for index, text in enumerate(texts):
        if _FENCE.match(text):
            in_code = not in_code
            yield Line("", index + 1)
        elif in_code:
            yield Line(text, index + 1)
        elif rows[index]:
            yield Line("" if _TABLE_RULE.match(text) else _table_cells(text), index + 1)
        else:
            yield Line(_plain_markdown(text), index + 1)


def _table_rows(texts: list[str]) -> list[bool]:
    """Which lines are pipe-table rows: in a run of lines holding pipes, those starting with a pipe,
    or all of them when the run has a |---| rule (tables may leave out the outer pipes)."""
    rows = [False] * len(texts)
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and "|" in texts[end]:
            end += 1
        if end == start:
            start += 1
            continue
        ruled = any(_TABLE_RULE.match(texts[i]) for i in range(start, end))
        for i in range(start, end):
            rows[i] = ruled or texts[i].lstrip().startswith("|")
        start = end
    return rows


MAX_CELLS = 200  # cells of a table row; a "row" of more is text full of pipes, read as text


def _table_cells(text: str) -> str:
    cells = _CELL_SPLIT.split(text.strip())
    if len(cells) > MAX_CELLS:
        return _plain_markdown(text)
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return "\t".join(_inline(cell.replace("\\|", "|")).strip() for cell in cells)


def _plain_markdown(text: str) -> str:
    if _RULE_LINE.match(text):
        return ""
    text = _QUOTE.sub("", text)
    if _HEADING.match(text):
        text = _CLOSING_HASHES.sub("", _HEADING.sub("", text))
    text = _BULLET.sub(r"\1", text)
    return _inline(text).rstrip()


def _inline(text: str) -> str:
    text = _BREAK_TAG.sub(" ", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)


# --- PDF -----------------------------------------------------------------------------------------

SCANNED = "no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf, then ingest the result"
MIN_PAGE_CHARS = 10  # a page with fewer visible characters than this has no text layer to speak of
MIN_TEXT_PAGES = 0.1  # share of pages that must have text; fewer is a scan with a digital cover
SAME_LINE_OVERLAP = 0.5  # share of the smaller box height two characters must share to be on one line
SPACE_GAP = 0.12  # a gap wider than this (in line heights) beyond the line's usual spacing is a word gap
CELL_GAP = 1.0  # ... and wider than this a cell boundary (a tab)
MIN_COLUMN_LINES = 3  # lines of side-by-side prose it takes to read a block column by column
FILLED = 0.12  # a prose line ending this close to its column's edge (a share of its width) fills it
_NUMBER_CELL = re.compile(r"^[\s\d.,%()+\-–—/]+$")  # a cell of bare figures: a table, not prose
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})

# One character: (left, right, bottom, top, text) in the page's reading frame (text runs along +x).
Char = tuple[float, float, float, float, str]


_STREAM = re.compile(rb"stream\r?\n")
_NOT_CONTENT = (b"/Image", b"/FontFile", b"/Length1", b"/Length2", b"/Length3", b"/Metadata", b"/EmbeddedFile")
INFLATE_CHUNK = 1 << 20


def check_streams(raw: bytes, shown: str) -> None:
    """Refuse a PDF whose content streams inflate past the budget, before PDFium inflates them
    (it would, in memory, for the text of each page). Each Flate stream is inflated as a stream
    and counted, never kept; images, fonts and metadata are not content and are left alone."""
    total = 0
    for match in _STREAM.finditer(raw):
        start = match.end()
        if raw[match.start() - 3 : match.start()] == b"end":
            continue
        head = raw[max(0, match.start() - 2048) : match.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        if b"/FlateDecode" not in head or any(word in head for word in _NOT_CONTENT):
            continue
        stop = raw.find(b"endstream", start)
        data = memoryview(raw)[start : stop if stop != -1 else len(raw)]
        inflater = zlib.decompressobj()
        size = 0
        try:
            for offset in range(0, len(data), INFLATE_CHUNK):
                piece: bytes | memoryview = data[offset : offset + INFLATE_CHUNK]
                while piece:
                    out = inflater.decompress(piece, INFLATE_CHUNK)
                    size += len(out)
                    if size > budget.MAX_STREAM or total + size > budget.MAX_INFLATED:
                        raise InputError(
                            shown,
                            f"a content stream inflates to more than {_size(budget.MAX_STREAM)} "
                            f"(or all of them to more than {_size(budget.MAX_INFLATED)}): more than a report needs "
                            "(a decompression bomb?)",
                        )
                    piece = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error:
            pass  # encrypted or damaged: PDFium decides
        total += size


def read_pdf(raw: bytes, shown: str) -> Document:
    """The text layer of every page, rebuilt into lines from character positions."""
    import pypdfium2 as pdfium

    check_streams(raw, shown)

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                shown, "encrypted PDF (it needs a password); save an unprotected copy and ingest that"
            ) from None
        raise InputError(shown, f"not a readable PDF (damaged?): {_pdfium_reason(exc)}") from None
    try:
        pages, pictures = _pdf_pages(pdf, shown)
    finally:
        pdf.close()
    text_pages = sum(1 for page in pages if sum(len(text.replace(" ", "")) for text in page) >= MIN_PAGE_CHARS)
    if text_pages == 0 or text_pages < MIN_TEXT_PAGES * len(pages):
        raise InputError(shown, SCANNED)
    lines: list[Line] = []
    for page_number, texts in enumerate(pages, 1):
        lines.extend(Line(text, len(lines) + 1, page_number) for text in texts)
    return Document(shown, "pdf", budget.bounded(lines), pictures)


MIN_PICTURE = 40.0  # points each side: smaller images are icons, bullets and logos
FULL_PAGE = 0.8  # an image covering this much of its page is a scan or a background, not a picture
FORM_DEPTH = 3  # levels of nested forms (XObjects) whose images are counted


def _page_pictures(page: Any) -> tuple[int, bool]:
    """(pictures, whether one image covers the page) of one page (PDFium's page handle): its images
    large enough to be a chart or a photograph, in the page and in forms nested up to FORM_DEPTH
    levels. Raw calls: pypdfium2's object wrappers cost more than reading the page's text."""
    import pypdfium2.raw as pdfium_c

    width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    corners = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    pictures, full = 0, False
    pending: list[tuple[Any, bool, int]] = [(page, False, 0)]  # (parent, is a form, depth)
    while pending:
        parent, form, level = pending.pop()
        count = (pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects)(parent)
        get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
        if count < 0:
            raise pdfium_error("Failed to get number of pageobjects.")
        for index in range(count):
            item = get(parent, index)
            if not item:
                raise pdfium_error("Failed to get pageobject.")
            kind = pdfium_c.FPDFPageObj_GetType(item)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if not pdfium_c.FPDFPageObj_GetBounds(item, *corners):
                    raise pdfium_error("Failed to locate pageobject.")
                if (right.value - left.value) * (top.value - bottom.value) >= FULL_PAGE * width * height:
                    full = True
                elif right.value - left.value >= MIN_PICTURE and top.value - bottom.value >= MIN_PICTURE:
                    pictures += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < FORM_DEPTH - 1:
                pending.append((item, True, level + 1))
    return pictures, full


def pdfium_error(message: str) -> Exception:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError(message)


def _pdfium_reason(exc: Exception) -> str:
    match = re.search(r"PDFium: ([^)]*)", str(exc))
    return match.group(1).strip().rstrip(".") if match else str(exc).strip().rstrip(".")


def _pdf_pages(pdf: Any, shown: str) -> tuple[list[list[str]], int | None]:
    """Each page's lines, and the pictures of the PDF: None for a scan (full-page images on half the
    pages or more), whose pictures are inside the page images. Each page is loaded once."""
    import pypdfium2 as pdfium

    count = len(pdf)
    if count == 0:
        raise InputError(shown, "PDF has no pages")
    if count > budget.MAX_PDF_PAGES:
        raise InputError(
            shown, f"more pages than a report holds ({count:,}; the limit is {budget.MAX_PDF_PAGES:,}): split the PDF"
        )
    import pypdfium2.raw as pdfium_c

    pages = []
    chars = lines = pictures = scanned = 0
    for index in range(count):
        page = pdfium_c.FPDF_LoadPage(pdf.raw, index)  # PDFium's own handles: the wrappers' bookkeeping
        try:  # (weak references, finalizers) cost a tenth of a long report's reading
            try:
                if not page:
                    raise pdfium.PdfiumError("Failed to load page.")
                text = _page_text_lines(page)
            except pdfium.PdfiumError as exc:
                raise InputError(shown, f"cannot read page {index + 1} of the PDF: {_pdfium_reason(exc)}") from None
            chars += sum(len(line) for line in text)
            lines += len(text)
            budget.check_text(shown, chars, lines)  # stop reading as soon as the draft is too big
            found, full = _page_pictures(page)
        finally:
            if page:
                pdfium_c.FPDF_ClosePage(page)
        pictures += found
        scanned += full
        pages.append(text)
    return pages, None if scanned * 2 >= count else pictures


def _page_text_lines(page: Any) -> list[str]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise pdfium.PdfiumError("Failed to load text page.")
    try:
        return page_lines(_page_chars(textpage))
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)


@cache
def _char_calls() -> tuple[Callable[[int, int, int], int], Callable[[int, int], float]]:
    """FPDFText_GetLooseCharBox and FPDFText_GetCharAngle on plain addresses: pypdfium2's typed
    bindings convert each argument of each call, a third of the time for a page's thousands of characters."""
    import pypdfium2.raw as pdfium_c

    def plain(function: Any, result: Any, *arguments: Any) -> Any:
        return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, ctypes.c_void_p).value or 0)

    box = plain(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    angle = plain(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float, ctypes.c_void_p, ctypes.c_int)
    return box, angle


def _page_chars(textpage: Any) -> list[Char]:
    """Visible characters with their loose boxes (advance width by font height), turned so the
    page's main text direction runs along +x; characters at other angles (chart labels) are left out."""
    import pypdfium2.raw as pdfium_c

    get_box, get_angle = _char_calls()
    box = pdfium_c.FS_RECTF()
    ref = ctypes.addressof(box)
    page = ctypes.cast(textpage, ctypes.c_void_p).value or 0
    by_quarter: list[list[Char]] = [[], [], [], []]
    upright = by_quarter[0]
    quarter_turn = math.pi / 2
    for index, ch in _page_text(textpage):
        if ch == " " or ch == "\ufffd" or not ch.isprintable():
            continue  # spacing comes from the geometry, not from space characters
        if not get_box(page, index, ref):
            continue
        angle = get_angle(page, index)  # radians clockwise, or -1 when unknown
        if angle < 0.1 or angle > 6.18:
            upright.append((box.left, box.right, box.bottom, box.top, ch))
        else:
            by_quarter[-round(angle / quarter_turn) % 4].append((box.left, box.right, box.bottom, box.top, ch))
    main = max(range(4), key=lambda quarter: len(by_quarter[quarter]))  # ties: the upright text
    return by_quarter[0] if main == 0 else [_turn(char, main) for char in by_quarter[main]]


def _page_text(textpage: Any) -> Iterator[tuple[int, str]]:
    """(index, character) for each character of the page: one call for the whole page when every
    character is one UTF-16 unit (nearly always), else one call per character."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return iter(())
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return enumerate(text)
    codes = (pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count))
    return ((index, chr(code) if 0 < code < 0x110000 else "\ufffd") for index, code in enumerate(codes))


def _turn(char: Char, quarter: int) -> Char:
    """Rotate a box by -quarter * 90 degrees, so text drawn at that angle reads left to right."""
    left, right, bottom, top, ch = char
    if quarter == 0:
        return char
    if quarter == 1:  # runs upwards: x <- y, y <- -x
        return (bottom, top, -right, -left, ch)
    if quarter == 2:
        return (-right, -left, -top, -bottom, ch)
    return (-top, -bottom, left, right, ch)  # runs downwards: x <- -y, y <- x


# A run of a line between two cell gaps: (left, right, text).
Segment = tuple[float, float, str]
Gutter = tuple[float, float]  # the empty x-range between two columns


def page_lines(chars: list[Char]) -> list[str]:
    """A page's lines, top to bottom: characters grouped into lines by vertical overlap, each line
    cut into segments at wide gaps (table cells), columns of prose read one after the other."""
    rows = [_segments(line) for line in _group_lines(chars)]
    rows = _read_columns(rows)
    return [text for text in ("\t".join(segment[2] for segment in row) for row in rows) if text]


def _group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters sharing most of their height with a line's first character belong to that line.
    (Per character of every page: min and max are spelt out, a call each was a fifth of the time.)"""
    chars = sorted(chars, key=lambda c: (-(c[2] + c[3]), c[0]))
    lines: list[list[Char]] = []
    current: list[Char] = []
    low = high = 0.0  # the box of the first character of the current line
    for char in chars:
        bottom, top = char[2], char[3]
        overlap = (top if top < high else high) - (bottom if bottom > low else low)  # noqa: FURB136 - as min, max
        height = top - bottom
        smaller = height if height < high - low else high - low  # noqa: FURB136
        if lines and (overlap >= SAME_LINE_OVERLAP * smaller if smaller > 0 else abs(low - bottom) < 1.0):
            current.append(char)
        else:
            current = [char]
            lines.append(current)
            low, high = bottom, top
    return lines


def _segments(line: list[Char]) -> list[Segment]:
    """Left to right: no gap joins characters, a word gap is a space, a wide gap ends a segment."""
    line.sort(key=itemgetter(0))
    kept = _drop_overprint(line)
    height = _median([c[3] - c[2] for c in kept]) or 1.0
    gaps = []
    reach = kept[0][1]  # the rightmost edge so far: a gap is measured from there
    for char in kept[1:]:
        gaps.append(char[0] - reach)
        if char[1] > reach:  # noqa: PLR1730 - max() per character costs a call
            reach = char[1]
    usual = _usual_gap(gaps, height)
    space, cell = usual + SPACE_GAP * height, usual + CELL_GAP * height
    segments: list[Segment] = []
    start, parts, reach = kept[0][0], [kept[0][4]], kept[0][1]
    for gap, char in zip(gaps, kept[1:], strict=True):
        if gap > cell:
            segments.append((start, reach, "".join(parts)))
            start, parts = char[0], []
        elif gap > space:
            parts.append(" ")
        parts.append(char[4])
        if char[1] > reach:  # noqa: PLR1730 - max() per character costs a call
            reach = char[1]
    segments.append((start, reach, "".join(parts)))
    cleaned = [(left, right, text.translate(_LIGATURES).strip()) for left, right, text in segments]
    return [segment for segment in cleaned if segment[2]]


def _read_columns(rows: list[list[Segment]]) -> list[list[Segment]]:
    """Put multi-column prose in reading order: where at least MIN_COLUMN_LINES lines hold two to
    four prose segments separated by the same gutters, the block around them (lines that stay
    within the columns) is read column by column. Table rows (short cells, numbers) never start a
    block and never join one across a gutter, so KPI tables keep their rows."""
    right = max((segment[1] for row in rows for segment in row), default=0.0)
    left = min((segment[0] for row in rows for segment in row), default=0.0)
    gutters = [_prose_gutters(row, right - left) for row in rows]
    out: list[list[Segment]] = []
    plain = 0  # rows at the end of ``out`` copied unchanged, which a block may still claim
    index = 0
    while index < len(rows):
        found = gutters[index]
        if found is None:
            out.append(rows[index])
            plain, index = plain + 1, index + 1
            continue
        start = index
        while plain and _fits(rows[start - 1], found):
            start, plain = start - 1, plain - 1
            out.pop()
        end, columned = index + 1, 1
        while end < len(rows):
            shared = _shared(found, gutters[end])
            if shared is not None:
                found, columned = shared, columned + 1
            elif not _fits(rows[end], found):
                break
            end += 1
        if columned >= MIN_COLUMN_LINES:
            out.extend(_by_column(rows[start:end], found))
            plain, index = 0, end
        else:
            out.extend(rows[start : index + 1])
            plain, index = plain + index + 1 - start, index + 1
    return out


def _prose_gutters(row: list[Segment], width: float) -> list[Gutter] | None:
    """The gaps between a row's segments when every segment looks like a line of a prose column."""
    if not 2 <= len(row) <= 4 or width <= 0:
        return None
    for left, right, text in row:
        if right - left < 0.18 * width or not _prose(text):
            return None
    return [(row[k][1], row[k + 1][0]) for k in range(len(row) - 1)]


def _prose(text: str) -> bool:
    return (len(text) >= 20 and text.count(" ") >= 2 and not _NUMBER_CELL.match(text)) or len(_HAN.findall(text)) >= 10


def _shared(gutters: list[Gutter], other: list[Gutter] | None) -> list[Gutter] | None:
    """The gutters both rows leave empty, or None when they do not line up."""
    if other is None or len(other) != len(gutters):
        return None
    shared = [(max(a[0], b[0]), min(a[1], b[1])) for a, b in zip(gutters, other, strict=True)]
    return shared if all(low < high for low, high in shared) else None


def _fits(row: list[Segment], gutters: list[Gutter]) -> bool:
    """A row can sit in a column block: no segment crosses a gutter, and where it reaches into
    several columns with figures in it, each column's part stands on its own: a line of prose or a
    heading, a label with its figures (two tables side by side: "Taxes paid 38.4 || Coal 4.4"), or
    bare figures in the first column or beside a line of prose that fills its column up to the
    gutter (the figures of a label wrapped above or below them). A table row across the page
    carries its label's figures over the gutter ("Operating revenue | 452.1 || 485.2") or its cells
    ("Customers | Surveys | Service || Held a forum | 15"), and stays whole."""
    middles = [(low + high) / 2 for low, high in gutters]
    if any(left < middle < right for left, right, _ in row for middle in middles):
        return False
    parts: dict[int, list[Segment]] = {}
    for segment in row:
        parts.setdefault(_column(segment, middles), []).append(segment)
    if len(parts) < 2 or not any(_NUMBER_CELL.match(text) for _, _, text in row):
        return True
    columns = sorted(parts)
    for at, column in enumerate(columns):
        figures = [bool(_NUMBER_CELL.match(text)) for _, _, text in parts[column]]
        if not figures[0] and (len(figures) == 1 or all(figures[1:])):
            continue  # a line of prose, a heading, or a label with its figures
        before = columns[at - 1] if at else None
        if all(figures) and (before is None or _fills_column(parts[before], gutters[before][0])):
            continue  # figures of a label wrapped above or below them
        return False
    return True


def _fills_column(part: list[Segment], edge: float) -> bool:
    """A column's part of a row is a line of prose running up to the gutter (``edge``, where the
    column's text ends)."""
    left, right, text = part[0][0], part[-1][1], part[-1][2]
    return len(part) == 1 and _prose(text) and right >= edge - FILLED * (edge - left)


def _column(segment: Segment, middles: list[float]) -> int:
    centre = (segment[0] + segment[1]) / 2
    return sum(1 for middle in middles if middle < centre)


def _by_column(block: list[list[Segment]], gutters: list[Gutter]) -> list[list[Segment]]:
    middles = [(low + high) / 2 for low, high in gutters]
    out = []
    for column in range(len(middles) + 1):
        for row in block:
            part = [segment for segment in row if _column(segment, middles) == column]
            if part:
                out.append(part)
    return out


def _usual_gap(gaps: list[float], height: float) -> float:
    """The gap between letters of a word: about zero, but positive in letter-spaced (tracked) text."""
    small = [gap for gap in gaps if gap < 0.6 * height]
    return max(0.0, _median(small)) if len(small) >= 3 else 0.0


def _median(values: list[float]) -> float:
    """statistics.median, without its generality (called for every line of every page)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _drop_overprint(line: list[Char]) -> list[Char]:
    """Fake bold draws a string twice, shifted a little: keep one copy of each doubled character."""
    kept = [line[0]]
    last = line[0]
    for char in line[1:]:
        if char[4] == last[4] and abs(char[0] - last[0]) < 0.3 * max(last[1] - last[0], 0.1):
            continue
        kept.append(char)
        last = char
    return kept


# --- Word .docx ----------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAIN_PART = "word/document.xml"
BLOCK_TAGS = tuple(W + tag for tag in ("p", "tbl", "sdt", "customXml", "bookmarkStart", "sectPr"))
OFFICE_DOCUMENT = "/officeDocument"  # the package relationship that names the main part
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def read_docx(raw: bytes, shown: str) -> Document:
    """The body in document order: a paragraph is a line (a line break starts another), a table row
    is a line of tab-separated cells; headers, footers and deleted (tracked) text are left out.

    Only the parts it needs are read (the package relationships, the content types, the body), each
    unpacked as a stream under a cap that no header can raise; the body is parsed one top-level
    block at a time, so memory stays near the size of the largest table."""
    entries = _zip_entries(raw)
    if entries is not None and entries > budget.MAX_ZIP_ENTRIES:
        count = f"{entries:,}" if entries < 0xFFFF else "65,535 or more"  # ZIP64 keeps the true count elsewhere
        raise InputError(
            shown, f"a ZIP archive of {count} parts, more than a Word file holds (the limit is {budget.MAX_ZIP_ENTRIES:,})"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - zipfile also raises NotImplementedError, EOFError, struct.error
        raise InputError(shown, f"not a readable Word .docx (damaged ZIP archive: {_one_line(exc)})") from None
    with archive:
        names = set(archive.namelist())
        main = _main_part(archive, names, shown)
        kind = _content_type(archive, names, main, shown)
        if kind is not None and kind != WORD_DOCUMENT:
            raise InputError(shown, f"not a Word document ({kind}); save it as .docx")
        body = _unpacked(archive, main, budget.MAX_BODY_XML, shown)
    texts, pictures = _body_lines(body, shown)
    document = _document(shown, "docx", texts)
    return Document(document.path, document.kind, document.lines, pictures)


def _zip_entries(raw: bytes) -> int | None:
    """The number of parts the archive's end record declares, read before the central directory is
    (a directory of a million entries would take long to read); None where there is no such record."""
    at = raw.rfind(b"PK\x05\x06", max(0, len(raw) - 65_557))
    if at == -1 or at + 12 > len(raw):
        return None
    return int.from_bytes(raw[at + 10 : at + 12], "little")


def _unpacked(archive: zipfile.ZipFile, name: str, limit: int, shown: str) -> bytes:
    """A member's bytes, read as a stream and refused past ``limit`` whatever its header says."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise InputError(
                        shown, f"{name} unpacks to more than {_size(limit)}, more than a report needs (a ZIP bomb?)"
                    )
                chunks.append(chunk)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad CRC, a truncated member, an unsupported compression
        raise InputError(shown, f"not a readable Word .docx (damaged {name}: {_one_line(exc)})") from None
    return b"".join(chunks)


def _xml(data: bytes, shown: str, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(shown, f"not a readable Word .docx ({name}: {_one_line(exc)})") from None


def _main_part(archive: zipfile.ZipFile, names: set[str], shown: str) -> str:
    """The main document part the package relationships name (word/document.xml as a rule)."""
    main = MAIN_PART
    if "_rels/.rels" in names:
        rels = _xml(_unpacked(archive, "_rels/.rels", budget.MAX_PART, shown), shown, "_rels/.rels")
        for rel in rels:
            if str(rel.get("Type", "")).endswith(OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
                main = str(rel.get("Target", MAIN_PART)).lstrip("/")
                break
    if main not in names:
        raise InputError(shown, f"a ZIP archive but not a Word .docx (no {main}); expected " + SUPPORTED)
    return main


def _content_type(archive: zipfile.ZipFile, names: set[str], main: str, shown: str) -> str | None:
    """The content type the package declares for its main part (a macro-enabled document and a
    template have their own), or None where it declares none."""
    if "[Content_Types].xml" not in names:
        return None
    types = _xml(_unpacked(archive, "[Content_Types].xml", budget.MAX_PART, shown), shown, "[Content_Types].xml")
    for entry in types:
        if str(entry.get("PartName", "")).lstrip("/") == main:
            return str(entry.get("ContentType", "")) or None
    return None


def _body_lines(data: bytes, shown: str) -> tuple[list[str], int]:
    """(lines, pictures) of the body, read one top-level block at a time."""
    from lxml import etree

    texts: list[str] = []
    pictures = 0
    body_tag = W + "body"
    try:
        events = etree.iterparse(
            io.BytesIO(data),
            events=("end",),
            tag=BLOCK_TAGS,  # filtered in C: runs, text and properties never reach Python
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
        )
        for _, element in events:
            parent = element.getparent()
            if parent is None or parent.tag != body_tag:
                continue
            pictures += sum(1 for _ in element.iter(PICTURE))  # drawings, in text boxes too
            texts.extend(text for block in _block(element) for text in block if text)
            element.clear()  # read: let its content go (removing it would walk the whole subtree again)
            while element.getprevious() is not None:
                del parent[0]  # and the emptied blocks before it
    except etree.XMLSyntaxError as exc:
        raise InputError(shown, f"not a readable Word .docx ({MAIN_PART}: {_one_line(exc)})") from None
    return texts, pictures


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _blocks(container: Any) -> Iterator[list[str]]:
    """Lines of each paragraph and table among ``container``'s children, in order; content controls
    (w:sdt) are looked into."""
    for child in container.iterchildren():
        yield from _block(child)


def _block(child: Any) -> Iterator[list[str]]:
    tag = child.tag
    if tag == W + "p":
        yield _paragraph_lines(child)
    elif tag == W + "tbl":
        yield _table_lines(child)
    elif tag in (W + "sdt", W + "sdtContent", W + "customXml"):
        yield from _blocks(child if tag != W + "sdt" else _child(child, W + "sdtContent"))


def _child(element: Any, tag: str) -> Any:
    found = element.find(tag)
    return found if found is not None else element.makeelement(tag)  # empty: nothing to read


def _paragraph_lines(paragraph: Any) -> list[str]:
    """A paragraph's text (a line break starts a new line), then the lines of its text boxes."""
    parts: list[str] = []
    boxes: list[Any] = []
    _collect(paragraph, parts, boxes)
    lines = [_clean(text) for text in "".join(parts).split("\n")]
    for box in boxes:
        for block in _blocks(box):
            lines.extend(block)
    return [line for line in lines if line]


def _collect(element: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in (W + "del", W + "moveFrom", MC_FALLBACK, W + "instrText"):
            continue  # comments, deleted text, duplicate fallbacks of drawings, field codes
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        else:
            _collect(child, parts, boxes)


def _table_lines(table: Any) -> list[str]:
    """A line per row: cells joined by tabs; a cell spanning several grid columns appears once; the
    top cell of a vertical merge lends its text to the rows below (a row label spanning rows).
    One pass: each row knows the texts of the row above by grid column, and each cell is read once."""
    lines: list[str] = []
    above: dict[int, str] = {}  # grid column -> the text a vertical merge continuing there shows
    for row in table.iterchildren(W + "tr"):
        here: dict[int, str] = {}
        cells: list[str] = []
        column = _grid_before(row)
        for cell in _row_cells(row):
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            continues = merge is not None and merge.get(W + "val", "continue") == "continue"
            text = above[column] if continues and column in above else _cell_text(cell)
            here[column] = text
            cells.append(text)
            column += _span(cell)
        above = here
        lines.append("\t".join(cells) if any(cells) else "")
    return lines


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            yield from _row_cells(_child(child, W + "sdtContent") if child.tag == W + "sdt" else child)


def _grid_before(row: Any) -> int:
    found = row.find(f"{W}trPr/{W}gridBefore")
    return _int(found.get(W + "val")) if found is not None else 0


def _span(cell: Any) -> int:
    found = cell.find(f"{W}tcPr/{W}gridSpan")
    return max(1, _int(found.get(W + "val"))) if found is not None else 1


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _cell_text(cell: Any) -> str:
    """Everything in a cell on one line: paragraphs and nested tables joined by spaces."""
    pieces: list[str] = []
    for block in _blocks(cell):
        pieces.extend(block)
    return _clean(" ".join(pieces).replace("\t", " "))


def _clean(text: str) -> str:
    """Collapse runs of spaces (keeping tabs, which mark columns) and drop control characters."""
    text = _CONTROL_CHARS.sub(" ", text)
    return "\t".join(" ".join(part.split()) for part in text.split("\t")).strip(" \t")
