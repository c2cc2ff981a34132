"""The quiet bar above the detail pane that says how many readings the parser is unsure of and leads to them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from jcviewer.model.navigation import Uncertainty
from jcviewer.ui.markup import plain_tooltip


class WarningBar(QFrame):
    """Hidden unless the report on show has uncertain readings; "Review" steps through them, cycling, and the
    close button dismisses the bar for this report (the same uncertainties given again keep it dismissed)."""

    reviewRequested = Signal(str, str)  # node id, paragraph id  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningBar")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # follows the theme; quieter than a colour
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.position = QLabel(self)
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.review = QToolButton(self)
        self.review.setObjectName("warningReview")
        self.review.setText(self.tr("Review"))
        self.review.setAutoRaise(True)
        self.review.clicked.connect(self.review_next)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("warningDismiss")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 2, 2)
        row.addWidget(self.label)
        row.addWidget(self.review)
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self._places: tuple[Uncertainty, ...] = ()
        self._dismissed: tuple[Uncertainty, ...] | None = None
        self._next = 0
        self.hide()

    @property
    def places(self) -> tuple[Uncertainty, ...]:
        """The uncertain readings the bar leads to, in report order."""
        return self._places

    def set_uncertainties(self, places: tuple[Uncertainty, ...]) -> None:
        """Show the bar for these placed warnings (``place_warnings``) from the first; () hides it."""
        self._places, self._next = places, 0
        self.label.setText(self.tr("%n uncertain reading(s) —", "", len(places)))
        self.position.clear()
        self.setToolTip(plain_tooltip("\n".join(place.warning.message for place in places)))
        self.setVisible(bool(places) and places != self._dismissed)

    def review_next(self) -> None:
        """Go to the next uncertain reading (after the last, the first again)."""
        if not self._places:
            return
        place = self._places[self._next]
        self.position.setText(f"{self._next + 1}/{len(self._places)}")
        self._next = (self._next + 1) % len(self._places)
        self.reviewRequested.emit(place.node, place.paragraph)

    def dismiss(self) -> None:
        """Hide the bar until another report's uncertainties are shown."""
        self._dismissed = self._places
        self.hide()
