"""The window paints before anything slow: pyqtgraph and jieba are not loaded at the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).resolve().parents[2] / "bench" / "startup_probe.py"


def test_first_paint_comes_before_charts_and_jieba_then_charts_arrive(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(PROBE), "jcviewer", str(tmp_path)], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["loaded_at_paint"] == []
    assert probe["charts_loaded"] is True
