"""A PDF's text layer that reads as the text drawn, whatever CJK fonts the machine has.

Qt's PDF writer gives each embedded font a ToUnicode map built by reversing the font's cmap. CJK fonts such as
Noto Sans CJK map a radical (CJK Radicals Supplement and Kangxi Radicals, U+2E80–U+2FDF) or a compatibility
ideograph (U+F900–U+FAFF) and the ideograph it looks like to one glyph, and the reversal may keep the radical:
``pdftotext`` then gives ⼗ (U+2F17) for 十 and ⺠ (U+2EA0) for 民, so copying from the PDF or searching it
fails. The font's own cmap says which ideograph shares the glyph (``shared_ideographs``); the maps are rewritten
to it (``fix_text_layer``). Code points are written as four hex digits either way, so the file keeps its length
and its cross-reference offsets stay right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QRawFont

from jcviewer.model.pdf.unicode_fix import MISREAD

IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))
"""Where the ideograph sharing a radical's glyph is looked for: the CJK Unified Ideographs and Extension A."""

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]+)>|\[|\]|begin(bfrange|bfchar)|end(?:bfrange|bfchar)")


def _string(ranges: Iterable[range]) -> str:
    return "".join(chr(code) for block in ranges for code in block)


def shared_ideographs(fonts: Iterable[QRawFont]) -> dict[int, int]:
    """For each radical or compatibility ideograph one of ``fonts`` draws with the glyph of a unified
    ideograph: that ideograph (the first font that has it decides)."""
    misread, ideographs = _string(MISREAD), _string(IDEOGRAPHS)
    table: dict[int, int] = {}
    for raw in fonts:
        if not raw.isValid():
            continue
        first_by_glyph: dict[int, str] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            if glyph:
                first_by_glyph.setdefault(glyph, char)
        for char, glyph in zip(misread, raw.glyphIndexesForString(misread), strict=True):
            if glyph in first_by_glyph:
                table.setdefault(ord(char), ord(first_by_glyph[glyph]))
    return table


def fix_text_layer(pdf: bytes, table: dict[int, int]) -> bytes:
    """``pdf`` with every code point of ``table`` in its ToUnicode maps replaced by the ideograph ``table``
    gives. Same length as ``pdf``. A radical a text really holds reads back as its ideograph too: the glyph is
    one, and the reader copying or searching wants the ideograph (a radical pasted into a note from a PDF must
    not turn every 工 of the page into ⼯)."""
    swaps = {code: ideograph for code, ideograph in table.items() if ideograph <= 0xFFFF}
    if not swaps:
        return pdf
    result = bytearray(pdf)
    for number in {match[1] for match in _TO_UNICODE.finditer(pdf)}:
        start = re.search(rb"(?:^|\s)" + number + rb"\s+0\s+obj\b.*?\bstream\r?\n", pdf, re.S)
        if start is None:
            continue
        for begin, end in _destinations(pdf, start.end(), pdf.find(b"endstream", start.end())):
            ideograph = swaps.get(int(pdf[begin:end], 16)) if end - begin == 4 else None
            if ideograph is not None:
                result[begin:end] = b"%04X" % ideograph
    return bytes(result)


def _destinations(pdf: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """Where the Unicode values of a ToUnicode CMap stream are (the hex digits of each), not its character
    codes: ``<from> <to> <value>`` or ``<from> <to> [<value> …]`` in a bfrange, ``<code> <value>`` in a bfchar."""
    found: list[tuple[int, int]] = []
    section, position, in_array = b"", 0, False  # position: which token of the entry comes next
    for token in _TOKEN.finditer(pdf, start, end):
        if token[2]:
            section, position = token[2], 0
        elif token[0].startswith(b"end"):
            section = b""
        elif token[0] == b"[":
            in_array = True
        elif token[0] == b"]":
            in_array, position = False, 0
        elif section:
            if in_array or position == (2 if section == b"bfrange" else 1):
                found.append(token.span(1))
                position = position if in_array else 0
            else:
                position += 1
    return found
