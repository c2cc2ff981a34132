"""Newspaper pages for the PDF tests, typeset at test time from the corpus texts with Qt's QPdfWriter.

No real newspaper page may be in the repository, so the PDF tests make their own: corpus documents (clean text +
gold) set as county-newspaper articles the way Founder-made e-paper PDFs are: every character placed on its own,
justified columns, 2-em paragraph indents, headlines and subheads in the bold serif, captions in the sans under grey
photo frames, a masthead, a date line, rules and a banner slogan, and each article's body drawn before its subheads,
headline and captions. Each page comes with its ``Truth``: what was printed where (points, top-left origin, y down).

``python3 tests/newspaper_pdf.py OUTDIR`` writes the standard set (PDFs, ``*.truth.json``, 60-dpi PNG previews).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # jcviewer, when run as a script
from jcviewer.model.pdf.page import Rect  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BUNDLED_FONTS = (
    "NotoSerifCJKsc-Regular-subset.otf",
    "NotoSerifCJKsc-Bold-subset.otf",
    "NotoSansCJKsc-Regular-subset.otf",
)
CORPUS = REPO.parent / "shared" / "corpus"
FONTS = REPO / "resources" / "fonts"

ItemKind = Literal["paragraph", "subhead", "caption"]
VerticalHeadline = Literal["none", "stacked", "rotated"]

# Kinsoku: what never starts a line (it hangs or is squeezed onto the line before) and what never ends one.
CLOSING = "，。、；：？！）》」』】〉〕］｝”’…%％"
OPENING = "（《「『【〈〔［｛“‘"
# Invented page furniture (no corpus place or phrase).
PAPER_NAMES = ("东山县报", "青禾日报", "南岭县报", "云溪报", "星桥县报", "松岭日报")
BANNERS = ("踔厉奋发 勇毅前行", "凝心聚力 奋勇争先", "守正创新 真抓实干", "同心协力 共建家园", "撸起袖子加油干")
SECTIONS = ("要闻", "综合", "经济", "专版")
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
INVENTED_HEADLINES = (
    "乘风破浪谋新篇 实干担当开新局",
    "春潮涌动正当时",
    "凝心聚力抓落实 奋发有为促发展",
    "跑出发展加速度",
    "提振信心 乘势而上",
    "向新而行 以质取胜",
)
RUNNING_HEADERS = ("资料汇编", "报告摘要（内部资料）", "统计分析资料")


@dataclass(frozen=True)
class CorpusDocument:
    """A corpus text: its headline block (the heading lines it opens with) and its other lines in order."""

    name: str
    headline: tuple[str, ...]
    items: tuple[tuple[ItemKind, str], ...]
    gold: dict[str, Any] = field(compare=False, repr=False)

    def texts(self, kind: ItemKind) -> list[str]:
        """The lines of one kind, in order."""
        return [text for item_kind, text in self.items if item_kind == kind]


def corpus_document(name_or_prefix: str) -> CorpusDocument:
    """The corpus document whose file name starts with ``name_or_prefix`` ("03", "03-jiulongpo…").

    Raises FileNotFoundError when the corpus (../shared/corpus beside the repository) or the document is missing."""
    matches = sorted(CORPUS.glob(f"{name_or_prefix}*.clean.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"{len(matches)} corpus documents match {name_or_prefix!r} in {CORPUS}")
    clean = matches[0]
    name = clean.name.removesuffix(".clean.txt")
    gold = json.loads((CORPUS / f"{name}.gold.json").read_text(encoding="utf-8"))
    lines = [line.strip() for line in clean.read_text(encoding="utf-8").splitlines() if line.strip()]
    heading_lines = {line for group in gold["headings"] for line in group}
    captions = set(gold["captions"])
    headline: list[str] = []
    while lines and lines[0] in heading_lines:
        headline.append(lines.pop(0))
    items: list[tuple[ItemKind, str]] = []
    for line in lines:
        kind: ItemKind = "subhead" if line in heading_lines else "caption" if line in captions else "paragraph"
        items.append((kind, line))
    return CorpusDocument(name, tuple(headline), tuple(items), gold)


def corpus_documents() -> list[CorpusDocument]:
    """Every corpus document, in file order."""
    names = sorted(path.name.removesuffix(".clean.txt") for path in CORPUS.glob("*.clean.txt"))
    if not names:
        raise FileNotFoundError(f"no corpus in {CORPUS}")
    return [corpus_document(name) for name in names]


@dataclass(frozen=True)
class PageSpec:
    """How a page is set. Sizes in points."""

    columns: int | None = None  # columns of a full-width article; None: as many as fit about 20 ems each
    gutter_ems: float = 2.5  # space between columns, in body ems
    hanging: bool = False  # closing punctuation that would start a line hangs into the gutter (else: squeezed)
    body_size: float = 9.0
    line_pitch: float = 1.5  # baseline to baseline, in body sizes
    headline_size: float = 36.0
    deck_size: float = 18.0  # 引题 and 副题
    subhead_size: float = 18.0
    caption_size: float = 8.0
    subheads_centred: bool = True  # else set from the column's left edge
    vertical_headline: VerticalHeadline = "none"  # 竖排: stacked upright characters, or the painter turned per glyph
    font_family: str | None = None  # a font file or installed family for body, subheads and headlines
    invent_headlines: bool = True  # an article without a headline block gets a neutral invented one
    photos: bool = True  # a grey frame over each caption (a caption-less article may get a bare frame)
    page_width: float = 842.0  # A3; the page grows taller when the articles need it
    page_height: float = 1191.0
    margin: float = 36.0
    page_number: int = 1


@dataclass(frozen=True)
class Piece:
    """Where (part of) a printed text is: a page (0-based) and a rectangle on it."""

    page: int
    rect: Rect


@dataclass(frozen=True)
class Placed:
    """One printed text and where it went: a paragraph has a piece per column or page it runs through."""

    kind: str  # headline, subhead, paragraph, caption, masthead, dateline, banner, running_header, page_number
    text: str
    pieces: tuple[Piece, ...]
    size: float

    @property
    def page(self) -> int:
        """The page it starts on."""
        return self.pieces[0].page

    @property
    def rects(self) -> tuple[Rect, ...]:
        return tuple(piece.rect for piece in self.pieces)


@dataclass(frozen=True)
class ArticleTruth:
    """One article as printed."""

    name: str
    headline: tuple[Placed, ...]  # the headline block's lines, top to bottom (right to left when vertical)
    headline_invented: bool
    flow: tuple[Placed, ...]  # paragraphs and subheads in reading order
    captions: tuple[Placed, ...]
    photos: tuple[Rect, ...]
    columns: tuple[float, ...]  # each body column's left edge
    column_width: float
    gutter: float
    box: Rect  # the article's region

    @property
    def paragraphs(self) -> list[str]:
        return [item.text for item in self.flow if item.kind == "paragraph"]

    @property
    def subheads(self) -> list[str]:
        return [item.text for item in self.flow if item.kind == "subhead"]


@dataclass(frozen=True)
class Truth:
    """What a generated PDF holds."""

    path: Path
    pages: tuple[tuple[float, float], ...]
    articles: tuple[ArticleTruth, ...]
    furniture: tuple[Placed, ...]
    spec: PageSpec

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (rectangles as [x0, y0, x1, y1])."""
        data: dict[str, Any] = _plain(asdict(self))
        data["path"] = str(self.path)
        for article, source in zip(data["articles"], self.articles, strict=True):
            article["paragraphs"] = source.paragraphs
            article["subheads"] = source.subheads
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"x0", "y0", "x1", "y1"}:
            return [round(value[key], 2) for key in ("x0", "y0", "x1", "y1")]
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


