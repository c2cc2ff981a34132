"""Rebuild the bundled CJK font subsets in resources/fonts/ from Noto Sans and Noto Serif CJK SC (SIL OFL 1.1).

Every subset holds the same characters: every GB2312 character (6,763 hanzi plus its symbols), ASCII, the CJK and
full-width punctuation blocks, and every character of the bundled reports and UI translations, so names outside
GB2312 that appear in our own text still render. The sans face sets the app and today's briefings; the serif
faces (regular body, bold title) set the 公文 briefing style on a system without a serif CJK font. Run by hand
after adding a report or translation:

    apt-get install -y fonts-noto-cjk && pip install fonttools
    python packaging/fonts/make_font_subset.py [--sans-source …/NotoSansCJK-Regular.ttc]
        [--serif-source …/NotoSerifCJK-Regular.ttc] [--serif-bold-source …/NotoSerifCJK-Bold.ttc]

The licence text is packaging/fonts/OFL.txt, copied next to the fonts in resources/fonts/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/opentype/noto")
SIMPLIFIED_CHINESE_FACE = 2  # face index of the SC face inside each Noto CJK .ttc (JP, KR, SC, TC, HK)
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 punctuation and signs (°, ×, ·)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x203B),  # ‰, ※
    (0x2100, 0x2199),  # ℃, №, arrows
    (0x2264, 0x2265),  # ≤ ≥ (chart and export qualifiers)
    (0x2248, 0x2248),  # ≈
    (0x2460, 0x249B),  # circled and parenthesised numbers
    (0x25A0, 0x25FF),  # geometric shapes (■ ▲ ●)
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
]


@dataclass(frozen=True)
class BundledFont:
    """One bundled font: its name (``--NAME-source`` names its source), the default source, its file."""

    name: str
    source: Path
    output: str


BUNDLED_FONTS = (
    BundledFont("sans", NOTO / "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular-subset.otf"),
    BundledFont("serif", NOTO / "NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular-subset.otf"),
    BundledFont("serif-bold", NOTO / "NotoSerifCJK-Bold.ttc", "NotoSerifCJKsc-Bold-subset.otf"),
)


def gb2312_characters() -> set[str]:
    """Every character GB2312 can encode (rows 0xA1-0xF7, columns 0xA1-0xFE)."""
    characters = set()
    for row in range(0xA1, 0xF8):
        for column in range(0xA1, 0xFF):
            try:
                characters.add(bytes((row, column)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return characters


def own_text_characters() -> set[str]:
    """Characters of the bundled reports and translations."""
    characters: set[str] = set()
    for pattern in ("reports/*.txt", "reports/*.toml", "i18n/*.ts", "dict/*"):
        for path in (ROOT / "resources").glob(pattern):
            characters.update(path.read_text(encoding="utf-8"))
    return characters


def subset_characters() -> set[str]:
    """The one character list every bundled subset is made from."""
    characters = gb2312_characters() | own_text_characters()
    characters |= {chr(code) for start, end in RANGES for code in range(start, end + 1)}
    return {c for c in characters if c.isprintable() or c == " "}


def simplified_chinese_only(font: TTFont) -> None:
    """Drop the Japanese, Korean and Traditional Chinese language systems: their ``locl`` forms are glyphs a
    Simplified Chinese text never shows, and about half a subset's size. The default language systems stay, so
    text looks the same (the serif's tabular digits in Latin runs come from the default ``latn`` one)."""
    for tag in ("GSUB", "GPOS"):
        for record in font[tag].table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [lang for lang in script.LangSysRecord if lang.LangSysTag == "ZHS "]
            script.LangSysCount = len(script.LangSysRecord)


def make_subset(source: Path, characters: set[str], output: Path) -> None:
    """Write the SC face of ``source`` cut down to ``characters``, with all its layout features."""
    options = subset.Options(
        font_number=SIMPLIFIED_CHINESE_FACE, layout_features=["*"], name_IDs=["*"], name_languages=["*"]
    )
    font = subset.load_font(source, options)  # keeps the source's timestamp: the same input gives the same file
    simplified_chinese_only(font)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    subset.save_font(font, output, options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for font in BUNDLED_FONTS:
        parser.add_argument(f"--{font.name}-source", type=Path, default=font.source, help=font.source.name)
    args = parser.parse_args()
    sources = {font: getattr(args, f"{font.name.replace('-', '_')}_source") for font in BUNDLED_FONTS}
    missing = [str(source) for source in sources.values() if not source.is_file()]
    if missing:
        print(f"make_font_subset: not found: {', '.join(missing)} (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 2
    characters = subset_characters()
    for font, source in sources.items():
        output = FONTS / font.output
        make_subset(source, characters, output)
        print(f"{output.relative_to(ROOT)}: {len(characters)} characters, {output.stat().st_size / 1e6:.2f} MB")
    shutil.copyfile(Path(__file__).with_name("OFL.txt"), FONTS / "OFL.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
