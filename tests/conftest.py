"""Shared fixtures: the bundled criteria (loaded once), paths, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from csr_rating.criteria import CriteriaSet
from csr_rating.loading import load_criteria

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
REFERENCE = REPORTS / "china-telecom-2020.yaml"
# Long property runs: CSR_RATING_THOROUGH=1 .venv/bin/python -m pytest (the README's thorough command).
THOROUGH = os.environ.get("CSR_RATING_THOROUGH") == "1"
DIMENSIONS = ["procedure", "substance", "completeness", "balance", "comparability", "readability", "originality"]


def pytest_configure(config: pytest.Config) -> None:
    """The criteria cache (csr_rating.packcache) of this run in a folder of its own, never the real
    home: set before any test module is imported (some load criteria at import); subprocesses
    inherit it through the environment. Each xdist worker has its own."""
    folder = tempfile.mkdtemp(prefix="csr-rating-cache-")
    os.environ["XDG_CACHE_HOME"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(scope="session")
def criteria() -> CriteriaSet:
    return load_criteria()


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """The real command in a subprocess: what a user or CI sees, exit code included."""
    done = subprocess.run(
        [sys.executable, "-m", "csr_rating", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd or ROOT,
        timeout=60,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli():
    return run_cli


def run_in_process(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path | None = None
) -> Run:
    """``csr-rating ARGS`` through the CLI's own ``main``: the code path of the command, without a new process."""
    from csr_rating.cli import main

    with monkeypatch.context() as scope:
        scope.setattr(sys, "argv", ["csr-rating", *args])
        scope.chdir(cwd or ROOT)
        capsys.readouterr()
        code: int | str | None = 0
        try:
            main()
        except SystemExit as done:
            code = done.code
        out, err = capsys.readouterr()
    return Run(code if isinstance(code, int) else 1, out, err)


@pytest.fixture
def cli_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """``run_in_process`` as a fixture (``cwd`` runs it from another folder). The subprocess ``cli``
    fixture stays for what only a real process shows (signals, exit codes of the interpreter)."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        return run_in_process(list(args), capsys, monkeypatch, cwd)

    return run
