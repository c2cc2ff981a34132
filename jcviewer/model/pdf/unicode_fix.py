"""Characters a PDF's text layer gives for Chinese text that are not the ideographs the page shows.

CJK fonts draw a radical (Kangxi Radicals U+2F00–U+2FDF, CJK Radicals Supplement U+2E80–U+2EFF) or a
compatibility ideograph (U+F900–U+FAFF) and a unified ideograph with one glyph, and a PDF writer reversing the
font's cmap for the ToUnicode map may keep the radical: the text layer then reads ⾥ for 里 and ⺠ for 民. NFKC
maps the Kangxi block and the compatibility ideographs but hardly any of the supplement, so the mapping is a table
(``resources/unicode/radicals.tsv``, made from a CJK font's cmap by ``packaging/unicode/build_radical_table.py``);
NFKC covers what the table lacks.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from jcviewer.resources import RADICALS, resource_path

MISREAD = (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00))
"""Code points a text layer should not give for Chinese text: radicals and compatibility ideographs."""


@cache
def radical_table() -> dict[str, str]:
    """Each radical or compatibility ideograph → the ideograph drawn with its glyph, from the shipped table
    (lines ``U+2F25<TAB>女``; ``#`` starts a comment)."""
    table: dict[str, str] = {}
    for line in resource_path(RADICALS).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, ideograph = line.split("\t")[:2]
        table[chr(int(code.removeprefix("U+"), 16))] = ideograph
    return table


@cache
def ideograph_readings() -> dict[int, str]:
    """Each radical or compatibility ideograph's code point → the ideograph to read: the shipped table, completed
    by NFKC for the code points it lacks (where NFKC gives one character). A ``str.translate`` table."""
    table = {ord(char): ideograph for char, ideograph in radical_table().items()}
    for block in MISREAD:
        for code in block:
            if code not in table:
                folded = unicodedata.normalize("NFKC", chr(code))
                if len(folded) == 1 and folded != chr(code):
                    table[code] = folded
    return table
