"""File ▸ Compose Briefing…: tick, reorder and word the briefing's parts, with a live preview; remembered per report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus.scoring import corpus_dir
from genre import wenshui_page
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from jcviewer.model.briefing_options import HEAD_PARTS, BriefingOptions
from jcviewer.model.parse import load_report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.ui.briefing_editor import BriefingEditor
from jcviewer.ui.fonts import serif_family
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.print_dialogs import BriefingPrinter

WindowFactory = Callable[..., MainWindow]


def compose(qtbot: QtBot, window: MainWindow) -> BriefingEditor:
    """The editor over ``window``, its first preview painted."""
    editor = window.compose_briefing()
    qtbot.waitExposed(editor)
    if editor.page is None:
        qtbot.waitSignal(editor.previewed, timeout=5000).wait()
    return editor


def change(qtbot: QtBot, editor: BriefingEditor, action: Callable[[], object]) -> None:
    """Do ``action`` and wait for the preview that follows it."""
    with qtbot.waitSignal(editor.previewed, timeout=5000):
        action()


def row_of(editor: BriefingEditor, key: str) -> int:
    return editor.part_keys().index(key)


def tick(editor: BriefingEditor, key: str, on: bool) -> None:
    editor.parts.item(row_of(editor, key)).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def kinds(blocks: tuple[object, ...]) -> list[str]:
    return [block.kind for block in blocks]  # type: ignore[attr-defined]


def shown_state(editor: BriefingEditor) -> tuple[object, ...]:
    """What the dialog shows: options, the parts' order and ticks."""
    ticks = [editor.parts.item(row).checkState() == Qt.CheckState.Checked for row in range(editor.parts.count())]
    return editor.options(), editor.part_keys(), ticks, editor.style_box.currentText(), editor.mark.currentText()


