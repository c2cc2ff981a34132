"""The real main window's own wiring, driven by keyboard, mouse and actions: layout, selection across the panes,
copy, the View menu, settings across windows, the unexpected-error dialog, names for screen readers.

The panes and menus have their own test modules (test_detail_view, test_menus, test_report_opener …)."""

from __future__ import annotations

import json
from pathlib import Path

from genre import wenshui_page
from library_texts import write_reports
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot
from window_probe import current_id, highlighted

from jcviewer.app import open_window
from jcviewer.model.export import SCHEMA_VERSION
from jcviewer.model.library import Catalogue
from jcviewer.model.navigation import find_node
from jcviewer.model.parse import load_report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.charts import BarChart
from jcviewer.ui.detail_html import Style
from jcviewer.ui.library_pane import LibraryPane
from jcviewer.ui.main_window import MainWindow


def detail_text(window: MainWindow) -> str:
    return window.detail.toPlainText()


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


def test_export_json_writes_the_schema(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.findChild(QAction, "exportAction").trigger()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION and len(data["quotes"]) == 5


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


def test_opening_another_report_while_a_query_is_typed_shows_it_with_the_querys_hits(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.select_node(window.nodes[-1].id)  # a node id the next report may not have, or have for something else
    window.search_panel.edit.setText("发展")
    window.search_panel.run()
    other = tmp_path / "short.txt"  # one paragraph: none of the sections of the report before
    other.write_text("全县上下坚持高质量发展，推动经济持续回升向好。\n", encoding="utf-8")
    with qtbot.capture_exceptions() as errors:
        window.set_report(load_report(other), other)
    assert not errors
    assert window.detail.node is not None and find_node(window.nodes, window.detail.node.id) is window.detail.node
    assert window.search_panel.session.marks  # the query is answered on the new report


def test_the_warning_bar_reviews_each_uncertain_place_in_the_outline_and_the_text(window: MainWindow) -> None:
    assert window.report is not None and window.report.warnings  # the bundled page has doubtful headings
    assert window.warning_bar.isVisible()
    doubtful = {w.paragraph for w in window.report.warnings if w.paragraph}
    seen = set()
    for _ in doubtful:
        window.warning_bar.review.click()
        node = window.detail.node
        assert node is not None and current_id(window) == node.id
        seen.add(node.id)
    assert window.outline_model is not None
    assert seen and all(window.outline_model.warning_count(n) for n in seen)


def _unpainted_at_a_target(qtbot: QtBot, session, settings: Settings) -> tuple[MainWindow, QPoint]:  # noqa: ANN001
    """A window shown but not painted yet (no event processed), and the centre of a target's outline row."""
    report_path = bundled_report()
    window = MainWindow(settings, session.fonts, session.theme)
    qtbot.addWidget(window)
    window.set_report(load_report(report_path), report_path)
    target = next(n for top in window.nodes for n in top.walk() if n.kind == "target")
    window.select_node(target.id)
    window.outline.scrollTo(window.outline_index(target.id))
    window.show()  # the corrections UI is made after the first paint
    assert not window.outline.painted
    return window, window.outline.visualRect(window.outline_index(target.id)).center()


def _menu_names(receiver: QWidget, event: QContextMenuEvent) -> list[str]:
    QApplication.sendEvent(receiver, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    names = [a.objectName() for a in menu.actions()]
    menu.close()
    return names


def test_a_context_menu_before_the_first_paint_makes_the_corrections_ui_on_demand(
    qtbot: QtBot, session, settings: Settings
) -> None:
    window, center = _unpainted_at_a_target(qtbot, session, settings)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, center, window.outline.mapToGlobal(center))
    assert "notTargetAction" in _menu_names(window.outline, event)


def test_a_right_click_on_the_outline_before_the_first_paint_makes_the_corrections_ui_on_demand(
    qtbot: QtBot, session, settings: Settings
) -> None:
    window, center = _unpainted_at_a_target(qtbot, session, settings)
    viewport = window.outline.viewport()  # the viewport passes a right click up to the tree the window watches
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, center, viewport.mapToGlobal(center))
    assert "notTargetAction" in _menu_names(viewport, event)


def test_the_outlines_first_paint_starts_the_deferred_work(qtbot: QtBot, session, settings: Settings) -> None:
    report_path = bundled_report()
    window = MainWindow(settings, session.fonts, session.theme)
    qtbot.addWidget(window)
    window.set_report(load_report(report_path), report_path)
    QApplication.processEvents()
    assert not window.outline.painted and not window.charts.is_loaded  # hidden: nothing painted, nothing started
    with qtbot.waitSignal(window.outline.firstPainted, timeout=5000):
        window.show()
    assert window.outline.painted
    qtbot.waitUntil(lambda: window.charts.is_loaded, timeout=20000)  # pyqtgraph imported in the background


def test_the_detail_panes_menu_offers_corrections_before_the_first_paint(
    qtbot: QtBot, session, settings: Settings
) -> None:
    report_path = bundled_report()
    window = MainWindow(settings, session.fonts, session.theme)  # never shown
    qtbot.addWidget(window)
    window.set_report(load_report(report_path), report_path)
    assert window.report is not None
    metric = next(m for m in window.report.metrics if m.period == "target" and m.span)
    node = next(n for top in window.nodes for n in top.walk() if any(k.paragraph == metric.paragraph for k in n.marks))
    window.select_node(node.id)
    text = window.report.paragraph(metric.paragraph).text
    block = window.detail.document().begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid()
    cursor = QTextCursor(window.detail.document())
    cursor.setPosition(block.position() + metric.span[0] + 1)
    window.detail.setTextCursor(cursor)
    menu = window.detail.context_menu(QPoint(1, 1), keyboard=True)  # from the keyboard: at the text cursor
    assert "notTargetAction" in [a.objectName() for a in menu.actions()]


def test_briefing_choices_follow_the_reports_text_not_its_path(window: MainWindow, tmp_path: Path) -> None:
    from jcviewer.model.briefing_options import BriefingOptions

    text = bundled_report().read_text(encoding="utf-8")
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("\n", "\r\n"), encoding="utf-8")  # the same text saved on Windows
    assert window.open_file(first)
    window.set_briefing_options(BriefingOptions(title="简报", unit="县委办公室"))
    assert window.open_file(second)
    assert (window.briefing().title, window.briefing().unit) == ("简报", "县委办公室")
    first.write_text(text + "\n会议号召全县上下团结一心。\n", encoding="utf-8")  # changed in place: another report
    assert window.open_file(first)
    assert window.briefing_options() == BriefingOptions() and window.briefing().title != "简报"


