"""The reference case: the bundled China Telecom 2020 example gets exactly the Committee's stars,
and editing it in the obvious ways moves the obvious dimension."""

from __future__ import annotations

import json

import pytest
import yaml

from csr_rating.api import rate
from tests.conftest import REFERENCE

PUBLISHED = {
    "procedure": 5,
    "substance": 5,
    "completeness": 4.5,
    "balance": 4.5,
    "comparability": 5,
    "readability": 5,
    "originality": 4,
}


@pytest.fixture(scope="module")
def reference(criteria):
    return rate(REFERENCE, criteria)


def stars(card) -> dict[str, float]:
    return {d.id: d.stars for d in card.dimensions}


def scores(card) -> dict[str, float]:
    return {d.id: d.score for d in card.dimensions}


def test_reproduces_the_published_stars(reference):
    assert stars(reference) == PUBLISHED
    assert reference.overall.stars == 5
    assert not reference.overall.exemplary  # 五星佳 needs five stars in every dimension


def test_the_cli_json_gives_the_published_stars(cli):
    run = cli("score", str(REFERENCE), "--format", "json")
    assert run.code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["schema_version"] == 2
    assert {d["id"]: d["stars"] for d in doc["dimensions"]} == PUBLISHED
    assert doc["overall"]["stars"] == 5


def test_completeness_is_the_first_suggestion_as_the_committee_said(reference):
    # The rating's one improvement suggestion: disclose more core industry indicators.
    top = reference.suggestions[0]
    assert top.dimension == "completeness"


def edited(tmp_path, criteria, change):
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return rate(path, criteria)


def _drop_negative(data):
    catalogs_negative = {
        "call drop",
        "packet loss",
        "complaint",
        "injur",
        "death",
        "turnover",
        "emission",
        "fatalit",
        "accident",
        "waste",
        "greenhouse",
    }
    data["indicators"] = [
        i
        for i in data["indicators"]
        if not i.get("negative") and not any(word in i["name"].lower() for word in catalogs_negative)
    ]
    data["negative_disclosures"] = []


def _one_year(data):
    for indicator in data["indicators"]:
        if indicator.get("values"):
            last = max(indicator["values"])
            indicator["values"] = {last: indicator["values"][last]}
        indicator.pop("benchmark", None)


def _empty_process(data):
    data["process"] = {}


def _half_indicators(data):
    data["indicators"] = data["indicators"][::2]


@pytest.mark.parametrize(
    ("change", "dimension"),
    [
        (_drop_negative, "balance"),
        (_one_year, "comparability"),
        (_empty_process, "procedure"),
        (_half_indicators, "completeness"),
    ],
)
def test_obvious_edits_lower_the_obvious_dimension(tmp_path, criteria, reference, change, dimension):
    card = edited(tmp_path, criteria, change)
    assert scores(card)[dimension] < scores(reference)[dimension]
    assert stars(card)[dimension] < stars(reference)[dimension]
    assert card.overall.score < reference.overall.score


def test_every_suggestion_names_something_concrete(reference):
    for suggestion in reference.suggestions:
        assert "{" not in suggestion.text.en and "{" not in suggestion.text.zh
        assert suggestion.text.en.strip() and suggestion.gain > 0


def test_next_star_plan_reaches_the_next_band(reference):
    completeness = next(d for d in reference.dimensions if d.id == "completeness")
    plan = completeness.next_star
    assert plan is not None and plan.stars == 5 and plan.reachable
    assert sum(step.gain for step in plan.steps) >= plan.points_needed - 1e-9
