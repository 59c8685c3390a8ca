"""Recorded outputs, so a change meant to be invisible (a speed-up, a refactor) proves it is.

``tests/golden/outputs.json`` holds the sha256 (and size) of what the CLI printed, byte for byte,
before such a change (digests keep the repository small, and real reports' passages out of it):

- ``score``: ``csr-rating score`` of every bundled report in every format, English and Chinese, with
  ``--explain`` where it changes the output, and the batch table of the whole ``reports/`` folder;
- ``csr-rating check`` of all of them at once (several scorecards in one output), every format;
- ``ingest``: ``csr-rating ingest`` of real texts and PDFs from ``../shared`` (skipped where absent).

``tests/test_golden.py`` recomputes and compares. A change that is meant to alter an output (a new
ingest rule, a new criterion) regenerates the digests; to see what moved, write the outputs out on
both sides and diff them:

    .venv/bin/python -m tests.golden_outputs              # rewrite tests/golden/outputs.json
    .venv/bin/python -m tests.golden_outputs --full DIR   # ... and keep every output in DIR to diff

Every command runs in-process through the CLI's own ``main`` from the repository root (paths in the
outputs are relative to it).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "golden" / "outputs.json"
SHARED = ROOT.parent / "shared"

REPORTS = ("china-telecom-2020", "fictitious-first-draft", "fictitious-mid-quality")
FORMATS = ("table", "json", "markdown", "html", "sarif", "junit", "github", "letter", "letter-html")
EXPLAINED = ("table", "markdown", "html")  # the formats --explain changes
BATCH_FORMATS = ("table", "markdown", "html", "csv", "json")
LANGS = ("en", "zh")
# Real drafts from ../shared: the reference text, both other texts, three cn2016 reports, every PDF.
INGESTED = (
    "seeds/china-telecom-csr-report-2020.txt",
    "corpus/sinopec-corp-2016-sdpr-zh.txt",
    "corpus/geely-auto-2021-esg-en.txt",
    "corpus/cn2016/Beijing City医药制造北京同仁堂股份有限公司.txt",
    "corpus/cn2016/Anhui Province交通运输及邮政安徽皖通高速公路股份有限公司.txt",
    "corpus/cn2016/Beijing City其他制造业中国中车股份有限公司.txt",
    "corpus/pdfs/chenming-paper-2009-zh.pdf",
    "corpus/pdfs/china-mobile-ltd-2007-en.pdf",
    "corpus/pdfs/china-mobile-ltd-2011-en.pdf",
    "corpus/pdfs/fenjiu-2012-zh.pdf",
    "corpus/pdfs/shenzhen-energy-2016-zh.pdf",
)


@contextlib.contextmanager
def _at_root() -> Iterator[None]:
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


def run(*args: str) -> tuple[int, str, str]:
    """``csr-rating ARGS`` in-process: exit code, standard output, standard error."""
    from csr_rating.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["csr-rating", *args]
    code: int | str | None = 0
    try:
        with _at_root(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as done:
                code = done.code
    finally:
        sys.argv = argv
    return (code if isinstance(code, int) else 1), out.getvalue(), err.getvalue()


def _record(code: int, out: str, err: str) -> str:
    """One command's whole result as one text: exit code, stderr, then stdout."""
    return f"exit {code}\n--- stderr\n{err}--- stdout\n{out}"


def score_cases(report: str) -> dict[str, str]:
    """File name -> recorded result, for every format and language of one bundled report."""
    found = {}
    for fmt in FORMATS:
        for lang in LANGS:
            found[f"{report}.{lang}.{fmt}"] = _record(
                *run("score", f"reports/{report}.yaml", "--format", fmt, "--lang", lang)
            )
        if fmt in EXPLAINED:
            found[f"{report}.explain.{fmt}"] = _record(*run("score", f"reports/{report}.yaml", "-f", fmt, "--explain"))
    return found


def batch_cases() -> dict[str, str]:
    """The whole reports folder as one table, in every batch format and language."""
    return {
        f"batch.{lang}.{fmt}": _record(*run("score", "reports", "--format", fmt, "--lang", lang))
        for fmt in BATCH_FORMATS
        for lang in LANGS
    }


def check_cases() -> dict[str, str]:
    """``csr-rating check`` of all bundled reports at once (several scorecards in one output) in every
    format and language, one report alone, and --explain: the verdicts go to stderr."""
    reports = [f"reports/{report}.yaml" for report in REPORTS]
    found = {
        f"check.{lang}.{fmt}": _record(*run("check", *reports, "--min-stars", "2", "-f", fmt, "--lang", lang))
        for fmt in FORMATS
        for lang in LANGS
    }
    found["check.explain.table"] = _record(*run("check", *reports, "--min-stars", "2", "--explain"))
    found["check.one.json"] = _record(*run("check", reports[0], "--min-stars", "4", "-f", "json"))
    return found


def digest(text: str) -> dict[str, object]:
    data = text.encode("utf-8")
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def ingest_case(relative: str) -> str:
    """``csr-rating ingest ../shared/RELATIVE``, recorded."""
    return _record(*run("ingest", f"../shared/{relative}"))


def recorded() -> dict[str, dict[str, dict[str, object]]]:
    """{"score": {name: digest}, "ingest": {draft: digest}} as last regenerated."""
    return dict(json.loads(RECORDED.read_text(encoding="utf-8")))


def regenerate(full: Path | None = None) -> None:
    """Rewrite the digests from the current code (and every output into ``full``)."""
    cases: dict[str, str] = {**batch_cases(), **check_cases()}
    for report in REPORTS:
        cases.update(score_cases(report))
    found = {"score": {name: digest(text) for name, text in cases.items()}, "ingest": {}}
    if SHARED.is_dir():
        for relative in INGESTED:
            cases[Path(relative).stem + ".ingest"] = text = ingest_case(relative)
            found["ingest"][relative] = digest(text)
    else:
        found["ingest"] = recorded()["ingest"]
        print(f"{SHARED} is absent: the ingest digests are kept as they were", file=sys.stderr)
    if full is not None:
        full.mkdir(parents=True, exist_ok=True)
        for name, text in cases.items():
            (full / name).write_text(text, encoding="utf-8", newline="")
    RECORDED.parent.mkdir(exist_ok=True)
    RECORDED.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(found['score'])} score and {len(found['ingest'])} ingest digests written to {RECORDED}")


if __name__ == "__main__":
    args = sys.argv[1:]
    regenerate(Path(args[1]) if args[:1] == ["--full"] and len(args) == 2 else None)
