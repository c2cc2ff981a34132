"""The core never imports Qt or pyqtgraph: it must load with both blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCK_AND_IMPORT = """
import sys
class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "jieba"):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Blocker())
from jcviewer.model.parse import load_report
from jcviewer.model.export import to_json
from jcviewer.resources import bundled_report
import jcviewer.cli
assert to_json(load_report(bundled_report()))["quotes"]
print("ok")
"""


def test_model_and_cli_dump_import_without_qt() -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_IMPORT], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
