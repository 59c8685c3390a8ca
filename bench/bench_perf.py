"""Issue 15's speed goals, each measured as a ratio to its floor in the same run, so a busy or slow
machine moves both sides alike.

Run from the repository (poppler-utils is installed with apt-get when pdftotext is missing and this
runs as root; otherwise the PDF line is skipped with a note):

    .venv/bin/python bench/bench_perf.py                 # every goal; exit 1 when one is missed
    .venv/bin/python bench/bench_perf.py --rounds 9      # more rounds for steadier medians
    .venv/bin/python bench/bench_perf.py --only cold pdf # some of: rate cold batch memory ingest pdf scaling

Each line prints the goal, the median over the rounds with (min–max), and the verdict. The machine is
shared: take the numbers when ``uptime`` shows little load, and run twice. What is measured:

- rate: ``rate()`` of the reference report in-process (criteria loaded) over ``yaml.load`` of the same
  file with PyYAML's C loader;
- cold: ``csr-rating score reports/china-telecom-2020.yaml`` as a new process (its criteria cache
  warm, as after any first run) over ``python -c "import pydantic, yaml"``; and, for information, the
  libraries alone that the command cannot do without (typer, rich, a pydantic model) over that floor;
- batch: 1,000 reports (the bundled three, copied round-robin) scored by ``csr-rating score DIR
  --jobs 2``, as reports a minute by the wall clock and by CPU time (2 cores x 60 s / CPU seconds);
- memory: the peak resident memory of ``csr-rating check`` over the same 1,000 reports;
- ingest: ``ingest_draft`` of the reference text in-process (warm: imports and word lists loaded);
- pdf: reading each PDF of ../shared/corpus/pdfs into text lines (``read_document``, the step that
  ``pdftotext`` also does) over ``pdftotext FILE -``;
- scaling: loading time per indicator (the source-mapped YAML loader) of a 20,000-indicator report
  over that of a 1,000 one; and, as a report validates at most 10,000 indicators, loading and
  validating at 10,000 over 1,000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.api import ingest_draft, rate
from csr_rating.ingest.readers import read_document
from csr_rating.loading import load_criteria, parse_text
from csr_rating.report import Report
from csr_rating.yamlio import load_yaml, read_text

REFERENCE = ROOT / "reports" / "china-telecom-2020.yaml"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
PDFS = SHARED / "corpus" / "pdfs"
BIN = Path(sys.executable).parent
CLI = [str(BIN / "csr-rating")] if (BIN / "csr-rating").is_file() else [sys.executable, "-m", "csr_rating"]
BATCH = 1000


@dataclass
class Line:
    name: str
    goal: str
    values: list[float]
    ok: bool | None  # None: not measured (the note says why)
    unit: str = "x"
    note: str = ""

    def show(self) -> str:
        if not self.values:
            return f"{'SKIP':5} {self.name:<42} goal {self.goal:<16} {self.note}"
        mid, low, high = (self._format(v) for v in (statistics.median(self.values), min(self.values), max(self.values)))
        measured = f"{mid} ({low}–{high})"
        verdict = "info" if self.ok is None else "ok" if self.ok else "MISS"
        return f"{verdict:5} {self.name:<42} goal {self.goal:<16} measured {measured}" + (f"  {self.note}" if self.note else "")


    def _format(self, value: float) -> str:
        if self.unit == "x":
            return f"{value:.2f}x"
        if self.unit == "s":
            return f"{value:.3f} s"
        return f"{value:,.0f} {self.unit}"


def clock(action: Callable[[], object], repeat: int = 1) -> float:
    """The fastest of ``repeat`` runs: noise only ever adds time."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def run_timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, children included) and peak memory (MB, see
    peak_memory) of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ratio_line(name: str, goal: float, measured: Callable[[], float], floor: Callable[[], float], rounds: int) -> Line:
    """Each round times both sides back to back; the line shows the rounds' ratios."""
    ratios = []
    for _ in range(rounds):
        ratios.append(measured() / floor())
    ok = statistics.median(ratios) <= goal
    return Line(name, f"<= {goal}x", ratios, ok)


def bench_rate(rounds: int) -> Line:
    criteria = load_criteria()
    text = REFERENCE.read_text(encoding="utf-8")
    rate(REFERENCE, criteria)
    return ratio_line(
        "rate() reference / CSafeLoader yaml.load",
        2.0,
        lambda: clock(lambda: rate(REFERENCE, criteria), 5),
        lambda: clock(lambda: yaml.load(text, Loader=yaml.CSafeLoader), 5),
        rounds,
    )


