"""Mutation fuzzing of the bundled examples through the library path (``csr_rating.api.rate``).

Each example is loaded, mutated one to three times (a key dropped or renamed, a value's type changed,
a list entry duplicated or deleted, a number made negative, huge or NaN, a year key changed), written
back with ``yaml.safe_dump`` and rated. Whatever the mutation, the only exception allowed is
``InputError``, whose text is one line starting with the file's path; a report that is accepted scores
within 0..100 everywhere. Valid reports score the same whatever the key order of their mappings.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from csr_rating.api import rate
from csr_rating.errors import InputError
from csr_rating.loading import load_criteria
from csr_rating.scorecard import Scorecard
from tests.conftest import REPORTS, THOROUGH
from tests.strategies import shuffled

CRITERIA = load_criteria()
EXAMPLES = {
    name: yaml.safe_load((REPORTS / name).read_text(encoding="utf-8"))
    for name in ("fictitious-mid-quality.yaml", "fictitious-first-draft.yaml")
}
# The thorough run (CSR_RATING_THOROUGH=1): 2 examples x 1100 mutated reports + 2 x 100 reordered ones,
# > 2,000 cases, about a minute here. The default run keeps the suite under three minutes with 2 x 150
# and 2 x 15 (the same strategies: a regression that shows in one case in fifty still shows).
MUTATIONS_PER_EXAMPLE = 1100 if THOROUGH else 150
SHUFFLES_PER_EXAMPLE = 100 if THOROUGH else 15
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

Path_ = tuple[str | int, ...]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file every example is written into (hypothesis runs examples one after another)."""
    return tmp_path_factory.mktemp("fuzz") / "report.yaml"


def _nodes(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, (*path, index))


def _get(doc: Any, path: Path_) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


scalars = st.one_of(
    st.text(max_size=12),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
any_value = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=8), scalars, max_size=3),
)
numbers = st.sampled_from(["negative", "minus-one", "zero", "huge-int", "huge-float", "nan", "inf", "-inf"])
KINDS = ["drop-key", "rename-key", "change-type", "duplicate-entry", "delete-entry", "number", "year-key"]


def _renamed(key: Any, draw: st.DrawFn) -> Any:
    if not isinstance(key, str):
        return draw(st.one_of(st.just(str(key)), st.just(f"{key}x"), st.integers(1900, 2100)))
    return draw(
        st.one_of(
            st.just(key + "s"),
            st.just(key[:-1] or "x"),
            st.just(key.upper()),
            st.just(key.replace("_", "-")),
            st.just(f" {key}"),
            st.text(min_size=1, max_size=10),
        )
    )


def _mutate_once(doc: dict[str, Any], draw: st.DrawFn) -> None:
    kind = draw(st.sampled_from(KINDS))
    nodes = list(_nodes(doc))
    if kind in ("drop-key", "rename-key"):
        mappings = [path for path, node in nodes if isinstance(node, dict) and node]
        target = _get(doc, draw(st.sampled_from(mappings)))
        key = draw(st.sampled_from(list(target)))
        if kind == "drop-key":
            del target[key]
        else:
            new = _renamed(key, draw)
            items = [(new if k == key else k, v) for k, v in target.items()]
            target.clear()
            target.update(items)
    elif kind == "change-type":
        path = draw(st.sampled_from([p for p, _ in nodes if p]))
        _get(doc, path[:-1])[path[-1]] = draw(any_value)
    elif kind in ("duplicate-entry", "delete-entry"):
        lists = [path for path, node in nodes if isinstance(node, list) and node]
        if not lists:
            return
        target = _get(doc, draw(st.sampled_from(lists)))
        index = draw(st.integers(0, len(target) - 1))
        if kind == "duplicate-entry":
            target.insert(index + 1, copy.deepcopy(target[index]))
        else:
            del target[index]
    elif kind == "number":
        leaves = [path for path, node in nodes if path and _is_number(node)]
        if not leaves:
            return
        path = draw(st.sampled_from(leaves))
        old = _get(doc, path)
        new = {
            "negative": -abs(old) - 1,
            "minus-one": -1,
            "zero": 0,
            "huge-int": 10**30,
            "huge-float": 1e308,
            "nan": math.nan,
            "inf": math.inf,
            "-inf": -math.inf,
        }[draw(numbers)]
        _get(doc, path[:-1])[path[-1]] = new
    else:  # year-key
        yearly = [
            path
            for path, node in nodes
            if isinstance(node, dict) and any(isinstance(k, int) and not isinstance(k, bool) for k in node)
        ]
        if not yearly:
            return
        target = _get(doc, draw(st.sampled_from(yearly)))
        year = draw(st.sampled_from([k for k in target if isinstance(k, int) and not isinstance(k, bool)]))
        new = draw(
            st.sampled_from(
                [year + 1, year + 10, year - 1, year - 100, 1800, 3000, str(year), f"{year}.0", "last_year", True]
            )
        )
        items = [(new if k == year else k, v) for k, v in target.items()]
        target.clear()
        target.update(items)


