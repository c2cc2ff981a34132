"""A briefing page's body as rich text for QTextDocument: the head, each block under its title in the UI
language, and the note of what was left out (printing.py lays it out and paints it). Report text is data:
every piece of it is escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication

from jcviewer.model.briefing import BLOCKS, Block, BlockKind, Briefing
from jcviewer.model.briefing_text import ELISION, Unit, speaker_runs

CHART_URL = "briefing-chart"
LABEL_MIN_PT = 8.0  # chart labels and legends never smaller
GREY = "#555555"

_DASH_RUN = re.compile("—(?=—)")

translate = QCoreApplication.translate


def _escaped(text: str) -> str:
    """``text`` as HTML text. A run of em dashes ("——") gets a zero-width non-joiner between them: CJK fonts
    draw the pair as one two-em-dash glyph that Qt's PDF writer leaves out of the text layer."""
    return _DASH_RUN.sub("—\u200c", escape(text))


@dataclass(frozen=True)
class Fitted:
    """How the briefing was fitted: type size, the blocks kept, the sentence saying what was left out, and
    whether it all fits the page (False only when the reader's own head and note overflow it)."""

    size: float
    blocks: tuple[Block, ...]
    omitted: str
    fits: bool = True
    missing: str = ""  # characters no installed font draws (a rare name character with only the bundled subset)


def _dated_titles() -> dict[BlockKind, str]:
    """Titles of the kinds that name their year ("%1" is the year)."""
    return {
        "targets": translate("Briefing", "%1 main targets"),
        "chart": translate("Briefing", "%1 targets at a glance"),
        "results": translate("Briefing", "%1 results"),
        "tasks": translate("Briefing", "%1 key tasks"),
        "achievements": translate("Briefing", "%1 achievements"),
    }


def _titles() -> dict[BlockKind, str]:
    """The title of every kind but ``items`` (titled by its heading, from the report)."""
    return {
        "targets": translate("Briefing", "Main targets"),
        "chart": translate("Briefing", "Targets at a glance"),
        "results": translate("Briefing", "Results"),
        "tasks": translate("Briefing", "Key tasks"),
        "achievements": translate("Briefing", "Achievements"),
        "emphases": translate("Briefing", "Emphases"),
        "quote": translate("Briefing", "Voices"),
        "terms": translate("Briefing", "Key terms"),
        "text": translate("Briefing", "Section text"),
        "note": translate("Briefing", "Note"),
    }


UNTITLED: frozenset[BlockKind] = frozenset({"text"})
"""Kinds printed without a title over them: a section's text is the page's body."""


def block_title(block: Block) -> str:
    """The heading printed over a block (or naming it in a note), in the UI language, with its year when known."""
    if block.kind == "items":
        return block.heading
    dated = _dated_titles()
    if block.year and block.kind in dated:
        return dated[block.kind].replace("%1", str(block.year))
    return _titles()[block.kind]


def omitted_note(briefing: Briefing, kept: tuple[Block, ...]) -> str:
    """What the page does not show, in sentences ("另有3条引语未列出。"), or "". A list taken from a section's
    text is not missed where the text is printed (whole, or shortened with its own note)."""
    shown = {(b.kind, b.heading, b.year) for b in kept}  # a shortened block is still shown
    with_text = any(BLOCKS[b.kind].content == "passage" for b in kept)
    dropped = [
        b
        for b in briefing.blocks
        if b.kind != "quote"
        and (b.kind, b.heading, b.year) not in shown
        and not (with_text and not BLOCKS[b.kind].beside_whole_text)  # a list from the text printed above
        and not (BLOCKS[b.kind].content == "passage" and b.priority > 1)  # the whole report's text only fills room
    ]
    quotes = briefing.unlisted_quotes + sum(1 for b in briefing.blocks if b.kind == "quote" and b not in kept)
    parts = []
    passage = next((b for b in kept if b.abridged and BLOCKS[b.kind].content == "passage"), None)
    if passage and passage.left_out:
        parts.append(
            translate("Briefing", "The text is shortened: %1 of %2 sentences are left out where %3 stands.")
            .replace("%1", str(passage.left_out))
            .replace("%2", str(passage.sentences))
            .replace("%3", ELISION)
        )
    if passage and passage.clause_cut:
        parts.append(
            translate("Briefing", "A sentence too long for the page ends after a clause where %1 stands.").replace(
                "%1", ELISION
            )
        )
    if dropped:
        separator = translate("Briefing", ", ")  # 、 in Chinese
        names = separator.join(dict.fromkeys(block_title(b) or b.heading for b in dropped))
        parts.append(translate("Briefing", "Not shown: %1.").replace("%1", names))
    if quotes:
        parts.append(translate("Briefing", "%n more quote(s) not listed.").replace("%n", str(quotes)))
    shortened = sum(b.unlisted for b in kept if b.kind != "note")
    if shortened:
        parts.append(translate("Briefing", "%n more item(s) not listed.").replace("%n", str(shortened)))
    note_lines = sum(b.unlisted for b in kept if b.kind == "note")
    if note_lines:
        parts.append(
            translate("Briefing", "The note is too long for the page: its last %n line(s) are not printed.").replace(
                "%n", str(note_lines)
            )
        )
    if any(b.abridged and b.kind == "quote" for b in kept):
        parts.append(translate("Briefing", "Quotations are shortened where …… stands."))
    return _join_sentences(parts)


