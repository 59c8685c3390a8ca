"""Recall and precision of the table reader against row-by-row annotations of three real reports.

The annotations (tests/annotations/, conventions in its README) were made by reading each table by
hand. A row counts as right when its name matches an annotated row (normalised; a breakdown row may
carry its section) and every year's value is equal. Recall is over the annotated rows; precision is
over the rows the reader returns inside the annotated tables and the regions annotated as "not a
table" (charts), so a chart read as a table counts against it. The texts live in ../shared and the
tests skip where it is absent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from csr_rating.catalog import normalise
from csr_rating.ingest.document import from_text
from csr_rating.ingest.tables import Row, extract_rows

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations"


@dataclass(frozen=True)
class Measured:
    recall: float
    precision: float
    annotated: int
    judged: int
    missed: list[str]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _names(row: dict[str, Any]) -> set[str]:
    name = normalise(row["name"])
    section = row.get("section")
    return {name, normalise(f"{section} – {row['name']}")} if section else {name}


def measure(annotation: dict[str, Any], rows: list[Row]) -> Measured:
    truth = [row for table in annotation["tables"] for row in table["rows"]]
    regions = [table["lines"] for table in annotation["tables"]] + [
        r["lines"] for r in annotation.get("not_tables", [])
    ]
    judged = [r for r in rows if any(lo <= r.line.number <= hi for lo, hi in regions)]
    unused = list(judged)
    right = 0
    missed: list[str] = []
    for expected in truth:
        names = _names(expected)
        found = next(
            (
                r
                for r in unused
                if normalise(r.name) in names
                and r.values.keys() == expected["values"].keys()
                and all(_same(r.values[y], v) for y, v in expected["values"].items())
            ),
            None,
        )
        if found is None:
            missed.append(f"{expected['line']}: {expected['name']}")
        else:
            unused.remove(found)
            right += 1
    return Measured(right / len(truth), right / max(1, len(judged)), len(truth), len(judged), missed)


def _load(annotation_file: str) -> tuple[dict[str, Any], list[Row]]:
    annotation = yaml.safe_load((ANNOTATIONS / annotation_file).read_text(encoding="utf-8"))
    text_file = SHARED / annotation["source"]
    if not text_file.is_file():
        pytest.skip(f"{text_file} not present")
    return annotation, extract_rows(from_text(text_file.read_text(encoding="utf-8"), str(text_file)))


def test_the_reference_kpi_table_is_recovered_row_by_row_with_every_value_right() -> None:
    annotation, rows = _load("china-telecom-2020-kpi.yaml")
    result = measure(annotation, rows)
    assert result.missed == []
    assert (result.recall, result.precision) == (1.0, 1.0)
    assert result.annotated == 64


def test_the_chinese_corpus_report_tables_are_recovered() -> None:
    annotation, rows = _load("sinopec-2016-kpi.yaml")
    result = measure(annotation, rows)
    print(f"sinopec: recall {result.recall:.3f} precision {result.precision:.3f} missed {result.missed}")
    assert result.recall == 1.0 and result.precision >= 0.97  # measured: 48/48, 0.98


def test_the_english_corpus_report_kpi_appendix_is_recovered() -> None:
    annotation, rows = _load("geely-2021-kpi.yaml")
    appendix = {**annotation, "tables": [t for t in annotation["tables"] if t.get("appendix", True)]}
    result = measure(appendix, rows)
    print(f"geely appendix: recall {result.recall:.3f} precision {result.precision:.3f} missed {result.missed}")
    assert result.recall >= 0.985 and result.precision >= 0.985  # measured: 207/209, 0.99
