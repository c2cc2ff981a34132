"""Rebuild resources/fonts/NotoSansCJKsc-Regular-subset.otf from Noto Sans CJK SC (SIL OFL 1.1).

The subset holds every GB2312 character (6,763 hanzi plus its symbols), ASCII, the CJK and full-width
punctuation blocks, and every character of the bundled reports and UI translations, so names outside GB2312
that appear in our own text still render. Run by hand after adding a report or translation:

    apt-get install -y fonts-noto-cjk && pip install fonttools
    python packaging/fonts/make_font_subset.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

The licence text is packaging/fonts/OFL.txt, copied next to the font in resources/fonts/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "resources" / "fonts" / "NotoSansCJKsc-Regular-subset.otf"
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SIMPLIFIED_CHINESE_FACE = 2  # face index of "Noto Sans CJK SC" inside the .ttc
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="NotoSansCJK-Regular.ttc")
    args = parser.parse_args()
    if not args.source.is_file():
        print(f"make_font_subset: {args.source} not found (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 2
    characters = gb2312_characters() | own_text_characters()
    characters |= {chr(code) for start, end in RANGES for code in range(start, end + 1)}
    characters = {c for c in characters if c.isprintable() or c == " "}
    with tempfile.TemporaryDirectory() as scratch:
        text_file = Path(scratch) / "chars.txt"
        text_file.write_text("".join(sorted(characters)), encoding="utf-8")
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", str(args.source),
                f"--font-number={SIMPLIFIED_CHINESE_FACE}", f"--text-file={text_file}",
                "--layout-features=*", "--name-IDs=*", "--name-languages=*",
                f"--output-file={OUTPUT}",
            ],
            check=True,
        )
    shutil.copyfile(Path(__file__).with_name("OFL.txt"), OUTPUT.with_name("OFL.txt"))
    print(f"{OUTPUT.relative_to(ROOT)}: {len(characters)} characters, {OUTPUT.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
