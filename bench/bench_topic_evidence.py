"""What the catalog's topic ``evidence`` adds to ingest: key topics backed by their indicators' figures.

Run: ``.venv/bin/python bench/bench_topic_evidence.py``. Reads the reports of ``bench_topics.py`` (the
cn2016 reports of one industry, CNBM, Sinopec, the reference seed with its letter cut, Geely), ingests
each with its pack forced, and compares the topics ``extract_topics`` finds by their words with the
topics after ``with_evidence``: per pack, the mean share of the key topics found and found
``detailed``, before and after, and how many topics were added by two disclosed indicators alone.
Prints "skipped" without ../shared.
"""

from __future__ import annotations

import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_topics import SEED, SHARED, reports

from csr_rating.ingest.noted import plain
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.ingest.readers import parse_bytes, read_document
from csr_rating.ingest.structure import masked, parts
from csr_rating.ingest.topics import extract_topics
from csr_rating.loading import load_criteria
from tests.ingest_fixtures import cut_rating_letter


def _share(found: dict[str, str], applicable: set[str], detailed: bool) -> float:
    """The share of the applicable key topics found (``detailed``: found in detail)."""
    return sum(1 for i, d in found.items() if i in applicable and (d == "detailed" or not detailed)) / len(applicable)


def main() -> int:
    if not (SHARED / "corpus").is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    criteria = load_criteria()
    rows: dict[str, list[tuple[float, float, float, float, int]]] = defaultdict(list)
    for name, pack, path in reports():
        if name == SEED:
            doc = parse_bytes(cut_rating_letter(path.read_text(encoding="utf-8")).encode("utf-8"), str(path), ".txt")
        else:
            doc = read_document(path)
        catalog = criteria.catalog_for(pack)
        draft = ingest_document(doc, industry=pack, criteria=criteria)
        applicable = {t.id for t in catalog.topics_for(draft.report.meta.segments)}
        if not applicable:
            continue
        before = {plain(t)["id"]: plain(t)["depth"] for t in extract_topics(masked(doc, parts(doc)), catalog)}
        after = {t.id: t.depth for t in draft.report.topics if t.id}
        added = sum(1 for i in after if i not in before and i in applicable)
        shares = [_share(found, applicable, detailed) for detailed in (False, True) for found in (before, after)]
        rows[pack].append((*shares, added))
    print(f"{'pack':<14}{'reports':>8}{'found before':>14}{'after':>8}{'detailed before':>17}{'after':>8}{'added':>7}")
    total = [r for found in rows.values() for r in found]
    for pack, found in [*sorted(rows.items()), ("all", total)]:
        mean = [statistics.mean(r[i] for r in found) for i in range(4)]
        print(
            f"{pack:<14}{len(found):>8}{mean[0]:>13.1%}{mean[1]:>8.1%}{mean[2]:>16.1%}{mean[3]:>8.1%}"
            f"{sum(r[4] for r in found):>7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
