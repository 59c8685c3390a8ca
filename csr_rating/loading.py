"""Files in, validated models out — or one InputError naming file, line, column and field.

Every input (report, standard, criteria, catalog) goes through ``parse``: one reader, one YAML
loader, one way of turning a pydantic error into a line a person can act on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from csr_rating.catalog import Catalog, CatalogFile, merge
from csr_rating.criteria import (
    CriteriaSet,
    Criterion,
    Dimension,
    DimensionCriteria,
    DimensionSpec,
    Standard,
    StandardOverlay,
)
from csr_rating.errors import InputError
from csr_rating.gcpause import paused
from csr_rating.messages import validation_error
from csr_rating.names import DEFAULT_STANDARD
from csr_rating.packcache import PackCache
from csr_rating.report import Report
from csr_rating.yamlio import STDIN, SourceMap, load_yaml, read_stdin, read_text

MAX_EXTENDS = 8  # a chain of standards or catalogs longer than this is surely a mistake

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], path: Path) -> tuple[M, SourceMap]:
    return parse_text(model, read_text(path), str(path))


def looks_like_report(path: Path) -> bool:
    """Whether a YAML file is meant as a structured report (a mapping with a ``meta`` section), so a
    hook watching a folder can pass over other YAML files there; an unreadable file is treated as a
    report, so its error is shown, not hidden."""
    try:
        data, _ = load_yaml(read_text(path), str(path))
    except InputError:
        return True
    return isinstance(data, dict) and "meta" in data


def parse_text(model: type[M], text: str, shown: str) -> tuple[M, SourceMap]:
    """``parse`` for text that is not (or not only) a file: standard input, an ingested draft."""
    data, source = load_yaml(text, shown)
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise InputError(shown, f"expected a YAML mapping at the top level, found a {kind}", 1, 1)
    try:
        with paused():  # the model's objects hold no cycles; collections during validation walk them all again
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
    try:
        found = sorted(p.name for p in folder.iterdir() if (p / "standard.yaml").is_file())
    except OSError as exc:  # an unreadable sub-folder: the user's to fix, named
        raise InputError(str(exc.filename or folder), f"cannot read: {exc.strerror or exc}") from None
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
    cache = PackCache.of(root)
    catalogs = CatalogLibrary(root / "industries", cache)
    cached = cache.load(f"standard {standard}")
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Standard):
        # validated when it was stored, from files with these very contents
        return CriteriaSet.model_construct(standard=cached[0], dimensions=cached[1], catalogs=catalogs)
    spec, dimensions = load_standard(root, standard, ())
    try:
        loaded = CriteriaSet(standard=spec, dimensions=dimensions, catalogs=catalogs)
    except ValidationError as exc:
        raise InputError(
            str(folder), str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        ) from None
    cache.store(f"standard {standard}", (spec, dimensions))
    return loaded


class CatalogLibrary(Mapping[str, Catalog]):
    """The catalogs of a criteria folder, each parsed and merged with its chain when first asked for.

    Scoring a report reads its own industry's pack and the base, not all of them: loading each of
    sixteen packs costs a YAML parse, so a library is lazy. Asking for every value (``lint``,
    industry detection) loads and checks them all. Ids are the file names (a file whose ``id``
    differs is an error when it is loaded). A merged catalog is kept in ``cache`` (packcache)."""

    def __init__(self, folder: Path, cache: PackCache | None = None) -> None:
        self.folder = folder
        self.cache = cache or PackCache(None)
        found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        self._paths = {path.stem: path for path in found}
        self._merged: dict[str, Catalog] = {}
        for other in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            raise InputError(str(other), "catalog files end in .yaml (rename it, or it would be ignored)")

    def __getitem__(self, catalog_id: str) -> Catalog:
        if catalog_id not in self._paths:
            raise KeyError(catalog_id)
        return self._resolve(catalog_id, ())

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, catalog_id: object) -> bool:
        return catalog_id in self._paths

    def _resolve(self, catalog_id: str, chain: tuple[str, ...]) -> Catalog:
        if catalog_id in self._merged:
            return self._merged[catalog_id]
        cached = self.cache.load(f"catalog {catalog_id}")
        if isinstance(cached, Catalog):
            self._merged[catalog_id] = cached
            return cached
        path = self._paths[catalog_id]
        file, source = parse(CatalogFile, path)
        if file.id != path.stem:
            raise source.error(("id",), f"catalog id {file.id!r} must match the file name {path.stem!r}")
        base = None
        if file.extends is not None:
            if file.extends not in self._paths:
                known = ", ".join(sorted(self._paths)) or "none"
                raise source.error(("extends",), f"extends {file.extends!r}: no such catalog here (known: {known})")
            if file.extends in (*chain, catalog_id):
                cycle = " -> ".join([*chain[chain.index(file.extends) :], catalog_id, file.extends])
                raise source.error(("extends",), f"extends makes a cycle: {cycle}")
            if len(chain) >= MAX_EXTENDS:
                raise source.error(("extends",), f"extends chain longer than {MAX_EXTENDS} catalogs")
            base = self._resolve(file.extends, (*chain, catalog_id))
        try:
            merged = merge(base, file)
        except ValidationError as exc:
            message = str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
            merged_with = f"merged with {file.extends!r}: " if file.extends else ""
            raise InputError(str(path), f"{merged_with}{message}") from None
        except ValueError as exc:
            raise source.error(("drop",), str(exc)) from None
        self._merged[catalog_id] = merged
        merged.warm()  # its name indexes go into the cache with it
        self.cache.store(f"catalog {catalog_id}", merged)
        return merged


def load_catalogs(folder: Path) -> dict[str, Catalog]:
    """Every catalog in ``folder``, merged and checked (what ``criteria lint`` asks for)."""
    library = CatalogLibrary(folder)
    return {catalog_id: library[catalog_id] for catalog_id in library}


def load_standard(root: Path, standard: str, chain: tuple[str, ...]) -> tuple[Standard, list[Dimension]]:
    """A standard and its dimensions' criteria; an overlay (``extends``) is applied to its base."""
    folder = root / standard
    if not (folder / "standard.yaml").is_file():
        known = sorted(p.name for p in root.iterdir() if (p / "standard.yaml").is_file())
        raise InputError(str(folder), f"no standard {standard!r} here (known: {', '.join(known) or 'none'})")
    path = folder / "standard.yaml"
    data, source = load_yaml(read_text(path), str(path))
    if isinstance(data, dict) and "extends" in data:
        overlay, source = parse(StandardOverlay, path)
        _named_as_folder(overlay.id, standard, source)
        if overlay.extends in (*chain, standard):
            loop = chain[chain.index(overlay.extends) :] if overlay.extends in chain else ()
            cycle = " -> ".join([*loop, standard, overlay.extends])
            raise source.error(("extends",), f"extends makes a cycle: {cycle}")
        if len(chain) >= MAX_EXTENDS:
            raise source.error(("extends",), f"extends chain longer than {MAX_EXTENDS} standards")
        base, base_dimensions = load_standard(root, overlay.extends, (*chain, standard))
        return _apply_overlay(overlay, source, folder, base, base_dimensions)
    spec, source = parse(Standard, path)
    _named_as_folder(spec.id, standard, source)
    dimensions = []
    seen: dict[str, str] = {}
    for dim in spec.dimensions:
        criteria, source = _criteria_file(folder, dim)
        for index, criterion in enumerate(criteria):
            if criterion.id in seen:
                raise source.error(
                    ("criteria", index, "id"), f"criterion id {criterion.id!r} is already used in {seen[criterion.id]}"
                )
            seen[criterion.id] = dim.criteria
        dimensions.append(Dimension(spec=dim, criteria=criteria))
    return spec, dimensions


