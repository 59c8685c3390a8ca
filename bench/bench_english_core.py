"""How many of the catalog's core indicators ingest links in English reports, qualitative and
quantitative, and which the reference's hand-written report has that ingest misses.

Run: ``.venv/bin/python bench/bench_english_core.py [--save FILE] [--before FILE] [--sample N]``.
Ingests, with ``ingest(path, criteria=load_criteria())``, the reference text
../shared/seeds/china-telecom-csr-report-2020.txt (its rating letter cut with
``tests.ingest_fixtures.cut_rating_letter``, written to a temporary file) and the English texts and
PDFs of ../shared/corpus listed in REPORTS; skips what is absent. Prints, per report, the number of
distinct core catalog ids linked (``catalog.match_indicator`` on ``draft.report.indicators``, with
``criteria.catalog_for(report.meta.industry)``), qualitative and quantitative, out of the catalog's
core. Then:
- for the reference, the core catalog ids the hand-written reports/china-telecom-2020.yaml discloses
  (loaded with ``load_report``, matched by the same catalog) that ingest does not link;
- for the other reports, the unlinked core items the draft seems to name: the first line holding
  every content word of an item's name or an alias (``matching.words``) — rows and prose worth a look.
``--save FILE`` writes what was linked (report -> catalog id -> printed name, source, evidence line)
as JSON; ``--before FILE`` reads such a file, prints its counts beside this run's and lists new and
lost links; with ``--sample N`` it draws N of the new links (fixed seed 7) with their draft line for
judging precision by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.catalog import Catalog
from csr_rating.ingest.matching import words
from csr_rating.ingest.narrative import PhraseIndex, mentions
from csr_rating.ingest.noted import Noted, plain
from csr_rating.ingest.pipeline import Draft, ingest
from csr_rating.loading import load_criteria, load_report
from tests.ingest_fixtures import cut_rating_letter

SHARED = ROOT.parent / "shared"
REFERENCE = "china-telecom-2020 (letter cut)"
SEED = SHARED / "seeds" / "china-telecom-csr-report-2020.txt"
HAND = ROOT / "reports" / "china-telecom-2020.yaml"
REPORTS = [
    "geely-auto-2021-esg-en.txt",
    "pdfs/china-mobile-ltd-2007-en.pdf",
    "pdfs/china-mobile-ltd-2011-en.pdf",
]


def linked(draft: Draft, catalog: Catalog) -> dict[str, dict[str, str]]:
    """Core catalog id -> what links it: printed name, kind, source and the draft line it rests on."""
    doc = draft.document
    by_name = {row.name: row for row in draft.rows}
    said = {m.item.id: m for m in mentions(doc, PhraseIndex(catalog))}
    out: dict[str, dict[str, str]] = {}
    for noted in draft.data["indicators"]:
        entry = plain(noted)
        indicator = next((i for i in draft.report.indicators if i.name == entry["name"]), None)
        item = catalog.match_indicator(indicator) if indicator is not None else None
        if item is None or item.tier != "core" or item.id in out:
            continue
        source = noted.source if isinstance(noted, Noted) else None
        row = by_name.get(entry["name"].split(" – ")[-1])
        if row is not None:
            evidence = row.line.text
        elif item.id in said:
            evidence = said[item.id].line.text
        else:
            evidence = _line(doc, source)
        out[item.id] = {
            "name": entry["name"],
            "kind": item.kind,
            "source": source or "",
            "line": " ".join(evidence.split())[:200],
            "values": json.dumps(entry.get("values", {}), ensure_ascii=False)[:80],
        }
    return out


def _line(doc, source: str | None) -> str:
    if source and source.startswith("line "):
        return doc.lines[int(source.split()[1]) - 1].text
    return ""


def near_mentions(draft: Draft, catalog: Catalog, missing: list[str]) -> dict[str, str]:
    """Unlinked core id -> the first draft line holding every content word of one of its names."""
    synonyms = catalog.lexicon.synonyms
    items = {i.id: i for i in catalog.indicators}
    bags = {
        id_: [set(bag) for name in (items[id_].name.en, *items[id_].aliases) if (bag := words(name, synonyms))]
        for id_ in missing
    }
    out: dict[str, str] = {}
    for line in draft.document.lines:
        if not line.text.strip() or len(line.text) > 400:
            continue
        have = set(words(line.text, synonyms))
        for id_, names in bags.items():
            if id_ not in out and any(bag <= have for bag in names):
                out[id_] = f"{line.where}: {' '.join(line.text.split())[:160]}"
    return out


def run(criteria) -> dict[str, dict]:
    found: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        paths: dict[str, Path] = {}
        if SEED.is_file():
            cut = Path(folder) / "china-telecom-2020-letter-cut.txt"
            cut.write_text(cut_rating_letter(SEED.read_text(encoding="utf-8")), encoding="utf-8")
            paths[REFERENCE] = cut
        for name in REPORTS:
            if (SHARED / "corpus" / name).is_file():
                paths[name] = SHARED / "corpus" / name
        for name, path in paths.items():
            draft = ingest(path, criteria=criteria)
            catalog = criteria.catalog_for(draft.report.meta.industry)
            ids = linked(draft, catalog)
            core = catalog.core()
            result = {
                "industry": draft.report.meta.industry,
                "core": {"qualitative": len(catalog.core("qualitative")), "quantitative": len(catalog.core("quantitative"))},
                "ids": ids,
            }
            if name == REFERENCE:
                hand, _ = load_report(HAND)
                wanted = {
                    item.id
                    for i in hand.indicators
                    if (item := catalog.match_indicator(i)) is not None and item.tier == "core"
                }
                result["hand"] = sorted(wanted)
                result["missed"] = sorted(wanted - set(ids))
            else:
                missing = [i.id for i in core if i.id not in ids]
                result["near"] = near_mentions(draft, catalog, missing)
            found[name] = result
    return found


def counts(result: dict) -> tuple[int, int]:
    kinds = [v["kind"] for v in result["ids"].values()]
    return kinds.count("qualitative"), kinds.count("quantitative")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    if not SEED.is_file() and not any((SHARED / "corpus" / n).is_file() for n in REPORTS):
        print(f"skipped: {SHARED} not found")
        return 0
    criteria = load_criteria()
    found = run(criteria)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else {}
    print(f"{'report':36} {'industry':10} {'qual':>9} {'quant':>9} {'all':>5}" + ("   before: qual quant all" if before else ""))
    for name, result in found.items():
        qual, quant = counts(result)
        core = result["core"]
        line = f"{name:36} {result['industry']:10} {qual:4}/{core['qualitative']:<4} {quant:4}/{core['quantitative']:<4} {qual + quant:5}"
        if name in before:
            bq, bn = counts(before[name])
            line += f"   {bq:12} {bn:5} {bq + bn:3}"
        print(line)
    for name, result in found.items():
        if "missed" in result:
            print(f"\n{name}: {len(result['hand'])} core ids in {HAND.name}, {len(result['missed'])} not linked by ingest:")
            for id_ in result["missed"]:
                print(f"  {id_}")
        else:
            print(f"\n{name}: unlinked core items the draft seems to name ({len(result['near'])}):")
            for id_, where in sorted(result["near"].items()):
                print(f"  {id_:34} {where}")
    new: list[tuple[str, str, dict]] = []
    for name, result in found.items():
        if name not in before:
            continue
        old = before[name]["ids"]
        for id_ in sorted(set(result["ids"]) - set(old)):
            new.append((name, id_, result["ids"][id_]))
        for id_ in sorted(set(old) - set(result["ids"])):
            print(f"  - {name}: {id_} (was {old[id_]['name']!r})")
    if before:
        print(f"\n{len(new)} new links:")
        for name, id_, link in new:
            print(f"  + {name}: {id_} <- {link['name']!r} ({link['source']})")
    if before and args.sample:
        picked = random.Random(7).sample(new, min(args.sample, len(new)))
        print(f"\na sample of {len(picked)} new links (seed 7):")
        for name, id_, link in picked:
            print(f"- {name} | {id_} | {link['name']!r} {link['values']} | {link['source']}: {link['line']}")
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
