"""A corpus of hostile inputs: each gets exactly one stderr line naming the file, exit 2, nothing on stdout.

The corpus lives in tests/hostile/ with its sidecar tests/hostile/cases.yaml (what each case is, the
message it must produce and, where knowable, its line). Byte-level cases (encodings, binaries) are
recipes in the sidecar, written into a temp dir; big inputs are generated here, never committed.

Most cases run in-process through ``csr_rating.cli.main`` (same code path, ~50x cheaper); a sample
runs through the real subprocess so the process-level contract (exit code, streams) is checked too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT, Run, run_in_process

HOSTILE = Path(__file__).resolve().parent / "hostile"
SIDECAR = HOSTILE / "cases.yaml"
CASES: dict[str, dict] = yaml.safe_load(SIDECAR.read_text(encoding="utf-8"))
MINIMAL = FIXTURES / "minimal.yaml"

# These also run through the real command in a subprocess (one of each broad kind).
SUBPROCESS = {
    "yaml-unclosed-flow.yaml",
    "dup-year-int-vs-str.yaml",
    "tag-python-object.yaml",
    "two-documents.yaml",
    "empty.yaml",
    "count-string.yaml",
    "unknown-process-field.yaml",
    "value-after-meta-year.yaml",
    "waiver-without-reason.yaml",
    "deep-flow-nesting.yaml",
    "utf16le-no-bom.yaml",
    "latin1.yaml",
    "escape-in-key.yaml",
}


def materialise(name: str, entry: dict, tmp_path: Path) -> Path:
    if "bytes_hex" in entry:
        path = tmp_path / name
        path.write_bytes(bytes.fromhex(entry["bytes_hex"]))
        return path
    return HOSTILE / name


def assert_one_line_error(run: Run, path: Path | str, message: str, line: int | None = None) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == 2, run
    assert run.stdout == "", run.stdout[:500]
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert str(path) in lines[0], lines[0]
    assert message in lines[0], (message, lines[0])
    if line is not None:
        assert f"{path}:{line}:" in lines[0], (line, lines[0])
    assert "\x1b" not in run.stderr  # a hostile key or value never reaches the terminal raw


def _params(names: list[str]) -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=CASES[name]["xfail"], strict=True))
        if "xfail" in CASES[name]
        else name
        for name in names
    ]


def test_the_corpus_is_complete_and_small():
    committed = {p.name for p in HOSTILE.iterdir()} - {SIDECAR.name}
    from_sidecar = {name for name, entry in CASES.items() if "bytes_hex" not in entry}
    assert committed == from_sidecar, committed ^ from_sidecar
    assert len(CASES) >= 45
    assert set(CASES) >= SUBPROCESS
    for name, entry in CASES.items():
        assert entry.get("what") and entry.get("message"), name
        size = len(bytes.fromhex(entry["bytes_hex"])) if "bytes_hex" in entry else (HOSTILE / name).stat().st_size
        assert size < 50_000, name


@pytest.mark.parametrize("name", _params(sorted(set(CASES) - SUBPROCESS)))
def test_hostile_report_in_process(name, tmp_path, capsys, monkeypatch):
    entry = CASES[name]
    path = materialise(name, entry, tmp_path)
    run = run_in_process(["score", str(path)], capsys, monkeypatch)
    assert_one_line_error(run, path, entry["message"], entry.get("line"))


@pytest.mark.parametrize("name", _params(sorted(SUBPROCESS)))
def test_hostile_report_subprocess(name, tmp_path, cli):
    entry = CASES[name]
    path = materialise(name, entry, tmp_path)
    assert_one_line_error(cli("score", str(path)), path, entry["message"], entry.get("line"))


# --- big inputs, generated at test time ---------------------------------------------------------------

HEAD = "meta:\n  organisation: A\n  title: B\n  year: 2020\n"


def _alias_bomb() -> str:
    """The billion-laughs document: 9 levels of 10 aliases each, 10^9 values once expanded."""
    text = "lol0: &l0 [" + ", ".join(["lol"] * 10) + "]\n"
    for level in range(1, 9):
        text += f"lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]\n"
    return HEAD + text


BIG = {
    "alias-bomb.yaml": (lambda: _alias_bomb().encode(), "aliases expand to more than 10000 values"),
    "25mb.yaml": (lambda: (HEAD + ("# " + "x" * 998 + "\n") * 25_000).encode(), "larger than the limit"),
    "300k-values.yaml": (lambda: (HEAD + "topics: [" + "1, " * 300_000 + "1]\n").encode(), "more than 100000"),
    "19mb-flow-ints.yaml": (
        lambda: (HEAD + "indicators: [" + "123456, " * 2_400_000 + "1]\n").encode(),
        "more than 100000",
    ),
}


@pytest.mark.parametrize("name", sorted(BIG))
def test_big_hostile_report(name, tmp_path, cli):
    make, message = BIG[name]
    path = tmp_path / name
    path.write_bytes(make())
    assert_one_line_error(cli("score", str(path)), path, message)


# --- broken criteria packs ------------------------------------------------------------------------------

STANDARD = "cass-csr-4.0/standard.yaml"
PROCEDURE = "cass-csr-4.0/procedure.yaml"
CRITERIA_CASES = {
    "weights-not-100": (STANDARD, "weight: 15 ", "weight: 16 ", "weights sum to 101"),
    "unknown-kind": (PROCEDURE, "kind: presence", "kind: presense", "did you mean 'presence'"),
    "bad-field-path": (
        PROCEDURE,
        "field: process.preparation_team",
        "field: process.preparation_teem",
        "'process.preparation_teem' is not a report field",
    ),
    "bands-not-monotone": (
        PROCEDURE,
        "{min: 1, score: 0.6}, {min: 2, score: 0.8}",
        "{min: 1, score: 0.9}, {min: 2, score: 0.8}",
        "must not decrease",
    ),
    "duplicate-criterion-id": (
        PROCEDURE,
        "id: procedure.leadership-review",
        "id: procedure.preparation-team",
        "criterion id 'procedure.preparation-team' is already used",
    ),
    "star-bands-not-from-0": (STANDARD, "{min: 0, stars: 1}", "{min: 10, stars: 1}", "must start at min: 0"),
    "count-on-a-text-field": (
        "cass-csr-4.0/readability.yaml",
        "field: readability.cases",
        "field: readability.theme",
        "'readability.theme' is neither a list nor a count",
    ),
}
CRITERIA_SUBPROCESS = {"unknown-kind", "bands-not-monotone"}


def broken_criteria(tmp_path: Path, name: str) -> tuple[Path, Path, str]:
    relative, old, new, message = CRITERIA_CASES[name]
    copy = tmp_path / "criteria"
    shutil.copytree(ROOT / "criteria", copy)
    target = copy / relative
    text = target.read_text(encoding="utf-8")
    assert old in text, f"the bundled criteria changed: {old!r} is gone from {relative}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy, target, message


@pytest.mark.parametrize("name", sorted(CRITERIA_CASES))
def test_broken_criteria_pack(name, tmp_path, cli, capsys, monkeypatch):
    copy, target, message = broken_criteria(tmp_path, name)
    args = ["score", str(MINIMAL), "--criteria", str(copy)]
    run = cli(*args) if name in CRITERIA_SUBPROCESS else run_in_process(args, capsys, monkeypatch)
    assert_one_line_error(run, target, message)
