"""Many reports at once (`csr-rating score DIR` or several files): one row per report, the dimensions
and the overall side by side, in table, markdown, html, csv or json.

Reports are scored one at a time and only their rows are kept, so memory stays flat however many
there are. A report that cannot be scored becomes a row with its error (and the command exits 2);
the others are still scored.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len

from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.i18n import Lang
from csr_rating.ingest.suffixes import is_draft
from csr_rating.render.paths import report_path
from csr_rating.scorecard import Range, Scorecard

REPORT_SUFFIXES = (".yaml", ".yml")
FORMATS = ("table", "markdown", "html", "csv", "json")


@dataclass(frozen=True)
class Row:
    """One report's result: stars (low–high where facts are unknown) per dimension and overall."""

    file: str
    organisation: str = ""
    year: int | None = None
    overall: str = ""
    score: str = ""
    stars: dict[str, str] = field(default_factory=dict)
    error: str | None = None


def reports_in(paths: Iterable[Path]) -> list[Path]:
    """The reports to score: files as given, and in a folder every report YAML and draft, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and (p.suffix.lower() in REPORT_SUFFIXES or is_draft(p)))
        else:
            found.append(path)
    return found


def _stars(found: Range | None, stars: float) -> str:
    if found is None or found.high_stars == found.low_stars:
        return f"{stars:g}"
    return f"{found.low_stars:g}–{found.high_stars:g}"


def _row(card: Scorecard, file: str) -> Row:
    o = card.overall
    score = f"{o.score:.1f}" if o.range is None or o.range.high == o.range.low else f"{o.range.low:.1f}–{o.range.high:.1f}"
    return Row(
        file=file,
        organisation=card.report.organisation,
        year=card.report.year,
        overall=_stars(o.range, o.stars),
        score=score,
        stars={d.id: _stars(d.range, d.stars) for d in card.dimensions},
    )


def row(path: Path, criteria: CriteriaSet) -> Row:
    """One report scored and reduced to its row (its error, when it cannot be scored)."""
    shown = report_path(str(path))
    try:
        return _row(rate(path, criteria), shown)
    except InputError as error:
        return Row(file=shown, error=str(error))


def rows(
    paths: Sequence[Path], criteria: CriteriaSet, step: Callable[[], None] | None = None, jobs: int = 1
) -> Iterator[Row]:
    """Each report scored and reduced to its row, in order (``step`` is called after each); with
    ``jobs`` above 1, that many worker processes score them (workers.py)."""
    if jobs > 1 and len(paths) > 1:
        from csr_rating.workers import scored_rows

        found: Iterable[Row] = scored_rows(paths, criteria, min(jobs, len(paths)), row)
    else:
        found = (row(path, criteria) for path in paths)
    for each in found:
        yield each
        if step is not None:
            step()


WORDS = {
    "en": {"file": "Report", "organisation": "Organisation", "year": "Year", "overall": "Overall", "score": "Score", "error": "Error"},
    "zh": {"file": "报告", "organisation": "组织", "year": "年份", "overall": "综合", "score": "得分", "error": "错误"},
}


def _header(dimensions: list[tuple[str, str]], lang: Lang) -> list[str]:
    w = WORDS[lang]
    return [w["file"], w["organisation"], w["year"], *[name for _, name in dimensions], w["overall"], w["score"]]


def _cells(row: Row, dimensions: list[tuple[str, str]], lang: Lang) -> list[str]:
    if row.error is not None:
        return [row.file, f"{WORDS[lang]['error']}: {row.error}", "", *["" for _ in dimensions], "", ""]
    year = "" if row.year is None else str(row.year)
    return [row.file, row.organisation, year, *[row.stars.get(i, "") for i, _ in dimensions], row.overall, row.score]


def render(found: list[Row], dimensions: list[tuple[str, str]], fmt: str, lang: Lang) -> str:
    """The rows in one format; ``dimensions`` are (id, name) in the standard's order."""
    header = _header(dimensions, lang)
    table = [_cells(row, dimensions, lang) for row in found]
    if fmt == "json":
        return json.dumps(
            [
                {"file": r.file, "organisation": r.organisation, "year": r.year, "stars": r.stars,
                 "overall": r.overall, "score": r.score, "error": r.error}
                for r in found
            ],
            ensure_ascii=False,
            indent=2,
        ) + "\n"  # fmt: skip
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(table)
        return buffer.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |" for cells in table]
        return "\n".join(lines) + "\n"
    if fmt == "html":
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        body = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>" for cells in table)
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>csr-rating</title>\n'
            "<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse}"
            "th,td{border:1px solid #d9dee4;padding:4px 8px;text-align:left}th{background:#f4f6f8}</style>\n"
            f"</head>\n<body>\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n"
        )
    widths = [max(cell_len(cells[i]) for cells in [header, *table]) for i in range(len(header))]

    def line(cells: list[str]) -> str:  # padded by display width: a Chinese character takes two columns
        return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(header), *(line(cells) for cells in table)]) + "\n"
