"""Industry detection and completeness per pack on the labelled Chinese corpus (issue 9).

Run: ``.venv/bin/python bench/bench_industries.py [--no-score]``; ``--scales`` prints each catalog's
share_scale beside the value the documented rule derives (csr_rating/share_scale.py). Reads ../shared/corpus/cn2016/ (skips
with a note where absent) and the label table bench/cn2016-industries.yaml. Prints:
- detection accuracy over the reports whose label names one industry (target: at least 85%), the
  misses with the top two packs, and what the unspecific labels ("other manufacturing") got;
- per pack, the completeness of the ingested reports: the share of the merged catalog's core
  indicators found (raw), on the rating's scale (after share_scale), and the completeness stars.
Exit 1 when accuracy is under the target.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.engine import score
from csr_rating.ingest.industry import detector_for
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.ingest.readers import read_document
from csr_rating.loading import load_criteria, load_report
from csr_rating.share_scale import derived_scale, reference_rates

CORPUS = ROOT.parent / "shared" / "corpus" / "cn2016"
TARGET = 0.85


def main(argv: list[str]) -> int:
    if not (CORPUS / "labels.csv").is_file():
        print(f"skipped: {CORPUS} not found")
        return 0
    data = yaml.safe_load((ROOT / "bench" / "cn2016-industries.yaml").read_text(encoding="utf-8"))
    table, corrections = data["labels"], data.get("corrections") or {}
    criteria = load_criteria()
    if "--scales" in argv:
        report, _ = load_report(ROOT / "reports" / "china-telecom-2020.yaml")
        rates = reference_rates(criteria.catalogs["telecom"], report)
        print(f"reference rates: base {rates.base:.4f}, own {rates.own:.4f}")
        for catalog in sorted(criteria.catalogs.values(), key=lambda c: c.id):
            print(f"  {catalog.id:<14} file {catalog.share_scale:.3f}  derived {derived_scale(catalog, rates):.3f}")
        return 0
    detector = detector_for(criteria)
    rows = list(csv.DictReader((CORPUS / "labels.csv").open(encoding="utf-8")))
    right = total = 0
    misses: list[str] = []
    loose: Counter[str] = Counter()
    by_pack: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    started = time.perf_counter()
    for row in rows:
        label = table.get(row["industry_label"])
        if label is None:
            print(f"unmapped label {row['industry_label']!r}: add it to bench/cn2016-industries.yaml")
            return 1
        if row["file"] in corrections:
            label = {"packs": [corrections[row["file"]]["pack"]], "specific": True}
        doc = read_document(CORPUS / row["file"])
        ranked = detector.rank(doc)
        draft = ingest_document(doc, criteria=criteria)
        got = draft.report.meta.industry
        if label["specific"]:
            total += 1
            if got in label["packs"]:
                right += 1
            else:
                top = ", ".join(f"{e.catalog} {e.score:.2f}" for e in ranked[:2])
                misses.append(
                    f"  {row['industry_label']} -> {got} (want {label['packs'][0]}; top: {top}) {row['file']}"
                )
        else:
            loose[f"{row['industry_label']} -> {got}"] += 1
        if "--no-score" not in argv:
            card = score(draft.report, criteria)
            dim = next(d for d in card.dimensions if d.id == "completeness")
            core = next(c for c in dim.criteria if c.id == "completeness.industry-core")
            catalog = criteria.catalog_for(got)
            raw = core.earned / core.points * 100 / catalog.share_scale
            by_pack[got].append((raw, min(100.0, raw * catalog.share_scale), dim.stars))
    elapsed = time.perf_counter() - started
    accuracy = right / total if total else 0.0
    print(
        f"Detection on cn2016: {right}/{total} reports with a specific label right = {accuracy:.1%} "
        f"(target {TARGET:.0%}); {len(rows)} reports in {elapsed:.0f} s"
    )
    for line in misses:
        print(line)
    print("Unspecific labels (whatever fits):")
    for key, count in sorted(loose.items()):
        print(f"  {key}: {count}")
    if by_pack:
        print(
            "Completeness per pack (ingested text; raw share of core indicators found, on the rating's scale, stars):"
        )
        print(f"  {'pack':<14}{'n':>4}  {'raw median (min-max)':<24}{'scaled median (min-max)':<26}stars")
        for pack in sorted(by_pack):
            values = by_pack[pack]
            raw = [v[0] for v in values]
            scaled = [v[1] for v in values]
            stars = Counter(v[2] for v in values)
            print(
                f"  {pack:<14}{len(values):>4}  {statistics.median(raw):5.1f} ({min(raw):4.1f}-{max(raw):4.1f}){'':<8}"
                f"{statistics.median(scaled):5.1f} ({min(scaled):4.1f}-{max(scaled):4.1f}){'':<10}"
                + " ".join(f"{k:g}★×{n}" for k, n in sorted(stars.items(), reverse=True))
            )
    return 0 if accuracy >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
