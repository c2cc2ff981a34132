"""The lossless invariant: every non-whitespace character of the input is in exactly one model element."""

from __future__ import annotations

from collections import Counter

from jcviewer.model.report import Report


def element_characters(report: Report) -> Counter[str]:
    """Non-whitespace characters of every element; a caption printed twice counts twice."""
    texts = [p.text for p in report.paragraphs() if p.kind in ("body", "lead")]
    texts += [h.title + h.subtitle for h in report.headings]
    texts += [b.paragraph.text for b in report.banners]
    texts += [c.paragraph.text * (2 if c.printed_twice else 1) for c in report.captions]
    return Counter(c for text in texts for c in text if not c.isspace())


def input_characters(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())
