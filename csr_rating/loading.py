"""Files in, validated models out — or one InputError naming file, line, column and field.

Every input (report, standard, criteria, catalog) goes through ``parse``: one reader, one YAML
loader, one way of turning a pydantic error into a line a person can act on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet, Dimension, DimensionCriteria, Standard
from csr_rating.errors import InputError
from csr_rating.messages import validation_error
from csr_rating.report import Report
from csr_rating.yamlio import STDIN, SourceMap, load_yaml, read_stdin, read_text

M = TypeVar("M", bound=BaseModel)
DEFAULT_STANDARD = "cass-csr-4.0"


def parse(model: type[M], path: Path) -> tuple[M, SourceMap]:
    return parse_text(model, read_text(path), str(path))


def parse_text(model: type[M], text: str, shown: str) -> tuple[M, SourceMap]:
    """``parse`` for text that is not (or not only) a file: standard input, an ingested draft."""
    data, source = load_yaml(text, shown)
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise InputError(shown, f"expected a YAML mapping at the top level, found a {kind}", 1, 1)
    try:
        return model.model_validate(data), source
    except ValidationError as exc:
        raise validation_error(exc, data, source, model) from None


def load_report(path: Path | str) -> tuple[Report, SourceMap]:
    """A structured report from a YAML file, or from standard input when the path is "-"."""
    if str(path) == STDIN:
        return parse_text(Report, read_stdin(), "<stdin>")
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


def standards_in(root: Path | str | None = None) -> list[str]:
    """The standard ids in a criteria folder (each a sub-folder holding standard.yaml)."""
    folder = Path(root) if root is not None else default_criteria_root()
    if not folder.is_dir():
        raise InputError(str(folder), "not a criteria folder" if folder.exists() else "criteria folder not found")
    found = sorted(p.name for p in folder.iterdir() if (p / "standard.yaml").is_file())
    if not found:
        raise InputError(str(folder), "no standard here (a sub-folder with a standard.yaml)")
    return found


def load_criteria(root: Path | str | None = None, standard: str = DEFAULT_STANDARD) -> CriteriaSet:
    root = Path(root) if root is not None else default_criteria_root()
    if not root.is_dir():
        raise InputError(str(root), "not a criteria folder" if root.exists() else "criteria folder not found")
    if not standard or "/" in standard or "\\" in standard or standard.startswith("."):
        raise InputError(str(root), f"standard id {standard!r} is not a plain name")
    folder = root / standard
    if not folder.is_dir():
        known = sorted(p.name for p in root.iterdir() if (p / "standard.yaml").is_file())
        raise InputError(str(folder), f"no standard {standard!r} here (known: {', '.join(known) or 'none'})")
    spec, _ = parse(Standard, folder / "standard.yaml")
    dimensions = []
    seen: dict[str, str] = {}
    for dim in spec.dimensions:
        criteria, source = parse(DimensionCriteria, folder / dim.criteria)
        if criteria.dimension != dim.id:
            raise source.error(
                ("dimension",), f"file is for dimension {criteria.dimension!r}, the standard lists it for {dim.id!r}"
            )
        for index, criterion in enumerate(criteria.criteria):
            if criterion.id in seen:
                raise source.error(
                    ("criteria", index, "id"), f"criterion id {criterion.id!r} is already used in {seen[criterion.id]}"
                )
            seen[criterion.id] = dim.criteria
        dimensions.append(Dimension(spec=dim, criteria=criteria.criteria))
    catalogs: dict[str, Catalog] = {}
    industries = root / "industries"
    for path in sorted(industries.glob("*.yaml")) if industries.is_dir() else []:
        catalog, source = parse(Catalog, path)
        if catalog.id != path.stem:
            raise source.error(("id",), f"catalog id {catalog.id!r} must match the file name {path.stem!r}")
        catalogs[catalog.id] = catalog
    try:
        return CriteriaSet(standard=spec, dimensions=dimensions, catalogs=catalogs)
    except ValidationError as exc:
        raise InputError(
            str(folder), str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        ) from None