# ---------------------------------------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class Fonts:
    """The two families of a page: the serif (body, bold for headlines and subheads) and the sans (captions)."""

    serif: str
    sans: str

    def body(self, size: float) -> QFont:
        return _font(self.serif, size, bold=False)

    def bold(self, size: float) -> QFont:
        return _font(self.serif, size, bold=True)

    def caption(self, size: float) -> QFont:
        return _font(self.sans, size, bold=False)


def _font(family: str, size: float, *, bold: bool) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setKerning(False)
    return font


OWN_FAMILIES = {"Noto Sans CJK": "Test Sans CJK", "Noto Serif CJK": "Test Serif CJK"}
"""The bundled subsets' family names, and the names the pages load them under (as long, so the font's tables keep
their offsets): a system with the full Noto CJK fonts has the same families, and which of two fonts of one family
Qt takes depends on where their files are (the checkout's path) — the pages must be set in the subsets."""


@cache
def _families_of(font_file: str) -> tuple[str, ...]:
    """The families of a bundled font file, loaded into the application once under a family of its own."""
    data = Path(font_file).read_bytes()
    for family, own in OWN_FAMILIES.items():
        for encoding in ("utf-16-be", "latin-1"):
            data = data.replace(family.encode(encoding), own.encode(encoding))
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFontFromData(QByteArray(data)))
    if not families:
        raise FileNotFoundError(f"Qt cannot load the font {font_file}")
    return tuple(families)


