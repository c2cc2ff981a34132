"""Chinese fonts: use the system's CJK font, or register the bundled Noto Sans CJK SC subset when there is none."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from jcviewer.resources import resource_path

log = logging.getLogger(__name__)

BUNDLED_FONT = "fonts/NotoSansCJKsc-Regular-subset.otf"
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)


@dataclass(frozen=True)
class FontChoice:
    """The family that renders Chinese, and whether it is the bundled subset."""

    family: str
    bundled: bool


@cache
def register_bundled_font() -> str:
    """Register the bundled CJK font (once); return its family."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(BUNDLED_FONT)))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {BUNDLED_FONT}")
    return QFontDatabase.applicationFontFamilies(font_id)[0]


def choose_cjk_font(system_families: list[str]) -> FontChoice:
    """A system CJK family when there is one (preferring well-known ones), else the bundled font."""
    for family in PREFERRED_FAMILIES:
        if family in system_families:
            return FontChoice(family, bundled=False)
    if system_families:
        return FontChoice(system_families[0], bundled=False)
    return FontChoice(register_bundled_font(), bundled=True)


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
