"""`csr-rating review`: every `# review:` note of an ingested draft, beside the draft line it came from.

The draft here is written for the test; ingest drafts it into YAML next to it, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csr_rating.ingest.document import Document, Line, from_text
from csr_rating.ingest.pipeline import ingest, ingest_document
from csr_rating.review import count_reviews, review, review_items, source_line
from tests.conftest import SHARED

DRAFT = """\
Lakeside Grain Cooperative Sustainability Report 2022

About this Report
Reporting period: 1 January 2022 to 31 December 2022.
This report follows the GRI Standards.
Contact: Report Office, report@lakeside-grain.example

Key performance indicators 2020 2021 2022
Total number of employees (persons) 410 425 433
Employee turnover rate (%) 7.2 6.8 6.1
Total energy consumption (MWh) 9,800 9,650 9,400
Charitable donations (RMB 10,000) 35 38 41
"""
DRAFT_LINES = DRAFT.splitlines()


@pytest.fixture
def folder(tmp_path: Path, criteria) -> Path:
    """draft.txt and the draft.yaml ingest made of it, side by side."""
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    drafted = ingest_document(from_text(DRAFT, "draft.txt"), criteria=criteria)
    (tmp_path / "draft.yaml").write_text(drafted.yaml, encoding="utf-8")
    return tmp_path


def _yaml(folder: Path) -> str:
    return (folder / "draft.yaml").read_text(encoding="utf-8")


def test_every_note_is_found_with_its_line_item_and_provenance(folder: Path) -> None:
    text = _yaml(folder)
    lines = text.splitlines()
    items = review_items(text)
    assert len(items) == count_reviews(text) > 0
    assert [item.yaml_line for item in items] == sorted(item.yaml_line for item in items)
    for item in items:
        assert lines[item.yaml_line - 1].strip() == f"# review: {item.review}"
        if item.where is not None:
            assert item.where.startswith("line ")
    period = next(item for item in items if "'reporting period'" in item.review)
    assert period.path is not None and period.path.startswith("indicators[")
    assert period.where == "line 4"
    organisation = next(item for item in items if item.path == "meta.organisation")
    assert organisation.where is None  # taken from the title: ingest gives it no line


def test_review_shows_each_note_with_the_draft_line(folder: Path, cli_in_process) -> None:
    run = cli_in_process("review", str(folder / "draft.yaml"))
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    blocks = run.stdout.strip().split("\n\n")
    assert len(blocks) == count_reviews(_yaml(folder))
    shown = 0
    for block in blocks:
        head, *rest = block.splitlines()
        assert head.startswith(f"{folder / 'draft.yaml'}:") and "# review" not in head
        for line in rest:  # "  draft.txt line N: <the draft's line N>"
            where, _, source = line.strip().removeprefix("draft.txt line ").partition(": ")
            assert source == DRAFT_LINES[int(where) - 1].strip()
            shown += 1
    assert shown >= 2
    assert "  draft.txt line 4: Reporting period: 1 January 2022 to 31 December 2022." in run.stdout


def test_json_is_a_list_of_notes_and_deterministic(folder: Path, cli_in_process) -> None:
    run = cli_in_process("review", str(folder / "draft.yaml"), "--format", "json")
    assert run.code == 0, run.stderr
    notes = json.loads(run.stdout)
    assert len(notes) == count_reviews(_yaml(folder))
    for note in notes:
        assert set(note) == {"yaml_line", "path", "review", "where", "source"}
        if note["where"]:
            assert note["source"] == DRAFT_LINES[int(note["where"].split()[1]) - 1].strip()
    assert cli_in_process("review", str(folder / "draft.yaml"), "--format", "json").stdout == run.stdout


def test_a_missing_draft_still_lists_the_notes_and_says_once_how_to_pass_it(folder: Path, cli_in_process) -> None:
    (folder / "draft.txt").rename(folder / "elsewhere.txt")
    run = cli_in_process("review", str(folder / "draft.yaml"))
    assert run.code == 0
    assert run.stdout.count(": ") >= count_reviews(_yaml(folder))  # every note, no source text
    assert "  draft.txt line 4\n" in run.stdout and "Reporting period" not in run.stdout
    assert run.stderr.count("\n") == 1 and "--draft" in run.stderr and "draft.txt" in run.stderr

    given = cli_in_process("review", str(folder / "draft.yaml"), "--draft", str(folder / "elsewhere.txt"))
    assert given.code == 0 and given.stderr == ""
    assert "  elsewhere.txt line 4: Reporting period" in given.stdout


@pytest.mark.parametrize(
    ("name", "content", "extra", "expected"),
    [
        ("absent.yaml", None, (), "no such file"),
        ("broken.yaml", "meta: [unclosed\n", (), "invalid YAML"),
        ("prose.yaml", "just a sentence, not a report\n", (), "expected a report YAML"),
        ("draft.txt", DRAFT, (), "is a draft"),
        ("draft.yaml", None, ("--draft", "absent.txt"), "absent.txt: no such file"),
        ("draft.yaml", None, ("--draft", "damaged.pdf"), "damaged.pdf"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_exit_2(folder: Path, cli_in_process, name, content, extra, expected) -> None:
    if content is not None:
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    run = cli_in_process("review", str(folder / name), *(str(folder / a) if a.endswith((".txt", ".pdf")) else a for a in extra))
    assert run.code == 2, run.stdout
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert expected in run.stderr


def test_output_file_is_written_once_and_replaced_only_with_force(folder: Path, cli_in_process) -> None:
    out = folder / "notes.json"
    assert cli_in_process("review", str(folder / "draft.yaml"), "-f", "json", "-o", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))
    again = cli_in_process("review", str(folder / "draft.yaml"), "-o", str(out))
    assert again.code == 2 and "--force" in again.stderr
    assert cli_in_process("review", str(folder / "draft.yaml"), "-o", str(out), "--force").code == 0


def test_score_says_how_many_notes_are_left_on_stderr_only(folder: Path, cli_in_process) -> None:
    left = count_reviews(_yaml(folder))
    run = cli_in_process("score", str(folder / "draft.yaml"), "--format", "json")
    assert run.code == 0
    json.loads(run.stdout)  # stdout stays the machine contract
    message = f'{left} items marked "# review:" are left; list them with: csr-rating review '
    assert message in run.stderr and str(folder / "draft.yaml") in run.stderr

    on_the_fly = cli_in_process("score", str(folder / "draft.txt"), "--format", "json")
    assert on_the_fly.code == 0 and "# review:" not in on_the_fly.stderr


def test_a_pdf_page_shows_the_line_that_names_the_item_else_the_start_of_the_page() -> None:
    page = [("Annual highlights", 3), ("Water recycled\t82%", 3), ("Total water withdrawal\t3,050", 3)]
    draft = Document("d.pdf", "pdf", tuple(Line(text, n, p) for n, (text, p) in enumerate(page, 1)))
    assert source_line(draft, "p. 3", "Total water withdrawal") == "Total water withdrawal | 3,050"
    assert (
        source_line(draft, "p. 3", "not on the page")
        == "Annual highlights Water recycled | 82% Total water withdrawal | 3,050"
    )
    assert source_line(draft, "p. 4") is None
    assert source_line(draft, "line 2") == "Water recycled | 82%"


def test_a_docx_draft_is_read_for_its_lines(tmp_path: Path) -> None:
    from tests.ingest_fixtures import make_docx

    path = make_docx(tmp_path / "d.docx", ["First paragraph.", "Second paragraph."])
    assert source_line(path, "line 2") == "Second paragraph."


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared (the real corpus)")
def test_every_note_on_the_rated_cnbm_text_gets_its_source_line(tmp_path: Path, criteria) -> None:
    source = SHARED / "corpus" / "rated" / "cnbm-2016-sr-zh.txt"
    if not source.is_file():
        pytest.skip("cnbm-2016-sr-zh.txt is not in ../shared")
    drafted = ingest(source, criteria=criteria)
    (tmp_path / "cnbm.yaml").write_text(drafted.yaml, encoding="utf-8")
    result = review(tmp_path / "cnbm.yaml", source)
    placed = [item for item in result.items if item.where]
    assert len(result.items) > 100 and len(placed) >= 0.95 * len(result.items)
    assert all(item.source for item in placed), [item for item in placed if not item.source][:3]
