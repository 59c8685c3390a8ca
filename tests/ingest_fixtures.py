"""Build draft-report fixtures (PDF and Word) from text a test writes, so ingest tests never need
third-party documents checked in.

- ``make_pdf(path, pages)``: each page is a list of items; a ``str`` is a line of prose at the left
  margin, a ``Row`` (or any tuple/list of strings) is a table row laid out like a KPI table: the
  first cell left-aligned, the rest right-aligned at fixed column positions. Lines holding Chinese
  are set in the built-in CID font STSong-Light, others in Helvetica.
- ``make_docx(path, blocks)``: each block is a ``str`` (a paragraph), a ``Heading`` or a
  ``DocxTable`` (rows of cells, optionally with merged ranges), in document order.
- ``make_scanned_pdf(path)``: pages with only an image and shapes, no text layer, like a scan.

Everything is deterministic (fixed positions, no timestamps that matter to the tests).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

LATIN_FONT = "Helvetica"
CJK_FONT = "STSong-Light"
MARGIN = 50.0
LEADING = 1.45  # line height as a multiple of the font size
COLUMN_WIDTH = 80.0  # distance between the right edges of two number columns
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")


@dataclass(frozen=True)
class Row:
    """A table row: ``cells[0]`` is the label, the rest are right-aligned numbers (or short text)."""

    cells: Sequence[str]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class DocxTable:
    """Rows of cell texts; ``merges`` lists ((row, col), (row, col)) corner pairs to merge (0-based).

    Cell texts may hold "\\n" to make several paragraphs in one cell."""

    rows: Sequence[Sequence[str]]
    merges: Sequence[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=tuple)


PdfItem = str | Row | Sequence[str]
DocxBlock = str | Heading | DocxTable


def _register_cjk() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def font_for(text: str) -> str:
    """STSong-Light for text with Chinese (it also has Latin glyphs), else Helvetica."""
    return CJK_FONT if _CJK.search(text) else LATIN_FONT


def make_pdf(
    path: Path | str,
    pages: Sequence[Sequence[PdfItem]],
    *,
    font_size: float = 10.0,
    label_width: float = 200.0,
    by_column: bool = False,
    password: str | None = None,
) -> Path:
    """Write a PDF with one page per entry of ``pages`` and return its path.

    Table rows put their label at the left margin and cell ``i`` (i >= 1) right-aligned at
    ``MARGIN + label_width + i * COLUMN_WIDTH``. With ``by_column`` a page's table cells are drawn
    column by column (label column first, then each number column), the order many layout tools
    write, so a reader must rebuild rows from positions rather than from drawing order.
    ``password`` encrypts the file with that user password.
    """
    _register_cjk()
    path = Path(path)
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=password, invariant=1)
    _, height = A4
    step = font_size * LEADING
    for items in pages:
        if len(items) * step > height - 2 * MARGIN:
            raise ValueError(f"{len(items)} lines do not fit on one page at font size {font_size}")
        pending: list[tuple[int, float, str, str]] = []  # (column, y, alignment, text)
        y = height - MARGIN - font_size
        for item in items:
            if isinstance(item, str):
                _draw(pdf, MARGIN, y, item, font_size, "left")
            else:
                cells = item.cells if isinstance(item, Row) else item
                for col, text in enumerate(cells):
                    pending.append((col, y, "left" if col == 0 else "right", text))
            y -= step
        if by_column:
            pending.sort(key=lambda cell: (cell[0], -cell[1]))  # each column top to bottom
        else:
            pending.sort(key=lambda cell: (-cell[1], cell[0]))  # each row left to right
        for col, row_y, align, text in pending:
            x = MARGIN if col == 0 else MARGIN + label_width + col * COLUMN_WIDTH
            _draw(pdf, x, row_y, text, font_size, align)
        pdf.showPage()
    pdf.save()
    return path


def _draw(pdf: canvas.Canvas, x: float, y: float, text: str, size: float, align: str) -> None:
    pdf.setFont(font_for(text), size)
    if align == "right":
        pdf.drawRightString(x, y, text)
    else:
        pdf.drawString(x, y, text)


def make_scanned_pdf(path: Path | str, pages: int = 1) -> Path:
    """A PDF whose pages hold only a picture and shapes, as a scanner produces: no text layer."""
    from PIL import Image, ImageDraw  # reportlab depends on Pillow

    path = Path(path)
    picture = Image.new("L", (200, 120), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(6):  # grey bars standing in for scanned lines of print
        draw.rectangle((10, 10 + row * 18, 190 - row * 12, 20 + row * 18), fill=60)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    _, height = A4
    for _ in range(pages):
        pdf.drawInlineImage(picture, MARGIN, height - MARGIN - 360, width=400, height=240)
        pdf.rect(MARGIN, MARGIN, 300, 120, stroke=1, fill=0)
        pdf.circle(400, 150, 40, stroke=1, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def make_docx(
    path: Path | str, blocks: Sequence[DocxBlock], *, header: str | None = None, footer: str | None = None
) -> Path:
    """Write a Word document with ``blocks`` in order (paragraphs, headings, tables); ``header`` and
    ``footer`` fill the section's page header and footer, which readers are expected to ignore."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, DocxTable):
            _add_table(document, block)
        else:
            document.add_paragraph(block)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    path = Path(path)
    document.save(str(path))
    return path


def _add_table(document: object, spec: DocxTable) -> None:
    width = max(len(row) for row in spec.rows)
    table = document.add_table(rows=len(spec.rows), cols=width)  # type: ignore[attr-defined]
    for (r0, c0), (r1, c1) in spec.merges:  # merge first: merging joins the texts of the cells
        table.cell(r0, c0).merge(table.cell(r1, c1))
    merged = {(r, c) for (r0, c0), (r1, c1) in spec.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    corners = {corner for corner, _ in spec.merges}
    for r, row in enumerate(spec.rows):
        for c, text in enumerate(row):
            if (r, c) in merged and (r, c) not in corners:
                continue  # part of a merged cell: its text is the corner's
            cell = table.cell(r, c)
            first, *rest = text.split("\n")
            cell.paragraphs[0].text = first
            for more in rest:
                cell.add_paragraph(more)


def cut_rating_letter(text: str) -> str:
    """The reference seed with its rating letter blanked (from "I. Basis of Rating" to the reader
    feedback form), line numbers kept: a draft never holds its rating."""
    lines = text.split("\n")
    start = lines.index("I. Basis of Rating")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("Reader Feedback Form"))
    return "\n".join(lines[:start] + [""] * (end - start) + lines[end:])


# A fictitious English draft: an about page, a reporting period, standards, a contact and a KPI table
# (tests of the pipeline, and of answers written into what it ingests).
ENGLISH_DRAFT = """\
Riverside Water Group Sustainability Report 2023

About this Report
This is the fifth consecutive annual sustainability report of Riverside Water Group.
Reporting period: 1 January 2023 to 31 December 2023.
The report follows the GRI Standards and the CASS-CSR 4.0 guide.
Contact: Sustainability Office, csr@riverside-water.example

Key performance indicators 2021 2022 2023
Total number of employees (persons) 1,210 1,260 1,302
Employee turnover rate (%) 6.1 5.4 4.8
Work-related fatalities (persons) 0 1 0
Total energy consumption (MWh) 48,200 47,100 45,900
Water withdrawal (10,000 m3) —— 3,120 3,050
Charitable donations (RMB 10,000) 120 135, 400 150

In 2023 two contractors were injured at the Eastbank plant; we retrained all site crews and added guard rails.
"""
