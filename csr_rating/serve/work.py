"""The library calls a session makes: ingest and score an upload, answer a question, correct or
delete a review item, undo. Each change is scored before it is taken: a change that leaves the report
invalid is refused with the scorer's one-line message and the report stays as it was.
"""

from __future__ import annotations

import functools
from pathlib import Path

from csr_rating.api import answer_text, default_lang, rate_text
from csr_rating.asking import NotUnderstood, parse
from csr_rating.correcting import CHANGED, correct, delete
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.i18n import Lang
from csr_rating.ingest.pipeline import ingest_document
from csr_rating.ingest.readers import parse_bytes
from csr_rating.loading import load_criteria
from csr_rating.review import review_items
from csr_rating.scorecard import Question
from csr_rating.serve.guard import Refused, one_line
from csr_rating.serve.sessions import Session
from csr_rating.serve.uploads import is_yaml
from csr_rating.serve.views import range_text
from csr_rating.serve.words import say
from csr_rating.yamlio import decode


@functools.lru_cache(maxsize=8)
def criteria(standard: str) -> CriteriaSet:
    """The bundled criteria of a standard, loaded once per server."""
    return load_criteria(None, standard)


def start(session: Session, upload: Path) -> None:
    """Read, ingest (a draft) and score the upload; run in a thread while the page shows the stage.
    Whatever goes wrong ends as ``failed`` with one line: the page stays usable for another file."""
    try:
        raw = upload.read_bytes()
        rules = criteria(session.standard)
        if is_yaml(session.name):
            session.stage = "score"
            text, shown = decode(raw, session.name), session.name
        else:
            session.stage = "read"
            document = parse_bytes(raw, session.name, upload.suffix.lower())
            session.stage = "ingest"
            text = ingest_document(document, industry=session.industry, criteria=rules).yaml
            session.document, shown = document, f"{Path(session.name).stem}.yaml"
            session.stage = "score"
        card = rate_text(text, shown, rules)
        session.shown, session.text, session.card = shown, text, card
        session.lang = session.lang or default_lang(card.report.languages)
        session.state = "ready"
    except Exception as error:  # noqa: BLE001 - a failed ingest is one line on the page, never a trace
        session.error = one_line(error).replace(f"{session.folder}/", "")  # the file's name, not where it lay
        session.state = "failed"
    finally:
        upload.unlink(missing_ok=True)  # read once; the report lives on in the session


def question(session: Session, field: str) -> Question:
    assert session.card is not None
    found = next((q for q in session.card.questions if q.answer_field == field), None)
    if found is None:
        raise Refused(session.shown, "that question is no longer open", status=409)
    return found


def answer(session: Session, field: str, raw: str, lang: Lang) -> None:
    """Write one answer in ("" skips the question, "-" says the report does not have it) and rescore."""
    assert session.card is not None
    asked = question(session, field)
    try:
        value = parse(asked, raw)
    except NotUnderstood as problem:
        raise InputError(session.shown, f"{asked.question.get(lang)}: {problem}") from None
    if value is ...:
        session.skipped.add(field)
        return
    before = session.card.overall.range
    text, card = answer_text(session.text, session.shown, {field: value}, criteria(session.standard))
    session.change(text, card)
    session.notice = say("answered", lang, before=range_text(before, lang), after=range_text(card.overall.range, lang))


def _checked(session: Session, line: int, note: str) -> None:
    """Refuse a change to a review item the text no longer holds where the page showed it."""
    if not any(item.yaml_line == line and item.review == note for item in review_items(session.text, session.shown)):
        raise Refused(session.shown, CHANGED, status=409)


def fix(session: Session, line: int, note: str, item: str | None, lang: Lang) -> None:
    """Correct (``item`` is its new text) or delete (``item`` is None) the review item on ``line``."""
    _checked(session, line, note)
    text = (
        delete(session.text, line, session.shown) if item is None else correct(session.text, line, item, session.shown)
    )
    card = rate_text(text, session.shown, criteria(session.standard))
    session.change(text, card)
    left = len(review_items(text, session.shown))
    session.notice = say("deleted" if item is None else "corrected", lang, n=str(left))


def undo(session: Session, lang: Lang) -> None:
    session.notice = say("undone" if session.undo() else "nothing_to_undo", lang)
