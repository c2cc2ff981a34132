"""PDF bytes → each page's characters with their boxes, real font sizes and fonts, and its pictures (pdfium).

One loop over pdfium's raw API per page, a few calls per character (its code, text object, box, matrix and font
size; pdfium's own page and text-page loading is most of the time); a font's name and boldness are read once.
``guard.read_pages`` runs it in a child process with a time limit, for the files a user opens.

Boxes and pictures are placed on the page as displayed (as ``page.render()`` draws it): turned by its /Rotate,
measured from the top left of its CropBox; what lies outside the CropBox (slug lines, crop-mark text in the bleed)
is not shown, so it is not read. ``extract_pages`` holds the pdfium lock (``PDFIUM``) for as long as it uses
pdfium, so its callers need not (the page view renders on another thread).

Boxes are pdfium's *loose* character boxes: built from the font's ascent and descent at the character's origin,
so every character of a line has the same top and bottom whatever its shape (一 and 口 alike), where the tight
box (``FPDFText_GetCharBox``) hugs the glyph and makes a line of 一 and 口 look like two. Lines group on them.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf.page import Char, PageChars, Rect
from jcviewer.model.pdf.pdfium_lock import PDFIUM
from jcviewer.model.pdf.unicode_fix import ideograph_readings

BOLD_WEIGHT_NAME = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
"""Latin weights in a font's name: bold whatever the face."""
BOLD_FACE_NAME = re.compile(
    r"黑|粗|标宋|综艺|Hei|BiaoSong|CuSong|CuYuan|ZongYi|^FZ(?:X?BS|DBS|CS|ZY|D?HT|LT[ZCDT]H)(?:JW|K|F|J|-|_|$)"
)
"""Chinese faces that print bold: 黑体 and its kin (SimHei, FZHei, FZDaHei 大黑), the headline Songs (大标宋, 小标宋:
FZXiaoBiaoSong, FZDaBiaoSong), 粗宋 and 粗圆, 综艺, and Founder's PostScript names for the same (FZXBSJW--GB1-0
小标宋, FZDBSK 大标宋, FZCSJW 粗宋, FZZYJW 综艺, FZHTK 黑体, FZDHTJW 大黑, FZLTZHK 兰亭中黑 …). Case matters: Hei,
not the "hei" of Latin names."""
NOT_BOLD_FACE_NAME = re.compile(r"细|XiHei|YaHei|^FZLTXH|light|thin", re.IGNORECASE)
"""… unless the name says thin or is a text sans: 细黑 (FZXiHei, FZLTXHK 兰亭细黑), 雅黑 (YaHei), Light, Thin."""
BOLD_WEIGHT = 600
VERTICAL_SLOPE = math.tan(0.2)
"""A character is set vertically when its baseline is within 0.2 radians of a quarter turn (either way): the text
matrix's ``a`` (cos of the angle) is small against its ``b`` (sin), the test ``FPDFText_GetCharAngle`` makes."""
FIGURE_MIN = 20.0  # points: a filled path at least this wide and high is a picture frame, not a rule
RECTANGLE_SEGMENTS = 6  # a rectangle's path: move, three or four lines, close
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")

SCANNED_MESSAGE = "the PDF has no text layer (a scanned page?); OCR is not supported"


def extract_pages(data: bytes, source: str) -> tuple[PageChars, ...]:
    """Every page of the PDF ``data`` with its characters and pictures; ``source`` names the file in errors.

    Raises ReportError: "pdf_broken", "pdf_encrypted", and the text layer's faults (``check_text_layer``)."""
    with PDFIUM:
        document = _open(data, source)
        try:
            pages = tuple(_page(document, number, source) for number in range(len(document)))
        finally:
            document.close()
    check_text_layer(pages, source)
    return pages