@st.composite
def mutated(draw: st.DrawFn, example: str) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLES[example])
    for _ in range(draw(st.integers(1, 3))):
        _mutate_once(doc, draw)
    return doc


def _write(path: Path, doc: Any) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _assert_in_range(card: Scorecard) -> None:
    def ok(value: float) -> bool:
        return math.isfinite(value) and 0 <= value <= 100

    assert ok(card.overall.score), card.overall
    for dimension in card.dimensions:
        assert ok(dimension.score), (dimension.id, dimension.score)
        for criterion in dimension.criteria:
            assert math.isfinite(criterion.earned) and 0 <= criterion.earned <= criterion.points + 1e-9, criterion.id
            assert ok(criterion.gain), (criterion.id, criterion.gain)
    for suggestion in card.suggestions:
        assert ok(suggestion.gain), suggestion


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@settings(FUZZ, max_examples=MUTATIONS_PER_EXAMPLE)
@given(data=st.data())
def test_mutated_examples_give_a_score_or_one_input_error(example, scratch, data):
    doc = data.draw(mutated(example), label="mutated report")
    _write(scratch, doc)
    try:
        card = rate(scratch, CRITERIA)
    except InputError as error:
        text = str(error)
        assert len(text.splitlines()) == 1 and "\n" not in text and "\r" not in text, text
        assert text.startswith(str(scratch)), text
        assert "\x1b" not in text
        event("refused: " + text.split(": ", 1)[1].split(" (")[0][:40])
        return
    event("scored")
    _assert_in_range(card)


def test_the_unmutated_examples_are_valid(scratch):
    for doc in EXAMPLES.values():
        _write(scratch, doc)
        _assert_in_range(rate(scratch, CRITERIA))


# --- key order does not matter ----------------------------------------------------------------------


@st.composite
def with_more_disclosures(draw: st.DrawFn, example: str) -> dict[str, Any]:
    """The example, possibly with added indicators, topics, testimonials and counts: still valid."""
    doc = copy.deepcopy(EXAMPLES[example])
    year = doc["meta"]["year"]
    for n in range(draw(st.integers(0, 3))):
        years = draw(st.lists(st.integers(year - 4, year), min_size=1, max_size=4, unique=True))
        doc.setdefault("indicators", []).append(
            {"name": f"Fuzz indicator {n}", "unit": "t", "values": {y: draw(st.integers(0, 10**6)) for y in years}}
        )
    for n in range(draw(st.integers(0, 2))):
        doc.setdefault("topics", []).append(
            {"name": f"Fuzz topic {n}", "depth": draw(st.sampled_from(["mentioned", "detailed"]))}
        )
    originality = doc.setdefault("originality", {}) or {}
    doc["originality"] = originality
    for n in range(draw(st.integers(0, 3))):
        originality.setdefault("testimonials", []).append({"who": f"Fuzz person {n}"})
    readability = doc.setdefault("readability", {}) or {}
    doc["readability"] = readability
    for field in ("cases", "pictures", "charts"):
        readability[field] = readability.get(field, 0) + draw(st.integers(0, 5))
    return doc


def _signature(card: Scorecard) -> tuple:
    """Everything that is scored (line numbers, which move with the keys, left out)."""
    return (
        card.overall.score,
        card.overall.stars,
        card.overall.exemplary,
        tuple(
            (
                d.id,
                d.score,
                d.stars,
                tuple((c.id, c.earned, c.gain, tuple(e.text for e in c.evidence), repr(c.missing)) for c in d.criteria),
            )
            for d in card.dimensions
        ),
        tuple((s.criterion, s.gain) for s in card.suggestions),
    )


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@settings(FUZZ, max_examples=SHUFFLES_PER_EXAMPLE)
@given(data=st.data(), rng=st.randoms(use_true_random=False))
def test_key_order_does_not_change_the_score(example, scratch, data, rng):
    doc = data.draw(with_more_disclosures(example), label="report with more disclosures")
    _write(scratch, doc)
    before = _signature(rate(scratch, CRITERIA))
    _write(scratch, shuffled(doc, rng))
    assert _signature(rate(scratch, CRITERIA)) == before
