"""The reference example is built from the seed's facts, and none of its sentences.

These tests read the real report text from ../shared/seeds/ and skip where it is absent.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import REFERENCE, ROOT, SEED

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the seed report text (../shared/seeds) is not here")


def _seed_numbers() -> set[float]:
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"(\d), (\d{3})\b", r"\1,\2", text)  # "90, 258" in the extraction is 90,258
    return {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def test_every_reported_value_appears_in_the_seed():
    numbers = _seed_numbers()
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    absent = []
    for indicator in data["indicators"]:
        for year, value in (indicator.get("values") or {}).items():
            if isinstance(value, (int, float)) and float(value) not in numbers:
                absent.append((indicator["name"], year, value))
    assert not absent, absent


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


PROSE_FIELDS = {"narrative", "explanation", "measures", "description"}


def _prose(value, found: list[str]) -> list[str]:
    """The free-text fields of a report: these must be paraphrase; names and titles are facts."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in PROSE_FIELDS and isinstance(item, str):
                found.append(item)
            else:
                _prose(item, found)
    elif isinstance(value, list):
        for item in value:
            _prose(item, found)
    return found


def _copied(texts: dict[str, str], size: int) -> list[tuple[str, str]]:
    seed = _words(SEED.read_text(encoding="utf-8"))
    shingles = {" ".join(seed[i : i + size]) for i in range(len(seed) - size)}
    copied = []
    for name, text in texts.items():
        words = _words(text)
        hits = [
            " ".join(words[i : i + size])
            for i in range(len(words) - size + 1)
            if " ".join(words[i : i + size]) in shingles
        ]
        copied.extend((name, hit) for hit in hits[:1])
    return copied


def test_no_sentence_of_the_seed_is_copied_into_the_report_prose():
    texts = {}
    for path in sorted(ROOT.glob("reports/*.yaml")):
        text = path.read_text(encoding="utf-8")
        comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
        texts[path.name] = " | ".join(_prose(yaml.safe_load(text), []) + comments)
    assert not _copied(texts, 10), _copied(texts, 10)


def test_no_passage_of_the_seed_is_copied_into_docs_criteria_or_tests():
    files = [
        *ROOT.glob("criteria/**/*.yaml"),
        ROOT / "README.md",
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("tests/**/*.yaml"),
    ]
    # names of standards and addresses (facts) run to about 14 words; copied sentences run longer
    assert not _copied({p.name: _without_indicator_names(p) for p in files}, 16)


def _without_indicator_names(path) -> str:
    """The annotations of the KPI tables hold each indicator's name as printed (a fact, and some run
    to 18 words); everything else in them is checked like any other file."""
    text = path.read_text(encoding="utf-8")
    if path.parent.name != "annotations":
        return text
    return "\n".join(line for line in text.splitlines() if not line.lstrip(" -").startswith("name:"))


def test_the_copy_check_would_catch_a_copied_sentence():
    seed = " ".join(_words(SEED.read_text(encoding="utf-8"))[5000:5030])
    assert _copied({"probe": f"narrative: {seed}"}, 10)
