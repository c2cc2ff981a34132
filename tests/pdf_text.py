"""Reading the PDFs tests write, with poppler-utils (pdfinfo, pdftotext, pdffonts)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

requires_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (CI installs it)")


def poppler(tool: str, pdf: Path) -> str:
    """What a poppler tool prints about ``pdf`` (pdftotext: the text)."""
    return subprocess.run(
        [tool, str(pdf), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def pages(pdf: Path) -> int:
    """The number of pages."""
    return int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", pdf))[1])


def text_of(pdf: Path) -> str:
    """The text, with all whitespace removed."""
    return re.sub(r"\s+", "", poppler("pdftotext", pdf))


def assert_fonts_embedded(pdf: Path) -> None:
    """Every font of the PDF is embedded."""
    rows = poppler("pdffonts", pdf).splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
