"""Several scorecards in one output, in every format (``csr-rating check a.yaml b.yaml``).

One report renders exactly as it does alone. Several:
- ``table``, ``markdown``, ``github``: each report's output, one after another;
- ``json``: ``{"schema_version", "reports": {file: scorecard, ...}}`` in the order given, and, from
  `check`, ``gate: {"passed"}`` for all of them;
- ``sarif``: one run: the rules once, every report an artifact, every result pointing at its report;
  from `check`, one invocation whose ``executionSuccessful`` is every gate passing;
- ``junit``: one test suite per report (its criteria as test cases, the dimension as class name, and
  the gate's test case), so a CI test view lists the reports side by side;
- ``html``: one page, a section per report.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from csr_rating.i18n import Lang
from csr_rating.render import FORMATS, html, json_format, junit, sarif
from csr_rating.render.paths import report_path
from csr_rating.scorecard import Scorecard


class Many:
    """Several scorecards into one output of one format, fed one at a time: each card is reduced at
    once to what the output needs of it (its text, its JSON, its SARIF results, its test suite), so
    a gate over thousands of reports never holds their scorecards. A single card renders exactly as
    it does alone (it is held until a second one comes)."""

    def __init__(self, fmt: str, lang: Lang, explain: bool, top: int) -> None:
        self.fmt, self.lang, self.explain, self.top = fmt, lang, explain, top
        self.count = 0
        self.first: Scorecard | None = None
        self.gated = True  # every card carries a gate verdict (from `check`)
        self.passed = True
        self.texts: list[str] = []  # table, markdown, github, letter: each card's own output
        self.documents: dict[str, str] = {}  # json: report path -> its document, as JSON text two levels deep
        self.sarif: _Sarif | None = None
        self.junit = _Junit()
        self.pages: list[str] = []  # html: the first card's page, then each card's section

    def add(self, card: Scorecard) -> None:
        self.count += 1
        self.gated = self.gated and card.gate is not None
        self.passed = self.passed and card.gate is not None and card.gate.passed
        if self.count == 1:
            self.first = card
            return
        if self.first is not None:
            self._reduce(self.first)
            self.first = None
        self._reduce(card)

    def _reduce(self, card: Scorecard) -> None:
        if self.fmt == "json":
            text = json.dumps(json_format.document(card, self.lang), ensure_ascii=False, indent=2)
            self.documents[report_path(card.report.file)] = _nested(text, 2)
        elif self.fmt == "sarif":
            if self.sarif is None:
                self.sarif = _Sarif(sarif.document(card, self.lang))
            else:
                self.sarif.add(sarif.document(card, self.lang))
        elif self.fmt == "junit":
            self.junit.add(card, self.lang)
        elif self.fmt == "html":
            page = html.render(card, self.lang, self.explain, self.top)
            found = _MAIN.search(page)
            if not self.pages:
                self.pages.append(page)
            self.pages.append(f"<section class=\"report\">\n{found.group(1) if found else ''}\n</section>")
        else:
            self.texts.append(FORMATS[self.fmt](card, self.lang, self.explain, self.top))

    def text(self) -> str:
        """The whole output (module docstring); at least one card must have been added."""
        if self.first is not None:
            return FORMATS[self.fmt](self.first, self.lang, self.explain, self.top)
        if self.fmt == "json":
            return _json(self.documents, self.gated, self.passed)
        if self.fmt == "sarif":
            assert self.sarif is not None
            return self.sarif.text(self.gated, self.passed)
        if self.fmt == "junit":
            return self.junit.text()
        if self.fmt == "html":
            return _html(self.pages)
        return "".join(self.texts)


def render_many(cards: Sequence[Scorecard], fmt: str, lang: Lang, explain: bool, top: int) -> str:
    """The scorecards in one output of format ``fmt`` (module docstring)."""
    many = Many(fmt, lang, explain, top)
    for card in cards:
        many.add(card)
    return many.text()


def _nested(text: str, depth: int) -> str:
    """JSON text as ``json.dumps(indent=2)`` prints it ``depth`` levels deep (its inner lines indented)."""
    return text.replace("\n", "\n" + "  " * depth)


def _json(documents: dict[str, str], gated: bool, passed: bool) -> str:
    """``{"schema_version", "reports": {file: scorecard}, "gate"}`` exactly as json.dumps(indent=2)
    would print it, from the documents already printed one by one (joined once: the output of a
    thousand reports is large)."""
    parts = ["{\n", f'  "schema_version": {json.dumps(json_format.SCHEMA_VERSION)},\n', '  "reports": {\n']
    for index, (path, text) in enumerate(documents.items()):
        parts += [",\n" if index else "", f"    {json.dumps(path, ensure_ascii=False)}: ", text]
    parts.append("\n  }")
    if gated:
        parts.append(f',\n  "gate": {{\n    "passed": {json.dumps(passed)}\n  }}')
    parts.append("\n}\n")
    return "".join(parts)


class _Sarif:
    """One run over every report: the first log's rules and settings, each report an artifact, every
    result pointing at its report."""

    def __init__(self, first: dict[str, Any]) -> None:
        self.first = first
        self.artifacts: list[Any] = []
        self.results: list[Any] = []
        self.reports: list[Any] = []
        self.notifications: list[dict[str, Any]] = []
        self.add(first)

    def add(self, log: dict[str, Any]) -> None:
        each = log["runs"][0]
        index = len(self.reports)
        self.artifacts.extend(each["artifacts"])
        for result in each["results"]:
            for location in result["locations"]:
                location["physicalLocation"]["artifactLocation"]["index"] = index
            self.results.append(result)
        self.reports.append(each["properties"])
        for invocation in each.get("invocations", []):
            self.notifications.extend(invocation["toolExecutionNotifications"])

    def text(self, gated: bool, passed: bool) -> str:
        first = self.first["runs"][0]
        run: dict[str, Any] = {key: value for key, value in first.items() if key not in ("artifacts", "results", "invocations")}
        run["artifacts"] = self.artifacts
        run["results"] = self.results
        run["properties"] = {"reports": self.reports}
        if gated:
            run["invocations"] = [{"executionSuccessful": passed, "toolExecutionNotifications": self.notifications}]
        return json.dumps({**self.first, "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


class _Junit:
    """One test suite per report (its criteria as test cases, the dimension as class name)."""

    def __init__(self) -> None:
        self.root = ET.Element("testsuites", {"name": "csr-rating"})
        self.totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def add(self, card: Scorecard, lang: Lang) -> None:
        one = junit.document(card, lang)
        suite = ET.SubElement(self.root, "testsuite", {"name": report_path(card.report.file)})
        counts = {key: 0 for key in self.totals}
        for part in one:
            for case in part.iter("testcase"):
                case.set("classname", part.get("name", ""))
                suite.append(case)
            for key in counts:
                counts[key] += int(part.get(key, "0"))
        for key, value in counts.items():
            suite.set(key, str(value))
            self.totals[key] += value
        suite.set("time", "0")

    def text(self) -> str:
        for key, value in self.totals.items():
            self.root.set(key, str(value))
        self.root.set("time", "0")
        ET.indent(self.root, space="  ")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(self.root, encoding="unicode") + "\n"


_MAIN = re.compile(r"<main>\n(.*)\n</main>", re.DOTALL)


def _html(pages: list[str]) -> str:
    """The first report's page with every report's section in its <main>."""
    first, sections = pages[0], pages[1:]
    joined = "\n<hr>\n".join(sections)
    start, stop = first.index("<main>\n") + len("<main>\n"), first.index("\n</main>")
    return first[:start] + joined + first[stop:]
