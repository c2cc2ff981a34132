"""Chinese fonts: use the system's CJK font, or register the bundled Noto Sans CJK SC subset when there is none;
for the 公文 briefing style a system serif or fangsong CJK face, or the bundled Noto Serif CJK SC subset."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from jcviewer.resources import resource_path

log = logging.getLogger(__name__)

BUNDLED_FONT = "fonts/NotoSansCJKsc-Regular-subset.otf"
BUNDLED_SERIF_FONTS = ("fonts/NotoSerifCJKsc-Regular-subset.otf", "fonts/NotoSerifCJKsc-Bold-subset.otf")
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)
# Serif (宋体) and fangsong (仿宋) faces an official document is set in, open ones first; Windows may list a family
# under its Chinese name.
SERIF_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "FangSong",
    "仿宋",
    "FZFangSong-Z02",
    "STFangsong",
    "SimSun",
    "宋体",
    "Songti SC",
    "STSong",
    "AR PL UMing CN",
)


@dataclass(frozen=True)
class FontChoice:
    """The family that renders Chinese, and whether it is the bundled subset."""

    family: str
    bundled: bool


@cache
def register_fonts(*files: str) -> str:
    """Register bundled font files (``resources/`` paths, the weights of one family) once; return the family."""
    families = []
    for file in files:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(file)))
        if font_id < 0:
            raise RuntimeError(f"cannot load the bundled font {file}")
        families.append(QFontDatabase.applicationFontFamilies(font_id)[0])
    return families[0]


def register_bundled_font() -> str:
    """Register the bundled CJK font (once); return its family."""
    return register_fonts(BUNDLED_FONT)


def choose_cjk_font(system_families: list[str]) -> FontChoice:
    """A system CJK family when there is one (preferring well-known ones), else the bundled font."""
    for family in PREFERRED_FAMILIES:
        if family in system_families:
            return FontChoice(family, bundled=False)
    if system_families:
        return FontChoice(system_families[0], bundled=False)
    return FontChoice(register_bundled_font(), bundled=True)


def choose_serif_family(system_families: list[str]) -> str:
    """A system serif or fangsong CJK family (in the order of SERIF_FAMILIES), else the bundled serif (regular and
    bold), registered on first use."""
    for family in SERIF_FAMILIES:
        if family in system_families:
            return family
    return register_fonts(*BUNDLED_SERIF_FONTS)


def serif_family() -> str:
    """The family for the 公文 briefing style's title and body. Asked for on demand, so start-up never loads the
    bundled serif."""
    return choose_serif_family(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def install_cjk_font(app: QGuiApplication) -> FontChoice:
    """Make Chinese render everywhere: the app font falls back to a CJK family, registered if need be."""
    choice = choose_cjk_font(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    font = app.font()
    font.setFamilies([*font.families(), choice.family])
    app.setFont(font)
    log.info("CJK font: %s%s", choice.family, " (bundled)" if choice.bundled else "")
    return choice


def reading_font(choice: FontChoice, point_size: float) -> QFont:
    """The font for report text (detail pane, charts): the CJK family first, the UI family for what it lacks."""
    font = QFont(QGuiApplication.font())
    font.setFamilies([choice.family, *[f for f in font.families() if f != choice.family]])
    font.setPointSizeF(point_size)
    return font
