"""English wording real CSR/ESG reports use for catalog items, and the reading rules that let it link:
a practice named in the prose, a table row's name, a figure in a sentence. The lines are written for
these tests; each vocabulary case has a look-alike that must stay unlinked or link elsewhere."""

from __future__ import annotations

import pytest

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.document import from_text
from csr_rating.ingest.matching import SCOPED, SURE, Matcher
from csr_rating.ingest.narrative import PhraseIndex, figures, mentions


@pytest.fixture(scope="module")
def telecom(criteria: CriteriaSet) -> Catalog:
    return criteria.catalog_for("telecom")


@pytest.fixture(scope="module")
def phrases(telecom: Catalog) -> PhraseIndex:
    return PhraseIndex(telecom)


@pytest.fixture(scope="module")
def rows(telecom: Catalog) -> Matcher:
    return Matcher(telecom)


def named(index: PhraseIndex, *lines: str) -> dict[str, int]:
    """Catalog id -> line number of the first line naming it."""
    return {m.item.id: m.line.number for m in mentions(from_text("\n".join(lines), "draft.txt"), index)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Last year we stepped up personal information protection across all our apps.", "gen.privacy-policy"),
        ("We keep up communication with stakeholders through surveys and open days.", "gen.stakeholder-engagement"),
        ("Every new vendor passes a supplier evaluation covering labour and environment.", "gen.supplier-management"),
        ("The foundation directs its public welfare activities to schools and elderly care.", "gen.community-investment-policy"),
        ("Message from Chairman", "gen.leadership-statement"),
        ("HKEX ESG Reporting Guide - Content Index", "gen.indicator-index"),
        ("The Sustainability Committee of the board reviews climate risks twice a year.", "gen.csr-governance-structure"),
        ("Staff keep green office habits such as double-sided printing.", "gen.green-office"),
        ("The workers' congress approved the new pay scheme.", "gen.democratic-management"),
        ("We look after employee health with a yearly check-up for everyone.", "gen.occupational-health"),
        ("Farmers may choose preferential packages with free data for farming apps.", "tel.concessionary-tariffs"),
        ("A round-the-clock team removes harmful information that users report.", "tel.healthy-internet-measures"),
        ("Big-data models now guide network quality optimization in busy districts.", "tel.network-quality-improvement"),
        ("We run a green network, switching idle carriers off at night.", "tel.green-network-technologies"),
        ("Itemised bills bring consumption transparency to every subscriber.", "tel.tariff-transparency"),
        ("Each province revised its emergency plan for typhoons.", "tel.emergency-system"),
    ],
)
def test_a_practice_named_in_report_english_is_found(phrases: PhraseIndex, line: str, expected: str) -> None:
    assert expected in named(phrases, line)


@pytest.mark.parametrize(
    ("line", "not_expected"),
    [
        ("The new office block was painted green.", "gen.green-office"),
        ("Staff joined a green networking lunch with suppliers.", "tel.green-network-technologies"),
        ("We sent a message to the chairman of the village committee.", "gen.leadership-statement"),
        ("The index of the contents follows on page 90.", "gen.indicator-index"),
        ("Our welfare fund for the public sector retirees grew.", "gen.community-investment-policy"),
    ],
)
def test_a_look_alike_of_a_practice_is_not_taken_for_it(phrases: PhraseIndex, line: str, not_expected: str) -> None:
    assert not_expected not in named(phrases, line)


def test_the_longer_name_wins_an_ohs_management_system_is_not_occupational_health(phrases: PhraseIndex) -> None:
    found = named(phrases, "Every plant runs a certified occupational health and safety management system.")
    assert "gen.safety-management-system" in found and "gen.occupational-health" not in found


def test_a_name_broken_over_two_lines_is_found_on_the_line_it_starts(phrases: PhraseIndex) -> None:
    found = named(phrases, "Our profile.", "The group has set up a board of", "directors with four committees.")
    assert found.get("gen.corporate-governance-structure") == 2


def test_a_blank_line_between_two_halves_joins_nothing(phrases: PhraseIndex) -> None:
    assert "gen.corporate-governance-structure" not in named(phrases, "The club elected a board of", "", "directors.")


def test_a_chinese_name_broken_over_two_lines_is_found(phrases: PhraseIndex) -> None:
    assert "gen.risk-management" in named(phrases, "公司持续健全内部", "控制体系建设。")


def test_main_business_income_is_the_operators_service_revenue_other_income_is_not(rows: Matcher) -> None:
    main = rows.indicator("Main business income", "100 million yuan")
    other = rows.indicator("Other business income", "100 million yuan")
    assert main is not None and (main.id, main.score) == ("tel.service-revenue", 1.0)
    assert other is None or other.id != "tel.service-revenue"


def test_a_share_of_suppliers_evaluated_is_the_share_not_the_practice(rows: Matcher) -> None:
    match = rows.indicator("Supplier evaluation coverage", "%")
    assert match is not None and match.id == "gen.suppliers-assessed"


def test_a_trailing_scope_of_counted_areas_does_not_hide_the_indicator(rows: Matcher) -> None:
    name = "Broadband coverage rate in administrative villages in 21 northern provinces and autonomous regions"
    match = rows.indicator(name, "%")
    assert match is not None and match.id == "tel.village-fibre-coverage"
    assert match.score <= SCOPED < SURE  # linked with a review note: the scope is narrower than the catalog's


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("4G coverage rate in administrative villages in 31 provinces", "%", "tel.village-4g-coverage"),
        ("Number of rural channel outlets in 30,000 townships", None, None),
        ("Hours of voluntary service", "hours", "gen.volunteer-hours"),
    ],
)
def test_scoped_and_plain_row_names_link_to_their_own_indicator_or_none(
    rows: Matcher, name: str, unit: str | None, expected: str | None
) -> None:
    match = rows.indicator(name, unit)
    assert (match.id if match is not None else None) == expected


def test_volunteer_hours_stated_in_a_sentence_are_read_but_a_growth_rate_is_not(phrases: PhraseIndex) -> None:
    text = "In 2023 our staff gave 41,000 hours of volunteer service to local schools.\n"
    found = {f.item.id: f for f in figures(from_text(text, "draft.txt"), phrases, 2023, set())}
    assert (found["gen.volunteer-hours"].value, found["gen.volunteer-hours"].year) == (41000, 2023)
    rate = "In 2023 the hours of volunteering rose by 12% on the year before.\n"
    assert "gen.volunteer-hours" not in {f.item.id for f in figures(from_text(rate, "draft.txt"), phrases, 2023, set())}
