"""Bytes → text: detect UTF-8 (with or without BOM), UTF-16 and GB18030/GBK; refuse binary files."""

from __future__ import annotations

import codecs

from jcviewer.model.errors import ReportError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = set("\n\r\t\f\v")


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: NUL bytes (high bytes of ASCII, low bytes of U+4E00 …) mostly on one side."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 4 * even:
        return "utf-16-le"
    if even > 4 * odd:
        return "utf-16-be"
    return None


def _is_textual(text: str) -> bool:
    """Few control characters: binary data decoded by a permissive codec fails this."""
    controls = sum(1 for c in text if (ord(c) < 32 and c not in _CONTROL_OK) or 0x7F <= ord(c) < 0xA0)
    return controls <= len(text) // 100


def decode_report(data: bytes, name: str) -> str:
    """Decode report bytes; ReportError (binary, encoding, empty) when they are not a text report."""
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec, name)
            break
    else:
        utf16 = _looks_utf16(data)
        if utf16:
            text = _strict(data, utf16, name)
        elif b"\0" in data:
            raise ReportError("binary", name, "binary file, not a text report")
        else:
            for codec in ("utf-8", "gb18030"):
                try:
                    text = data.decode(codec)
                    break
                except UnicodeDecodeError:
                    continue
            if text is None:
                raise ReportError("encoding", name, "text is neither UTF-8, UTF-16 nor GB18030/GBK")
    if not _is_textual(text):
        raise ReportError("binary", name, "binary file, not a text report")
    if not text.strip():
        raise ReportError("empty", name, "file is empty")
    return text  # line endings are normalised by parse_text


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ReportError("encoding", name, f"invalid {codec.upper()} at byte {error.start}") from error