def _named_as_folder(standard_id: str, folder: str, source: SourceMap) -> None:
    """A standard's id is its folder's name: --standard and the scorecard then say the same thing."""
    if standard_id != folder:
        raise source.error(("id",), f"standard id {standard_id!r} must match its folder name {folder!r}")


def _criteria_file(folder: Path, dim: DimensionSpec) -> tuple[list[Criterion], SourceMap]:
    criteria, source = parse(DimensionCriteria, folder / dim.criteria)
    if criteria.dimension != dim.id:
        raise source.error(
            ("dimension",), f"file is for dimension {criteria.dimension!r}, the standard lists it for {dim.id!r}"
        )
    return criteria.criteria, source


def _apply_overlay(
    overlay: StandardOverlay, source: SourceMap, folder: Path, base: Standard, dimensions: list[Dimension]
) -> tuple[Standard, list[Dimension]]:
    """The base with the overlay's changes: dropped and added dimensions, new weights, patched criteria."""
    by_id = {d.spec.id: d for d in dimensions}
    for field, ids in (
        ("drop_dimensions", [r.id for r in overlay.drop_dimensions]),
        ("dimensions", [d.id for d in overlay.dimensions]),
    ):
        for index, item_id in enumerate(ids):
            if item_id in ids[:index]:
                raise source.error((field, index, "id"), f"dimension {item_id!r} is listed twice")
    for index, removal in enumerate(overlay.drop_dimensions):
        if by_id.pop(removal.id, None) is None:
            raise source.error(("drop_dimensions", index, "id"), f"no dimension {removal.id!r} in {base.id!r}")
    for index, patch in enumerate(overlay.dimensions):
        given = patch.model_dump(exclude_none=True)
        if patch.id in by_id:
            old = by_id[patch.id]
            spec = old.spec.model_copy(update=given)
            criteria = _criteria_file(folder, spec)[0] if patch.criteria else old.criteria
        else:
            lacking = [k for k in ("name", "weight", "criteria") if k not in given]
            if lacking:
                raise source.error(("dimensions", index), f"new dimension {patch.id!r} needs {', '.join(lacking)}")
            spec = DimensionSpec.model_validate(given)
            criteria = _criteria_file(folder, spec)[0]
        by_id[patch.id] = Dimension(spec=spec, criteria=criteria)
    patched: set[str] = set()
    for dim_id, dim in list(by_id.items()):
        criteria = []
        for criterion in dim.criteria:
            change = overlay.criteria.get(criterion.id)
            if change is not None:
                patched.add(criterion.id)
                data = criterion.model_dump(mode="json", exclude_none=True)
                if change.points is not None:
                    data["points"] = change.points
                data["check"] = {**data["check"], **change.check}
                try:
                    criterion = Criterion.model_validate(data)
                except ValidationError as exc:
                    message, where = _first_error(exc)
                    raise source.error(
                        ("criteria", criterion.id), f"{message} ({where})" if where else message
                    ) from None
            criteria.append(criterion)
        by_id[dim_id] = Dimension(spec=dim.spec, criteria=criteria)
    for criterion_id in overlay.criteria:
        if criterion_id not in patched:
            raise source.error(
                ("criteria", criterion_id), f"no criterion {criterion_id!r} in the standard's dimensions"
            )
    merged = base.model_dump(mode="json")
    merged.update(
        overlay.model_dump(
            mode="json", exclude_none=True, include={"id", "title", "version", "basis", "stars", "grades", "exemplary"}
        )
    )
    merged["dimensions"] = [d.spec.model_dump(mode="json") for d in by_id.values()]
    try:
        standard = Standard.model_validate(merged)
    except ValidationError as exc:
        message, where = _first_error(exc)
        raise InputError(
            source.path, f"after applying the overlay: {message}" + (f" (field: {where})" if where else "")
        ) from None
    return standard, list(by_id.values())


def _first_error(exc: ValidationError) -> tuple[str, str]:
    """The first error of a validation: its message (without pydantic's prefix) and its field path."""
    first = exc.errors(include_url=False)[0]
    return str(first["msg"]).removeprefix("Value error, "), ".".join(str(part) for part in first["loc"])
