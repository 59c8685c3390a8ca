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
