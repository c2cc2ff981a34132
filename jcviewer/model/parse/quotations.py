"""Quotation marks: where each top-level “……” opens and closes, nesting and unclosed marks included."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OPEN, CLOSE = "“", "”"
INNER_OPEN, INNER_CLOSE = "‘", "’"
_INNERMOST = re.compile(r"“([^“”]*)”")


@dataclass(frozen=True)
class Quotation:
    """A top-level quotation in a paragraph: the words between ``start`` and ``end`` (marks excluded).

    ``closed`` is False when the opening mark is never closed; the words then run to the paragraph's end.
    """

    start: int
    end: int
    closed: bool

    @property
    def outer_start(self) -> int:
        """Index of the opening mark."""
        return self.start - 1

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (the paragraph's end when unclosed)."""
        return self.end + 1 if self.closed else self.end


def quotations(text: str) -> Iterator[Quotation]:
    """Top-level “……” of ``text`` in order, in one pass: quotations inside a quotation (“…“…”…” or ‘…’) stay
    inside it, a stray closing mark is skipped, a mark never closed runs to the end of the text."""
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == OPEN:
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
            if depth == 0:
                yield Quotation(start, index, True)
    if depth:
        yield Quotation(start, len(text), False)


def innermost_quotations(text: str) -> Iterator[re.Match[str]]:
    """Every innermost “……” pair, nested ones included (for quoted key terms); unbalanced marks are skipped."""
    return _INNERMOST.finditer(text)
