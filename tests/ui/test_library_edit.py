"""The Library pane's Edit… dialog: prefilled from the report, returns only what changed, refuses a blank title."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from jcviewer.model.library import Entry
from jcviewer.ui.library_edit import EditDialog, ask_edit

ENTRY = Entry(
    id=7,
    title="某县经济工作会议",
    place=None,
    kind="economic_work_conference",
    date="2024年2月",
    year=2024,
    source="a.txt",
    content_hash="k",
    text_path="texts/k.txt",
    added="2026-01-01T00:00:00+00:00",
    user_set=frozenset(),
)


def test_unchanged_fields_are_not_returned(qtbot: QtBot) -> None:
    dialog = EditDialog(ENTRY)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == ENTRY.title and dialog.date.text() == "2024年2月" and dialog.year.value() == 2024
    assert dialog.kind.currentData() == "economic_work_conference"
    assert dialog.changes() == {}


def test_changed_and_cleared_fields_are_returned(qtbot: QtBot) -> None:
    dialog = EditDialog(ENTRY)
    qtbot.addWidget(dialog)
    dialog.place.setText(" 某县 ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("plenary"))
    dialog.date.clear()
    dialog.year.setValue(dialog.year.minimum())  # shown as "unknown"
    assert dialog.year.text() == dialog.year.specialValueText()
    assert dialog.changes() == {"place": "某县", "kind": "plenary", "date": None, "year": None}
    dialog.kind.setCurrentIndex(0)
    assert dialog.changes()["kind"] is None


def test_a_kind_set_from_the_command_line_stays_choosable(qtbot: QtBot) -> None:
    dialog = EditDialog(replace(ENTRY, kind="seminar"))
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "seminar" and dialog.changes() == {}


def test_ok_is_disabled_while_the_title_is_blank(qtbot: QtBot) -> None:
    dialog = EditDialog(ENTRY)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.title.setText("   ")
    assert not ok.isEnabled()
    dialog.title.setText("新标题")
    assert ok.isEnabled() and dialog.changes() == {"title": "新标题"}


def test_cancel_returns_nothing(dialogs: list[QDialog]) -> None:
    assert ask_edit(None, ENTRY) is None  # the recorded dialog is not accepted
    assert dialogs[-1].objectName() == "libraryEditDialog"


def test_a_long_meeting_title_shows_whole(qtbot: QtBot) -> None:
    title = "中共某某县委第十六届委员会第八次全体会议暨县委经济工作会议"
    dialog = EditDialog(replace(ENTRY, title=title))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.title.fontMetrics().horizontalAdvance(title) < dialog.title.width()
