"""The in-memory model of a parsed report: frozen dataclasses, no Qt, no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

FALL_MEASURES = frozenset({"下降", "减少", "降低", "回落", "下滑", "下跌"})
"""Measures printing the size of a fall: the value is negative ("下降3.3%" → −3.3; 下降到/降至 name a level)."""
CHANGE_MEASURES = ("增长", "增加", "提高", "提升", "净增", "新增", *sorted(FALL_MEASURES))
"""Measures of a rate of change: a label names them ("固定资产投资下降"), so a fall shows as its size."""

Span = tuple[int, int]
"""Half-open character range ``(start, end)`` inside a paragraph's repaired text."""

# The model's vocabularies: checked by mypy wherever a kind is set or a dict is keyed by one, and by the strict
# cache loader (report_data) on every value read back. Plain strings at run time, so the JSON stays as it is.
ParagraphKind = Literal["body", "lead", "caption", "banner"]
SectionKind = Literal["lead", "section", "article", "captions", "caption", "banners", "banner"]
"""``article``: one article of a page printing several (a PDF page), its sections under it."""
BannerPosition = Literal["top", "bottom"]
Qualifier = Literal["exact", "about", "at_least", "at_most", "range", "qualitative"]
"""How a value is bounded: as printed, 左右, 以上, 以内/以下, a range, or no number at all (完成市定要求)."""
Period = Literal["target", "result"]
"""A goal for the plan year, or what the past year achieved."""
EnumerationKind = Literal["ordinal", "parallel"]
"""一是、二是…, or sentences opening alike (要突出……)."""


@dataclass(frozen=True)
class Box:
    """Where one printed line of a PDF stands on its page: points from the page's top left, y down."""

    page: int  # 0-based
    x0: float
    y0: float
    x1: float
    y1: float
    start: int  # where the line's text starts in its paragraph's (or heading's) text


@dataclass(frozen=True)
class Paragraph:
    """A run of text as printed, with layout spaces and line breaks repaired."""

    id: str
    text: str
    kind: ParagraphKind
    lines: tuple[int, int]  # first and last source line, 1-based
    boxes: tuple[Box, ...] = ()  # one per printed line when read from a PDF; none for text


def boxes_of_span(boxes: tuple[Box, ...], span: Span) -> tuple[Box, ...]:
    """The boxes of the lines a span of their text touches (all of them when the span is empty)."""
    if span[0] >= span[1]:
        return boxes
    starts = [box.start for box in boxes[1:]] + [span[1] + 1]
    return tuple(box for box, end in zip(boxes, starts, strict=True) if box.start < span[1] and end > span[0])


@dataclass(frozen=True)
class Section:
    """A node of the outline: a headed section, the lead, or a group of captions/banners."""

    id: str
    kind: SectionKind
    title: str
    subtitle: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()
    boxes: tuple[Box, ...] = ()  # its heading's printed lines, when read from a PDF

    @property
    def headed(self) -> bool:
        """True for text under a heading of the report's own: a headed section, or an article of a page."""
        return self.kind in ("section", "article")

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Caption:
    """A photo caption; ``printed_twice`` when the extraction repeated it on one line."""

    paragraph: Paragraph
    printed_twice: bool = False


@dataclass(frozen=True)
class Banner:
    """A slogan at the very top or bottom of the page that belongs to another article."""

    paragraph: Paragraph
    position: BannerPosition


@dataclass(frozen=True)
class Quote:
    """Direct speech with its attribution."""

    speaker: str
    role: str
    text: str
    paragraph: str
    span: Span  # the quoted words, without the quotation marks


@dataclass(frozen=True)
class Metric:
    """A number with meaning: what was measured, how much, and when."""

    indicator: str  # canonical wording, abbreviations expanded ("地区生产总值")
    original: str  # the wording as printed ("GDP")
    measure: str  # the verb that relates indicator and value ("增长", "完成", "")
    value: float | None  # None for a qualitative target
    value_max: float | None  # upper bound of a range
    unit: str
    qualifier: Qualifier
    period: Period | None
    year: int | None
    expression: str  # the value as printed, e.g. "6%左右"
    text: str  # the sentence it comes from
    paragraph: str
    span: Span  # of ``expression`` in the paragraph
    estimate: bool = False  # a figure the text gives as an estimate (预计): a result not yet final

    @property
    def label(self) -> str:
        """Short display label: indicator, plus the verb when it is a change ("地区生产总值增长")."""
        return self.indicator + self.measure if self.is_change or self.measure == "排名" else self.indicator

    @property
    def is_change(self) -> bool:
        """True for a rate of change ("增长6%"), False for a level ("完成49亿元")."""
        return self.measure in CHANGE_MEASURES


def latest_year(metrics: Iterable[Metric]) -> int | None:
    """The latest year any of ``metrics`` is about, or None when none says."""
    return max((m.year for m in metrics if m.year), default=None)


@dataclass(frozen=True)
class Item:
    """One member of an enumeration (一是……, 要突出……)."""

    ordinal: int
    marker: str  # as printed: "一是", "要突出"
    title: str
    text: str
    span: Span


