"""The routes of the page. Each reads its request, makes one call on the session (``work``), and
answers with a page, a redirect back to it, a small JSON status or a download.

Changes are plain form posts that redirect back to the page (no script needed to answer a question or
correct an item); the upload and its progress are the one place the page's script is needed. A change
that fails leaves one line at the top of the page, and the report as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from csr_rating.errors import InputError
from csr_rating.i18n import Lang
from csr_rating.loading import DEFAULT_STANDARD, standards_in
from csr_rating.render import html as card_html
from csr_rating.render import letter
from csr_rating.serve import work
from csr_rating.serve.folder import PrivateFolder
from csr_rating.serve.guard import Guard, Refused, one_line, problem_page
from csr_rating.serve.sessions import Session, Sessions
from csr_rating.serve.uploads import file_name, limit_for, receive, too_large
from csr_rating.serve.views import TOP, report_view, start_view, words
from csr_rating.serve.words import say

HERE = Path(__file__).parent
MAX_FORM = 2 * 1024 * 1024  # bytes of a form: an answer or a corrected item, never a draft
LETTER_TOP = 5  # suggestions in a letter, as `score -f letter` gives


def _lang(value: str | None) -> Lang | None:
    return value if value in ("en", "zh") else None  # type: ignore[return-value]


def _browser_lang(request: Request) -> Lang:
    chosen = _lang(request.query_params.get("lang"))
    if chosen is not None:
        return chosen
    return "zh" if request.headers.get("accept-language", "").lower().startswith("zh") else "en"


async def _form(request: Request) -> dict[str, list[str]]:
    """A url-encoded form, read within MAX_FORM bytes (no multipart: nothing is spooled anywhere)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM:
        raise too_large("form", MAX_FORM)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            raise too_large("form", MAX_FORM)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if body and kind != "application/x-www-form-urlencoded":
        raise Refused("form", "refused: expected a form (application/x-www-form-urlencoded)", status=415)
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=500)
    except (UnicodeDecodeError, ValueError):
        raise Refused("form", "refused: a form that is not UTF-8 text") from None


def _one(fields: dict[str, list[str]], name: str) -> str:
    values = fields.get(name)
    if not values:
        raise Refused("form", f"refused: the form has no {name!r}")
    return values[0]


def _attachment(name: str) -> str:
    """A Content-Disposition that keeps a Chinese file name (RFC 6266) with an ASCII fallback."""
    fallback = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


