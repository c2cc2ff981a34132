"""PDF bytes → characters with boxes, real sizes, fonts and pictures (jcviewer.model.pdf.extract), and the errors
for PDFs without a readable text layer."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdf_fixtures import (
    cid_page,
    encrypted_pdf,
    figures_page,
    form_figures_page,
    named_font_page,
    pages_pdf,
    text_page,
    to_unicode_page,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf.extract import check_text_layer, extract_pages
from jcviewer.model.pdf.page import Char, PageChars, Rect
from jcviewer.model.pdf.pdfium_lock import PDFIUM
from jcviewer.model.pdf.unicode_fix import radical_table


def reason(data: bytes) -> str:
    """The reason code extract_pages refuses ``data`` with."""
    with pytest.raises(ReportError) as raised:
        extract_pages(data, "page.pdf")
    assert "\n" not in str(raised.value) and str(raised.value).startswith("page.pdf: ")
    return raised.value.reason


def test_the_size_set_in_the_text_matrix_is_the_font_size() -> None:
    (page,) = extract_pages(text_page(b"Hello", "9 0 0 9 72 700", font_size=1), "m.pdf")
    assert "".join(char.text for char in page.chars) == "Hello"
    assert {char.size for char in page.chars} == {9.0}
    assert {char.font for char in page.chars} == {"Helvetica"}


def test_the_size_of_the_font_operator_and_the_page_scale_multiply() -> None:
    (page,) = extract_pages(pages_pdf([b"q 2 0 0 2 0 0 cm BT /F1 5 Tf 36 350 Td (H) Tj ET Q"]), "m.pdf")
    assert page.chars[0].size == 10.0


def test_boxes_have_a_top_left_origin_and_one_height_per_line() -> None:
    (page,) = extract_pages(text_page(b"a-T_", "1 0 0 1 72 700", font_size=12), "m.pdf")
    tops = {char.rect.y0 for char in page.chars}
    bottoms = {char.rect.y1 for char in page.chars}
    assert len(tops) == len(bottoms) == 1  # loose boxes: the font's ascent and descent, not the glyph's ink
    (top,), (bottom,) = tops, bottoms
    assert top < 842 - 700 < bottom  # the baseline at y=700 from the bottom is 142 from the top
    assert page.chars[0].rect.x0 == pytest.approx(72)
    assert all(left.rect.x1 == pytest.approx(right.rect.x0) for left, right in pairwise(page.chars))


def test_text_turned_a_quarter_is_vertical() -> None:
    (upright,) = extract_pages(text_page(b"Up", "12 0 0 12 300 400"), "m.pdf")
    (turned,) = extract_pages(text_page(b"Up", "0 12 -12 0 300 400"), "m.pdf")
    (turned_back,) = extract_pages(text_page(b"Up", "0 -12 12 0 300 400"), "m.pdf")
    assert not any(char.vertical for char in upright.chars)
    assert all(char.vertical for char in turned.chars + turned_back.chars)
    assert {char.size for char in turned.chars} == {12.0}
    first, second = turned.chars
    assert second.rect.y1 <= first.rect.y0 + 0.01  # read upwards: the second character above the first


@pytest.mark.parametrize(
    ("name", "bold"),
    [
        ("ABCDEF+FZXiaoBiaoSong-B05S", True),
        ("FZDaHei-B02S", True),
        ("FZHei-B01S", True),
        ("FZCuSong-B09S", True),
        ("FZZongYi-M05S", True),
        ("SimHei", True),
        ("Helvetica-Bold", True),
        ("NotoSansCJKsc-Black", True),
        ("FZXBSJW--GB1-0", True),
        ("FZDBSK--GBK1-0", True),
        ("FZHTK--GBK1-0", True),
        ("FZLTZHK--GBK1-0", True),
        ("FZXiHei-I-Z08S", False),
        ("FZLTXHK--GBK1-0", False),
        ("FZSSK--GBK1-0", False),
        ("FZKTJW--GB1-0", False),
        ("FZBWKSJW--GB1-0", False),
        ("FZShuSong-Z01S", False),
        ("FZKai-Z03S", False),
        ("FZFangSong-Z02S", False),
        ("SimSun", False),
        ("MicrosoftYaHei", False),
        ("MicrosoftYaHei-Bold", True),
        ("Fahrenheit", False),
        ("Helvetica", False),
    ],
)
def test_bold_is_read_from_the_font_name(name: str, bold: bool) -> None:
    (page,) = extract_pages(named_font_page(name), "m.pdf")
    assert page.chars[0].font == name.removeprefix("ABCDEF+")
    assert page.chars[0].bold is bold


@pytest.mark.parametrize(
    ("name", "bold"),
    [("方正大标宋简体", True), ("方正黑体简体", True), ("方正粗宋简体", True), ("方正书宋简体", False)],
)
def test_bold_is_read_from_a_chinese_font_name(name: str, bold: bool) -> None:
    (page,) = extract_pages(named_font_page(name), "m.pdf")
    assert page.chars[0].font == name
    assert page.chars[0].bold is bold


def test_images_and_filled_rectangles_are_figures_rules_and_backgrounds_are_not() -> None:
    (page,) = extract_pages(figures_page(), "f.pdf")
    assert sorted(page.figures, key=lambda rect: rect.x0) == [
        Rect(100, 842 - 580, 200, 842 - 500),  # the image
        Rect(300, 842 - 540, 360, 842 - 500),  # the grey rectangle
    ]
    assert page.text_objects == 1


def test_pictures_in_a_form_xobject_are_placed_on_the_page() -> None:
    (page,) = extract_pages(form_figures_page(), "f.pdf")
    assert sorted(page.figures, key=lambda rect: rect.y0) == [
        Rect(110, 842 - 600, 230, 842 - 520),  # the rectangle, above the image
        Rect(110, 842 - 480, 310, 842 - 320),
    ]


def test_every_page_is_read_with_its_number_and_size() -> None:
    contents = [b"BT /F1 10 Tf 72 400 Td (Page%d) Tj ET" % number for number in range(3)]
    pages = extract_pages(pages_pdf(contents, size=(420, 595)), "p.pdf")
    assert [page.number for page in pages] == [0, 1, 2]
    assert {(page.width, page.height) for page in pages} == {(420, 595)}
    assert ["".join(char.text for char in page.chars) for page in pages] == ["Page0", "Page1", "Page2"]


def test_generated_characters_and_control_codes_are_not_kept() -> None:
    two_lines = b"BT /F1 10 Tf 72 700 Td (ab) Tj 0 -14 Td (c d) Tj ET"
    (page,) = extract_pages(pages_pdf([two_lines]), "g.pdf")
    assert "".join(char.text for char in page.chars) == "abc d"  # the printed space stays, no line break added


@pytest.mark.parametrize(
    "data",
    [
        text_page(b"Hello", "9 0 0 9 72 700")[:150],
        bytes(range(256)) * 8,
        b"<!DOCTYPE html><html><body>Not found</body></html>",
        b"",
    ],
    ids=["truncated", "random", "html", "empty"],
)
def test_what_is_not_a_pdf_is_broken(data: bytes) -> None:
    assert reason(data) == "pdf_broken"


def test_a_pdf_with_a_user_password_is_encrypted() -> None:
    assert reason(encrypted_pdf()) == "pdf_encrypted"


def test_a_page_with_nothing_printed_is_empty() -> None:
    assert reason(pages_pdf([b""])) == "pdf_empty"


def page_of(chars: int, text_objects: int, figures: int = 0) -> PageChars:
    char = Char("字", Rect(0, 0, 10, 10), 10, "SimSun", False)
    return PageChars(0, 595, 842, (char,) * chars, (Rect(0, 0, 100, 100),) * figures, text_objects)


def test_many_text_objects_with_few_characters_is_a_lost_text_layer() -> None:
    with pytest.raises(ReportError) as raised:
        check_text_layer((page_of(chars=3, text_objects=200),), "l.pdf")
    assert raised.value.reason == "pdf_lost_text"
    check_text_layer((page_of(chars=200, text_objects=200),), "l.pdf")  # one character per object is fine
    check_text_layer((page_of(chars=3, text_objects=3),), "l.pdf")  # a page with a few words is fine
    with pytest.raises(ReportError) as raised:
        check_text_layer((page_of(chars=0, text_objects=3, figures=1),), "l.pdf")  # text objects, no character
    assert raised.value.reason == "pdf_lost_text"


def test_pictures_without_text_are_a_scanned_page() -> None:
    with pytest.raises(ReportError) as raised:
        check_text_layer((page_of(chars=0, text_objects=0, figures=1),), "s.pdf")
    assert raised.value.reason == "pdf_scanned"
    assert "OCR" in raised.value.message


def test_gbk_codes_alone_in_their_strings_are_read_on_this_pdfium() -> None:
    """pdfium has been seen to drop such characters in newspaper PDFs; this pdfium reads a hand-written page of
    them (set one to a string, one to a text object, the font not embedded, no ToUnicode map)."""
    codes = ["省里力争人民长"[index % 7].encode("gbk") for index in range(60)]
    (page,) = extract_pages(cid_page(codes), "gbk.pdf")
    assert page.text_objects == 60
    assert "".join(char.text for char in page.chars)[:7] == "省里力争人民长"


def test_text_objects_whose_codes_map_to_no_character_are_a_lost_text_layer() -> None:
    """Identity-H glyph numbers without a ToUnicode map: pdfium finds the 60 text objects and no character."""
    codes = [(1000 + index).to_bytes(2, "big") for index in range(60)]
    assert reason(cid_page(codes, encoding="Identity-H", ordering="Identity")) == "pdf_lost_text"


def text_of(page: PageChars) -> str:
    return "".join(char.text for char in page.chars)


def test_radicals_and_compatibility_ideographs_read_as_the_ideograph() -> None:
    (page,) = extract_pages(to_unicode_page(["⾥", "⼒", "⺠", "⻓", "\uf900", "省"]), "u.pdf")
    assert text_of(page) == "里力民长豈省"  # 豈 from a compatibility ideograph, through NFKC
    assert radical_table()["⺠"] == "民"


def test_a_character_beyond_the_bmp_is_one_character_with_one_box() -> None:
    """pdfium gives 𠮷 (U+20BB7, in names) as two UTF-16 halves at two indexes, each with a box."""
    (page,) = extract_pages(to_unicode_page(["张", "𠮷", "同"]), "n.pdf")
    assert text_of(page) == "张𠮷同"
    first, astral, last = page.chars
    assert astral.rect == Rect(first.rect.x1, first.rect.y0, last.rect.x0, first.rect.y1)
    assert (astral.size, astral.font) == (first.size, first.font)


def test_unpaired_surrogate_halves_are_dropped() -> None:
    (page,) = extract_pages(to_unicode_page(["张", "\ud842", "同", "\udfb7", "\udfb7\ud842", "\ud842x"]), "n.pdf")
    assert text_of(page) == "张同x"


NOTO_SANS_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
requires_noto = pytest.mark.skipif(not NOTO_SANS_CJK.is_file(), reason="needs fonts-noto-cjk (CI installs it)")


def qt_pdf(draw: Callable[[QPainter], None]) -> bytes:
    """A one-page A4 PDF written by QPdfWriter at 72 dpi (painter units are points), drawn by ``draw``."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    draw(painter)
    painter.end()
    buffer.close()
    return data.data()