@contextmanager
def _fonts(font_family: str | None) -> Iterator[Fonts]:
    """The bundled fonts (the bold serif is the serif's bold weight), or a font file or family for the serif.

    A font file is loaded only while the page is set: a collection of the full fonts has the bundled subsets'
    family names too and would stand in for them on every later page."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("typesetting needs a QGuiApplication")
    serif, _, sans = (_families_of(str(FONTS / name))[0] for name in BUNDLED_FONTS)
    if not (font_family and Path(font_family).is_file()):
        yield Fonts(font_family or serif, sans)
        return
    font_id = QFontDatabase.addApplicationFont(font_family)
    try:
        # Not a family the bundled subsets have (Qt would take the subset): a collection's other faces hold every
        # character as well.
        faces = [family for family in QFontDatabase.applicationFontFamilies(font_id) if family not in (serif, sans)]
        if not faces:
            raise FileNotFoundError(f"Qt cannot load the font {font_family}")
        yield Fonts(next((family for family in faces if family.endswith(" SC")), faces[0]), sans)
    finally:
        QFontDatabase.removeApplicationFont(font_id)


# ---------------------------------------------------------------------------------------------------- line breaking

# The writer's device units per point. Qt sets text in whole device pixels: at 72 dpi a 9.5-pt font would come out
# 10 pt, at 720 dpi it is 95 pixels, exact to a tenth of a point.
UNIT = 10


class Metrics:
    """Advances of a font on the writer, in points."""

    def __init__(self, font: QFont, device: QPdfWriter) -> None:
        self._metrics = QFontMetricsF(font, device)

    def advance(self, text: str) -> float:
        return self._metrics.horizontalAdvance(text) / UNIT


@dataclass(frozen=True)
class Token:
    text: str  # one CJK character, a Latin/digit run, or a space
    width: float


@dataclass(frozen=True)
class Line:
    tokens: tuple[Token, ...]
    hanging: tuple[Token, ...]  # closing punctuation past the column's right edge
    indent: float
    justified: bool  # spread to the full width (every line of a paragraph but its last)


# Kept together on a line: a Latin/digit run, a double dash.
_TOKEN = re.compile(r"[\x21-\x7e]+|——| |.", re.DOTALL)


def _tokens(text: str, metrics: Metrics) -> list[Token]:
    return [Token(part, sum(metrics.advance(char) for char in part)) for part in _TOKEN.findall(text)]


def _is_closing(token: Token) -> bool:
    return token.text in CLOSING


def _break_lines(text: str, metrics: Metrics, width: float, indent: float, hanging: bool) -> list[Line]:
    """Greedy justified lines: Latin runs unsplit, closing punctuation never first (one mark stays on the line, hung
    or squeezed; two push the line's last character down with them), opening punctuation never last."""
    tokens = _tokens(text, metrics)
    lines: list[Line] = []
    start = 0
    while start < len(tokens):
        line_indent = indent if not lines else 0.0
        fit = _fitting(tokens, start, width - line_indent)
        end = _line_end(tokens, start, fit)
        body = [token for token in tokens[start : min(fit, end)] if not (token.text == " " and token is tokens[start])]
        tail = tokens[min(fit, end) : end]
        more = end < len(tokens)
        lines.append(
            Line(tuple(body), tuple(tail), line_indent, more)
            if hanging
            else Line(tuple(body + tail), (), line_indent, more)
        )
        start = end
    return lines


def _fitting(tokens: list[Token], start: int, room: float) -> int:
    """The end of the tokens from ``start`` that fit ``room`` (at least one)."""
    end, used = start, 0.0
    while end < len(tokens) and (end == start or used + tokens[end].width <= room + 0.01):
        used += tokens[end].width
        end += 1
    return end


def _line_end(tokens: list[Token], start: int, fit: int) -> int:
    """Where the line starting at ``start`` ends, given that the tokens up to ``fit`` fit it (kinsoku)."""
    end = fit
    closing_after = 0
    while end + closing_after < len(tokens) and _is_closing(tokens[end + closing_after]):
        closing_after += 1
    if closing_after == 1:
        end += 1
    elif closing_after > 1:
        while end - start > 1 and _is_closing(tokens[end]):
            end -= 1
        if _is_closing(tokens[end]):  # nothing to push down: the marks all go on the line
            end = fit + closing_after
    while end - start > 1 and end < len(tokens) and tokens[end - 1].text in OPENING:
        end -= 1
    return end


def _positions(line: Line, x0: float, width: float) -> list[tuple[Token, float]]:
    """Each token's x: justified lines spread (or squeezed) to the width, hanging punctuation past the edge."""
    natural = sum(token.width for token in line.tokens)
    room = width - line.indent
    gaps = len(line.tokens) - 1
    spread = (room - natural) / gaps if gaps and (line.justified or natural > room) else 0.0
    placed: list[tuple[Token, float]] = []
    x = x0 + line.indent
    for token in line.tokens:
        placed.append((token, x))
        x += token.width + spread
    x = max(x - spread, x0 + room) if line.hanging else x
    for token in line.hanging:
        placed.append((token, x))
        x += token.width
    return placed


# ----------------------------------------------------------------------------------------------------- page drawing

# The em box of the CJK fonts: 0.88 em above the baseline, 0.12 below.
ASCENT, DESCENT = 0.88, 0.12


@dataclass
class Draw:
    """One character to paint at a baseline position (turned a quarter: set vertically with the painter turned)."""

    font: QFont
    x: float
    baseline: float
    text: str
    rotated: bool = False


@dataclass
class TextDraws:
    """One article's text on one page, by role: painted body, subheads, headline, captions (Founder's order)."""

    body: list[Draw] = field(default_factory=list)
    subheads: list[Draw] = field(default_factory=list)
    headlines: list[Draw] = field(default_factory=list)
    captions: list[Draw] = field(default_factory=list)


@dataclass
class PageOut:
    """What one page paints: furniture, rules and photo frames first, then each article's text in Founder's order."""

    width: float
    height: float
    furniture: list[Draw] = field(default_factory=list)
    rules: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1, pen width
    frames: list[Rect] = field(default_factory=list)
    articles: list[TextDraws] = field(default_factory=list)


class Setter:
    """Measures and places text for one PDF (the writer is the measuring device), in points."""

    def __init__(self, writer: QPdfWriter, fonts: Fonts, spec: PageSpec) -> None:
        self.writer = writer
        self.fonts = fonts
        self.spec = spec

    def metrics(self, font: QFont) -> Metrics:
        return Metrics(font, self.writer)

    def width_of(self, text: str, font: QFont) -> float:
        return self.metrics(font).advance(text)

    def set_line(self, line: Line, font: QFont, x0: float, width: float, baseline: float, out: list[Draw]) -> Rect:
        """Draws one line's characters; returns the line's box."""
        size = font.pointSizeF()
        right = x0
        metrics = self.metrics(font)
        for token, x in _positions(line, x0, width):
            right = max(right, x + token.width)
            for char in token.text.strip():  # one by one: Qt's text layer loses glyphs it shaped in context
                out.append(Draw(font, x, baseline, char))
                x += metrics.advance(char)
        return Rect(x0 + line.indent, baseline - ASCENT * size, right, baseline + DESCENT * size)

    def centred(self, text: str, font: QFont, x0: float, width: float, baseline: float, out: list[Draw]) -> Rect:
        """One line centred in a width, letter by letter."""
        tokens = _tokens(text, self.metrics(font))
        natural = sum(token.width for token in tokens)
        line = Line(tuple(tokens), (), 0.0, False)
        return self.set_line(line, font, x0 + max(0.0, (width - natural) / 2), natural, baseline, out)

    def fitting_size(self, text: str, font: QFont, width: float) -> float:
        """The font's size, or less so that the text fits the width."""
        natural = self.width_of(text, font)
        if natural <= width:
            return font.pointSizeF()
        return max(6.0, math.floor(font.pointSizeF() * width / natural * 10) / 10)  # tenths: what Qt can set


# --------------------------------------------------------------------------------------------------- article layout


@dataclass
class Column:
    """A body column's left edge and the top and bottom its text runs between."""

    x: float
    top: float
    bottom: float


@dataclass
class ArticlePlan:
    """An article's content prepared for a region: headline text, flow items and captions."""

    document: CorpusDocument
    headline: tuple[str, ...]
    invented: bool
    flow: list[tuple[ItemKind, str]]  # paragraphs and subheads
    captions: list[str]
    bare_photo: bool  # a frame without a caption


def _plan(document: CorpusDocument, spec: PageSpec, invention: str, rng: random.Random) -> ArticlePlan:
    """What of the document is printed how: the invented headline if it has none (and the spec invents), photos if
    the spec has them."""
    headline = document.headline
    invented = not headline and spec.invent_headlines
    if invented:
        headline = (invention,)
    captions = document.texts("caption") if spec.photos else []
    flow: list[tuple[ItemKind, str]] = [(kind, text) for kind, text in document.items if kind != "caption"]
    bare = spec.photos and not captions and rng.random() < 0.3
    return ArticlePlan(document, headline, invented, flow, captions, bare)


@dataclass(frozen=True)
class Broken:
    """A flow item broken into lines for a column width, and the height it takes."""

    kind: ItemKind
    text: str
    lines: list[Line]
    height: float


@dataclass
class FlowResult:
    """The body flow poured into columns: where it has got to, what it placed and drew."""

    columns: list[Column]
    index: int = 0
    y: float = field(init=False)
    placed: list[Placed] = field(default_factory=list)
    draws: list[Draw] = field(default_factory=list)
    subhead_draws: list[Draw] = field(default_factory=list)
    bottom: float = field(init=False)  # the lowest text so far

    def __post_init__(self) -> None:
        self.y = self.bottom = self.columns[0].top

    @property
    def column(self) -> Column:
        return self.columns[self.index]

    @property
    def at_top(self) -> bool:
        return self.y <= self.column.top

    def next_column(self) -> bool:
        """On to the top of the next column; False when there is none."""
        self.bottom = max(self.bottom, self.y)
        self.index += 1
        if self.index == len(self.columns):
            return False
        self.y = self.column.top
        return True


@dataclass(frozen=True)
class Photo:
    """A grey frame at the top of some columns and its caption's lines under it."""

    frame: Rect
    caption: str | None
    lines: tuple[Line, ...]
    text_top: float  # where the columns' text starts under it


class ArticleSetter:
    """Lays one article into a region of the page: headline on top (or a vertical one at the right), then balanced
    columns, photos at the top of some of them."""

    def __init__(self, setter: Setter, plan: ArticlePlan, columns: int) -> None:
        self.setter = setter
        self.spec = setter.spec
        self.plan = plan
        self.columns = columns
        self.em = self.spec.body_size
        self.pitch = self.spec.body_size * self.spec.line_pitch
        self.caption_font = setter.fonts.caption(self.spec.caption_size)

    def column_geometry(self, width: float) -> tuple[float, float]:
        """Column width (whole ems) and gutter for the region's width."""
        gutter = self.spec.gutter_ems * self.em
        column = (width - (self.columns - 1) * gutter) / self.columns
        return max(self.em * 6, (column // self.em) * self.em), gutter

    def set(self, x0: float, top: float, width: float, out: PageOut) -> ArticleTruth:
        """Places the article at ``top`` in a region ``width`` wide, as tall as it needs."""
        headline_draws: list[Draw] = []
        headline: list[Placed] = []
        vertical = self.spec.vertical_headline != "none"
        if vertical:
            strip = sum(size * 1.3 for size in self._vertical_sizes(float("inf")))  # at most this wide
            body_width, body_top = width - strip - 1.5 * self.em, top
        else:
            body_width = width
            headline_bottom = _headline_block(
                self.setter, self.plan.headline, x0, width, top, headline_draws, headline, 0
            )
            body_top = headline_bottom + 0.9 * self.em
        column_width, gutter = self.column_geometry(body_width)
        used = self.columns * column_width + (self.columns - 1) * gutter
        body_x = x0 + (0.0 if vertical else (body_width - used) / 2)
        photos = self._photos(body_x, column_width, gutter, body_top)
        tops = [body_top] * self.columns
        for photo in photos:
            for index in range(self.columns):
                column_x = body_x + index * (column_width + gutter)
                if photo.frame.x0 <= column_x + 1 and column_x + column_width <= photo.frame.x1 + 1:
                    tops[index] = max(tops[index], photo.text_top)
        result = self._balanced_flow(body_x, column_width, gutter, tops)
        if vertical:
            sizes = self._vertical_sizes(result.bottom - body_top)
            strip = sum(size * 1.3 for size in sizes)
            headline_bottom = self._vertical_headline(x0 + width - strip, top, sizes, headline_draws, headline)
        text = TextDraws(result.draws, result.subhead_draws, headline_draws)
        out.articles.append(text)
        out.frames.extend(photo.frame for photo in photos)
        captions = [self._caption(photo, text.captions) for photo in photos]
        return ArticleTruth(
            self.plan.document.name,
            tuple(headline),
            self.plan.invented,
            tuple(result.placed),
            tuple(caption for caption in captions if caption is not None),
            tuple(photo.frame for photo in photos),
            tuple(body_x + index * (column_width + gutter) for index in range(self.columns)),
            column_width,
            gutter,
            Rect(x0, top, x0 + width, max(result.bottom, headline_bottom)),
        )

    # -- vertical headline

    def _vertical_sizes(self, height: float) -> list[float]:
        """Each headline line's size to run about the body's height: the main line largest, a deck line at most
        its deck size, none below 80% of it."""
        sizes = []
        for text, main in _headline_roles(self.plan.headline):
            largest = self.spec.headline_size if main else self.spec.deck_size
            sizes.append(max(self.spec.deck_size * 0.8, math.floor(min(largest, height / len(text)) * 10) / 10))
        return sizes

    def _vertical_headline(
        self, x0: float, top: float, sizes: list[float], draws: list[Draw], placed: list[Placed]
    ) -> float:
        """Headline lines as columns of characters top to bottom, the first line rightmost; returns the lowest end.
        Upright characters one under another, or (``rotated``) the painter turned a quarter for each glyph."""
        x = x0 + sum(size * 1.3 for size in sizes)
        bottom = top
        for text, size in zip(self.plan.headline, sizes, strict=True):
            x -= size * 1.3
            font = self.setter.fonts.bold(size)
            metrics = self.setter.metrics(font)
            column_x = x + 0.15 * size
            y = top
            for char in text.replace(" ", ""):
                advance = metrics.advance(char)
                if self.spec.vertical_headline == "rotated":
                    draws.append(Draw(font, column_x + DESCENT * size, y, char, rotated=True))
                    y += advance
                else:
                    draws.append(Draw(font, column_x + (size - advance) / 2, y + ASCENT * size, char))
                    y += size if advance > size * 0.7 else size * 0.7
            placed.append(_placed("headline", text, 0, (Rect(column_x, top, column_x + size, y),), size))
            bottom = max(bottom, y)
        return bottom

    # -- photos

    def _photos(self, body_x: float, column_width: float, gutter: float, top: float) -> list[Photo]:
        """A frame per caption (or one bare frame), each at the top of one or two columns, stacked when they meet."""
        rng = random.Random(_seed(self.plan.document.name, "photo"))
        captions: list[str | None] = list(self.plan.captions) or ([None] if self.plan.bare_photo else [])
        tops = [top] * self.columns
        photos: list[Photo] = []
        metrics = self.setter.metrics(self.caption_font)
        size = self.spec.caption_size
        for caption in captions:
            span = 2 if self.columns >= 3 and rng.random() < 0.6 else 1
            starts = range(self.columns - span + 1)
            lowest = min(max(tops[start : start + span]) for start in starts)
            first = rng.choice([start for start in starts if max(tops[start : start + span]) == lowest])
            width = span * column_width + (span - 1) * gutter
            x = body_x + first * (column_width + gutter)
            y = max(tops[first : first + span])
            frame = Rect(x, y, x + width, y + round(width * rng.uniform(0.5, 0.65)))
            lines = tuple(_break_lines(caption, metrics, width, 0.0, hanging=False)) if caption else ()
            text_top = frame.y1 + (0.4 * self.em + len(lines) * size * 1.4 if lines else 0.0) + 0.8 * self.em
            photos.append(Photo(frame, caption, lines, text_top))
            tops[first : first + span] = [text_top] * span
        return photos

    def _caption(self, photo: Photo, draws: list[Draw]) -> Placed | None:
        """A photo's caption under its frame."""
        if photo.caption is None:
            return None
        size = self.spec.caption_size
        baseline = photo.frame.y1 + 0.4 * self.em + ASCENT * size
        rects = []
        for line in photo.lines:
            rects.append(
                self.setter.set_line(line, self.caption_font, photo.frame.x0, photo.frame.width, baseline, draws)
            )
            baseline += size * 1.4
        return _placed("caption", photo.caption, 0, (_union(rects),), size)

    # -- the body flow

    def _balanced_flow(self, x0: float, column_width: float, gutter: float, tops: list[float]) -> FlowResult:
        """The flow in the shortest columns that hold it (balanced, as an article box is)."""
        top = min(tops)
        broken = [self._break(kind, text, column_width) for kind, text in self.plan.flow]
        total = sum(item.height for item in broken) + sum(column_top - top for column_top in tops)
        height = max(total / self.columns, max(tops) - top + self.pitch * 2)
        while True:
            columns = [
                Column(x0 + index * (column_width + gutter), tops[index], top + height) for index in range(self.columns)
            ]
            result = self._flow(columns, column_width, broken)
            if result is not None:
                return result
            height += self.pitch

    def _break(self, kind: ItemKind, text: str, width: float) -> Broken:
        """A flow item broken into the column's lines: a subhead in the bold serif, unjustified; a paragraph
        justified, its first line indented 2 ems."""
        if kind == "subhead":
            font = self.setter.fonts.bold(self.spec.subhead_size)
            lines = _break_lines(text, self.setter.metrics(font), width, 0.0, hanging=False)
            lines = [replace(line, justified=False) for line in lines]
            return Broken(kind, text, lines, len(lines) * self.spec.subhead_size * 1.3 + self.pitch / 2)
        font = self.setter.fonts.body(self.em)
        lines = _break_lines(text, self.setter.metrics(font), width, 2 * self.em, self.spec.hanging)
        return Broken(kind, text, lines, len(lines) * self.pitch)

    def _flow(self, columns: list[Column], width: float, broken: list[Broken]) -> FlowResult | None:
        """Pours the broken items into the columns in order, or None when they do not fit."""
        flow = FlowResult(columns)
        for item in broken:
            fits = self._subhead(flow, item, width) if item.kind == "subhead" else self._paragraph(flow, item, width)
            if not fits:
                return None
        flow.bottom = max(flow.bottom, flow.y)
        return flow

    def _subhead(self, flow: FlowResult, item: Broken, width: float) -> bool:
        """A subhead centred in its column (or from its left edge), kept with a line and a half of what follows."""
        size = self.spec.subhead_size
        font = self.setter.fonts.bold(size)
        needed = len(item.lines) * size * 1.3 + self.pitch * 1.5
        if flow.y + needed > flow.column.bottom and not flow.at_top and not flow.next_column():
            return False
        flow.y += 0.0 if flow.at_top else 0.25 * self.pitch
        rects = []
        for line in item.lines:
            natural = min(width, sum(token.width for token in line.tokens))
            baseline = flow.y + ASCENT * size + 0.15 * size
            left = flow.column.x + ((width - natural) / 2 if self.spec.subheads_centred else 0.0)
            rects.append(self.setter.set_line(line, font, left, natural, baseline, flow.subhead_draws))
            flow.y += size * 1.3
        flow.y += 0.25 * self.pitch
        flow.placed.append(_placed("subhead", item.text, 0, (_union(rects),), size))
        return True

    def _paragraph(self, flow: FlowResult, item: Broken, width: float) -> bool:
        """A paragraph's lines down the column, on at the top of the next when it is full (a piece per column)."""
        font = self.setter.fonts.body(self.em)
        pieces: list[list[Rect]] = [[]]
        for line in item.lines:
            if flow.y + self.pitch > flow.column.bottom + 0.01:
                if not flow.next_column():
                    return False
                pieces.append([])
            baseline = flow.y + ASCENT * self.em + (self.pitch - self.em) / 2
            pieces[-1].append(self.setter.set_line(line, font, flow.column.x, width, baseline, flow.draws))
            flow.y += self.pitch
        flow.placed.append(_placed("paragraph", item.text, 0, [_union(rects) for rects in pieces if rects], self.em))
        return True


def _placed(kind: str, text: str, page: int, rects: Sequence[Rect], size: float) -> Placed:
    return Placed(kind, text, tuple(Piece(page, rect) for rect in rects), size)


def _headline_roles(lines: Sequence[str]) -> list[tuple[str, bool]]:
    """The headline lines with whether each is the main title (引题/主题/副题: the middle one of three)."""
    main = 1 if len(lines) == 3 else 0
    return [(line, index == main) for index, line in enumerate(lines)]


def _headline_block(
    setter: Setter,
    lines: Sequence[str],
    x0: float,
    width: float,
    top: float,
    draws: list[Draw],
    placed: list[Placed],
    page: int,
) -> float:
    """The headline lines centred across the width, the main one largest; a line too long for the width is set in
    two (a piece each) or, failing that, smaller. Returns the block's bottom."""
    y = top
    for text, main in _headline_roles(lines):
        size = setter.spec.headline_size if main else setter.spec.deck_size
        font = setter.fonts.bold(size)
        rows = [text]
        if setter.width_of(text, font) > width and main:
            rows = _halves(text)
        font.setPointSizeF(min(setter.fitting_size(row, font, width) for row in rows))
        size = font.pointSizeF()
        rects = []
        for row in rows:
            baseline = y + ASCENT * size + (0.25 * size if main else 0.1 * size)
            rects.append(setter.centred(row, font, x0, width, baseline, draws))
            y = baseline + DESCENT * size + (0.25 * size if main else 0.1 * size)
        placed.append(_placed("headline", text, page, rects, size))
    return y


def _halves(text: str) -> list[str]:
    """A headline line broken in two: after the punctuation or space nearest its middle, else at the middle."""
    breaks = [index + 1 for index, char in enumerate(text[:-1]) if char in "，、：；！？ "]
    middle = len(text) // 2
    cut = min(breaks, key=lambda index: abs(index - middle)) if breaks else middle
    return [text[:cut].rstrip(), text[cut:].lstrip()]


def _union(rects: Sequence[Rect]) -> Rect:
    result = rects[0]
    for rect in rects[1:]:
        result = result.union(rect)
    return result


def _seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("\n".join(parts).encode("utf-8")).digest()[:8], "big")


# ---------------------------------------------------------------------------------------------------- furniture


def _masthead(setter: Setter, out: PageOut, rng: random.Random, banner: str | None) -> tuple[float, list[Placed]]:
    """The paper's name, a banner slogan beside it (if given), a date line and double rules; returns where the
    articles may start."""
    spec, fonts = setter.spec, setter.fonts
    margin, width = spec.margin, out.width - 2 * spec.margin
    name = rng.choice(PAPER_NAMES)
    day = datetime.date(2024, rng.randrange(1, 13), rng.randrange(1, 29))
    weekday = WEEKDAYS[day.weekday()]
    dateline = f"{day.year}年{day.month}月{day.day}日  {weekday}  第{spec.page_number}版  {rng.choice(SECTIONS)}"
    name_width = width / 2.5
    rect = setter.centred(name, fonts.bold(44), margin, name_width, margin + 39, out.furniture)
    placed = [_placed("masthead", name, 0, (rect,), 44)]
    if banner:
        rect = setter.centred(
            banner, fonts.bold(14), margin + name_width, width - name_width, margin + 20, out.furniture
        )
        placed.append(_placed("banner", banner, 0, (rect,), 14))
    small = fonts.caption(9)
    date_width = setter.width_of(dateline, small)
    rect = setter.centred(dateline, small, margin + width - date_width, date_width, margin + 58, out.furniture)
    placed.append(_placed("dateline", dateline, 0, (rect,), 9))
    out.rules.append((margin, margin + 64, margin + width, margin + 64, 2.0))
    out.rules.append((margin, margin + 67, margin + width, margin + 67, 0.5))
    return margin + 67, placed


def _foot_banner(setter: Setter, out: PageOut, banner: str, top: float) -> Placed:
    """A banner slogan centred at the foot of the page, under a rule."""
    margin, width = setter.spec.margin, out.width - 2 * setter.spec.margin
    out.rules.append((margin, top, margin + width, top, 1.0))
    rect = setter.centred(banner, setter.fonts.bold(16), margin, width, top + 8 + ASCENT * 16, out.furniture)
    return _placed("banner", banner, 0, (rect,), 16)


def _page_regions(count: int, rng: random.Random, left: float, width: float) -> list[list[tuple[float, float]]]:
    """Rows of article regions (x, width): the first article across the page and the others side by side below it,
    or (two articles, at random) both side by side."""
    if count == 2 and rng.random() < 0.5:
        return [_side_by_side(2, left, width)]
    return [[(left, width)], _side_by_side(count - 1, left, width)] if count > 1 else [[(left, width)]]


def _side_by_side(count: int, left: float, width: float, gap: float = 18.0) -> list[tuple[float, float]]:
    share = (width - gap * (count - 1)) / count
    return [(left + index * (share + gap), share) for index in range(count)]


def _columns_for(width: float, spec: PageSpec, full_width: float) -> int:
    """The spec's columns for an article across the page, else as many as fit about 19 ems each."""
    if spec.columns is not None and width >= full_width - 1:
        return spec.columns
    gutter = spec.gutter_ems * spec.body_size
    return max(1, round((width + gutter) / (19 * spec.body_size + gutter)))


# ------------------------------------------------------------------------------------------------------ painting


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(72 * UNIT)
    writer.setTitle(title)
    writer.setCreator("jcviewer tests/newspaper_pdf.py")
    return writer


def _page_size(writer: QPdfWriter, width: float, height: float) -> None:
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(width, height), QPageSize.Unit.Point), QPageLayout.Orientation.Portrait, QMarginsF()
        )
    )


