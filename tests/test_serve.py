"""`csr-rating serve` without a browser: what it refuses, what it answers, and how it stops.

The page itself is driven in a real browser in test_serve_browser.py; here each rule is one request
through Starlette's TestClient (fast), and the clean stop is the real command in a subprocess.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml as yaml_lib
from starlette.testclient import TestClient

from csr_rating.api import rate
from csr_rating.render import letter
from csr_rating.render.html import CSS, render
from csr_rating.serve.app import create_app
from csr_rating.serve.folder import PrivateFolder
from csr_rating.serve.run import hosts_for
from tests.conftest import REFERENCE, ROOT
from tests.ingest_fixtures import ENGLISH_DRAFT
from tests.test_answers import DRAFT

ORIGIN = "http://testserver"
# a report with open facts and review notes, as an ingest leaves it (scored here, never ingested), and
# a note on a field the report must have
ANSWERED = DRAFT.replace("  title:", "  # review: the title as the cover prints it\n  title:", 1)
TITLE_NOTE = str(ANSWERED.splitlines().index("  # review: the title as the cover prints it") + 1)
LIMIT = 4096  # a small upload limit for the refusal tests (the real one is the draft budget's)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[PrivateFolder]:
    made = PrivateFolder(tmp_path)
    yield made
    made.remove()


@pytest.fixture
def client(folder: PrivateFolder) -> TestClient:
    return TestClient(create_app(folder, frozenset({"testserver"})), headers={"origin": ORIGIN})


def upload(client: TestClient, name: str, body: bytes, **query: str) -> Any:
    return client.post("/upload", params={"name": name, **query}, content=body)


def ready(client: TestClient, name: str, body: bytes, **query: str) -> str:
    """Upload and wait until it is scored; the session's page address."""
    answer = upload(client, name, body, **query)
    assert answer.status_code == 202, answer.text
    status = state(client, answer.json()["status"])
    assert status["state"] == "ready", status
    return str(answer.json()["page"])


