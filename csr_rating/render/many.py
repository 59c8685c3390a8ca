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


def render_many(cards: Sequence[Scorecard], fmt: str, lang: Lang, explain: bool, top: int) -> str:
    """The scorecards in one output of format ``fmt`` (module docstring)."""
    if len(cards) == 1:
        return FORMATS[fmt](cards[0], lang, explain, top)  # type: ignore[arg-type]
    if fmt == "json":
        return _json(cards, lang)
    if fmt == "sarif":
        return _sarif(cards, lang)
    if fmt == "junit":
        return _junit(cards, lang)
    if fmt == "html":
        return _html(cards, lang, explain, top)
    return "".join(FORMATS[fmt](card, lang, explain, top) for card in cards)  # type: ignore[arg-type]


def _json(cards: Sequence[Scorecard], lang: Lang) -> str:
    documents = {report_path(card.report.file): json_format.document(card, lang) for card in cards}
    whole: dict[str, Any] = {"schema_version": json_format.SCHEMA_VERSION, "reports": documents}
    if all(card.gate is not None for card in cards):
        whole["gate"] = {"passed": all(card.gate is not None and card.gate.passed for card in cards)}
    return json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def _sarif(cards: Sequence[Scorecard], lang: Lang) -> str:
    logs = [sarif.document(card, lang) for card in cards]
    first = logs[0]["runs"][0]
    run: dict[str, Any] = {key: value for key, value in first.items() if key not in ("artifacts", "results", "invocations")}
    run["artifacts"] = []
    run["results"] = []
    reports = []
    notifications: list[dict[str, Any]] = []
    for index, log in enumerate(logs):
        each = log["runs"][0]
        run["artifacts"].extend(each["artifacts"])
        for result in each["results"]:
            for location in result["locations"]:
                location["physicalLocation"]["artifactLocation"]["index"] = index
            run["results"].append(result)
        reports.append(each["properties"])
        for invocation in each.get("invocations", []):
            notifications.extend(invocation["toolExecutionNotifications"])
    run["properties"] = {"reports": reports}
    if all(card.gate is not None for card in cards):
        passed = all(card.gate is not None and card.gate.passed for card in cards)
        run["invocations"] = [{"executionSuccessful": passed, "toolExecutionNotifications": notifications}]
    return json.dumps({**logs[0], "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _junit(cards: Sequence[Scorecard], lang: Lang) -> str:
    root = ET.Element("testsuites", {"name": "csr-rating"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for card in cards:
        one = junit.document(card, lang)
        suite = ET.SubElement(root, "testsuite", {"name": report_path(card.report.file)})
        counts = {key: 0 for key in totals}
        for part in one:
            for case in part.iter("testcase"):
                case.set("classname", part.get("name", ""))
                suite.append(case)
            for key in counts:
                counts[key] += int(part.get(key, "0"))
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_MAIN = re.compile(r"<main>\n(.*)\n</main>", re.DOTALL)


def _html(cards: Sequence[Scorecard], lang: Lang, explain: bool, top: int) -> str:
    pages = [html.render(card, lang, explain, top) for card in cards]
    sections = []
    for page in pages:
        found = _MAIN.search(page)
        sections.append(f"<section class=\"report\">\n{found.group(1) if found else ''}\n</section>")
    joined = "\n<hr>\n".join(sections)
    first = pages[0]
    start, stop = first.index("<main>\n") + len("<main>\n"), first.index("\n</main>")
    return first[:start] + joined + first[stop:]
