"""Chinese renders on a machine without Chinese fonts: the bundled Noto Sans CJK SC subset steps in, and the Noto
Serif CJK SC subset for the 公文 briefing style when the system has no serif CJK face."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from latin_fonts import latin_only_env
from PySide6.QtGui import QRawFont

from jcviewer.resources import resource_path
from jcviewer.ui.fonts import BUNDLED_FONT, BUNDLED_SERIF_FONTS, choose_cjk_font, choose_serif_family

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


SERIF_PROBE = """
import json
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication
app = QApplication([])
from jcviewer.app import create_session
from jcviewer.ui.fonts import register_fonts, serif_family
session = create_session("zh")
before = QFontDatabase.families()
registered = register_fonts.cache_info().misses
family = serif_family()
again = serif_family()
def drawn(bold):
    font = QFont(family, 12)
    font.setBold(bold)
    raw = QRawFont.fromFont(font)
    return {
        "family": raw.familyName(),
        "style": raw.styleName(),
        "glyphs": raw.glyphIndexesForString("交城县委"),
        "supported": [raw.supportsCharacter(ord(c)) for c in "交城县委"],
    }
print(json.dumps({
    "system_cjk": QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese),
    "serif_before_asked": "Noto Serif CJK SC" in before,
    "family": family,
    "again": again,
    "registrations": register_fonts.cache_info().misses - registered,
    "regular": drawn(False),
    "bold": drawn(True),
}))
"""


def _probe(script: str, env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    probe: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return probe


def test_without_system_cjk_fonts_the_bundled_font_draws_jiaocheng(tmp_path: Path) -> None:
    probe = _probe(PROBE, latin_only_env(tmp_path))
    assert probe["system_cjk"] == []
    assert probe["bundled"] is True and probe["family"] == "Noto Sans CJK SC"
    assert probe["raw_family"] == "Noto Sans CJK SC"
    assert probe["glyphs"] == [True, True, True, True]
    assert probe["app_families"][-1] == "Noto Sans CJK SC"  # the UI font falls back to it for Chinese


def test_a_system_cjk_font_is_preferred_over_the_bundled_one() -> None:
    assert choose_cjk_font(["DejaVu Sans", "WenQuanYi Micro Hei", "Microsoft YaHei"]).family == "Microsoft YaHei"
    choice = choose_cjk_font(["Some Other CJK"])
    assert (choice.family, choice.bundled) == ("Some Other CJK", False)


def test_without_system_cjk_fonts_the_bundled_serif_draws_regular_and_bold_once_asked(tmp_path: Path) -> None:
    probe = _probe(SERIF_PROBE, latin_only_env(tmp_path))
    assert probe["system_cjk"] == ["Noto Sans CJK SC", "Noto Serif CJK SC"]  # the bundled sans, then the serif
    assert probe["serif_before_asked"] is False  # start-up registers the sans only
    assert probe["family"] == probe["again"] == "Noto Serif CJK SC"
    assert probe["registrations"] == 1
    for weight, style in (("regular", "Regular"), ("bold", "Bold")):
        drawn = probe[weight]
        assert isinstance(drawn, dict)
        assert (drawn["family"], drawn["style"]) == ("Noto Serif CJK SC", style)
        assert drawn["supported"] == [True] * 4
        assert 0 not in drawn["glyphs"]


def test_a_system_serif_or_fangsong_face_is_preferred_in_order() -> None:
    assert choose_serif_family(["DejaVu Serif", "AR PL UMing CN", "SimSun", "仿宋"]) == "仿宋"
    assert choose_serif_family(["Noto Sans CJK SC", "SimSun", "Noto Serif CJK SC"]) == "Noto Serif CJK SC"
    assert choose_serif_family(["WenQuanYi Micro Hei", "AR PL UMing CN"]) == "AR PL UMing CN"


@cache
def _characters(file: str) -> frozenset[int]:
    """Every code point the font file maps to a glyph."""
    raw = QRawFont(str(resource_path(file)), 12)
    assert raw.isValid(), file
    return frozenset(code for code in range(0x110000) if raw.supportsCharacter(code))


@pytest.mark.parametrize("serif", BUNDLED_SERIF_FONTS)
def test_the_serif_subsets_hold_the_characters_of_the_sans_subset(qapp, serif: str) -> None:  # noqa: ANN001
    sans = _characters(BUNDLED_FONT)
    assert len(sans) > 7000  # GB2312 and more
    assert _characters(serif) == sans
