"""A cache of loaded criteria packs, so a new process does not parse and validate the same YAML again.

Loading a standard and a catalog means reading YAML and validating it against the pydantic models;
that was most of a cold `csr-rating score`. What loading produced is kept here, pickled:

- keyed by contents, never by dates: a hash of every file under the criteria folder (names and
  bytes), of the code that reads and checks a pack (PACK_CODE) and of the versions of csr-rating,
  Python and pydantic, so a changed file, an added or removed one, or a changed loader is a new
  key, and a stale pack cannot be served;
- under the user's cache folder (``$XDG_CACHE_HOME/csr-rating``, else ``~/.cache/csr-rating``),
  written atomically (a temporary file renamed into place), each entry checked against its own hash;
- best effort: a cache that cannot be read or written, or holds a damaged entry, is passed over
  silently and the pack is loaded from its files as before. Only successful loads are stored, so
  every error is still raised from the files, exactly as without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import csr_rating

FORMAT = b"csr-rating pack cache 1\n"
MAX_FILES = 2_000  # a criteria folder larger than this is not hashed on every run: no cache
MAX_BYTES = 64 * 1024 * 1024
KEEP = 8  # packs kept; older ones are removed when a new one is written
SKIPPED = {"__pycache__", ".git", ".hg", ".svn"}
# The program's files that decide what a loaded pack is: the loader, the models and their validators,
# the YAML reader (tests/test_packcache.py checks that every module the loader imports is here).
PACK_CODE = (
    "__init__.py", "catalog.py", "criteria.py", "errors.py", "fields.py", "gcpause.py", "i18n.py",
    "loading.py", "messages.py", "names.py", "packcache.py", "report.py", "yamlio.py", "checks",
)  # fmt: skip


def cache_folder() -> Path:
    """Where caches live: ``$XDG_CACHE_HOME/csr-rating``, else ``~/.cache/csr-rating``."""
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base if base and os.path.isabs(base) else Path.home() / ".cache") / "csr-rating"


def _tree(root: Path, digest: Any, budget: list[int]) -> None:
    """Add every file under ``root`` (sorted relative names, then bytes) to ``digest``; symbolic
    links are followed (the loader reads through them), each real folder once."""
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED)
        relative = os.path.relpath(folder, root)
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            budget[0] -= 1
            budget[1] -= len(data)
            if budget[0] < 0 or budget[1] < 0:
                raise OverflowError("too large to hash on every run")
            digest.update(f"{relative}/{name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)


def pack_key(root: Path) -> str | None:
    """The contents key of the pack under ``root``; None when it cannot be read or is too large."""
    digest = hashlib.sha256(FORMAT)
    pydantic = sys.modules.get("pydantic")
    digest.update(f"{csr_rating.__version__}\0{sys.version}\0{getattr(pydantic, 'VERSION', '')}\0".encode())
    budget = [MAX_FILES, MAX_BYTES]
    package = Path(csr_rating.__file__).parent
    try:
        _tree(root, digest, budget)
        for name in PACK_CODE:
            digest.update(f"\0code\0{name}\0".encode())
            if name.endswith(".py"):
                digest.update((package / name).read_bytes())
            else:
                _tree(package / name, digest, [MAX_FILES, MAX_BYTES])
    except (OSError, OverflowError, ValueError):
        return None
    return digest.hexdigest()


class PackCache:
    """The cached parts of one pack (one contents key): a standard with its criteria, each catalog."""

    def __init__(self, key: str | None) -> None:
        self.folder = cache_folder() / "packs" / key if key is not None else None

    @classmethod
    def of(cls, root: Path) -> PackCache:
        return cls(pack_key(root))

    def _file(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / (hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".pickle")

    def load(self, name: str) -> Any | None:
        """The value stored under ``name``, or None (never stored, unreadable, damaged, not ours)."""
        path = self._file(name)
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                    return None  # a pickle is code: only one this user alone could have written is read
                raw = handle.read()
            head, check, payload = raw[: len(FORMAT)], raw[len(FORMAT) : len(FORMAT) + 32], raw[len(FORMAT) + 32 :]
            if head != FORMAT or hashlib.sha256(payload).digest() != check:
                return None
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged cache is passed over, never an error
            return None

    def store(self, name: str, value: Any) -> None:
        """Keep ``value`` under ``name``; any failure (read-only home, full disk) is ignored."""
        path = self._file(name)
        if path is None:
            return
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            fresh = not path.parent.is_dir()
            _write(path, temporary, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            if fresh:
                _prune(path.parent.parent, keep=path.parent)
        except Exception:  # noqa: BLE001 - best effort, as load
            with contextlib.suppress(OSError):
                temporary.unlink()


def _write(path: Path, temporary: Path, payload: bytes) -> None:
    """The entry, hash first, published in one step (a reader never sees half of it)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(temporary, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(FORMAT + hashlib.sha256(payload).digest() + payload)
    os.replace(temporary, path)


def _prune(packs: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently written packs (criteria edited many times)."""
    found = sorted((p for p in packs.iterdir() if p.is_dir() and p != keep), key=lambda p: p.stat().st_mtime)
    for old in found[: max(0, len(found) - (KEEP - 1))]:
        shutil.rmtree(old, ignore_errors=True)
