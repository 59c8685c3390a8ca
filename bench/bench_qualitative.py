"""How many of the catalog's qualitative indicators (policies, systems, practices) ingest finds in real
reports: the reach of the qualitative items' names and aliases.

Run: ``.venv/bin/python bench/bench_qualitative.py [--save FILE] [--before FILE] [--sample N]``.
Ingests each report of ../shared/corpus/cn2016/*.txt plus the English texts and PDFs listed in
EXTRA (skips what is absent) with ``ingest(path, criteria=load_criteria())`` and counts, per report,
the indicators of ``draft.report.indicators`` whose catalog item (``catalog.match_indicator``) is of
kind qualitative. Prints:
- the mean number of qualitative indicators found per report (overall, Chinese, English);
- per pack, the share of the merged catalog's qualitative core indicators found;
- per qualitative core indicator of general.yaml, the share of reports where it was found.
``--save FILE`` writes what was found (report -> indicator -> phrase and line) as JSON;
``--before FILE`` reads such a file from an earlier run and prints those figures beside this run's,
and with ``--sample N`` draws N of the new matches (fixed seed) for judging precision by hand.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.narrative import PhraseIndex, mentions
from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria

CORPUS = ROOT.parent / "shared" / "corpus"
EXTRA = [
    "geely-auto-2021-esg-en.txt",
    "sinopec-corp-2016-sdpr-zh.txt",
    "pdfs/china-mobile-ltd-2007-en.pdf",
    "pdfs/china-mobile-ltd-2011-en.pdf",
]


def run() -> dict[str, dict]:
    criteria = load_criteria()
    indexes: dict[str, PhraseIndex] = {}
    paths = sorted((CORPUS / "cn2016").glob("*.txt")) + [CORPUS / p for p in EXTRA if (CORPUS / p).is_file()]
    out: dict[str, dict] = {}
    for path in paths:
        draft = ingest(path, criteria=criteria)
        industry = draft.report.meta.industry
        catalog = criteria.catalog_for(industry)
        index = indexes.setdefault(catalog.id, PhraseIndex(catalog))
        lines = {m.item.id: (m.phrase, m.line.text.strip()[:200]) for m in mentions(draft.document, index)}
        found: dict[str, list[str]] = {}
        for ind in draft.report.indicators:
            item = catalog.match_indicator(ind)
            if item is not None and item.kind == "qualitative":
                found[item.id] = list(lines.get(item.id, ("", "")))
        out[str(path.relative_to(CORPUS))] = {
            "pack": catalog.id,
            "language": draft.document.language,
            "found": found,
            "core": [i.id for i in catalog.core("qualitative")],
        }
    return out


def summary(data: dict[str, dict]) -> dict[str, float]:
    figures: dict[str, float] = {}
    counts = [len(r["found"]) for r in data.values()]
    figures["mean per report"] = statistics.mean(counts)
    for lang in ("zh", "en"):
        some = [len(r["found"]) for r in data.values() if r["language"] == lang]
        if some:
            figures[f"mean per report ({lang})"] = statistics.mean(some)
    shares: dict[str, list[float]] = defaultdict(list)
    for r in data.values():
        core = set(r["core"])
        share = len(core & set(r["found"])) / len(core) if core else 0.0
        shares[r["pack"]].append(share)
        shares["all"].append(share)
    for pack, values in sorted(shares.items()):
        figures[f"core share {pack}"] = statistics.mean(values)
    per_item: dict[str, list[int]] = defaultdict(list)
    for r in data.values():
        for item in r["core"]:
            if item.startswith("gen."):
                per_item[item].append(item in r["found"])
    for item, hits in sorted(per_item.items()):
        figures[f"  {item}"] = statistics.mean(hits)
    return figures


def main(argv: list[str]) -> int:
    if not (CORPUS / "cn2016").is_dir():
        print(f"skipped: {CORPUS / 'cn2016'} not found")
        return 0
    started = time.perf_counter()
    data = run()
    print(f"{len(data)} reports ingested in {time.perf_counter() - started:.0f} s")
    before = None
    if "--before" in argv:
        before = json.loads(Path(argv[argv.index("--before") + 1]).read_text(encoding="utf-8"))
    if "--save" in argv:
        Path(argv[argv.index("--save") + 1]).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    now = summary(data)
    then = summary(before) if before else {}
    print(f"{'':<46}{'before':>8}{'after':>8}" if then else "")
    for key, value in now.items():
        old = f"{then[key]:8.3f}" if key in then else " " * 8 if then else ""
        print(f"{key:<46}{old}{value:8.3f}")
    if before and "--sample" in argv:
        n = int(argv[argv.index("--sample") + 1])
        new = [
            (report, item, phrase, line)
            for report, r in sorted(data.items())
            for item, (phrase, line) in sorted(r["found"].items())
            if item not in before.get(report, {}).get("found", {})
        ]
        print(f"\n{len(new)} new matches; a sample of {min(n, len(new))} (seed 7):")
        for report, item, phrase, line in random.Random(7).sample(new, min(n, len(new))):
            print(f"- {report} | {item} | {phrase!r} | {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
