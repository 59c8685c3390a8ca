"""Waivers: a criterion or core indicator that does not apply leaves the denominator, with a reason."""

from __future__ import annotations

import json

from csr_rating.api import rate
from tests.conftest import REFERENCE

BASE = "meta: {organisation: A (fictitious), title: B, year: 2020, industry: telecom}\n"


def write(tmp_path, text):
    path = tmp_path / "r.yaml"
    path.write_text(BASE + text, encoding="utf-8")
    return path


def test_a_waived_criterion_leaves_the_dimension_denominator(tmp_path, criteria):
    plain = rate(write(tmp_path, "originality: {special_features: [{title: F}]}\n"), criteria)
    waived = rate(
        write(
            tmp_path,
            "originality: {special_features: [{title: F}]}\n"
            "waivers: [{criterion: originality.new-media, reason: Print only by law}]\n",
        ),
        criteria,
    )
    before = next(d for d in plain.dimensions if d.id == "originality")
    after = next(d for d in waived.dimensions if d.id == "originality")
    assert after.score > before.score
    assert "originality.new-media" not in [c.id for c in after.criteria]
    assert [(w.kind, w.id, w.reason) for w in waived.waived] == [
        ("criterion", "originality.new-media", "Print only by law")
    ]


def test_a_waived_indicator_leaves_the_catalog_denominator(tmp_path, criteria):
    text = "indicators: [{id: tel.call-drop-rate, name: Call drop rate, unit: '%', values: {2020: 0.1}}]\n"
    plain = rate(write(tmp_path, text), criteria)
    waived = rate(
        write(tmp_path, text + "waivers: [{indicator: tel.packet-loss-rate, reason: No backbone}]\n"), criteria
    )
    core = lambda card: next(c for d in card.dimensions for c in d.criteria if c.id == "completeness.industry-core")
    assert core(waived).earned > core(plain).earned
    assert "Packet loss rate" not in " ".join(m.en for m in core(waived).missing)


def test_waivers_are_listed_in_json_and_table(cli, tmp_path):
    path = write(tmp_path, "waivers: [{indicator: tel.packet-loss-rate, reason: No backbone network}]\n")
    doc = json.loads(cli("score", str(path), "--format", "json").stdout)
    assert doc["waived"] == [
        {
            "kind": "indicator",
            "id": "tel.packet-loss-rate",
            "title": doc["waived"][0]["title"],
            "reason": "No backbone network",
            "line": 2,
        }
    ]
    assert "No backbone network" in cli("score", str(path)).stdout


def test_a_waiver_without_a_reason_is_an_input_error(cli, tmp_path):
    run = cli("score", str(write(tmp_path, "waivers: [{criterion: originality.new-media}]\n")))
    assert run.code == 2 and "required field 'reason' is missing" in run.stderr and ":2:" in run.stderr


def test_a_waiver_of_something_that_does_not_exist_is_an_input_error(cli, tmp_path):
    run = cli("score", str(write(tmp_path, "waivers: [{criterion: originality.new-medai, reason: x}]\n")))
    assert run.code == 2 and "did you mean 'originality.new-media'" in run.stderr


def test_waiving_a_whole_dimension_is_refused(cli, tmp_path, criteria):
    ids = [c.id for d in criteria.dimensions if d.spec.id == "originality" for c in d.criteria]
    text = "waivers:\n" + "".join(f"  - {{criterion: {i}, reason: n/a here}}\n" for i in ids)
    run = cli("score", str(write(tmp_path, text)))
    assert run.code == 2 and "every criterion of originality is waived" in run.stderr


def test_the_reference_has_no_waivers(criteria):
    assert rate(REFERENCE, criteria).waived == []
