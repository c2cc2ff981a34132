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
import importlib, pkgutil
import jcviewer.model
for module in pkgutil.walk_packages(jcviewer.model.__path__, "jcviewer.model."):
    importlib.import_module(module.name)  # every core module, not just the ones named here
from jcviewer.model.parse import load_report
from jcviewer.model.export import to_json
from jcviewer.model.navigation import build_outline
from jcviewer.model.figures import target_figures
from jcviewer.resources import bundled_report
import jcviewer.cli
report = load_report(bundled_report())
assert to_json(report)["quotes"] and build_outline(report) and target_figures(report)
print("ok")
"""


def test_model_and_cli_dump_import_without_qt() -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_IMPORT], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
