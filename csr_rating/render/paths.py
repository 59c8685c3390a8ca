"""The report's location as code-scanning and CI tools expect it (relative, forward slashes)."""

from __future__ import annotations

from pathlib import Path, PurePath
from urllib.parse import quote


def report_path(file: str) -> str:
    """The report's path as a repository tool expects it: relative to the current directory where it
    lies inside it, forward slashes, no leading ``./``; an absolute path otherwise."""
    path = PurePath(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except (ValueError, OSError):  # outside the current directory, or no current directory
            return path.as_posix()
    return path.as_posix()


def shown_path(file: str) -> str:
    """The report's path as a hand-over shows it: relative to the current directory, else only the
    file's name (a card or letter never shows where on someone's machine a file lies)."""
    path = report_path(file)
    return PurePath(path).name if PurePath(path).is_absolute() else path


def report_uri(file: str) -> str:
    """``report_path`` as a URI reference: relative and percent-encoded, or a ``file:`` URI."""
    path = report_path(file)
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(path, safe="/")
