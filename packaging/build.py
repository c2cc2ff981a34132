"""Build the one-folder desktop app with PyInstaller, then smoke-test it.

    pip install ".[build]" && python packaging/build.py      # → dist/jcviewer/jcviewer (jcviewer.exe on Windows)

Prints the folder's size (goal: under 200 MB) and the frozen app's ``--self-test`` line; exits non-zero if the
build or the self-test fails, or the folder is over the limit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "jcviewer.spec"
SIZE_LIMIT_MB = 200


def folder_size(folder: Path) -> int:
    """Bytes in every file under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def executable(dist: Path) -> Path:
    """The frozen app's program file."""
    return dist / "jcviewer" / ("jcviewer.exe" if sys.platform == "win32" else "jcviewer")


def strip_libraries(app: Path) -> None:
    """Symbols nothing links against are a good part of libpython's size (23 MB → 5 MB), pdfium's, ICU's and the
    standard library's extension modules' (11 MB in all; the Qt libraries come stripped already). Not numpy's
    OpenBLAS: stripping it breaks it. The self-test runs on the stripped app."""
    strip = shutil.which("strip")
    if not strip or not sys.platform.startswith("linux"):
        return
    for library in app.rglob("*.so*"):
        if library.is_file() and not library.is_symlink() and "numpy.libs" not in library.parts:
            subprocess.run([strip, "--strip-unneeded", str(library)], check=True)


def self_test(program: Path) -> subprocess.CompletedProcess[str]:
    """Run ``program --self-test`` offscreen, from another directory, with a fresh cache and settings."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([str(program), "--self-test"], cwd=program.parent.parent, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    args = parser.parse_args()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(args.work), str(SPEC)],
        check=True, cwd=ROOT,
    )
    strip_libraries(args.dist / "jcviewer")
    built = time.perf_counter() - start
    size_mb = folder_size(args.dist / "jcviewer") / 1e6
    print(f"built {args.dist / 'jcviewer'} in {built:.0f} s: {size_mb:.1f} MB (limit {SIZE_LIMIT_MB} MB)")
    result = self_test(executable(args.dist))
    print((result.stdout or result.stderr).strip().splitlines()[-1] if (result.stdout or result.stderr) else "")
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 1
    return 0 if size_mb < SIZE_LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