def _paint(painter: QPainter, page: PageOut) -> None:
    """Furniture, rules and frames, then body, subheads, headlines and captions: Founder's drawing order."""
    _paint_draws(painter, page.furniture)
    for x0, y0, x1, y1, width in page.rules:
        painter.setPen(QPen(QColor(0, 0, 0), width * UNIT))
        painter.drawLine(QPointF(x0 * UNIT, y0 * UNIT), QPointF(x1 * UNIT, y1 * UNIT))
    painter.setPen(QPen(QColor(0, 0, 0), 0))
    for frame in page.frames:
        painter.fillRect(
            QRectF(frame.x0 * UNIT, frame.y0 * UNIT, frame.width * UNIT, frame.height * UNIT), QColor(200, 200, 200)
        )
    for article in page.articles:
        for draws in (article.body, article.subheads, article.headlines, article.captions):
            _paint_draws(painter, draws)


def _paint_draws(painter: QPainter, draws: list[Draw]) -> None:
    painter.setPen(QColor(0, 0, 0))
    for draw in draws:
        painter.setFont(draw.font)
        if draw.rotated:
            painter.save()
            painter.translate(draw.x * UNIT, draw.baseline * UNIT)
            painter.rotate(90)
            painter.drawText(QPointF(0, 0), draw.text)
            painter.restore()
        else:
            painter.drawText(QPointF(draw.x * UNIT, draw.baseline * UNIT), draw.text)


