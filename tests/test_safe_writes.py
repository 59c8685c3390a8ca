"""Writing output: nothing a user wrote is lost, nothing odd is replaced, nothing half-written is seen."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from csr_rating import output
from csr_rating.errors import InputError
from csr_rating.output import write_text
from tests.conftest import REFERENCE, ROOT


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    saved: list[int] = []

    def set_mask(mask: int) -> None:
        saved.append(os.umask(mask))

    yield set_mask
    if saved:
        os.umask(saved[0])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask, mask: int, mode: int) -> None:
    umask(mask)
    target = tmp_path / "card.txt"
    write_text(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_force_keeps_the_replaced_files_mode(tmp_path: Path, umask) -> None:
    umask(0o077)
    target = tmp_path / "card.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_force_as_root_keeps_the_owner_so_the_user_can_still_read_it(tmp_path: Path) -> None:
    target = tmp_path / "card.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    os.chown(target, 12345, 12345)
    write_text(target, "new", force=True)
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 12345, 0o644)


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "card.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="already exists; pass --force"):
        write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "mine" and _leftovers(tmp_path) == []


def test_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for force in (False, True):
        with pytest.raises(InputError, match="not a regular file"):
            write_text(fifo, "x", force=force)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _leftovers(tmp_path) == []


def test_a_device_is_refused_even_with_force() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        write_text(Path("/dev/null"), "x", force=True)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_text(tmp_path, "x", force=True)


def test_a_dangling_or_looping_link_is_refused_even_with_force(tmp_path: Path) -> None:
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for force in (False, True):
        with pytest.raises(InputError, match="symbolic link to nothing"):
            write_text(dangling, "x", force=force)
        with pytest.raises(InputError, match="cannot write"):
            write_text(loop, "x", force=force)
    assert not (tmp_path / "nowhere").exists() and dangling.is_symlink()


def test_force_through_a_link_writes_the_file_it_points_to_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new", force=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_second_writer_never_silently_replaces_the_first(tmp_path: Path, monkeypatch) -> None:
    """The check for an existing file and the publishing are one step: a file that appears in
    between (another run writing the same -o) is not replaced."""
    target = tmp_path / "card.txt"
    real_existing = output._existing

    def racing(path: Path, force: bool):
        found = real_existing(path, force)
        target.write_text("first writer", encoding="utf-8")  # the other run publishes now
        return found

    monkeypatch.setattr(output, "_existing", racing)
    with pytest.raises(InputError, match="another writer got there first"):
        write_text(target, "second writer")
    assert target.read_text(encoding="utf-8") == "first writer" and _leftovers(tmp_path) == []


def test_a_name_as_long_as_the_file_system_allows_works(tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    target = tmp_path / ("c" * (limit - 5) + ".json")
    write_text(target, "x")
    assert target.read_text(encoding="utf-8") == "x"


def test_an_interrupted_or_failed_write_leaves_neither_file_nor_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "card.txt"

    def interrupted(handle: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text(target, "x")

    def disk_full(handle: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "write", disk_full)
    with pytest.raises(InputError, match="cannot write: No space left on device"):
        write_text(target, "x")
    assert list(tmp_path.iterdir()) == []


def test_the_input_is_never_the_output(tmp_path: Path, cli) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("China Telecom 2020 CSR report\nRevenue 2020: 100\n", encoding="utf-8")
    run = cli("ingest", str(draft), "-o", str(draft), "--force")
    assert run.code == 2 and run.stderr.count("\n") == 1 and "is the input file" in run.stderr
    assert draft.read_text(encoding="utf-8").startswith("China Telecom")
    copy = tmp_path / "report.yaml"
    copy.write_bytes(REFERENCE.read_bytes())
    run = cli("score", str(copy), "-o", str(copy), "--force")
    assert run.code == 2 and "is the input file" in run.stderr and copy.read_bytes() == REFERENCE.read_bytes()


def test_dash_is_standard_output(tmp_path: Path, cli) -> None:
    run = cli("score", str(REFERENCE), "-f", "json", "-o", "-", cwd=tmp_path)
    assert run.code == 0 and run.stdout.lstrip().startswith("{") and list(tmp_path.iterdir()) == []


def _main_with(app_source: str) -> subprocess.CompletedProcess[str]:
    """The real ``main`` in a new process, its app replaced by ``app_source`` (defines ``app``)."""
    code = f"import errno, os, signal\nfrom csr_rating import cli\n{app_source}\ncli.app = app\ncli.main()\n"
    return subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_sigterm_exits_143_with_one_line() -> None:
    done = _main_with("def app(**kwargs):\n    os.kill(os.getpid(), signal.SIGTERM)")
    assert done.returncode == 143 and done.stderr == "csr-rating: terminated\n"


def test_an_os_error_anywhere_is_one_line_and_exit_2() -> None:
    done = _main_with("def app(**kwargs):\n    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), 'criteria/x')")
    assert done.returncode == 2 and done.stderr == "csr-rating: criteria/x: Too many levels of symbolic links\n"


def test_an_unreadable_criteria_sub_folder_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    """Run as root the permission cannot be taken away, so the refusal is simulated where it happens."""
    from csr_rating.cli import main

    (tmp_path / "locked").mkdir()
    real_is_file = Path.is_file

    def is_file(self: Path) -> bool:
        if self.parent.name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr(sys, "argv", ["csr-rating", "criteria", "lint", str(tmp_path)])
    with pytest.raises(SystemExit) as done:
        main()
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.count("\n") == 1 and "locked" in err and "Permission denied" in err