def test_unticking_a_part_leaves_it_off_the_preview_and_the_briefing(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    assert editor.page is not None and "targets" in kinds(editor.page.fitted.blocks)
    change(qtbot, editor, lambda: tick(editor, "targets", False))
    assert "targets" not in kinds(editor.page.fitted.blocks)
    assert window.briefing_options().hidden == {"targets"}
    assert "targets" not in kinds(window.briefing().blocks)
    change(qtbot, editor, lambda: tick(editor, "targets", True))
    assert "targets" in kinds(editor.page.fitted.blocks)
    assert window.briefing_options() == BriefingOptions()


def test_moving_quotes_up_puts_them_first_and_the_title_and_head_stay_on_top(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    editor.parts.setCurrentRow(row_of(editor, "quote"))
    while editor.up_button.isEnabled():
        qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert editor.part_keys()[:3] == [*HEAD_PARTS, "quote"]
    assert editor.parts.currentItem().data(Qt.ItemDataRole.UserRole) == "quote"  # the selection moved with it
    change(qtbot, editor, lambda: None)  # the move's preview
    assert kinds(window.briefing().blocks)[0] == "quote"
    assert kinds(editor.page.fitted.blocks)[0] == "quote"

    editor.parts.setCurrentRow(row_of(editor, "terms"))  # dropped above the title, as a drag can do
    change(
        qtbot, editor, lambda: editor.parts.model().moveRow(QModelIndex(), row_of(editor, "terms"), QModelIndex(), 0)
    )
    assert editor.part_keys()[:4] == [*HEAD_PARTS, "terms", "quote"]
    assert kinds(window.briefing().blocks)[:2] == ["terms", "quote"]
    editor.parts.setCurrentRow(row_of(editor, "title"))
    assert not editor.up_button.isEnabled() and not editor.down_button.isEnabled()
    editor.parts.setCurrentRow(editor.parts.count() - 1)
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()


def test_title_unit_date_mark_and_note_reach_the_preview_and_the_briefing(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)

    def edit() -> None:
        editor.title.setText("全县经济工作会议简报")
        editor.unit.setText("县委办公室")
        editor.date.setText("2024年1月20日")
        editor.mark.setCurrentText("内部资料")
        editor.note.setPlainText("请各单位认真学习。\n\n下周报送落实情况。")

    change(qtbot, editor, edit)
    for briefing in (window.briefing(), editor.page.briefing):
        assert (briefing.title, briefing.unit, briefing.date, briefing.mark) == (
            "全县经济工作会议简报",
            "县委办公室",
            "2024年1月20日",
            "内部资料",
        )
    note = [b for b in editor.page.fitted.blocks if b.kind == "note"]
    assert [b.lines for b in note] == [("请各单位认真学习。", "下周报送落实情况。")]
    change(qtbot, editor, lambda: tick(editor, "note", False))
    assert "note" not in kinds(editor.page.fitted.blocks)
    assert window.briefing_options().note == "请各单位认真学习。\n\n下周报送落实情况。"  # kept, only not printed


def test_the_size_label_follows_the_content(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    full, omitted = editor.page.fitted.size, editor.page.fitted.omitted
    assert f" {full:g} " in f" {editor.fit_label.text()} " and editor.omitted_label.text() == omitted != ""

    def keep_only_targets() -> None:
        for key in editor.part_keys():
            tick(editor, key, key in (*HEAD_PARTS, "targets"))

    change(qtbot, editor, keep_only_targets)
    roomy = editor.page.fitted.size
    assert roomy > full and f" {roomy:g} " in f" {editor.fit_label.text()} "
    assert editor.omitted_label.text() == editor.page.fitted.omitted != omitted  # nothing dropped for room now
    assert editor.omitted_label.isHidden() == (editor.page.fitted.omitted == "")
    change(qtbot, editor, lambda: [tick(editor, key, True) for key in editor.part_keys()])
    assert editor.page.fitted.size == full and f" {full:g} " in f" {editor.fit_label.text()} "


def test_choices_are_remembered_for_the_dialog_and_a_new_window_on_the_file(
    qtbot: QtBot, window: MainWindow, make_window: WindowFactory, settings_file: Path
) -> None:
    editor = compose(qtbot, window)
    editor.title.setText("经济工作会议要点")
    editor.style_box.setCurrentIndex(editor.style_box.findData("official"))
    tick(editor, "chart", False)
    editor.parts.setCurrentRow(row_of(editor, "terms"))
    editor.move_current(-1)
    before = shown_state(editor)
    editor.close()  # at once: closing keeps a change the preview has not caught up with
    assert window.briefing_options() == before[0]

    again = compose(qtbot, window)
    assert shown_state(again) == before
    again.close()

    window.settings.sync()
    other = make_window(with_settings=Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    briefing = other.briefing()
    assert briefing.title == "经济工作会议要点" and briefing.style == "official"
    assert "chart" not in kinds(briefing.blocks)
    assert kinds(briefing.blocks).index("terms") < kinds(briefing.blocks).index("quote")


def test_reset_goes_back_to_the_reports_briefing(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    default_state = shown_state(editor)
    default_size = editor.page.fitted.size

    def edit() -> None:
        editor.title.setText("要点")
        editor.note.setPlainText("备注")
        tick(editor, "tasks", False)
        editor.parts.setCurrentRow(row_of(editor, "quote"))
        editor.move_current(-1)

    change(qtbot, editor, edit)
    assert window.briefing_options() != BriefingOptions()
    change(qtbot, editor, lambda: qtbot.mouseClick(editor.findChild(QWidget, "resetButton"), Qt.MouseButton.LeftButton))
    assert shown_state(editor) == default_state
    assert window.briefing_options() == BriefingOptions()
    assert window.settings.briefing_choices == "{}"  # the defaults are not stored
    assert window.briefing() == window.base_briefing()
    assert editor.page.fitted.size == default_size


def test_a_sections_briefing_is_composed_apart_from_the_whole_reports(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    folder = corpus_dir()
    source = next(folder.glob("03-*.layout.txt"), None) if folder else None
    if source is None:
        pytest.skip("corpus report 03 is not there")
    window = make_window(Path(shutil.copy(source, tmp_path / source.name)))
    window.settings.briefing_scope = "section"
    assert window.select_node("s1")
    editor = compose(qtbot, window)
    scope = editor.findChild(QLabel, "briefingScope").text()
    assert window.base_briefing().title in scope
    assert editor.part_keys()[:3] == [*HEAD_PARTS, "text"] and "results" in editor.part_keys()

    def edit() -> None:
        editor.style_box.setCurrentIndex(editor.style_box.findData("official"))
        editor.note.setPlainText("供领导参阅。")

    change(qtbot, editor, edit)
    assert editor.page.briefing.style == "official" and editor.page.body_family == serif_family()
    assert kinds(editor.page.fitted.blocks)[0] == "text" and kinds(editor.page.fitted.blocks)[-1] == "note"
    editor.close()
    assert window.briefing().style == "official"
    window.settings.briefing_scope = "report"
    assert window.briefing_options() == BriefingOptions()  # the whole report's briefing is another
    assert window.briefing().style == "standard"


def test_a_report_shown_meanwhile_closes_the_editor_keeping_its_change_for_its_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    editor = compose(qtbot, window)
    editor.title.setText("简报")  # the preview has not caught up
    other = tmp_path / "other.txt"
    other.write_text(wenshui_page(seed=3).text(), encoding="utf-8")
    window.set_report(load_report(other), other)  # as a large file read in the background is shown
    assert not editor.isVisible()
    assert window.briefing_options() == BriefingOptions()
    window.set_report(load_report(bundled_report()), bundled_report())
    assert window.briefing().title == "简报"


SPOILED: dict[str, Callable[[str], str]] = {
    "not JSON": lambda stored: stored[:-3],
    "a list": lambda stored: "[1, 2]",
    "deeply nested": lambda stored: "[" * 100_000,
    "not options": lambda stored: json.dumps({key: "nonsense" for key in json.loads(stored)}),
    "wrong fields": lambda stored: json.dumps(
        {key: {"title": 5, "order": "quote", "hidden": [None]} for key in json.loads(stored)}
    ),
}


@pytest.mark.parametrize("spoil", SPOILED.values(), ids=SPOILED.keys())
def test_spoiled_stored_choices_read_as_the_defaults(
    qtbot: QtBot, window: MainWindow, spoil: Callable[[str], str]
) -> None:
    window.set_briefing_options(BriefingOptions(title="简报", hidden=frozenset({"chart"})))
    window.settings.briefing_choices = spoil(window.settings.briefing_choices)
    assert window.briefing_options() == BriefingOptions()
    editor = compose(qtbot, window)
    assert editor.options() == BriefingOptions()
    change(qtbot, editor, lambda: editor.title.setText("新简报"))
    assert window.briefing().title == "新简报"  # stored afresh


def test_print_and_export_give_the_composed_briefing_even_before_the_preview_caught_up(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[tuple[str, str, str]] = []
    for method, button in (("export_pdf", "exportPdfButton"), ("export_docx", "exportWordButton")):
        monkeypatch.setattr(
            BriefingPrinter,
            method,
            lambda printer, suggested, m=method: given.append((m, suggested, window.briefing().title)),
            raising=False,
        )
        editor = compose(qtbot, window)
        editor.title.setText(f"{method}简报")
        qtbot.mouseClick(editor.findChild(QWidget, button), Qt.MouseButton.LeftButton)
        editor.close()
    stem = window.path.stem
    assert given == [
        ("export_pdf", f"{stem}.pdf", "export_pdf简报"),
        ("export_docx", f"{stem}.docx", "export_docx简报"),
    ]


def test_print_opens_the_print_dialog(qtbot: QtBot, window: MainWindow, dialogs: list) -> None:
    editor = compose(qtbot, window)
    qtbot.mouseClick(editor.findChild(QWidget, "printButton"), Qt.MouseButton.LeftButton)
    assert [d.objectName() for d in dialogs] == ["printDialog"]


def test_every_field_is_reached_with_tab_in_order_and_named_by_its_label(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    editor.parts.setFocus()
    qtbot.waitUntil(editor.parts.hasFocus)
    reached = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
    fields = ["briefingTitle", "briefingUnit", "briefingDate", "briefingMark", "briefingStyle", "briefingNote"]
    assert [name for name in reached if name in fields] == fields
    buddies = {label.buddy().objectName() for label in editor.findChildren(QLabel) if label.buddy() is not None}
    assert set(fields) | {"briefingParts"} <= buddies


def test_the_editor_loads_only_when_first_asked_for(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from jcviewer.app import create_session\n"
        "from jcviewer.model.parse import load_report\n"
        "from jcviewer.resources import bundled_report\n"
        "from jcviewer.settings import Settings\n"
        "from jcviewer.ui.main_window import MainWindow\n"
        "session = create_session('zh')\n"
        f"window = MainWindow(Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)), "
        "session.fonts, session.theme)\n"
        "window.set_report(load_report(bundled_report()), bundled_report())\n"
        "print('jcviewer.ui.briefing_editor' in sys.modules, 'PySide6.QtPrintSupport' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_head_fields_show_the_reports_values_and_an_emptied_unit_or_date_prints_none(
    qtbot: QtBot, window: MainWindow
) -> None:
    base = window.base_briefing()
    assert base.date  # the bundled report gives its month
    editor = compose(qtbot, window)
    assert (editor.title.text(), editor.unit.text(), editor.date.text()) == (base.title, base.unit, base.date)
    assert editor.options() == BriefingOptions()  # the report's values, kept as the report's

    change(qtbot, editor, lambda: (editor.date.clear(), editor.unit.setText("县委办公室")))
    assert (window.briefing_options().date, window.briefing_options().unit) == ("", "县委办公室")
    for briefing in (window.briefing(), editor.page.briefing):
        assert (briefing.date, briefing.unit) == ("", "县委办公室")
    change(qtbot, editor, lambda: editor.unit.setText("  "))
    assert window.briefing().unit == "" and window.briefing_options().unit is None  # the report names none
    editor.close()

    again = compose(qtbot, window)  # a blank stays blank: not filled with the report's date again
    assert (again.date.text(), again.unit.text()) == ("", "")
    change(qtbot, again, again.title.clear)
    assert window.briefing_options().title is None and again.page.briefing.title == base.title  # never blank
    change(qtbot, again, again.reset)
    assert (again.title.text(), again.unit.text(), again.date.text()) == (base.title, base.unit, base.date)
    assert window.briefing_options() == BriefingOptions() and again.page.briefing.date == base.date


def test_fields_and_the_note_are_kept_to_their_caps(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    assert (editor.title.maxLength(), editor.unit.maxLength(), editor.date.maxLength()) == (200, 100, 100)
    assert editor.mark.lineEdit().maxLength() == 100
    editor.title.setText("题" * 300)
    assert editor.title.text() == "题" * 200

    editor.note.setPlainText("长" * 700)  # not typed: the end goes
    assert editor.note.toPlainText() == "长" * 600
    assert "600/600" in editor.note_count.text()
    editor.note.setPlainText("甲" * 290 + "乙" * 300)
    cursor = editor.note.textCursor()
    cursor.setPosition(290)
    editor.note.setTextCursor(cursor)
    editor.note.insertPlainText("丙" * 20)  # a paste in the middle: what goes past the cap is left out
    assert editor.note.toPlainText() == "甲" * 290 + "丙" * 10 + "乙" * 300
    qtbot.keyClicks(editor.note, "xy")  # typing at the cap changes nothing
    assert editor.note.toPlainText() == "甲" * 290 + "丙" * 10 + "乙" * 300
    editor.note.setPlainText("请学习")
    assert "3/600" in editor.note_count.text()


def test_nothing_to_print_when_every_part_is_unticked(qtbot: QtBot, window: MainWindow) -> None:
    editor = compose(qtbot, window)
    outputs = [editor.findChild(QWidget, name) for name in ("printButton", "exportPdfButton", "exportWordButton")]
    nothing = editor.findChild(QLabel, "briefingNothing")
    assert all(button.isEnabled() for button in outputs) and nothing.isHidden()

    def untick_all() -> None:
        for key in editor.part_keys():
            tick(editor, key, False)
        assert not any(button.isEnabled() for button in outputs)  # at once, before the preview catches up

    change(qtbot, editor, untick_all)
    assert editor.page is None and editor.preview.isHidden() and nothing.isVisible()
    assert window.briefing_options().hidden >= {"title", "head", "note"}
    change(qtbot, editor, lambda: tick(editor, "note", True))  # an empty note prints nothing either
    assert editor.page is None and not any(button.isEnabled() for button in outputs)

    change(qtbot, editor, lambda: editor.note.setPlainText("请各单位认真学习。"))
    assert editor.page is not None and kinds(editor.page.fitted.blocks) == ["note"]
    assert editor.preview.isVisible() and nothing.isHidden() and all(button.isEnabled() for button in outputs)
    editor.close()
    again = compose(qtbot, window)  # opened on the blank choice, it says so at once
    change(qtbot, again, lambda: tick(again, "note", False))
    assert again.page is None and again.findChild(QLabel, "briefingNothing").isVisible()


@pytest.mark.parametrize("style", ["standard", "official"])
def test_the_serif_is_asked_for_only_to_preview_an_official_document(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    asked: list[str] = []
    family = serif_family()

    def serif() -> str:
        asked.append(family)
        return family

    monkeypatch.setattr("jcviewer.ui.main_window.serif_family", serif)
    window.set_briefing_options(BriefingOptions(style=style))  # type: ignore[arg-type]
    editor = compose(qtbot, window)
    change(qtbot, editor, lambda: editor.title.setText("简报"))
    assert bool(asked) == (style == "official")
    assert (editor.page.body_family == family) == (style == "official")
