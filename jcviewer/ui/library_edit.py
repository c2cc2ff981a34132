"""The Library pane's Edit… dialog: a report's title, place, meeting kind, date and year, for what the parser could
not tell. Only the fields the user changed are returned, so only those are marked as set by the user
(``Catalogue.edit``) and kept when the report is parsed again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from jcviewer.model.library import Entry
from jcviewer.model.library.guess import KINDS
from jcviewer.ui.library_model import kind_label

Changes = dict[str, str | int | None]
FIRST_YEAR, LAST_YEAR = 1949, 2100  # the spin box's range; its minimum stands for "unknown"


TITLE_EMS = 36
"""The title field's width in ideographs: most meeting titles fit without scrolling."""


class EditDialog(QDialog):
    """The fields of one report; ``changes()`` after Accept. OK is disabled while the title is blank."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryEditDialog")
        self.setWindowTitle(self.tr("Edit Report Details"))
        self._entry = entry
        self.title = QLineEdit(entry.title, self)
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * TITLE_EMS))  # a title shows whole
        self.title.setObjectName("editTitle")
        self.place = QLineEdit(entry.place or "", self)
        self.place.setObjectName("editPlace")
        self.kind = QComboBox(self)
        self.kind.setObjectName("editKind")
        self.kind.addItem(self.tr("Unknown"), None)
        codes = [code for code, _ in KINDS]
        if entry.kind is not None and entry.kind not in codes:
            codes.append(entry.kind)  # a kind set by hand (jcviewer library edit --kind) stays choosable
        for code in codes:
            self.kind.addItem(kind_label(code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.date = QLineEdit(entry.date or "", self)
        self.date.setObjectName("editDate")
        self.date.setPlaceholderText(self.tr("e.g. 2024年2月9日"))
        self.year = QSpinBox(self)
        self.year.setObjectName("editYear")
        self.year.setRange(FIRST_YEAR - 1, LAST_YEAR)
        self.year.setSpecialValueText(self.tr("Unknown"))
        self.year.setValue(entry.year if entry.year is not None else FIRST_YEAR - 1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Year:"), self.year)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title.textChanged.connect(self._check)

    def _check(self, title: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(title.strip()))

    def changes(self) -> Changes:
        """The fields whose value differs from the report's (a cleared place, kind, date or year is None)."""
        year = self.year.value()
        values: Changes = {
            "title": self.title.text().strip(),
            "place": self.place.text().strip() or None,
            "kind": self.kind.currentData(),
            "date": self.date.text().strip() or None,
            "year": year if year >= FIRST_YEAR else None,
        }
        return {name: value for name, value in values.items() if value != getattr(self._entry, name)}


def ask_edit(parent: QWidget | None, entry: Entry) -> Changes | None:
    """The fields the user changed for ``entry`` (maybe none), or None when cancelled."""
    dialog = EditDialog(entry, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.changes()