class Site:
    """The routes over one store of sessions."""

    def __init__(self, folder: PrivateFolder, max_upload: int | None) -> None:
        self.sessions = Sessions(folder)
        self.max_upload = max_upload  # a lower cap than the command line's (tests); None: the same
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
        )

    def _page(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        return HTMLResponse(self.templates.get_template(template).render(**values), status_code=status)

    async def start(self, request: Request) -> Response:
        lang = _browser_lang(request)
        view = await run_in_threadpool(start_view, lang, work.criteria(DEFAULT_STANDARD))
        return self._page("start.html", **view)

    async def card_css(self, request: Request) -> Response:
        return Response(card_html.CSS, media_type="text/css")

    async def upload(self, request: Request) -> Response:
        """The file as the request body; name, language, industry and standard in the query."""
        query = request.query_params
        session: Session | None = None
        try:
            name = file_name(query.get("name", ""))
            standard = query.get("standard") or DEFAULT_STANDARD
            if standard not in standards_in():
                raise Refused(standard, "refused: no such standard")
            industry = query.get("industry") or None
            if industry is not None and industry not in work.criteria(standard).catalogs:
                raise Refused(industry, "refused: no such industry")
            limit = min(limit_for(name), self.max_upload or limit_for(name))
            declared = request.headers.get("content-length")
            if declared is not None and declared.strip().isdigit() and int(declared) > limit:
                raise too_large(name, limit)  # before a byte is read, and before any folder is made
            session = self.sessions.new(name, standard, industry, _lang(query.get("lang")))
            target = self.sessions.folder.inside(session.id, name)
            await receive(request.stream(), declared, target, limit)
        except InputError as error:
            if session is not None:
                self.sessions.drop(session)
            status = error.status if isinstance(error, Refused) else 400
            return JSONResponse({"error": one_line(error)}, status_code=status)
        threading.Thread(target=work.start, args=(session, target), name=f"read-{session.id[:6]}").start()
        return JSONResponse({"status": f"/s/{session.id}/status", "page": f"/s/{session.id}"}, status_code=202)

    async def status(self, request: Request) -> Response:
        session = self.sessions.get(request.path_params["sid"])
        return JSONResponse({"state": session.state, "stage": session.stage, "error": session.error})

    async def report(self, request: Request) -> Response:
        session = self.sessions.get(request.path_params["sid"])
        if session.state != "ready" or session.lang is None:
            lang = session.lang or _browser_lang(request)
            return self._page(
                "working.html", lang=lang, w=words(lang), session=session.id, name=session.name, error=session.error
            )

        def shown() -> dict[str, Any]:
            assert session.lang is not None
            with session.lock:
                view = report_view(session, session.lang)
                session.notice = session.problem = None
            return view

        return self._page("report.html", **await run_in_threadpool(shown))

    async def _change(
        self, request: Request, anchor: str, act: Callable[[Session, dict[str, list[str]]], None]
    ) -> Response:
        """Read the form, make one change under the session's lock, and go back to the page."""
        session = self.ready(request)
        fields = await _form(request)

        def run() -> None:
            with session.lock:
                session.place = anchor
                try:
                    act(session, fields)
                except InputError as error:
                    session.problem = one_line(error)

        await run_in_threadpool(run)
        return RedirectResponse(f"/s/{session.id}#{anchor}", status_code=303)

    def ready(self, request: Request) -> Session:
        session = self.sessions.get(request.path_params["sid"])
        if session.state != "ready" or session.card is None or session.lang is None:
            raise Refused(session.name, "refused: the file is not scored yet", status=409)
        return session

    async def answer(self, request: Request) -> Response:
        def act(session: Session, fields: dict[str, list[str]]) -> None:
            assert session.lang is not None
            field, action = _one(fields, "field"), _one(fields, "action")
            raw = {"skip": "", "absent": "-"}.get(action, ", ".join(v for v in fields.get("value", []) if v.strip()))
            if action == "answer" and not raw.strip():
                raise InputError(session.shown, say("empty_answer", session.lang))
            work.answer(session, field, raw, session.lang)

        return await self._change(request, "questions", act)

    async def unskip(self, request: Request) -> Response:
        return await self._change(request, "questions", lambda session, _: session.skipped.clear())

    async def fix(self, request: Request) -> Response:
        def act(session: Session, fields: dict[str, list[str]]) -> None:
            assert session.lang is not None
            line = _one(fields, "line")
            if not line.isdigit():
                raise Refused("form", "refused: the item's line is not a number")
            item = None if _one(fields, "action") == "delete" else _one(fields, "item")
            work.fix(session, int(line), _one(fields, "note"), item, session.lang)

        return await self._change(request, "review", act)

    async def undo(self, request: Request) -> Response:
        def act(session: Session, fields: dict[str, list[str]]) -> None:
            assert session.lang is not None
            work.undo(session, session.lang)

        return await self._change(request, "top", act)

    async def language(self, request: Request) -> Response:
        def act(session: Session, fields: dict[str, list[str]]) -> None:
            session.lang = _lang(_one(fields, "lang")) or session.lang

        return await self._change(request, "top", act)

    async def download(self, request: Request) -> Response:
        session = self.ready(request)
        kind = request.path_params["kind"]
        if kind not in ("yaml", "card", "letter"):
            raise Refused(kind, "refused: no such download", status=404)

        def made() -> tuple[str, str, str]:
            """(body, file name, media type), from one version of the report (a change may be under way)."""
            with session.lock:
                card, lang, text, stem = session.card, session.lang, session.text, Path(session.shown).stem
            assert card is not None and lang is not None
            if kind == "yaml":
                return text, session.shown, "application/yaml; charset=utf-8"
            if kind == "card":
                return card_html.render(card, lang, False, TOP), f"{stem}-card.html", "text/html; charset=utf-8"
            letter_html = letter.render_html(card, lang, False, LETTER_TOP, team=None, date=None)
            return letter_html, f"{stem}-letter.html", "text/html; charset=utf-8"

        body, name, media = await run_in_threadpool(made)
        return Response(body.encode("utf-8"), media_type=media, headers={"content-disposition": _attachment(name)})


async def _refused(request: Request, error: Exception) -> Response:
    """A refusal from a route, as the one-line page (the Guard adds its headers)."""
    status = error.status if isinstance(error, Refused) else 400
    return HTMLResponse(problem_page(one_line(error)).decode(), status_code=status)


def create_app(folder: PrivateFolder, hosts: frozenset[str] | None, *, max_upload: int | None = None) -> Starlette:
    """The page's application over ``folder``; ``hosts`` are the Host headers it answers (None: any)."""
    site = Site(folder, max_upload)
    sid = "/s/{sid}"
    routes = [
        Route("/", site.start),
        Route("/static/card.css", site.card_css),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/upload", site.upload, methods=["POST"]),
        Route(sid, site.report),
        Route(f"{sid}/status", site.status),
        Route(f"{sid}/answer", site.answer, methods=["POST"]),
        Route(f"{sid}/unskip", site.unskip, methods=["POST"]),
        Route(f"{sid}/review", site.fix, methods=["POST"]),
        Route(f"{sid}/undo", site.undo, methods=["POST"]),
        Route(f"{sid}/lang", site.language, methods=["POST"]),
        Route(sid + "/download/{kind}", site.download),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, hosts=hosts)],
        exception_handlers={InputError: _refused},
    )
    app.state.site = site
    return app
