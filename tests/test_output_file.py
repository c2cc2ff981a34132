"""An output is written whole or not at all: a new file with the permissions of a file the user creates, a
replaced one with its own."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from jcviewer.output_file import replacing

posix_modes = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_modes
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=oct)
def test_a_new_output_gets_the_users_default_permissions_without_the_umask_being_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mask: int, expected: int
) -> None:
    out = tmp_path / "brief.pdf"
    with umask(mask):
        monkeypatch.setattr(os, "umask", lambda _: pytest.fail("the process umask was changed"))
        with replacing(out) as temporary:
            temporary.write_bytes(b"new")
        monkeypatch.undo()
    assert out.read_bytes() == b"new" and mode(out) == expected  # mkstemp's would be 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


@posix_modes
@pytest.mark.parametrize("kept", [0o600, 0o640, 0o444], ids=oct)
def test_a_replaced_output_keeps_its_permissions(tmp_path: Path, kept: int) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    out.chmod(kept)
    with umask(0o022), replacing(out) as temporary:
        temporary.write_bytes(b"new")
        assert out.read_bytes() == b"old"  # not yet
    assert out.read_bytes() == b"new" and mode(out) == kept  # a private briefing is not made world-readable
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    out.write_bytes(b"old")
    with pytest.raises(OSError), replacing(out) as temporary:
        temporary.write_bytes(b"half")
        raise OSError("disk full")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_a_failed_new_output_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError), replacing(tmp_path / "brief.pdf") as temporary:
        temporary.write_bytes(b"half")
        raise OSError("disk full")
    assert not list(tmp_path.iterdir())


def test_a_temporary_name_taken_meanwhile_is_not_written_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = tmp_path / ".jcviewer-taken.pdf"
    taken.write_bytes(b"someone else's")
    names = iter(["taken", "free"])
    monkeypatch.setattr("jcviewer.output_file.secrets.token_hex", lambda _: next(names))
    with replacing(tmp_path / "brief.pdf") as temporary:
        assert temporary.name == ".jcviewer-free.pdf"
        temporary.write_bytes(b"new")
    assert taken.read_bytes() == b"someone else's" and (tmp_path / "brief.pdf").read_bytes() == b"new"
