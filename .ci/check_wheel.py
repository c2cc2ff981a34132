"""Fail when the wheel lacks a module or a resource file of the checkout.

Usage: python3 .ci/check_wheel.py WHEEL. Every tracked ``jcviewer/**.py`` must be in the wheel at the same path
and every tracked ``resources/**`` file under ``jcviewer/_resources/``, where ``jcviewer.resources`` looks.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def expected_members() -> set[str]:
    """The wheel paths of the checkout's modules and resources."""
    tracked = subprocess.run(
        ["git", "ls-files", "jcviewer", "resources"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    modules = {path for path in tracked if path.startswith("jcviewer/") and path.endswith(".py")}
    resources = {
        "jcviewer/_resources/" + path.removeprefix("resources/") for path in tracked if path.startswith("resources/")
    }
    return modules | resources


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as archive:
        present = set(archive.namelist())
    missing = sorted(expected_members() - present)
    if missing:
        print(f"check_wheel: {len(missing)} file(s) of the checkout are missing from {wheel}:", file=sys.stderr)
        print("\n".join(f"  {path}" for path in missing), file=sys.stderr)
        return 1
    print(f"check_wheel: all {len(expected_members())} modules and resources are in {Path(wheel).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
