"""Write resources/unicode/radicals.tsv: each radical or compatibility ideograph a CJK font draws with the glyph
of a unified ideograph, and that ideograph (what ``jcviewer.model.pdf.unicode_fix`` reads a PDF's text layer by).

Run by hand from the top of the source tree (needs PySide6 and the Noto CJK fonts):
``PYTHONPATH=. python3 packaging/unicode/build_radical_table.py [font.ttc …]``. Each face of each font
collection is read; the Simplified Chinese faces come first, so where faces disagree the glyph a Chinese page shows
decides.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont  # noqa: E402

from jcviewer.ui.pdf_text_layer import shared_ideographs  # noqa: E402

FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)
TABLE = Path(__file__).resolve().parents[2] / "resources" / "unicode" / "radicals.tsv"


def _faces(fonts: list[Path]) -> list[tuple[str, QRawFont]]:
    """Every face of ``fonts`` as a raw font, Simplified Chinese families first."""
    families: list[str] = []
    for font in fonts:
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id < 0:
            sys.exit(f"cannot load {font}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    families.sort(key=lambda family: (not family.endswith(" SC"), family))
    return [(family, QRawFont.fromFont(QFont(family))) for family in families]


def main(arguments: list[str]) -> None:
    """Build the table from the fonts given (the Noto CJK collections by default) and write it."""
    QGuiApplication(arguments[:1])
    fonts = [Path(argument) for argument in arguments[1:]] or list(FONTS)
    faces = _faces(fonts)
    table = shared_ideographs(raw for _, raw in faces)
    lines = [
        "# Radicals (U+2E80-U+2FDF) and compatibility ideographs (U+F900-U+FAFF) -> the unified ideograph drawn",
        "# with the same glyph, from the fonts' cmaps (first face that maps both decides).",
        "# Made by packaging/unicode/build_radical_table.py from " + ", ".join(font.name for font in fonts) + ";",
        "# faces in order: " + ", ".join(family for family, _ in faces) + ".",
    ]
    lines += [f"U+{code:04X}\t{chr(ideograph)}" for code, ideograph in sorted(table.items())]
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TABLE}: {len(table)} code points")


if __name__ == "__main__":
    main(sys.argv)
