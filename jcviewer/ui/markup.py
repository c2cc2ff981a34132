"""Small helpers for putting report text into Qt widgets that might read it as rich text."""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows ``text`` literally: Qt guesses rich text from a leading tag, so escape it all."""
    return "".join(f"<p style='margin:0'>{escape(line)}</p>" for line in text.split("\n"))
