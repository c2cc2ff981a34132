"""PDF bytes → each page's characters with their boxes, real font sizes and fonts, and its pictures (pdfium).

One loop over pdfium's raw API per page. What is read per character is only what changes per character (its code,
box and angle); the font, size and boldness are read once per text object, which every character of it shares.

Boxes are pdfium's *loose* character boxes: built from the font's ascent and descent at the character's origin,
so every character of a line has the same top and bottom whatever its shape (一 and 口 alike), where the tight
box (``FPDFText_GetCharBox``) hugs the glyph and makes a line of 一 and 口 look like two. Lines group on them.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf.page import Char, PageChars, Rect
from jcviewer.model.pdf.unicode_fix import normalise

BOLD_NAME = re.compile(
    r"黑|粗|标宋|综艺|bold|black|heavy|demi|hei|biaosong|cusong|cuyuan|zongyi"
    r"|^FZ(?:X?BS|DBS|CS|ZY|D?HT|LT[ZCDT]H)(?:JW|K|F|J|-|_|$)",
    re.IGNORECASE,
)
"""Font names that print bold: 黑体 and its kin (SimHei, FZHei, 方正大黑), the headline Songs (大标宋, 小标宋:
FZXiaoBiaoSong, FZDaBiaoSong), 粗宋 and 粗圆, 综艺, the Latin weights, and Founder's PostScript names for the same
(FZXBSJW--GB1-0 小标宋, FZDBSK 大标宋, FZCSJW 粗宋, FZZYJW 综艺, FZHTK 黑体, FZDHTJW 大黑, FZLTZHK 兰亭中黑 …)."""
LIGHT_NAME = re.compile(r"细|xihei|^FZLTXH|light|thin", re.IGNORECASE)
"""… unless the name says thin: 细黑 (FZXiHei, FZLTXHK 兰亭细黑), Light, Thin."""
BOLD_WEIGHT = 600
VERTICAL_TOLERANCE = 0.2  # radians from a quarter turn
FIGURE_MIN = 20.0  # points: a filled path at least this wide and high is a picture frame, not a rule
RECTANGLE_SEGMENTS = 6  # a rectangle's path: move, three or four lines, close
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")

SCANNED_MESSAGE = "the PDF has no text layer (a scanned page?); OCR is not supported"


def extract_pages(data: bytes, source: str) -> tuple[PageChars, ...]:
    """Every page of the PDF ``data`` with its characters and pictures; ``source`` names the file in errors.

    Raises ReportError: "pdf_broken", "pdf_encrypted", and the text layer's faults (``check_text_layer``)."""
    document = _open(data, source)
    try:
        pages = tuple(_page(document, number) for number in range(len(document)))
    finally:
        document.close()
    check_text_layer(pages, source)
    return pages


LOST_TEXT_OBJECTS = 20
"""A page with at least this many text objects …"""
LOST_TEXT_RATIO = 0.5
"""… but fewer characters than this many per text object has lost its text: every text object prints at least one
character, and pdfium drops the characters of some CJK encodings (GBK-EUC-H with a code alone in its string)."""
LOST_TEXT_SHARE = 0.5
"""The document's text layer is lost when this share of its pages with text objects has lost its text."""


def check_text_layer(pages: tuple[PageChars, ...], source: str) -> None:
    """Raise ReportError if the pages hold no readable text: "pdf_empty" (nothing printed at all), "pdf_scanned"
    (pictures but no text objects), "pdf_lost_text" (text objects whose characters pdfium could not read)."""
    if any(page.chars for page in pages) and not _lost(pages):
        return
    if _lost(pages):
        raise ReportError(
            "pdf_lost_text", source, "the PDF's text layer cannot be read (its font encoding is not supported)"
        )
    if any(page.figures for page in pages):
        raise ReportError("pdf_scanned", source, SCANNED_MESSAGE)
    raise ReportError("pdf_empty", source, "the PDF has no text and no pictures")


def _lost(pages: tuple[PageChars, ...]) -> bool:
    with_text = [page for page in pages if page.text_objects]
    lost = [
        page
        for page in with_text
        if page.text_objects >= LOST_TEXT_OBJECTS and len(page.chars) < page.text_objects * LOST_TEXT_RATIO
    ]
    return bool(lost) and len(lost) >= len(with_text) * LOST_TEXT_SHARE


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReportError("pdf_encrypted", source, "the PDF is protected by a password") from None
        raise ReportError("pdf_broken", source, "not a PDF, or a damaged one: it cannot be opened") from None


def _page(document: pdfium.PdfDocument, number: int) -> PageChars:
    page = pdfium_c.FPDF_LoadPage(document.raw, number)
    if not page:
        raise pdfium.PdfiumError(f"page {number + 1} cannot be loaded")
    try:
        width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        text_page = pdfium_c.FPDFText_LoadPage(page)
        try:
            chars = _chars(text_page, height) if text_page else ()
        finally:
            if text_page:
                pdfium_c.FPDFText_ClosePage(text_page)
        objects = list(_objects(page))
        text_objects = sum(1 for kind, _ in objects if kind == pdfium_c.FPDF_PAGEOBJ_TEXT)
        figures = tuple(rect for kind, handle in objects if (rect := _figure(kind, handle, height)) is not None)
        return PageChars(number, width, height, chars, figures, text_objects)
    finally:
        pdfium_c.FPDF_ClosePage(page)