# What any `csr-rating score` must load before csr-rating's own code runs: the libraries of the design
# card that the command uses (typer parses it, rich draws the table) and pydantic's model machinery with
# one validator built (its first build imports importlib.metadata to look for plugins).
LIBRARIES = (
    "import yaml, typer, typer.main, rich.console, rich.table\n"
    "from pydantic import BaseModel\n"
    "class Probe(BaseModel):\n    x: int\n"
    "Probe(x=1)"
)


def bench_cold(rounds: int, env: dict[str, str]) -> list[Line]:
    """The goal line, then (info) what the required libraries alone cost over the same floor: the
    part of a cold start no change to csr-rating can remove."""
    floor = [sys.executable, "-c", "import pydantic, yaml"]

    def fastest(command: list[str]) -> Callable[[], float]:
        return lambda: min(run_timed(command, env)[0] for _ in range(3))

    score = [*CLI, "score", str(REFERENCE.relative_to(ROOT))]
    run_timed(score, env)  # fills the criteria cache, as any first run does
    cold = ratio_line("cold `score` reference / import pydantic, yaml", 2.5, fastest(score), fastest(floor), rounds)
    libraries = [sys.executable, "-c", LIBRARIES]
    needed = ratio_line("typer, rich, a pydantic model / same floor", 2.5, fastest(libraries), fastest(floor), rounds)
    needed.ok, needed.goal = None, "(libraries only)"
    return [cold, needed]


def batch_folder(folder: Path) -> Path:
    bundled = sorted((ROOT / "reports").glob("*.yaml"))
    target = folder / "batch"
    target.mkdir()
    for n in range(BATCH):
        shutil.copyfile(bundled[n % len(bundled)], target / f"report-{n:04d}.yaml")
    return target


def bench_batch(rounds: int, env: dict[str, str], folder: Path) -> list[Line]:
    command = [*CLI, "score", str(folder), "--jobs", "2", "--format", "csv"]
    run_timed(command, env)
    wall, cpu = [], []
    for _ in range(rounds):
        seconds, cpu_seconds, _ = run_timed(command, env)
        wall.append(60 * BATCH / seconds)
        cpu.append(60 * BATCH * 2 / cpu_seconds)
    return [
        Line("batch 1,000 reports, --jobs 2 (wall)", ">= 10,000/min", wall, statistics.median(wall) >= 10_000, "/min"),
        Line("batch 1,000 reports (CPU time, 2 cores)", ">= 10,000/min", cpu, statistics.median(cpu) >= 10_000, "/min"),
    ]


# A child's peak memory counts what it inherited before exec: forked from this (large) process, a small
# command would seem large. A small helper process starts the command and reports its peak instead.
PEAK_OF = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(os.wait4(child.pid, 0)[2].ru_maxrss / 1024)"
)


