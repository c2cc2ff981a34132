"""Correcting quotes and figures in the window: the context menus of the outline and the detail pane, the undo
stack, the store, a new window and the command line seeing the corrections, and the exported sidecar."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from process import run_jcviewer
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from jcviewer.model.navigation import Node, find_node
from jcviewer.model.sources import sidecar_path
from jcviewer.resources import bundled_report
from jcviewer.ui import dialogs as dialogs_module
from jcviewer.ui.corrections import node_metric, node_quotes, store_folder
from jcviewer.ui.main_window import MainWindow

TARGET = "一般公共预算收入"  # an indicator of a bundled target, with a node of its own


@pytest.fixture
def report_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled report in a folder of its own, with a data folder of its own (the session's is
    shared by every test: a correction stored there would leak into the others)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "reports"
    folder.mkdir()
    return Path(shutil.copy(bundled_report(), folder / "report.txt"))


@pytest.fixture
def corrected(make_window, report_path: Path) -> MainWindow:
    window = make_window()
    assert window.open_file(report_path)
    window.charts.load_now()
    return window


def nodes_of(window: MainWindow, kind: str) -> list[Node]:
    return [n for top in window.nodes for n in top.walk() if n.kind == kind]


def target_node(window: MainWindow, indicator: str) -> Node:
    return next(n for n in nodes_of(window, "target") if n.title.startswith(indicator))


def action(menu: QMenu, name: str) -> QAction:
    found = menu.findChild(QAction, name)
    assert found is not None, [a.objectName() for a in menu.findChildren(QAction)]
    return found


def node_menu(window: MainWindow, node: Node) -> QMenu:
    menu = window.outline_menu().menu_for(window.outline_index(node.id))
    assert menu is not None
    return menu


def chart_labels(window: MainWindow) -> list[str]:
    chart = next(c for c in window.charts.charts if c.objectName() == "targetChart")
    assert chart.figure is not None
    return list(chart.figure.labels)


def hit_nodes(window: MainWindow, text: str) -> set[str]:
    window.search_panel.edit.setText(text)
    window.search_panel.run()
    answer = window.search_panel.session.answer
    assert answer is not None
    return {hit.node for hit in answer.results.hits}


def trigger(window: MainWindow, name: str) -> None:
    found = window.findChild(QAction, name)
    assert found is not None and found.isEnabled(), name
    found.trigger()


def place_menu(window: MainWindow, paragraph: str, offset: int) -> QMenu:
    """The detail pane's context menu at ``offset`` of ``paragraph`` (on show), built as a right click does."""
    assert window.report is not None
    text = window.report.paragraph(paragraph).text
    document = window.detail.document()
    block = document.begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    assert block.isValid()
    cursor = QTextCursor(document)
    cursor.setPosition(block.position() + offset)
    return window.detail.context_menu(window.detail.cursorRect(cursor).center())


def test_not_a_target_from_the_outline_is_stored_shown_undone_and_redone(corrected: MainWindow) -> None:
    window = corrected
    node = target_node(window, TARGET)
    before = len(nodes_of(window, "target"))
    assert any(label.startswith(TARGET) for label in chart_labels(window))
    assert node.id in hit_nodes(window, TARGET)
    window.select_node(node.id)

    action(node_menu(window, node), "notTargetAction").trigger()

    assert len(nodes_of(window, "target")) == before - 1
    assert not any(n.title.startswith(TARGET) for n in nodes_of(window, "target"))
    assert not any(label.startswith(TARGET) for label in chart_labels(window))
    assert window.search_panel.session.answer is not None  # the query on show is answered on the corrected report
    assert not any(find_node(window.nodes, n).kind == "target" for n in hit_nodes(window, TARGET))  # type: ignore[union-attr]
    assert window.detail.node is not None and window.detail.node.section == node.section  # the selection stays near
    assert window.corrector().undo_stack.count() == 1

    trigger(window, "undoAction")
    assert len(nodes_of(window, "target")) == before
    assert any(label.startswith(TARGET) for label in chart_labels(window))
    trigger(window, "redoAction")
    assert len(nodes_of(window, "target")) == before - 1


