"""Calibration: agreement with published ratings, and a fit of the criteria's declared free
parameters that says how well it generalises (leave-one-out)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from csr_rating.api import calibrate
from csr_rating.calibration import RatedSet, distance
from csr_rating.criteria import CriteriaSet, Criterion
from csr_rating.fitting import knobs, patch
from csr_rating.loading import load_criteria
from csr_rating.scorecard import Range
from tests.conftest import REPORTS, ROOT, SHARED

PUBLISHED = {"procedure": 5, "substance": 5, "completeness": 4.5, "balance": 4.5, "comparability": 5,
             "readability": 5, "originality": 4, "overall": 5}  # fmt: skip


def _rated(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "rated.yaml"
    path.write_text(json.dumps({"reports": entries}, ensure_ascii=False), encoding="utf-8")
    return path


def _entry(ident: str, report: Path, published: dict, **more) -> dict:
    return {"id": ident, "report": str(report), "source": "test", "published": published, **more}


class TestFormat:
    def test_a_rated_report_needs_its_overall_star(self):
        with pytest.raises(ValidationError, match="overall"):
            RatedSet.model_validate(
                {"reports": [{"id": "a", "report": "a.yaml", "source": "s", "published": {"balance": 4}}]}
            )

    def test_stars_are_half_steps_from_0_to_5(self):
        with pytest.raises(ValidationError):
            RatedSet.model_validate(
                {"reports": [{"id": "a", "report": "a.yaml", "source": "s", "published": {"overall": 4.3}}]}
            )

    def test_ids_are_unique(self):
        entry = {"id": "a", "report": "a.yaml", "source": "s", "published": {"overall": 4}}
        with pytest.raises(ValidationError, match="twice"):
            RatedSet.model_validate({"reports": [entry, entry]})


class TestAgreement:
    @pytest.mark.parametrize(
        ("published", "low", "high", "error"),
        [(5, 4, 5, 0), (5, 4, 4.5, -0.5), (3, 4, 5, 1), (4, 4, 4, 0)],
    )
    def test_the_error_is_the_distance_to_the_range(self, published, low, high, error):
        assert distance(published, Range(low=0, high=0, low_stars=low, high_stars=high)) == error

    def test_the_reference_yaml_agrees_exactly(self, tmp_path, criteria: CriteriaSet):
        run, _ = calibrate(_rated(tmp_path, [_entry("ref", REPORTS / "china-telecom-2020.yaml", PUBLISHED)]), criteria)
        table = run.table(run.in_sample)
        assert all(a.exact == 1 and a.mae == 0 for a in table.values())

    def test_a_missing_optional_draft_is_skipped_with_a_note(self, tmp_path, criteria):
        entries = [
            _entry("ref", REPORTS / "china-telecom-2020.yaml", PUBLISHED),
            _entry("gone", tmp_path / "absent.txt", {"overall": 4}, optional=True),
        ]
        run, _ = calibrate(_rated(tmp_path, entries), criteria)
        assert run.ids == ["ref"] and any("gone" in note for note in run.notes)


class TestFit:
    def test_only_declared_parameters_move_within_their_ranges(self, criteria: CriteriaSet):
        for knob in knobs(criteria):
            assert knob.low <= knob.original <= knob.high
            assert all(knob.low <= v <= knob.high for v in knob.grid())

    @given(st.floats(0.5, 1.25))
    def test_scaled_bands_stay_valid_and_monotone(self, factor):
        criteria = load_criteria()
        for knob in (k for k in knobs(criteria) if k.scaled):
            criterion = next(c for d in criteria.dimensions for c in d.criteria if c.id == knob.criterion)
            data = criterion.model_dump(mode="json", exclude_none=True)
            data["check"] = {**data["check"], **patch(criterion, knob, factor)}
            Criterion.model_validate(data)  # bands validate: first at 0, increasing minimums, scores kept

    def test_a_fit_moves_parameters_toward_the_published_stars_and_reports_leave_one_out(self, tmp_path, criteria):
        mid = REPORTS / "fictitious-mid-quality.yaml"
        generous = {"balance": 5, "comparability": 5, "overall": 4.5}
        entries = [_entry("mid-a", mid, generous), _entry("mid-b", mid, generous)]
        rated = _rated(tmp_path, entries)
        run, values = calibrate(rated, criteria, fit=True)
        assert values is not None and run.leave_one_out is not None and run.fitted
        moved = {name for name, (written, fitted) in run.fitted.items() if fitted != written}
        assert moved and all("balance" in name or "comparability" in name or "substance" in name for name in moved)
        before, _ = calibrate(rated, criteria)
        assert run.table(run.in_sample)["overall"].mae <= before.table(before.in_sample)["overall"].mae

    def test_the_fitted_pack_is_an_overlay_that_loads_and_scores(self, tmp_path, cli_in_process):
        mid = REPORTS / "fictitious-mid-quality.yaml"
        rated = _rated(tmp_path, [_entry("mid", mid, {"balance": 5, "comparability": 5, "overall": 4.5})])
        out = tmp_path / "pack"
        run = cli_in_process("calibrate", str(rated), "--fit", "-o", str(out))
        assert run.code == 0, run.stderr
        overlay = (out / "cass-csr-4.0-fitted" / "standard.yaml").read_text(encoding="utf-8")
        assert "extends: cass-csr-4.0" in overlay and "fitted on rated.yaml" in overlay
        assert cli_in_process("criteria", "lint", str(out)).code == 0
        scored = cli_in_process("score", str(mid), "--criteria", str(out), "--standard", "cass-csr-4.0-fitted", "-f", "json")
        assert scored.code == 0 and json.loads(scored.stdout)["standard"]["id"] == "cass-csr-4.0-fitted"
        again = cli_in_process("calibrate", str(rated), "--fit", "-o", str(out))
        assert again.code == 2 and "already exists" in again.stderr

    def test_a_pack_without_free_parameters_cannot_be_fitted(self, tmp_path, cli_in_process):
        pack = tmp_path / "criteria"
        shutil.copytree(ROOT / "criteria", pack)
        for file in (pack / "cass-csr-4.0").glob("*.yaml"):
            lines = file.read_text(encoding="utf-8").splitlines()
            kept = [
                line
                for i, line in enumerate(lines)
                if not (line.strip().startswith("free:") or (i and lines[i - 1].strip().startswith("free:")))
            ]
            file.write_text("\n".join(kept) + "\n", encoding="utf-8")
        rated = _rated(tmp_path, [_entry("ref", REPORTS / "china-telecom-2020.yaml", PUBLISHED)])
        run = cli_in_process("calibrate", str(rated), "--fit", "--criteria", str(pack))
        assert run.code == 2 and "no free parameters" in run.stderr


@pytest.mark.parametrize(
    ("free", "message"),
    [
        ({"param": "bands", "scale": [0.6, 0.9]}, "must include 1"),
        ({"param": "mentioned_credit", "scale": [0.5, 1.5]}, "applies to `bands` only"),
        ({"param": "kind", "range": [0, 1]}, "not a number"),
        ({"param": "mentioned_credit", "range": [0.6, 0.9]}, "must include the value as written"),
    ],
)
def test_a_free_parameter_must_name_a_check_parameter_and_include_its_value(free, message):
    criterion = {
        "id": "t.x", "title": {"en": "t", "zh": "t"}, "points": 10,
        "check": {"kind": "topic_coverage", "mentioned_credit": 0.5, "bands": [{"min": 0, "score": 0}, {"min": 50, "score": 1}]},
        "suggestion": {"en": "{missing}", "zh": "{missing}"}, "free": [free],
    }  # fmt: skip
    with pytest.raises(ValidationError, match=message):
        Criterion.model_validate(criterion)


@pytest.mark.skipif(not (SHARED / "corpus" / "rated").exists(), reason="needs ../shared/corpus")
def test_the_development_set_agrees_within_half_a_star_overall(criteria):
    run, _ = calibrate(ROOT / "calibration" / "rated.yaml", criteria)
    assert len(run.ids) == 3
    for ident, stars, found in zip(run.ids, run.published, run.in_sample, strict=True):
        assert abs(distance(stars["overall"], found["overall"])) <= 0.5, ident
        close = sum(abs(distance(stars[d], found[d])) <= 0.5 for d in run.dimensions)
        assert close >= 6, (ident, close)


def test_the_command_prints_the_agreement_table_and_each_report(cli_in_process, tmp_path):
    rated = _rated(tmp_path, [_entry("ref", REPORTS / "china-telecom-2020.yaml", PUBLISHED)])
    run = cli_in_process("calibrate", str(rated))
    assert run.code == 0, run.stderr
    assert "within ½★" in run.stdout and "in range" in run.stdout
    assert "ref" in run.stdout and "4.5 / 4.5" in run.stdout
    assert cli_in_process("calibrate", str(rated)).stdout == run.stdout  # deterministic
    markdown = cli_in_process("calibrate", str(rated), "-f", "markdown").stdout
    assert markdown.startswith("| dimension |")
