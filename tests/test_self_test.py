"""``jcviewer --self-test`` from the source tree: every main path, one line, exit 0."""

from __future__ import annotations

from pathlib import Path

from process import run_jcviewer


def test_self_test_passes_offscreen_and_says_so_in_one_line(tmp_path: Path) -> None:
    result = run_jcviewer("--self-test", cwd=tmp_path, unset=("QT_QPA_PLATFORM", "DISPLAY"))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.count("\n") == 0 and line.startswith("jcviewer self-test ok: 13 paragraphs, 5 quotes, 8 targets")
    assert "briefing 1 page" in line and "screenshot 1200×800" in line
