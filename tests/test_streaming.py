"""Many reports at once: `check` keeps no scorecard to the end, and `score DIR --jobs N` prints the
same bytes as one process."""

from __future__ import annotations

import gc

import pytest

from csr_rating.api import rate
from csr_rating.render import FORMATS
from csr_rating.render.many import Many, render_many
from csr_rating.scorecard import Scorecard
from tests import golden_outputs as golden
from tests.conftest import REPORTS


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_check_outputs_hold_no_scorecard(fmt: str, criteria) -> None:
    cards = [rate(path, criteria) for path in sorted(REPORTS.glob("*.yaml"))]
    many = Many(fmt, "en", False, 5)
    for card in cards:
        many.add(card)
    held = [ref for ref in gc.get_referents(*vars(many).values()) if isinstance(ref, Scorecard)]
    assert held == [] and many.first is None
    assert many.text() == render_many(cards, fmt, "en", False, 5)


def test_one_card_renders_as_alone(criteria) -> None:
    card = rate(REPORTS / "fictitious-first-draft.yaml", criteria)
    for fmt, render in FORMATS.items():
        assert render_many([card], fmt, "zh", True, 3) == render(card, "zh", True, 3)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_workers_print_the_same_bytes(fmt: str) -> None:
    one = golden.run("score", "reports", "tests/fixtures", "-f", fmt)
    two = golden.run("score", "reports", "tests/fixtures", "-f", fmt, "--jobs", "3")
    assert two == one
    assert one[0] in (0, 2) and one[1]
