"""Chinese renders on a machine without Chinese fonts: the bundled Noto Sans CJK SC subset steps in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from jcviewer.ui.fonts import choose_cjk_font

PROBE = """
import json
from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication
app = QApplication([])
system = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
from jcviewer.app import create_session
from jcviewer.ui.fonts import reading_font
session = create_session("zh")
raw = QRawFont.fromFont(reading_font(session.fonts, 12))
print(json.dumps({
    "system_cjk": system,
    "family": session.fonts.family,
    "bundled": session.fonts.bundled,
    "raw_family": raw.familyName(),
    "glyphs": [raw.supportsCharacter(ord(c)) for c in "交城县委"],
    "app_families": session.app.font().families(),
}))
"""


def test_without_system_cjk_fonts_the_bundled_font_draws_jiaocheng(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.exists():  # a Latin-only system font, as on a bare Linux desktop
        (fonts / dejavu.name).symlink_to(dejavu)
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["system_cjk"] == []
    assert probe["bundled"] is True and probe["family"] == "Noto Sans CJK SC"
    assert probe["raw_family"] == "Noto Sans CJK SC"
    assert probe["glyphs"] == [True, True, True, True]
    assert probe["app_families"][-1] == "Noto Sans CJK SC"  # the UI font falls back to it for Chinese


def test_a_system_cjk_font_is_preferred_over_the_bundled_one() -> None:
    assert choose_cjk_font(["DejaVu Sans", "WenQuanYi Micro Hei", "Microsoft YaHei"]).family == "Microsoft YaHei"
    choice = choose_cjk_font(["Some Other CJK"])
    assert (choice.family, choice.bundled) == ("Some Other CJK", False)
