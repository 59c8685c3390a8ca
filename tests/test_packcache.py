"""The criteria cache (csr_rating/packcache.py): keyed by contents, so it never serves a stale pack;
passed over when damaged or unusable; a cached load is the same pack as one from the files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from csr_rating import loading, packcache
from csr_rating.errors import InputError
from csr_rating.loading import load_criteria
from tests.conftest import ROOT


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "csr-rating"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "criteria"
    shutil.copytree(ROOT / "criteria", root)
    return root


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.pickle"))


def snapshot(root: Path) -> tuple[object, ...]:
    loaded = load_criteria(root)
    telecom = loaded.catalogs["telecom"]
    return (loaded.standard.model_dump(), [d.model_dump() for d in loaded.dimensions], telecom.model_dump())


def test_a_cached_load_is_the_same_pack(cache: Path, pack: Path) -> None:
    first = snapshot(pack)
    assert len(entries(cache)) == 3  # the standard, telecom and the general catalog it extends
    assert snapshot(pack) == first


def test_a_second_load_reads_no_yaml(cache: Path, pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot(pack)

    def parse(*args: object) -> None:
        raise AssertionError("parsed a criteria file although it is cached")

    monkeypatch.setattr(loading, "parse", parse)
    monkeypatch.setattr(loading, "load_yaml", parse)
    snapshot(pack)


def test_a_changed_file_is_a_new_pack(cache: Path, pack: Path) -> None:
    load_criteria(pack)
    path = pack / "cass-csr-4.0" / "standard.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("version:", "version: '9.9' #", 1), encoding="utf-8")
    assert load_criteria(pack).standard.version == "9.9"
    catalog = pack / "industries" / "telecom.yaml"
    before = load_criteria(pack).catalogs["telecom"].name.en
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(before, "Renamed telecom", 1), encoding="utf-8")
    assert load_criteria(pack).catalogs["telecom"].name.en == "Renamed telecom"


def test_an_added_file_is_a_new_pack(cache: Path, pack: Path) -> None:
    load_criteria(pack)
    (pack / "industries" / "stray.yml").write_text("id: stray\n", encoding="utf-8")
    with pytest.raises(InputError, match="catalog files end in .yaml"):
        load_criteria(pack)


def test_a_broken_file_is_an_error_even_after_a_cached_load(cache: Path, pack: Path) -> None:
    load_criteria(pack)
    (pack / "cass-csr-4.0" / "balance.yaml").write_text("dimension: balance\ncriteria: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="balance.yaml"):
        load_criteria(pack)


def test_a_damaged_cache_is_passed_over(cache: Path, pack: Path) -> None:
    first = snapshot(pack)
    for index, entry in enumerate(entries(cache)):
        data = entry.read_bytes()
        damaged = [b"", data[: len(data) // 2], data[:-1] + bytes([data[-1] ^ 1]), b"not a pickle at all"][index % 4]
        entry.write_bytes(damaged)
    assert snapshot(pack) == first
    assert snapshot(pack) == first  # and rewritten


def test_an_entry_others_could_write_is_not_read(cache: Path, pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot(pack)
    for entry in entries(cache):
        entry.chmod(0o666)
    monkeypatch.setattr(packcache.pickle, "loads", lambda data: pytest.fail("read a group-writable entry"))
    snapshot(pack)


def test_an_unusable_cache_folder_is_ignored(tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_criteria(pack).standard.id == "cass-csr-4.0"


def test_old_packs_are_removed(cache: Path, pack: Path) -> None:
    path = pack / "cass-csr-4.0" / "standard.yaml"
    text = path.read_text(encoding="utf-8")
    for n in range(packcache.KEEP + 3):
        path.write_text(text + f"# edit {n}\n", encoding="utf-8")
        load_criteria(pack)
    assert len([p for p in (cache / "packs").iterdir() if p.is_dir()]) == packcache.KEEP


def test_the_key_covers_every_module_the_loader_imports() -> None:
    """A module that shapes a loaded pack but is left out of PACK_CODE would let a changed program
    serve a pack it no longer makes."""
    found = subprocess.run(
        [sys.executable, "-c", "import sys, csr_rating.loading; print(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True, cwd=ROOT, env={**os.environ},
    ).stdout.split()  # fmt: skip
    package = ROOT / "csr_rating"
    for name in (m for m in found if m == "csr_rating" or m.startswith("csr_rating.")):
        parts = name.split(".")[1:]
        file = package.joinpath(*parts, "__init__.py") if (package.joinpath(*parts)).is_dir() else package.joinpath(*parts[:-1], parts[-1] + ".py")
        relative = file.relative_to(package)
        assert relative.parts[0] in packcache.PACK_CODE, f"{relative} shapes a loaded pack: add it to PACK_CODE"
