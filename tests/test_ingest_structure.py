"""What is not the report speaking of itself — a rating letter, an assurance statement, an index, a
table of contents — gives no value, event, process fact or feature; a rating is recorded as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import from_text
from csr_rating.ingest.pipeline import ingest, ingest_document
from csr_rating.ingest.structure import masked, parts
from tests.conftest import SEED
from tests.ingest_fixtures import cut_rating_letter

REPORT = """\
Harbour Water Group CSR Report 2022
Reporting period: 1 January 2022 to 31 December 2022.
Our water supply reached 1.2 million households in 2022.
In 2022 we recorded 2 work-related fatalities at a pumping station and retrained all crews.
"""
LETTER = """\
Rating Report of Harbour Water Group CSR Report 2022
I. Basis of Rating
The rating standard of the Committee.
II. Process of Rating
1. The rating team reviewed the materials.
III. Conclusion of Rating
Procedural Performance (★★★★★)
The Strategy Department set up a report preparation team, and the Chairman gave the final review.
Originality (★★★★)
The report includes a responsibility feature and stakeholder testimonials.
IV. Suggestions for Improvement
Disclose more negative information.
Leader of Rating Team
"""
FEEDBACK = "Reader Feedback Form\nDear readers, please tell us what you think.\n"
INDEX = """\
GRI Content Index
102-1 Name of the organization 5
102-8 Information on employees 41
305-1 Direct (Scope 1) GHG emissions 58
403-9 Work-related injuries 2 cases 44
E2.18 Greenhouse gas emissions 18
M2.8 R&D investment 8
"""


def test_a_rating_letter_is_found_by_its_markers_and_ends_before_the_feedback_form() -> None:
    doc = from_text(REPORT + LETTER + FEEDBACK, "d.txt")
    found = [p for p in parts(doc) if p.kind == "rating_letter"]
    assert len(found) == 1
    letter = found[0]
    texts = [line.text for line in doc.lines]
    assert texts.index("I. Basis of Rating") >= letter.first and texts.index("Leader of Rating Team") <= letter.last
    assert letter.last < texts.index("Reader Feedback Form")
    assert "fatalities" in " ".join(line.text for line in masked(doc, found).lines)  # the report's text stays


def test_one_mention_of_the_committee_in_the_report_is_no_letter() -> None:
    text = REPORT + "The Chinese Expert Committee on CSR Report Rating rated our last report five stars.\n"
    assert not [p for p in parts(from_text(text, "d.txt")) if p.kind == "rating_letter"]


def test_nothing_is_taken_from_a_rating_letter_but_the_rating_itself(criteria: CriteriaSet) -> None:
    with_letter = ingest_document(from_text(REPORT + LETTER + FEEDBACK, "a.txt"), criteria=criteria).report
    without = ingest_document(
        from_text(REPORT + "\n" * LETTER.count("\n") + FEEDBACK, "b.txt"), criteria=criteria
    ).report
    assert with_letter.process == without.process and with_letter.originality == without.originality
    assert with_letter.negative_disclosures == without.negative_disclosures
    assert [a.kind for a in with_letter.meta.assurance] == ["rating"] and not without.meta.assurance


def test_an_index_gives_no_figures_and_no_events(criteria: CriteriaSet) -> None:
    report = ingest_document(from_text(REPORT + INDEX, "d.txt"), criteria=criteria).report
    values = {i.id: i.values for i in report.indicators if i.id}
    assert all(v not in ({2022: 8}, {2022: 18}, {2022: 58}) for v in values.values()), values
    assert len(report.negative_disclosures) == 1  # the fatalities, not the index's "2 cases"


def test_a_table_of_contents_is_no_text_of_the_report() -> None:
    toc = "Contents\nChairman's statement ........ 3\nAbout us ........ 5\nEmployees ........ 12\nSafety ........ 20\n"
    found = parts(from_text(toc + REPORT, "d.txt"))
    assert [p.kind for p in found] == ["contents"]


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds not present")
def test_the_reference_text_reads_the_same_with_its_rating_letter_cut(tmp_path: Path, criteria: CriteriaSet) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_text(cut_rating_letter(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    whole, letterless = ingest(SEED, criteria=criteria).report, ingest(cut, criteria=criteria).report

    def facts(report):  # all but the rating record (the letter's or the report's own mention of it)
        data = report.model_dump(exclude={"meta": {"assurance"}})
        data["indicators"] = [i for i in data["indicators"] if i["id"] != "gen.report-assurance"]
        return data

    assert facts(whole) == facts(letterless)
    assert [a.kind for a in whole.meta.assurance] == ["rating"]
