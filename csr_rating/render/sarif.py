"""SARIF 2.1.0: for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE SARIF viewers).

Those tools already know how to show "a rule was broken at this line of this file", track it across
runs and let a team triage it; a CSR report kept in a repository gets the same treatment when every
criterion is a rule and every criterion that missed points is a result at the report line concerned.

- one rule per criterion of the standard (the waived ones too, marked in their properties), with its
  id, title, dimension and points;
- one result per criterion that missed points: ``error`` when it earned nothing, ``warning`` when it
  earned part; the message is the suggestion; the location is the report file (a relative URI, so
  that a dashboard can resolve it against the repository) at the criterion's line (1 when unknown);
- the overall score, stars and grade, the dimension scores and the waived items in ``run.properties``.

Deterministic: no timestamps, GUIDs or absolute paths of the machine (unless the report lies outside
the current directory, where only a ``file:`` URI can name it).
"""

from __future__ import annotations

import json
from typing import Any

import csr_rating
from csr_rating.i18n import I18n, Lang
from csr_rating.render.paths import report_uri
from csr_rating.render.stars import label
from csr_rating.render.words import verdict
from csr_rating.scorecard import CriterionResult, DimensionResult, Scorecard

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

WORDS: dict[str, I18n] = {
    "full": I18n(
        en="{title}. Dimension: {dimension}; worth {points:g} points in it.",
        zh="{title}。所属维度：{dimension}，分值{points:g}分。",
    ),
    "waived": I18n(en="{title}. Waived by the report: {reason}", zh="{title}。报告声明不适用：{reason}"),
}


def _r(value: float) -> float:
    return round(value + 0.0, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def _rule(c: CriterionResult, d: DimensionResult, lang: Lang) -> dict[str, Any]:
    title = c.title.get(lang)
    return {
        "id": c.id,
        "name": _pascal(c.id),
        "shortDescription": {"text": title},
        "fullDescription": {
            "text": WORDS["full"].get(lang).format(title=title, dimension=d.name.get(lang), points=c.points)
        },
        "help": {"text": c.suggestion.get(lang) if c.suggestion is not None else title},
        "defaultConfiguration": {"level": "warning"},
        "properties": {
            "dimension": d.id,
            "dimensionName": d.name.get(lang),
            "points": _r(c.points),
            "tags": ["csr", d.id],
        },
    }


def _pascal(identifier: str) -> str:
    """``procedure.preparation-team`` -> ``ProcedurePreparationTeam`` (SARIF's rule-name style)."""
    parts = identifier.replace("-", ".").replace("_", ".").split(".")
    return "".join(part[:1].upper() + part[1:] for part in parts if part)


def _result(c: CriterionResult, d: DimensionResult, index: int, uri: str, lang: Lang) -> dict[str, Any]:
    message = c.suggestion.get(lang) if c.suggestion is not None else c.title.get(lang)
    return {
        "ruleId": c.id,
        "ruleIndex": index,
        "kind": "fail",
        "level": "error" if c.nothing_earned else "warning",
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": 0},
                    "region": {"startLine": c.line if c.line is not None and c.line >= 1 else 1},
                }
            }
        ],
        "properties": {
            "dimension": d.id,
            "gain": _r(c.gain),
            "earned": _r(c.earned),
            "points": _r(c.points),
        },
    }


def document(card: Scorecard, lang: Lang = "en") -> dict[str, Any]:
    """The SARIF log as plain data: one run, rules in the standard's order, results in rule order."""
    uri = report_uri(card.report.file)
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for d in card.dimensions:
        for c in d.criteria:
            if c.missed:
                results.append(_result(c, d, len(rules), uri, lang))
            rules.append(_rule(c, d, lang))
    dimension_ids = {d.id: d for d in card.dimensions}
    for w in card.waived:
        if w.kind != "criterion":
            continue
        dimension = dimension_ids.get(w.id.split(".")[0])
        properties: dict[str, Any] = {"waived": True, "reason": w.reason}
        if dimension is not None:
            properties |= {"dimension": dimension.id, "dimensionName": dimension.name.get(lang)}
        rules.append(
            {
                "id": w.id,
                "name": _pascal(w.id),
                "shortDescription": {"text": w.title.get(lang)},
                "fullDescription": {"text": WORDS["waived"].get(lang).format(title=w.title.get(lang), reason=w.reason)},
                "help": {"text": w.title.get(lang)},
                "defaultConfiguration": {"enabled": False, "level": "none"},
                "properties": properties,
            }
        )
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "csr-rating",
                        "version": csr_rating.__version__,
                        "semanticVersion": csr_rating.__version__,
                        "rules": rules,
                    }
                },
                "language": lang,
                **_invocations(card, lang),
                "artifacts": [{"location": {"uri": uri}, "roles": ["analysisTarget"], "mimeType": "application/yaml"}],
                "results": results,
                "properties": {
                    "standard": {
                        "id": card.standard.id,
                        "version": card.standard.version,
                        "title": card.standard.title.get(lang),
                    },
                    "report": {
                        "organisation": card.report.organisation,
                        "title": card.report.title,
                        "year": card.report.year,
                        "industry": card.report.industry,
                        "catalog": card.report.catalog,
                    },
                    "overall": {
                        "score": _r(card.overall.score),
                        "stars": card.overall.stars,
                        "label": label(card.overall.stars),
                        "grade": card.overall.grade.get(lang),
                        "exemplary": card.overall.exemplary,
                    },
                    "dimensions": [
                        {
                            "id": d.id,
                            "name": d.name.get(lang),
                            "weight": d.weight,
                            "score": _r(d.score),
                            "stars": d.stars,
                        }
                        for d in card.dimensions
                    ],
                    "waived": [
                        {"kind": w.kind, "id": w.id, "title": w.title.get(lang), "reason": w.reason, "line": w.line}
                        for w in card.waived
                    ],
                    "notes": list(card.notes),
                },
            }
        ],
    }


def _invocations(card: Scorecard, lang: Lang) -> dict[str, Any]:
    """From `check`: the run's invocation, successful only when the release gate passed, with the
    verdict and each failure as a notification (a code-scanning summary shows why a job is red)."""
    if card.gate is None:
        return {}
    line = verdict(card, lang) or ""
    notifications = [{"level": "note" if card.gate.passed else "error", "message": {"text": line}}]
    notifications += [{"level": "error", "message": {"text": f.message}} for f in card.gate.failures]
    return {
        "invocations": [{"executionSuccessful": card.gate.passed, "toolExecutionNotifications": notifications}]
    }


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 10) -> str:
    """Every rule and every result always: a dashboard filters, so ``explain`` and ``top`` change nothing."""
    return json.dumps(document(card, lang), ensure_ascii=False, indent=2) + "\n"
