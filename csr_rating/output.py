"""Writing results to files: atomically, exclusively, and never over anything the user did not ask
to replace.

- ``-`` is standard output.
- A new file is created with the permissions the umask allows (as any other tool's output); a file
  replaced with ``force`` keeps its mode and, where the process may set them, its owner and group.
- Only a regular file (or a symbolic link to one) is ever replaced, and only with ``force``: a
  directory, device, FIFO or socket, a dangling link or a loop of links is refused even then.
- The result is written to a short temporary name in the target's folder (so a name as long as the
  file system allows still works) and published in one step: a new file by a hard link, which fails
  if another writer got there first (two runs writing the same ``-o`` never silently replace each
  other), a replaced file by a rename. A reader, a crash or a signal never sees half a file, and
  the temporary file is removed on any error or interruption.
- The input is never the output: ``ingest draft.txt -o draft.txt --force`` is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from csr_rating.errors import InputError

STDOUT = "-"
NEW_FILE_MODE = 0o666  # the umask takes away what the user does not grant
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def _same_file(a: Path | str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _existing(path: Path, force: bool) -> tuple[Path, os.stat_result | None]:
    """Where to write and the file replaced there (None for a new file); refuses what must not be
    replaced."""
    shown = str(path)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return path, None
    except OSError as exc:
        raise InputError(shown, f"cannot write: {exc.strerror or exc}") from None
    target = path
    info = link
    if stat.S_ISLNK(link.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise InputError(shown, "is a symbolic link to nothing; remove it or choose another name") from None
        except OSError as exc:
            raise InputError(shown, f"cannot write: {exc.strerror or exc}") from None
        target = Path(os.path.realpath(path))
    if stat.S_ISDIR(info.st_mode):
        raise InputError(shown, "is a directory; --output needs a file name")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(shown, "is not a regular file (a device, FIFO or socket); choose a file name")
    if not force:
        raise InputError(shown, "already exists; pass --force to replace it")
    return target, info


def _temporary(folder: Path, mode: int) -> tuple[int, Path]:
    """A new, short-named file in ``folder`` (the target's name may be as long as the limit)."""
    import secrets  # here: only a file output needs it, and it costs every start-up a few milliseconds

    for _ in range(100):
        candidate = folder / f".csr-rating-{secrets.token_hex(6)}.tmp"
        try:
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _keep_mode_and_owner(handle: int, replaced: os.stat_result) -> None:
    os.fchmod(handle, stat.S_IMODE(replaced.st_mode))
    if (replaced.st_uid, replaced.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(handle, replaced.st_uid, replaced.st_gid)
        except PermissionError:  # only root may give a file away: the mode is kept at least
            pass


def _publish_new(temporary: Path, target: Path, shown: str) -> None:
    """Put a new file in place only if nothing is there yet."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise InputError(shown, "already exists (another writer got there first); pass --force to replace it") from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        claim = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)  # FileExistsError: as above
        os.close(claim)
        os.replace(temporary, target)
        return
    temporary.unlink()


def write_text(path: Path | str, text: str, force: bool = False, *, inputs: Iterable[Path | str] = ()) -> None:
    """Write ``text`` to ``path`` (``-``: standard output) by the rules in the module docstring;
    ``inputs`` are the files the text was made from, which it may never replace."""
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    shown = str(path)
    for source in inputs:
        if str(source) != STDOUT and _same_file(source, path):
            raise InputError(shown, "is the input file; write the output to another file")
    target, replaced = _existing(path, force)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(shown, f"folder {str(folder)!r} does not exist")
    data = text.encode("utf-8")
    temporary: Path | None = None
    try:
        handle, temporary = _temporary(folder, NEW_FILE_MODE)
        try:
            if replaced is not None:
                _keep_mode_and_owner(handle, replaced)
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        finally:
            os.close(handle)
        if replaced is None:
            try:
                _publish_new(temporary, target, shown)
            except FileExistsError:
                raise InputError(
                    shown, "already exists (another writer got there first); pass --force to replace it"
                ) from None
        else:
            os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise InputError(shown, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if temporary is not None:
            try:
                temporary.unlink()
            except OSError:
                pass
