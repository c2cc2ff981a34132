"""Reading the main window's state in tests: the selected node, the highlighted text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.outline_model import NODE_ID_ROLE


def current_id(window: MainWindow) -> str:
    """The id of the node selected in the outline."""
    return window.outline.currentIndex().data(NODE_ID_ROLE)


def highlighted(window: MainWindow, colour: str) -> list[str]:
    """The stretches of the detail text painted ``colour``, in order (adjoining fragments joined)."""
    runs: list[str] = []
    end = -1
    block = window.detail.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color().name() == colour:
                if fragment.position() == end:
                    runs[-1] += fragment.text()
                else:
                    runs.append(fragment.text())
                end = fragment.position() + fragment.length()
            iterator += 1
        block = block.next()
    return runs


def translated(context: str, source: str, *arguments: str) -> str:
    """``source`` as the app shows it in the language the suite runs in (a session may have installed Chinese),
    with %1, %2… filled in."""
    text = QCoreApplication.translate(context, source)
    for number, argument in enumerate(arguments, 1):
        text = text.replace(f"%{number}", argument)
    return text
