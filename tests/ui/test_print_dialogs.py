"""Print, preview, page set-up and PDF export of the briefing from the window (print_dialogs.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
from pdf_text import pages, poppler, requires_poppler, text_of
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.print_dialogs import PageSetupDialog

pytestmark = requires_poppler


def test_export_pdf_of_the_selected_section_in_the_window(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "section.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.findChild(QAction, "scope-section").trigger()
    window.select_node("p5.list.2")
    window.findChild(QAction, "exportPdfAction").trigger()
    assert pages(out) == 1 and "锚定目标加压奋进" in text_of(out)
    assert window.settings.briefing_scope == "section"


def test_print_goes_through_the_print_dialog(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.findChild(QAction, "printAction").trigger()
    assert pages(out) == 1 and "2024年主要目标" in text_of(out)


def test_preview_paints_one_page_without_blocking(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:
    seen: list[int] = []

    def show(dialog: QPrintPreviewDialog) -> int:
        dialog.open()  # shown without a nested event loop: it asks for the pages (paintRequested)
        qtbot.waitUntil(lambda: dialog.findChild(QPrintPreviewWidget) is not None)
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0)
        seen.append(preview.pageCount())
        dialog.reject()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    window.findChild(QAction, "previewAction").trigger()
    assert seen == [1]


def test_page_setup_is_remembered(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    def letter(dialog: PageSetupDialog) -> int:
        dialog.paper.setCurrentIndex(dialog.paper.findData(QPageSize.PageSizeId.Letter))
        dialog.margins[0].setValue(25)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PageSetupDialog, "exec", letter)
    window.findChild(QAction, "pageSetupAction").trigger()
    assert window.settings.page_size == "Letter" and window.settings.page_margins == ["25", "14", "16", "14"]
    out = tmp_path / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_briefing()
    assert "letter" in poppler("pdfinfo", out)
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    left = min(float(x) for x in re.findall(r'xMin="([\d.]+)"', bbox))
    assert left >= 25 / 25.4 * 72 - 1  # the exported page keeps the 25 mm left margin set up (in points)


def test_export_docx_writes_an_editable_briefing_where_the_dialog_says(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "briefing.docx"
    asked: list[tuple[str, str]] = []

    def choose(parent, title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append((suggested, filters))
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert window.briefing_printer().export_docx("report.docx") == out
    assert [(s, f.endswith("(*.docx)")) for s, f in asked] == [("report.docx", True)]
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [window.briefing().title]
    assert document.tables  # the targets


def test_export_docx_cancelled_writes_nothing(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert window.briefing_printer().export_docx("report.docx") is None
    assert not list(tmp_path.glob("*.docx"))


def test_export_docx_that_cannot_be_written_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch, dialogs: list[QDialog]
) -> None:
    out = tmp_path / "missing" / "briefing.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.briefing_printer().export_docx("report.docx") is None
    assert [d.objectName() for d in dialogs] == ["saveErrorDialog"]
    assert not out.parent.exists()
