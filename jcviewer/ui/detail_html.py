"""The detail pane's HTML: a section typeset for reading Chinese, quotes as blocks, metrics and marks emphasised,
paragraphs the parser is unsure of tinted under a line giving the reason.

Pure string work (no Qt), so it is tested directly. Every piece of report text goes through ``html.escape``:
the report is data, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Literal

from jcviewer.model.navigation import Mark
from jcviewer.model.report import Paragraph, Quote, Report, Section, Span

FOCUS_ANCHOR = "focus"
MARK_ANCHOR = "mark"
HIT_ANCHOR = "hit"
UNCERTAIN_ANCHOR = "uncertain-"  # + paragraph id: the line giving the parser's doubts above that paragraph
METRIC_SCHEME = "metric"
LINE_HEIGHT = "150%"  # Chinese body text reads best with generous leading

HighlightKind = Literal["hit", "mark", "focus"]
"""What a highlight is: a search hit, one of the selected node's marks, or the focus (the current hit)."""
STRONGEST_FIRST: tuple[HighlightKind, ...] = ("focus", "mark", "hit")
"""Where highlights overlap the strongest is painted, and the view scrolls to the strongest shown."""


@dataclass(frozen=True)
class Style:
    """Colours from the current palette (CSS colour strings) and the paragraph indent in pixels (two characters)."""

    text: str = "#1f1f1f"
    muted: str = "#666666"
    accent: str = "#8b1a1a"
    metric: str = "#0b4f8a"
    mark: str = "#fff1a8"
    focus: str = "#ffd34d"
    hit: str = "#cde6ff"
    quote_background: str = "#f3f0ea"
    warning: str = "#8a5300"
    warning_background: str = "#fcf4e4"
    indent: int = 32


@dataclass(frozen=True)
class Highlights:
    """What to paint behind the text, weakest first: search hits, the selected node's marks, the focus."""

    hits: tuple[Mark, ...] = ()
    marks: tuple[Mark, ...] = ()
    focus: Mark | None = None

    def spans(self, paragraph: str) -> dict[HighlightKind, list[Span]]:
        """The spans of each kind that fall in ``paragraph``."""
        layers: dict[HighlightKind, tuple[Mark, ...]] = {
            "hit": self.hits,
            "mark": self.marks,
            "focus": (self.focus,) if self.focus else (),
        }
        return {kind: [m.span for m in marks if m.paragraph == paragraph] for kind, marks in layers.items()}

    def strongest(self) -> HighlightKind | None:
        """The strongest kind there is something of (the one to scroll to), or None."""
        present: dict[HighlightKind, bool] = {
            "focus": self.focus is not None,
            "mark": bool(self.marks),
            "hit": bool(self.hits),
        }
        return next((kind for kind in STRONGEST_FIRST if present[kind]), None)


ANCHORS: dict[HighlightKind, str] = {"focus": FOCUS_ANCHOR, "mark": MARK_ANCHOR, "hit": HIT_ANCHOR}


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    metric: int | None
    quoted: bool
    highlight: HighlightKind | None


def _segments(
    text: str, metrics: list[tuple[int, Span]], quotes: list[Span], spans: dict[HighlightKind, list[Span]]
) -> list[_Segment]:
    """Split ``text`` at every span edge; each piece knows which spans cover it."""
    edges = {0, len(text)}
    for _, span in metrics:
        edges.update(span)
    for span in (*quotes, *(s for kind in spans.values() for s in kind)):
        edges.update(span)
    cuts = sorted(e for e in edges if 0 <= e <= len(text))
    pieces = []
    for start, end in pairwise(cuts):

        def covers(span: Span, start: int = start, end: int = end) -> bool:
            return span[0] <= start and end <= span[1]

        metric = next((index for index, span in metrics if covers(span)), None)
        highlight = next((kind for kind in STRONGEST_FIRST if any(map(covers, spans[kind]))), None)
        pieces.append(_Segment(start, end, metric, any(map(covers, quotes)), highlight))
    return pieces


