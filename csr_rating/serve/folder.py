"""The private folder uploads live in: readable by this user only, removed when the server stops.

Every path the server touches is taken through ``inside``: a name from a request (an upload's file
name, a session id) can never reach a file outside the folder, whatever ``..``, slashes or links it
holds.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from csr_rating.errors import InputError

PREFIX = "csr-rating-serve-"


class PrivateFolder:
    """A ``mkdtemp`` folder (mode 0700: other users of the machine cannot list or read it)."""

    def __init__(self, root: Path | None = None) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root)).resolve()
        self.path.chmod(0o700)  # mkdtemp already does; said once more where it matters

    def inside(self, *parts: str) -> Path:
        """``parts`` joined under the folder; InputError for anything that would land outside it."""
        return inside(self.path, *parts)

    def remove(self) -> None:
        """Remove the folder and everything in it; a second call does nothing."""
        shutil.rmtree(self.path, ignore_errors=True)


def inside(root: Path, *parts: str) -> Path:
    """The path of ``parts`` under ``root``, refused when it resolves outside ``root`` (``..``, an
    absolute path, a link out) or is ``root`` itself."""
    shown = "/".join(parts)
    candidate = root.joinpath(*parts).resolve()
    if candidate == root or root not in candidate.parents:
        raise InputError(shown or "''", "refused: the path lies outside the server's upload folder")
    return candidate
