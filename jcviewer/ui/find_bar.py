"""Find in the text on show (Edit ▸ Find): a slim bar under the detail pane, wrapping around at the ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """A search field over one text view; Enter finds the next match, Shift+Enter the previous one."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in this section"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _: self._find(backward=False, from_start=True))
        self.status = QLabel(self)
        previous, following, close = QToolButton(self), QToolButton(self), QToolButton(self)
        previous.setArrowType(Qt.ArrowType.UpArrow)
        previous.setToolTip(self.tr("Previous match"))
        previous.clicked.connect(self.find_previous)
        following.setArrowType(Qt.ArrowType.DownArrow)
        following.setToolTip(self.tr("Next match"))
        following.clicked.connect(self.find_next)
        close.setText("✕")
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (QLabel(self.tr("Find:"), self), self.field, previous, following, self.status, close):
            layout.addWidget(widget)

    def open(self) -> None:
        """Show the bar with the field focused and its text selected; prefill with the view's selection."""
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find_next(self) -> bool:
        """Select the next match, wrapping to the top; False if there is none."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the previous match, wrapping to the bottom; False if there is none."""
        return self._find(backward=True)

    def _find(self, backward: bool, from_start: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            self._view.moveCursor(QTextCursor.MoveOperation.Start)
        found = self._view.find(needle, flags)
        if not found:  # wrap around
            self._view.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self._view.find(needle, flags)
        self.status.setText("" if found else self.tr("Not found"))
        return found
