"""PDF bytes → characters with boxes, real sizes, fonts and pictures (jcviewer.model.pdf.extract), and the errors
for PDFs without a readable text layer."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from pdf_fixtures import (
    cid_page,
    encrypted_pdf,
    figures_page,
    form_figures_page,
    named_font_page,
    pages_pdf,
    text_page,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf.extract import check_text_layer, extract_pages
from jcviewer.model.pdf.page import Char, PageChars, Rect
from jcviewer.model.pdf.unicode_fix import normalise, radical_table


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


def test_radicals_and_compatibility_ideographs_read_as_the_ideograph() -> None:
    assert normalise("⾥⼒⺠⻓省") == "里力民长省"
    assert normalise("\uf900") == "豈"  # a compatibility ideograph, through NFKC
    assert radical_table()["⺠"] == "民"


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
    """6000 characters at 9 pt in 80 lines, each character its own text object as in Qt's and Founder's PDFs."""
    text = "省里力争人民长经济工作会议召开强调稳中求进" * 4

    def draw(painter: QPainter) -> None:
        painter.setFont(noto_sans_cjk(9))
        for row in range(80):
            painter.drawText(20, 20 + row * 10, text[:75])

    (page,) = extract_pages(qt_pdf(draw), "d.pdf")
    assert len(page.chars) == 6000
    assert page.text_objects >= 80
    rows = sorted({char.rect.y0 for char in page.chars})
    assert len(rows) == 80  # loose boxes: one top per printed line
    assert "".join(char.text for char in page.chars[:75]) == text[:75]
