"""The real main window, driven by keyboard, mouse and actions."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from genre import wenshui_page
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot
from window_probe import current_id, highlighted

from jcviewer.app import open_window
from jcviewer.model.export import SCHEMA_VERSION
from jcviewer.model.parse import load_report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.charts import BarChart
from jcviewer.ui.detail_html import MARK_ANCHOR, Style
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.menus import REPORT_ACTIONS


def detail_text(window: MainWindow) -> str:
    return window.detail.toPlainText()


GREY_STEP = 30  # lightness steps (of 255) that tell two greys apart on paper


def load_charts(qtbot: QtBot, window: MainWindow) -> None:
    window.charts.load()
    qtbot.waitUntil(lambda: window.charts.is_loaded, timeout=20000)


def chart(window: MainWindow, name: str) -> BarChart:
    found = window.findChild(BarChart, name)
    assert found is not None, name
    return found


def test_first_node_is_shown_with_heading_and_outline_widgets_found_by_name(window: MainWindow) -> None:
    assert window.findChild(type(window.outline), "outlineTree") is window.outline
    assert window.detail.objectName() == "detailView"
    assert current_id(window) == "lead"
    assert detail_text(window).startswith("导语\n中流击水当奋楫")
    assert window.windowTitle().startswith("中共交城县委十六届八次全体会议暨县委经济工作会议")


def test_keyboard_moves_through_sections_and_expands(qtbot: QtBot, window: MainWindow) -> None:
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)
    assert current_id(window) == "s1"
    assert detail_text(window).startswith("稳字当头 稳中求进\n—— 在高质量发展路上坚定前行\n一月的交城")
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)
    assert current_id(window) == "s2"
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)  # s2 is expanded: into its first list
    assert current_id(window) == "p3.list"
    qtbot.keyClick(window.outline, Qt.Key.Key_Right)  # expand the list
    qtbot.keyClick(window.outline, Qt.Key.Key_Down)
    assert current_id(window) == "p3.list.1"
    qtbot.keyClick(window.outline, Qt.Key.Key_Left)  # to the parent
    qtbot.keyClick(window.outline, Qt.Key.Key_Left)  # collapse it
    assert current_id(window) == "p3.list"
    assert not window.outline.isExpanded(window.outline.currentIndex())


def test_mouse_click_on_a_quote_node_scrolls_to_and_highlights_the_quote(qtbot: QtBot, window: MainWindow) -> None:
    window.outline.expand(window.outline_index("s3.quotes"))
    target = window.outline_index("s3.quotes.5")
    window.outline.scrollTo(target)
    rect = window.outline.visualRect(target)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert current_id(window) == "s3.quotes.5"
    html = window.detail.toHtml()
    assert 'name="mark"' in html
    assert window.detail.verticalScrollBar().value() > 0  # the last quote is far down the section
    cursor = window.detail.cursorForPosition(QPoint(20, window.detail.viewport().height() // 2))
    assert cursor.block().text()  # something is on screen where we scrolled to
    assert "苗小岗" in detail_text(window)


def test_selecting_an_item_highlights_exactly_that_item(window: MainWindow) -> None:
    window.select_node("p5.list.3")
    assert current_id(window) == "p5.list.3"
    assert highlighted(window, Style().mark) == [
        "把开发区建设摆在更加突出位置。扎实开展三年行动，加快推进化工园区认定，滚动开展“三个一批”活动。"
    ]


def test_metrics_in_the_text_carry_a_tooltip_with_indicator_value_qualifier_period(window: MainWindow) -> None:
    window.select_node("s2.targets.3")
    anchor = window.detail.document().find("10%以上")
    assert not anchor.isNull()
    rect = window.detail.cursorRect(anchor)
    tip = window.detail.metric_tooltip_at(QPoint(rect.left() - 4, rect.center().y()))
    assert tip.splitlines() == ["指标：固定资产投资增长", "数值：≥10%", "限定：下限（以上）", "时期：2024年目标"]
    assert window.detail.metric_tooltip_at(QPoint(2, 2)) == ""


def test_clicking_a_target_bar_selects_its_node_and_paragraph(qtbot: QtBot, window: MainWindow) -> None:
    load_charts(qtbot, window)
    targets = chart(window, "targetChart")
    bar = next(b for b in targets.bars if b.text == "≥10%")
    qtbot.mouseClick(targets.viewport(), Qt.MouseButton.LeftButton, pos=targets.bar_position(bar).toPoint())
    assert current_id(window) == "s2.targets.3"
    assert highlighted(window, Style().focus) == ["固定资产投资增长10%以上"]
    assert "固定资产投资增长10%以上" in detail_text(window)


def test_clicking_a_result_bar_selects_the_achievement_it_belongs_to(qtbot: QtBot, window: MainWindow) -> None:
    load_charts(qtbot, window)
    window.charts.tabs.setCurrentIndex(2)
    counts = chart(window, "achievementChart2")
    bar = next(b for b in counts.bars if b.text == "31个")
    qtbot.mouseClick(counts.viewport(), Qt.MouseButton.LeftButton, pos=counts.bar_position(bar).toPoint())
    assert current_id(window) == "p3.list.2"  # 发展质量不断提升: "31个项目竣工投产"


def test_comparison_chart_pairs_result_and_target_and_hover_names_the_sentence(
    qtbot: QtBot, window: MainWindow
) -> None:
    load_charts(qtbot, window)
    comparison = chart(window, "comparisonChart")
    assert comparison.series_names == {"result": "2023年实绩", "target": "2024年目标"}
    assert [(b.label, b.text) for b in comparison.bars] == [
        ("地区生产总值增长", "1%"),
        ("固定资产投资增长", "22.8%"),
        ("地区生产总值增长", "≈6%"),
        ("固定资产投资增长", "≥10%"),
    ]
    window.charts.tabs.setCurrentIndex(1)
    bar = comparison.bars[1]
    qtbot.mouseMove(comparison.viewport(), comparison.bar_position(bar).toPoint())
    qtbot.waitUntil(lambda: comparison.hovered_bar is bar)
    assert comparison.hover_text(bar).splitlines()[0] == "固定资产投资增长  22.8%"
    assert "固投完成49亿元，增长22.8%" in comparison.hover_text(bar)
    assert comparison.bar_at(QPointF(-5, 0)) is None


def test_charts_are_readable_in_greyscale(qtbot: QtBot, window: MainWindow) -> None:
    """Result bars, target bars and the background differ in lightness, not only in hue (printed in black)."""
    load_charts(qtbot, window)
    comparison = chart(window, "comparisonChart")
    image = comparison.grab().toImage()

    def grey(bar_period: str) -> int:
        bar = next(b for b in comparison.bars if b.metric.period == bar_period)
        point = comparison.bar_position(bar).toPoint()
        return image.pixelColor(point).lightness()

    background = comparison.palette().color(QPalette.ColorRole.Base).lightness()
    result, target = grey("result"), grey("target")
    assert abs(result - target) >= GREY_STEP and abs(result - background) >= GREY_STEP
    assert abs(target - background) >= GREY_STEP, (result, target, background)


def test_opening_a_bad_file_shows_a_dialog_and_keeps_the_report(
    window: MainWindow, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    before = window.report
    for name, content in (
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50),
        ("bad.txt", b"\xff\xfe\xfa" * 5),
    ):
        bad = tmp_path / name
        bad.write_bytes(content)
        assert window.open_file(bad) is False
        assert bad.read_bytes() == content  # never changed
    assert window.report is before
    assert len(dialogs) == 3
    assert all(isinstance(d, QMessageBox) for d in dialogs)
    assert "文件是空的" in dialogs[0].informativeText()
    assert "二进制" in dialogs[1].informativeText()


def test_hostile_report_text_is_shown_as_text_and_loads_nothing(make_window, tmp_path: Path, monkeypatch) -> None:
    hostile = tmp_path / "hostile.txt"
    page = wenshui_page(seed=3).text()
    payload = '<img src="file:///etc/passwd"><a href="https://example.com">点我</a><script>alert(1)</script>'
    hostile.write_text(page.replace("文水县", f"文水县{payload}", 1), encoding="utf-8")
    loads: list[object] = []
    from jcviewer.ui.detail_view import DetailView

    original = DetailView.loadResource
    monkeypatch.setattr(
        DetailView, "loadResource", lambda self, kind, name: loads.append(name) or original(self, kind, name)
    )
    window = make_window(hostile)
    shown = False
    for node in (n for top in window.nodes for n in top.walk()):
        window.select_node(node.id)
        html = window.detail.toHtml()
        assert "<img" not in html and "<script" not in html and 'href="https' not in html
        shown = shown or payload in window.detail.toPlainText()
    assert shown
    assert loads == []
    tooltip = window.outline_model.index_of("lead").data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip


def test_copy_and_copy_with_source(window: MainWindow) -> None:
    window.select_node("s2.targets.1")
    window.copy()
    assert QGuiApplication.clipboard().text() == "地区生产总值增长6%左右"
    window.copy_with_source()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("地区生产总值增长6%左右\n——来源：《中共交城县委十六届八次全体会议暨县委经济工作会议》")
    assert "锚定目标 加压奋进" in copied and "jiaocheng-2024-plenary-and-economic-work-conference.txt" in copied
    cursor = window.detail.textCursor()
    found = window.detail.document().find("稳中求进")
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), cursor.MoveMode.KeepAnchor)
    window.detail.setTextCursor(cursor)
    window.copy()
    assert QGuiApplication.clipboard().text() == "稳中求进"


def test_copy_with_source_on_a_speaker_keeps_who_said_it_and_the_quotation_marks(window: MainWindow) -> None:
    assert window.report is not None
    speaker = next(n for top in window.nodes for n in top.walk() if n.kind == "speaker")
    quote = next(q for q in window.report.quotes if q.speaker == speaker.title)
    window.select_node(speaker.id)
    window.copy_with_source()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"{quote.role}{quote.speaker}：“{quote.text}”")
    assert copied.split("\n")[-1].startswith("——")


def test_the_panes_have_names_a_screen_reader_announces(window: MainWindow) -> None:
    panes = (window.outline, window.detail, window.search_panel.edit, window.search_panel.results, window.charts)
    names = [pane.accessibleName() for pane in panes]
    assert all(names) and len(set(names)) == len(names)
    assert all(pane.accessibleDescription() for pane in panes)
    assert window.outline.accessibleName() == "报告提纲"  # Chinese by default, like every UI text


def test_report_actions_wait_for_a_report(qtbot: QtBot, session, settings: Settings) -> None:
    window = MainWindow(settings, session.fonts, session.theme)
    qtbot.addWidget(window)
    actions = [window.findChild(QAction, name) for name in REPORT_ACTIONS]
    assert actions and not any(action.isEnabled() for action in actions)
    window.set_report(load_report(bundled_report()))
    assert all(action.isEnabled() for action in actions)


def test_selecting_a_target_marks_it_in_the_charts(window: MainWindow) -> None:
    window.charts.load_now()
    target = next(n for top in window.nodes for n in top.walk() if n.kind == "target")
    window.select_node(target.id)
    assert any(chart.marked_rows for chart in window.charts.charts)
    window.select_node(window.nodes[0].id)
    assert not any(chart.marked_rows for chart in window.charts.charts)


def test_zoom_charts_toggle_and_dark_theme(qtbot: QtBot, window: MainWindow, settings: Settings) -> None:
    size = window.detail.document().defaultFont().pointSizeF()
    window.findChild(QAction, "zoomInAction").trigger()
    assert window.detail.document().defaultFont().pointSizeF() > size
    window.findChild(QAction, "zoomResetAction").trigger()
    assert window.detail.document().defaultFont().pointSizeF() == size
    window.menus.charts_action.trigger()
    assert not window.charts.isVisible() and settings.show_charts is False
    window.menus.charts_action.trigger()
    assert window.charts.isVisible()
    light_html = window.detail.toHtml()
    try:
        window.set_theme("dark")
        QApplication.processEvents()
        assert window.detail.palette().color(QPalette.ColorRole.Base).lightness() < 80
        assert window.detail.toHtml() != light_html  # re-typeset in the dark colours
        assert "#f08a7a" in window.detail.toHtml()  # the dark theme's heading colour
    finally:
        window.set_theme("system")
        QApplication.processEvents()
    assert window.detail.palette().color(QPalette.ColorRole.Base).lightness() > 128


def test_drag_and_drop_opens_the_dropped_file(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "wenshui.txt"
    other.write_text(wenshui_page(seed=1).text(), encoding="utf-8")
    window.select_node("s2")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    assert (
        QApplication.sendEvent(window, enter) and enter.isAccepted()
    )  # Qt delivers a drop only after an accepted enter
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    assert window.path == other.resolve()
    assert "文水" in window.windowTitle()
    assert current_id(window) == "lead"  # a newly opened report starts at its beginning


def test_export_json_writes_the_schema(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.findChild(QAction, "exportAction").trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION and len(data["quotes"]) == 5


def test_help_dialogs_open_without_blocking(window: MainWindow, dialogs: list[QDialog]) -> None:
    window.findChild(QAction, "shortcutsAction").trigger()
    window.findChild(QAction, "aboutAction").trigger()
    assert len(dialogs) == 2
    table = dialogs[0].findChild(QTableWidget)
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["打开(O)…"] == QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert rows["复制并注明出处(S)"] == "Ctrl+Shift+C"


def test_settings_restore_across_two_windows(make_window, session, settings_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "wenshui.txt"
    other.write_text(wenshui_page(seed=2).text(), encoding="utf-8")
    first = make_window(with_settings=Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    assert first.open_file(other)
    first.select_node("s2")
    first.resize(700, 500)  # the offscreen screen is 800×600, and restoring clamps to it
    first.splitter.setSizes([200, 600, 300])
    sizes = first.splitter.sizes()
    first.zoom_by(2)
    first.close()

    second_settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    second = open_window(session, second_settings, None)
    assert second.path == other.resolve()
    assert current_id(second) == "s2"
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    assert second.detail.zoom == 2
    assert second_settings.recent_files[0] == str(other.resolve())


def test_a_bad_file_on_the_command_line_opens_the_bundled_report_and_explains(
    session, settings: Settings, tmp_path: Path, dialogs: list[QDialog], capsys
) -> None:
    missing = tmp_path / "missing.txt"
    window = open_window(session, settings, missing)
    assert window.path == bundled_report()
    assert "文件不存在" in dialogs[0].informativeText()
    assert capsys.readouterr().err.startswith("jcviewer: error: ")


def test_recent_files_menu_lists_opened_files_and_reopens_them(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "wenshui.txt"
    other.write_text(wenshui_page(seed=6).text(), encoding="utf-8")
    assert window.open_file(other)
    assert window.open_file(bundled_report())
    window.menus.recent_menu.aboutToShow.emit()
    entries = [a for a in window.menus.recent_menu.actions() if a.toolTip() == str(other.resolve())]
    assert len(entries) == 1 and entries[0].text() == "wenshui.txt"
    entries[0].trigger()
    assert window.path == other.resolve()


def test_clicking_a_number_in_the_text_selects_its_target(window: MainWindow) -> None:
    window.select_node("s2")
    index = next(i for i, m in enumerate(window.report.metrics) if m.expression == "6.5%左右")
    window.detail.anchorClicked.emit(QUrl(f"metric:{index}"))
    assert current_id(window) == "s2.targets.4"
    window.detail.anchorClicked.emit(QUrl("https://example.com"))  # never navigates, never changes selection
    assert current_id(window) == "s2.targets.4"


def test_ctrl_wheel_zooms_and_is_remembered(window: MainWindow, settings: Settings) -> None:
    viewport = window.detail.viewport()
    wheel = QWheelEvent(
        QPointF(20, 20),
        QPointF(viewport.mapToGlobal(QPoint(20, 20))),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert window.detail.zoom == 2 and settings.zoom == 2


def test_an_unexpected_error_in_a_slot_shows_a_dialog(window: MainWindow, dialogs: list[QDialog], monkeypatch) -> None:
    import sys

    from jcviewer.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert dialogs[-1].objectName() == "unexpectedErrorDialog"
    assert "RuntimeError: boom" in dialogs[-1].detailedText()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.timeout(30)
def test_opening_a_pipe_or_a_device_neither_hangs_nor_reads(
    window: MainWindow, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    before = window.report
    assert window.open_file(fifo) is False
    assert window.open_file(Path("/dev/zero")) is False
    assert window.report is before
    assert len(dialogs) == 2


def _anchor_rect(window: MainWindow, name: str) -> QRect:
    """Where the detail pane shows the text anchored ``name`` (viewport coordinates)."""
    block = window.detail.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if name in fragment.charFormat().anchorNames():
                cursor = QTextCursor(window.detail.document())
                cursor.setPosition(fragment.position())
                return window.detail.cursorRect(cursor)
            iterator += 1
        block = block.next()
    raise AssertionError(f"no anchor {name}")


@pytest.mark.parametrize("node", ["p6.list.5", "s3.quotes.5", "s3.quotes.1", "p5.list.1"])
def test_a_selected_item_is_scrolled_into_view_even_at_the_end(window: MainWindow, node: str) -> None:
    window.resize(1400, 860)  # the last items sit below the first screen
    QApplication.processEvents()  # lay out at this size first, as the screenshot does
    assert window.select_node(node)
    QApplication.processEvents()
    rect = _anchor_rect(window, MARK_ANCHOR)
    assert window.detail.viewport().rect().contains(rect.center()), (node, rect, window.detail.viewport().rect())
