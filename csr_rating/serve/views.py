"""What the page shows, as plain values for the templates: the scorecard's own sections (the HTML
card's markup, ``render.html.sections``), the question being asked, the review items beside the
draft's text, and the start page's choices."""

from __future__ import annotations

from typing import Any

from csr_rating.api import industries
from csr_rating.correcting import item_at
from csr_rating.criteria import CriteriaSet
from csr_rating.i18n import Lang
from csr_rating.loading import DEFAULT_STANDARD, standards_in
from csr_rating.render.html import sections
from csr_rating.review import review_items, with_sources
from csr_rating.scorecard import Question, Range
from csr_rating.serve.sessions import Session
from csr_rating.serve.uploads import DRAFT_LIMIT, YAML_LIMIT
from csr_rating.serve.words import WORDS, say

TOP = 10  # suggestions shown before the rest fold, as on the HTML card
MB = 1024 * 1024
CARD_PARTS = ("header", "overview", "suggestions", "evidence", "waived", "notes", "footer")


def range_parts(found: Range | None) -> tuple[str, str]:
    """(``4–5★``, ``72.5–92.4``): the stars and the score, each one value once the range has closed."""
    if found is None:
        return "", ""
    score = f"{found.low:.1f}" if found.low == found.high else f"{found.low:.1f}–{found.high:.1f}"
    low, high = found.low_stars, found.high_stars
    return (f"{low:g}★" if low == high else f"{low:g}–{high:g}★"), score


def range_text(found: Range | None, lang: Lang) -> str:
    """``4–5★ (72.5–92.4)``, as a notice says it."""
    stars, score = range_parts(found)
    return f"{stars} ({score})" if lang == "en" else f"{stars}（{score}分）"


def words(lang: Lang) -> dict[str, str]:
    """Every fixed phrase in ``lang``, for ``{{ w.key }}`` in the templates."""
    return {key: text.get(lang) for key, text in WORDS.items()}


def start_view(lang: Lang, rules: CriteriaSet, standard: str = DEFAULT_STANDARD) -> dict[str, Any]:
    """The start page: the drop zone, the language, the industry and standard to choose from."""
    return {
        "lang": lang,
        "w": words(lang),
        "industries": [(row["id"], row["name"][lang]) for row in industries(rules)],
        "standards": standards_in(),
        "standard": standard,
        "draft_limit": DRAFT_LIMIT,
        "yaml_limit": YAML_LIMIT,
        "draft_mb": DRAFT_LIMIT // MB,
        "yaml_mb": YAML_LIMIT // MB,
        "error": None,
    }


def _question(card_questions: list[Question], skipped: set[str], lang: Lang) -> dict[str, Any] | None:
    open_ones = [q for q in card_questions if q.answer_field not in skipped]
    if not open_ones:
        return None
    q = open_ones[0]
    return {
        "field": q.answer_field,
        "text": q.question.get(lang),
        "kind": q.kind,
        "choices": [(choice, choice.replace("_", " ")) for choice in q.choices],
        "gain": say("gain", lang, gain=f"{q.gain:.1f}"),
        "rank": say("question_of", lang, n=str(card_questions.index(q) + 1), m=str(len(card_questions))),
        "hint": WORDS[f"hint_{q.kind}"].get(lang) if f"hint_{q.kind}" in WORDS else "",
    }


def _reviews(session: Session) -> list[dict[str, Any]]:
    items = review_items(session.text, session.shown)
    if session.document is not None:
        items = with_sources(items, session.document)
    shown = []
    for item in items:
        try:
            text = item_at(session.text, item.yaml_line, session.shown).text
        except Exception:  # noqa: BLE001 - a note above nothing is listed, with nothing to edit
            text = None
        shown.append(
            {
                "line": item.yaml_line,
                "note": item.review,
                "path": item.path or "",
                "where": item.where or "",
                "source": item.source,
                "text": text,
            }
        )
    return shown


def report_view(session: Session, lang: Lang) -> dict[str, Any]:
    """The page of a scored session: the card's sections, the question, the review items."""
    card = session.card
    assert card is not None
    parts = sections(card, lang, explain=False, top=TOP)
    view: dict[str, Any] = {key: parts[key] for key in CARD_PARTS}
    view.update(
        lang=lang,
        w=words(lang),
        session=session.id,
        name=session.shown,
        range=range_parts(card.overall.range),
        open_range=card.overall.range is not None and card.overall.range.low != card.overall.range.high,
        question=_question(card.questions, session.skipped, lang),
        skipped=len([q for q in card.questions if q.answer_field in session.skipped]),
        reviews=_reviews(session),
        notice=session.notice,
        problem=session.problem,
        place=session.place,
        can_undo=bool(session.earlier),
    )
    return view
