"""Standards that extend another: a few lines of overlay change weights, dimensions, points and bands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from csr_rating.api import rate
from csr_rating.errors import InputError
from csr_rating.loading import load_criteria, standards_in
from csr_rating.render import FORMATS
from tests.conftest import REFERENCE, ROOT

CRITERIA = ROOT / "criteria"


def test_the_bundled_standards_are_the_base_and_two_overlays() -> None:
    assert {"cass-csr-4.0", "cass-csr-2.0", "cass-esg-2023"} <= set(standards_in(CRITERIA))


def test_cass_csr_2_0_is_six_dimensions_with_the_published_delphi_weights() -> None:
    criteria = load_criteria(CRITERIA, "cass-csr-2.0")
    weights = {d.spec.id: d.spec.weight for d in criteria.dimensions}
    assert weights == {
        "substance": 30, "completeness": 25, "readability": 20, "balance": 10, "comparability": 10, "originality": 5,
    }  # fmt: skip
    base = load_criteria(CRITERIA, "cass-csr-4.0")
    for dimension in criteria.dimensions:  # criteria are inherited unchanged
        assert dimension.criteria == next(d for d in base.dimensions if d.spec.id == dimension.spec.id).criteria


def test_cass_esg_2023_replaces_originality_with_accessibility_and_weighs_completeness_more() -> None:
    esg = load_criteria(CRITERIA, "cass-esg-2023")
    base = load_criteria(CRITERIA, "cass-csr-4.0")
    weights = {d.spec.id: d.spec.weight for d in esg.dimensions}
    old = {d.spec.id: d.spec.weight for d in base.dimensions}
    assert "originality" not in weights and "accessibility" in weights
    assert weights["completeness"] > old["completeness"] and weights["comparability"] > old["comparability"]
    assert sum(weights.values()) == pytest.approx(100)


@pytest.mark.parametrize("standard", ["cass-csr-2.0", "cass-esg-2023"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_a_standard_with_other_dimensions(standard: str, fmt: str) -> None:
    criteria = load_criteria(CRITERIA, standard)
    card = rate(REFERENCE, criteria)
    text = FORMATS[fmt](card, "en", True, 5)
    names = [d.spec.name.en for d in criteria.dimensions]
    if fmt in ("table", "markdown", "html"):
        assert all(name in text for name in names)
    if fmt == "json":
        assert [d["id"] for d in json.loads(text)["dimensions"]] == [d.spec.id for d in criteria.dimensions]


def _overlay(tmp_path: Path, text: str, extra: dict[str, str] | None = None) -> Path:
    root = tmp_path / "criteria"
    shutil.copytree(CRITERIA / "cass-csr-4.0", root / "cass-csr-4.0")
    shutil.copytree(CRITERIA / "industries", root / "industries")
    (root / "mine").mkdir()
    (root / "mine" / "standard.yaml").write_text(text, encoding="utf-8")
    for name, body in (extra or {}).items():
        (root / "mine" / name).write_text(body, encoding="utf-8")
    return root


HEAD = "id: mine\nextends: cass-csr-4.0\ntitle: {en: Mine, zh: 我的}\nversion: '1'\n"


def test_an_overlay_changes_points_and_bands_of_one_criterion(tmp_path: Path) -> None:
    root = _overlay(
        tmp_path,
        HEAD + "criteria:\n"
        "  originality.testimonials:\n"
        "    points: 70\n"
        "    check: {bands: [{min: 0, score: 0}, {min: 1, score: 1}]}\n",
    )
    mine = load_criteria(root, "mine")
    criterion = next(c for d in mine.dimensions for c in d.criteria if c.id == "originality.testimonials")
    assert criterion.points == 70 and criterion.check.bands.score(1) == 1  # type: ignore[union-attr]
    base = rate(REFERENCE, load_criteria(root, "cass-csr-4.0"))
    changed = rate(REFERENCE, mine)
    assert (
        next(d for d in changed.dimensions if d.id == "originality").score
        > next(d for d in base.dimensions if d.id == "originality").score
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + "criteria:\n  nothing.here: {points: 5}\n", "no criterion 'nothing.here'"),
        (HEAD + "criteria:\n  originality.testimonials: {check: {kind: presence}}\n", "cannot change a check's kind"),
        (HEAD + "criteria:\n  originality.testimonials: {check: {bands: [{min: 5, score: 1}]}}\n", "originality"),
        (HEAD + "dimensions:\n  - {id: substance, weight: 40}\n", "weights sum to"),
        (HEAD + "drop_dimensions:\n  - {id: nothing, reason: gone away}\n", "no dimension 'nothing'"),
        (HEAD + "dimensions:\n  - {id: reach, weight: 5}\n", "needs name, criteria"),
        (HEAD.replace("cass-csr-4.0", "mine"), "cycle"),
        (HEAD.replace("cass-csr-4.0", "elsewhere"), "no standard 'elsewhere'"),
        (HEAD + "dimensions:\n  - {id: substance, weight: 20}\n  - {id: substance, weight: 25.5}\n", "listed twice"),
        (
            HEAD + "drop_dimensions:\n  - {id: procedure, reason: one}\n  - {id: procedure, reason: two}\n",
            "listed twice",
        ),
        (HEAD.replace("id: mine", "id: cass-csr-4.0"), "must match its folder name"),
    ],
)
def test_a_broken_overlay_is_one_error_naming_its_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_criteria(_overlay(tmp_path, text), "mine")
    assert message in str(error.value)


def test_score_selects_a_standard_and_lint_checks_the_overlays(cli) -> None:
    run = cli("score", str(REFERENCE), "--standard", "cass-csr-2.0", "--format", "json")
    assert run.code == 0 and len(json.loads(run.stdout)["dimensions"]) == 6
    lint = cli("criteria", "lint")
    assert lint.code == 0 and "cass-esg-2023" in lint.stdout and "cass-csr-2.0" in lint.stdout
