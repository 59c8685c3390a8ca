"""What changed between two reports' scorecards, per dimension and per criterion.

For year-over-year releases: the same criteria applied to last year's and this year's report.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from csr_rating.i18n import I18n, Lang
from csr_rating.render.stars import label
from csr_rating.scorecard import Scorecard


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class CriterionChange(_Model):
    id: str
    title: I18n
    old: float | None  # earned points; None where the criterion was waived
    new: float | None
    points: float


class DimensionChange(_Model):
    id: str
    name: I18n
    old_score: float
    new_score: float
    old_stars: float
    new_stars: float
    criteria: list[CriterionChange]  # only those whose earned points changed


class ScoreDiff(_Model):
    old_file: str
    new_file: str
    old_score: float
    new_score: float
    old_stars: float
    new_stars: float
    dimensions: list[DimensionChange]


def compare(old: Scorecard, new: Scorecard) -> ScoreDiff:
    dimensions = []
    for before, after in zip(old.dimensions, new.dimensions, strict=True):
        earned_before = {c.id: c for c in before.criteria}
        earned_after = {c.id: c for c in after.criteria}
        order = [c.id for c in before.criteria] + [c.id for c in after.criteria if c.id not in earned_before]
        changes = []
        for cid in order:
            a, b = earned_before.get(cid), earned_after.get(cid)
            old_value = a.earned if a else None
            new_value = b.earned if b else None
            if old_value is None or new_value is None or abs(old_value - new_value) > 1e-9:
                ref = a or b
                assert ref is not None
                changes.append(
                    CriterionChange(id=cid, title=ref.title, old=old_value, new=new_value, points=ref.points)
                )
        dimensions.append(
            DimensionChange(
                id=after.id,
                name=after.name,
                old_score=before.score,
                new_score=after.score,
                old_stars=before.stars,
                new_stars=after.stars,
                criteria=changes,
            )
        )
    return ScoreDiff(
        old_file=old.report.file,
        new_file=new.report.file,
        old_score=old.overall.score,
        new_score=new.overall.score,
        old_stars=old.overall.stars,
        new_stars=new.overall.stars,
        dimensions=dimensions,
    )


def _delta(old: float, new: float) -> str:
    change = round(new - old, 1) + 0.0
    return f"{change:+.1f}"


def _points(value: float | None) -> str:
    return "waived" if value is None else f"{value:.1f}"


def render_text(diff: ScoreDiff, lang: Lang = "en") -> str:
    overall = "综合" if lang == "zh" else "overall"
    lines = [
        f"{diff.old_file} -> {diff.new_file}",
        (f"{overall}: {diff.old_score:.1f} {label(diff.old_stars)} -> {diff.new_score:.1f} {label(diff.new_stars)}"
        f" ({_delta(diff.old_score, diff.new_score)})"),
    ]
    for d in diff.dimensions:
        lines.append(
            f"  {d.name.get(lang)}: {d.old_score:.1f} {label(d.old_stars)} -> "
            f"{d.new_score:.1f} {label(d.new_stars)} ({_delta(d.old_score, d.new_score)})"
        )
        for c in d.criteria:
            lines.append(f"    {c.id}: {_points(c.old)} -> {_points(c.new)} of {c.points:g}  {c.title.get(lang)}")
    return "\n".join(lines) + "\n"


def render_json(diff: ScoreDiff, lang: Lang = "en") -> str:
    data = diff.model_dump()
    for d in data["dimensions"]:
        d["name"] = d["name"][lang]
        for c in d["criteria"]:
            c["title"] = c["title"][lang]
    return json.dumps({"schema_version": 1, **data}, ensure_ascii=False, indent=2) + "\n"