LOST_TEXT_OBJECTS = 20
"""A page with at least this many text objects …"""
LOST_TEXT_RATIO = 0.5
"""… but fewer characters than this many per text object has lost its text: every text object prints at least one
character, and pdfium drops the characters of some CJK encodings (GBK-EUC-H with a code alone in its string, in
some PDFs) and of fonts whose codes map to no character (Identity-H glyph numbers without a ToUnicode map)."""
LOST_TEXT_SHARE = 0.5
"""The document's text layer is lost when this share of its pages with text objects has lost its text."""


def check_text_layer(pages: tuple[PageChars, ...], source: str) -> None:
    """Raise ReportError if the pages hold no readable text: "pdf_empty" (nothing printed at all), "pdf_scanned"
    (pictures but no text objects), "pdf_lost_text" (text objects whose characters pdfium could not read: none
    at all, or too few on too many pages)."""
    has_chars = any(page.chars for page in pages)
    if has_chars and not _lost(pages):
        return
    if _lost(pages) or (not has_chars and any(page.text_objects for page in pages)):
        raise ReportError(
            "pdf_lost_text",
            source,
            "the PDF's text layer cannot be read: its fonts do not say which characters they print",
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


def _page(document: pdfium.PdfDocument, number: int, source: str) -> PageChars:
    page = pdfium_c.FPDF_LoadPage(document.raw, number)
    if not page:
        raise ReportError("pdf_broken", source, f"page {number + 1} of the PDF is damaged: it cannot be read")
    try:
        width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
        display = _display(page)
        text_page = pdfium_c.FPDFText_LoadPage(page)
        try:
            chars = _chars(text_page, display, width, height) if text_page else ()
        finally:
            if text_page:
                pdfium_c.FPDFText_ClosePage(text_page)
        text_objects, figures = _objects(page, display, width, height)
        return PageChars(number, width, height, chars, figures, text_objects)
    finally:
        pdfium_c.FPDF_ClosePage(page)


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _display(page: Any) -> Matrix:
    """The matrix taking the page's PDF space to the page as displayed (top-left origin, y down): the origin moved
    to a corner of the page's box (its CropBox within its MediaBox), then turned by its /Rotate (clockwise) —
    pdfium's display matrix, the one ``FPDF_RenderPageBitmap`` and ``FPDF_PageToDevice`` use."""
    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDF_GetPageBoundingBox(page, ctypes.byref(box))
    left, bottom, right, top = box.left, box.bottom, box.right, box.top
    quarter_turns = pdfium_c.FPDFPage_GetRotation(page)
    if quarter_turns == 1:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left)
    if quarter_turns == 2:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom)
    if quarter_turns == 3:
        return (0.0, -1.0, -1.0, 0.0, top, right)
    return (1.0, 0.0, 0.0, -1.0, -left, top)


def _address_call(function: Any, restype: Any, *argtypes: Any) -> Any:
    """Another entry to a function of ``pypdfium2.raw`` that takes and gives handles as plain addresses (ints),
    so the per-character loop makes no typed pointer objects to hash or test."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value or 0)


_HANDLE, _INT = ctypes.c_void_p, ctypes.c_int
_char_object = _address_call(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
_object_font = _address_call(pdfium_c.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
_page_object = _address_call(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, _INT)
_form_object = _address_call(pdfium_c.FPDFFormObj_GetObject, _HANDLE, _HANDLE, ctypes.c_ulong)
_object_type = _address_call(pdfium_c.FPDFPageObj_GetType, _INT, _HANDLE)
_form_count = _address_call(pdfium_c.FPDFFormObj_CountObjects, _INT, _HANDLE)


BoxEdges = Callable[[Any], tuple[float, float, float, float]]


def _box_placement(display: Matrix) -> tuple[BoxEdges, float, float, float, float]:
    """``display`` (a quarter turn and a shift) made quick to apply to each character's box: the edges of a pdfium
    box (``FS_RECTF``) that become the displayed box's left, top, right and bottom, and each axis's scale (±1) and
    offset, ``x0 = x_scale * edge + x_offset`` (one call and four products, where the matrix takes eight)."""
    da, db, dc, dd, de, df = display
    x_edges, y_edges = _edges_along(da, dc), _edges_along(db, dd)
    return attrgetter(x_edges[0], y_edges[0], x_edges[1], y_edges[1]), da or dc, de, db or dd, df


def _edges_along(from_x: float, from_y: float) -> tuple[str, str]:
    """The box's edges a displayed axis runs from and to, by how it grows with PDF x and y (one of them ±1)."""
    if from_x:
        return ("left", "right") if from_x > 0 else ("right", "left")
    return ("bottom", "top") if from_y > 0 else ("top", "bottom")