def test_choices_that_leave_nothing_to_print_give_the_models_briefing_not_a_blank_page(window: MainWindow) -> None:
    from jcviewer.model.briefing_options import PARTS, BriefingOptions

    window.set_report(load_report(bundled_report()), bundled_report())
    window.set_briefing_options(BriefingOptions(hidden=frozenset(PARTS)))  # everything unticked, then closed
    assert window.briefing() == window.base_briefing()
    window.set_briefing_options(BriefingOptions(hidden=frozenset({"chart"}), title="简报"))
    assert window.briefing().title == "简报" and "chart" not in [b.kind for b in window.briefing().blocks]


def test_the_library_tab_is_made_on_first_show_and_a_double_click_opens_the_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with Catalogue(tmp_path / "lib") as catalogue:
        report_id, _ = catalogue.add(write_reports(tmp_path / "given", 1)[0])
    window.library_folder = tmp_path / "lib"
    tabs = window.left_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [window.tr("Outline"), window.tr("Library")]
    assert tabs.currentWidget() is window.outline and window.findChild(QWidget, "libraryPane") is None
    tabs.setCurrentIndex(1)
    pane = window.findChild(LibraryPane, "libraryPane")
    assert pane is not None and pane.isVisible() and pane.folder == tmp_path / "lib"
    index = pane.model.index_of(report_id)
    pane.tree.scrollTo(index)
    rect = pane.tree.visualRect(index)
    qtbot.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    copy = tmp_path / "lib" / pane.current_entry().text_path
    assert window.path == copy.resolve() and window.report is not None
    assert window.report.title == pane.current_entry().title
    assert window.settings.recent_files[0] == str(copy.resolve())


def test_closing_the_window_stops_an_import_and_closes_the_catalogue(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.library_folder = tmp_path / "lib"
    pane = window.show_library()
    assert pane.add_paths(write_reports(tmp_path / "given", 3))
    job = pane._import
    window.close()
    assert job is not None and job.cancelled and pane.catalogue is None
