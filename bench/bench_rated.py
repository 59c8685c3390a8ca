"""Rated reports ingested from their text and scored, beside the Committee's published stars (issue 10).

Run: ``.venv/bin/python bench/bench_rated.py``. The reference text (../shared/seeds/) is scored with its
rating letter cut (the lines from "I. Basis of Rating" to the reader feedback form blanked: a draft
never holds its rating), and ../shared/corpus/rated/cnbm-2016-sr-zh.txt as it is (its letter was cut
by the corpus). Published stars: the reference's letter, and corpus/rated/RATINGS.md. Target: within
half a star on substance, completeness, balance and comparability, the dimensions a text can show.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria
from csr_rating.ranging import score_range
from tests.ingest_fixtures import cut_rating_letter

SHARED = ROOT.parent / "shared"
DIMENSIONS = ("procedure", "substance", "completeness", "balance", "comparability", "readability", "originality")
TEXT_SHOWS = ("substance", "completeness", "balance", "comparability")
PUBLISHED = {
    "china-telecom-2020 (letter cut)": dict(zip((*DIMENSIONS, "overall"), (5, 5, 4.5, 4.5, 5, 5, 4, 5), strict=True)),
    "cnbm-2016": dict(zip((*DIMENSIONS, "overall"), (5, 5, 5, 4.5, 5, 5, 4.5, 5), strict=True)),
}


def _letter_cut(seed: Path, folder: Path) -> Path:
    cut = folder / "china-telecom-2020-letter-cut.txt"
    cut.write_text(cut_rating_letter(seed.read_text(encoding="utf-8")), encoding="utf-8")
    return cut


def main() -> int:
    seed = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
    cnbm = SHARED / "corpus" / "rated" / "cnbm-2016-sr-zh.txt"
    if not seed.is_file() or not cnbm.is_file():
        print(f"skipped: {SHARED} not found")
        return 0
    criteria = load_criteria()
    within = total = inside = cells = narrow = 0
    with tempfile.TemporaryDirectory() as folder:
        texts = {"china-telecom-2020 (letter cut)": _letter_cut(seed, Path(folder)), "cnbm-2016": cnbm}
        for name, path in texts.items():
            card = score_range(ingest(path, criteria=criteria).report, criteria)
            ranges = {d.id: d.range for d in card.dimensions} | {"overall": card.overall.range}
            print(f"{name}  (industry {card.report.industry}; {len(card.questions)} questions)")
            print(f"  {'dimension':<14}{'low':>6}{'high':>6}{'published':>10}")
            for dim in (*DIMENSIONS, "overall"):
                found = ranges[dim]
                assert found is not None
                low, high, published = found.low_stars, found.high_stars, PUBLISHED[name][dim]
                marks = []
                ok_in = low <= published <= high
                inside += ok_in
                cells += 1
                marks.append("inside" if ok_in else "outside")
                if dim in TEXT_SHOWS:
                    ok = abs(low - published) <= 0.5
                    within += ok
                    total += 1
                    narrow += high - low <= 1
                    marks.append("low within ½★" if ok else "low off")
                    marks.append(f"width {high - low:g}★")
                print(f"  {dim:<14}{low:>6g}{high:>6g}{published:>10g}  {', '.join(marks)}")
    print(f"published star inside [low, high]: {inside} of {cells} (dimensions and overall)")
    print(f"low end within half a star on the dimensions a text shows: {within} of {total}")
    print(f"range at most 1 star wide on those dimensions: {narrow} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
