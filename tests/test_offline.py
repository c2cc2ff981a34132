"""The app never touches the network: its main paths run with every socket call refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROGRAM = r"""
import socket, sys

attempts = []

def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network access attempted")

for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "socketpair"):
    setattr(socket, name, refuse)

from pathlib import Path
from PySide6.QtCore import QSettings
from jcviewer.cli import main
from jcviewer.app import create_session, open_window
from jcviewer.settings import Settings

scratch = Path(sys.argv[1])
assert main(["dump", "--format", "text"]) == 0
assert main(["search", "乡村振兴 GDP"]) == 0
assert main(["brief", "-o", str(scratch / "brief.pdf")]) == 0
session = create_session("zh")
window = open_window(session, Settings(QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)), None)
window.charts.load_now()
window.search_panel.edit.setText("营商环境")
window.search_panel.run()
from jcviewer.ui.search_panel import shared_segmenter
shared_segmenter()
window.select_node("s3.quotes.1")
session.app.processEvents()
window.close()
assert not attempts, attempts
assert "PySide6.QtNetwork" not in sys.modules
print("offline ok")
"""


def test_open_search_brief_and_window_run_with_sockets_refused(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(Path(__file__).resolve().parents[1]),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("offline ok")
