"""Receiving an uploaded file: a plain name of a draft or a report YAML, within the size limit the
command line keeps, refused before it is read in full.

The page sends the file itself as the request body (no multipart form: nothing is spooled to the
system's temporary folder on the way). A declared ``Content-Length`` over the limit is refused before
a byte is read; a body without one is counted while it streams into the private folder and refused,
its part removed, as soon as it passes the limit.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

from csr_rating.ingest.readers import MAX_BYTES as DRAFT_LIMIT
from csr_rating.ingest.readers import SUFFIXES as DRAFT_SUFFIXES
from csr_rating.serve.guard import Refused
from csr_rating.yamlio import MAX_BYTES as YAML_LIMIT

YAML_SUFFIXES = (".yaml", ".yml")
MAX_NAME = 200  # characters of a file name; a real one has tens
KINDS = ".txt .md .pdf .docx (a draft) or .yaml (a report)"


def is_yaml(name: str) -> bool:
    return Path(name).suffix.lower() in YAML_SUFFIXES


def file_name(raw: str) -> str:
    """The upload's name, refused unless it is a plain file name with a draft's or a YAML's suffix."""
    name = raw.strip()
    shown = name[:MAX_NAME] or "''"
    if not name or len(name) > MAX_NAME or any(not ch.isprintable() for ch in name):
        raise Refused(shown, f"refused: not a file name (1 to {MAX_NAME} printable characters)")
    if "/" in name or "\\" in name or name.startswith(".") or ":" in name:
        raise Refused(shown, "refused: a file name, not a path, is expected")
    suffix = Path(name).suffix.lower()
    if suffix not in DRAFT_SUFFIXES and suffix not in YAML_SUFFIXES:
        raise Refused(shown, f"refused: not a draft or a report YAML; expected {KINDS}", status=415)
    return name


def limit_for(name: str) -> int:
    """The most bytes an upload of this kind may have: what ``ingest`` or ``score`` would read."""
    return YAML_LIMIT if is_yaml(name) else DRAFT_LIMIT


def too_large(name: str, limit: int) -> Refused:
    return Refused(name, f"refused: larger than the limit of {limit:,} bytes for this kind of file", status=413)


async def receive(chunks: AsyncIterator[bytes], declared: str | None, target: Path, limit: int) -> int:
    """Stream the body into ``target`` (a new file, mode 0600) and return its size; refused when the
    declared or the counted size passes ``limit``, or when it is empty. Nothing is left on refusal."""
    name = target.name
    if declared is not None:
        if not declared.strip().isdigit():
            raise Refused(name, "refused: a Content-Length that is not a number")
        if int(declared) > limit:
            raise too_large(name, limit)
    size = 0
    handle = os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
    try:
        with handle:
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise too_large(name, limit)
                handle.write(chunk)
        if size == 0:
            raise Refused(name, "refused: the file is empty")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return size
