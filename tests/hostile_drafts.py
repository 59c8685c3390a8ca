"""Hostile drafts, built on demand (no bombs are committed): each builder writes one file into a folder
and returns its path. Used by tests/test_hostile_drafts.py (the contract: exit 0 or 2, one line, within
the budget) and bench/bench_hostile.py (the same files at full size, timed)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def _docx(path: Path, body_chunks: Callable[[], object], extra: dict[str, Callable[[], object]] | None = None) -> Path:
    """A .docx whose word/document.xml is written chunk by chunk (a bomb never sits in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        for name, chunks in {"word/document.xml": body_chunks, **(extra or {})}.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for chunk in chunks():  # type: ignore[attr-defined]
                    member.write(chunk.encode("utf-8"))
    return path


def _body(inner: Callable[[], object]) -> Callable[[], object]:
    def chunks():  # type: ignore[no-untyped-def]
        yield f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        yield from inner()  # type: ignore[misc]
        yield "</w:body></w:document>"

    return chunks


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def text_table(folder: Path, rows: int = 10_000) -> Path:
    """A tab-separated table far longer than any report's (the indicator list has a cap)."""
    lines = ["Indicator\t2014\t2015\t2016"] + [f"Indicator number {i} (t)\t{i}.5\t{i + 1}.5\t{i + 2}.5" for i in range(rows)]
    path = folder / "long-table.txt"
    path.write_text("China Telecom CSR Report 2016\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def markdown_emphasis(folder: Path, size: int = 100_000) -> Path:
    """One Markdown line of unclosed strong-emphasis openers: a backtracking regex goes quadratic."""
    path = folder / "emphasis.md"
    path.write_text("# Report 2016\n" + "**a " * (size // 4) + "\n", encoding="utf-8")
    return path


def single_line(folder: Path, size: int = 50 * 1024 * 1024 - 1024) -> Path:
    """A text of one enormous line, just under the byte limit."""
    path = folder / "one-line.txt"
    with path.open("w", encoding="utf-8") as handle:
        chunk = "revenue 2016 grew 5% " * 50_000
        written = 0
        while written < size:
            part = chunk[: size - written]
            handle.write(part)
            written += len(part)
    return path


def many_lines(folder: Path, count: int = 2_000_000) -> Path:
    """Millions of short lines."""
    path = folder / "many-lines.txt"
    path.write_text("x 1\n" * count, encoding="utf-8")
    return path


def long_row_name(folder: Path, length: int = 2_500) -> Path:
    """A table whose row name is longer than any indicator name may be."""
    path = folder / "long-name.txt"
    name = "Energy consumption of the data centres " * (length // 39 + 1)
    path.write_text(
        f"China Telecom CSR Report 2016\nIndicator\t2014\t2015\t2016\n{name[:length]} (t)\t1\t2\t3\nWater use (t)\t4\t5\t6\n",
        encoding="utf-8",
    )
    return path


def text_with_pdf_marker(folder: Path) -> Path:
    """A plain text that quotes a PDF header near its start: it is still a text."""
    path = folder / "mentions-pdf.txt"
    path.write_text(
        "China Telecom CSR Report 2016\nThe printed file begins with %PDF-1.7 as every PDF does.\nRevenue (CNY) 2016: 100\n",
        encoding="utf-8",
    )
    return path


def docx_vertical_merge(folder: Path, rows: int = 20_000) -> Path:
    """A table whose first column is one vertical merge from top to bottom."""

    def inner():  # type: ignore[no-untyped-def]
        yield "<w:tbl>"
        for i in range(rows):
            merge = '<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>"
            label = "Energy" if i == 0 else ""
            yield (
                f"<w:tr><w:tc><w:tcPr>{merge}</w:tcPr>{_paragraph(label)}</w:tc>"
                f"<w:tc>{_paragraph(f'row {i}')}</w:tc><w:tc>{_paragraph(str(i))}</w:tc></w:tr>"
            )
        yield "</w:tbl>"

    return _docx(folder / "merged.docx", _body(inner))


def docx_body_bomb(folder: Path, unpacked: int = 99 * 1024 * 1024) -> Path:
    """A small .docx whose body unpacks to about ``unpacked`` bytes."""
    block = _paragraph("a" * 1000)

    def inner():  # type: ignore[no-untyped-def]
        for _ in range(unpacked // len(block)):
            yield block

    return _docx(folder / "body-bomb.docx", _body(inner))


def docx_styles_bomb(folder: Path, unpacked: int = 290 * 1024 * 1024) -> Path:
    """A .docx with a huge styles part nothing needs."""
    body = _body(lambda: iter([_paragraph("China Telecom CSR Report 2016"), _paragraph("Revenue 2016: 100")]))
    piece = "<w:style/>" * 10_000

    def styles():  # type: ignore[no-untyped-def]
        yield f'<w:styles xmlns:w="{W_NS}">'
        for _ in range(unpacked // len(piece)):
            yield piece
        yield "</w:styles>"

    return _docx(folder / "styles-bomb.docx", body, {"word/styles.xml": styles})


def docx_lying_sizes(folder: Path, unpacked: int = 1024 * 1024 * 1024) -> Path:
    """A .docx whose body's headers claim a few bytes while it inflates to ``unpacked``."""
    path = docx_body_bomb(folder, unpacked)
    data = bytearray(path.read_bytes())
    claimed = 1000
    name = b"word/document.xml"
    at = data.find(b"PK\x03\x04")
    while at != -1:  # local headers: uncompressed size at +22
        if data[at + 30 : at + 30 + len(name)] == name and struct.unpack_from("<I", data, at + 22)[0] != 0xFFFFFFFF:
            struct.pack_into("<I", data, at + 22, claimed)
        at = data.find(b"PK\x03\x04", at + 4)
    at = data.find(b"PK\x01\x02")
    while at != -1:  # central directory: uncompressed size at +24
        if data[at + 46 : at + 46 + len(name)] == name and struct.unpack_from("<I", data, at + 24)[0] != 0xFFFFFFFF:
            struct.pack_into("<I", data, at + 24, claimed)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def docx_many_parts(folder: Path, parts: int = 100_000) -> Path:
    """A .docx with a central directory of ``parts`` empty entries."""
    path = _docx(folder / "many-parts.docx", _body(lambda: iter([_paragraph("Report 2016")])))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for i in range(parts):
            archive.writestr(f"customXml/item{i}.xml", b"")
    return path


def pdf_stream_bomb(folder: Path, unpacked: int = 1024 * 1024 * 1024) -> Path:
    """A one-page PDF whose content stream inflates to ``unpacked`` bytes."""
    packer = zlib.compressobj(9)
    chunk = b"BT /F1 12 Tf 72 712 Td (a) Tj ET\n" * 30_000
    parts = []
    left = unpacked
    while left > 0:
        piece = chunk[:left]
        parts.append(packer.compress(piece))
        left -= len(piece)
    parts.append(packer.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = folder / "stream-bomb.pdf"
    path.write_bytes(bytes(out))
    return path


def near_limit_lines(folder: Path, count: int = 39_000) -> Path:
    """Just under the line limit: short lines of figures and words."""
    path = folder / "near-limit-lines.txt"
    rows = (f"E{i} was {i}.5 t" if i % 3 else f"指标{i}\t{i}.5" for i in range(count))
    path.write_text("Report 2016\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def near_limit_text(folder: Path, chars: int = 1_190_000) -> Path:
    """Just under the character limit: report-like English prose with figures, tables and headings."""
    block = (
        "Chapter 3 Green Operations\n"
        "In 2016 the company cut energy use by 4.5% and invested RMB 120 million in energy saving.\n"
        "Indicator\t2014\t2015\t2016\n"
        "Water consumption (10,000 t)\t1,203\t1,180\t1,150\n"
        "Case: the data centre in Hebei recovers waste heat for 3,000 households.\n"
        "We held 12 stakeholder meetings and trained 8,500 employees on safety, and our volunteers gave\n"
        "36,000 hours to 120 villages; customer satisfaction rose to 82.3 points while complaints fell.\n"
    )
    path = folder / "near-limit-text.txt"
    path.write_text("China Telecom CSR Report 2016\n" + (block * (chars // len(block) + 1))[:chars], encoding="utf-8")
    return path


def yaml_many_indicators(folder: Path, count: int = 9_990) -> Path:
    """A report YAML at the format's limit of indicators (each with three years): for `score`."""
    rows = "\n".join(
        f"  - name: Indicator number {i}\n    unit: t\n    values: {{2014: {i}.5, 2015: {i + 1}.5, 2016: {i + 2}.5}}"
        for i in range(count)
    )
    path = folder / "many-indicators.yaml"
    path.write_text(
        "meta:\n  organisation: Example Co\n  title: Example Report 2016\n  year: 2016\n  industry: telecom\n"
        "  languages: [en]\nindicators:\n" + rows + "\n",
        encoding="utf-8",
    )
    return path


BUILDERS: dict[str, Callable[..., Path]] = {
    "text-table": text_table,
    "markdown-emphasis": markdown_emphasis,
    "single-line": single_line,
    "many-lines": many_lines,
    "long-row-name": long_row_name,
    "text-with-pdf-marker": text_with_pdf_marker,
    "docx-vertical-merge": docx_vertical_merge,
    "docx-body-bomb": docx_body_bomb,
    "docx-styles-bomb": docx_styles_bomb,
    "docx-lying-sizes": docx_lying_sizes,
    "pdf-stream-bomb": pdf_stream_bomb,
    "docx-many-parts": docx_many_parts,
    "near-limit-lines": near_limit_lines,
    "near-limit-text": near_limit_text,
    "yaml-many-indicators": yaml_many_indicators,
}
