"""How many of its industry catalog's key topics ingest finds in real reports: the reach of the topics'
names and aliases (the substance dimension scores the share found, and how deeply).

Run: ``.venv/bin/python bench/bench_topics.py [--save FILE] [--before FILE] [--sample N]``.
Reads every report of ../shared/corpus/cn2016/ whose label in bench/cn2016-industries.yaml names one
industry (``specific: true``; a file listed under ``corrections`` as the pack of what it is), plus
the rated CNBM text (construction), Sinopec's report (oil-gas), the reference telecom seed with its
rating letter cut (telecom) and Geely's ESG report (automotive); skips what is absent, and prints
"skipped" without ../shared. Each report is read as ingest reads it (rating letter, index and
contents blanked), its pack forced to the mapped industry, its segments detected, and its topics
found by ``extract_topics`` with that pack's merged catalog. Prints, per pack:
- reports, the mean share of the key topics that apply (``Catalog.topics_for`` the report's
  segments) found, and the mean share found ``detailed``;
- per topic, the share of the pack's reports (where it applies) in which it is found by a name or
  alias (strong) and by derived keywords only (weak).
``--save FILE`` writes what was found as JSON, one report a line (report -> pack, segments, found:
topic -> D/M detailed/mentioned by a name or alias, d/m by keywords only, and the missing topics; no
report text); ``--before FILE`` reads such a file and prints its figures beside this run's; with
``--sample N`` draws N new matches (a topic found now and not before, or strong now and weak before;
fixed seed) with the name that found it and its line, for judging precision by hand.
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.ingest.noted import plain
from csr_rating.ingest.readers import parse_bytes, read_document
from csr_rating.ingest.segments import detect_segments
from csr_rating.ingest.structure import masked, parts
from csr_rating.ingest.topics import extract_topics, topic_mentions
from csr_rating.loading import load_criteria
from tests.ingest_fixtures import cut_rating_letter

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
# Texts outside cn2016, with the pack each is read as.
EXTRA = {
    "rated/cnbm-2016-sr-zh.txt": "construction",
    "sinopec-corp-2016-sdpr-zh.txt": "oil-gas",
    "../seeds/china-telecom-csr-report-2020.txt": "telecom",
    "geely-auto-2021-esg-en.txt": "automotive",
}
SEED = "../seeds/china-telecom-csr-report-2020.txt"


def reports() -> list[tuple[str, str, Path]]:
    """(name, pack, path) of every report the bench reads."""
    data = yaml.safe_load((ROOT / "bench" / "cn2016-industries.yaml").read_text(encoding="utf-8"))
    table, corrections = data["labels"], data.get("corrections") or {}
    out: list[tuple[str, str, Path]] = []
    for row in csv.DictReader((CORPUS / "cn2016" / "labels.csv").open(encoding="utf-8")):
        label = table[row["industry_label"]]
        if row["file"] in corrections:
            out.append((f"cn2016/{row['file']}", corrections[row["file"]]["pack"], CORPUS / "cn2016" / row["file"]))
        elif label["specific"]:
            out.append((f"cn2016/{row['file']}", label["packs"][0], CORPUS / "cn2016" / row["file"]))
    for name, pack in EXTRA.items():
        if (CORPUS / name).is_file():
            out.append((name, pack, CORPUS / name))
    return out


# How a topic was found, one letter in the saved file: detailed or mentioned, by a name or alias
# (capital) or by keywords of its name only (small).
MARKS = {("detailed", True): "D", ("mentioned", True): "M", ("detailed", False): "d", ("mentioned", False): "m"}


def run() -> tuple[dict[str, dict], dict[tuple[str, str], tuple[str, int, str]]]:
    """Per report, what was found (what --save writes: ids and marks, no report text), and per
    (report, topic) the name that found it first with its line (what --sample prints, never saved)."""
    criteria = load_criteria()
    out: dict[str, dict] = {}
    first: dict[tuple[str, str], tuple[str, int, str]] = {}
    for name, pack, path in reports():
        if name == SEED:
            text = cut_rating_letter(path.read_text(encoding="utf-8"))
            doc = parse_bytes(text.encode("utf-8"), str(path), ".txt")
        else:
            doc = read_document(path)
        facts = masked(doc, parts(doc))
        catalog = criteria.catalog_for(pack)
        noted = detect_segments(facts, catalog)
        segments = list(noted.value) if noted is not None else []
        found: dict[str, str] = {}
        for topic in extract_topics(facts, catalog):
            found[plain(topic)["id"]] = MARKS[(plain(topic)["depth"], topic.review is None)]
        for line, topic, strong, label in topic_mentions(facts, catalog):
            if topic in found and strong == found[topic].isupper() and (name, topic) not in first:
                first[(name, topic)] = (label, facts.lines[line].number, facts.lines[line].text.strip()[:160])
        applies = [t.id for t in catalog.topics_for(segments)]
        out[name] = {
            "pack": pack,
            "segments": segments,
            "found": {t: found[t] for t in applies if t in found},  # topics of other segments left out
            "missing": [t for t in applies if t not in found],
        }
    return out, first


def summary(data: dict[str, dict]) -> dict[str, dict[str, float]]:
    """Per pack: figures keyed by name (reports, found, detailed, and each topic's strong and weak
    shares), topics in the order of the pack's catalog."""
    criteria = load_criteria()
    by_pack: dict[str, list[dict]] = defaultdict(list)
    for entry in data.values():
        by_pack[entry["pack"]].append(entry)
    out: dict[str, dict[str, float]] = {}
    for pack, entries in sorted(by_pack.items()):
        figures: dict[str, float] = {"reports": len(entries)}
        found, detailed = [], []
        per_topic: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        for entry in entries:
            marks = entry["found"]
            hits = list(marks.values())
            applies = len(marks) + len(entry["missing"])
            found.append(len(hits) / applies)
            detailed.append(sum(mark in "Dd" for mark in hits) / applies)
            for topic in [*marks, *entry["missing"]]:
                mark = marks.get(topic, "")
                per_topic[topic].append((mark.isupper(), mark.islower()))
        figures["found"] = statistics.mean(found)
        figures["detailed"] = statistics.mean(detailed)
        order = {t.id: i for i, t in enumerate(criteria.catalog_for(pack).topics)}
        for topic, values in sorted(per_topic.items(), key=lambda item: (order.get(item[0], len(order)), item[0])):
            figures[f"{topic} strong"] = statistics.mean(v[0] for v in values)
            figures[f"{topic} weak"] = statistics.mean(v[1] for v in values)
            figures[f"{topic} n"] = len(values)
        out[pack] = figures
    return out