def peak_memory(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of ``command`` alone."""
    done = subprocess.run([sys.executable, "-c", PEAK_OF, *command], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return float(done.stdout)


def bench_memory(rounds: int, env: dict[str, str], folder: Path) -> Line:
    files = [str(path) for path in sorted(folder.iterdir())]
    command = [*CLI, "check", *files, "--min-stars", "1"]  # a gate's table on stdout (to /dev/null)
    peaks = [peak_memory(command, env) for _ in range(max(1, rounds // 2))]
    return Line("`check` 1,000 reports: peak memory", "<= 150 MB", peaks, statistics.median(peaks) <= 150, "MB")


def bench_ingest(rounds: int) -> Line:
    if not SEED.is_file():
        return Line("ingest the reference text (in-process)", "<= 0.35 s", [], None, note=f"{SEED} is absent")
    criteria = load_criteria()
    first = clock(lambda: ingest_draft(SEED, criteria=criteria))
    times = [clock(lambda: ingest_draft(SEED, criteria=criteria)) for _ in range(rounds)]
    note = f"first call in this process {first:.2f} s"
    return Line("ingest the reference text (in-process)", "<= 0.35 s", times, statistics.median(times) <= 0.35, "s", note)


def pdftotext() -> str | None:
    """The pdftotext command, installed from Debian's poppler-utils when missing and we may."""
    found = shutil.which("pdftotext")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    for step in (["apt-get", "install", "-y", "-q", "poppler-utils"], ["apt-get", "update", "-q"]):
        subprocess.run(step, capture_output=True, check=False)
        if shutil.which("pdftotext"):
            break
    if not shutil.which("pdftotext"):
        subprocess.run(["apt-get", "install", "-y", "-q", "poppler-utils"], capture_output=True, check=False)
    return shutil.which("pdftotext")


def bench_pdf(rounds: int) -> list[Line]:
    pdfs = sorted(PDFS.glob("*.pdf")) if PDFS.is_dir() else []
    if not pdfs:
        return [Line("PDF read / pdftotext", "<= 3x", [], None, note=f"no PDFs in {PDFS}")]
    tool = pdftotext()
    if tool is None:
        return [Line("PDF read / pdftotext", "<= 3x", [], None, note="pdftotext missing and apt-get unavailable (not root?)")]
    lines = []
    for pdf in pdfs:
        read_document(pdf)
        line = ratio_line(
            f"PDF read / pdftotext: {pdf.name[:22]}",
            3.0,
            lambda pdf=pdf: clock(lambda: read_document(pdf), 3),
            lambda pdf=pdf: clock(lambda: subprocess.run([tool, str(pdf), "-"], capture_output=True, check=True), 5),
            rounds,
        )
        lines.append(line)
    return lines


def big_report(path: Path, count: int) -> None:
    """``count`` indicators of two years each, one flow-style line apiece (under the loader's value cap)."""
    lines = [
        "meta: {organisation: Bench Co. (fictitious), title: Bench, year: 2020, industry: telecom}",
        "topics: [" + ", ".join(f"{{name: Topic {n}, depth: detailed, cases: 2}}" for n in range(50)) + "]",
        "indicators:",
    ]
    lines += [f"- {{name: Indicator {n}, unit: t, values: {{2019: {n * 7 % 1000}, 2020: {n * 13 % 1000}}}}}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_scaling(rounds: int, folder: Path) -> list[Line]:
    """Loading (the source-mapped YAML loader) per indicator at 20,000 and 1,000 indicators; a report
    validates at most 10,000 indicators, so loading and validating is shown at 10,000 beside it. Both
    sides take the best of the same number of runs (a best of more runs is lower by luck alone)."""
    small, large, cap = folder / "small.yaml", folder / "large.yaml", folder / "cap.yaml"
    big_report(small, 1_000)
    big_report(large, 20_000)
    big_report(cap, 10_000)
    texts = {path: read_text(path) for path in (small, large, cap)}
    load_yaml(texts[small], "small")
    lines = [
        ratio_line(
            "load per indicator: 20,000 / 1,000",
            1.3,
            lambda: clock(lambda: load_yaml(texts[large], "large"), 3) / 20_000,
            lambda: clock(lambda: load_yaml(texts[small], "small"), 3) / 1_000,
            rounds,
        )
    ]
    line = ratio_line(
        "load + validate per indicator: 10,000 / 1,000",
        1.3,
        lambda: clock(lambda: parse_text(Report, texts[cap], "cap"), 3) / 10_000,
        lambda: clock(lambda: parse_text(Report, texts[small], "small"), 3) / 1_000,
        rounds,
    )
    line.note = "(the model's cap is 10,000 indicators)"
    return [*lines, line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measure (medians over them)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="rate cold batch memory ingest pdf scaling")
    args = parser.parse_args()
    chosen = set(args.only or ["rate", "cold", "batch", "memory", "ingest", "pdf", "scaling"])
    rounds = max(1, args.rounds)
    print(f"load: {os.getloadavg()[0]:.2f} (1 min); {os.cpu_count()} cores; rounds: {rounds}")
    results: list[Line] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # a criteria cache of its own (filled by the first run), and compiled modules kept as an installed
        # package keeps them (PYTHONDONTWRITEBYTECODE would recompile csr_rating on every start-up)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # this process's too
        steps: list[tuple[str, Callable[[], Line | list[Line]]]] = [
            ("rate", lambda: bench_rate(rounds)),
            ("cold", lambda: bench_cold(rounds, env)),
            ("ingest", lambda: bench_ingest(rounds)),
            ("pdf", lambda: bench_pdf(rounds)),
            ("scaling", lambda: bench_scaling(rounds, folder)),
        ]
        if chosen & {"batch", "memory"}:
            reports = batch_folder(folder)
            steps += [("batch", lambda: bench_batch(rounds, env, reports)), ("memory", lambda: bench_memory(rounds, env, reports))]
        for name, step in steps:
            if name not in chosen:
                continue
            found = step()
            for line in found if isinstance(found, list) else [found]:
                print(line.show(), flush=True)
                results.append(line)
    missed = [line.name for line in results if line.ok is False]
    print("every goal met" if not missed else f"missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