def state(client: TestClient, url: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        status: dict[str, Any] = client.get(url).json()
        if status["state"] != "working" or time.monotonic() > deadline:
            return status
        time.sleep(0.05)


def message(page: str) -> str:
    found = re.search(r'id="message">([^<]*)<', page)
    return html.unescape(found.group(1)) if found else ""


def field_asked(page: str) -> str:
    found = re.search(r'name="field" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


# --- what it serves --------------------------------------------------------------------------------


def test_the_start_page_needs_nothing_from_the_network(client: TestClient, folder: PrivateFolder) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert not re.search(r"(src|href|action)=\"(https?:)?//", page.text), "a reference off this server"
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/static/card.css").text == CSS  # the HTML card's own styles, not a copy
    assert (folder.path.stat().st_mode & 0o777) == 0o700


def test_a_report_yaml_scores_and_downloads_as_the_command_line_gives_it(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = REFERENCE.read_bytes()
    page = ready(client, REFERENCE.name, text, lang="en")
    shown = client.get(page).text
    assert "China Telecommunications Corporation Limited" in shown and 'class="radar"' in shown
    assert client.get(f"{page}/download/yaml").content == text
    card = client.get(f"{page}/download/card")
    assert card.headers["content-disposition"].startswith('attachment; filename="china-telecom-2020-card.html"')
    monkeypatch.chdir(tmp_path)  # the card names the report as `csr-rating score NAME` run beside it does
    (tmp_path / REFERENCE.name).write_bytes(text)
    scored = rate(REFERENCE.name)
    assert card.text == render(scored, "en", False, 10)
    assert client.get(f"{page}/download/letter").text == letter.render_html(
        scored, "en", False, 5, team=None, date=None
    )


def test_a_draft_is_answered_corrected_and_undone_with_its_comments_kept(client: TestClient) -> None:
    page = ready(client, "draft.txt", ENGLISH_DRAFT.encode(), industry="general")
    first = client.get(page).text
    yaml = client.get(f"{page}/download/yaml").text
    assert yaml.startswith("# Structured report drafted by `csr-rating ingest` from draft.txt")
    asked = field_asked(first)
    after = client.post(f"{page}/answer", data={"field": asked, "action": "absent"}).text  # back on the page
    assert message(after).startswith("Answered. Overall:") and field_asked(after) != asked
    answered = client.get(f"{page}/download/yaml").text
    unknown = yaml_lib.safe_load(answered).get("unknown", [])
    assert asked not in unknown and unknown != yaml_lib.safe_load(yaml)["unknown"]  # settled there
    assert [line for line in answered.splitlines() if line.startswith("#")] == [
        line for line in yaml.splitlines() if line.startswith("#")
    ]
    # a correction that breaks the report is refused with the scorer's line; the report is unchanged
    line, note = re.search(
        r'name="line" value="(\d+)">\s*<input type="hidden" name="note" value="([^"]*)"', after
    ).groups()  # type: ignore[union-attr]
    refused = client.post(
        f"{page}/review", data={"line": line, "note": html.unescape(note), "item": "[", "action": "save"}
    )
    assert message(refused.text).startswith("draft.yaml:") and 'class="problem"' in refused.text
    assert client.get(f"{page}/download/yaml").text == answered
    fixed = client.post(f"{page}/review", data={"line": line, "note": html.unescape(note), "action": "delete"})
    assert message(fixed.text).startswith("Deleted.") and client.get(f"{page}/download/yaml").text != answered
    assert message(client.post(f"{page}/undo", data={}).text) == "The last change is undone."
    client.post(f"{page}/undo", data={})
    assert client.get(f"{page}/download/yaml").text == yaml
    # a skipped question comes back when asked for; the page can change its language
    skipped = client.post(f"{page}/answer", data={"field": asked, "action": "skip"}).text
    assert field_asked(skipped) != asked and "Ask the skipped questions again" in skipped
    assert field_asked(client.post(f"{page}/unskip", data={}).text) == asked
    assert '<html lang="zh">' in client.post(f"{page}/lang", data={"lang": "zh"}).text


def test_two_tabs_keep_their_own_work(client: TestClient) -> None:
    one = ready(client, "answered.yaml", ANSWERED.encode())
    two = ready(client, "answered.yaml", ANSWERED.encode())
    assert one != two
    before = client.get(f"{two}/download/yaml").text
    client.post(f"{one}/answer", data={"field": field_asked(client.get(one).text), "action": "absent"})
    assert client.get(f"{two}/download/yaml").text == before != client.get(f"{one}/download/yaml").text


def test_report_text_never_becomes_markup_on_the_page(client: TestClient) -> None:
    hostile = (
        'meta:\n  organisation: "<script>alert(1)</script> & Co."\n  title: T\n  year: 2022\n'
        'indicators:\n  # review: <img src=x onerror=alert(2)> check it\n  - name: "</textarea><b>x</b>"\n'
        "    values: {2022: 1}\n"
    )
    page = client.get(ready(client, "hostile.yaml", hostile.encode())).text
    assert "<script>alert" not in page and "<img src=x" not in page and "</textarea><b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page


BAD_FORMS = [
    ("answer", {"field": "no.such.field", "action": "answer", "value": "1"}, "no longer open"),
    ("answer", {"field": "process.release.channels", "action": "answer", "value": "carrier pigeon"}, "not one of"),
    ("answer", {"field": "process.release.channels", "action": "answer"}, "give an answer, or skip"),
    ("answer", {"action": "skip"}, "has no 'field'"),
    ("review", {"line": "x", "note": "n", "action": "delete"}, "not a number"),
    ("review", {"line": "1", "note": "n", "action": "delete"}, "changed since the page was shown"),
    ("review", {"line": "99999", "note": "n", "item": "x", "action": "save"}, "changed since the page was shown"),
    ("review", {"line": TITLE_NOTE, "note": "the title as the cover prints it", "action": "delete"}, "title"),
    ("review", {"line": TITLE_NOTE, "note": "the title as the cover prints it", "item": "title: [", "action": "save"},
     "invalid YAML"),
]  # fmt: skip


def test_a_bad_form_is_one_line_on_the_page_and_changes_nothing(client: TestClient) -> None:
    page = ready(client, "answered.yaml", ANSWERED.encode())
    for route, form, said in BAD_FORMS:
        shown = client.post(f"{page}/{route}", data=form)
        assert shown.status_code == 200 and said in message(shown.text), (form, message(shown.text))
        assert 'class="problem"' in shown.text and "Traceback" not in shown.text
    assert client.get(f"{page}/download/yaml").text == ANSWERED


def test_a_form_that_is_not_a_form_is_refused(client: TestClient) -> None:
    page = ready(client, "answered.yaml", ANSWERED.encode())
    for body, kind in [(b"\xff\xfe", "application/x-www-form-urlencoded"), (b"{}", "application/json")]:
        answer = client.post(f"{page}/answer", content=body, headers={"content-type": kind})
        assert answer.status_code in (400, 415) and "refused" in answer.text and "Traceback" not in answer.text
    assert client.get(page).status_code == 200


# --- what it refuses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/tmp/evil.txt", "a/evil.txt", "..\\evil.txt", ".evil.txt", "c:evil.txt"]
)
def test_a_path_outside_the_upload_folder_is_refused(client: TestClient, folder: PrivateFolder, name: str) -> None:
    answer = upload(client, name, b"text")
    assert answer.status_code == 400 and "refused" in answer.json()["error"]
    assert not list(folder.path.iterdir()) and not (folder.path.parent / "evil.txt").exists()


def test_no_address_reaches_outside_the_folder(client: TestClient, folder: PrivateFolder) -> None:
    for address in ["/s/%2E%2E", "/s/%2e%2e%2f%2e%2e/status", "/s/" + "A" * 24, "/s/..%2F..%2Fetc/download/yaml"]:
        answer = client.get(address)
        assert answer.status_code == 404, address
        assert "Traceback" not in answer.text
    with pytest.raises(Exception, match="outside"):
        folder.inside("..", "evil.txt")


def test_an_upload_over_the_limit_is_refused_before_it_is_read(folder: PrivateFolder) -> None:
    app = create_app(folder, frozenset({"testserver"}), max_upload=LIMIT)
    reads = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        return {"type": "http.request", "body": b"x" * 1024, "more_body": True}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/upload", "raw_path": b"/upload", "query_string": b"name=big.pdf", "root_path": "",
        "server": ("testserver", 80), "client": ("127.0.0.1", 1),
        "headers": [(b"host", b"testserver"), (b"origin", ORIGIN.encode()), (b"content-length", str(LIMIT + 1).encode())],
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413 and reads == 0
    assert b"larger than the limit" in sent[1]["body"] and not list(folder.path.iterdir())


def test_a_streamed_upload_is_cut_off_at_the_limit(folder: PrivateFolder) -> None:
    client = TestClient(create_app(folder, frozenset({"testserver"}), max_upload=LIMIT), headers={"origin": ORIGIN})

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield from [b"x" * 1024] * 8

    answer = client.post("/upload", params={"name": "big.txt"}, content=chunks())
    assert answer.status_code == 413 and "larger than the limit of 4,096 bytes" in answer.json()["error"]
    assert not list(folder.path.iterdir())  # the part received is removed with its session


def test_a_file_that_is_not_a_draft_is_refused_and_a_broken_draft_leaves_the_page_usable(client: TestClient) -> None:
    for name in ["report.exe", "notes.json", "draft"]:
        answer = upload(client, name, b"text")
        assert answer.status_code == 415 and "not a draft or a report YAML" in answer.json()["error"], name
    broken = upload(client, "draft.pdf", b"this is no PDF")
    status = state(client, broken.json()["status"])
    assert status["state"] == "failed" and status["error"].startswith("draft.pdf: not a PDF")
    assert "\n" not in status["error"] and "Traceback" not in status["error"]
    assert "not a PDF" in client.get(broken.json()["page"]).text  # the page says it, with a way back
    assert client.get("/").status_code == 200
    ready(client, "draft.md", ENGLISH_DRAFT.encode())


def test_a_change_from_another_origin_or_host_is_refused(client: TestClient, folder: PrivateFolder) -> None:
    page = ready(client, "answered.yaml", ANSWERED.encode())
    before = client.get(f"{page}/download/yaml").text
    field = field_asked(client.get(page).text)
    for headers in [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": ""},
        {"sec-fetch-site": "cross-site"},
    ]:
        answer = client.post(f"{page}/answer", data={"field": field, "action": "absent"}, headers=headers)
        assert answer.status_code == 403 and "refused" in answer.text, headers
        assert client.post("/upload", params={"name": "x.txt"}, content=b"x", headers=headers).status_code == 403
    assert client.get(f"{page}/download/yaml").text == before
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 403  # DNS rebinding
    same = client.post(
        f"{page}/answer", data={"field": field, "action": "skip"}, headers={"origin": "", "referer": f"{ORIGIN}{page}"},
        follow_redirects=False,
    )  # fmt: skip
    assert same.status_code == 303  # a Referer of this server stands in for a missing Origin


# --- how it stops ----------------------------------------------------------------------------------


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_server_stops_cleanly_and_removes_its_uploads(tmp_path: Path, stop: signal.Signals) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "csr_rating", "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        assert server.stdout is not None and server.stderr is not None
        url = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline())
        kept = re.search(r"kept in (\S+) until", server.stderr.readline())
        assert url and kept, "the address and the folder are printed on start"
        private = Path(kept.group(1))
        assert private.parent == tmp_path.resolve() and (private.stat().st_mode & 0o777) == 0o700
        request = urllib.request.Request(
            f"{url.group(0)}upload?name=draft.txt", data=ENGLISH_DRAFT.encode(), method="POST",
            headers={"Origin": url.group(0).rstrip("/"), "Content-Type": "application/octet-stream"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 202
        assert any(private.iterdir())
        server.send_signal(stop)
        _, err = server.communicate(timeout=20)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert server.returncode == (130 if stop == signal.SIGINT else 143)
    assert err.splitlines() == (
        [f"csr-rating: stopped; {private} is removed"] + (["csr-rating: terminated"] if stop == signal.SIGTERM else [])
    )
    assert not private.exists() and not list(tmp_path.iterdir())


def test_an_address_it_cannot_listen_on_is_one_line(cli_in_process: Any) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = cli_in_process("serve", "--port", str(port))
    assert (
        run.code == 2 and run.stderr == f"csr-rating: 127.0.0.1:{port}: cannot listen there: Address already in use\n"
    )


def test_a_loopback_server_answers_only_its_own_host_names() -> None:
    assert hosts_for("127.0.0.1", 8000) == frozenset({"127.0.0.1:8000", "localhost:8000", "[::1]:8000"})
    assert "[::1]:8000" in (hosts_for("::1", 8000) or ())
    assert hosts_for("0.0.0.0", 8000) is None  # any name: the Origin check still guards every change