def _chars(text_page: Any, display: Matrix, width: float, height: float) -> tuple[Char, ...]:
    """The page's printed characters, placed by ``display`` on the displayed page (``width`` × ``height``).
    pdfium's generated characters (the spaces and line breaks it infers) have no text object, which is how they
    are left out (``FPDFText_IsGenerated`` in the same call); so are control codes, characters without a box and
    those whose box's centre is off the page. A character beyond the BMP comes as two UTF-16 halves at two
    indexes: they make one character (``_surrogate_pair``); a half without its other half is dropped."""
    da, db, dc, dd = display[:4]
    edges, x_scale, x_offset, y_scale, y_offset = _box_placement(display)
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    box_ref, matrix_ref = ctypes.byref(box), ctypes.byref(matrix)
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    get_matrix, get_size = pdfium_c.FPDFText_GetMatrix, pdfium_c.FPDFText_GetFontSize
    char_object, object_font, sqrt = _char_object, _object_font, math.sqrt
    page_address = ctypes.cast(text_page, ctypes.c_void_p)
    readings = ideograph_readings()
    fonts: dict[int, tuple[str, bool]] = {}
    chars: list[Char] = []
    for index in range(pdfium_c.FPDFText_CountChars(text_page)):
        code = get_unicode(text_page, index)
        if code < 0x20 or 0x7F <= code < 0xA0 or code >= 0xFFFE:
            continue
        text_object = char_object(page_address, index)
        if not text_object or not get_box(text_page, index, box_ref):
            continue
        if 0xD800 <= code < 0xE000 and not (code := _surrogate_pair(text_page, index, code, box)):
            continue
        x0, y0, x1, y1 = edges(box)
        rect = Rect(x_scale * x0 + x_offset, y_scale * y0 + y_offset, x_scale * x1 + x_offset, y_scale * y1 + y_offset)
        if not _shown(rect, width, height):
            continue
        get_matrix(text_page, index, matrix_ref)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        font = object_font(text_object) or 0
        name, bold = fonts.get(font) or fonts.setdefault(font, _font(font))
        chars.append(
            Char(
                readings.get(code) or chr(code),
                rect,
                round(get_size(text_page, index) * (sqrt(abs(a * d - b * c)) or 1.0), 2),
                name,
                bold,
                abs(a * da + b * dc) < VERTICAL_SLOPE * abs(a * db + b * dd),  # its direction as displayed
            )
        )
    return tuple(chars)


def _surrogate_pair(text_page: Any, index: int, half: int, box: Any) -> int:
    """The character made by the UTF-16 half ``half`` at ``index`` and the low half following it, ``box`` (the
    first half's) widened to hold the second's; 0 for a low half (read with the high half before it) or a high
    half without a low half after it."""
    low: int = pdfium_c.FPDFText_GetUnicode(text_page, index + 1)
    low_box = pdfium_c.FS_RECTF()
    if half >= 0xDC00 or not 0xDC00 <= low < 0xE000:
        return 0
    if not pdfium_c.FPDFText_GetLooseCharBox(text_page, index + 1, ctypes.byref(low_box)):
        return 0
    box.left, box.bottom = min(box.left, low_box.left), min(box.bottom, low_box.bottom)
    box.right, box.top = max(box.right, low_box.right), max(box.top, low_box.top)
    return 0x10000 + ((half - 0xD800) << 10) + (low - 0xDC00)


def _shown(rect: Rect, width: float, height: float) -> bool:
    """Whether the box's centre is on the displayed page, ``width`` × ``height`` (not for a NaN box)."""
    return 0.0 <= rect.x0 + rect.x1 <= 2 * width and 0.0 <= rect.y0 + rect.y1 <= 2 * height