def _join_sentences(parts: list[str]) -> str:
    """Sentences one after the other: no space after a Chinese full stop, one after any other."""
    text = ""
    for part in parts:
        text += part if not text or text.endswith("。") else " " + part
    return text


def table_columns(block: Block) -> tuple[str, ...]:
    """A table's header row: indicator, value, and last year's result beside targets that have one."""
    names = [translate("Briefing", "Indicator"), translate("Briefing", "Value")]
    if block.kind == "targets" and any(r.previous for r in block.rows):
        previous = str(block.year - 1) if block.year else ""  # lupdate cannot see translate() in f-strings
        names.append(translate("Briefing", "%1 result").replace("%1", previous).strip())
    return tuple(names)


def _rows_html(block: Block, size: float) -> str:
    names = table_columns(block)
    with_previous = len(names) == 3
    head = '<tr style="background-color:#e6e6e6">' + "".join(f'<th align="left">{_escaped(n)}</th>' for n in names)
    body = "".join(
        f"<tr><td>{_escaped(r.indicator)}</td><td><b>{_escaped(r.value)}</b></td>"
        + (f"<td>{_escaped(r.previous or '—')}</td>" if with_previous else "")
        + "</tr>"
        for r in block.rows
    )
    return (
        f'<table width="100%" border="0.5" cellspacing="0" cellpadding="{size * 0.25:.1f}"'
        f' style="border-color:#888888; border-style:solid">{head}</tr>{body}</table>'
    )


def _list_html(block: Block) -> str:
    named = block.heading and block.kind != "items"  # an "items" block already carries it as its title
    heading = f'<p style="color:{GREY}; margin:0">{_escaped(block.heading)}</p>' if named else ""
    items = "".join(f"<li>{_escaped(line)}</li>" for line in block.lines)
    return f'{heading}<ol style="margin-top:0.2em; margin-bottom:0; -qt-list-indent:1">{items}</ol>'


def _speaker_marked(unit: Unit) -> str:
    """A quotation paragraph escaped, its speaker's name (first time it is written) in bold."""
    return "".join(f"<b>{_escaped(text)}</b>" if bold else _escaped(text) for text, bold in speaker_runs(unit))


def _passage_html(block: Block, size: float, dpi: float) -> str:
    """A section's text in reading order: sub-headings bold, quotation paragraphs set off as quote blocks."""
    out = []
    for unit in block.units:
        if unit.kind == "heading":
            out.append(
                f'<p style="margin:0.5em 0 0.2em 0; font-size:{size * 1.05:.1f}pt"><b>{_escaped(unit.text)}</b></p>'
            )
        elif unit.kind == "quote":
            out.append(
                '<table width="100%" cellspacing="0" cellpadding="0" style="margin:0.1em 0 0.4em 0"><tr>'
                '<td width="3" style="background-color:#888888"></td>'
                f'<td style="padding-left:{size * 0.8:.1f}pt">{_speaker_marked(unit)}</td></tr></table>'
            )
        else:
            out.append(f'<p style="margin:0 0 0.3em 0; {_indent(size, dpi)}">{_escaped(unit.text)}</p>')
    return "".join(out)


def _block_html(block: Block, size: float, chart_size: tuple[float, float], dpi: float) -> str:
    content = BLOCKS[block.kind].content
    if content == "passage":
        return _passage_html(block, size, dpi)
    if content == "rows":
        return _rows_html(block, size)
    if content == "figure":
        width, height = chart_size
        legend = _escaped(translate("Briefing", "≈ about, ≥ at least"))
        return (
            f'<p style="margin:0"><img src="{CHART_URL}" width="{width:.0f}" height="{height:.0f}"></p>'
            f'<p style="margin:0; color:{GREY}; font-size:{max(LABEL_MIN_PT, size * 0.8):.1f}pt">{legend}</p>'
        )
    if content == "list":
        return _list_html(block)
    if content == "quote":
        role = f'<span style="color:{GREY}">{_escaped(block.role)}</span>' if block.role else ""
        said = _escaped(block.lines[0])
        return f'<p style="margin:0 0 0.3em 0"><b>{_escaped(block.speaker)}</b> {role}：“{said}”</p>'
    if content == "words":
        return f'<p style="margin:0">{_escaped(" · ".join(block.lines))}</p>'
    return "".join(f'<p style="margin:0 0 0.3em 0; {_indent(size, dpi)}">{_escaped(line)}</p>' for line in block.lines)