def noto_sans_cjk(pixels: int) -> QFont:
    font_id = QFontDatabase.addApplicationFont(str(NOTO_SANS_CJK))
    assert "Noto Sans CJK SC" in QFontDatabase.applicationFontFamilies(font_id)
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(pixels)
    return font


@requires_noto
def test_radicals_in_the_text_layer_read_as_the_ideographs_printed(qapp: QApplication) -> None:
    """Qt's PDF writer reverses Noto Sans CJK's cmap into radicals for 里, 力, 人, 民, 长 (the quirk real PDFs
    have): the raw text layer holds them, the extracted characters are the ideographs."""

    def draw(painter: QPainter) -> None:
        painter.setFont(noto_sans_cjk(12))
        painter.drawText(72, 100, "省里力争人民长")

    data = qt_pdf(draw)
    document = pdfium.PdfDocument(data)
    try:
        raw = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert any(0x2E80 <= ord(char) <= 0x2FDF for char in raw), raw
    (page,) = extract_pages(data, "k.pdf")
    assert "".join(char.text for char in page.chars) == "省里力争人民长"
    assert {char.size for char in page.chars} == {12.0}
    assert {char.font for char in page.chars} == {"NotoSansCJKsc-Regular"}


def test_a_page_with_only_a_picture_is_scanned(qapp: QApplication) -> None:
    def draw(painter: QPainter) -> None:
        image = QImage(200, 300, QImage.Format.Format_RGB32)
        image.fill(QColor(200, 180, 160))
        painter.drawImage(QRectF(50, 50, 400, 600), image)

    assert reason(qt_pdf(draw)) == "pdf_scanned"