class _Style:
    """What every character of one text object shares: its real size, font name, boldness."""

    __slots__ = ("size", "font", "bold")

    def __init__(self, size: float, font: str, bold: bool) -> None:
        self.size, self.font, self.bold = size, font, bold


def _chars(text_page: pdfium_c.FPDF_TEXTPAGE, height: float) -> tuple[Char, ...]:
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    box_ref, matrix_ref = ctypes.byref(box), ctypes.byref(matrix)
    styles: dict[int, _Style] = {}
    fonts: dict[int, tuple[str, bool]] = {}
    chars: list[Char] = []
    get_unicode, is_generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    get_object, get_box, get_angle = (
        pdfium_c.FPDFText_GetTextObject,
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetCharAngle,
    )
    address = ctypes.addressof
    for index in range(pdfium_c.FPDFText_CountChars(text_page)):
        code = get_unicode(text_page, index)
        if code < 0x20 or 0x7F <= code < 0xA0 or code in (0xFFFE, 0xFFFF) or is_generated(text_page, index):
            continue
        text_object = get_object(text_page, index)
        if not text_object or not get_box(text_page, index, box_ref):
            continue
        key = address(text_object.contents)
        style = styles.get(key)
        if style is None:
            pdfium_c.FPDFText_GetMatrix(text_page, index, matrix_ref)
            style = styles[key] = _style(text_page, index, text_object, matrix, fonts)
        angle = get_angle(text_page, index)
        chars.append(
            Char(
                normalise(chr(code)),
                Rect(box.left, height - box.top, box.right, height - box.bottom),
                style.size,
                style.font,
                style.bold,
                abs(abs(angle - math.pi) - math.pi / 2) < VERTICAL_TOLERANCE,
            )
        )
    return tuple(chars)


def _style(
    text_page: pdfium_c.FPDF_TEXTPAGE,
    index: int,
    text_object: pdfium_c.FPDF_PAGEOBJECT,
    matrix: pdfium_c.FS_MATRIX,
    fonts: dict[int, tuple[str, bool]],
) -> _Style:
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
    size = pdfium_c.FPDFText_GetFontSize(text_page, index) * scale
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    key = ctypes.addressof(font.contents) if font else 0
    if key not in fonts:
        fonts[key] = _font(font) if font else ("", False)
    name, bold = fonts[key]
    return _Style(round(size, 2), name, bold)


def _font(font: pdfium_c.FPDF_FONT) -> tuple[str, bool]:
    """The font's base name without a subset prefix, and whether it prints bold (by name or weight)."""
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
    name = SUBSET_PREFIX.sub("", _decoded(buffer.value))
    by_name = bool(BOLD_NAME.search(name)) and not LIGHT_NAME.search(name)
    return name, by_name or pdfium_c.FPDFFont_GetWeight(font) >= BOLD_WEIGHT


def _decoded(name: bytes) -> str:
    """A font name's bytes as text: UTF-8, or GB 18030 as Chinese PDF writers write 方正黑体 (#B7#BD#D5#FD…)."""
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        return name.decode("gb18030", "replace")


def _objects(page: pdfium_c.FPDF_PAGE) -> Iterator[tuple[int, pdfium_c.FPDF_PAGEOBJECT]]:
    """The page's objects with their types, those of form XObjects included."""
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        yield from _object(pdfium_c.FPDFPage_GetObject(page, index))


def _object(handle: pdfium_c.FPDF_PAGEOBJECT) -> Iterator[tuple[int, pdfium_c.FPDF_PAGEOBJECT]]:
    kind = pdfium_c.FPDFPageObj_GetType(handle)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        for index in range(pdfium_c.FPDFFormObj_CountObjects(handle)):
            yield from _object(pdfium_c.FPDFFormObj_GetObject(handle, index))
    else:
        yield kind, handle


def _figure(kind: int, handle: pdfium_c.FPDF_PAGEOBJECT, height: float) -> Rect | None:
    """The box of a picture: an image, or a large filled rectangle (a photo's frame or grey placeholder)."""
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH and not _filled_rectangle(handle):
        return None
    if kind not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
        return None
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(
        handle, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return None
    rect = Rect(left.value, height - top.value, right.value, height - bottom.value)
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH and (rect.width < FIGURE_MIN or rect.height < FIGURE_MIN):
        return None
    return rect


def _filled_rectangle(handle: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return False
    if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return False
    segments = pdfium_c.FPDFPath_CountSegments(handle)
    return 0 < segments <= RECTANGLE_SEGMENTS and not _white(handle)


def _white(handle: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    """A white fill: a page's or a column's background, not a picture."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(
        handle, ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha)
    ):
        return False
    return min(red.value, green.value, blue.value) >= 250 or alpha.value == 0
