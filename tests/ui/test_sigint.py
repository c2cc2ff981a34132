"""Ctrl+C in the terminal (SIGINT) quits the window cleanly: exit code 0, settings saved, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60  # generous: a cold start on a loaded CI machine
QUIT_SECONDS = 15  # background work is given up to 10 s (wait_for_background_work)


def _settings_file(config: Path) -> Path:
    return config / "jcviewer" / "jcviewer.conf"  # QSettings' user scope on Linux and other XDG systems


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT cannot be sent to another process on Windows")
@pytest.mark.timeout(STARTUP_SECONDS + QUIT_SECONDS + 30)
def test_sigint_quits_the_window_cleanly(tmp_path: Path) -> None:
    """Issue 12 item 13: the window ignored Ctrl+C."""
    config = tmp_path / "config"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(config),
        PYTHONPATH=str(ROOT),
        PYTHONIOENCODING="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "jcviewer"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        # The window remembers the node it selects; QSettings writes that to disk from the event loop, so the
        # file appearing means the event loop is running.
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _settings_file(config).exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the window did not start"
            time.sleep(0.05)
        time.sleep(0.5)  # and let the first paint start its background work: quitting must wait for it
        _settings_file(config).unlink()  # so what is there after quitting was written by quitting
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=QUIT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    assert time.monotonic() - started < QUIT_SECONDS
    saved = _settings_file(config).read_text(encoding="utf-8")
    assert "geometry=" in saved and "splitter=" in saved  # quit through the normal path: the window saved