@requires_noto
def test_a_dense_page_is_read_whole(qapp: QApplication) -> None:
    """6000 characters at 7 pt in 80 lines (all on the page), each character its own text object as in Qt's and
    Founder's PDFs."""
    text = "省里力争人民长经济工作会议召开强调稳中求进" * 4

    def draw(painter: QPainter) -> None:
        painter.setFont(noto_sans_cjk(7))
        for row in range(80):
            painter.drawText(20, 20 + row * 10, text[:75])

    (page,) = extract_pages(qt_pdf(draw), "d.pdf")
    assert len(page.chars) == 6000
    assert page.text_objects >= 80
    rows = sorted({char.rect.y0 for char in page.chars})
    assert len(rows) == 80  # loose boxes: one top per printed line
    assert "".join(char.text for char in page.chars[:75]) == text[:75]


def turned_page(rotate: int, content: bytes, crop: bytes = b"") -> PageChars:
    """The one page of a PDF with ``content`` on an A4 MediaBox, /Rotate ``rotate`` and CropBox ``crop``."""
    (page,) = extract_pages(pages_pdf([content], page_entries=b"/Rotate %d %s" % (rotate, crop)), "r.pdf")
    return page


def ink(data: bytes, scale: float) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The dark pixels of the PDF's first page as the page view renders it (pypdfium2, /Rotate and CropBox
    applied)."""
    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        pixels = page.render(scale=scale).to_numpy()
        page.close()
    finally:
        document.close()
    return np.asarray(pixels.min(axis=2) < 128)


SCALE = 2.0
SCATTERED_TEXT = (
    b"BT /F1 24 Tf 80 700 Td (HIH) Tj ET BT /F1 18 Tf 300 200 Td (TEL) Tj ET BT /F1 14 Tf 470 90 Td (FE) Tj ET"
)


@pytest.mark.parametrize("crop", [b"", b"/CropBox [40 60 555 802]"], ids=["media", "cropped"])
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_boxes_lie_on_the_glyphs_of_the_rendered_page(rotate: int, crop: bytes) -> None:
    """Every character's box holds ink of the page as rendered, and every inked pixel is in a box."""
    data = pages_pdf([SCATTERED_TEXT], page_entries=b"/Rotate %d %s" % (rotate, crop))
    (page,) = extract_pages(data, "r.pdf")
    dark = ink(data, SCALE)
    assert dark.shape == (round(page.height * SCALE), round(page.width * SCALE))
    assert text_of(page) == "HIHTELFE"
    boxed = np.zeros_like(dark)
    for char in page.chars:
        rows = slice(int(char.rect.y0 * SCALE) - 1, int(char.rect.y1 * SCALE) + 2)
        columns = slice(int(char.rect.x0 * SCALE) - 1, int(char.rect.x1 * SCALE) + 2)
        assert dark[rows, columns].any(), char
        boxed[rows, columns] = True
    assert dark.any() and not (dark & ~boxed).any()


