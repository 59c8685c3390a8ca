"""`csr-rating serve` in a real headless Chromium, as an author uses it: drop or pick a draft, see the
stars, answer a question and watch the range move, correct and delete review items, download the
report, its scorecard and its letter — once in English and once in Chinese, on real reports.

One server (the real command) and one browser per test module. The downloads are checked against
the command line: the YAML scores to the stars the page showed, and the scorecard and the letter are
byte for byte what `csr-rating score` writes from that YAML. A screenshot of each step goes to
test-artifacts/serve/. Skips where Debian's chromium, Playwright or the real reports are missing.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import find_chromium
from tests.conftest import ROOT, SEED, SHARED, Run

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

CHINESE = SHARED / "corpus" / "pdfs" / "chenming-paper-2009-zh.pdf"  # 8 pages, a text layer, no industry pack
SHOTS = ROOT / "test-artifacts" / "serve"
WAIT = 90_000  # ms: a draft on a loaded two-core machine
ANSWERS = {"number": "5", "text": "Strategy Department", "names": "Annual CSR rules"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real `csr-rating serve` on a free port; its address."""
    folder = tmp_path_factory.mktemp("serve")
    process = subprocess.Popen(
        [sys.executable, "-m", "csr_rating", "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=folder, env={**os.environ, "TMPDIR": str(folder)},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline())
        assert found, "the address is printed on start"
        yield found.group(0)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def dimension_stars(page: Any) -> dict[str, list[float]]:
    """Each dimension's stars as the table shows them: [low] or [low, high]."""
    cells = page.eval_on_selector_all(
        "table.dimensions tr[id^=row-]",
        "rows => rows.map(r => [r.id.slice(4), r.querySelector('td.stars').textContent])",
    )
    return {name: [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)] for name, text in cells}


def answer(page: Any) -> str:
    """Fill the question shown with a positive answer of its kind; the field it answers."""
    form = page.locator("#question")
    field = form.get_attribute("data-field")
    boxes = form.locator("input[type=checkbox], input[type=radio]")
    if boxes.count():
        for box in boxes.all() if form.locator("input[type=checkbox]").count() else [boxes.first]:
            box.check()
    else:
        kind = "number" if form.locator("input[type=number]").count() else "text"
        form.locator("input[name=value]").fill(ANSWERS[kind])
    form.locator("button[value=answer]").click()
    return str(field)


def download(page: Any, what: str, folder: Path) -> Path:
    with page.expect_download() as started:
        page.click(f"#download-{what}")
    saved = folder / started.value.suggested_filename
    started.value.save_as(saved)
    return saved


def send(page: Any, draft: Path, drop: bool) -> None:
    """Drop the draft on the drop zone (as dragged from a file manager), or pick it with the file input."""
    if not drop:
        page.set_input_files("#file", str(draft))
        return
    files = page.evaluate_handle(
        """([name, data]) => { const t = new DataTransfer();
           t.items.add(new File([Uint8Array.from(atob(data), c => c.charCodeAt(0))], name)); return t; }""",
        [draft.name, base64.b64encode(draft.read_bytes()).decode()],
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": files})


@pytest.mark.parametrize(
    ("lang", "draft", "industry", "drop"),
    [("en", SEED, None, True), ("zh", CHINESE, "general", False)],
    ids=["english", "chinese"],
)
def test_an_author_goes_from_a_draft_to_the_downloads(
    server: str, browser: Any, tmp_path: Path, cli_in_process: Callable[..., Run],
    lang: str, draft: Path, industry: str | None, drop: bool,
) -> None:  # fmt: skip
    if not draft.is_file():
        pytest.skip(f"{draft} is not here (the shared reports)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.set_default_timeout(WAIT)

    def shot(step: str) -> None:
        page.screenshot(path=str(SHOTS / f"{lang}-{step}.png"))

    # 1. the start page, in the author's language; the results' language is left to the draft
    page.goto(f"{server}?lang={lang}")
    if industry:
        page.select_option("#industry", industry)
    shot("1-start")
    send(page, draft, drop)
    sync_api.expect(page.locator("#stage")).not_to_be_empty()  # progress while it works
    shot("2-progress")

    # 2. the stars per dimension as ranges, the radar, the grade, the suggestions, the review items
    page.wait_for_url(re.compile(r"/s/[\w-]{24}$"))
    assert page.get_attribute("html", "lang") == lang  # from the draft
    assert page.locator("svg.radar").is_visible() and page.locator("#overall .glyphs").inner_text().startswith("★")
    assert page.locator("ol.suggestions li").count() > 0
    shown = dimension_stars(page)
    assert len(shown) == 7 and any(len(stars) == 2 for stars in shown.values()), shown  # open facts: ranges
    shot("3-scored")

    # 3. a question answered: the range moves
    before = page.inner_text("#range")
    field = answer(page)
    sync_api.expect(page.locator("#message")).to_contain_text(before.split()[0])
    after = page.inner_text("#range")
    assert after != before and page.locator("#question").get_attribute("data-field") != field
    page.locator("#questions").scroll_into_view_if_needed()
    shot("4-answered")

    # 4. a review item corrected, another deleted; each shows the draft text it came from
    count = int(page.inner_text("#review-count"))
    items = page.locator('.review-item[data-path^="indicators["]')
    first = items.first
    first.locator("summary").click()
    assert re.search(r"(line|p\.) \d+:\s*\S", first.locator(".source").inner_text())
    box = first.locator("textarea")
    corrected = box.input_value().replace("name: ", "name: (checked) ", 1)
    box.fill(corrected)
    first.locator("summary").scroll_into_view_if_needed()
    shot("5-correcting")
    first.locator("button[value=save]").click()
    sync_api.expect(page.locator("#message")).to_have_class("notice")
    assert int(page.inner_text("#review-count")) < count
    count = int(page.inner_text("#review-count"))
    items.first.locator("summary").click()
    doomed = items.first.locator("textarea").input_value().splitlines()[0]  # with its "# line N"
    items.first.locator("button[value=delete]").click()
    sync_api.expect(page.locator("#review-count")).not_to_have_text(str(count))
    page.locator("#review").scroll_into_view_if_needed()
    shot("6-reviewed")

    # 5. the downloads: the YAML scores as the page shows it; the card and the letter are the CLI's own
    shown = dimension_stars(page)
    files = {what: download(page, what, tmp_path) for what in ("yaml", "card", "letter")}
    report = files["yaml"]
    text = report.read_text(encoding="utf-8")
    assert text.startswith(f"# Structured report drafted by `csr-rating ingest` from {draft.name}")  # comments kept
    assert "(checked) " in text and ("# line " in text or "# p. " in text)
    assert doomed.strip() not in text
    scored = cli_in_process("score", report.name, "-f", "json", cwd=tmp_path)
    assert scored.code == 0, scored.stderr
    card = json.loads(scored.stdout)
    cli_stars = {d["id"]: sorted({d["range"]["low_stars"], d["range"]["high_stars"]}) for d in card["dimensions"]}
    assert shown == cli_stars
    assert field not in card["report"].get("unknown", [])
    for what, format in (("card", "html"), ("letter", "letter-html")):
        written = cli_in_process("score", report.name, "-f", format, "--lang", lang, cwd=tmp_path)
        assert files[what].read_text(encoding="utf-8") == written.stdout, what
    page.locator("#toolbar").scroll_into_view_if_needed()
    shot("7-downloaded")

    outside = [url for url in asked if not url.startswith((server, "data:"))]
    assert not outside, f"requests off this machine: {outside}"
    page.close()
