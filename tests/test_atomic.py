"""Atomic writes: the new text or the old file, never half of one; normal permissions."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.atomic import write_atomic, write_atomic_all


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_new_file_gets_the_umask_mode(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "text")
    assert target.read_text() == "text"
    assert _mode(target) == 0o640


def test_atomic_new_file_is_readable_by_others_under_umask_022(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", "text")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "report.md") == 0o644


def test_atomic_replaced_file_keeps_its_mode(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o664)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert _mode(target) == 0o664


def test_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "sub" / "report.md", "text")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["report.md"]


def test_atomic_error_names_the_target_not_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "transit.md"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(target, "text")
    assert caught.value.filename == str(target)
    assert caught.value.filename2 is None
    assert [p.name for p in tmp_path.iterdir()] == ["transit.md"]  # no temporary file left


def test_atomic_error_under_a_file_names_the_target(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    target = tmp_path / "afile" / "report.md"
    with pytest.raises(OSError) as caught:
        write_atomic(target, "text")
    assert caught.value.filename == str(target)


def test_atomic_all_leaves_every_old_file_when_one_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    md, js = tmp_path / "story.md", tmp_path / "story.json"
    md.write_text("old md")
    js.write_text("old json")
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the second file: the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="No space left") as info:
        write_atomic_all({md: "new md", js: "new json"})
    assert info.value.filename == str(js)
    assert md.read_text() == "old md" and js.read_text() == "old json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.json", "story.md"]


def test_atomic_all_replaces_every_file(tmp_path: Path) -> None:
    md, js = tmp_path / "story.md", tmp_path / "story.json"
    md.write_text("old md")
    write_atomic_all({md: "new md", js: "new json"})
    assert md.read_text() == "new md" and js.read_text() == "new json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.json", "story.md"]


def test_atomic_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "story.md"
    real.write_text("old")
    link = tmp_path / "story.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["story.md"]


def test_atomic_writes_a_lone_surrogate_as_the_replacement_character(tmp_path: Path) -> None:
    import json

    path = tmp_path / "r.json"
    write_atomic(path, json.dumps({"path": "caf\udce9.txt"}, ensure_ascii=False))
    assert json.loads(path.read_text(encoding="utf-8")) == {"path": "caf\ufffd.txt"}
