"""File ▸ Compose Briefing…: choose, order and word what goes on the briefing, with a live one-page preview.

The dialog edits the reader's ``BriefingOptions`` for the briefing the window makes (the whole report or the
selected section, File ▸ Briefing Covers) and hands them to the window, which remembers them per report: Print,
Preview and Export, here and in the File menu, print the briefing so composed. The preview paints
``printing.BriefingPage`` on a printer with the remembered page setup, a moment after the last change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QTextCursor
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
from jcviewer.model.briefing_options import (
    CLEARABLE,
    HEAD_PARTS,
    MAX_CHARS,
    BriefingOptions,
    TextField,
    apply_options,
    kept_parts,
    parts_of,
)
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

    previewed = Signal()  # the preview was shown anew: ``page.fitted`` tells how it came out; no page: nothing to print

    def __init__(self, window: MainWindow, family: str, serif_family: Callable[[], str] = str) -> None:
        """``serif_family`` is asked for the official style's face only when that style is previewed."""
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
        self.title.setPlaceholderText(self._base.title)  # left empty, the title stays the report's
        self.unit = QLineEdit(self)
        self.unit.setObjectName("briefingUnit")
        self.date = QLineEdit(self)
        self.date.setObjectName("briefingDate")
        self._report_text: dict[TextField, str] = {}  # the report's title, unit and date as their fields show them
        for key, line in self._head_fields().items():
            line.setMaxLength(MAX_CHARS[key])
            line.setText(getattr(self._base, key))
            self._report_text[key] = line.text().strip()
            if key in CLEARABLE:
                line.setPlaceholderText(self.tr("None printed"))
        self.mark = QComboBox(self)
        self.mark.setObjectName("briefingMark")
        self.mark.setEditable(True)
        self.mark.addItems(list(MARKS))
        mark_line = self.mark.lineEdit()
        assert mark_line is not None  # an editable combo box has one
        mark_line.setMaxLength(MAX_CHARS["mark"])
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("briefingStyle")
        self.style_box.addItem(self.tr("Standard"), "standard")
        self.style_box.addItem(self.tr("Official document (公文)"), "official")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("briefingNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * NOTE_LINES + 12)
        self.note.setPlaceholderText(self.tr("A note of your own, printed at the end of the page"))
        self.note_count = QLabel(self)
        self.note_count.setObjectName("briefingNoteCount")
        self.preview = QPrintPreviewWidget(self._printer, self)
        self.preview.setObjectName("briefingPreview")
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.nothing = QLabel(self.tr("Nothing to print: tick at least one part."), self)
        self.nothing.setObjectName("briefingNothing")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_label = QLabel(self)
        self.fit_label.setObjectName("briefingFit")
        self.omitted_label = QLabel(self)
        self.omitted_label.setObjectName("briefingOmitted")
        self.omitted_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self._outputs: list[QPushButton] = []  # disabled while nothing would print
        for text, name, slot in (
            (self.tr("&Print…"), "printButton", self._print),
            (self.tr("Export P&DF…"), "exportPdfButton", self._export_pdf),
            (self.tr("Export W&ord…"), "exportWordButton", self._export_word),
        ):
            button = self.buttons.addButton(text, role)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self._outputs.append(button)
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
        form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, self.note_count)
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
        right.addWidget(self.nothing, 1)
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
        self.note.textChanged.connect(self._cap_note)
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
        for name, line in self._head_fields().items():
            value = getattr(options, name)
            line.setText(self._report_text[name] if value is None else value)
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
        self._count_note()
        self._show_printable()

    def _head_fields(self) -> dict[TextField, QLineEdit]:
        """The fields holding the report's own values until edited, by ``BriefingOptions`` field."""
        return {"title": self.title, "unit": self.unit, "date": self.date}

    def _head_option(self, key: TextField) -> str | None:
        """A head field as an option: None while it shows the report's value (or, for the title, is empty), ""
        when emptied (print none), else its text."""
        text = self._head_fields()[key].text().strip()
        if text == self._report_text[key] or (not text and key not in CLEARABLE):
            return None
        return text

    def part_keys(self) -> list[str]:
        """The parts in the list's order."""
        return [self.parts.item(row).data(KEY) for row in range(self.parts.count())]

    def options(self) -> BriefingOptions:
        """The choices as the dialog shows them (no order when the parts are in their usual order)."""
        keys = self.part_keys()
        style: Style = "official" if self.style_box.currentData() == "official" else "standard"
        return BriefingOptions(
            title=self._head_option("title"),
            unit=self._head_option("unit"),
            date=self._head_option("date"),
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
        self._show_printable()  # at once: Print is never offered for a blank page

    def _show_printable(self) -> bool:
        """Show the preview and enable Print and Export, or say that nothing would print; True if something
        would."""
        printable = bool(kept_parts(self._base, self.options()))
        if self.preview.isVisibleTo(self) != printable:  # shown anew, it paints: only when it was hidden
            self.preview.setVisible(printable)
        self.nothing.setVisible(not printable)
        for button in self._outputs:
            button.setEnabled(printable)
        return printable

    def _cap_note(self) -> None:
        """Keep the note within ``MAX_CHARS``: what a key or a paste put past it is taken out where it went in."""
        excess = len(self.note.toPlainText()) - MAX_CHARS["note"]
        if excess > 0:
            cursor = self.note.textCursor()
            if cursor.position() < excess:  # not typed at the cursor: cut the end
                cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor, excess)
            cursor.removeSelectedText()  # changes the text again: counted then
            return
        self._count_note()

    def _count_note(self) -> None:
        count = self.tr("%1/%2 characters").replace("%1", str(len(self.note.toPlainText())))
        self.note_count.setText(count.replace("%2", str(MAX_CHARS["note"])))

    def _changed(self) -> None:
        """Remember the choices for this report and repaint the preview (or say that nothing would print)."""
        self._timer.stop()
        self._window.set_briefing_options(self.options())
        if self._show_printable():
            self.preview.updatePreview()
            return
        self.page = None
        self.fit_label.clear()
        self.omitted_label.hide()
        self.previewed.emit()

    def _paint(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            briefing = self.briefing()
            serif = self._serif_family() if briefing.style == "official" else ""  # loaded only when used
            page = BriefingPage(briefing, printer, self._family, serif)
            page.paint(painter)
        finally:
            painter.end()
        self.page = page
        fits = self.tr("Fits at %1 pt") if page.fitted.fits else self.tr("Does not fit at %1 pt: shorten the note")
        self.fit_label.setText(fits.replace("%1", f"{page.fitted.size:g}"))
        missing = self.tr("No installed font draws %1: they print blank.").replace("%1", " ".join(page.fitted.missing))
        said = [page.fitted.omitted] + ([missing] if page.fitted.missing else [])
        self.omitted_label.setText(" ".join(text for text in said if text))
        self.omitted_label.setVisible(any(said))
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
