"""Properties that must hold for every report: bounds, monotonicity, determinism."""

from __future__ import annotations

import itertools
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from csr_rating.engine import score
from csr_rating.render import FORMATS
from csr_rating.report import Report
from tests.strategies import CRITERIA, addition, report, shuffled

SETTINGS = settings(max_examples=120, deadline=None)


def card(data):
    return score(Report.model_validate(data), CRITERIA)


@SETTINGS
@given(report())
def test_every_score_is_within_0_and_100(data):
    result = card(data)
    assert 0 <= result.overall.score <= 100
    stars = {b.stars for b in CRITERIA.standard.stars}
    assert result.overall.stars in stars
    for dimension in result.dimensions:
        assert 0 <= dimension.score <= 100
        assert dimension.stars in stars
        for criterion in dimension.criteria:
            assert 0 <= criterion.earned <= criterion.points + 1e-9
    assert all(s.gain > 0 for s in result.suggestions)
    gains = [s.gain for s in result.suggestions]
    assert all(a >= b - 1e-6 for a, b in itertools.pairwise(gains))


@SETTINGS
@given(st.data())
def test_adding_a_disclosure_never_lowers_any_dimension(data):
    before = data.draw(report())
    after = data.draw(addition(before))
    old, new = card(before), card(after)
    for a, b in zip(old.dimensions, new.dimensions, strict=True):
        assert b.score >= a.score, (a.id, a.score, b.score)
    assert new.overall.score >= old.overall.score


@given(st.floats(0, 100), st.floats(0, 100))
def test_star_mapping_is_monotone(a, b):
    low, high = sorted((a, b))
    assert CRITERIA.standard.stars_for(low) <= CRITERIA.standard.stars_for(high)


@settings(max_examples=40, deadline=None)
@given(report(), st.integers(0, 2**32 - 1))
def test_output_is_deterministic_and_ignores_key_order(data, seed):
    first = card(data)
    again = card(shuffled(data, random.Random(seed)))
    for fmt, render in FORMATS.items():
        assert render(first, "en", True, 10) == render(again, "en", True, 10), fmt
    json.loads(FORMATS["json"](first, "zh", False, 5))


def test_a_score_on_a_band_edge_is_not_lost_to_binary_floats():
    """29.95 of 100 points is 29.949999... in binary floats; it must show as 30.0 and get two stars."""
    from csr_rating.criteria import CriteriaSet, Criterion, Dimension

    def criterion(cid: str, points: float, field: str) -> Criterion:
        return Criterion.model_validate(
            {
                "id": f"t.{cid}",
                "title": {"en": cid, "zh": cid},
                "points": points,
                "check": {"kind": "presence", "field": field, "label": {"en": cid, "zh": cid}},
                "suggestion": {"en": "x", "zh": "x"},
            }
        )

    dims = [
        Dimension(
            spec=d.spec,
            criteria=[
                criterion(f"{d.spec.id}-a", 29.95, "meta.title"),
                criterion(f"{d.spec.id}-b", 70.05, "process.preparation_team"),
            ],
        )
        for d in CRITERIA.dimensions
    ]
    edge = CriteriaSet(standard=CRITERIA.standard, dimensions=dims, catalogs=CRITERIA.catalogs)
    result = score(Report.model_validate({"meta": {"organisation": "A", "title": "B", "year": 2020}}), edge)
    assert {(d.score, d.stars) for d in result.dimensions} == {(30.0, 2)}
