"""Writing results to files: atomically, and never over a file the user did not ask to replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from csr_rating.errors import InputError


def write_text(path: Path, text: str, force: bool = False) -> None:
    """Write via a temporary file in the same folder and a rename, so a reader (or a crash) never
    sees half a file; refuse an existing file unless ``force``."""
    shown = str(path)
    if path.is_dir():
        raise InputError(shown, "is a directory; --output needs a file name")
    if path.exists() and not force:
        raise InputError(shown, "already exists; pass --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(shown, f"folder {str(folder)!r} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(shown, f"cannot write: {exc.strerror or exc}") from None
