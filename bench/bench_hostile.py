"""Hostile drafts at full size against the budget of issue 13: each `csr-rating ingest` (and a
`score` of what it wrote; a report YAML is scored directly) finishes or is refused with exit 2 and one stderr line, within 5 s and
400 MB on this 2-core machine.

Run: ``.venv/bin/python bench/bench_hostile.py [NAME ...]`` (default: every builder of
tests/hostile_drafts.py). Prints per case: exit code, wall seconds, peak memory (the child's max RSS)
and the stderr line; a verdict column says whether the case met the budget. Files are built in a
temporary folder and removed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_drafts import BUILDERS

BUDGET_SECONDS = 5.0
BUDGET_MB = 400.0
HARD_TIMEOUT = 120.0


def measure(args: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, stderr) of one command; killed after HARD_TIMEOUT."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    timer = threading.Timer(HARD_TIMEOUT, child.kill)
    timer.start()
    assert child.stderr is not None
    err = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024, err


def main(names: list[str]) -> int:
    chosen = names or list(BUILDERS)
    print(f"{'case':<22}{'exit':>5}{'seconds':>9}{'peak MB':>9}  verdict  stderr")
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            path = BUILDERS[name](Path(folder))
            out = Path(folder) / f"{name}.yaml"
            command = ["score", str(path)] if path.suffix == ".yaml" else ["ingest", str(path), "-o", str(out)]
            code, seconds, peak, err = measure([sys.executable, "-m", "csr_rating", *command])
            lines = err.strip().splitlines()
            ok = code in (0, 2) and seconds <= BUDGET_SECONDS and peak <= BUDGET_MB and len(lines) <= 1 or (
                code == 0 and len(lines) <= 2
            )
            ok = ok and seconds <= BUDGET_SECONDS and peak <= BUDGET_MB
            shown = lines[-1][:110] if lines else ""
            print(f"{name:<22}{code:>5}{seconds:>9.2f}{peak:>9.0f}  {'ok' if ok else 'OVER':<7}  {shown}")
            if code == 0 and out.exists():
                code, seconds, peak, err = measure([sys.executable, "-m", "csr_rating", "score", str(out)])
                ok = code in (0, 2) and seconds <= BUDGET_SECONDS and peak <= BUDGET_MB
                last = err.strip().splitlines()[-1][:110] if err.strip() else ""
                print(f"{'  then score':<22}{code:>5}{seconds:>9.2f}{peak:>9.0f}  {'ok' if ok else 'OVER':<7}  {last}")
            path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
