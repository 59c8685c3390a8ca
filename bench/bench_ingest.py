"""Speed targets for `csr-rating ingest`; run `python bench/bench_ingest.py` (exit 1 when a target is missed).

Targets (on the project's 2-core reference machine), from issue 5:
- ingest the 265 KB reference seed text (../shared/seeds/china-telecom-csr-report-2020.txt, when present),
  criteria already loaded: under 0.5 s
- ingest a generated 100-page PDF (prose, KPI tables, some Chinese pages): under 5 s
and the reader's own budget inside those: the PDF read under 2 s, the seed read under 0.5 s.
Each target runs three times and the fastest run counts (as ``timeit`` does): on a shared machine a
single run measures the machine's other work as much as the pipeline.

Each target is a ``Target(name, action, limit_seconds)``; ``action`` does the work and may return a
short detail to print. Add later stages of the pipeline by appending to the list ``targets()`` returns.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.pipeline import ingest
from csr_rating.ingest.readers import read_document
from csr_rating.loading import load_criteria
from tests.ingest_fixtures import Row, make_pdf

SEED = ROOT.parent / "shared" / "seeds" / "china-telecom-csr-report-2020.txt"
PAGES = 100

VOCABULARY = (
    "the company network customers energy carbon emissions employees training safety community supply chain "
    "governance risk water waste data privacy rural broadband digital inclusion we our in of and to for with by"
)
WORDS = VOCABULARY.split()
HAN = "公司坚持绿色发展理念推进节能减排员工培训安全生产社区服务数字乡村网络建设供应链治理风险管理"
KPIS = [
    "Total employees (person)",
    "Female employees (%)",
    "Training hours per employee (hours)",
    "Energy consumption (MWh)",
    "Greenhouse gas emissions (tCO2e)",
    "Water consumption (tonnes)",
    "Lost-time injury rate (per 200,000 hours)",
    "Community investment (RMB million)",
]
KPIS_ZH = ["员工总数（人）", "女性员工比例（%）", "综合能耗（万吨标准煤）", "温室气体排放（万吨）"]


@dataclass(frozen=True)
class Target:
    name: str
    action: Callable[[], str | None]
    limit_seconds: float


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def figure(rng: random.Random) -> str:
    value = rng.uniform(0, 100_000)
    return f"{value:,.1f}" if rng.random() < 0.3 else f"{int(value):,}"


def page_items(rng: random.Random, number: int) -> list[str | Row]:
    """About 50 lines: prose paragraphs, and on every third page a KPI table (Chinese on every tenth)."""
    items: list[str | Row] = [f"Section {number}: an invented heading"]
    chinese = number % 10 == 0
    while len(items) < 46:
        if number % 3 == 0 and len(items) == 20:
            items.append(Row(["Indicator", "2020", "2019", "2018"]))
            for label in KPIS_ZH if chinese else KPIS:
                items.append(Row([label, figure(rng), figure(rng), figure(rng)]))
        elif chinese:
            items.append("".join(rng.choice(HAN) for _ in range(38)) + "。")
        else:
            items.append(sentence(rng))
    return items


def big_pdf(path: Path, pages: int = PAGES) -> Path:
    rng = random.Random(7)
    return make_pdf(path, [page_items(rng, n) for n in range(1, pages + 1)], font_size=9)


def targets(folder: Path) -> list[Target]:
    pdf = big_pdf(folder / "bench.pdf")

    def read_pdf() -> str:
        document = read_document(pdf)
        tables = sum(1 for line in document.lines if len(line.cells) == 4)
        return f"{len(document.lines):,} lines, {tables} table rows, {pdf.stat().st_size / 1e6:.1f} MB"

    criteria = load_criteria()
    ingest(pdf, criteria=criteria)  # warm-up: first-use imports (pdfium, rapidfuzz) are not the pipeline's cost

    def ingest_pdf() -> str:
        stats = ingest(pdf, criteria=criteria).stats
        return f"{stats.table_rows} table rows, {stats.linked_rows} linked, {stats.reviews} review notes"

    found = [
        Target(f"read a {PAGES}-page PDF", read_pdf, 2.0),
        Target(f"ingest a {PAGES}-page PDF", ingest_pdf, 5.0),
    ]
    if SEED.exists():

        def read_seed() -> str:
            return f"{len(read_document(SEED).lines):,} lines"

        def ingest_seed() -> str:
            stats = ingest(SEED, criteria=criteria).stats
            return f"{stats.table_rows} table rows, {stats.linked_rows} linked, {stats.reviews} review notes"

        found.append(Target("read the seed text (china-telecom 2020)", read_seed, 0.5))
        found.append(Target("ingest the seed text (china-telecom 2020)", ingest_seed, 0.5))
    else:
        print(f"skip seed text: {SEED} not present")
    return found


REPEATS = 3  # each target runs this often; the fastest run counts, as timeit does: the others measure the machine


def run(target: Target) -> tuple[bool, float, str]:
    times = []
    detail = ""
    for _ in range(REPEATS):
        start = time.perf_counter()
        detail = target.action() or ""
        times.append(time.perf_counter() - start)
    elapsed = min(times)
    return elapsed < target.limit_seconds, elapsed, detail


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = [(target, *run(target)) for target in targets(Path(folder))]
    width = max(len(target.name) for target, *_ in results)
    print(f"{'':4} {'target':<{width}}  {'limit':>7}  {'measured':>9}  detail")
    for target, ok, elapsed, detail in results:
        status = "ok  " if ok else "SLOW"
        print(f"{status} {target.name:<{width}}  {target.limit_seconds:>6.2f}s  {elapsed:>8.3f}s  {detail}")
    return 0 if all(ok for _, ok, *_ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
