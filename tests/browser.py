"""Headless Chromium for the HTML tests: find it, run it offline-minded and time-bounded.

Debian's ``chromium`` package is what CI installs; where it is missing the browser tests skip rather
than fail, since the rest of the suite needs no browser.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

TIMEOUT = 60  # seconds per browser run: a hung browser must fail the test, not stall CI
FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",  # CI runs as root in a container, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find_chromium() -> str | None:
    """The Chromium binary on PATH or at Debian's path, else None."""
    found = shutil.which("chromium")
    if found:
        return found
    debian = Path("/usr/bin/chromium")
    return str(debian) if debian.is_file() else None


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One headless run with a throwaway profile; stdout is what ``--dump-dom`` prints."""
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        check=False,
    )


def print_to_pdf(binary: str, page: Path, folder: Path) -> tuple[list[tuple[float, float]], list[str]]:
    """Print ``page`` to PDF as Chromium would on paper: (each page's size in points, each page's text)."""
    import pypdfium2 as pdfium

    pdf_path = folder / f"{page.stem}.pdf"
    done = run_chromium(binary, folder / "profile", f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer", page.as_uri())
    assert pdf_path.is_file(), f"no PDF (exit {done.returncode}): {done.stderr[-2000:]}"
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        sizes = [pdf[i].get_size() for i in range(len(pdf))]
        texts = [pdf[i].get_textpage().get_text_range().replace("\r", "").replace("\n", "") for i in range(len(pdf))]
    finally:
        pdf.close()
    return sizes, texts


def is_a4(sizes: list[tuple[float, float]]) -> bool:
    return all(abs(w - 595) < 3 and abs(h - 842) < 3 for w, h in sizes)  # A4, in points
