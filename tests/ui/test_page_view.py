"""The 原版 (Page) view beside the text of a PDF report: outlines of the selection, clicks, hits, zoom, messages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from window_probe import current_id, translated

from jcviewer.model.parse import load_report
from jcviewer.model.pdf.page import Article, Block, PdfLayout, Rect, TextLine
from jcviewer.model.pdf.read import report_of_layout
from jcviewer.model.report import Box, Paragraph, Quote, Report, Section
from jcviewer.ui import page_render
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.page_render import PdfSource
from jcviewer.ui.page_view import OUTLINE_PAD, ZOOM_RANGE, PageView, span_boxes

PAGE = (300.0, 400.0)
LINE = 20  # characters a full line holds


def _lines(page: int, top: float, text: str, right: float = 270.0) -> tuple[Box, ...]:
    """The boxes of ``text`` set in lines of ``LINE`` characters from ``top`` (12 pt lines, 16 pt apart)."""
    starts = range(0, len(text), LINE)
    return tuple(
        Box(
            page,
            30.0,
            top + 16 * row,
            30.0 + (right - 30.0) * min(LINE, len(text) - start) / LINE,
            top + 16 * row + 12,
            start,
        )
        for row, start in enumerate(starts)
    )


FIRST = "全县经济运行稳中有进，地区生产总值增长百分之六，固定资产投资保持增长，消费市场持续回暖。"
SAID = "县长说：要把乡村振兴摆在突出位置，持续改善农村人居环境，让群众过上好日子。今年还要办好十件民生实事。"
SECOND = "全面推进乡村振兴，加快建设农业强县，发展特色产业，促进农民持续增收，巩固拓展脱贫攻坚成果。"


def pdf_report(folder: Path) -> tuple[Path, Report]:
    """A two-page PDF drawing a dark bar where each line of a small report stands, and the report with the boxes."""
    p1 = Paragraph("p1", FIRST, "body", (2, 2), _lines(0, 70, FIRST))
    p2 = Paragraph("p2", SAID, "body", (3, 3), _lines(0, 140, SAID))
    p3 = Paragraph("p3", SECOND, "body", (5, 5), _lines(1, 70, SECOND))
    quote_start = SAID.index("要把")
    quote = Quote("张三", "县长", SAID[quote_start : SAID.index("。")], "p2", (quote_start, SAID.index("。")))
    report = Report(
        "县报",
        "test.pdf",
        (
            Section("s1", "section", "经济运行", paragraphs=(p1, p2), boxes=(Box(0, 30, 30, 200, 50, 0),)),
            Section("s2", "section", "乡村振兴", paragraphs=(p3,), boxes=(Box(1, 30, 30, 200, 50, 0),)),
        ),
        quotes=(quote,),
        pages=(PAGE, PAGE),
    )
    path = folder / "report.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(QPageSize(QSizeF(*PAGE), QPageSize.Unit.Point), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    painter = QPainter(writer)
    boxes = [(b, 0) for s in report.walk() for b in s.boxes] + [(b, 0) for p in report.paragraphs() for b in p.boxes]
    for page in range(len(report.pages)):
        if page:
            writer.newPage()
        for box, _ in boxes:
            if box.page == page:
                painter.fillRect(QRectF(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0), QColor(40, 40, 40))
    painter.end()
    return path, report


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def pdf_window(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> tuple[MainWindow, Report]:
    """A shown window on the PDF report, the page view in front."""
    path, report = pdf_report(tmp_path)
    window = make_window(path, report=report)
    window.show_pages()
    assert window.page_view is not None
    qtbot.waitUntil(lambda: window.page_view is not None and window.page_view.page_image(0) is not None, timeout=5000)
    return window, report


def page_view(window: MainWindow) -> PageView:
    assert window.page_view is not None
    return window.page_view


def expected_rect(view: PageView, boxes: tuple[Box, ...], pad: float) -> QRectF:
    """The scene rectangle around ``boxes`` (their page's place in the scene added), padded."""
    rect = view.scene_rect(boxes[0])
    for box in boxes[1:]:
        rect = rect.united(view.scene_rect(box))
    return rect.adjusted(-pad, -pad, pad, pad)


def near(got: float, wanted: float, tolerance: float = 1e-6) -> bool:
    """Equal within ``tolerance`` (not pytest.approx: it looks at numpy, which the charts may be importing)."""
    return abs(got - wanted) <= tolerance


def assert_same_rect(actual: QRectF, expected: QRectF) -> None:
    for got, wanted in zip(actual.getCoords(), expected.getCoords(), strict=True):
        assert near(got, wanted, 0.01)


def test_selecting_a_section_outlines_its_heading_and_paragraphs(pdf_window: tuple[MainWindow, Report]) -> None:
    window, report = pdf_window
    view = page_view(window)
    window.select_node("s1")
    outlines = [item.sceneBoundingRect() for item in view.outline_items("selection")]
    section = report.section("s1")
    wanted = [section.boxes, *(p.boxes for p in section.paragraphs)]
    assert len(outlines) == len(wanted)
    for outline, boxes in zip(outlines, wanted, strict=True):
        assert_same_rect(outline, expected_rect(view, boxes, OUTLINE_PAD + 0.75))  # and half the pen
    assert view.outline_items("focus") == []


def test_selecting_a_quote_outlines_its_lines_at_the_zoom(pdf_window: tuple[MainWindow, Report]) -> None:
    window, report = pdf_window
    view = page_view(window)
    window.select_node("s1.quotes.1")
    (outline,) = view.outline_items("selection")
    said = report.paragraph("p2")
    quoted = tuple(box for box in said.boxes if box.start < report.quotes[0].span[1])  # its first lines only
    assert len(quoted) < len(said.boxes)
    assert_same_rect(outline.sceneBoundingRect(), expected_rect(view, quoted, OUTLINE_PAD + 0.75))
    on_screen = view.canvas.mapFromScene(outline.sceneBoundingRect()).boundingRect()
    assert near(on_screen.width(), (quoted[0].x1 - quoted[0].x0 + 2 * OUTLINE_PAD + 1.5) * view.zoom, 2)


def click_box(qtbot: QtBot, view: PageView, box: Box) -> None:
    rect = view.scene_rect(box)
    view.canvas.ensureVisible(rect)
    point = view.canvas.mapFromScene(rect.center())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))