def _indent(size: float, dpi: float) -> str:
    """A first-line indent of two characters (QTextDocument reads text-indent in device pixels only)."""
    return f"text-indent:{2 * size * dpi / 72:.0f}px"


def head_lines(briefing: Briefing) -> list[str]:
    """The head's lines under the title, plain text in the UI language: the meeting (on a section's briefing),
    date and issuing unit, and who reported; empty when the reader left the head out."""
    if not briefing.show_head:
        return []
    lines = []
    if briefing.report_title not in ("", briefing.title, briefing.source):  # the source: the text has no title
        lines.append(translate("Briefing", "Meeting: %1").replace("%1", briefing.report_title))
    when = [briefing.date] if briefing.date else []
    if briefing.unit:
        when.append(translate("Briefing", "Issued by: %1").replace("%1", briefing.unit))
    if when and briefing.style == "standard":  # an official document signs with unit and date at the end
        lines.append(translate("Briefing", "; ").join(when))
    if briefing.reporters:
        separator = translate("Briefing", "; ")  # ；in Chinese: a title may hold 、
        names = separator.join(
            f"{r.role}{r.name}（{r.gave}）" if r.gave else f"{r.role}{r.name}" for r in briefing.reporters
        )
        lines.append(translate("Briefing", "Reported by: %1").replace("%1", names))
    return lines


def _head_html(briefing: Briefing, size: float) -> str:
    official = briefing.style == "official"
    align = ' align="center"' if official else ""
    out = []
    if briefing.mark:
        out.append(f'<p style="margin:0 0 0.3em 0"><b>{_escaped(briefing.mark)}</b></p>')
    if briefing.show_title:
        scale = 1.8 if official else 1.6  # an official title: larger, centred, in the body's serif face
        out.append(f'<h1{align} style="font-size:{size * scale:.1f}pt; margin:0">{_escaped(briefing.title)}</h1>')
        if briefing.subtitle:
            out.append(f'<p{align} style="color:{GREY}; margin-top:0.2em">{_escaped(briefing.subtitle)}</p>')
    lines = head_lines(briefing)
    if lines:
        body = "<br>".join(_escaped(line) for line in lines)
        out.append(f'<p{align} style="color:{GREY}; margin-top:0.3em; margin-bottom:0.6em">{body}</p>')
    if official and (briefing.show_title or lines):
        out.append('<hr style="margin-top:0.4em">')
    return "".join(out)


def signature_lines(briefing: Briefing) -> tuple[str, ...]:
    """What an official document signs with at the end, right-aligned: its unit and date (none otherwise)."""
    if briefing.style != "official" or not briefing.show_head:
        return ()
    return tuple(line for line in (briefing.unit, briefing.date) if line)


def _signature_html(briefing: Briefing) -> str:
    lines = "<br>".join(_escaped(line) for line in signature_lines(briefing))
    return f'<p align="right" style="margin-top:1em">{lines}</p>' if lines else ""


def briefing_html(
    briefing: Briefing, fitted: Fitted, chart_size: tuple[float, float], dpi: float, heading_family: str = ""
) -> str:
    """The page body as HTML (every piece of report text escaped) for a device of ``dpi``; ``heading_family``,
    when given, sets the block titles (an official document's 黑体-like headings over its serif body)."""
    size = fitted.size
    face = f"font-family:'{escape(heading_family, quote=True)}'; " if heading_family else ""
    h2 = f'style="{face}font-size:{size * 1.15:.1f}pt; margin-top:0.7em; margin-bottom:0.25em; color:#000000"'
    out = [_head_html(briefing, size)]
    blocks = fitted.blocks
    side_by_side = [b for b in blocks if b.kind in ("tasks", "achievements")]
    adjacent = len(side_by_side) == 2 and abs(blocks.index(side_by_side[0]) - blocks.index(side_by_side[1])) == 1
    shown_quotes_title = False
    for block in blocks:
        if block.kind in ("tasks", "achievements") and adjacent:
            if block is side_by_side[0]:
                cells = "".join(
                    f'<td width="50%" valign="top"><h2 {h2}>{_escaped(block_title(b))}</h2>{_list_html(b)}</td>'
                    for b in side_by_side
                )
                out.append(f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>')
            continue
        if block.kind == "quote":
            if not shown_quotes_title:
                out.append(f"<h2 {h2}>{_escaped(block_title(block))}</h2>")
                shown_quotes_title = True
        elif block.kind not in UNTITLED:
            out.append(f"<h2 {h2}>{_escaped(block_title(block))}</h2>")
        out.append(_block_html(block, size, chart_size, dpi))
    out.append(_signature_html(briefing))
    if fitted.omitted:
        out.append(f'<p style="color:{GREY}; margin-top:0.8em"><i>{_escaped(fitted.omitted)}</i></p>')
    return "".join(out)
