"""The release gate: exit 0 passes, 1 below a threshold or regressed, 2 input or usage error."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REFERENCE, REPORTS

MID = REPORTS / "fictitious-mid-quality.yaml"
DRAFT = REPORTS / "fictitious-first-draft.yaml"


def test_passes_when_every_threshold_is_met(cli_in_process):
    run = cli_in_process("check", str(REFERENCE), "--min-stars", "5", "--min", "balance=4.5", "--min", "originality=4")
    assert run.code == 0, run.stderr
    assert "gate passed" in run.stderr
    assert "Procedure" in run.stdout  # stdout carries the scorecard, stderr the verdict


def test_fails_with_which_threshold_and_by_how_much(cli_in_process):
    run = cli_in_process("check", str(REFERENCE), "--min", "balance=5", "--format", "json")
    assert run.code == 1
    assert "balance has 4.5★, below the required 5★ (short by 0.5★, 7.5 points)" in run.stderr
    json.loads(run.stdout)  # the report is still delivered, whole


@pytest.mark.parametrize(("path", "stars", "code"), [(DRAFT, 2, 1), (MID, 3.5, 0), (MID, 4, 1), (REFERENCE, 5, 0)])
def test_overall_minimum_on_the_examples(cli_in_process, path, stars, code):
    assert cli_in_process("check", str(path), "--min-stars", str(stars)).code == code


def test_baseline_regression_fails_and_no_regression_passes(cli_in_process, tmp_path):
    baseline = tmp_path / "last-year.json"
    assert cli_in_process("score", str(REFERENCE), "--format", "json", "--output", str(baseline)).code == 0
    assert cli_in_process("check", str(REFERENCE), "--baseline", str(baseline)).code == 0
    run = cli_in_process("check", str(MID), "--baseline", str(baseline))
    assert run.code == 1
    assert "originality fell from 4★ in the baseline to 3.5★" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min", "balanse=4"], "did you mean 'balance'"),
        (["--min", "balance"], "DIMENSION=STARS"),
        (["--min", "balance=high"], "not a number of stars"),
        (["--min-stars", "6"], "from 0 to 5"),
        ([], "give a threshold"),
        (["--baseline", "/nonexistent.json"], "baseline not found"),
    ],
)
def test_a_gate_that_cannot_be_evaluated_is_exit_2_never_0(cli_in_process, args, message):
    run = cli_in_process("check", str(REFERENCE), *args)
    assert run.code == 2 and message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_baseline_that_is_not_a_scorecard_is_exit_2(cli_in_process, tmp_path):
    for text in ["{}", "not json", json.dumps({"schema_version": 9})]:
        path = tmp_path / "b.json"
        path.write_text(text, encoding="utf-8")
        assert cli_in_process("check", str(REFERENCE), "--baseline", str(path)).code == 2


def test_a_broken_criteria_set_is_exit_2_in_the_gate_too(cli_in_process, tmp_path):
    assert cli_in_process("check", str(REFERENCE), "--min-stars", "1", "--criteria", str(tmp_path)).code == 2


def test_output_is_written_atomically_and_never_over_an_existing_file(cli_in_process, tmp_path):
    target = tmp_path / "card.json"
    target.write_text("mine", encoding="utf-8")
    run = cli_in_process("score", str(REFERENCE), "--format", "json", "--output", str(target))
    assert run.code == 2 and "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert cli_in_process("score", str(REFERENCE), "--format", "json", "--output", str(target), "--force").code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["card.json"]  # no temporary left behind


def test_diff_shows_dimension_and_criterion_changes(cli_in_process):
    run = cli_in_process("diff", str(MID), str(REFERENCE))
    assert run.code == 0
    assert "Procedure: 59.0 ★★★ 3 -> 92.0 ★★★★★ 5 (+33.0)" in run.stdout
    assert "procedure.subsidiary-reports: 0.0 -> 8.0 of 8" in run.stdout
    doc = json.loads(cli_in_process("diff", str(MID), str(REFERENCE), "--format", "json").stdout)
    assert next(d["id"] for d in doc["dimensions"]) == "procedure"
    same = json.loads(cli_in_process("diff", str(REFERENCE), str(REFERENCE), "--format", "json").stdout)
    assert all(d["criteria"] == [] for d in same["dimensions"])
