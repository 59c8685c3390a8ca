"""Segment detection on the split packs (power, transport, finance) over the Chinese corpus.

Run: ``.venv/bin/python bench/bench_segments.py [--no-score]``. Reads ../shared/corpus/cn2016/*.txt
(skips with a note where absent), ingests each text (industry detected as in ``csr-rating ingest``)
and, for those detected as power, transport or finance, prints the organisation, the industry and the
segments chosen (``meta.segments``; "-" = the whole industry) with the evidence counts. The segments
are judged by hand against the organisation names (no labels are read). Unless ``--no-score``, it also
prints per report and per pack the substance key-topics share (``substance.key-topics`` earned over
its points) scored with the detected segments and with ``meta.segments`` emptied (the whole industry,
the behaviour before the split).

Result (branch segments-more): 45 texts; 38 plausible by the organisation's name, 3 whole-industry
("-") on manufacturers detected as power or transport, 4 doubtful (川投能源 hydro missed, 广安爱众
hydro only, 伟明环保 waste-to-energy as thermal+water, the 兴业银行 text filed as 中国石油 banking+securities).
Mean key-topics share, whole industry -> with segments: power 39.2 -> 48.2, transport 47.9 -> 52.7,
finance 65.6 -> 66.5.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.catalog import Catalog
from csr_rating.criteria import CriteriaSet
from csr_rating.engine import score
from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria
from csr_rating.report import Report

CORPUS = ROOT.parent / "shared" / "corpus" / "cn2016"
PACKS = ("power", "transport", "finance")
KEY_TOPICS = "substance.key-topics"


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    criteria = load_criteria()
    scoring = "--no-score" not in argv
    shares: dict[str, list[tuple[float, float]]] = defaultdict(list)
    shown = 0
    started = time.perf_counter()
    for path in sorted(CORPUS.glob("*.txt")):
        draft = ingest(path, criteria=criteria)
        meta = draft.report.meta
        if meta.industry not in PACKS:
            continue
        catalog = criteria.catalog_for(meta.industry)
        chosen = ",".join(meta.segments) or "-"
        line = f"{path.name[:28]:<30}{(meta.organisation or '?')[:22]:<24}{meta.industry:<11}{chosen:<34}"
        line += _counts(draft.document.text, catalog)
        if scoring:
            after = _share(draft.report, criteria)
            whole = draft.report.model_copy(update={"meta": meta.model_copy(update={"segments": []})})
            before = _share(whole, criteria)
            shares[meta.industry].append((before, after))
            line += f"  key topics {before:5.1f} -> {after:5.1f}"
        print(line)
        shown += 1
    print(f"{shown} reports of {', '.join(PACKS)} in {time.perf_counter() - started:.0f} s")
    for pack in sorted(shares):
        values = shares[pack]
        print(
            f"  {pack:<10} n={len(values):>2}  mean key-topics share: whole industry "
            f"{statistics.mean(v[0] for v in values):5.1f}%  with segments {statistics.mean(v[1] for v in values):5.1f}%"
        )
    return 0


def _counts(text: str, catalog: Catalog) -> str:
    """The evidence: occurrences of each segment's words (as ingest/segments.py counts them)."""
    folded = text.casefold()
    found = []
    for segment in catalog.segments:
        hits = sum(folded.count(term.casefold()) for term in segment.detect.zh)
        hits += sum(len(re.findall(rf"\b{re.escape(t.casefold())}s?\b", folded)) for t in segment.detect.en)
        found.append(f"{segment.id} {hits}")
    return "(" + ", ".join(found) + ")"


def _share(report: Report, criteria: CriteriaSet) -> float:
    card = score(report, criteria)
    for dimension in card.dimensions:
        for criterion in dimension.criteria:
            if criterion.id == KEY_TOPICS:
                return criterion.earned / criterion.points * 100
    raise LookupError(KEY_TOPICS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