def typeset(documents: Sequence[CorpusDocument], path: Path, spec: PageSpec | None = None) -> Truth:
    """One newspaper page with one article per document (the first across the top, the others side by side below
    it), written to ``path``. Needs a QGuiApplication."""
    spec = spec or PageSpec()
    with _fonts(spec.font_family) as fonts:
        return _typeset(documents, path, spec, fonts)


def _typeset(documents: Sequence[CorpusDocument], path: Path, spec: PageSpec, fonts: Fonts) -> Truth:
    rng = random.Random(_seed(*(document.name for document in documents), repr(spec)))
    writer = _writer(path, "、".join(document.name for document in documents))
    setter = Setter(writer, fonts, spec)
    out = PageOut(spec.page_width, spec.page_height)
    banner = rng.choice(BANNERS)
    banner_at_top = rng.random() < 0.5
    top, furniture = _masthead(setter, out, rng, banner if banner_at_top else None)
    width = spec.page_width - 2 * spec.margin
    inventions = rng.sample(INVENTED_HEADLINES, len(INVENTED_HEADLINES))  # different ones on a page
    plans = [
        _plan(document, spec, inventions[index % len(inventions)], rng) for index, document in enumerate(documents)
    ]
    articles: list[ArticleTruth] = []
    y = top + 12
    plan_index = 0
    for row in _page_regions(len(documents), rng, spec.margin, width):
        row_bottom = y
        for x, region_width in row:
            columns = _columns_for(region_width, spec, width)
            truth = ArticleSetter(setter, plans[plan_index], columns).set(x, y, region_width, out)
            articles.append(truth)
            row_bottom = max(row_bottom, truth.box.y1)
            plan_index += 1
        for x, _ in row[1:]:
            out.rules.append((x - 9, y, x - 9, row_bottom, 0.5))
        y = row_bottom + 12
        out.rules.append((spec.margin, y - 6, spec.margin + width, y - 6, 0.5))
    out.height = max(spec.page_height, y + spec.margin + (0 if banner_at_top else 30))
    if not banner_at_top:
        furniture.append(_foot_banner(setter, out, banner, out.height - spec.margin - 24))
    _page_size(writer, out.width, out.height)
    painter = QPainter(writer)
    try:
        _paint(painter, out)
    finally:
        painter.end()
    return Truth(path, ((out.width, out.height),), tuple(articles), tuple(furniture), spec)


