"""The outline tree: a QTreeView that tells when its rows are first painted.

The window starts its slow work (charts, jieba, the corrections UI) after that first paint. Watching the paint
with an event filter on the tree's viewport would need ``viewport()``, whose first call costs ~20 ms at start-up:
PySide6 cannot name Qt's private viewport class and builds every QtWidgets class looking for it. Qt hands the
viewport's paint events to the tree's ``paintEvent``, so the tree sees them without touching its viewport.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTreeView, QWidget


class OutlineView(QTreeView):
    """A QTreeView that emits ``firstPainted`` once, just before its rows are painted for the first time."""

    firstPainted = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False

    @property
    def painted(self) -> bool:
        """Whether the rows have been painted at least once."""
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
        super().paintEvent(event)