def test_clicking_a_paragraph_on_the_page_selects_it(qtbot: QtBot, pdf_window: tuple[MainWindow, Report]) -> None:
    window, report = pdf_window
    view = page_view(window)
    click_box(qtbot, view, report.paragraph("p3").boxes[1])  # on the second page
    assert current_id(window) == "s2"
    assert window.detail.node is not None and window.detail.node.id == "s2"
    (focus,) = view.outline_items("focus")
    assert_same_rect(focus.sceneBoundingRect(), expected_rect(view, report.paragraph("p3").boxes, OUTLINE_PAD + 1.25))

    click_box(qtbot, view, report.section("s1").boxes[0])  # a heading selects its section
    assert current_id(window) == "s1"
    assert view.outline_items("focus") == []


def test_a_search_hit_is_marked_on_the_page(qtbot: QtBot, pdf_window: tuple[MainWindow, Report]) -> None:
    window, report = pdf_window
    view = page_view(window)
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.insert("人居环境")
    qtbot.waitUntil(lambda: window.search_panel.session.answer is not None, timeout=5000)
    qtbot.waitUntil(lambda: bool(view.outline_items("hits")), timeout=5000)
    (hit,) = view.outline_items("hits")
    start = SAID.index("人居环境")
    line = next(box for box in reversed(report.paragraph("p2").boxes) if box.start <= start)
    width = (line.x1 - line.x0) / LINE
    left = view.scene_rect(line).left() + width * (start - line.start)
    assert near(hit.sceneBoundingRect().left(), left, 0.5)
    assert near(hit.sceneBoundingRect().width(), 4 * width, 0.5)
    assert view.outline_items("current hit") == []
    window.step_hit(1)  # Find Next: the hit becomes current, its line outlined
    (current,) = view.outline_items("current hit")
    assert current.sceneBoundingRect() == hit.sceneBoundingRect()
    (focus,) = view.outline_items("focus")
    assert_same_rect(focus.sceneBoundingRect(), expected_rect(view, (line,), OUTLINE_PAD + 1.25))


def test_span_boxes_cut_the_first_and_last_lines_to_the_span() -> None:
    text = "一" * 45
    paragraph = Paragraph("p", text, "body", (1, 1), _lines(0, 0, text))
    first, second = span_boxes(paragraph, (15, 25))
    assert near(first.x0, 30 + 12 * 15) and near(first.x1, 270)
    assert near(second.x0, 30) and near(second.x1, 30 + 12 * 5)
    (last,) = span_boxes(paragraph, (41, 43))  # the last line holds 5 characters over 60 points
    assert near(last.x0, 30 + 12) and near(last.x1, 30 + 36)


