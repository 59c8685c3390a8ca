"""Dotted field paths into the report (``process.release.channels``), checked against the model.

Criteria name report fields by path; checking the path against the pydantic model when criteria
load turns a typo in a criteria pack into an error instead of a criterion that can never be met.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from csr_rating.report import Report


def models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(models_in(arg))
    return found


def field_annotation(path: str, through_lists: bool = False) -> Any:
    """The annotation at ``path`` in the report model; ValueError naming the bad segment.

    With ``through_lists`` a path may continue into the entries of a list (``topics.cases``).
    """
    model: type[BaseModel] = Report
    annotation: Any = Report
    parts = path.split(".")
    for depth, part in enumerate(parts):
        fields = model.model_fields
        if part not in fields:
            known = ", ".join(sorted(fields))
            raise ValueError(f"{'.'.join(parts[: depth + 1])!r} is not a report field (known here: {known})")
        annotation = fields[part].annotation
        if depth < len(parts) - 1:
            models = models_in(annotation)
            origin = typing.get_origin(annotation)
            if not models or origin is dict or (origin is list and not through_lists):
                raise ValueError(f"{'.'.join(parts[: depth + 1])!r} has no sub-fields")
            model = models[0]
    return annotation


def field_info(path: str, through_lists: bool = False) -> FieldInfo:
    """The pydantic field at ``path``: its annotation, and the constraints pydantic keeps beside it
    (``Count``'s bounds, a list's ``max_length``). ValueError naming a bad segment."""
    field_annotation(path, through_lists)
    parent, _, name = path.rpartition(".")
    model: type[BaseModel] = models_in(field_annotation(parent, through_lists))[0] if parent else Report
    return model.model_fields[name]


def annotation_with_limits(path: str, through_lists: bool = False) -> Any:
    """The field's annotation with those constraints put back, for a TypeAdapter or a best value."""
    info = field_info(path, through_lists)
    return typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


def check_path(path: str) -> str:
    field_annotation(path)
    return path


def get(report: Report, path: str) -> Any:
    """The value at ``path``, or None where any step is missing."""
    value: Any = report
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def loc_of(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def is_list(path: str) -> bool:
    annotation = field_annotation(path)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(typing.get_origin(a) is list for a in typing.get_args(annotation))
    return typing.get_origin(annotation) is list


def base_types(path: str, through_lists: bool = False) -> set[Any]:
    """The plain types a field can hold (Optional, Annotated and list unwrapped): int, str, a model,
    or a Literal's values as a frozenset."""
    found: set[Any] = set()

    def walk(annotation: Any) -> None:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            walk(typing.get_args(annotation)[0])
        elif origin is typing.Literal:
            found.add(frozenset(typing.get_args(annotation)))
        elif origin in (typing.Union, types.UnionType):
            for arg in typing.get_args(annotation):
                if arg is not type(None):
                    walk(arg)
        elif origin is list:
            found.add(list)
        elif isinstance(annotation, type):
            found.add(annotation)
        else:
            found.add(object)

    walk(field_annotation(path, through_lists))
    return found


def item_literals(path: str) -> frozenset[str] | None:
    """The allowed values of a list field's items, when they are a closed set (a Literal)."""
    annotation = field_annotation(path)
    for arg in [annotation, *typing.get_args(annotation)]:
        if typing.get_origin(arg) is list:
            item = typing.get_args(arg)[0]
            if typing.get_origin(item) is typing.Literal:
                return frozenset(typing.get_args(item))
    return None