def _print(now: dict[str, dict[str, float]], then: dict[str, dict[str, float]]) -> None:
    both = bool(then)
    for pack, figures in now.items():
        old = then.get(pack, {})
        line = f"{pack}: {figures['reports']:.0f} reports; key topics found {figures['found']:.1%}"
        line += f" (before {old['found']:.1%})" if "found" in old else ""
        line += f", detailed {figures['detailed']:.1%}"
        line += f" (before {old['detailed']:.1%})" if "detailed" in old else ""
        print(line)
        head = f"  {'topic':<38}{'n':>4}{'strong':>8}{'weak':>7}"
        print(head + (f"{'| before':>9}{'weak':>7}" if both else ""))
        for key in figures:
            if not key.endswith(" strong"):
                continue
            topic = key[: -len(" strong")]
            row = f"  {topic:<38}{figures[topic + ' n']:>4.0f}{figures[key]:>8.0%}{figures[topic + ' weak']:>7.0%}"
            if both and key in old:
                row += f"{'|':>3}{old[key]:>6.0%}{old[topic + ' weak']:>7.0%}"
            print(row)
    if both:
        print(f"\n{'pack':<14}{'found before':>13}{'after':>8}{'detailed before':>17}{'after':>8}")
        for pack, figures in now.items():
            old = then.get(pack, {})
            print(
                f"{pack:<14}{old.get('found', float('nan')):>13.1%}{figures['found']:>8.1%}"
                f"{old.get('detailed', float('nan')):>17.1%}{figures['detailed']:>8.1%}"
            )


def _new_matches(
    data: dict[str, dict], before: dict[str, dict], first: dict[tuple[str, str], tuple[str, int, str]]
) -> list[tuple[str, str, str, int, str]]:
    """(report, topic, name, line number, line) of each topic found now and not before, or found by
    a name now and only by keywords before."""
    new = []
    for report, entry in sorted(data.items()):
        old = before.get(report, {}).get("found", {})
        for topic, mark in entry["found"].items():
            if topic not in old or (mark.isupper() and old[topic].islower()):
                new.append((report, topic, *first[(report, topic)]))
    return new


def _save(data: dict[str, dict], path: Path) -> None:
    """One report a line: a diff between two runs shows the reports that changed."""
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if not (CORPUS / "cn2016" / "labels.csv").is_file():
        print(f"skipped: {CORPUS / 'cn2016'} not found")
        return 0
    started = time.perf_counter()
    data, first = run()
    print(f"{len(data)} reports read in {time.perf_counter() - started:.0f} s")
    before = None
    if "--before" in argv:
        before = json.loads(Path(argv[argv.index("--before") + 1]).read_text(encoding="utf-8"))
    if "--save" in argv:
        _save(data, Path(argv[argv.index("--save") + 1]))
    _print(summary(data), summary(before) if before else {})
    if before and "--sample" in argv:
        n = int(argv[argv.index("--sample") + 1])
        new = _new_matches(data, before, first)
        print(f"\n{len(new)} new matches; a sample of {min(n, len(new))} (seed 7):")
        for report, topic, label, number, line in random.Random(7).sample(new, min(n, len(new))):
            print(f"- {report} line {number} | {topic} | {label!r} | {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
