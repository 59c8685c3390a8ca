"""Readers: every supported draft format becomes numbered lines, table cells separated by tabs, and
every bad input becomes one InputError line naming the file."""

from __future__ import annotations

import codecs
import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from csr_rating.errors import InputError
from csr_rating.ingest.readers import SCANNED, SUFFIXES, is_draft, read_document
from tests.ingest_fixtures import DocxTable, Heading, Row, make_docx, make_pdf, make_scanned_pdf

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

KPI_PAGE = [
    "Key figures of an invented company",
    Row(["Indicator", "2020", "2019", "2018"]),
    Row(["Total employees (person)", "42,785", "38,376", "35,001"]),
    Row(["Energy use (MWh)", "1,234.5", "998", "12"]),
    "A closing remark about the figures above.",
]


def texts(document) -> list[str]:
    return [line.text for line in document.lines]


def error_of(path: Path | str, **kwargs) -> str:
    """The message of the InputError reading ``path`` raises, checked to be one line naming the file."""
    with pytest.raises(InputError) as caught:
        read_document(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message  # one line
    assert message.startswith(("<stdin>" if str(path) == "-" else str(path)) + ": ")  # names the file
    return message


# --- plain text --------------------------------------------------------------------------------


def test_utf8_text_keeps_every_line_with_the_editors_numbers(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Title\n\nEmployees 42,785\r\nlast line", encoding="utf-8")
    document = read_document(path)
    assert document.kind == "text"
    assert texts(document) == ["Title", "", "Employees 42,785", "last line"]
    assert [line.number for line in document.lines] == [1, 2, 3, 4]
    assert document.lines[2].where == "line 3"
    assert document.path == str(path)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_text_with_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(bom + "员工总数 42,785\nsecond".encode(encoding))
    assert texts(read_document(path)) == ["员工总数 42,785", "second"]


def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("Employees 42,785\nsecond line\n".encode("utf-16-le"))
    assert texts(read_document(path)) == ["Employees 42,785", "second line"]


def test_chinese_text_saved_as_gb18030_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    text = "我们的公司在社会责任方面取得了进展。\n员工总数（人）\t42,785\n"
    path.write_bytes(text.encode("gb18030"))
    document = read_document(path)
    assert texts(document) == ["我们的公司在社会责任方面取得了进展。", "员工总数（人）\t42,785"]
    assert document.language == "zh"


def test_traditional_chinese_saved_as_big5_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("我們的公司在社會責任方面的工作有了進展。\n".encode("big5"))
    assert texts(read_document(path)) == ["我們的公司在社會責任方面的工作有了進展。"]


def test_western_text_in_windows_1252_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("The company’s naïve café report — 2020.\nSecond line.\n".encode("cp1252"))
    assert texts(read_document(path)) == ["The company’s naïve café report — 2020.", "Second line."]


def test_utf8_with_a_damaged_byte_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    good = "员工总数 42,785 — “quoted”\n".encode() * 20
    path.write_bytes(good + b"\xff" + b"more text\n")
    message = error_of(path)
    assert str(path) in message and f"byte offset {len(good)}" in message


def test_form_feeds_do_not_shift_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"page one\n\x0cpage two\n")
    assert texts(read_document(path)) == ["page one", " page two"]


def test_binary_junk_is_refused_with_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"plain start\x00\x01\x02\x03" + bytes(range(256)) * 4)
    message = error_of(path)
    assert str(path) in message
    assert "byte offset 11" in message


