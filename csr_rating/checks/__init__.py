"""The registry of check kinds: criteria YAML names a kind and gives its parameters.

Each kind is one module with a docstring (its documentation), a pydantic parameter model and one
``evaluate(params, context) -> Outcome`` function. There is no other way to compute a score: no
expressions, no code in YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Annotated, Any, Union

from pydantic import Field

from csr_rating.checks import (
    benchmark,
    catalog_share,
    count_bands,
    coverage,
    multi_year,
    negative_disclosure,
    presence,
    topic_coverage,
)
from csr_rating.checks.base import Context, Outcome, Params

_MODULES: tuple[tuple[ModuleType, type[Params]], ...] = (
    (presence, presence.PresenceParams),
    (count_bands, count_bands.CountBandsParams),
    (coverage, coverage.CoverageParams),
    (catalog_share, catalog_share.CatalogShareParams),
    (multi_year, multi_year.MultiYearParams),
    (benchmark, benchmark.BenchmarkParams),
    (negative_disclosure, negative_disclosure.NegativeDisclosureParams),
    (topic_coverage, topic_coverage.TopicCoverageParams),
)

KINDS: dict[str, ModuleType] = {
    params.model_fields["kind"].annotation.__args__[0]: module  # type: ignore[union-attr]
    for module, params in _MODULES
}

_PARAM_MODELS = tuple(p for _, p in _MODULES)
# One discriminated union over every registered kind: `kind` picks the parameter model.
CheckParams = Annotated[Union[_PARAM_MODELS], Field(discriminator="kind")]  # type: ignore[valid-type]  # noqa: UP007


def evaluate(params: Any, context: Context) -> Outcome:
    """Run the kind named by ``params.kind``."""
    run: Callable[[Any, Context], Outcome] = KINDS[params.kind].evaluate
    return run(params, context)


def documentation(kind: str) -> str:
    return (KINDS[kind].__doc__ or "").strip()
