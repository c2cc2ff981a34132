"""File ▸ Print briefing, Print preview, Export briefing as PDF or Word, Page setup: the dialogs around printing.py
and briefing_export.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from jcviewer.model.briefing import Briefing
from jcviewer.settings import Settings
from jcviewer.ui.printing import MARGINS_MM, PDF_DPI, BriefingPage, repair_text_layer, write_briefing_pdf

MARGIN_RANGE_MM = (5.0, 40.0)  # office printers cannot print nearer the edge than about 5 mm


def page_size(settings: Settings) -> QPageSize:
    """The remembered paper (A4 unless page setup chose another)."""
    chosen = next((s for s in QPageSize.PageSizeId if QPageSize.key(s) == settings.page_size), None)
    return QPageSize(chosen if chosen is not None else QPageSize.PageSizeId.A4)


def page_margins(settings: Settings) -> QMarginsF:
    """The remembered margins in millimetres (office-printer defaults)."""
    values = [float(v) for v in settings.page_margins if str(v).replace(".", "", 1).isdigit()]
    return QMarginsF(*values) if len(values) == 4 else MARGINS_MM


class BriefingPrinter(QObject):
    """Prints, previews and exports the briefing ``make_briefing()`` returns, on the remembered page setup, in
    ``family``; an official document's body in the family ``serif_family()`` gives, asked for only when such a
    briefing is printed or exported (the bundled serif is loaded then, if at all)."""

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        family: str,
        make_briefing: Callable[[], Briefing],
        serif_family: Callable[[], str] = str,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._settings = settings
        self._family = family
        self._serif_family = serif_family
        self._make_briefing = make_briefing

    def _serif_for(self, briefing: Briefing) -> str:
        """The serif family for ``briefing``: "" unless it is in the official style."""
        return self._serif_family() if briefing.style == "official" else ""

    def printer(self) -> QPrinter:
        """A printer set to the remembered paper and margins, portrait, at the PDF's resolution: the page is laid
        out alike on paper, in the preview and in both exports (same type size, same sentences left out)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PDF_DPI)
        printer.setPageLayout(
            QPageLayout(
                page_size(self._settings),
                QPageLayout.Orientation.Portrait,
                page_margins(self._settings),
                QPageLayout.Unit.Millimeter,
            )
        )
        return printer

    def paint(self, printer: QPrinter) -> None:
        """Paint the briefing on ``printer`` (also the preview's paintRequested slot)."""
        painter = QPainter()
        briefing = self._make_briefing()
        if painter.begin(printer):
            try:
                page = BriefingPage(briefing, printer, self._family, self._serif_for(briefing))
                page.paint(painter)
            finally:
                painter.end()
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
                pdf = Path(printer.outputFileName())  # "print to file"
                repair_text_layer(pdf, page.body_family, self._family)

    def print_briefing(self) -> bool:
        """File ▸ Print briefing…: the system print dialog, then one page. True if printed."""
        printer = self.printer()
        dialog = QPrintDialog(printer, self._parent)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        printer.setResolution(PDF_DPI)  # a printer's own dialog may have set its resolution: lay out as the PDF
        self.paint(printer)
        return True

    def preview(self) -> None:
        """File ▸ Print preview…"""
        printer = self.printer()  # referenced until the dialog is done: the dialog does not own it
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setObjectName("printPreviewDialog")
        dialog.paintRequested.connect(self.paint)
        dialog.exec()

    def export_pdf(self, suggested: str) -> Path | None:
        """File ▸ Export briefing as PDF…; returns the file written, None if cancelled or failed (with a dialog)."""
        name = self._save_name(self.tr("Export briefing as PDF"), suggested, self.tr("PDF (*.pdf)"))
        if not name:
            return None
        settings, briefing = self._settings, self._make_briefing()
        return self._written(
            name,
            lambda: write_briefing_pdf(
                name, briefing, page_size(settings), self._family, page_margins(settings), self._serif_for(briefing)
            ),
        )

    def export_docx(self, suggested_name: str) -> Path | None:
        """File ▸ Export briefing as Word…: an editable .docx for Word and WPS with the PDF's content; returns the
        file written, None if cancelled or failed (with a dialog). A failed write leaves no half file."""
        title = self.tr("Export briefing as Word document")
        name = self._save_name(title, suggested_name, self.tr("Word document (*.docx)"))
        if not name:
            return None
        from jcviewer.ui.briefing_export import write_docx  # python-docx only when it is used

        settings, briefing = self._settings, self._make_briefing()
        return self._written(
            name,
            lambda: write_docx(
                Path(name),
                briefing,
                page_size(settings),
                page_margins(settings),
                self._family,
                self._serif_for(briefing),
            ),
        )

    def _save_name(self, title: str, suggested: str, filters: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, filters)
        return name

    def _written(self, name: str, write: Callable[[], object]) -> Path | None:
        """``write()`` the file ``name``: its path, or None after an error dialog if it cannot be written."""
        try:
            write()
        except OSError as error:
            from jcviewer.ui import dialogs

            dialogs.show_save_error(self._parent, name, error)
            return None
        return Path(name)

    def page_setup(self) -> None:
        """File ▸ Page setup…: paper and margins, remembered for the next briefing."""
        dialog = PageSetupDialog(page_size(self._settings), page_margins(self._settings), self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._settings.page_size = QPageSize.key(dialog.chosen_size().id())
            margins = dialog.chosen_margins()
            self._settings.page_margins = [
                f"{v:g}" for v in (margins.left(), margins.top(), margins.right(), margins.bottom())
            ]


class PageSetupDialog(QDialog):
    """Paper and margins for briefings; works without any printer installed (Qt's own needs a native one)."""

    PAPERS = (
        QPageSize.PageSizeId.A4,
        QPageSize.PageSizeId.Letter,
        QPageSize.PageSizeId.Legal,
        QPageSize.PageSizeId.A5,
        QPageSize.PageSizeId.B5,
    )

    def __init__(self, size: QPageSize, margins: QMarginsF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageSetupDialog")
        self.setWindowTitle(self.tr("Page setup"))
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperSize")
        for paper in self.PAPERS:
            self.paper.addItem(QPageSize.name(paper), paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(size.id())))
        self.margins = []
        form = QFormLayout(self)
        form.addRow(self.tr("Paper:"), self.paper)
        sides = (self.tr("Left margin:"), self.tr("Top margin:"), self.tr("Right margin:"), self.tr("Bottom margin:"))
        for label, value in zip(sides, (margins.left(), margins.top(), margins.right(), margins.bottom()), strict=True):
            box = QDoubleSpinBox(self)
            box.setRange(*MARGIN_RANGE_MM)
            box.setSuffix(" mm")
            box.setValue(value)
            self.margins.append(box)
            form.addRow(label, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_size(self) -> QPageSize:
        """The paper picked."""
        return QPageSize(self.paper.currentData())

    def chosen_margins(self) -> QMarginsF:
        """The margins picked, in millimetres (left, top, right, bottom)."""
        return QMarginsF(*(box.value() for box in self.margins))
