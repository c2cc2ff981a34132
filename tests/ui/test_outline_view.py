"""The outline tree tells once, when its rows are first painted, without Python touching its viewport."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from jcviewer.ui.outline_view import OutlineView


def test_first_painted_is_sent_once_when_the_rows_are_first_painted(qtbot: QtBot) -> None:
    view = OutlineView()
    qtbot.addWidget(view)
    model = QStandardItemModel(view)
    model.appendRow(QStandardItem("一、总体要求"))
    view.setModel(model)
    sent: list[bool] = []
    view.firstPainted.connect(lambda: sent.append(view.painted))
    assert not view.painted
    with qtbot.waitSignal(view.firstPainted, timeout=5000):
        view.show()
    assert view.painted and sent == [True]  # painted is already true when the signal is sent
    view.viewport().update()
    view.viewport().repaint()
    assert sent == [True]
