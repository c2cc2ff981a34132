"""Render resources/icons/jcviewer.svg to the PNG sizes desktops want and a Windows .ico (run by hand).

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "jcviewer.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG does not load", file=sys.stderr)
        return 2
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"jcviewer-{size}.png"), "PNG")
    render(renderer, 256).save(str(ICONS / "jcviewer.ico"), "ICO")
    print(f"{len(SIZES)} PNG sizes and jcviewer.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
