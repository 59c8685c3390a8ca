"""Linking printed indicator names to the industry catalog."""

from __future__ import annotations

import pytest

from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.matching import ACCEPT, Matcher, words


@pytest.fixture(scope="module")
def telecom(criteria: CriteriaSet) -> Matcher:
    return Matcher(criteria.catalog_for("telecom"))


def test_the_catalog_name_itself_matches_with_full_confidence(telecom: Matcher) -> None:
    match = telecom.indicator("Employee turnover rate", "%")
    assert match is not None and (match.id, match.score) == ("gen.employee-turnover-rate", 1.0)


@pytest.mark.parametrize(
    ("printed", "unit", "expected"),
    [
        ("Number of wired broadband users", "million", "tel.fixed-broadband-subscribers"),  # synonyms
        ("Work-related injuries and deaths", "person", "gen.work-related-fatalities"),  # plural, synonym
        ("Total volume of charitable donations", "RMB 10,000", "gen.charitable-donations"),
        ("员工流失率", "%", "gen.employee-turnover-rate"),  # Chinese name
    ],
)
def test_differently_worded_names_find_their_indicator(
    telecom: Matcher, printed: str, unit: str, expected: str
) -> None:
    match = telecom.indicator(printed, unit)
    assert match is not None and match.id == expected and ACCEPT <= match.score <= 1


@pytest.mark.parametrize("printed", ["Number of rural channel outlets", "Online trading volume", "Funding for care"])
def test_names_the_catalog_does_not_know_stay_unlinked(telecom: Matcher, printed: str) -> None:
    assert telecom.indicator(printed, None) is None


def test_a_share_printed_against_a_count_scores_lower(telecom: Matcher) -> None:
    as_share = telecom.indicator("Employee turnover rate", "%")
    as_count = telecom.indicator("Employee turnover rate", "persons")
    assert as_share is not None and (as_count is None or as_count.score < as_share.score)


def test_content_words_drop_stop_words_and_fold_synonyms(telecom: Matcher) -> None:
    synonyms = telecom.catalog.lexicon.synonyms  # the catalog lexicon's: data, not code
    assert words("Number of the users", synonyms) == words("subscribers", synonyms) == ["customer"]
    assert words("subscribers") == ["subscriber"]  # no lexicon, no folding
    assert words("女性员工") == ["女性", "性员", "员工"]
