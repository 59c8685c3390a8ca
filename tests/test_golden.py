"""Every output stays byte-identical to the one recorded before a change that should not alter it
(speed-ups, refactors). A change meant to alter outputs regenerates the record: see
``tests/golden_outputs.py``."""

from __future__ import annotations

import pytest

from tests import golden_outputs as golden

REGENERATE = "if the change is meant: .venv/bin/python -m tests.golden_outputs (see its docstring to diff)"


def _differing(found: dict[str, str], kind: str) -> list[str]:
    recorded = golden.recorded()[kind]
    return [name for name, text in found.items() if golden.digest(text) != recorded.get(name)]


@pytest.mark.parametrize("report", golden.REPORTS)
def test_every_format_of_a_bundled_report_is_unchanged(report: str) -> None:
    assert _differing(golden.score_cases(report), "score") == [], REGENERATE


def test_the_batch_table_and_the_gate_are_unchanged() -> None:
    assert _differing({**golden.batch_cases(), **golden.check_cases()}, "score") == [], REGENERATE


def test_the_record_covers_every_case() -> None:
    names = set(golden.recorded()["score"])
    expected = {f"{r}.{lang}.{f}" for r in golden.REPORTS for lang in golden.LANGS for f in golden.FORMATS}
    assert expected <= names
    assert set(golden.recorded()["ingest"]) == set(golden.INGESTED)


@pytest.mark.parametrize("draft", golden.INGESTED)
def test_ingest_of_a_real_draft_is_unchanged(draft: str) -> None:
    if not (golden.SHARED / draft).is_file():
        pytest.skip(f"../shared/{draft} is absent")
    assert _differing({draft: golden.ingest_case(draft)}, "ingest") == [], REGENERATE
