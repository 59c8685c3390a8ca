"""Speed and memory targets for csr-rating; run `python bench/bench.py` (exit 1 when a target is missed).

Targets (on the project's 2-core reference machine):
- load criteria + score the bundled reference report, in-process: under 0.5 s
- the CLI end to end on the reference report (a new Python process): under 2 s
- a 8,000-indicator report (about 1 MB of YAML): under 10 s and under 300 MB peak memory
- every hostile input (alias bomb, 25 MB file, values just under and over the cap, deep nesting),
  answered by the CLI with exit 2: under 2 s and under 300 MB each
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csr_rating.api import rate
from csr_rating.loading import load_criteria
from csr_rating.render import FORMATS

REFERENCE = ROOT / "reports" / "china-telecom-2020.yaml"


def timed(label: str, target: float, action) -> bool:
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    ok = elapsed < target
    print(f"{'ok  ' if ok else 'SLOW'} {label}: {elapsed:.3f} s (target < {target} s)")
    return ok


def big_report(path: Path, count: int) -> None:
    rng = random.Random(7)
    criteria = load_criteria()
    ids = [i.id for i in criteria.catalogs["telecom"].indicators]
    indicators = []
    for n in range(count):
        item = {"name": f"Indicator {n}", "unit": "t", "values": {y: rng.randint(0, 10**6) for y in range(2016, 2021)}}
        if n < len(ids):
            item["id"] = ids[n]
        indicators.append(item)
    data = {
        "meta": {"organisation": "Bench Co. (fictitious)", "title": "Bench", "year": 2020, "industry": "telecom"},
        "topics": [{"name": f"Topic {n}", "depth": "detailed", "cases": 2} for n in range(500)],
        "indicators": indicators,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def main() -> int:
    results = []
    criteria = load_criteria()
    results.append(
        timed(
            "load criteria + score reference",
            0.5,
            lambda: FORMATS["json"](rate(REFERENCE, load_criteria()), "en", False, 5),
        )
    )
    cmd = [sys.executable, "-m", "csr_rating", "score", str(REFERENCE), "--format", "json"]
    results.append(
        timed("CLI on the reference (new process)", 2.0, lambda: subprocess.run(cmd, check=True, capture_output=True))
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        big_report(path, 8_000)
        size = path.stat().st_size / 1e6
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results.append(
            timed(
                f"8,000-indicator report ({size:.1f} MB)",
                10.0,
                lambda: FORMATS["json"](rate(path, criteria), "en", True, 5),
            )
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ok = peak < 300
        print(f"{'ok  ' if ok else 'BIG '} peak memory: {peak:.0f} MB (was {before:.0f} MB before; target < 300 MB)")
        results.append(ok)
    results.extend(hostile())
    return 0 if all(results) else 1


def hostile() -> list[bool]:
    head = "meta: {organisation: A, title: B, year: 2020}\n"
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9)
    )
    cases = {
        "alias bomb": head + bomb,
        "25 MB file": head + ("# " + "x" * 998 + "\n") * 25_000,
        "99,000 values (under the cap)": head + "junk: [" + "1," * 99_000 + "1]\n",
        "2,400,000 values (over the cap)": head + "junk: [" + "1, " * 2_400_000 + "1]\n",
        "deep nesting": head + "x: " + "[" * 5000 + "]" * 5000 + "\n",
    }
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for label, text in cases.items():
            path = Path(folder) / "hostile.yaml"
            path.write_text(text, encoding="utf-8")
            cmd = [sys.executable, "-m", "csr_rating", "score", str(path)]
            start = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            elapsed = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
            ok = done.returncode == 2 and elapsed < 2 and peak < 300
            print(f"{'ok  ' if ok else 'FAIL'} hostile {label}: exit {done.returncode}, {elapsed:.2f} s, "
                  f"child peak so far {peak:.0f} MB (targets: exit 2, < 2 s, < 300 MB)")
            results.append(ok)
    return results


if __name__ == "__main__":
    sys.exit(main())
