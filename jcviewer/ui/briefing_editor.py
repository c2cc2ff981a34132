"""File ▸ Compose Briefing…: choose, order and word what goes on the briefing, with a live one-page preview.

The dialog edits the reader's ``BriefingOptions`` for the briefing the window makes (the whole report or the
selected section, File ▸ Briefing Covers) and hands them to the window, which remembers them per report: Print,
Preview and Export, here and in the File menu, print the briefing so composed. The preview paints
``printing.BriefingPage`` on a printer with the remembered page setup, a moment after the last change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.briefing import Briefing, Style
from jcviewer.model.briefing_options import HEAD_PARTS, BriefingOptions, apply_options, parts_of
from jcviewer.ui.printing import BriefingPage

if TYPE_CHECKING:
    from jcviewer.ui.main_window import MainWindow

OBJECT_NAME = "briefingEditor"  # the window finds an open editor by it
PREVIEW_DELAY_MS = 150  # after the last change: typing a title repaints once, not at every key
MARKS = ("", "内部资料", "内部参阅")  # printed on a Chinese page whatever the UI language: not translated
KEY = Qt.ItemDataRole.UserRole
NOTE_LINES = 5  # the note field's height: a longer note scrolls


class BriefingEditor(QDialog):
    """The parts of the briefing to tick and order, its head's wording, a note, and the page as it will print."""

    previewed = Signal()  # the preview was painted anew: ``page.fitted`` tells how it came out

    def __init__(self, window: MainWindow, family: str, serif_family: str = "") -> None:
        super().__init__(window)
        self.setObjectName(OBJECT_NAME)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window = window
        self._family, self._serif_family = family, serif_family
        self._base = window.base_briefing()
        self._printer = window.briefing_printer().printer()  # the dialog keeps it: the preview does not own it
        self.page: BriefingPage | None = None  # as last painted in the preview
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._changed)
        section = window.briefing_section()
        self.setWindowTitle(self.tr("Compose Briefing"))
        scope = QLabel(
            self.tr("Covers the section “%1”").replace("%1", self._base.title)
            if section
            else self.tr("Covers the whole report"),
            self,
        )
        scope.setObjectName("briefingScope")
        self._build()
        self._show_options(window.briefing_options())
        self._connect()
        self._layout(scope)

    # --- building -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        """The widgets, made in tab order."""
        self.parts = QListWidget(self)
        self.parts.setObjectName("briefingParts")
        self.parts.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.parts.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up_button = QPushButton(self.tr("Move &Up"), self)
        self.up_button.setObjectName("moveUpButton")
        self.down_button = QPushButton(self.tr("Move Do&wn"), self)
        self.down_button.setObjectName("moveDownButton")
        self.title = QLineEdit(self)
        self.title.setObjectName("briefingTitle")
        self.title.setPlaceholderText(self._base.title)
        self.unit = QLineEdit(self)
        self.unit.setObjectName("briefingUnit")
        self.unit.setPlaceholderText(self._base.unit or self.tr("None given in the report"))
        self.date = QLineEdit(self)
        self.date.setObjectName("briefingDate")
        self.date.setPlaceholderText(self._base.date)
        self.mark = QComboBox(self)
        self.mark.setObjectName("briefingMark")
        self.mark.setEditable(True)
        self.mark.addItems(list(MARKS))
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("briefingStyle")
        self.style_box.addItem(self.tr("Standard"), "standard")
        self.style_box.addItem(self.tr("Official document (公文)"), "official")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("briefingNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * NOTE_LINES + 12)
        self.note.setPlaceholderText(self.tr("A note of your own, printed at the end of the page"))
        self.preview = QPrintPreviewWidget(self._printer, self)
        self.preview.setObjectName("briefingPreview")
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.fit_label = QLabel(self)
        self.fit_label.setObjectName("briefingFit")
        self.omitted_label = QLabel(self)
        self.omitted_label.setObjectName("briefingOmitted")
        self.omitted_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        for text, name, slot in (
            (self.tr("&Print…"), "printButton", self._print),
            (self.tr("Export P&DF…"), "exportPdfButton", self._export_pdf),
            (self.tr("Export W&ord…"), "exportWordButton", self._export_word),
        ):
            button = self.buttons.addButton(text, role)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        reset = self.buttons.addButton(QDialogButtonBox.StandardButton.Reset)
        reset.setObjectName("resetButton")
        reset.clicked.connect(self.reset)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        self.buttons.rejected.connect(self.reject)

    def _layout(self, scope: QLabel) -> None:
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch()
        form = QFormLayout()
        for text, field in (
            (self.tr("&Title:"), self.title),
            (self.tr("&Issuing unit:"), self.unit),
            (self.tr("Dat&e:"), self.date),
            (self.tr("&Mark:"), self.mark),
            (self.tr("&Style:"), self.style_box),
            (self.tr("&Note:"), self.note),
        ):
            form.addRow(text, field)
        parts_label = QLabel(self.tr("P&arts (tick what goes in; drag or move to reorder):"), self)
        parts_label.setBuddy(self.parts)
        left = QVBoxLayout()
        left.addWidget(scope)
        left.addWidget(parts_label)
        left.addWidget(self.parts, 1)
        left.addLayout(moves)
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.fit_label)
        right.addWidget(self.omitted_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.buttons)
        QWidget.setTabOrder(self.note, self.preview)
        self.resize(1100, 760)

    def _connect(self) -> None:
        for line in (self.title, self.unit, self.date):
            line.textChanged.connect(self._schedule)
        self.mark.currentTextChanged.connect(self._schedule)
        self.style_box.currentIndexChanged.connect(self._schedule)
        self.note.textChanged.connect(self._schedule)
        self.parts.itemChanged.connect(self._schedule)
        self.parts.model().rowsMoved.connect(self._moved)
        self.parts.currentRowChanged.connect(self._enable_moves)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.preview.paintRequested.connect(self._paint)

    # --- options in and out ---------------------------------------------------------------------------------
    def _show_options(self, options: BriefingOptions) -> None:
        """Fill the fields and the parts list from ``options`` (signals blocked: nothing changed yet)."""
        for widget in (self.title, self.unit, self.date, self.mark, self.style_box, self.note, self.parts):
            widget.blockSignals(True)
        self.title.setText(options.title)
        self.unit.setText(options.unit)
        self.date.setText(options.date)
        self.mark.setCurrentText(options.mark)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(options.style)))
        self.note.setPlainText(options.note)
        self.parts.clear()
        names = self._part_names()
        for key in _ordered(parts_of(self._base), options.order):
            item = QListWidgetItem(names[key], self.parts)
            item.setData(KEY, key)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            if key not in HEAD_PARTS:  # title and head stay on top
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked if key in options.hidden else Qt.CheckState.Checked)
        for widget in (self.title, self.unit, self.date, self.mark, self.style_box, self.note, self.parts):
            widget.blockSignals(False)
        self._enable_moves()

    def part_keys(self) -> list[str]:
        """The parts in the list's order."""
        return [self.parts.item(row).data(KEY) for row in range(self.parts.count())]

    def options(self) -> BriefingOptions:
        """The choices as the dialog shows them (no order when the parts are in their usual order)."""
        keys = self.part_keys()
        style: Style = "official" if self.style_box.currentData() == "official" else "standard"
        return BriefingOptions(
            title=self.title.text().strip(),
            unit=self.unit.text().strip(),
            date=self.date.text().strip(),
            note=self.note.toPlainText().strip(),
            mark=self.mark.currentText().strip(),
            style=style,
            order=() if keys == parts_of(self._base) else tuple(keys),
            hidden=frozenset(
                self.parts.item(row).data(KEY)
                for row in range(self.parts.count())
                if self.parts.item(row).checkState() != Qt.CheckState.Checked
            ),
        )

    def briefing(self) -> Briefing:
        """The briefing as composed: what the preview shows and Print and Export give."""
        return apply_options(self._base, self.options())

    def reset(self) -> None:
        """Back to the briefing the report gives: every part, in its usual order, the report's wording."""
        self._show_options(BriefingOptions())
        self._changed()

    def _part_names(self) -> dict[str, str]:
        """What each part is called in the list, in the UI language."""
        return {
            "title": self.tr("Title"),
            "head": self.tr("Head (meeting, date, unit, who reported)"),
            "text": self.tr("Section text"),
            "targets": self.tr("Main targets"),
            "chart": self.tr("Chart"),
            "results": self.tr("Results"),
            "tasks": self.tr("Key tasks"),
            "achievements": self.tr("Achievements"),
            "items": self.tr("Items"),
            "emphases": self.tr("Emphases"),
            "quote": self.tr("Quotes"),
            "terms": self.tr("Key terms"),
            "note": self.tr("Note"),
        }

    # --- ordering -------------------------------------------------------------------------------------------
    def move_current(self, step: int) -> None:
        """Move the selected part up (-1) or down (1), never above the title and head."""
        row = self.parts.currentRow()
        target = row + step
        if not (len(HEAD_PARTS) <= min(row, target) and max(row, target) < self.parts.count()):
            return
        self.parts.model().moveRow(QModelIndex(), row, QModelIndex(), target + 1 if step > 0 else target)
        self._enable_moves()

    def _moved(self) -> None:
        # After a move (a button, or a drop anywhere, even above the title): put the head back on top, later,
        # as the view may still be finishing the drop.
        QTimer.singleShot(0, self, self._keep_head_on_top)

    def _keep_head_on_top(self) -> None:
        current = self.parts.currentItem()
        for place, key in enumerate(HEAD_PARTS):
            row = self.part_keys().index(key)
            if row != place:
                self.parts.insertItem(place, self.parts.takeItem(row))
        if current is not None:
            self.parts.setCurrentItem(current)
        self._enable_moves()
        self._schedule()

    def _enable_moves(self) -> None:
        row = self.parts.currentRow()
        self.up_button.setEnabled(row > len(HEAD_PARTS))
        self.down_button.setEnabled(len(HEAD_PARTS) <= row < self.parts.count() - 1)

    # --- preview and saving ---------------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._timer.start()  # restarted by each change

    def _changed(self) -> None:
        """Remember the choices for this report and repaint the preview."""
        self._timer.stop()
        self._window.set_briefing_options(self.options())
        self.preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            page = BriefingPage(self.briefing(), printer, self._family, self._serif_family)
            page.paint(painter)
        finally:
            painter.end()
        self.page = page
        self.fit_label.setText(self.tr("Fits at %1 pt").replace("%1", f"{page.fitted.size:g}"))
        self.omitted_label.setText(page.fitted.omitted)
        self.omitted_label.setVisible(bool(page.fitted.omitted))
        self.previewed.emit()

    def _flush(self) -> None:
        """Save a change still waiting for the timer."""
        if self._timer.isActive():
            self._changed()

    def _print(self) -> None:
        self._flush()
        self._window.briefing_printer().print_briefing()

    def _export_pdf(self) -> None:
        self._flush()
        self._window.export_briefing()

    def _export_word(self) -> None:
        self._flush()
        self._window.export_briefing_docx()

    def done(self, result: int) -> None:
        """Closing keeps the last change."""
        self._flush()
        super().done(result)


def _ordered(parts: list[str], order: tuple[str, ...]) -> list[str]:
    """``parts`` in ``order`` (parts it does not name after, in their usual order), the head parts first."""
    wanted = [k for k in order if k in parts and k not in HEAD_PARTS]
    rest = [k for k in parts if k not in wanted and k not in HEAD_PARTS]
    return [*HEAD_PARTS, *wanted, *rest]
