"""Files in, validated models out — or one InputError naming file, line, column and field.

Every input (report, standard, criteria, catalog) goes through ``parse``: one reader, one YAML
loader, one way of turning a pydantic error into a line a person can act on.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet, Dimension, DimensionCriteria, Standard
from csr_rating.errors import InputError
from csr_rating.report import Report
from csr_rating.yamlio import SourceMap, dotted, load_yaml, read_text

M = TypeVar("M", bound=BaseModel)
DEFAULT_STANDARD = "cass-csr-4.0"


def parse(model: type[M], path: Path) -> tuple[M, SourceMap]:
    data, source = load_yaml(read_text(path), str(path))
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise InputError(str(path), f"expected a YAML mapping at the top level, found a {kind}", 1, 1)
    try:
        return model.model_validate(data), source
    except ValidationError as exc:
        raise validation_error(exc, data, source, model) from None


def validation_error(exc: ValidationError, data: Any, source: SourceMap, model: type[BaseModel]) -> InputError:
    """The first pydantic error, placed at its line, in words a report author understands."""
    error = exc.errors(include_url=False)[0]
    loc = _data_path(data, error["loc"])
    mark = source.find(loc)
    message = str(error["msg"]).removeprefix("Value error, ")
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        message = f"unknown field {name!r}"
        close = difflib.get_close_matches(name, _known_fields(model, loc[:-1]), n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {close[0]!r}?"
    elif kind == "missing":
        message = f"required field {str(error['loc'][-1])!r} is missing"
    elif kind not in ("value_error", "assertion_error"):
        got = error.get("input")
        if isinstance(got, (str, int, float, bool)) or got is None:
            shown = repr(got)
            message += f" (got {shown[:60] + '…' if len(shown) > 60 else shown})"
    return InputError(
        source.path, message, mark.line if mark else None, mark.column if mark else None, dotted(loc) or None
    )


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop the parts of a pydantic location that are not in the data (union and tag names)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            key = next((k for k in node if str(k) == str(part)), None)
            if key is not None:
                path.append(str(key))  # a mapping key, even an int year, is shown as `.2020`
                node = node[key]
                continue
            if part == loc[-1] and not isinstance(part, int):
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
        sub = _first_model(field.annotation)
        if sub is None:
            return []
        current = sub
    return list(current.model_fields)


def _first_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def load_report(path: Path | str) -> tuple[Report, SourceMap]:
    return parse(Report, Path(path))


def default_criteria_root() -> Path:
    """Criteria shipped in the wheel, else the checkout's ``criteria/``; CSR_RATING_CRITERIA overrides."""
    override = os.environ.get("CSR_RATING_CRITERIA")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    for candidate in (here / "criteria", here.parent / "criteria"):
        if candidate.is_dir():
            return candidate
    return here.parent / "criteria"


def load_criteria(root: Path | str | None = None, standard: str = DEFAULT_STANDARD) -> CriteriaSet:
    root = Path(root) if root is not None else default_criteria_root()
    if not root.is_dir():
        raise InputError(str(root), "criteria folder not found")
    folder = root / standard
    if not folder.is_dir():
        known = sorted(p.name for p in root.iterdir() if (p / "standard.yaml").is_file())
        raise InputError(str(folder), f"no standard {standard!r} here (known: {', '.join(known) or 'none'})")
    spec, _ = parse(Standard, folder / "standard.yaml")
    dimensions = []
    for dim in spec.dimensions:
        criteria, source = parse(DimensionCriteria, folder / dim.criteria)
        if criteria.dimension != dim.id:
            mark = source.find(("dimension",))
            raise InputError(
                source.path,
                f"file is for dimension {criteria.dimension!r}, the standard lists it for {dim.id!r}",
                mark.line if mark else 1,
                1,
                "dimension",
            )
        dimensions.append(Dimension(spec=dim, criteria=criteria.criteria))
    catalogs: dict[str, Catalog] = {}
    industries = root / "industries"
    for path in sorted(industries.glob("*.yaml")) if industries.is_dir() else []:
        catalog, source = parse(Catalog, path)
        if catalog.id != path.stem:
            raise InputError(
                str(path),
                f"catalog id {catalog.id!r} must match the file name {path.stem!r}",
                source.line(("id",)),
                1,
                "id",
            )
        catalogs[catalog.id] = catalog
    try:
        return CriteriaSet(standard=spec, dimensions=dimensions, catalogs=catalogs)
    except ValidationError as exc:
        raise InputError(
            str(folder), str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        ) from None
