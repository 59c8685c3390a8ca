"""A draft scored on the fly cites its own lines (a text) or pages (a PDF): never lines of the YAML
that ingest wrote in memory and the author never saw."""

from __future__ import annotations

from pathlib import Path

from csr_rating.api import rate
from csr_rating.criteria import CriteriaSet
from csr_rating.render.markdown import render as markdown
from tests.ingest_fixtures import Row, make_pdf

LINES = [
    "Example Telecom Corporation Limited",
    "Example Telecom 2020 Sustainability Report",
    "",
    "Example Telecom Corporation Limited is a communications operator serving 30 million customers.",
    "",
    "Our network quality kept improving. The Chairman reviewed and approved this report.",
    "",
    "Key Performance Indicators",
    "Indicator\tUnit\t2018\t2019\t2020",
    "Call drop rate of mobile communication\t%\t0.12\t0.10\t0.09",
    "Packet loss on the backbone network\t%\t0.3\t0.2\t0.1",
    "Customer complaints\tcases\t1200\t1100\t900",
    "Employee turnover rate\t%\t3.1\t2.9\t2.5",
]


def _cited(card) -> list[int]:
    return [e.line for d in card.dimensions for c in d.criteria for e in c.evidence if e.line is not None]


def test_a_text_draft_cites_its_own_lines(tmp_path: Path, criteria: CriteriaSet) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    card = rate(draft, criteria)
    assert card.report.located_by == "line"
    cited = _cited(card)
    assert cited and all(1 <= line <= len(LINES) for line in cited)
    drop = next(e for d in card.dimensions for c in d.criteria for e in c.evidence if "call drop" in e.text.casefold())
    assert drop.line == 10  # the draft's row, not a line of the YAML


def test_a_pdf_draft_cites_its_pages(tmp_path: Path, criteria: CriteriaSet) -> None:
    first = [line for line in LINES[:7] if line]
    table = [LINES[7], *(Row(line.split("\t")) for line in LINES[8:])]
    draft = make_pdf(tmp_path / "draft.pdf", [first, table])
    card = rate(draft, criteria)
    assert card.report.located_by == "page"
    assert set(_cited(card)) <= {1, 2} and 2 in _cited(card)
    assert "(p. 2)" in markdown(card, "en") or "p. 2" in markdown(card, "en", explain=True)
