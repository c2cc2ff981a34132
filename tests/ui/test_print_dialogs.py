"""Print, preview, page set-up and PDF export of the briefing from the window (print_dialogs.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from latin_fonts import latin_only_env
from pdf_text import pages, poppler, requires_poppler, text_of
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from jcviewer.model.briefing_options import BriefingOptions
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


@pytest.mark.parametrize("style", ["standard", "official"])
def test_the_serif_is_asked_for_only_for_an_official_document(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    asked: list[str] = []

    def serif() -> str:
        asked.append(window.font().family())
        return asked[-1]

    monkeypatch.setattr("jcviewer.ui.main_window.serif_family", serif)
    monkeypatch.setattr(PageSetupDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted.value)
    names = iter([tmp_path / "b.pdf", tmp_path / "b.docx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(names)), ""))
    window.set_briefing_options(BriefingOptions(style=style))  # type: ignore[arg-type]
    printer = window.briefing_printer()
    printer.page_setup()
    printer.print_briefing()  # the print dialog is cancelled: nothing painted
    assert asked == []
    window.export_briefing()
    window.export_briefing_docx()
    assert (tmp_path / "b.pdf").is_file() and (tmp_path / "b.docx").is_file()
    assert len(asked) == (2 if style == "official" else 0)


SERIF_PROBE = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from jcviewer.app import create_session
from jcviewer.model.briefing_options import BriefingOptions
from jcviewer.model.parse import load_report
from jcviewer.resources import bundled_report
from jcviewer.settings import Settings
from jcviewer.model.briefing_options import BriefingOptions
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.print_dialogs import PageSetupDialog

folder = Path(sys.argv[1])
session = create_session("zh")
settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
window = MainWindow(settings, session.fonts, session.theme)
window.set_report(load_report(bundled_report()), bundled_report())
window.show()

def until(done):
    for _ in range(500):
        QApplication.processEvents()
        if done():
            return
        time.sleep(0.01)
    raise SystemExit("timed out")

def preview(dialog):
    dialog.open()
    until(lambda: dialog.findChild(QPrintPreviewWidget) is not None)
    until(lambda: dialog.findChild(QPrintPreviewWidget).pageCount() > 0)
    dialog.reject()
    return 0

PageSetupDialog.exec = lambda dialog: QDialog.DialogCode.Accepted.value
QPrintPreviewDialog.exec = preview
names = iter(folder / name for name in ("b.pdf", "b.docx", "official.pdf"))
QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(next(names)), ""))
loaded = {}
def step(name):
    loaded[name] = "Noto Serif CJK SC" in QFontDatabase.families()

step("start")
window.briefing_printer().page_setup()
step("page setup")
window.briefing_printer().preview()
step("print preview")
window.export_briefing()
window.export_briefing_docx()
step("standard exports")
editor = window.compose_briefing()
until(lambda: editor.page is not None)
editor.close()
step("editor")
window.set_briefing_options(BriefingOptions(style="official"))
window.export_briefing()
step("official export")
print(json.dumps(loaded))
"""


def test_with_no_system_cjk_font_only_an_official_briefing_loads_the_bundled_serif(tmp_path: Path) -> None:
    env = latin_only_env(tmp_path)
    probe = [sys.executable, "-c", SERIF_PROBE, str(tmp_path)]
    result = subprocess.run(probe, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "start": False,
        "page setup": False,
        "print preview": False,
        "standard exports": False,
        "editor": False,
        "official export": True,
    }
    assert (tmp_path / "b.pdf").is_file() and (tmp_path / "official.pdf").is_file()
