"""Indicators with three or more consecutive years that ingest finds, against hand counts (issue 10).

Run: ``.venv/bin/python bench/bench_three_years.py``. The hand counts (bench/three-year-counts.yaml) were
made by reading five cn2016 reports, not from csr-rating's output. Prints, per report: the hand
count, ingest's count of indicators whose years (values written out, or years a chart shows:
``chart_years``) hold a run of three or more consecutive years, and the share found. Skips where ../shared/corpus is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria

CORPUS = ROOT.parent / "shared" / "corpus" / "cn2016"


def longest_run(years: list[int]) -> int:
    best = run = 0
    previous = None
    for year in sorted(years):
        run = run + 1 if previous is not None and year == previous + 1 else 1
        best = max(best, run)
        previous = year
    return best


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    counts = yaml.safe_load((ROOT / "bench" / "three-year-counts.yaml").read_text(encoding="utf-8"))["reports"]
    criteria = load_criteria()
    total_hand = total_found = 0
    print(f"{'report':<34}{'hand':>6}{'ingest':>8}{'share':>8}")
    for name, entry in counts.items():
        report = ingest(CORPUS / name, criteria=criteria).report
        found = sum(1 for i in report.indicators if longest_run(sorted(i.years)) >= 3)  # written or charted
        total_hand += entry["count"]
        total_found += found
        print(f"{name[:32]:<34}{entry['count']:>6}{found:>8}{found / entry['count']:>8.0%}")
    print(f"{'all five':<34}{total_hand:>6}{total_found:>8}{total_found / total_hand:>8.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