# --------------------------------------------------------------------------------------------- multi-page document


REPORT_SPEC = PageSpec(
    body_size=12.0,
    line_pitch=1.7,
    headline_size=22.0,
    deck_size=16.0,
    subhead_size=14.0,
    margin=72.0,
    page_width=595.0,
    page_height=842.0,
)


class ReportSetter:
    """A document as an A4 work report: one column running from page to page."""

    def __init__(self, setter: Setter, header: str) -> None:
        self.setter = setter
        self.spec = spec = setter.spec
        self.header = header
        self.width = spec.page_width - 2 * spec.margin
        self.bottom = spec.page_height - spec.margin
        self.em, self.pitch = spec.body_size, spec.body_size * spec.line_pitch
        self.pages: list[PageOut] = []
        self.furniture: list[Placed] = []
        self.y = spec.margin
        self.new_page()

    @property
    def page(self) -> PageOut:
        return self.pages[-1]

    @property
    def text(self) -> TextDraws:
        return self.pages[-1].articles[0]

    @property
    def number(self) -> int:
        return len(self.pages) - 1

    def new_page(self) -> None:
        """A page with its running header and page number; the text goes on at its top."""
        spec, margin, width = self.spec, self.spec.margin, self.width
        page = PageOut(spec.page_width, spec.page_height, articles=[TextDraws()])
        self.pages.append(page)
        font = self.setter.fonts.caption(9)
        rect = self.setter.centred(self.header, font, margin, width, margin - 18, page.furniture)
        self.furniture.append(_placed("running_header", self.header, self.number, (rect,), 9))
        page.rules.append((margin, margin - 12, margin + width, margin - 12, 0.5))
        label = f"- {self.number + 1} -"
        rect = self.setter.centred(label, font, margin, width, spec.page_height - margin + 24, page.furniture)
        self.furniture.append(_placed("page_number", label, self.number, (rect,), 9))
        self.y = margin

    def room_for(self, height: float) -> None:
        if self.y + height > self.bottom + 0.01:
            self.new_page()

    def subhead(self, text: str) -> Placed:
        """A numbered head in the bold serif, indented 2 ems, kept with a line of what follows."""
        font = self.setter.fonts.bold(self.spec.subhead_size)
        lines = _break_lines(text, self.setter.metrics(font), self.width - 2 * self.em, 0.0, hanging=False)
        self.room_for((len(lines) + 1) * self.pitch)
        rects = []
        for line in lines:
            baseline = self.y + ASCENT * self.spec.subhead_size + (self.pitch - self.spec.subhead_size) / 2
            left = self.spec.margin + 2 * self.em
            rects.append(
                self.setter.set_line(
                    replace(line, justified=False), font, left, self.width, baseline, self.text.subheads
                )
            )
            self.y += self.pitch
        return _placed("subhead", text, self.number, (_union(rects),), self.spec.subhead_size)

    def paragraph(self, text: str) -> Placed:
        """Justified lines, the first indented; a piece per page it runs over."""
        font = self.setter.fonts.body(self.em)
        pieces: list[tuple[int, list[Rect]]] = []
        for line in _break_lines(text, self.setter.metrics(font), self.width, 2 * self.em, self.spec.hanging):
            self.room_for(self.pitch)
            if not pieces or pieces[-1][0] != self.number:
                pieces.append((self.number, []))
            baseline = self.y + ASCENT * self.em + (self.pitch - self.em) / 2
            pieces[-1][1].append(
                self.setter.set_line(line, font, self.spec.margin, self.width, baseline, self.text.body)
            )
            self.y += self.pitch
        return Placed("paragraph", text, tuple(Piece(number, _union(rects)) for number, rects in pieces), self.em)

    def photo(self, caption: str) -> tuple[Rect, Placed]:
        """A grey frame two thirds of the width, centred, with its caption in the sans under it."""
        size = self.spec.caption_size
        frame_width = round(self.width * 2 / 3)
        left = self.spec.margin + (self.width - frame_width) / 2
        font = self.setter.fonts.caption(size)
        lines = _break_lines(caption, self.setter.metrics(font), frame_width, 0.0, hanging=False)
        self.room_for(frame_width * 0.6 + (len(lines) + 1) * size * 1.4 + self.pitch)
        frame = Rect(left, self.y, left + frame_width, self.y + round(frame_width * 0.6))
        self.page.frames.append(frame)
        baseline = frame.y1 + 0.4 * self.em + ASCENT * size
        rects = []
        for line in lines:
            rects.append(self.setter.set_line(line, font, left, frame_width, baseline, self.text.captions))
            baseline += size * 1.4
        self.y = baseline + self.pitch
        return frame, _placed("caption", caption, self.number, (_union(rects),), size)


