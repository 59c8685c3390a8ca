"""`csr-rating explain CRITERION`: one criterion as a reader needs it to trust a score — its dimension
and weight, its points, what its check kind does, and its definition as written in the criteria file,
whose comments say where every band and threshold comes from."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from csr_rating import checks
from csr_rating.criteria import CriteriaSet, Criterion, Dimension
from csr_rating.errors import InputError
from csr_rating.i18n import Lang

WORDS = {
    "en": {
        "dimension": "Dimension: {name} ({id}), {weight:g}% of the overall score",
        "points": "Points: {points:g} of the dimension's {total:g}",
        "check": "Check: {kind}",
        "written": "As written in {file} (line {line}):",
    },
    "zh": {
        "dimension": "维度：{name}（{id}），占综合得分{weight:g}%",
        "points": "分值：{points:g}分（该维度共{total:g}分）",
        "check": "评价方式：{kind}",
        "written": "定义原文：{file}（第{line}行）：",
    },
}


def find(criteria: CriteriaSet, criterion_id: str) -> tuple[Dimension, Criterion]:
    """The criterion and its dimension; an unknown id is an input error that suggests the nearest."""
    for dimension in criteria.dimensions:
        for criterion in dimension.criteria:
            if criterion.id == criterion_id:
                return dimension, criterion
    known = [c.id for d in criteria.dimensions for c in d.criteria]
    close = difflib.get_close_matches(criterion_id, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f" (e.g. {known[0]})"
    raise InputError(criterion_id, f"no criterion of that id in {criteria.standard.id}{hint}")


def definition(root: Path, standard: str, criterion_id: str) -> tuple[Path, int, str] | None:
    """The criterion's block as written (with its comments): the file, the line it starts at and
    the text, from the standard's folder or, for a standard that extends another, any folder."""
    start = re.compile(rf"^(\s*)- id: {re.escape(criterion_id)}\s*(#.*)?$")
    folders = [root / standard, *sorted(p for p in root.iterdir() if p.is_dir() and p.name != standard)]
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for index, line in enumerate(lines):
                found = start.match(line)
                if found is None:
                    continue
                indent = len(found.group(1))
                block = [line]
                for after in lines[index + 1 :]:
                    stripped = after.strip()
                    if stripped and len(after) - len(after.lstrip()) <= indent and not stripped.startswith("#"):
                        break
                    if stripped.startswith("- id:") and len(after) - len(after.lstrip()) == indent:
                        break
                    block.append(after)
                while block and not block[-1].strip():
                    block.pop()
                return path, index + 1, "\n".join(block)
    return None


def explain(criteria: CriteriaSet, root: Path, criterion_id: str, lang: Lang = "en") -> str:
    """The explanation of one criterion, as text."""
    dimension, criterion = find(criteria, criterion_id)
    words = WORDS[lang]
    kind = str(getattr(criterion.check, "kind", ""))
    doc = checks.documentation(kind) if kind in checks.KINDS else ""
    lines = [
        f"{criterion.id} — {criterion.title.get(lang)}",
        words["dimension"].format(name=dimension.spec.name.get(lang), id=dimension.spec.id, weight=dimension.spec.weight),
        words["points"].format(points=criterion.points, total=dimension.points),
        words["check"].format(kind=kind),
    ]
    if doc:
        lines += ["", *[f"  {line}" if line else "" for line in doc.splitlines()]]
    written = definition(root, criteria.standard.id, criterion.id)
    if written is not None:
        path, line, text = written
        shown = path.relative_to(root.parent) if root.parent in path.parents else path
        lines += ["", words["written"].format(file=shown, line=line), "", text]
    return "\n".join(lines) + "\n"
