"""Questions that settle unknown facts, ranked by how far each can move the rating.

Every path in ``Report.unknown`` is asked field by field (an unknown section, such as ``process``,
becomes one question per field of it that ``questions.yaml`` words). A question's worth is its
``gain``: the overall points the report earns with that one fact at its best, over the points it
earns as given. Facts that cannot move the rating are not asked. The kind of answer and its choices
come from the report model.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel

from csr_rating.i18n import I18n
from csr_rating.indexed import PATH as INDEXED
from csr_rating.report import Report
from csr_rating.scorecard import Question
from csr_rating.unknowns import annotation_at, best_case, covers, unwrap
from csr_rating.yamlio import load_yaml

MIN_GAIN = 0.05  # overall points: a fact worth less than this is not worth asking


class _Wording(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    en: str
    zh: str


class _Wordings(RootModel[dict[str, _Wording]]):
    pass


@cache
def wordings() -> dict[str, I18n]:
    """The question for each report field, from questions.yaml (bundled data)."""
    text = resources.files("csr_rating").joinpath("questions.yaml").read_text(encoding="utf-8")
    data, _ = load_yaml(text, "csr_rating/questions.yaml")
    return {path: I18n(en=w.en, zh=w.zh) for path, w in _Wordings.model_validate(data).root.items()}


def leaves(path: str) -> list[str]:
    """The questions an unknown ``path`` is asked by: itself when worded, else its fields'."""
    if path in wordings():
        return [path]
    inner, _ = unwrap(annotation_at(path))
    options = (inner, *typing.get_args(inner))
    model = next((a for a in options if isinstance(a, type) and issubclass(a, BaseModel)), None)
    if model is None or typing.get_origin(inner) is list:
        return []
    return [leaf for name in model.model_fields for leaf in leaves(f"{path}.{name}")]


def kind_of(path: str) -> tuple[str, list[str]]:
    """(kind of answer, choices) for a field: yes_no, number, choice, choices, names or text."""
    inner, _ = unwrap(annotation_at(path))
    args = [a for a in typing.get_args(inner) if a is not type(None)]
    if typing.get_origin(inner) in (typing.Union, types.UnionType):
        inner, _ = unwrap(args[0]) if len(args) == 1 else (str, {})
    if inner is bool:
        return "yes_no", []
    if inner is int:
        return "number", []
    if typing.get_origin(inner) is typing.Literal:
        return "choice", [str(a) for a in typing.get_args(inner)]
    if typing.get_origin(inner) is list:
        item, _ = unwrap(typing.get_args(inner)[0])
        if typing.get_origin(item) is typing.Literal:
            return "choices", [str(a) for a in typing.get_args(item)]
        return "names", []
    return "text", []


def questions(report: Report, overall: Callable[[Report], float], base: float | None = None) -> list[Question]:
    """Every unknown fact that can move the overall score, largest gain first. ``overall`` scores a
    report (the engine, bound to the criteria); ``base`` is ``overall(report)`` where known."""
    base = overall(report) if base is None else base
    asked: list[str] = []
    for path in report.unknown:
        asked += [leaf for leaf in leaves(path) if leaf not in asked]
    found: list[Question] = []
    for leaf in asked:
        gain = overall(best_case(report, [leaf])) - base
        if gain < MIN_GAIN:
            continue
        kind, choices = kind_of(leaf)
        if leaf == INDEXED:  # which of the listed entries: the names are the choices
            kind, choices = "choices", list(dict.fromkeys(entry.name for entry in report.indexed_indicators))
        found.append(
            Question(
                field=next(p for p in report.unknown if covers(p, leaf)),
                answer_field=leaf,
                question=wordings()[leaf],
                kind=kind,
                choices=choices,
                gain=gain,
            )
        )
    return sorted(found, key=lambda q: (-round(q.gain, 6), q.answer_field))


def answer_value(path: str, answer: Any) -> Any:
    """An answer as the report field holds it: names become entries of a list of sections
    (a special feature's title, a testimonial's author)."""
    inner, _ = unwrap(annotation_at(path))
    if typing.get_origin(inner) is list and isinstance(answer, list):
        item, _ = unwrap(typing.get_args(inner)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return [_entry(item, name) if isinstance(name, str) else name for name in answer]
    return answer


def _entry(model: type[BaseModel], name: str) -> dict[str, Any]:
    """A list entry from a name: its first required text field, and the first choice of any
    required choice field (an assurance names its provider; its kind defaults to 'assurance')."""
    entry: dict[str, Any] = {}
    for field_name, field in model.model_fields.items():
        if not field.is_required():
            continue
        inner, _ = unwrap(field.annotation)
        if typing.get_origin(inner) is typing.Literal:
            options = [str(a) for a in typing.get_args(inner)]
            entry[field_name] = "assurance" if "assurance" in options else options[0]
        elif field_name not in entry and not any(isinstance(v, str) and v == name for v in entry.values()):
            entry[field_name] = name
    return entry
