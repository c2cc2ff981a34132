"""The desktop package: PyInstaller builds the one-folder app, and the frozen app passes its self-test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.frozen
@pytest.mark.timeout(900)
def test_the_frozen_app_builds_under_200_mb_and_passes_its_self_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason='pip install ".[build]"')
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "jcviewer self-test ok:" in result.stdout
    app = tmp_path / "dist" / "jcviewer"
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 200e6
    internal = app / "_internal"
    assert (internal / "resources" / "fonts" / "NotoSansCJKsc-Regular-subset.otf").is_file()
    assert (internal / "jieba" / "dict.txt").is_file()
    assert list(internal.rglob("*pdfium*")), "pypdfium2's library is missing: PDFs would not open"
    assert not list(app.rglob("*.cache")) and not (internal / "jieba" / "lac_small").exists()
    assert not list(app.rglob("*Qt6Qml*")) and not list(app.rglob("*Qt6Quick*"))
