"""JUnit XML: for CI test-report views (GitLab merge requests, Jenkins, Azure Pipelines, CircleCI).

Every CI system can show a JUnit report — which tests fail, grouped by suite, with a message — and
none of them needs a plugin for it. So a rating becomes a test run: one test suite per dimension, one
test case per criterion (``classname`` the dimension id, ``name`` the criterion id and title). A
criterion that missed points fails, with the suggestion as the failure message (type
``missed-points``) and the points, gain and missing items as its text; every case's ``system-out``
holds its summary and evidence. Criteria the report waives are skipped, with the reason.

Built with ElementTree (never by string concatenation), so report text is escaped; characters XML
1.0 cannot carry are replaced. Deterministic: attributes in a fixed order, ``time="0"``, no
timestamps or host names.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from csr_rating.i18n import I18n, Lang
from csr_rating.render.stars import label
from csr_rating.render.words import place, verdict
from csr_rating.scorecard import CriterionResult, DimensionResult, Scorecard, Waived

FAILURE_TYPE = "missed-points"
SKIPPED_TYPE = "waived"
GATE = "gate"
GATE_FAILURE_TYPE = "gate-failed"
SHOWN = 12
WORDS: dict[str, I18n] = {
    "earned": I18n(en="earned {earned:.1f} of {points:g} points", zh="得分{earned:.1f}/{points:g}"),
    "gain": I18n(en="+{gain:.1f} overall points if fully met", zh="满分可使综合得分提高{gain:.1f}分"),
    "line": I18n(en="report line {line}", zh="报告第{line}行"),
    "page": I18n(en="draft page {line}", zh="草稿第{line}页"),
    "missing": I18n(en="missing", zh="缺少"),
    "evidence": I18n(en="evidence", zh="证据"),
    "more": I18n(en="… {n} more", zh="……另有{n}项"),
    "waived": I18n(en="waived by the report: {reason}", zh="报告声明不适用：{reason}"),
}

# Characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _w(key: str, lang: Lang) -> str:
    return WORDS[key].get(lang)


def _element(parent: ET.Element, tag: str, attributes: dict[str, str], text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, tag, {key: _x(value) for key, value in attributes.items()})
    if text is not None:
        child.text = _x(text)
    return child


def _shown(items: list[str], lang: Lang) -> list[str]:
    rest = len(items) - SHOWN
    return items[:SHOWN] + ([_w("more", lang).format(n=rest)] if rest > 0 else [])


def _failure_text(c: CriterionResult, lang: Lang, where: str = "line") -> str:
    head = [_w("earned", lang).format(earned=c.earned, points=c.points), _w("gain", lang).format(gain=c.gain)]
    if c.line is not None:
        head.append(_w(where, lang).format(line=c.line))
    lines = ["; ".join(head)]
    if c.missing:
        lines.append(f"{_w('missing', lang)}:")
        lines.extend(f"  - {item}" for item in _shown([m.get(lang) for m in c.missing], lang))
    return "\n".join(lines)


def _system_out(c: CriterionResult, lang: Lang) -> str:
    lines = [c.summary.get(lang)]
    if c.evidence:
        lines.append(f"{_w('evidence', lang)}:")
        shown = [(f"[{e.line}] " if e.line is not None else "") + e.text for e in c.evidence]
        lines.extend(f"  - {item}" for item in _shown(shown, lang))
    return "\n".join(lines)


def _case(suite: ET.Element, c: CriterionResult, d: DimensionResult, lang: Lang, where: str = "line") -> None:
    case = _element(suite, "testcase", {"classname": d.id, "name": f"{c.id}: {c.title.get(lang)}", "time": "0"})
    if c.missed:
        message = c.suggestion.get(lang) if c.suggestion is not None else c.title.get(lang)
        _element(case, "failure", {"message": message, "type": FAILURE_TYPE}, _failure_text(c, lang, where))
    _element(case, "system-out", {}, _system_out(c, lang))


def _skipped_case(suite: ET.Element, w: Waived, classname: str, lang: Lang) -> None:
    case = _element(suite, "testcase", {"classname": classname, "name": f"{w.id}: {w.title.get(lang)}", "time": "0"})
    _element(case, "skipped", {"message": _w("waived", lang).format(reason=w.reason), "type": SKIPPED_TYPE})


def _counts(element: ET.Element, tests: int, failures: int, skipped: int) -> None:
    for key, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", skipped)):
        element.set(key, str(value))
    element.set("time", "0")


def document(card: Scorecard, lang: Lang = "en") -> ET.Element:
    """The ``<testsuites>`` tree: one suite per dimension, in the standard's order."""
    root = ET.Element("testsuites", {"name": "csr-rating"})
    waived = [w for w in card.waived if w.kind == "criterion"]
    placed: set[str] = set()
    totals = [0, 0, 0]
    for d in card.dimensions:
        suite = _element(root, "testsuite", {"name": d.id})
        mine = [w for w in waived if w.id.split(".")[0] == d.id]
        placed.update(w.id for w in mine)
        failures = sum(1 for c in d.criteria if c.missed)
        _counts(suite, len(d.criteria) + len(mine), failures, len(mine))
        properties = _element(suite, "properties", {})
        for name, value in (
            ("dimension", d.name.get(lang)),
            ("weight", f"{d.weight:g}"),
            ("score", f"{d.score:.1f}"),
            ("stars", label(d.stars)),
        ):
            _element(properties, "property", {"name": name, "value": value})
        for c in d.criteria:
            _case(suite, c, d, lang, place(card.report))
        for w in mine:
            _skipped_case(suite, w, d.id, lang)
        totals = [totals[0] + len(d.criteria) + len(mine), totals[1] + failures, totals[2] + len(mine)]
    rest = [w for w in waived if w.id not in placed]
    if rest:  # a waived criterion whose id names no dimension: still reported, in a suite of its own
        suite = _element(root, "testsuite", {"name": SKIPPED_TYPE})
        _counts(suite, len(rest), 0, len(rest))
        for w in rest:
            _skipped_case(suite, w, SKIPPED_TYPE, lang)
        totals = [totals[0] + len(rest), totals[1], totals[2] + len(rest)]
    if card.gate is not None:  # the release gate: one test case, failing when the gate does
        suite = _element(root, "testsuite", {"name": GATE})
        failed = 0 if card.gate.passed else 1
        _counts(suite, 1, failed, 0)
        case = _element(suite, "testcase", {"classname": GATE, "name": GATE, "time": "0"})
        line = verdict(card, lang) or ""
        if not card.gate.passed:
            details = "\n".join(f.message for f in card.gate.failures)
            _element(case, "failure", {"message": line, "type": GATE_FAILURE_TYPE}, details)
        _element(case, "system-out", {}, line)
        totals = [totals[0] + 1, totals[1] + failed, totals[2]]
    _counts(root, *totals)
    return root


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 10) -> str:
    """Every criterion always: a CI report lists all tests, so ``explain`` and ``top`` change nothing."""
    root = document(card, lang)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