def typeset_document_pages(document: CorpusDocument, path: Path, spec: PageSpec = REPORT_SPEC) -> Truth:
    """One document as an A4 work report over as many pages as it needs: one column, the headline on page 1,
    numbered subheads in the bold serif, photos with captions where the text has them, a running header and a page
    number on every page, paragraphs running on across page breaks. Needs a QGuiApplication."""
    with _fonts(spec.font_family) as fonts:
        return _typeset_report(document, path, spec, fonts)


def _typeset_report(document: CorpusDocument, path: Path, spec: PageSpec, fonts: Fonts) -> Truth:
    rng = random.Random(_seed(document.name, "pages", repr(spec)))
    writer = _writer(path, document.name)
    setter = Setter(writer, fonts, spec)
    plan = _plan(document, spec, rng.choice(INVENTED_HEADLINES), rng)
    report = ReportSetter(setter, rng.choice(RUNNING_HEADERS))
    headline: list[Placed] = []
    report.y = _headline_block(
        setter, plan.headline, spec.margin, report.width, spec.margin, report.text.headlines, headline, 0
    )
    report.y += report.pitch
    flow: list[Placed] = []
    captions: list[Placed] = []
    frames: list[Rect] = []
    for kind, text in document.items:
        if kind == "caption":
            frame, caption = report.photo(text)
            frames.append(frame)
            captions.append(caption)
        else:
            flow.append(report.subhead(text) if kind == "subhead" else report.paragraph(text))
    _page_size(writer, spec.page_width, spec.page_height)
    painter = QPainter(writer)
    try:
        for index, out in enumerate(report.pages):
            if index:
                writer.newPage()
            _paint(painter, out)
    finally:
        painter.end()
    box = Rect(spec.margin, spec.margin, spec.margin + report.width, report.bottom)
    article = ArticleTruth(
        document.name,
        tuple(headline),
        plan.invented,
        tuple(flow),
        tuple(captions),
        tuple(frames),
        (spec.margin,),
        report.width,
        0.0,
        box,
    )
    sizes = tuple((spec.page_width, spec.page_height) for _ in report.pages)
    return Truth(path, sizes, (article,), tuple(report.furniture), spec)


