"""Meta facts of real reports against labels (issue 10): year, organisation and title.

Run: ``.venv/bin/python bench/bench_meta.py``. Reads ../shared/corpus/cn2016/labels.csv (163 Chinese
reports: organisation and year) and bench/meta-labels.yaml (the 5 real PDFs: organisation, year and the
acceptable titles); skips with a note where the corpus is absent. Prints the accuracy of each fact
(targets: year >= 98%, organisation >= 95%), every miss, and the ingest time per file (p50, p95, max;
target p95 <= 2 s). A title of a cn2016 report has no label: it counts as right when it names a report
(报告/report) of the labelled year or with no year, and is no award, sentence or page furniture.
Exit 1 when a target is missed.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.errors import InputError
from csr_rating.ingest.pipeline import ingest
from csr_rating.loading import load_criteria
from csr_rating.ranging import score_range

CORPUS = ROOT.parent / "shared" / "corpus"
TARGETS = {"year": 0.98, "organisation": 0.95}


# Traditional characters of company names, folded to simplified for comparing with the labels (a
# Hong Kong-listed company's report may print its name in traditional characters: that is right).
_FOLD = str.maketrans(
    "國藥糧術務業團電銀發廣東貿資運輸鐵際險醫產礦華興實線網設備機車氣蘇園陽灣門龍環縣達寶豐長開紙證權號為與對",
    "国药粮术务业团电银发广东贸资运输铁际险医产矿华兴实线网设备机车气苏园阳湾门龙环县达宝丰长开纸证权号为与对",
)


def _plain(text: str) -> str:
    return re.sub(r"[\s（）()“”\"'·]", "", unicodedata.normalize("NFKC", text).translate(_FOLD)).casefold()


def _org_right(found: str, label: str) -> bool:
    """The labelled name, or the name without a former name in brackets ("（原…）")."""
    short = _plain(re.sub(r"[（(]原.*$|[（(][^（()）]*[）)]$", "", label.strip()))  # "（原…）", a former or other name
    found, label = _plain(found), _plain(label)
    if found in (label, short):
        return True
    # the source's label sometimes keeps a scrap of its industry class before the name ("管理业…")
    return len(found) >= 6 and short.endswith(found) and len(short) - len(found) <= 6


def _title_plausible(title: str, year: int) -> bool:
    text = unicodedata.normalize("NFKC", title)
    years = {int(y) for y in re.findall(r"(?:19|20)\d{2}", text)}
    names_report = bool(re.search(r"报告|report", text, re.IGNORECASE))
    award = bool(re.search(r"奖|金蜜蜂|榜|award|prize", text, re.IGNORECASE))
    return names_report and not award and years <= {year} and len(text) <= 60


def main() -> int:
    labels = CORPUS / "cn2016" / "labels.csv"
    if not labels.is_file():
        print(f"skipped: {CORPUS} not found")
        return 0
    criteria = load_criteria()
    cases: list[tuple[Path, str, int, list[str] | None]] = []
    corrections = yaml.safe_load((ROOT / "bench" / "cn2016-industries.yaml").read_text(encoding="utf-8"))
    corrected = {name: fix.get("organisation") for name, fix in (corrections.get("corrections") or {}).items()}
    for row in csv.DictReader(labels.open(encoding="utf-8")):
        organisation = corrected.get(row["file"]) or row["organisation"]
        cases.append((CORPUS / "cn2016" / row["file"], organisation, int(row["year"]), None))
    pdfs = yaml.safe_load((ROOT / "bench" / "meta-labels.yaml").read_text(encoding="utf-8"))["pdfs"]
    for name, label in sorted(pdfs.items()):
        cases.append((CORPUS / "pdfs" / name, label["organisation"], int(label["year"]), list(label["title"])))
    right = {"year": 0, "organisation": 0, "title": 0}
    misses: list[str] = []
    times: list[float] = []
    unscored: list[str] = []
    for path, organisation, year, titles in cases:
        started = time.perf_counter()
        report = ingest(path, criteria=criteria).report
        times.append(time.perf_counter() - started)
        meta = report.meta
        try:
            score_range(report, criteria)
        except InputError as error:  # a draft ingest accepted must score
            unscored.append(f"  {path.name}: {error}")
        checks = {
            "year": meta.year == year,
            "organisation": _org_right(meta.organisation, organisation),
            "title": _plain(meta.title) in {_plain(t) for t in titles}
            if titles
            else _title_plausible(meta.title, year),
        }
        for fact, ok in checks.items():
            right[fact] += ok
            if not ok:
                got = {"year": meta.year, "organisation": meta.organisation, "title": meta.title}[fact]
                want = {"year": year, "organisation": organisation, "title": titles or "a plausible title"}[fact]
                misses.append(f"  {fact}: {got!r} (want {want!r}) {path.name}")
    total = len(cases)
    failed = False
    for fact in ("year", "organisation", "title"):
        share = right[fact] / total
        target = TARGETS.get(fact)
        verdict = "" if target is None else (" ok" if share >= target else f" BELOW {target:.0%}")
        failed |= target is not None and share < target
        print(f"{fact:<13} {right[fact]}/{total} = {share:.1%}{verdict}")
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"ingest time per file: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s")
    failed |= p95 > 2.0
    print(f"scored without an input error: {total - len(unscored)}/{total}")
    for line in unscored:
        print(line)
    failed |= bool(unscored)
    print("misses:")
    for line in misses:
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
