"""Each check kind, by example: what earns points, what is named as missing."""

from __future__ import annotations

from typing import ClassVar

import pytest
from pydantic import ValidationError

from csr_rating import checks
from csr_rating.criteria import Criterion
from tests.builders import catalog, context, report

BANDS = [{"min": 0, "score": 0}, {"min": 1, "score": 0.5}, {"min": 3, "score": 1}]
NOUN = {"en": "things", "zh": "事项"}


def run(check: dict, rep):
    params = Criterion.model_validate(
        {
            "id": "t.x",
            "title": {"en": "t", "zh": "t"},
            "points": 10,
            "check": check,
            "suggestion": {"en": "{missing}", "zh": "{missing}"},
        }
    ).check
    return checks.evaluate(params, context(rep))


class TestPresence:
    check: ClassVar = {"kind": "presence", "field": "process.preparation_team", "label": {"en": "a team", "zh": "编写组"}}

    def test_absent_section_earns_nothing_and_is_named(self):
        outcome = run(self.check, report())
        assert outcome.fraction == 0 and [m.en for m in outcome.missing] == ["a team"]

    def test_present_section_earns_all(self):
        outcome = run(self.check, report(process={"preparation_team": {"lead_department": "Strategy"}}))
        assert outcome.fraction == 1 and outcome.found[0].loc == ("process", "preparation_team")

    def test_min_items(self):
        check = {"kind": "presence", "field": "readability.chapters", "min_items": 3, "label": {"en": "c", "zh": "c"}}
        assert run(check, report(readability={"chapters": ["a", "b"]})).fraction == 0
        assert run(check, report(readability={"chapters": ["a", "b", "c"]})).fraction == 1

    def test_a_false_flag_is_absent(self):
        check = {"kind": "presence", "field": "readability.feedback_form", "label": {"en": "f", "zh": "f"}}
        assert run(check, report(readability={"feedback_form": False})).fraction == 0


class TestCountBands:
    def test_counts_a_list_and_names_how_many_more(self):
        check = {"kind": "count_bands", "field": "originality.testimonials", "noun": NOUN, "bands": BANDS}
        outcome = run(check, report(originality={"testimonials": [{"who": "A"}]}))
        assert outcome.fraction == 0.5
        assert outcome.missing[0].en == "2 more things"

    def test_where_filters_entries(self):
        check = {"kind": "count_bands", "field": "topics", "where": {"depth": "detailed"}, "noun": NOUN, "bands": BANDS}
        topics = [{"name": "a", "depth": "detailed"}, {"name": "b"}, {"name": "c", "depth": "detailed"}]
        assert run(check, report(topics=topics)).fraction == 0.5

    def test_sum_adds_an_attribute(self):
        check = {"kind": "count_bands", "field": "topics", "sum": "cases", "noun": NOUN, "bands": BANDS}
        assert run(check, report(topics=[{"name": "a", "cases": 2}, {"name": "b", "cases": 1}])).fraction == 1

    def test_a_count_field(self):
        check = {"kind": "count_bands", "field": "readability.cases", "noun": NOUN, "bands": BANDS}
        assert run(check, report(readability={"cases": 4})).fraction == 1

    def test_bands_must_be_monotone(self):
        bad = [{"min": 0, "score": 0.5}, {"min": 2, "score": 0.2}]
        with pytest.raises(ValidationError, match="must not decrease"):
            run({"kind": "count_bands", "field": "readability.cases", "noun": NOUN, "bands": bad}, report())

    def test_unknown_field_path_is_a_criteria_error(self):
        with pytest.raises(ValidationError, match="not a report field"):
            run({"kind": "count_bands", "field": "readability.casez", "noun": NOUN, "bands": BANDS}, report())


class TestCoverage:
    check: ClassVar = {
        "kind": "coverage",
        "fields": ["process.materiality.methods"],
        "expected": [
            {"value": "stakeholder_survey", "label": {"en": "survey", "zh": "调查"}},
            {"value": "standards", "label": {"en": "standards", "zh": "标准"}},
        ],
    }

    def test_share_of_options_and_the_missing_ones_by_name(self):
        outcome = run(self.check, report(process={"materiality": {"methods": ["standards"]}}))
        assert outcome.fraction == 0.5
        assert [m.en for m in outcome.missing] == ["survey"]
        assert outcome.per_item == 0.5


