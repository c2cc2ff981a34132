"""An output is written whole or not at all, with the permissions of a file the user creates."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jcviewer.output_file import replacing


def test_the_output_replaces_the_old_file_with_user_permissions(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    mask = os.umask(0o022)
    try:
        with replacing(out) as temporary:
            temporary.write_bytes(b"new")
            assert out.read_bytes() == b"old"  # not yet
    finally:
        os.umask(mask)
    assert out.read_bytes() == b"new" and stat.S_IMODE(out.stat().st_mode) == 0o644  # mkstemp's would be 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    out.write_bytes(b"old")
    with pytest.raises(OSError), replacing(out) as temporary:
        temporary.write_bytes(b"half")
        raise OSError("disk full")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["brief.docx"]
