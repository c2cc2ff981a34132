"""`jcviewer brief` and `jcviewer screenshot` never write over the report, nor onto anything but a file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from process import run_jcviewer

from jcviewer.resources import bundled_report


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_bytes(bundled_report().read_bytes())
    return path


@pytest.mark.parametrize("command", ["brief", "screenshot"])
@pytest.mark.parametrize("through_a_link", [False, True])
def test_the_report_is_never_the_output(tmp_path: Path, report: Path, command: str, through_a_link: bool) -> None:
    target = report
    if through_a_link:
        target = tmp_path / "out.pdf"
        target.symlink_to(report)
    before = report.read_bytes()
    args = ["brief", str(report), "-o", str(target)] if command == "brief" else ["screenshot", str(target), str(report)]
    result = run_jcviewer(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "is the report being read" in result.stderr and "Traceback" not in result.stderr
    assert report.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/full is POSIX")
def test_a_device_is_no_output_file(tmp_path: Path) -> None:
    result = run_jcviewer("brief", "-o", "/dev/full", cwd=tmp_path)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_an_output_is_replaced_only_once_written(tmp_path: Path) -> None:
    out = tmp_path / "briefing.pdf"
    out.write_bytes(b"an older briefing")
    assert run_jcviewer("brief", "-o", str(out), cwd=tmp_path).returncode == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".jcviewer-*"))  # no temporary file left behind
