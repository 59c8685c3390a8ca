"""Pydantic validation errors in words a report author can act on, placed at file:line:col.

pydantic reports a location inside its own model (union members, ``[key]``, tags); this module
maps it back onto the YAML the author wrote and rewrites the message for that author.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from csr_rating.errors import InputError
from csr_rating.fields import models_in
from csr_rating.yamlio import SourceMap


def validation_error(exc: ValidationError, data: Any, source: SourceMap, model: type[BaseModel]) -> InputError:
    """The first pydantic error, placed at its line, in words a report author understands."""
    error = exc.errors(include_url=False)[0]
    kind = error["type"]
    loc = _data_path(data, error["loc"], name_absent=kind in ("missing", "extra_forbidden"))
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"expected a mapping (key: value lines), got {_kind_of(error.get('input'))}"
    elif kind == "list_type":
        message = f"expected a list (- item lines or [a, b]), got {_kind_of(error.get('input'))}"
    elif kind == "union_tag_invalid":  # an unknown check kind
        context = error.get("ctx") or {}
        tag, expected = str(context.get("tag")), str(context.get("expected_tags", ""))
        options = [t.strip(" '") for t in expected.split(",")]
        close = difflib.get_close_matches(tag, options, n=1)
        message = f"unknown {str(context.get('discriminator', 'kind')).strip(chr(39))} {tag!r}" + (
            f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(options)})"
        )
    elif kind == "string_pattern_mismatch":
        message = "not a valid id or code here (lower-case letters, digits, '-' and '.')"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        message = f"unknown field {name!r}"
        close = difflib.get_close_matches(name, _known_fields(model, loc[:-1]), n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {close[0]!r}?"
    elif kind == "missing":
        message = f"required field {str(error['loc'][-1])!r} is missing"
    elif kind not in (
        "value_error",
        "assertion_error",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "list_type",
        "union_tag_invalid",
    ):
        got = error.get("input")
        if isinstance(got, (str, int, float, bool)) or got is None:
            shown = repr(got)
            message += f" (got {shown[:60] + '…' if len(shown) > 60 else shown})"
    return source.error(loc, message)


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)


def _data_path(data: Any, loc: tuple[Any, ...], name_absent: bool = False) -> tuple[str | int, ...]:
    """Drop the parts of a pydantic location that are not in the data (union members, tags such as
    ``float`` or ``[key]``); keep an absent last part only when it names a missing or unknown field."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            key = next((k for k in node if str(k) == str(part)), None)
            if key is not None:
                path.append(str(key))  # a mapping key, even an int year, is shown as `.2020`
                node = node[key]
                continue
            if name_absent and part == loc[-1] and not isinstance(part, int):
                path.append(part)  # a missing or unknown field: name it even though it is absent
            continue
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: type[BaseModel] = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        models = models_in(field.annotation)
        if not models:
            return []
        current = models[0]
    return list(current.model_fields)