def test_boxes_are_measured_from_the_crop_box_origin() -> None:
    page = turned_page(0, b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET", b"/CropBox [40 40 555 802]")
    assert (page.width, page.height) == (515, 762)
    assert page.chars[0].rect.x0 == pytest.approx(72 - 40)
    assert page.chars[0].rect.y0 < 802 - 700 < page.chars[0].rect.y1


def test_the_display_rotation_turns_the_boxes() -> None:
    """/Rotate 90 turns the page a quarter clockwise: the page's bottom-left corner comes to the top left."""
    page = turned_page(90, b"BT /F1 12 Tf 72 100 Td (Hi) Tj ET")
    assert (page.width, page.height) == (842, 595)
    first, second = page.chars
    assert first.rect.y0 == pytest.approx(72)  # 72 points from the left edge → 72 from the top
    assert first.rect.x0 < 100 < first.rect.x1  # the baseline 100 points up → 100 from the left
    assert second.rect.y0 == pytest.approx(first.rect.y1)  # the text runs down the page as displayed


def test_text_is_vertical_or_not_as_displayed() -> None:
    """On a page turned a quarter for display, text drawn turned back reads upright (a landscape page): it is not
    vertical; text drawn upright in the page's own space shows turned: it is."""
    landscape = turned_page(90, b"BT /F1 1 Tf 0 12 -12 0 300 400 Tm (Up) Tj ET")
    assert not any(char.vertical for char in landscape.chars)
    first, second = landscape.chars
    assert second.rect.x0 == pytest.approx(first.rect.x1)  # read left to right
    assert all(char.vertical for char in turned_page(90, b"BT /F1 12 Tf 72 100 Td (Up) Tj ET").chars)
    assert all(char.vertical for char in turned_page(270, b"BT /F1 12 Tf 72 100 Td (Up) Tj ET").chars)
    assert not any(char.vertical for char in turned_page(180, b"BT /F1 12 Tf 72 100 Td (Up) Tj ET").chars)


def test_text_and_pictures_off_the_displayed_page_are_dropped() -> None:
    """Slug lines and crop-mark text in the bleed (outside the CropBox) and text placed far off the page are not
    shown, so they are not read; nor is a grey frame outside the CropBox."""
    content = (
        b"BT /F1 12 Tf 72 -5000 Td (Hidden) Tj ET BT /F1 6 Tf 50 10 Td (Slug) Tj ET "
        b"BT /F1 6 Tf 5 400 Td (Mark) Tj ET BT /F1 12 Tf 72 500 Td (Shown) Tj ET "
        b"0.5 g 0 700 30 100 re f 0.5 g 100 100 60 40 re f"
    )
    page = turned_page(0, content, b"/CropBox [40 40 555 802]")
    assert text_of(page) == "Shown"
    assert page.figures == (Rect(100 - 40, 802 - 140, 160 - 40, 802 - 100),)
    assert page.text_objects == 1  # only the one shown: the others are cut off, not lost


def test_a_turned_cropped_page_places_its_figures_as_displayed() -> None:
    page = turned_page(180, b"0.5 g 100 100 60 40 re f BT /F1 12 Tf 72 500 Td (F) Tj ET", b"/CropBox [40 40 555 802]")
    assert page.figures == (Rect(555 - 160, 100 - 40, 555 - 100, 140 - 40),)


def test_extraction_holds_the_pdfium_lock_while_it_touches_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page view renders on another thread under the same lock: no caller has to take it."""

    def taken_elsewhere() -> bool:
        free: list[bool] = []

        def probe() -> None:
            free.append(PDFIUM.acquire(blocking=False))
            if free[0]:
                PDFIUM.release()

        thread = threading.Thread(target=probe)
        thread.start()
        thread.join()
        return not free[0]

    held: list[bool] = []

    def spying(function: Callable[..., Any]) -> Callable[..., Any]:
        def spy(*args: Any) -> Any:
            held.append(taken_elsewhere())
            return function(*args)

        return spy

    monkeypatch.setattr(pdfium, "PdfDocument", spying(pdfium.PdfDocument))
    for name in ("FPDF_LoadPage", "FPDFText_LoadPage", "FPDF_ClosePage"):
        monkeypatch.setattr(pdfium_c, name, spying(getattr(pdfium_c, name)))
    extract_pages(pages_pdf([b"BT /F1 10 Tf 72 400 Td (Page) Tj ET"] * 2), "l.pdf")
    assert len(held) == 7 and all(held)


def test_a_page_cropped_to_a_corner_keeps_the_characters_shown_and_is_no_lost_text_layer(qapp: QApplication) -> None:
    """A page cropped to one article (Acrobat, Preview) keeps the other articles' text objects, off the page."""

    def draw(painter: QPainter) -> None:
        for row in range(60):
            for column in range(40):  # a text object a character, as Founder writes them
                painter.drawText(20 + column * 13, 20 + row * 13, "ABCDEFGHIJ"[(row + column) % 10])

    document = pdfium.PdfDocument(qt_pdf(draw))
    try:
        width, height = document[0].get_size()
        document[0].set_cropbox(0, height / 2, width / 2, height)  # the top-left quarter
        cropped = io.BytesIO()
        document.save(cropped)
    finally:
        document.close()
    (page,) = extract_pages(cropped.getvalue(), "cropped.pdf")
    assert (page.width, page.height) == (width / 2, height / 2)
    assert 0 < len(page.chars) < 60 * 40 and page.text_objects == len(page.chars)  # those off the page not counted
