"""JSON: the versioned machine contract (``schema_version``). Fields are only ever added.

Version 2 added the rating range while facts are unknown (``overall.range`` and each dimension's
``range``: ``{low, high, low_stars, high_stars}``; low equals high when nothing is unknown) and the
``questions`` that settle those facts, largest ``gain`` (overall points) first."""

from __future__ import annotations

import json
from typing import Any

from csr_rating.i18n import I18n, Lang
from csr_rating.scorecard import Range, Scorecard

SCHEMA_VERSION = 2
READ_VERSIONS = (1, 2)  # scorecards a baseline may be: version 1 lacks only the ranges and questions


def _r(value: float) -> float:
    return round(value + 0.0, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


def document(card: Scorecard, lang: Lang = "en") -> dict[str, Any]:
    """The scorecard as plain data in one language, scores rounded to one decimal."""

    def t(text: I18n | None) -> str | None:
        return text.get(lang) if text is not None else None

    return {
        "schema_version": SCHEMA_VERSION,
        "lang": lang,
        "standard": {"id": card.standard.id, "version": card.standard.version, "title": t(card.standard.title)},
        "report": card.report.model_dump(),
        "overall": {
            "score": _r(card.overall.score),
            "stars": card.overall.stars,
            "grade": t(card.overall.grade),
            "exemplary": card.overall.exemplary,
            "range": _range(card.overall.range, card.overall.score, card.overall.stars),
        },
        "dimensions": [
            {
                "id": d.id,
                "name": t(d.name),
                "weight": d.weight,
                "score": _r(d.score),
                "stars": d.stars,
                "range": _range(d.range, d.score, d.stars),
                "criteria": [
                    {
                        "id": c.id,
                        "title": t(c.title),
                        "points": _r(c.points),
                        "earned": _r(c.earned),
                        "summary": t(c.summary),
                        "evidence": [e.model_dump() for e in c.evidence],
                        "missing": [t(m) for m in c.missing],
                        "suggestion": t(c.suggestion),
                        "gain": _r(c.gain),
                        "line": c.line,
                    }
                    for c in d.criteria
                ],
                "next_star": None
                if d.next_star is None
                else {
                    "stars": d.next_star.stars,
                    "points_needed": _r(d.next_star.points_needed),
                    "reachable": d.next_star.reachable,
                    "steps": [
                        {"criterion": s.criterion, "gain": _r(s.gain), "text": t(s.text)} for s in d.next_star.steps
                    ],
                },
            }
            for d in card.dimensions
        ],
        "suggestions": [
            {
                "dimension": s.dimension,
                "criterion": s.criterion,
                "gain": _r(s.gain),  # what the named step earns
                "up_to": None if s.up_to is None else _r(s.up_to),  # the whole criterion, where more
                "text": t(s.text),
                "line": s.line,
            }
            for s in card.suggestions
        ],
        "waived": [
            {"kind": w.kind, "id": w.id, "title": t(w.title), "reason": w.reason, "line": w.line} for w in card.waived
        ],
        "questions": [
            {
                "field": q.answer_field,
                "unknown": q.field,
                "question": {"en": q.question.en, "zh": q.question.zh},
                "kind": q.kind,
                "choices": list(q.choices),
                "gain": _r(q.gain),
            }
            for q in card.questions
        ],
        "notes": list(card.notes),
    } | _gate(card)


def _gate(card: Scorecard) -> dict[str, Any]:
    """``gate`` (from `check` only): the verdict and every failure, so CI can say why a job is red."""
    if card.gate is None:
        return {}
    found = card.gate
    return {
        "gate": {
            "passed": found.passed,
            "end": found.end,
            "stars": found.stars,
            "score": _r(found.score),
            "failures": [
                {
                    "subject": f.subject,
                    "required": f.required,
                    "actual": f.actual,
                    "points_short": _r(f.points_short),
                    "regression": f.regression,
                    "message": f.message,
                }
                for f in found.failures
            ],
        }
    }


def _range(found: Range | None, score: float, stars: float) -> dict[str, float]:
    low, high = (found.low, found.high) if found else (score, score)
    low_stars, high_stars = (found.low_stars, found.high_stars) if found else (stars, stars)
    return {"low": _r(low), "high": _r(high), "low_stars": low_stars, "high_stars": high_stars}


def render(card: Scorecard, lang: Lang = "en", explain: bool = False, top: int = 0) -> str:
    """All suggestions and all evidence always: machines filter, people use ``--top``."""
    return json.dumps(document(card, lang), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
