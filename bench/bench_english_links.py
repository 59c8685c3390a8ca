"""How many of the catalog's quantitative core indicators ingest links in English reports: the reach
of the quantitative items' English names and aliases.

Run: ``.venv/bin/python bench/bench_english_links.py [--save FILE] [--before FILE] [--dump DIR]``.
Ingests the English texts and PDFs of ../shared/corpus listed in REPORTS (skips what is absent) with
``ingest(path, criteria=load_criteria())`` and prints, per report: table rows, rows linked to the
catalog (``draft.stats.linked_rows``), figures read from the prose, and the number of distinct
quantitative core catalog ids found (``catalog.match_indicator`` on ``draft.report.indicators``, with
``criteria.catalog_for(report.meta.industry)``; an item of no kind counts as quantitative).
``--save FILE`` writes what was found (report -> catalog id -> printed name) as JSON; ``--before FILE``
reads such a file from an earlier run, prints those figures beside this run's and lists the new and
lost links; ``--dump DIR`` writes each draft's YAML there for reading the unlinked rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria

CORPUS = ROOT.parent / "shared" / "corpus"
REPORTS = [
    "geely-auto-2021-esg-en.txt",
    "pdfs/china-mobile-ltd-2007-en.pdf",
    "pdfs/china-mobile-ltd-2011-en.pdf",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    criteria = load_criteria()
    before = json.loads(args.before.read_text()) if args.before else {}
    found: dict[str, dict] = {}
    header = f"{'report':36} {'rows':>5} {'linked':>6} {'prose':>5} {'quant core':>10}"
    print(header + ("   (before: linked prose quant)" if before else ""))
    for name in REPORTS:
        path = CORPUS / name
        if not path.exists():
            print(f"{name:36} absent")
            continue
        draft = ingest(path, criteria=criteria)
        report = draft.report
        catalog = criteria.catalog_for(report.meta.industry)
        ids: dict[str, str] = {}
        for indicator in report.indicators:
            item = catalog.match_indicator(indicator)
            if item is not None and item.tier == "core" and item.kind in (None, "quantitative"):
                ids.setdefault(item.id, str(indicator.name))
        stats = draft.stats
        found[name] = {
            "industry": report.meta.industry,
            "rows": stats.table_rows,
            "linked": stats.linked_rows,
            "prose": stats.prose_figures,
            "ids": ids,
        }
        line = f"{name:36} {stats.table_rows:5} {stats.linked_rows:6} {stats.prose_figures:5} {len(ids):10}"
        if name in before:
            b = before[name]
            line += f"   ({b['linked']:6} {b['prose']:5} {len(b['ids']):5})"
        print(line + f"  [{report.meta.industry}]")
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / (Path(name).stem + ".yaml")).write_text(draft.yaml)
    total = sum(len(f["ids"]) for f in found.values())
    print(
        f"total distinct quantitative core ids: {total}"
        + (f" (before {sum(len(b['ids']) for b in before.values())})" if before else "")
    )
    for name, now in found.items():
        if name not in before:
            continue
        old = before[name]["ids"]
        for id_ in sorted(set(now["ids"]) - set(old)):
            print(f"  + {name}: {id_} <- {now['ids'][id_]!r}")
        for id_ in sorted(set(old) - set(now["ids"])):
            print(f"  - {name}: {id_} (was {old[id_]!r})")
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