def test_undecodable_bytes_are_refused_naming_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"abc \xff\xfe\xfd\xff" * 200)
    message = error_of(path)
    assert str(path) in message and "byte offset 4" in message and "UTF-8" in message


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"  \n\n")
    assert "empty" in error_of(path)


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_pipe_tables_become_tab_separated_cells(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "# Key figures\n"
        "\n"
        "| Indicator | 2020 | 2019 |\n"
        "|---|---:|---:|\n"
        "| **Total employees** (person) | 42,785 | 38,376 |\n"
        "| Pipe \\| inside | 1 | 2 |\n"
        "\n"
        "- a bullet with [a link](http://example.org) and `code`\n"
        "1. a numbered item with *emphasis* and snake_case_name\n"
        "> quoted **bold** text\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.kind == "markdown"
    assert texts(document) == [
        "Key figures",
        "",
        "Indicator\t2020\t2019",
        "",
        "Total employees (person)\t42,785\t38,376",
        "Pipe | inside\t1\t2",
        "",
        "a bullet with a link and code",
        "a numbered item with emphasis and snake_case_name",
        "quoted bold text",
    ]
    assert document.lines[4].number == 5 and document.lines[4].cells == ["Total employees (person)", "42,785", "38,376"]


def test_markdown_tables_without_outer_pipes_and_code_blocks(tmp_path: Path) -> None:
    path = tmp_path / "draft.markdown"
    path.write_text("a | b\n--- | ---\n1 | 2\n```\n| kept | as is |\n```\ntext\n", encoding="utf-8")
    assert texts(read_document(path)) == ["a\tb", "", "1\t2", "", "| kept | as is |", "", "text"]


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_table_rows_come_out_as_tab_separated_cells_in_order(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "draft.pdf", [KPI_PAGE])
    document = read_document(path)
    assert document.kind == "pdf"
    assert texts(document) == [
        "Key figures of an invented company",
        "Indicator\t2020\t2019\t2018",
        "Total employees (person)\t42,785\t38,376\t35,001",
        "Energy use (MWh)\t1,234.5\t998\t12",
        "A closing remark about the figures above.",
    ]
    assert {line.page for line in document.lines} == {1}
    assert document.lines[2].where == "p. 1"


def test_pdf_rows_are_rebuilt_from_positions_not_drawing_order(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "draft.pdf", [KPI_PAGE], by_column=True)
    assert read_document(path).lines[2].cells == ["Total employees (person)", "42,785", "38,376", "35,001"]


def test_pdf_chinese_text_and_tables_round_trip(tmp_path: Path) -> None:
    page = [
        "公司坚持绿色发展，推进节能减排工作。",
        Row(["员工总数（人）", "42,785", "38,376"]),
        Row(["温室气体排放（万吨）", "1,234.5", "998"]),
    ]
    document = read_document(make_pdf(tmp_path / "draft.pdf", [page]))
    assert texts(document) == [
        "公司坚持绿色发展，推进节能减排工作。",
        "员工总数（人）\t42,785\t38,376",
        "温室气体排放（万吨）\t1,234.5\t998",
    ]
    assert document.language == "zh"


def test_pdf_lines_are_numbered_across_pages_and_carry_their_page(tmp_path: Path) -> None:
    pages = [["first page, line one", "first page, line two"], ["second page"], [Row(["Water (t)", "5", "6"])]]
    document = read_document(make_pdf(tmp_path / "draft.pdf", pages))
    assert [(line.number, line.page, line.text) for line in document.lines] == [
        (1, 1, "first page, line one"),
        (2, 1, "first page, line two"),
        (3, 2, "second page"),
        (4, 3, "Water (t)\t5\t6"),
    ]


def _columns_page(path: Path, lines: int, left: str = "left column sentence {n} goes on here") -> Any:
    """A reportlab canvas whose page opens with ``lines`` lines of two-column prose (the caller draws
    the rest and saves it)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    for n in range(lines):
        pdf.drawString(50, 700 - 14 * n, left.format(n=n))
        pdf.drawString(310, 700 - 14 * n, f"right column sentence {n} goes on there")
    return pdf


def test_pdf_two_column_prose_is_read_column_by_column(tmp_path: Path) -> None:
    path = tmp_path / "columns.pdf"
    _columns_page(path, 4).save()
    assert texts(read_document(path)) == [f"left column sentence {n} goes on here" for n in range(4)] + [
        f"right column sentence {n} goes on there" for n in range(4)
    ]


def test_pdf_table_after_two_column_prose_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    pdf = _columns_page(path, 3)
    for n, (label, first, second) in enumerate(
        [("Total employees (person)", "42,785", "38,376"), ("Water (t)", "5", "6")]
    ):
        pdf.drawString(50, 640 - 14 * n, label)
        pdf.drawRightString(380, 640 - 14 * n, first)
        pdf.drawRightString(460, 640 - 14 * n, second)
    pdf.save()
    assert texts(read_document(path))[-2:] == ["Total employees (person)\t42,785\t38,376", "Water (t)\t5\t6"]


def _two_columns_with_tables(path: Path) -> Path:
    """A two-column page in the style of a sustainability report's data pages: prose over a table in
    each column, the right column's first label wrapped over two lines around its figures."""
    pdf = _columns_page(path, 3, left="left column sentence {n} runs on up to the gutter")
    left = [("Operating revenue (billion yuan)", "452.1", "485.2"), ("Taxes paid (billion yuan)", "38.4", "39.0")]
    for n, (label, first, second) in enumerate(left):
        pdf.drawString(50, 640 - 14 * n, label)
        pdf.drawRightString(230, 640 - 14 * n, first)
        pdf.drawRightString(270, 640 - 14 * n, second)
    pdf.drawString(50, 612, "We abide by labour laws, and the salary level of our")  # prose beside figures
    pdf.drawString(310, 626, "Natural gas consumption")
    pdf.drawRightString(500, 612, "6.0")
    pdf.drawRightString(540, 612, "5.5")
    pdf.drawString(310, 598, "(million cubic metres)")
    for n, (label, first, second) in enumerate([("Coal consumption (10,000 t)", "4.4", "4.5")]):
        pdf.drawString(310, 640 - 14 * n, label)
        pdf.drawRightString(500, 640 - 14 * n, first)
        pdf.drawRightString(540, 640 - 14 * n, second)
    pdf.save()
    return path


def test_pdf_tables_side_by_side_in_two_columns_are_read_one_column_after_the_other(tmp_path: Path) -> None:
    lines = texts(read_document(_two_columns_with_tables(tmp_path / "data.pdf")))
    assert "Operating revenue (billion yuan)\t452.1\t485.2" in lines  # no right-column text glued on
    assert "Coal consumption (10,000 t)\t4.4\t4.5" in lines
    assert lines.index("Taxes paid (billion yuan)\t38.4\t39.0") < lines.index("Coal consumption (10,000 t)\t4.4\t4.5")
    assert "We abide by labour laws, and the salary level of our" in lines  # its neighbour's figures apart
    gas = lines.index("Natural gas consumption")
    assert lines[gas + 1 : gas + 3] == ["6.0\t5.5", "(million cubic metres)"]


def test_pdf_table_across_both_columns_keeps_its_cells(tmp_path: Path) -> None:
    """A stakeholder table's cells sit on both sides of the prose gutter; a row with text cells on the
    left and an activity with its page on the right is one row of one table."""
    path = tmp_path / "stakeholders.pdf"
    pdf = _columns_page(path, 3)
    pdf.drawString(50, 640, "Customers")
    pdf.drawString(130, 640, "Surveys")
    pdf.drawString(210, 640, "Service quality")
    pdf.drawString(310, 640, "Held a customer forum")
    pdf.drawString(480, 640, "15-32")
    pdf.save()
    assert texts(read_document(path))[-1] == "Customers\tSurveys\tService quality\tHeld a customer forum\t15-32"


def test_pdf_letter_spaced_text_reads_as_words(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "spaced.pdf"
    pdf = canvas.Canvas(str(path))
    text = pdf.beginText(50, 700)
    text.setFont("Helvetica", 10)
    text.setCharSpace(3)
    text.textLine("becoming more and more complex")
    pdf.drawText(text)
    pdf.save()
    assert texts(read_document(path)) == ["becoming more and more complex"]


def test_pdf_text_on_a_rotated_landscape_page_reads_upright(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "landscape.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(90)
    pdf.translate(A4[0], 0)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 10)
    for n, (label, value) in enumerate([("Landscape row one", "11"), ("Landscape row two", "22")]):
        pdf.drawString(50, 500 - 14 * n, label)
        pdf.drawRightString(400, 500 - 14 * n, value)
    pdf.save()
    assert texts(read_document(path)) == ["Landscape row one\t11", "Landscape row two\t22"]


def test_scanned_pdf_is_refused_with_the_ocr_hint(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "scan.pdf", pages=2)
    message = error_of(path)
    assert message == f"{path}: {SCANNED}"
    assert "ocrmypdf" in message


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [KPI_PAGE], password="pw")
    message = error_of(path)
    assert str(path) in message and "password" in message


@pytest.mark.parametrize("cut", [0.05, 0.5])
def test_corrupt_pdf_is_refused(tmp_path: Path, cut: float) -> None:
    good = make_pdf(tmp_path / "good.pdf", [KPI_PAGE]).read_bytes()
    path = tmp_path / "broken.pdf"
    path.write_bytes(good[: int(len(good) * cut)])
    assert str(path) in error_of(path)


def test_file_named_pdf_without_a_pdf_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_text("just some text", encoding="utf-8")
    assert "no %PDF header" in error_of(path)


def test_pdf_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(make_pdf(tmp_path / "real.pdf", [["only line of text in the file"]]).read_bytes())
    document = read_document(path)
    assert document.kind == "pdf" and texts(document) == ["only line of text in the file"]


# --- Word --------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_come_in_document_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "draft.docx",
        [
            Heading("Key figures"),
            "Our invented company grew.",
            DocxTable([["Indicator", "2020", "2019"], ["Total employees (person)", "42,785", "38,376"]]),
            "A paragraph after the table.",
        ],
        header="Running header",
        footer="Page footer",
    )
    document = read_document(path)
    assert document.kind == "docx"
    assert texts(document) == [
        "Key figures",
        "Our invented company grew.",
        "Indicator\t2020\t2019",
        "Total employees (person)\t42,785\t38,376",
        "A paragraph after the table.",
    ]
    assert document.lines[3].cells == ["Total employees (person)", "42,785", "38,376"]
    assert [line.number for line in document.lines] == [1, 2, 3, 4, 5]
    assert all(line.page is None for line in document.lines)


