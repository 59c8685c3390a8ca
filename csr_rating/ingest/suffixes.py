"""Which files are drafts, by name alone: asked before every score, so it imports nothing heavy
(the readers and their patterns load only when a draft is read)."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_draft(path: Path | str) -> bool:
    """True for a file ``read_document`` is meant for (by suffix), as opposed to a report YAML."""
    return Path(str(path)).suffix.lower() in SUFFIXES
