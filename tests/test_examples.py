"""The fictitious examples in reports/ land where their headers say, and are marked fictitious."""

from __future__ import annotations

import pytest

from csr_rating.api import rate
from tests.conftest import REPORTS

FIRST_DRAFT = REPORTS / "fictitious-first-draft.yaml"
MID_QUALITY = REPORTS / "fictitious-mid-quality.yaml"


@pytest.mark.parametrize(("path", "low", "high"), [(FIRST_DRAFT, 1, 2), (MID_QUALITY, 3, 3.5)])
def test_fictitious_examples_rate_in_their_band(criteria, path, low, high):
    card = rate(path, criteria)
    assert low <= card.overall.stars <= high
    assert "fictitious" in card.report.organisation.lower()
    assert card.suggestions, "a weak report must get suggestions"


def test_the_examples_are_ordered_by_quality(criteria):
    ranked = [rate(p, criteria).overall.score for p in (FIRST_DRAFT, MID_QUALITY, REPORTS / "china-telecom-2020.yaml")]
    assert ranked == sorted(ranked)


def test_a_first_draft_is_told_what_to_add_first(criteria):
    card = rate(FIRST_DRAFT, criteria)
    top = card.suggestions[0]
    assert top.gain >= card.suggestions[-1].gain
    # concrete: the suggestion names items, not only a dimension
    assert ";" in top.text.en or ":" in top.text.en
