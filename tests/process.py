"""Run ``python -m jcviewer`` as a user would: another directory, a chosen environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_jcviewer(
    *args: str,
    cwd: Path,
    unset: tuple[str, ...] = (),
    python_options: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The command's result, with the source tree importable, ``unset`` variables removed, ``env`` added and the
    interpreter given ``python_options`` (e.g. ``-X importtime``)."""
    env = {k: v for k, v in os.environ.items() if k not in unset} | (env or {})
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, *python_options, "-m", "jcviewer", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