def _font(font: int) -> tuple[str, bool]:
    """The font's base name without a subset prefix, and whether it prints bold (by name or weight)."""
    if not font:
        return "", False
    handle = ctypes.cast(font, pdfium_c.FPDF_FONT)
    length = pdfium_c.FPDFFont_GetBaseFontName(handle, None, 0)
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFFont_GetBaseFontName(handle, buffer, length)
    name = SUBSET_PREFIX.sub("", _decoded(buffer.value))
    by_name = bool(BOLD_WEIGHT_NAME.search(name)) or (
        bool(BOLD_FACE_NAME.search(name)) and not NOT_BOLD_FACE_NAME.search(name)
    )
    return name, by_name or pdfium_c.FPDFFont_GetWeight(handle) >= BOLD_WEIGHT


def _decoded(name: bytes) -> str:
    """A font name's bytes as text: UTF-8, or GB 18030 as Chinese PDF writers write 方正黑体 (#B7#BD#D5#FD…)."""
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        return name.decode("gb18030", "replace")


def _objects(page: Any, display: Matrix, width: float, height: float) -> tuple[int, tuple[Rect, ...]]:
    """How many text objects the displayed page (``width`` × ``height``) shows, and its pictures (those in form
    XObjects included) placed by ``display`` on it: an object whose centre is off it is not counted (a page cropped
    to one article keeps the text objects of the others, whose characters are dropped).

    pdfium gives the bounds of a form XObject's objects in the form's space (its /Matrix applied, not the
    transformation it is drawn with): each is taken to the page by the matrices of the forms holding it."""
    text_objects, figures = 0, []
    address = ctypes.cast(page, ctypes.c_void_p)
    pending = [(_page_object(address, index), display) for index in range(pdfium_c.FPDFPage_CountObjects(page))]
    for handle, to_page in pending:  # form XObjects' objects are appended as they come
        kind = _object_type(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            bounds = _placed_bounds(ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT), to_page)
            text_objects += bounds is None or _shown(bounds, width, height)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _compose(_matrix(handle), to_page)
            pending += [(_form_object(handle, index), inner) for index in range(_form_count(handle))]
        elif (rect := _figure(kind, ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT), to_page)) is not None:
            figures.append(rect)
    return text_objects, tuple(rect for rect in figures if _shown(rect, width, height))


def _matrix(handle: int) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT), ctypes.byref(matrix)):
        return IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying ``first``, then ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _figure(kind: int, handle: Any, to_page: Matrix) -> Rect | None:
    """The box of a picture, its corners taken through ``to_page``: an image, or a large filled rectangle (a photo's
    frame or grey placeholder)."""
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH and not _filled_rectangle(handle):
        return None
    if kind not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
        return None
    rect = _placed_bounds(handle, to_page)
    if rect is None or (kind == pdfium_c.FPDF_PAGEOBJ_PATH and (rect.width < FIGURE_MIN or rect.height < FIGURE_MIN)):
        return None
    return rect


def _placed_bounds(handle: Any, to_page: Matrix) -> Rect | None:
    """An object's bounds, their corners taken through ``to_page``; None when pdfium has none for it."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(
        handle, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return None
    a, b, c, d, e, f = to_page
    corners = [
        (x * a + y * c + e, x * b + y * d + f) for x in (left.value, right.value) for y in (bottom.value, top.value)
    ]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return Rect(min(xs), min(ys), max(xs), max(ys))


def _filled_rectangle(handle: Any) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return False
    if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE:
        return False
    segments = pdfium_c.FPDFPath_CountSegments(handle)
    return 0 < segments <= RECTANGLE_SEGMENTS and not _white(handle)


def _white(handle: Any) -> bool:
    """A white fill: a page's or a column's background, not a picture."""
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(
        handle, ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha)
    ):
        return False
    return min(red.value, green.value, blue.value) >= 250 or alpha.value == 0
