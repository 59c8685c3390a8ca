"""How many of a Chinese report's figures ingest links to the catalog: the reach of the quantitative
items' Chinese names and aliases, measured on the 2016 corpus.

Run: ``.venv/bin/python bench/bench_links_zh.py [--save FILE] [--before FILE] [--sample N] [--top N]``.
Ingests every report of ../shared/corpus/cn2016/*.txt plus the rated CNBM text and the Sinopec text
(EXTRA) with ``ingest(path, criteria=load_criteria())``; skips cleanly when ../shared is absent.
Per report it reads the table rows (linked: the row carries a catalog id), the figures read from the
prose (always linked: found by exact catalog names) and the chart series (linked or not), and the
distinct quantitative core indicators of the report's pack (``catalog.core("quantitative",
segments)``) that some indicator of the report links to (``catalog.match_indicator``). Prints:
- table rows, chart series and prose figures, linked and unlinked, in all and per pack (the pack
  ingest chose; bench/cn2016-industries.yaml gives the source's label's pack, shown for reference);
- the mean number of linked quantitative core indicators per report, and the mean share of the
  pack's quantitative core indicators linked;
- the ``--top`` (150) most frequent unlinked indicator names (table rows and chart series) across
  reports, normalised (``catalog.normalise``, a section qualifier dropped), with how many reports
  have each.
``--save FILE`` writes every report's links (name, catalog id, line number, values: no draft text) and
unlinked names as JSON; ``--before FILE`` reads such a
file from an earlier run, prints its figures beside this run's and counts the links gained and lost;
``--sample N`` (with ``--before``) draws N of the new links (fixed seed) and prints each with its
draft line, for judging precision by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml

from csr_rating.catalog import normalise
from csr_rating.ingest.noted import plain
from csr_rating.ingest.pipeline import ingest
from csr_rating.ingest.readers import read_document
from csr_rating.loading import load_criteria

CORPUS = ROOT.parent / "shared" / "corpus"
EXTRA = ["rated/cnbm-2016-sr-zh.txt", "sinopec-corp-2016-sdpr-zh.txt"]
SEED = 20160
_LINE = re.compile(r"^line (\d+)$")


def _labels() -> dict[str, str]:
    """File name -> the pack of its source label (first of the label's packs), where one is given."""
    table = yaml.safe_load((ROOT / "bench" / "cn2016-industries.yaml").read_text(encoding="utf-8"))
    packs = {label: (entry["packs"] or [""])[0] for label, entry in table["labels"].items()}
    out: dict[str, str] = {}
    labels = CORPUS / "cn2016" / "labels.csv"
    if labels.is_file():
        for line in labels.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split(",")
            if len(cells) >= 3:
                out[cells[0]] = packs.get(cells[2], "")
    for name, fix in (table.get("corrections") or {}).items():
        out[name] = fix["pack"]
    return out


def _text(path: Path, source: str, shown: str) -> str:
    """The draft line a link came from (read again, never saved), cut to the part around its figure."""
    match = _LINE.match(source or "")
    if match is None:
        return ""
    text = read_document(path).lines[int(match.group(1)) - 1].text.strip()
    values = re.findall(r": ([-\d.]+)", shown)
    at = next((text.find(v) for v in values if v and text.find(v) >= 0), -1)
    if at < 0 and values and values[0].endswith(".0"):
        at = text.find(values[0][:-2])
    start = max(0, at - 60) if at >= 0 else 0
    return text[start : start + 120]


def _shown(entry: dict) -> str:
    values = entry.get("values") or {}
    years = ", ".join(f"{y}: {v}" for y, v in sorted(values.items()))
    return f"{years} {entry.get('unit', '')}".strip() or f"chart years {entry.get('chart_years', [])}"


def _bare(name: str) -> str:
    """A table row's name as the draft prints it: the section qualifier ingest adds to a repeated
    name ("环境 – 用水量") dropped, then normalised."""
    return normalise(name.split(" – ")[-1])


def run() -> dict[str, dict]:
    criteria = load_criteria()
    labels = _labels()
    paths = sorted((CORPUS / "cn2016").glob("*.txt")) + [CORPUS / p for p in EXTRA if (CORPUS / p).is_file()]
    out: dict[str, dict] = {}
    for path in paths:
        draft = ingest(path, criteria=criteria)
        report = draft.report
        catalog = criteria.catalog_for(report.meta.industry)
        stats = draft.stats
        entries = draft.data["indicators"]
        table = entries[: stats.table_rows]
        prose = entries[stats.table_rows : stats.table_rows + stats.prose_figures]
        charts = entries[stats.table_rows + stats.prose_figures : stats.table_rows + stats.prose_figures + stats.chart_series]
        links: list[list[str]] = []  # [kind, printed name, catalog id, "line N", values]
        unlinked: list[str] = []
        for kind, group in (("table", table), ("prose", prose), ("chart", charts)):
            for noted in group:
                entry = plain(noted)
                if "id" in entry:
                    links.append([kind, entry["name"], entry["id"], noted.source or "", _shown(entry)])
                elif kind != "prose":
                    unlinked.append(_bare(entry["name"]))
        core = {i.id for i in catalog.core("quantitative", report.meta.segments)}
        quant = sorted(
            {item.id for ind in report.indicators if (item := catalog.match_indicator(ind)) is not None} & core
        )
        out[str(path.relative_to(CORPUS))] = {
            "pack": catalog.id,
            "label_pack": labels.get(path.name, ""),
            "rows": stats.table_rows,
            "linked_rows": stats.linked_rows,
            "prose": stats.prose_figures,
            "charts": stats.chart_series,
            "linked_charts": sum(1 for link in links if link[0] == "chart"),
            "core": len(core),
            "quant_core": quant,
            "links": links,
            "unlinked": unlinked,
        }
    return out


def summary(data: dict[str, dict]) -> dict[str, float]:
    """The headline figures of one run (what --before compares)."""
    rows = sum(r["rows"] for r in data.values())
    linked = sum(r["linked_rows"] for r in data.values())
    return {
        "reports": len(data),
        "table rows": rows,
        "table rows linked": linked,
        "table rows unlinked": rows - linked,
        "prose figures (linked)": sum(r["prose"] for r in data.values()),
        "chart series": sum(r["charts"] for r in data.values()),
        "chart series linked": sum(r["linked_charts"] for r in data.values()),
        "mean linked quant core per report": statistics.mean(len(r["quant_core"]) for r in data.values()),
        "mean share of pack quant core linked (%)": statistics.mean(
            100 * len(r["quant_core"]) / r["core"] if r["core"] else 0.0 for r in data.values()
        ),
    }


def per_pack(data: dict[str, dict]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in data.values():
        groups[r["pack"]].append(r)
    out = {}
    for pack in sorted(groups):
        rs = groups[pack]
        out[pack] = {
            "reports": len(rs),
            "rows": sum(r["rows"] for r in rs),
            "linked": sum(r["linked_rows"] for r in rs),
            "prose": sum(r["prose"] for r in rs),
            "quant": statistics.mean(len(r["quant_core"]) for r in rs),
            "share": statistics.mean(100 * len(r["quant_core"]) / r["core"] if r["core"] else 0.0 for r in rs),
        }
    return out


def frequent_unlinked(data: dict[str, dict], top: int) -> list[tuple[str, int]]:
    counts = Counter(name for r in data.values() for name in set(r["unlinked"]) if name)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def new_links(data: dict[str, dict], before: dict[str, dict]) -> tuple[list[tuple[str, list[str]]], int]:
    """(report, link) for each link of this run that the earlier one lacked, and the number lost."""
    gained: list[tuple[str, list[str]]] = []
    lost = 0
    for name, now in data.items():
        old = before.get(name, {"links": []})
        had = Counter((k, n, i) for k, n, i, *_ in old["links"])
        has = Counter((k, n, i) for k, n, i, *_ in now["links"])
        lost += sum((had - has).values())
        fresh = has - had
        for link in now["links"]:
            key = (link[0], link[1], link[2])
            if fresh[key] > 0:
                fresh[key] -= 1
                gained.append((name, link))
    return gained, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--top", type=int, default=150)
    args = parser.parse_args()
    if not (CORPUS / "cn2016").is_dir():
        print(f"skipped: {CORPUS / 'cn2016'} not found")
        return 0
    data = run()
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    figures = summary(data)
    old = summary(before) if before else {}
    print(f"{'figure':44}{'now':>10}" + (f"{'before':>10}" if before else ""))
    for key, value in figures.items():
        line = f"{key:44}{value:10.2f}" if isinstance(value, float) else f"{key:44}{value:10}"
        if before:
            b = old[key]
            line += f"{b:10.2f}" if isinstance(b, float) else f"{b:10}"
        print(line)
    print()
    packs = per_pack(data)
    old_packs = per_pack(before) if before else {}
    print(f"{'pack':14}{'reports':>8}{'rows':>7}{'linked':>7}{'unlinked':>9}{'prose':>6}{'quant core':>11}{'share %':>8}")
    for pack, p in packs.items():
        line = (
            f"{pack:14}{p['reports']:8}{p['rows']:7}{p['linked']:7}{p['rows'] - p['linked']:9}{p['prose']:6}"
            f"{p['quant']:11.2f}{p['share']:8.1f}"
        )
        if pack in old_packs:
            b = old_packs[pack]
            line += f"   (before: linked {b['linked']}, prose {b['prose']}, quant {b['quant']:.2f}, {b['share']:.1f}%)"
        print(line)
    mismatched = sum(1 for r in data.values() if r["label_pack"] and r["label_pack"] != r["pack"])
    print(f"(reports whose pack differs from their source label's: {mismatched})")
    print()
    print(f"{args.top} most frequent unlinked table-row and chart names (reports having each):")
    for name, count in frequent_unlinked(data, args.top):
        print(f"  {count:4}  {name}")
    if before:
        gained, lost = new_links(data, before)
        print()
        print(f"links gained: {len(gained)}, lost: {lost}")
        if args.sample:
            chosen = random.Random(SEED).sample(gained, min(args.sample, len(gained)))
            for report, (kind, name, id_, source, shown) in chosen:
                print(f"- [{kind}] {name!r} -> {id_} = {shown}  ({Path(report).name[:40]}, {source})")
                print(f"      {_text(CORPUS / report, source, shown)}")
    if args.save:
        args.save.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