# ------------------------------------------------------------------------------------------------- the standard set

# Pages of the standard set: the documents (by number) on each and how the page is set.
STANDARD_PAGES: tuple[tuple[str, tuple[str, ...], PageSpec], ...] = (
    ("page-03-01-02", ("03", "01", "02"), PageSpec(gutter_ems=2.0, hanging=True, page_number=1)),
    ("page-04-05-07", ("05", "04", "07"), PageSpec(gutter_ems=2.5, page_number=2)),
    ("page-09-06", ("09", "06"), PageSpec(gutter_ems=1.5, body_size=9.5, page_number=3)),
    (
        "page-08-10",
        ("08", "10"),
        PageSpec(gutter_ems=2.0, hanging=True, page_number=4, subhead_size=20.0, subheads_centred=False),
    ),
    ("page-11-12", ("12", "11"), PageSpec(gutter_ems=3.0, body_size=10.0, page_number=5, subhead_size=21.0)),
    ("single-03-vertical", ("03",), PageSpec(columns=4, vertical_headline="stacked", gutter_ems=2.0, hanging=True)),
    ("single-02-rotated", ("02",), PageSpec(columns=3, vertical_headline="rotated", headline_size=40.0)),
    ("single-11", ("11",), PageSpec(columns=5, headline_size=44.0, page_number=6)),
)


def corpus_pages(folder: Path) -> list[tuple[Path, Truth]]:
    """The standard set into ``folder``: newspaper pages covering all twelve corpus documents with mixed specs
    (2-em gutters with hanging punctuation on some), single-article pages (two with vertical headlines) and a
    multi-page A4 report. Raises FileNotFoundError without the corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Path, Truth]] = []
    for stem, numbers, spec in STANDARD_PAGES:
        path = folder / f"{stem}.pdf"
        made.append((path, typeset([corpus_document(number) for number in numbers], path, spec)))
    for number in ("06", "12"):
        path = folder / f"report-{number}.pdf"
        made.append((path, typeset_document_pages(corpus_document(number), path)))
    return made


def write_truth(truth: Truth) -> Path:
    """``NAME.truth.json`` beside the PDF."""
    path = truth.path.with_suffix(".truth.json")
    path.write_text(json.dumps(truth.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def previews(pdf: Path, dpi: int = 60) -> Iterator[Path]:
    """PNG previews of the PDF's pages (none without pdftoppm)."""
    if not shutil.which("pdftoppm"):
        return
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    yield from sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python3 tests/newspaper_pdf.py OUTDIR", file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication(["newspaper_pdf", "-platform", "offscreen"])
    folder = Path(argv[0])
    started = time.perf_counter()
    made = corpus_pages(folder)
    elapsed = time.perf_counter() - started
    for pdf, truth in made:
        write_truth(truth)
        pngs = list(previews(pdf))
        print(f"{pdf}  pages={len(truth.pages)}  articles={len(truth.articles)}  previews={len(pngs)}")
    print(f"typeset {len(made)} PDFs in {elapsed:.2f} s")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