def test_a_correction_is_applied_when_the_report_opens_again_and_by_the_command_line(
    corrected: MainWindow, make_window, report_path: Path, tmp_path: Path
) -> None:
    action(node_menu(corrected, target_node(corrected, TARGET)), "resultAction").trigger()
    assert not any(n.title.startswith(TARGET) for n in nodes_of(corrected, "target"))

    again = make_window()
    assert again.open_file(report_path)
    assert again.report is not None
    moved = next(m for m in again.report.metrics if m.indicator.startswith(TARGET) and m.span)
    assert moved.period == "result"
    assert not any(n.title.startswith(TARGET) for n in nodes_of(again, "target"))

    dumped = run_jcviewer("dump", str(report_path), cwd=tmp_path)
    assert dumped.returncode == 0, dumped.stderr
    periods = {m["period"] for m in json.loads(dumped.stdout)["metrics"] if m["indicator"].startswith(TARGET)}
    assert periods == {"result"}
    plain = run_jcviewer("dump", str(report_path), "--no-corrections", cwd=tmp_path)
    assert "target" in {m["period"] for m in json.loads(plain.stdout)["metrics"] if m["indicator"].startswith(TARGET)}


def test_a_figure_in_the_detail_pane_offers_the_figure_corrections(
    corrected: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = corrected
    node = target_node(window, TARGET)
    window.select_node(node.id)
    assert window.report is not None
    metric = node_metric(window.report, node)
    assert metric is not None
    monkeypatch.setattr(dialogs_module, "ask_value", lambda parent, value: 7.5)
    monkeypatch.setattr(dialogs_module, "ask_indicator", lambda parent, name: "新的指标名称")

    menu = place_menu(window, metric.paragraph, metric.span[0] + 1)
    names = [a.objectName() for a in menu.actions()]
    assert names[:4] == ["notTargetAction", "resultAction", "indicatorAction", "valueAction"]
    assert any(a.isSeparator() for a in menu.actions())  # then the pane's own entries (Copy, Select All)
    action(menu, "valueAction").trigger()
    fixed = target_node(window, TARGET)
    assert "7.5" in fixed.title

    action(node_menu(window, fixed), "indicatorAction").trigger()
    renamed = target_node(window, "新的指标名称")
    assert "7.5" in renamed.title
    assert any(label.startswith("新的指标名称") for label in chart_labels(window))
    trigger(window, "undoAction")
    assert "7.5" in target_node(window, TARGET).title  # the value stays: only the name was undone
    trigger(window, "undoAction")
    assert "7.5" not in target_node(window, TARGET).title
    assert window.corrector().undo_stack.count() == 2  # both can be redone


def test_plain_text_offers_only_structural_corrections(corrected: MainWindow) -> None:
    window = corrected
    section = nodes_of(window, "section")[0]
    window.select_node(section.id)
    assert window.report is not None
    paragraph = window.report.section(section.section).paragraphs[0]
    quoted = {q.paragraph for q in window.report.quotes} | {m.paragraph for m in window.report.metrics}
    assert paragraph.id not in quoted
    menu = place_menu(window, paragraph.id, 1)
    names = {a.objectName() for a in menu.actions()}
    assert not names & {"notQuoteAction", "speakerAction", "notTargetAction", "valueAction"}
    assert {"splitAction", "captionKindAction"} <= names
    section_menu = window.outline_menu().menu_for(window.outline_index(section.id))
    assert section_menu is not None  # a heading: it may be body text or a caption
    assert {a.objectName() for a in section_menu.actions()} == {"captionKindAction", "bodyKindAction"}


def test_speaker_is_then_not_a_quote_for_several_quotes_at_once(
    corrected: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = corrected
    first, second = nodes_of(window, "speaker")[:2]
    speakers = len(nodes_of(window, "speaker"))
    quotes = len(window.report.quotes)  # type: ignore[union-attr]
    monkeypatch.setattr(dialogs_module, "ask_speaker", lambda parent, speaker, role: (first.title, ""))

    action(node_menu(window, second), "speakerAction").trigger()
    assert len(nodes_of(window, "speaker")) == speakers - 1
    merged = nodes_of(window, "speaker")[0]
    assert merged.title == first.title and len(merged.marks) == 2
    assert window.report is not None and len(node_quotes(window.report, merged)) == 2

    menu = node_menu(window, merged)
    assert [a.objectName() for a in action(menu, "notQuoteAllAction").parent().actions() if a.objectName()] == [
        "notQuoteAction-1",
        "notQuoteAction-2",
        "notQuoteAllAction",
    ]
    action(menu, "notQuoteAllAction").trigger()
    assert len(window.report.quotes) == quotes - 2
    assert first.title not in {n.title for n in nodes_of(window, "speaker")}

    trigger(window, "undoAction")  # both quotes back, still under one speaker
    assert len(window.report.quotes) == quotes and len(nodes_of(window, "speaker")) == speakers - 1
    trigger(window, "undoAction")
    assert [n.title for n in nodes_of(window, "speaker")][:2] == [first.title, second.title]
    trigger(window, "redoAction")
    trigger(window, "redoAction")
    assert len(window.report.quotes) == quotes - 2


def test_a_quote_in_the_detail_pane_can_be_dropped(corrected: MainWindow) -> None:
    window = corrected
    speaker = nodes_of(window, "speaker")[-1]
    window.select_node(speaker.id)
    assert window.report is not None
    (quote,) = node_quotes(window.report, speaker)
    menu = place_menu(window, quote.paragraph, quote.span[0] + 2)
    assert [a.objectName() for a in menu.actions()][:2] == ["notQuoteAction", "speakerAction"]
    action(menu, "notQuoteAction").trigger()
    assert quote not in window.report.quotes
    assert speaker.title not in {n.title for n in nodes_of(window, "speaker")}


def popup_names() -> list[str]:
    """The entries of the context menu on show, closed after reading."""
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    names = [a.objectName() for a in menu.actions()]
    menu.close()
    return names


def test_the_keyboard_opens_the_menus(corrected: MainWindow) -> None:
    window = corrected
    node = target_node(window, TARGET)
    window.select_node(node.id)
    center = window.outline.visualRect(window.outline_index(node.id)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, center, window.outline.mapToGlobal(center))
    QApplication.sendEvent(window.outline, event)
    assert "notTargetAction" in popup_names()

    assert window.report is not None
    metric = node_metric(window.report, node)
    assert metric is not None
    window.detail.setFocus()
    for _ in range(len(window.report.metrics)):  # Tab moves from link to link (a figure is one)
        if window.detail.textCursor().selectedText() == metric.expression:
            break
        window.detail.focusNextPrevChild(True)
    assert window.detail.textCursor().selectedText() == metric.expression
    point = QPoint(1, 1)
    keyboard = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, window.detail.mapToGlobal(point))
    QApplication.sendEvent(window.detail, keyboard)
    assert "notTargetAction" in popup_names()


def test_the_undo_stack_clears_when_another_report_opens(corrected: MainWindow, tmp_path: Path) -> None:
    window = corrected
    undo, redo = window.findChild(QAction, "undoAction"), window.findChild(QAction, "redoAction")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)  # Ctrl+Z
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z (the platform's)
    assert not undo.isEnabled()
    action(node_menu(window, target_node(window, TARGET)), "notTargetAction").trigger()
    assert undo.isEnabled()
    other = tmp_path / "other.txt"
    other.write_text("全县上下坚持高质量发展，推动经济持续回升向好。\n", encoding="utf-8")
    assert window.open_file(other)
    assert not undo.isEnabled() and window.corrector().undo_stack.count() == 0


def test_a_store_that_cannot_be_written_is_explained_and_nothing_is_pushed(
    corrected: MainWindow, dialogs: list[QDialog], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    targets = len(nodes_of(corrected, "target"))
    action(node_menu(corrected, target_node(corrected, TARGET)), "notTargetAction").trigger()
    assert dialogs[-1].objectName() == "correctionsErrorDialog"
    assert corrected.corrector().undo_stack.count() == 0
    assert len(nodes_of(corrected, "target")) == targets


def test_export_writes_the_sidecar_and_asks_before_replacing_another(
    corrected: MainWindow, dialogs: list[QDialog], report_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = corrected
    trigger(window, "exportCorrectionsAction")
    assert dialogs[-1].objectName() == "noCorrectionsDialog"
    side = sidecar_path(report_path)
    assert not side.exists()

    action(node_menu(window, target_node(window, TARGET)), "notTargetAction").trigger()
    trigger(window, "exportCorrectionsAction")
    written = side.read_text(encoding="utf-8")
    assert "[[figure]]" in written and "drop = true" in written

    side.write_text('[[quote]]\nparagraph = "别的"\nwords = "别的"\ndrop = true\n', encoding="utf-8")
    trigger(window, "exportCorrectionsAction")  # the question is answered Cancel (dialogs never block in tests)
    assert dialogs[-1].objectName() == "replaceSidecarDialog"
    assert "别的" in side.read_text(encoding="utf-8")
    monkeypatch.setattr(dialogs_module, "ask_replace_sidecar", lambda parent, path: True)
    trigger(window, "exportCorrectionsAction")
    exported = side.read_text(encoding="utf-8")
    assert "[[figure]]" in exported and "[[quote]]" in exported  # the sidecar's own corrections are kept


def test_a_report_shown_without_its_file_offers_no_correction(make_window) -> None:
    window = make_window()
    assert window.report is not None
    window.set_report(window.report)  # nothing to key its corrections by
    node = nodes_of(window, "target")[0]
    assert window.outline_menu().menu_for(window.outline_index(node.id)) is None


def test_a_report_changed_on_disk_under_a_correction_clears_the_stack_afterwards(
    corrected: MainWindow, report_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    from jcviewer.ui import report_loader

    load = report_loader.load

    def changed_then_load(path: Path):  # another program saves the report while the correction is stored
        path.write_text(path.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
        return load(path)

    monkeypatch.setattr(report_loader, "load", changed_then_load)
    stack = corrected.corrector().undo_stack
    with qtbot.capture_exceptions() as errors:
        action(node_menu(corrected, target_node(corrected, TARGET)), "notTargetAction").trigger()
    assert not errors
    assert stack.count() == 1  # not cleared from inside the stack's own push
    qtbot.waitUntil(lambda: stack.count() == 0)  # then cleared: its steps were about the report before


def test_a_report_changed_on_disk_since_it_was_shown_is_shown_anew_and_nothing_is_stored(
    corrected: MainWindow, report_path: Path
) -> None:
    window = corrected
    node = target_node(window, TARGET)
    menu = node_menu(window, node)  # built on the text on show
    report_path.write_text(report_path.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    action(menu, "notTargetAction").trigger()
    assert window.corrector().undo_stack.count() == 0
    assert not list(store_folder().glob("*.toml"))  # its key would not be the key of the text on show
    assert window.report is not None and any("新增一段" in p.text for p in window.report.paragraphs())
    assert any(n.title.startswith(TARGET) for n in nodes_of(window, "target"))  # not corrected

    action(node_menu(window, target_node(window, TARGET)), "notTargetAction").trigger()  # now it is the text on show
    assert window.corrector().undo_stack.count() == 1
    assert not any(n.title.startswith(TARGET) for n in nodes_of(window, "target"))


def test_a_report_changed_on_disk_after_a_first_correction_is_shown_anew_before_the_next(
    corrected: MainWindow, report_path: Path
) -> None:
    window = corrected
    action(node_menu(window, target_node(window, TARGET)), "notTargetAction").trigger()  # the key is read now
    assert window.corrector().undo_stack.count() == 1
    stored = {file.name: file.read_text(encoding="utf-8") for file in store_folder().glob("*.toml")}
    menu = node_menu(window, nodes_of(window, "target")[0])
    report_path.write_text(report_path.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    action(menu, "notTargetAction").trigger()
    now = {file.name: file.read_text(encoding="utf-8") for file in store_folder().glob("*.toml")}
    assert now == stored  # nothing stored under the old key
    assert window.report is not None and any("新增一段" in p.text for p in window.report.paragraphs())
