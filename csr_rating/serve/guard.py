"""What every request passes through: the Host it names, the Origin of a change, and the one-line
answer to anything that goes wrong.

- The Host header must be the server's own (``127.0.0.1:PORT``, ``localhost:PORT``): a page elsewhere
  cannot reach this one through a name it controls (DNS rebinding).
- A request that changes something (POST) must come from this server's own page: its ``Origin`` (or,
  failing that, its ``Referer``) must be this server. No cookie is ever set, so there is no session
  for another site to ride on either; the work of a tab is named by an unguessable id in its address.
- An error is one line on the page, never a stack trace, and the server keeps serving.
- Every response forbids loading anything from elsewhere (Content-Security-Policy): the page works
  with the network off because it never asks the network for anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from csr_rating.errors import InputError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


@dataclass(eq=False)
class Refused(InputError):
    """A request the server will not carry out, with the HTTP status that says why."""

    status: int = 400


def one_line(error: BaseException) -> str:
    """An error as the page shows it: the InputError's own line, else the kind of failure in one line."""
    if isinstance(error, InputError):
        return str(error)
    if isinstance(error, OSError):
        return " ".join(f"{error.filename or 'file'}: {error.strerror or error}".split())
    text = " ".join(str(error).split())
    return f"internal error: {type(error).__name__}: {text}"[:500]


def problem_page(message: str) -> bytes:
    """A whole page holding one message, for refusals made before any route runs."""
    from html import escape

    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>csr-rating</title>'
        '<link rel="stylesheet" href="/static/card.css"><link rel="stylesheet" href="/static/page.css">'
        f'</head><body><main><p class="problem" role="alert">{escape(message)}</p>'
        '<p><a href="/">csr-rating</a></p></main></body></html>'
    ).encode()


class Guard:
    """ASGI middleware: refuses foreign hosts and cross-origin changes, adds the security headers,
    and turns any failure into a one-line answer."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts  # None: any Host (the server listens on every interface on purpose)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        host = headers.get("host", "")
        refusal = self._refusal(scope["method"], host, headers)
        if refusal is not None:
            await _answer(send, 403, refusal)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:  # noqa: BLE001 - the page gets one line, the server keeps serving
            line = one_line(error)
            sys.stderr.write(f"csr-rating serve: {scope['method']} {scope['path']}: {line}\n")
            if not started:
                status = error.status if isinstance(error, Refused) else 500
                await _answer(send, status, line)

    def _refusal(self, method: str, host: str, headers: dict[str, str]) -> str | None:
        if self.hosts is not None and host.lower() not in self.hosts:
            return f"refused: a request for host {host!r}, not this server (open the address it printed)"
        if method in SAFE_METHODS:
            return None
        origin = headers.get("origin") or _origin_of(headers.get("referer", ""))
        if not origin or origin == "null":
            return "refused: a change without an Origin header (only this server's own page may make changes)"
        if origin.lower() != f"http://{host}".lower():
            return f"refused: a change requested by another site ({origin}); only this server's own page may make it"
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return "refused: a change requested from another site"
        return None


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


async def _answer(send: Send, status: int, message: str) -> None:
    body = problem_page(message)
    headers: list[Any] = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
