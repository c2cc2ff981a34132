"""The structural corrections a reader can make at a paragraph or a heading of a parsed report (Qt-free): which
make sense where, and the anchored fix each one stores (``corrections``: ``[[structure]]`` tables). Each function
returns None where its correction does not apply. An anchor is the first ``ANCHOR_CHARS`` characters of a text,
or more where another paragraph or heading of the report starts the same way, so that it names one place."""

from __future__ import annotations

from bisect import bisect_left

from jcviewer.model.corrections import (
    ANCHOR_CHARS,
    BoundaryFix,
    Correction,
    LineFix,
    LineKind,
    MergeFix,
    SplitFix,
)
from jcviewer.model.report import Paragraph, Report, Section, compact


def _start(report: Report, text: str) -> str:
    """How ``text`` (a paragraph's or heading's) starts: long enough that no other text of ``report`` starts so,
    where that can be (a text that is the start of another is anchored whole: the first in reading order)."""
    own = compact(text)
    size = ANCHOR_CHARS
    while size < len(own) and _another_starts_so(report.compact_texts, own, own[:size]):
        size += ANCHOR_CHARS // 2
    return own[:size]


def _another_starts_so(texts: tuple[str, ...], own: str, start: str) -> bool:
    """Whether a text of the sorted ``texts`` other than ``own`` starts with ``start`` (they stand together)."""
    first = bisect_left(texts, start)
    return any(text != own for text in texts[first : bisect_left(texts, start + "\U0010ffff", first)])


def headed_sections(report: Report) -> list[Section]:
    """The sections that carry one of the report's headings (not the untitled run of text), in reading order."""
    printed = {(heading.title, heading.subtitle) for heading in report.headings}
    return [s for s in report.sections if s.kind == "section" and (s.title, s.subtitle) in printed]


def section_starts_here(report: Report, paragraph_id: str) -> BoundaryFix | None:
    """本节从此段开始: the heading over this body paragraph starts here (not where it starts now)."""
    section = report.section_of(paragraph_id)
    if section not in headed_sections(report) or section.paragraphs[0].id == paragraph_id:
        return None
    return move_heading_here(report, section, paragraph_id)


def move_heading_here(report: Report, section: Section, paragraph_id: str) -> BoundaryFix | None:
    """移到章节…: ``section``'s heading starts at this body paragraph."""
    paragraph = report.paragraph(paragraph_id)
    if paragraph.kind != "body" or section.paragraphs[:1] == (paragraph,):
        return None
    return BoundaryFix(_start(report, section.title + section.subtitle), _start(report, paragraph.text))


def paragraph_kind_fix(report: Report, paragraph_id: str, kind: LineKind) -> LineFix | None:
    """这是标题 / 图片说明 / 正文 for a body paragraph or a caption (not for what it is already)."""
    paragraph = report.paragraph(paragraph_id)
    if paragraph.kind not in ("body", "caption") or paragraph.kind == kind:
        return None
    return LineFix(_start(report, paragraph.text), kind)


def heading_kind_fix(report: Report, section: Section, kind: LineKind) -> LineFix | None:
    """这是图片说明 / 正文 for a heading (the section node of the outline)."""
    if kind == "heading" or section not in headed_sections(report):
        return None
    return LineFix(_start(report, section.title + section.subtitle), kind)


def merge_with_previous(report: Report, paragraph_id: str) -> MergeFix | None:
    """与上段合并: this body paragraph continues the one before it in its section (not across a heading: move
    the heading first)."""
    paragraph = report.paragraph(paragraph_id)
    body = [p for p in report.section_of(paragraph_id).paragraphs if p.kind == "body"]
    if paragraph.kind != "body" or body.index(paragraph) == 0:
        return None
    return MergeFix(_start(report, paragraph.text))


def split_here(report: Report, paragraph_id: str, offset: int) -> SplitFix | None:
    """从此处拆分: this body paragraph is two, the second starting at ``offset`` of its text. ``at`` is the text
    after the cut and ``after`` the text before it, as long as it takes to name this cut and no other."""
    paragraph = report.paragraph(paragraph_id)
    whole, cut = compact(paragraph.text), len(compact(paragraph.text[:offset]))
    if paragraph.kind != "body" or not 0 < cut < len(whole):
        return None
    size = ANCHOR_CHARS // 2
    fix = SplitFix(_start(report, paragraph.text), whole[cut : cut + size], whole[max(0, cut - size) : cut])
    while fix.cut_in(whole) != cut and size < len(whole):
        size *= 2
        fix = SplitFix(fix.paragraph, whole[cut : cut + size], whole[max(0, cut - size) : cut])
    return fix


def corrected_place(report: Report, fix: Correction) -> tuple[Section, Paragraph | None] | None:
    """Where a structural ``fix`` shows in ``report`` once applied (or undone): the section holding the paragraph
    it anchors on (the first whose text holds the anchor), or the heading it made; None for a quote or figure
    fix, or when nothing matches."""
    if isinstance(fix, LineFix) and fix.kind == "heading":
        heading = next((s for s in headed_sections(report) if compact(s.title + s.subtitle).startswith(fix.text)), None)
        if heading is not None:
            return heading, None
    anchors = {LineFix: "text", MergeFix: "paragraph", SplitFix: "at", BoundaryFix: "paragraph"}
    field = anchors.get(type(fix))
    if field is None:
        return None
    text = getattr(fix, field)
    paragraphs = [p for p in report.paragraphs() if p.kind in ("body", "caption", "lead")]
    found = next((p for p in paragraphs if compact(p.text).startswith(text)), None)
    found = found or next((p for p in paragraphs if text in compact(p.text)), None)
    return None if found is None else (report.section_of(found.id), found)
