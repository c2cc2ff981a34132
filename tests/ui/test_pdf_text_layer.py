"""The PDF text layer reads as the text drawn: radicals a CJK font shares glyphs with become the ideographs, in
the ToUnicode maps only, at the same length; with the system's Noto CJK font (CI installs it) and without."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from latin_fonts import latin_only_env
from pdf_text import poppler, requires_poppler
from process import run_jcviewer
from PySide6.QtGui import QFont, QRawFont

from jcviewer.ui.fonts import register_bundled_font
from jcviewer.ui.pdf_text_layer import fix_text_layer, shared_ideographs

CMAP = (
    b"1 0 obj\n<< /Type /Font /ToUnicode 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Length 200 >>\nstream\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    b"2 beginbfrange\n<0001> <0003> [<4E2D> <2F17> <2EA0>]\n<2F17> <2F17> <2EA0>\nendbfrange\n"
    b"1 beginbfchar\n<2EA0> <2F17>\nendbfchar\nendstream\nendobj\n"
    b"3 0 obj\n<< /Length 10 >>\nstream\n<2F17> <2EA0>\nendstream\nendobj\n"
)
TABLE = {0x2F17: 0x5341, 0x2EA0: 0x6C11}  # ⼗ → 十, ⺠ → 民


def test_only_the_unicode_values_of_tounicode_maps_change_and_the_length_stays() -> None:
    fixed = fix_text_layer(CMAP, TABLE)
    assert len(fixed) == len(CMAP)
    assert b"<0001> <0003> [<4E2D> <5341> <6C11>]" in fixed
    assert b"<2F17> <2F17> <6C11>" in fixed  # a bfrange's character codes stay: they are glyphs, not text
    assert b"<2EA0> <5341>" in fixed  # a bfchar's code stays, its value changes
    assert fixed.endswith(b"stream\n<2F17> <2EA0>\nendstream\nendobj\n")  # not a ToUnicode map: untouched


@requires_poppler
def test_a_radical_in_the_readers_note_does_not_bring_radicals_back(tmp_path: Path) -> None:
    """A note pasted from a PDF may hold ⼯ (U+2F2F); the page's 工 must still read back as 工."""
    out = tmp_path / "brief.pdf"
    done = run_jcviewer("brief", "--note", "请抓好⼯作落实", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = poppler("pdftotext", out)
    assert "经济工作会议" in text.replace("\n", "") and not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]


def test_the_bundled_subset_shares_no_glyph_with_a_radical(qapp) -> None:  # noqa: ANN001
    assert shared_ideographs([QRawFont.fromFont(QFont(register_bundled_font()))]) == {}


def _noto() -> str | None:
    """The file of a system Noto CJK font (not the bundled subset, which may share its family name)."""
    if not shutil.which("fc-list"):
        return None
    files = subprocess.run(["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True, check=False).stdout
    return next((line.strip().rstrip(":") for line in files.splitlines() if "NotoSansCJK" in line), None)


NOTO = _noto()
requires_noto = pytest.mark.skipif(NOTO is None, reason="needs a system Noto CJK font (CI installs fonts-noto-cjk)")


@requires_noto
def test_noto_cjk_shares_glyphs_between_radicals_and_ideographs(qapp) -> None:  # noqa: ANN001
    table = shared_ideographs([QRawFont(NOTO or "", 12)])
    assert table[0x2F17] == ord("十") and table[0x2EA0] == ord("民")


@requires_poppler
@pytest.mark.parametrize("fonts", ["system", "bundled only"])
@pytest.mark.parametrize("style", ["standard", "official"])
@pytest.mark.parametrize("section", ["", "s1", "s2", "lead"])
def test_briefings_read_back_without_radicals(tmp_path: Path, section: str, style: str, fonts: str) -> None:
    if fonts == "system" and NOTO is None:
        pytest.skip("needs a system Noto CJK font (CI installs fonts-noto-cjk)")
    out = tmp_path / "brief.pdf"
    args = ["brief", "-o", str(out), "--style", style, *(["--section", section] if section else [])]
    done = run_jcviewer(*args, cwd=tmp_path, env=latin_only_env(tmp_path) if fonts == "bundled only" else None)
    assert done.returncode == 0, done.stderr
    text = poppler("pdftotext", out)
    misread = sorted({c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF})
    assert not misread, "".join(misread)
    assert "十六届八次" in text.replace("\n", "")


@requires_poppler
@pytest.mark.parametrize("fonts", ["system", "bundled only"])
def test_em_dashes_read_back_as_em_dashes(tmp_path: Path, fonts: str) -> None:
    """Noto CJK draws "——" as one two-em-dash glyph (left out of the text layer) and a lone "—" in its Chinese
    form (read back as the horizontal bar ―)."""
    if fonts == "system" and NOTO is None:
        pytest.skip("needs a system Noto CJK font (CI installs fonts-noto-cjk)")
    report = tmp_path / "dashes.txt"
    text = "某县召开经济工作会议\n\n2024年，全县迎来了新成员——某某新区。会议要求——抓落实、见实效。\n"
    report.write_text(text, "utf-8")
    out = tmp_path / "brief.pdf"
    env = latin_only_env(tmp_path) if fonts == "bundled only" else None
    done = run_jcviewer("brief", str(report), "--section", "s1", "-o", str(out), cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    text = poppler("pdftotext", out).replace("\n", "")
    assert "新成员——某某新区" in text and "要求——抓落实" in text and "―" not in text


def test_a_character_no_font_draws_is_named_in_a_warning(tmp_path: Path) -> None:
    """With only the bundled subset, a rare character of a name prints blank: `brief` says which."""
    report = tmp_path / "rare.txt"
    report.write_text("某县召开会议\n\n记者王旻报道，县委书记赵堃出席会议并讲话。会议要求抓好落实。\n", "utf-8")
    out = tmp_path / "brief.pdf"
    args = ("brief", str(report), "--section", "s1", "-o", str(out))
    done = run_jcviewer(*args, cwd=tmp_path, env=latin_only_env(tmp_path))
    assert done.returncode == 0 and out.exists(), done.stderr
    warning = next(line for line in done.stderr.splitlines() if "missing_glyph" in line)
    assert "旻" in warning and "堃" in warning and "王" not in warning