class TestCatalogShare:
    check: ClassVar = {"kind": "catalog_share", "catalog": "industry"}

    def test_matches_by_id_name_or_alias_and_ignores_extended(self):
        rep = report(
            indicators=[
                {"id": "demo.energy", "name": "Whatever", "values": {2020: 1}},
                {"name": "WORK INJURIES (persons)", "values": {2020: 0}},
                {"name": "Extra metric", "values": {2020: 5}},
            ]
        )
        outcome = run(self.check, rep)
        assert outcome.fraction == pytest.approx(2 / 4)
        assert [m.en for m in outcome.missing] == ["Complaints", "Safety policy"]

    def test_a_quantitative_indicator_needs_values(self):
        rep = report(indicators=[{"name": "Power use", "narrative": "we saved a lot"}])
        assert run(self.check, rep).fraction == 0

    def test_a_qualitative_indicator_counts_with_a_narrative(self):
        rep = report(indicators=[{"name": "安全制度", "narrative": "Rules exist and are audited."}])
        assert run(self.check, rep).fraction == pytest.approx(1 / 4)


class TestMultiYear:
    def test_counts_consecutive_years_ending_in_the_reporting_year(self):
        check = {"kind": "multi_year", "min_years": 3, "measure": "count", "bands": BANDS}
        rep = report(
            indicators=[
                {"name": "a", "values": {2018: 1, 2019: 1, 2020: 1}},
                {"name": "b", "values": {2017: 1, 2018: 1, 2019: 1}},  # stale: not up to 2020
                {"name": "c", "values": {2018: 1, 2020: 1}},  # a gap
            ]
        )
        outcome = run(check, rep)
        assert outcome.fraction == 0.5
        assert [m.en.split(" (")[0] for m in outcome.missing] == ["b", "c"]

    def test_catalog_share_has_a_fixed_denominator(self):
        check = {"kind": "multi_year", "min_years": 2, "measure": "catalog_share"}
        rep = report(
            indicators=[
                {"id": "demo.energy", "name": "e", "values": {2019: 1, 2020: 2}},
                {"name": "unrelated", "values": {2020: 1}},
            ]
        )
        # three quantitative core indicators in the demo catalog; one has two years
        assert run(check, rep).fraction == pytest.approx(1 / 3)

    def test_years_a_chart_shows_count_like_written_values(self):
        check = {"kind": "multi_year", "min_years": 3, "measure": "count", "bands": BANDS}
        rep = report(
            indicators=[
                {"name": "a", "chart_years": [2018, 2019, 2020]},  # drawn, figures not written out
                {"name": "b", "values": {2020: 5}, "chart_years": [2018, 2019]},  # one written, two drawn
                {"name": "c", "chart_years": [2017, 2018, 2019]},  # stale
            ]
        )
        outcome = run(check, rep)
        assert outcome.fraction == 0.5
        assert [m.en.split(" (")[0] for m in outcome.missing] == ["c"]

    def test_negative_scope(self):
        check = {"kind": "multi_year", "min_years": 2, "measure": "count", "scope": "negative", "bands": BANDS}
        rep = report(
            indicators=[
                {"name": "Complaints", "values": {2019: 3, 2020: 2}},
                {"name": "Energy use", "values": {2019: 3, 2020: 2}},
            ]
        )
        assert run(check, rep).fraction == 0.5


class TestBenchmark:
    def test_counts_indicators_with_horizontal_comparison(self):
        check = {"kind": "benchmark", "bands": BANDS}
        rep = report(
            indicators=[
                {"name": "a", "values": {2020: 1}, "benchmark": [{"kind": "industry", "description": "avg 2"}]},
                {"name": "b", "values": {2020: 1}, "benchmark": [{"kind": "target", "description": "goal 3"}]},
            ]
        )
        assert run(check, rep).fraction == 0.5


