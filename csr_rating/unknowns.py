"""Unknown facts at their best: the report a rating's upper end is computed from.

A field listed in ``Report.unknown`` scores as given at the low end (absent if nothing is given) and
at its best at the high end. Every check earns more for more disclosure (a true flag, a larger
count, more list entries, every choice of a list), so one report with each unknown field set to
the largest value its type allows earns the most under every criterion at once: no criterion needs
to know which of its facts are unknown. The filled-in values exist only inside the scoring; they are
never shown or written.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Iterable
from typing import Any

from annotated_types import Le, MaxLen
from pydantic import BaseModel

from csr_rating.fields import annotation_with_limits
from csr_rating.indexed import BEST_YEARS, with_entries
from csr_rating.indexed import PATH as INDEXED
from csr_rating.report import UNKNOWABLE_ENTRY_FIELDS, Report

ITEMS = 50  # entries of a list at its best: more than any band of any criterion asks for
LARGEST = 1000  # a count at its best (bands stop far below)
LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar", "ja", "ko", "de", "pt")  # a valid code for each entry
PLACEHOLDER = "(unknown)"


def covers(ancestor: str, path: str) -> bool:
    """``ancestor`` is ``path`` or one of its parent sections."""
    return path == ancestor or path.startswith(f"{ancestor}.")


def best_case(report: Report, paths: Iterable[str] | None = None) -> Report:
    """``report`` with the unknown fields ``paths`` (default: all it lists) at their best; the other
    unknown paths stay listed (the index entries read them)."""
    chosen = list(report.unknown if paths is None else paths)
    left = [path for path in report.unknown if path not in chosen]
    if INDEXED in chosen:  # entries of a list, not a field: the index's items shown for the most years
        chosen.remove(INDEXED)
        report = with_entries(report, BEST_YEARS)
    roots = sorted({path.split(".")[0] for path in chosen})
    data = report.model_dump(mode="python", include=set(roots))
    for path in chosen:
        if path in UNKNOWABLE_ENTRY_FIELDS:  # the field of every entry: each topic at its most cases
            listed, field = path.split(".")
            for entry in data.get(listed) or []:
                entry[field] = best_value(annotation_at(path), path)
            continue
        _set(data, path, best_value(annotation_at(path), path))
    # only the sections holding unknown facts change: validate those, keep the rest as validated
    best = report.model_copy(update={"unknown": left})
    for root in roots:
        Report.__pydantic_validator__.validate_assignment(best, root, data.get(root))
    return best


def best_value(annotation: Any, path: str = "") -> Any:
    """The largest value a field of this type can hold, as plain data the model validates."""
    annotation, limits = unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        return best_value(_richest(typing.get_args(annotation)), path)
    if origin is typing.Literal:
        return typing.get_args(annotation)[0]
    if origin is list:
        (item,) = typing.get_args(annotation)
        return _best_list(item, limits.get("max_length"), path)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: best_value(field.annotation, f"{path}.{name}") for name, field in annotation.model_fields.items()}
    if annotation is bool:
        return True
    if annotation is int:
        return min(LARGEST, limits.get("le", LARGEST))
    if annotation is float:
        return float(LARGEST)
    if annotation is datetime.date:
        return datetime.date(2000, 1, 1)
    return PLACEHOLDER


def _best_list(item: Any, max_length: int | None, path: str) -> list[Any]:
    inner, _ = unwrap(item)
    if typing.get_origin(inner) is typing.Literal:
        return list(typing.get_args(inner))  # every choice
    count = min(ITEMS, max_length or ITEMS)
    if path.endswith("languages"):
        return list(LANGUAGES[:count])
    values = [best_value(item, path) for _ in range(count)]
    return [_numbered(value, n) for n, value in enumerate(values, 1)]


def _numbered(value: Any, n: int) -> Any:
    """Entries that differ, so nothing counts them as one."""
    if value == PLACEHOLDER:
        return f"{value} {n}"
    if isinstance(value, dict):
        return {k: _numbered(v, n) for k, v in value.items()}
    return value


def _richest(options: tuple[Any, ...]) -> Any:
    """Of a union's types, the one that can hold the most (a section over a name over nothing)."""

    def rank(option: Any) -> int:
        inner, _ = unwrap(option)
        if inner is type(None):
            return 0
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return 5
        if typing.get_origin(inner) is list:
            return 4
        if inner is datetime.date:
            return 1
        return 3 if inner is str else 2

    return max(options, key=rank)


def unwrap(annotation: Any) -> tuple[Any, dict[str, int]]:
    """The type inside ``Annotated[...]``, with its ``le`` and ``max_length`` limits."""
    limits: dict[str, int] = {}
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *metadata = typing.get_args(annotation)
        for item in metadata:
            for constraint in getattr(item, "metadata", [item]):
                if isinstance(constraint, Le) and isinstance(constraint.le, int):
                    limits["le"] = constraint.le
                if isinstance(constraint, MaxLen):
                    limits["max_length"] = constraint.max_length
    return annotation, limits


def annotation_at(path: str) -> Any:
    """The annotation of a field path (into list entries too: ``topics.cases``), with its limits."""
    return annotation_with_limits(path, through_lists=True)


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``path``; a section it needs is created with its required fields at their best (a team's
    members need the team's lead department)."""
    *parents, last = path.split(".")
    for depth, part in enumerate(parents):
        child = data.get(part)
        if not isinstance(child, dict):
            prefix = ".".join(parents[: depth + 1])
            model = _model(annotation_at(prefix))
            required = {n: f for n, f in model.model_fields.items() if f.is_required()} if model else {}
            child = {n: best_value(f.annotation, f"{prefix}.{n}") for n, f in required.items()}
            data[part] = child
        data = child
    data[last] = value


def _model(annotation: Any) -> type[BaseModel] | None:
    inner, _ = unwrap(annotation)
    options = (inner, *typing.get_args(inner))
    return next((a for a in options if isinstance(a, type) and issubclass(a, BaseModel)), None)