@dataclass(frozen=True)
class Enumeration:
    """A list written inside a paragraph."""

    paragraph: str
    kind: EnumerationKind
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Heading:
    """A heading with its sub-heading, as printed."""

    title: str
    subtitle: str
    lines: tuple[int, int]


WarningCode = Literal[
    "sidecar_ignored",  # the outline sidecar is malformed or matches nothing
    "heading_placement",  # the paragraphs a heading was given are a guess
    "caption_or_body",  # a standalone line could be a caption, a heading or a body line
    "quote_speaker",  # a quotation reads as speech but names no clear speaker
    "quote_unclosed",  # a quotation opens and never closes: kept to the paragraph's end
    "correction_stale",  # a reader's correction matches nothing in the report (it changed): ignored
    "corrections_ignored",  # the stored corrections cannot be read: the report shows uncorrected
    "page_layout",  # a PDF page's geometry left a doubt (an article without a headline, a block that may be a caption)
]


@dataclass(frozen=True)
class ParseWarning:
    """A decision the parser is unsure of, for the reader to check (``jcviewer dump`` lists them)."""

    code: WarningCode
    message: str  # one line, for people
    paragraph: str = ""  # the paragraph it concerns, if any
    line: int | None = None  # the source line it concerns, if any (1-based)

    def __str__(self) -> str:
        where = self.paragraph or (f"line {self.line}" if self.line else "")
        return f"{self.code}: {self.message}" + (f" [{where}]" if where else "")


@dataclass(frozen=True)
class Report:
    """A whole parsed report."""

    title: str
    source: str
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...] = ()
    banners: tuple[Banner, ...] = ()
    captions: tuple[Caption, ...] = ()
    quotes: tuple[Quote, ...] = ()
    metrics: tuple[Metric, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    terms: tuple[str, ...] = ()
    year: int | None = None
    warnings: tuple[ParseWarning, ...] = field(default=(), compare=False)
    pages: tuple[tuple[float, float], ...] = ()  # each page's width and height in points, when read from a PDF

    def walk(self) -> Iterator[Section]:
        """Every section node in reading order, depth first."""
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of the outline in reading order (lead, body, captions, banners)."""
        for section in self.walk():
            yield from section.paragraphs

    def paragraph(self, paragraph_id: str) -> Paragraph:
        """The paragraph with this id; KeyError if there is none."""
        return self._paragraphs_by_id[paragraph_id][0]

    def section_of(self, paragraph_id: str) -> Section:
        """The innermost section holding this paragraph; KeyError if there is none."""
        return self._paragraphs_by_id[paragraph_id][1]

    def section(self, section_id: str) -> Section:
        """The section with this id; KeyError if there is none."""
        return self._sections_by_id[section_id]

    @cached_property
    def _paragraphs_by_id(self) -> dict[str, tuple[Paragraph, Section]]:
        """Each paragraph and the innermost section holding it, by id (built on first lookup: the outline, the
        search and the charts look up every paragraph, and a scan each time is quadratic in the report)."""
        found: dict[str, tuple[Paragraph, Section]] = {}
        for section in self.walk():
            for paragraph in section.paragraphs:
                found.setdefault(paragraph.id, (paragraph, section))
        return found

    @cached_property
    def compact_texts(self) -> tuple[str, ...]:
        """The text of every paragraph and heading without whitespace (``compact``), sorted: how a correction
        finds the texts starting as an anchor does (built on first use)."""
        texts = {compact(p.text) for p in self.paragraphs()} | {compact(h.title + h.subtitle) for h in self.headings}
        return tuple(sorted(texts))

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        found: dict[str, Section] = {}
        for section in self.walk():
            found.setdefault(section.id, section)
        return found


def article_view(report: Report, section_id: str = "") -> Report:
    """The report as far as one article of a page of several is concerned: the article holding ``section_id`` (the
    first without one), with its own quotes, figures and lists, titled by its headline, without the page's
    captions and banners (which belong to no article in particular) — nothing at all for a section of the page's
    own (its captions or banners). A report of one article is itself."""
    articles = [s for s in report.sections if s.kind == "article"]
    if not articles:
        return report
    holding = next((a for a in articles if any(s.id == section_id for s in a.walk())), None)
    chosen = holding or articles[0]
    if holding is None and section_id:
        chosen = Section("", "section", report.title)
    own = {p.id for s in chosen.walk() for p in s.paragraphs}
    return replace(
        report,
        title=chosen.title,
        sections=(chosen,) if chosen.id else (),
        headings=(),
        banners=(),
        captions=(),
        quotes=tuple(q for q in report.quotes if q.paragraph in own),
        metrics=tuple(m for m in report.metrics if m.paragraph in own),
        enumerations=tuple(e for e in report.enumerations if e.paragraph in own),
    )


def compact(text: str) -> str:
    """``text`` without whitespace: anchors are compared this way, so layout spaces do not matter."""
    return "".join(text.split())