class TestNegativeDisclosure:
    def test_indicators_negative_by_catalog_or_by_flag(self):
        check = {"kind": "negative_disclosure", "measure": "indicators", "bands": BANDS}
        rep = report(
            indicators=[
                {"name": "Complaints", "values": {2020: 12}},
                {"name": "Spills", "values": {2020: 1}, "negative": True},
                {"name": "Work injuries", "values": {2020: 0}, "negative": False},  # the author overrides
            ]
        )
        outcome = run(check, rep)
        assert outcome.fraction == 0.5
        assert [m.en for m in outcome.missing] == ["Work injuries"]

    def test_events_and_explanations(self):
        events = [{"title": "Fine", "kind": "penalty", "explanation": "late filing"}, {"title": "Outage"}]
        assert (
            run(
                {"kind": "negative_disclosure", "measure": "events", "bands": BANDS},
                report(negative_disclosures=events),
            ).fraction
            == 0.5
        )
        explained = run(
            {"kind": "negative_disclosure", "measure": "explained", "bands": BANDS}, report(negative_disclosures=events)
        )
        assert explained.fraction == 0.5
        assert "Outage" in explained.missing[0].en


class TestTopicCoverage:
    def test_depth_is_credited_and_gaps_named(self):
        check = {"kind": "topic_coverage", "mentioned_credit": 0.5}
        rep = report(topics=[{"name": "Workplace safety", "depth": "detailed"}, {"id": "climate", "name": "x"}])
        outcome = run(check, rep)
        assert outcome.fraction == pytest.approx((1 + 0.5) / 3)
        assert [m.en for m in outcome.missing] == ["Community", "data or cases on: Climate"]

    def test_the_deepest_mention_of_a_topic_counts(self):
        check = {"kind": "topic_coverage"}
        rep = report(topics=[{"id": "safety", "name": "a"}, {"id": "safety", "name": "b", "depth": "detailed"}])
        assert run(check, rep).fraction == pytest.approx(1 / 3)


def test_every_kind_is_documented_with_an_example():
    for name in checks.KINDS:
        doc = checks.documentation(name)
        assert doc.startswith(f"{name} — ") and "```yaml" in doc and f"kind: {name}" in doc


class TestCriteriaThatCouldNeverWork:
    """A criteria pack with a parameter that cannot work fails to load, instead of scoring wrong."""

    @pytest.mark.parametrize(
        ("check", "message"),
        [
            ({"kind": "count_bands", "field": "readability.theme", "noun": NOUN, "bands": BANDS}, "neither a list"),
            (
                {
                    "kind": "count_bands",
                    "field": "originality.testimonials",
                    "sum": "who",
                    "noun": NOUN,
                    "bands": BANDS,
                },
                "whole-number",
            ),
            (
                {
                    "kind": "coverage",
                    "fields": ["process.materiality.methods"],
                    "expected": [{"value": "stakeholder_surveys", "label": {"en": "x", "zh": "x"}}],
                },
                "can never appear",
            ),
            (
                {"kind": "presence", "field": "readability.theme", "min_items": 2, "label": {"en": "x", "zh": "x"}},
                "list fields only",
            ),
        ],
    )
    def test_refused(self, check, message):
        with pytest.raises(ValidationError, match=message):
            run(check, report())


def test_language_subtags_count_as_their_language():
    check: ClassVar = {
        "kind": "coverage",
        "fields": ["meta.languages"],
        "expected": [{"value": "zh", "label": {"en": "Chinese", "zh": "中文"}}],
    }
    assert run(check, report(meta={"languages": ["zh-CN", "en-US"]})).fraction == 1


def test_placeholders_are_not_data():
    rep = report(indicators=[{"name": "Energy use", "values": {2019: "n/a", 2020: "——", 2021: None}, "narrative": "x"}])
    assert rep.indicators[0].values == {}
    assert run({"kind": "catalog_share"}, rep).fraction == 0


def test_a_catalog_name_claimed_by_two_indicators_is_refused():
    from csr_rating.catalog import Catalog

    data = catalog().model_dump()
    data["indicators"][0]["aliases"] = ["complaints"]
    with pytest.raises(ValidationError, match="belongs to both"):
        Catalog.model_validate(data)


def test_an_explicit_id_is_not_overridden_by_a_name_match():
    rep = report(indicators=[{"id": "gen.anything", "name": "Energy use", "values": {2020: 1}}])
    assert run({"kind": "catalog_share"}, rep).fraction == 0
