"""The report's ``process`` section from a draft's prose: who prepared the report, which leaders
steered and approved it, how it is positioned, how its material issues were identified, how it is
released, and what readers' feedback changed.

Reads the draft as running prose (``prose.flow_of``), with the phrasing recognised in ``vocabulary``.
Every value found is wrapped in ``Noted`` with the line it came from; parts without evidence in the
text are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from csr_rating.ingest.document import Document
from csr_rating.ingest.noted import Noted

MAX_RULES = 20  # rule names kept: a list, not the company's whole rulebook
_HAN_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")  # an OCR space inside a name
from csr_rating.ingest.prose import (
    Flow,
    after_han_stop,
    clean,
    contents_like,
    flow_of,
    is_han,
    noted,
    report_sentences,
    row_matches,
    rows_found,
    short_lines,
    strip_leading,
    title_case,
)
from csr_rating.ingest.vocabulary import (
    CHANNEL_NEEDLES,
    CHANNELS,
    CHANNELS_RE,
    CSR_BODY_HEAD_RE,
    CSR_BODY_NEEDLES,
    CSR_BODY_RE,
    CSR_BODY_ROLES,
    FEEDBACK_CONTEXT_RE,
    FEEDBACK_COUNT_RE,
    FEEDBACK_IMPROVEMENT_RE,
    FEEDBACK_NEEDLES,
    FINAL_VERBS_RE,
    ISSUE_WORDS_RE,
    LEADERSHIP_NEEDLES,
    LETTERS_RE,
    MATERIALITY_CUE_RE,
    MATERIALITY_METHODS,
    MATERIALITY_METHODS_RE,
    MATERIALITY_NEEDLES,
    MATRIX_HEADING_RE,
    MATRIX_MAX_ITEMS,
    MATRIX_NOISE_RE,
    MATRIX_STOP_RE,
    NOT_OUR_REVIEW_RE,
    PASSIVE_RE,
    POSITIONING,
    POSITIONING_CUE_RE,
    POSITIONING_NEEDLES,
    POSITIONING_RE,
    PREPARATION_NEEDLES,
    PREPARATION_RE,
    PROSE_MARK_RE,
    PUBLISH_VERBS_RE,
    RELEASE_DATE_RE,
    ROLE_JOIN_RE,
    ROLES,
    ROLES_RE,
    RULE_NAME_RE,
    RULE_NEEDLES,
    SELF_REPORT_RE,
    STEER_VERBS_RE,
    SUBSIDIARY_REPORT_NEEDLES,
    SUBSIDIARY_REPORT_RE,
)


def _preparation_team(flow: Flow) -> dict[str, Any] | None:
    for start, end in flow.sentences(PREPARATION_NEEDLES):
        for pattern in PREPARATION_RE:
            match = pattern.search(flow.text, start, end)
            if not match:
                continue
            name = clean(match.group("d"))
            name = after_han_stop(name) if is_han(name[-1:] or "a") else " ".join(strip_leading(name.split()))
            if len(name) >= 2:
                return {"lead_department": noted(name, flow, match.start("d"), None, 0.75)}
    return None


def _leadership(flow: Flow) -> dict[str, Any] | None:
    steering: dict[str, Noted] = {}
    final: Noted | None = None
    for start, end in flow.sentences(LEADERSHIP_NEEDLES):
        if not SELF_REPORT_RE.search(flow.text, start, end) or NOT_OUR_REVIEW_RE.search(flow.text, start, end):
            continue
        for names, pos, steers, finals in _role_units(flow, start, end):
            if steers:
                for name in names:
                    steering.setdefault(name, noted(name, flow, pos, None, 0.7))
            if finals and final is None:
                final = noted(" and ".join(names), flow, pos, None, 0.75)
    result: dict[str, Any] = {}
    if steering:
        result["steering"] = list(steering.values())
    if final is not None:
        result["final_review"] = final
    return result or None


def _role_units(flow: Flow, start: int, end: int) -> Iterator[tuple[list[str], int, bool, bool]]:
    """Roles joined by "and" form a unit; its verbs come before it ("approved by the Board") or
    after it ("the Board approved"). Yields (names, offset, steers, gives the final review)."""
    units: list[tuple[list[str], int, int]] = []
    for row, match in row_matches(ROLES_RE, flow, start, end):
        name = ROLES[row][0] or title_case(clean(match.group()))
        if units and ROLE_JOIN_RE.fullmatch(flow.text, units[-1][2], match.start()):
            names = units[-1][0] if name in units[-1][0] else [*units[-1][0], name]
            units[-1] = (names, units[-1][1], match.end())
        else:
            units.append(([name], match.start(), match.end()))
    for i, (names, unit_start, unit_end) in enumerate(units):
        previous_end = units[i - 1][2] if i else start
        next_start = units[i + 1][1] if i + 1 < len(units) else end
        passive = PASSIVE_RE.search(flow.text, previous_end, unit_start)
        text = flow.text[previous_end:unit_start] if passive else flow.text[unit_end:next_start]
        finals = list(FINAL_VERBS_RE.finditer(text))
        steers = [m for m in STEER_VERBS_RE.finditer(text) if not any(f.start() <= m.start() < f.end() for f in finals)]
        if finals or steers:
            yield names, unit_start, bool(steers), bool(finals)


def _csr_body(flow: Flow) -> list[Noted]:
    """A CSR committee or leading group headed by a top leader steers the company's CSR work, the
    report's included: the leader, with the body's name, joins ``leadership.steering``."""
    found: dict[str, Noted] = {}
    for start, end in flow.sentences(CSR_BODY_NEEDLES, everywhere=True):
        body = CSR_BODY_RE.search(flow.text, start, end)
        head = CSR_BODY_HEAD_RE.search(flow.text, start, end)
        if body and head:
            role = (head.group("role") or head.group("role2") or head.group("role_en") or "").casefold()
            leader = CSR_BODY_ROLES.get(" ".join(role.split()), "Chairman")
            name = _HAN_SPACE.sub("", clean(body.group("body") or body.group("body_en")))
            found.setdefault(leader, noted(f"{leader} ({name})", flow, body.start(), None, 0.6))
    return list(found.values())


def _management_rules(flow: Flow) -> list[Noted]:
    """CSR management rules the report names (《社会责任管理办法》, "CSR Management Measures")."""
    found: dict[str, Noted] = {}
    for start, end in flow.sentences(RULE_NEEDLES, everywhere=True):
        for match in RULE_NAME_RE.finditer(flow.text, start, end):
            name = _HAN_SPACE.sub("", clean(match.group("zh") or match.group("en")))
            found.setdefault(name.casefold(), noted(name, flow, match.start(), None, 0.75))
            if len(found) >= MAX_RULES:
                return list(found.values())
    return list(found.values())


def _subsidiary_reports(flow: Flow) -> list[Noted]:
    """Subsidiaries that publish reports of their own (vertical management of CSR): what the text
    says, once ("所属12家企业发布社会责任报告")."""
    for start, end in flow.sentences(SUBSIDIARY_REPORT_NEEDLES, everywhere=True):
        match = SUBSIDIARY_REPORT_RE.search(flow.text, start, end)
        if match:  # our own words, not the draft's sentence
            text = (
                "下属企业发布自己的社会责任报告" if match.group("who") else "Subsidiaries publish reports of their own"
            )
            review = "subsidiaries' own reports, as the text says; name them if you can"
            return [noted(text, flow, match.start(), review, 0.6)]
    return []


def _positioning(flow: Flow) -> list[Noted]:
    found: dict[int, Noted] = {}
    for start, end in flow.sentences(POSITIONING_NEEDLES):
        cue = POSITIONING_CUE_RE.search(flow.text, start, end)
        if cue:
            for row, match in rows_found(POSITIONING_RE, flow, cue.end(), end):
                found.setdefault(row, noted(POSITIONING[row][0], flow, match.start(), None, 0.7))
    return [found[row] for row in sorted(found)]


def _materiality(flow: Flow) -> dict[str, Any] | None:
    methods: dict[int, Noted] = {}
    for start, end in flow.sentences(MATERIALITY_NEEDLES, everywhere=True):
        if not MATERIALITY_CUE_RE.search(flow.text, start, end) or not ISSUE_WORDS_RE.search(flow.text, start, end):
            continue
        if contents_like(flow, start, end):
            continue
        for row, match in rows_found(MATERIALITY_METHODS_RE, flow, start, end):
            methods.setdefault(row, noted(MATERIALITY_METHODS[row][0], flow, match.start(), None, 0.7))
    result: dict[str, Any] = {}
    if methods:
        result["methods"] = [methods[row] for row in sorted(methods)]
    issues = _matrix_issues(flow)
    if issues:
        result["issues"] = issues
    return result or None


def _matrix_issues(flow: Flow) -> list[Noted]:
    """Issue names listed under a materiality-matrix heading: short lines up to the next prose,
    legends and axis labels skipped. Fewer than three is no list."""
    for i in short_lines(flow, ("matrix", "material issues", "material topics", "实质性议题", "重要议题", "议题矩阵")):
        if not MATRIX_HEADING_RE.search(flow.lines[i].text):
            continue
        issues: dict[str, Noted] = {}
        for line in flow.lines[i + 1 : i + 1 + MATRIX_MAX_ITEMS * 2]:
            text = clean(line.text)
            if MATRIX_STOP_RE.search(text) or len(text) > 80 or PROSE_MARK_RE.search(text):
                break  # prose again: the list is over
            if not 3 <= len(text) <= 60 or MATRIX_NOISE_RE.search(text) or not LETTERS_RE.search(text):
                continue
            if sum(char.isdigit() for char in text) <= 2:
                review = "read from a materiality list; check it is an issue"
                issues.setdefault(text.casefold(), Noted(text, line.where, review, 0.5))
            if len(issues) >= MATRIX_MAX_ITEMS:
                break
        if len(issues) >= 3:
            return list(issues.values())
    return []


def _release(flow: Flow) -> dict[str, Any] | None:
    channels: dict[int, Noted] = {}
    for start, end in report_sentences(flow, CHANNEL_NEEDLES):
        if PUBLISH_VERBS_RE.search(flow.text, start, end):
            for row, match in rows_found(CHANNELS_RE, flow, start, end):
                channels.setdefault(row, noted(CHANNELS[row][0], flow, match.start(), None, 0.7))
    result: dict[str, Any] = {}
    if channels:
        result["channels"] = [channels[row] for row in sorted(channels)]
    for start, end in flow.sentences(
        ("release date", "publication date", "publishing date", "date of", "发布日期", "发布时间")
    ):
        date = RELEASE_DATE_RE.search(flow.text, start, end)
        if date:
            result["date"] = noted(clean(date.group("d")), flow, date.start("d"), None, 0.8)
            break
    return result or None


def _feedback(flow: Flow) -> dict[str, Any] | None:
    result: dict[str, Any] = {}
    improvements: list[Noted] = []
    for start, end in flow.sentences(FEEDBACK_NEEDLES):
        if not FEEDBACK_CONTEXT_RE.search(flow.text, start, end):
            continue
        count = FEEDBACK_COUNT_RE.search(flow.text, start, end)
        if count and "responses" not in result:
            digits = (count.group("n") or count.group("n2") or count.group("n3") or "").replace(",", "")
            if digits.isdigit() and 0 < int(digits) <= 1_000_000:
                result["responses"] = noted(int(digits), flow, count.start(), None, 0.7)
        for match in FEEDBACK_IMPROVEMENT_RE.finditer(flow.text, start, end):
            text = clean(match.group("v") or match.group("v2") or "")
            if text:
                improvements.append(noted(text, flow, match.start(), "an improvement made after feedback; check", 0.5))
    if improvements:
        result["improvements"] = improvements
    return result or None


# ---------------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------------


def extract_process(doc: Document) -> dict[str, Any]:
    """The report's ``process`` section (how it was prepared, approved, positioned and released),
    each found item wrapped in ``Noted``; parts without evidence in the text are left out."""
    flow = flow_of(doc)
    leadership = _leadership(flow) or {}
    steering = [*leadership.get("steering", [])]
    known = {str(item.value) for item in steering}
    steering += [item for item in _csr_body(flow) if str(item.value).split(" (")[0] not in known]
    if steering:
        leadership["steering"] = steering
    process = {
        "preparation_team": _preparation_team(flow),
        "leadership": leadership,
        "positioning": _positioning(flow),
        "materiality": _materiality(flow),
        "management_rules": _management_rules(flow),
        "subsidiary_reports": _subsidiary_reports(flow),
        "release": _release(flow),
        "feedback": _feedback(flow),
    }
    return {key: value for key, value in process.items() if value}
