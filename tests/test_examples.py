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


def test_a_suggestion_that_names_the_next_step_promises_what_that_step_earns(criteria, tmp_path):
    """"N more topics in detail" gains what those N earn; the whole criterion is "up to" more."""
    import re

    path = REPORTS / "fictitious-mid-quality.yaml"
    card = rate(path, criteria)
    s = next(s for s in card.suggestions if s.criterion == "substance.detailed-topics")
    assert s.up_to is not None and s.up_to > s.gain
    more = int(re.search(r"(\d+) more", s.text.en).group(1))
    text = path.read_text(encoding="utf-8")
    for _ in range(more):  # take exactly the named step: that many more topics in detail
        text = text.replace("depth: mentioned", "depth: detailed", 1)
    stepped = tmp_path / "stepped.yaml"
    stepped.write_text(text, encoding="utf-8")
    after = rate(stepped, criteria)

    def earned(scorecard):  # the criterion's own points, in overall points (the step also helps key-topics)
        dimension = next(d for d in scorecard.dimensions if d.id == "substance")
        criterion = next(c for c in dimension.criteria if c.id == s.criterion)
        return criterion.earned / sum(c.points for c in dimension.criteria) * dimension.weight

    assert abs((earned(after) - earned(card)) - s.gain) < 1e-9
    assert earned(after) - earned(card) < s.up_to