def test_docx_merged_cells_appear_once_and_cell_paragraphs_join(tmp_path: Path) -> None:
    table = DocxTable(
        [
            ["Environment", "Key figures", ""],
            ["", "Energy (MWh)", "1,234"],
            ["", "Water\nwithdrawn (t)", "56"],
        ],
        merges=[((0, 1), (0, 2)), ((0, 0), (2, 0))],
    )
    document = read_document(make_docx(tmp_path / "draft.docx", [table]))
    assert texts(document) == [
        "Environment\tKey figures",
        "Environment\tEnergy (MWh)\t1,234",
        "Environment\tWater withdrawn (t)\t56",
    ]


def test_docx_chinese_text(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", ["公司坚持绿色发展。", DocxTable([["员工总数（人）", "42,785"]])])
    document = read_document(path)
    assert texts(document) == ["公司坚持绿色发展。", "员工总数（人）\t42,785"]
    assert document.language == "zh"


def test_docx_reads_tracked_insertions_and_text_boxes_but_not_deletions(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    path = make_docx(tmp_path / "draft.docx", ["Employees grew to "])
    document = docx.Document(str(path))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = document.paragraphs[0]._p
    paragraph.append(parse_xml(f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>40,000</w:delText></w:r></w:del>'))
    paragraph.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>42,785</w:t></w:r></w:ins>'))
    box = f"<w:r {ns}><w:pict><w:txbxContent><w:p><w:r><w:t>Key figure in a box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>"
    paragraph.append(parse_xml(box))
    document.save(str(path))
    assert texts(read_document(path)) == ["Employees grew to 42,785", "Key figure in a box"]


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", ["text"]).read_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(good[: len(good) // 2])
    assert str(path) in error_of(path)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert "no word/document.xml" in error_of(path)


def test_file_named_docx_that_is_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_text("plain text", encoding="utf-8")
    assert "not a ZIP" in error_of(path)


# --- files and standard input ------------------------------------------------------------------


def test_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.pdf"
    assert error_of(path) == f"{path}: no such file"


def test_directory_is_refused(tmp_path: Path) -> None:
    assert error_of(tmp_path) == f"{tmp_path}: is a directory, expected a draft report (.txt, .md, .pdf or .docx)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "not a regular file" in error_of(path)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    message = error_of(path, max_bytes=1000)
    assert str(path) in message and "limit" in message


def test_stdin_is_read_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("第一行\nsecond\n".encode())))
    document = read_document("-")
    assert texts(document) == ["第一行", "second"]
    assert document.path == "<stdin>"


def test_pdf_on_stdin_is_recognised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    raw = make_pdf(tmp_path / "draft.pdf", [KPI_PAGE]).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert read_document("-").lines[2].cells == ["Total employees (person)", "42,785", "38,376", "35,001"]


def test_empty_stdin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert error_of("-").startswith("<stdin>: ")


def test_draft_suffixes_are_recognised() -> None:
    assert SUFFIXES == (".txt", ".md", ".markdown", ".pdf", ".docx")
    assert is_draft("report.PDF") and is_draft(Path("a/b.docx")) and is_draft("notes.md")
    assert not is_draft("report.yaml") and not is_draft("report")


# --- real report text (skipped without ../shared) ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("seeds/china-telecom-csr-report-2020.txt", "en"),
        ("corpus/sinopec-corp-2016-sdpr-zh.txt", "zh"),
        ("corpus/geely-auto-2021-esg-en.txt", "en"),
    ],
)
def test_real_report_texts_keep_their_line_count(name: str, language: str) -> None:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    document = read_document(path)
    raw = path.read_bytes()
    assert len(document.lines) == raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    assert document.language == language