def test_zoom_scales_the_pages_and_renders_them_anew(qtbot: QtBot, pdf_window: tuple[MainWindow, Report]) -> None:
    window, _ = pdf_window
    view = page_view(window)
    before, text_zoom = view.zoom, window.detail.zoom
    window.findChild(QAction, "zoomInAction").trigger()  # View ▸ Zoom In, with the page in front
    assert near(view.zoom, before * 1.25)
    assert window.detail.zoom == text_zoom  # the page zoomed, not the text
    qtbot.keyClick(view.canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert near(view.zoom, before * 1.25) and not view.fit_width
    assert near(view.canvas.transform().m11(), view.zoom)
    assert view.zoom_label.text() == f"{round(view.zoom * 100)}%"
    qtbot.waitUntil(lambda: near(view.page_scale(0), view.render_scale(), 0.001), timeout=5000)
    image = view.page_image(0)
    assert image is not None and near(image.width(), PAGE[0] * view.render_scale(), 1)
    assert not view.fit_button.isChecked()
    view.fit_button.click()
    assert view.fit_width and view.fit_button.isChecked()
    assert near(view.scene.sceneRect().width() * view.zoom, view.canvas.viewport().width() - 2, 1)


def test_ctrl_wheel_and_the_buttons_zoom_the_page(pdf_window: tuple[MainWindow, Report]) -> None:
    window, _ = pdf_window
    view = page_view(window)
    before = view.zoom
    centre = QPointF(view.canvas.viewport().rect().center())
    for modifiers in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier):  # a plain wheel scrolls
        wheel = QWheelEvent(
            centre,
            view.canvas.viewport().mapToGlobal(centre),
            QPoint(),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.canvas.viewport(), wheel)
        assert near(view.zoom, before * 1.25)
    view.zoom_out_button.click()
    view.zoom_out_button.click()
    assert near(view.zoom, before / 1.25)
    view.set_zoom(100)
    assert view.zoom == ZOOM_RANGE[1] and not view.zoom_in_button.isEnabled()


def test_a_text_report_has_no_page_view(pdf_window: tuple[MainWindow, Report], tmp_path: Path) -> None:
    window, _ = pdf_window
    text = tmp_path / "report.txt"
    text.write_text("县报\n\n全县经济运行稳中有进。\n", encoding="utf-8")
    window.set_report(load_report(text), text)
    assert window.middle_tabs is not None and not window.middle_tabs.tabBar().isVisible()
    assert not window.menus.page_action.isEnabled()
    assert window.middle_tabs.currentWidget() is window.detail


def test_a_window_on_a_text_report_makes_no_page_view(window: MainWindow) -> None:
    assert window.page_view is None and window.middle_tabs is None
    assert not window.menus.page_action.isEnabled()


def test_view_page_as_printed_brings_the_page_to_the_front_and_back(pdf_window: tuple[MainWindow, Report]) -> None:
    window, _ = pdf_window
    action = window.menus.page_action
    assert window.middle_tabs is not None and action.isEnabled()
    assert action.isChecked() == (window.middle_tabs.currentWidget() is window.page_view)
    window.middle_tabs.setCurrentWidget(window.detail)  # the tab chosen by hand: the menu follows
    assert not action.isChecked()
    action.trigger()
    assert window.middle_tabs.currentWidget() is window.page_view and action.isChecked()
    action.trigger()
    assert window.middle_tabs.currentWidget() is window.detail and not action.isChecked()


def test_a_vanished_pdf_shows_a_message(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    path, report = pdf_report(tmp_path)
    window = make_window(path, report=report)
    path.unlink()
    window.show_pages()
    view = page_view(window)
    qtbot.waitUntil(lambda: view.message.isVisible(), timeout=5000)
    wanted = translated("PageView", "The PDF %1 is no longer there: its pages cannot be shown.", "report.pdf")
    assert view.message.text() == wanted


def test_only_the_pages_in_view_are_rendered(qtbot: QtBot, pdf_window: tuple[MainWindow, Report]) -> None:
    window, _ = pdf_window
    view = page_view(window)
    view.set_zoom(4.0)
    view.canvas.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: near(view.page_scale(0), view.render_scale(), 0.001), timeout=5000)
    assert view.visible_pages() == [0]
    assert view.page_image(1) is None and view.renderer is not None and not view.renderer.busy()
    view.canvas.verticalScrollBar().setValue(view.canvas.verticalScrollBar().maximum())  # to the second page
    qtbot.waitUntil(lambda: near(view.page_scale(1), view.render_scale(), 0.001), timeout=5000)
    assert view.page_image(0) is None  # scrolled past: its image is the cache's to keep or drop


def test_the_report_shown_again_keeps_its_rendered_pages(pdf_window: tuple[MainWindow, Report]) -> None:
    window, report = pdf_window
    view = page_view(window)
    renderer = view.renderer
    window.set_report(report, window.path, keep_selection=True)  # as after a correction
    assert view.renderer is renderer
    assert view.page_image(0) is not None  # from the cache, no placeholder meanwhile