def _paragraph_html(
    report: Report, paragraph: Paragraph, highlights: Highlights, style: Style, anchored: set[str]
) -> str:
    text = paragraph.text
    metrics = [(i, m.span) for i, m in enumerate(report.metrics) if m.paragraph == paragraph.id]
    quotes = [q.span for q in report.quotes if q.paragraph == paragraph.id]
    spans = highlights.spans(paragraph.id)
    colours: dict[HighlightKind, str] = {"focus": style.focus, "mark": style.mark, "hit": style.hit}
    out = []
    for piece in _segments(text, metrics, quotes, spans):
        for kind, name in ANCHORS.items():
            if name not in anchored and any(span[0] == piece.start for span in spans[kind]):
                anchored.add(name)
                out.append(f'<a name="{name}"></a>')
        html = escape(text[piece.start : piece.end])
        if piece.quoted:
            html = f'<span style="color:{style.accent}">{html}</span>'
        if piece.metric is not None:
            html = (
                f'<a href="{METRIC_SCHEME}:{piece.metric}" style="color:{style.metric};'
                f' font-weight:600; text-decoration:none">{html}</a>'
            )
        if piece.highlight:
            html = f'<span style="background-color:{colours[piece.highlight]}">{html}</span>'
        out.append(html)
    return "".join(out)


def _quote_block(body: str, quote: Quote, style: Style) -> str:
    role = f' <span style="color:{style.muted}">{escape(quote.role)}</span>' if quote.role else ""
    return (
        f'<table width="100%" cellpadding="10" cellspacing="0" bgcolor="{style.quote_background}"'
        f' style="margin-top:0.4em; margin-bottom:0.8em"><tr><td>'
        f'<p style="margin:0 0 0.3em 0"><b>{escape(quote.speaker)}</b>{role}</p>'
        f'<p style="line-height:{LINE_HEIGHT}; margin:0">{body}</p></td></tr></table>'
    )


@dataclass(frozen=True)
class _Context:
    """What every paragraph of a section is rendered with."""

    report: Report
    highlights: Highlights
    notes: Mapping[str, Sequence[str]]
    style: Style
    anchored: set[str]


def _note_html(paragraph: str, notes: Sequence[str], style: Style) -> str:
    lines = "<br/>".join(escape(note) for note in notes)
    anchor = f'<a name="{escape(UNCERTAIN_ANCHOR + paragraph)}"></a>'
    return f'<p style="color:{style.warning}; font-size:small; margin:0 0 0.2em 0">{anchor}{lines}</p>'


def _section_html(section: Section, context: _Context, depth: int) -> list[str]:
    report, style = context.report, context.style
    out = []
    if depth > 0 and section.headed:
        out.append(f"<h3>{escape(section.title)}</h3>")
    for paragraph in section.paragraphs:
        body = _paragraph_html(report, paragraph, context.highlights, style, context.anchored)
        notes = context.notes.get(paragraph.id, ())
        if notes:
            out.append(_note_html(paragraph.id, notes, style))
        quote = next((q for q in report.quotes if q.paragraph == paragraph.id), None)
        if quote:
            out.append(_quote_block(body, quote, style))
        else:
            tint = f" background-color:{style.warning_background};" if notes else ""
            out.append(
                f'<p style="line-height:{LINE_HEIGHT}; text-indent:{style.indent}px; margin:0 0 0.7em 0;{tint}">'
                f"{body}</p>"
            )
    for child in section.children:
        out += _section_html(child, context, depth + 1)
    return out


def section_html(
    report: Report,
    section: Section,
    heading: str,
    highlights: Highlights = Highlights(),
    style: Style = Style(),
    notes: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """A whole section as HTML: heading and sub-heading on top, then its text with ``highlights`` painted.

    The first stretch of each kind is preceded by an anchor (``focus``, ``mark``, ``hit``) to scroll to. A
    paragraph with ``notes`` (plain text by paragraph id: the parser's doubts) is tinted, the notes above it
    after an anchor ``UNCERTAIN_ANCHOR`` + its id.
    """
    head = [f'<h2 style="color:{style.accent}; margin-bottom:0.2em">{escape(heading)}</h2>']
    if section.subtitle:
        head.append(
            f'<p style="color:{style.muted}; margin-top:0; margin-bottom:1em">—— {escape(section.subtitle)}</p>'
        )
    body = _section_html(section, _Context(report, highlights, notes or {}, style, set()), 0)
    return f'<html><body style="color:{style.text}">{"".join(head + body)}</body></html>'
