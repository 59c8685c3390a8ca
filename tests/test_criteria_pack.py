"""The bundled criteria: rich enough to discriminate reports, bilingual, and documented in place."""

from __future__ import annotations

import re

from tests.conftest import DIMENSIONS, ROOT

STANDARD = ROOT / "criteria" / "cass-csr-4.0"


def test_seven_dimensions_in_the_guide_order(criteria):
    assert [d.spec.id for d in criteria.dimensions] == DIMENSIONS
    assert {d.spec.name.zh for d in criteria.dimensions} == {
        "过程性",
        "实质性",
        "完整性",
        "平衡性",
        "可比性",
        "可读性",
        "创新性",
    }


def test_at_least_forty_criteria_each_dimension_with_several(criteria):
    assert sum(len(d.criteria) for d in criteria.dimensions) >= 40
    assert all(len(d.criteria) >= 4 for d in criteria.dimensions)


def test_star_bands_are_the_published_ones(criteria):
    bands = [(b.min, b.stars) for b in criteria.standard.stars]
    assert bands == [(90, 5), (80, 4.5), (70, 4), (60, 3.5), (50, 3), (30, 2), (0, 1)]
    assert criteria.standard.exemplary.zh == "五星佳"


def test_telecom_catalog_is_large_bilingual_and_has_negative_indicators(criteria):
    telecom = criteria.catalogs["telecom"]
    core = telecom.core()
    assert len(core) >= 80
    assert all(i.name.en and i.name.zh and re.search(r"[\u4e00-\u9fff]", i.name.zh) for i in telecom.indicators)
    assert sum(i.negative for i in core) >= 12
    assert len(telecom.topics) >= 14
    assert len(criteria.catalogs["general"].core()) >= 40


def test_every_weight_and_criterion_says_where_its_numbers_come_from():
    standard = (STANDARD / "standard.yaml").read_text(encoding="utf-8")
    for line in standard.splitlines():
        if line.strip().startswith("weight:"):
            assert "#" in line, line
    for path in sorted(STANDARD.glob("*.yaml")):
        if path.name == "standard.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name}: no header comment"
        for block in re.split(r"\n  - id: ", text)[1:]:
            assert "#" in block, f"{path.name}: criterion {block.splitlines()[0]} has no comment on its numbers"


def test_lint_accepts_the_bundled_criteria(cli):
    run = cli("criteria", "lint")
    assert run.code == 0, run.stderr
    assert "ok: cass-csr-4.0" in run.stdout and "41 criteria" in run.stdout


def test_lint_refuses_a_broken_pack_with_the_line(cli, tmp_path):
    import shutil

    copy = tmp_path / "criteria"
    shutil.copytree(ROOT / "criteria", copy)
    path = copy / "cass-csr-4.0" / "readability.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: presence", "kind: presense", 1), encoding="utf-8")
    run = cli("criteria", "lint", str(copy))
    assert run.code == 2 and "readability.yaml:" in run.stderr and "did you mean 'presence'" in run.stderr
    assert cli("criteria", "lint", str(tmp_path / "nowhere")).code == 2