def test_the_lines_of_a_region_make_one_outline(pdf_window: tuple[MainWindow, Report]) -> None:
    window, _ = pdf_window
    view = page_view(window)
    lines = (Box(0, 30, 100, 200, 112, 0), Box(0, 30, 111, 180, 123, 10), Box(0, 30, 140, 200, 152, 20))
    view.set_selection([lines])  # the first two overlap (loose boxes), the third is a line's height below
    (outline,) = view.outline_items("selection")
    assert len(outline.path().toSubpathPolygons()) == 1
    for y in (111.5, 130):  # where the lines overlap, and the leading filled between
        assert outline.path().contains(view.scene_rect(lines[0]).topLeft() + QPointF(50, y - 100))


def test_a_generated_newspaper_page_read_from_its_pdf(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    """End to end: the boxes the PDF reader keeps are where pdfium draws the text, and a click on one selects
    its paragraph."""
    from newspaper_pdf import corpus_documents, typeset

    truth = typeset(corpus_documents()[:2], tmp_path / "page.pdf")
    window = make_window(truth.path)
    assert window.report is not None
    report = window.report
    window.show_pages()
    view = page_view(window)
    view.set_zoom(2.0)
    qtbot.waitUntil(lambda: near(view.page_scale(0), view.render_scale(), 0.001), timeout=10000)
    paragraph = next(p for p in report.paragraphs() if p.kind == "body" and p.boxes and p.boxes[0].page == 0)
    box = paragraph.boxes[0]
    image, scale = view.page_image(0), view.page_scale(0)
    assert image is not None
    ink = [
        QColor(image.pixel(int(x * scale), int(y * scale))).lightness()
        for x in range(int(box.x0), int(box.x1))
        for y in range(int(box.y0), int(box.y1))
    ]
    assert min(ink) < 100  # text is drawn inside the line's box

    click_box(qtbot, view, box)
    assert current_id(window) == report.section_of(paragraph.id).id
    (focus,) = view.outline_items("focus")
    assert focus.sceneBoundingRect().contains(view.scene_rect(box))


def test_a_page_shows_a_placeholder_while_it_renders_off_the_gui_thread(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    render = page_render.render_page
    threads: list[threading.Thread] = []

    def held(source: PdfSource, page: int, scale: float) -> QImage:
        threads.append(threading.current_thread())
        release.wait(10)
        return render(source, page, scale)

    monkeypatch.setattr(page_render, "render_page", held)
    path, report = pdf_report(tmp_path)
    window = make_window(path, report=report)
    window.show_pages()
    view = page_view(window)
    try:
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)  # the render has begun, and waits
        assert threads[0] is not threading.main_thread()
        assert view.page_placeholder(0) == translated("PageView", "Rendering page %1…", "1")
        window.select_node("s2")  # the window answers meanwhile
        assert current_id(window) == "s2"
    finally:
        release.set()
    qtbot.waitUntil(lambda: view.page_placeholder(0) is None, timeout=5000)


def test_an_article_shows_its_headline_and_subtitle_once_in_the_text(window: MainWindow) -> None:
    def line(text: str, y: float, size: float = 9.0, x: float = 40.0) -> TextLine:
        return TextLine(text, Rect(x, y, x + size * len(text), y + size), 0, size, False)

    def article(x: float, kicker: str, title: str, body: str) -> Article:
        headline = (Block("headline", (line(kicker, 100, 16, x),)), Block("headline", (line(title, 130, 36, x),)))
        return Article(headline, (Block("paragraph", (line(body, 200, x=x),)),))

    layout = PdfLayout(
        ((842.0, 1191.0),),
        (
            article(40, "县委经济工作会议召开", "稳中求进谋发展", "会议指出，全县经济稳中向好。"),
            article(440, "人代会分组讨论", "代表热议报告", "代表们认为报告实事求是。"),
        ),
    )
    window.set_report(report_of_layout(layout, "page.pdf"), None)
    assert window.select_node("a1")
    text = window.detail.toPlainText()
    assert text.count("县委经济工作会议召开") == 1 and "稳中求进谋发展" in text


def test_the_selection_stays_in_view_when_the_page_is_fitted_to_a_new_width(
    qtbot: QtBot, pdf_window: tuple[MainWindow, Report]
) -> None:
    window, report = pdf_window
    view = page_view(window)
    window.select_node("s2")  # on the second page
    window.resize(window.width() + 400, window.height())  # fitted to the width: every page grows
    qtbot.waitUntil(lambda: view.zoom > 0)
    shown = view.canvas.mapToScene(view.canvas.viewport().rect()).boundingRect()
    assert shown.intersects(expected_rect(view, report.section("s2").boxes, 0))
