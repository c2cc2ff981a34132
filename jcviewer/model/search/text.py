"""Text as the search sees it: normalised one character for one character, so offsets stay valid."""

from __future__ import annotations

# Full-width ASCII (U+FF01–FF5E) to half-width, the ideographic space to a space, ASCII letters to lower case.
_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_TABLE |= {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_TABLE |= {code + 0xFEE0: code + 32 for code in range(ord("A"), ord("Z") + 1)}  # full-width capitals too

DIGITS = frozenset("0123456789")


def normalise(text: str) -> str:
    """``text`` with full-width forms made half-width and letters lower-cased; same length, same offsets."""
    return text.translate(_TABLE)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph or CJK punctuation (where Chinese text never puts spaces)."""
    return "\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef"
