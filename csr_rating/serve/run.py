"""The server's life: bind (a free port unless one is asked for), say where the page is, serve until
Ctrl-C or SIGTERM, then remove the private folder with every upload in it.

uvicorn stops gracefully on either signal and raises it again once stopped, so the command ends as
every csr-rating command does (130 for Ctrl-C, 143 for SIGTERM), after the folder is gone. A file
still being read is finished first (its thread is not a daemon: killing it inside the PDF or
matching libraries' native code would abort the process), which the draft budget bounds to seconds.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import uvicorn

from csr_rating.errors import InputError
from csr_rating.serve.app import create_app
from csr_rating.serve.folder import PrivateFolder

LOOPBACK = ("127.", "localhost", "::1")


def hosts_for(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a loopback server answers; None (any) for one asked to listen wider, where
    names cannot be known in advance (the origin check still holds there)."""
    if not host.startswith(LOOPBACK):
        return None
    names = {"127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host}
    return frozenset(f"{name}:{port}" for name in names)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``; port 0 takes a free one. InputError when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)  # connections wait in the queue from the moment the address is printed
    except OSError as error:
        sock.close()
        raise InputError(f"{host}:{port}", f"cannot listen there: {error.strerror or error}") from None
    except BaseException:
        sock.close()
        raise
    return sock


def serve(host: str, port: int, say: Callable[[str], object], note: Callable[[str], object]) -> None:
    """Serve the page until a signal stops it; the uploads' folder is removed on every way out.
    ``say`` gets the address (standard output), ``note`` one line each about the rest (standard error)."""
    sock = bind(host, port)
    folder = PrivateFolder()
    try:
        actual = sock.getsockname()[1]
        hosts = hosts_for(host, actual)
        if hosts is None:
            note(f"warning: listening on {host}: other machines that reach it can open this page and upload to it")
        app = create_app(folder, hosts)
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", server_header=False, timeout_graceful_shutdown=2
        )
        shown = f"[{host}]" if ":" in host else host
        say(f"csr-rating: the page is at http://{shown}:{actual}/ (Ctrl-C stops it)\n")
        note(f"uploads are kept in {folder.path} until then")
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        folder.remove()
        sock.close()
        note(f"stopped; {folder.path} is removed")
