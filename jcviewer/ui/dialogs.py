"""The only place that builds message boxes and small dialogs (so tests can patch them in one spot)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcviewer import __version__
from jcviewer.model.errors import ReportError

if TYPE_CHECKING:
    from jcviewer.model.correction_problems import Problem

translate = QCoreApplication.translate


def open_error_text(error: ReportError) -> str:
    """A specific, translated sentence for why a report could not be opened."""
    reasons = {
        "missing": translate("Dialogs", "The file does not exist."),
        "not_a_file": translate("Dialogs", "This is a folder, not a file."),
        "unreadable": translate("Dialogs", "The file cannot be read (permissions or a disk error)."),
        "empty": translate("Dialogs", "The file is empty."),
        "binary": translate("Dialogs", "This is neither a report's text nor a PDF (it contains binary data)."),
        "encoding": translate("Dialogs", "The text encoding is not recognised (expected UTF-8, UTF-16 or GB18030)."),
        "too_large": translate("Dialogs", "The file is too large to be a report."),
        "pdf_broken": translate("Dialogs", "This PDF is damaged or not a PDF at all: it cannot be opened."),
        "pdf_encrypted": translate(
            "Dialogs", "This PDF is protected by a password. Save an unprotected copy from your PDF reader."
        ),
        "pdf_scanned": translate(
            "Dialogs", "This PDF has no text layer (a scanned page?). Text recognition (OCR) is not supported."
        ),
        "pdf_lost_text": translate(
            "Dialogs", "This PDF's text cannot be read: its fonts' encoding loses the characters."
        ),
        "pdf_empty": translate("Dialogs", "This PDF has no text and no pictures."),
        "pdf_timeout": translate(
            "Dialogs",
            "Reading this PDF took longer than a minute, so it was stopped: it may be damaged or made to stall "
            "readers (or very large for this computer).",
        ),
    }
    return reasons.get(error.reason, error.message)


def show_plain_message(
    parent: QWidget | None,
    name: str,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    explanation: str = "",
    details: str = "",
) -> None:
    """A message box with one OK button: what happened, why, and (folded away) the details.

    Every text is plain: it carries file names and error messages, which must never be read as markup (a file
    named ``<h1>…<img src=x>.txt`` would otherwise show a heading and load an image).
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(explanation)
    for label in box.findChildren(QLabel):  # the informative text has a label of its own, auto-detecting markup
        label.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)  # shown in a plain-text editor
    box.exec()


def show_open_error(parent: QWidget | None, error: ReportError) -> None:
    """Tell the user a report could not be opened; the current report stays open."""
    show_plain_message(
        parent,
        "openErrorDialog",
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Cannot open report"),
        translate("Dialogs", "Cannot open %1").replace("%1", Path(error.path).name or error.path),
        open_error_text(error) + "\n" + translate("Dialogs", "The current report stays open."),
        str(error.path),
    )


def open_progress(parent: QWidget, text: str, delay_ms: int) -> QProgressDialog:
    """A busy indicator with Cancel, modal to ``parent``, that shows itself only after ``delay_ms``.

    The text is plain (it names a file). The caller hides and deletes it; closing it emits ``canceled``.
    """
    dialog = QProgressDialog(parent)
    dialog.setObjectName("openProgressDialog")
    dialog.setWindowTitle(translate("Dialogs", "Opening report"))
    label = QLabel(dialog)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    dialog.setLabel(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setRange(0, 0)  # busy: the parser reports no stages
    dialog.setMinimumDuration(delay_ms)
    dialog.setValue(0)  # starts its clock: without a value it would never show itself
    return dialog


def show_about(parent: QWidget | None) -> None:
    """The About box."""
    purpose = translate("Dialogs", "An offline viewer for meeting reports: outline, quotes, target charts, briefings.")
    font = translate("Dialogs", "Chinese text is set in Noto Sans CJK SC (SIL Open Font License 1.1).")
    text = f"<h3>jcviewer {escape(__version__)}</h3><p>{escape(purpose)}</p><p>{escape(font)}</p>"
    QMessageBox.about(parent, translate("Dialogs", "About jcviewer"), text)


def show_shortcuts(parent: QWidget | None, actions: list[QAction]) -> None:
    """A table of every action that has a shortcut, in this platform's notation."""
    rows = [
        (a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        for a in actions
        if not a.shortcut().isEmpty()
    ]
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(translate("Dialogs", "Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([translate("Dialogs", "Action"), translate("Dialogs", "Shortcut")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(420, 480)
    dialog.exec()


def show_save_error(parent: QWidget | None, path: str, error: OSError) -> None:
    """Tell the user a file could not be written."""
    show_plain_message(
        parent,
        "saveErrorDialog",
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Cannot save"),
        translate("Dialogs", "Cannot write %1").replace("%1", Path(path).name),
        error.strerror or str(error),
    )


def show_unexpected_error(parent: QWidget | None, error: BaseException) -> None:
    """A bug, not bad input: say so plainly; the details went to the log."""
    show_plain_message(
        parent,
        "unexpectedErrorDialog",
        QMessageBox.Icon.Critical,
        translate("Dialogs", "Unexpected error"),
        translate("Dialogs", "Something went wrong inside jcviewer."),
        translate("Dialogs", "The report file is unchanged. Details were written to the log."),
        f"{type(error).__name__}: {error}",
    )


def _form(
    parent: QWidget | None, name: str, title: str, fields: list[tuple[str, str]]
) -> tuple[QDialog, list[QLineEdit]]:
    """A small dialog of labelled one-line fields (plain text) with OK and Cancel."""
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    edits = []
    for label, value in fields:
        edit = QLineEdit(value, dialog)
        form.addRow(label, edit)
        edits.append(edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return dialog, edits


def _ok_button(dialog: QDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def ask_speaker(parent: QWidget | None, speaker: str, role: str) -> tuple[str, str] | None:
    """Who said a quotation, and their role, as the reader corrects them; None when cancelled."""
    dialog, (name, title) = _form(
        parent,
        "speakerDialog",
        translate("Dialogs", "Speaker"),
        [(translate("Dialogs", "Speaker:"), speaker), (translate("Dialogs", "Role:"), role)],
    )
    name.textChanged.connect(lambda text: _ok_button(dialog).setEnabled(bool(text.strip())))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return name.text().strip(), title.text().strip()


def ask_indicator(parent: QWidget | None, indicator: str) -> str | None:
    """A figure's indicator name as the reader corrects it; None when cancelled."""
    dialog, (edit,) = _form(
        parent, "indicatorDialog", translate("Dialogs", "Indicator"), [(translate("Dialogs", "Indicator:"), indicator)]
    )
    edit.textChanged.connect(lambda text: _ok_button(dialog).setEnabled(bool(text.strip())))
    if dialog.exec() != QDialog.DialogCode.Accepted or not edit.text().strip():
        return None
    return edit.text().strip()


def parse_number(text: str) -> float | None:
    """A finite number typed by the reader ("6.5", "12,000", "８"), None when it is not one."""
    try:
        value = float(text.strip().replace(",", "").replace("，", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def ask_value(parent: QWidget | None, value: float | None) -> float | None:
    """A figure's value as the reader corrects it; None when cancelled."""
    shown = "" if value is None else f"{value:g}"
    dialog, (edit,) = _form(
        parent, "valueDialog", translate("Dialogs", "Value"), [(translate("Dialogs", "Value:"), shown)]
    )
    edit.textChanged.connect(lambda text: _ok_button(dialog).setEnabled(parse_number(text) is not None))
    _ok_button(dialog).setEnabled(parse_number(shown) is not None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return parse_number(edit.text())


def ask_replace_sidecar(parent: QWidget | None, report: Path) -> bool:
    """Whether to replace a different corrections sidecar already next to ``report``."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Export corrections"),
        translate("Dialogs", "A different corrections file is already next to %1. Replace it?").replace(
            "%1", report.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("replaceSidecarDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_no_corrections(parent: QWidget | None) -> None:
    """There is nothing to export: the report on show has no corrections."""
    show_plain_message(
        parent,
        "noCorrectionsDialog",
        QMessageBox.Icon.Information,
        translate("Dialogs", "Export corrections"),
        translate("Dialogs", "This report has no corrections to export."),
        translate("Dialogs", "Correct a quote or a figure through its context menu first."),
    )


def show_corrections_error(parent: QWidget | None, message: str) -> None:
    """A correction could not be stored; the report on show is unchanged."""
    show_plain_message(
        parent,
        "correctionsErrorDialog",
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Cannot store the correction"),
        translate("Dialogs", "The correction could not be saved in your data folder."),
        message,
    )


MAX_REASONS = 8
"""How many reasons a correction notice lists for one file; the rest are counted."""


def _problem_lines(problem: Problem) -> list[str]:
    """What is wrong with one file of corrections: which file, then one line per reason."""
    if problem.source == "sidecar" and problem.matches_nothing:
        head = translate(
            "Dialogs",
            "The corrections file next to the report (%1) matches nothing in it: it may belong to another report.",
        )
    elif problem.source == "sidecar":
        head = translate("Dialogs", "The corrections file next to the report (%1) was not applied:")
    elif problem.stale:
        head = translate(
            "Dialogs",
            "Corrections stored for this report in your data folder (%1) no longer apply; the report has changed:",
        )
    else:
        head = translate("Dialogs", "The corrections stored for this report in your data folder (%1) were not applied:")
    lines = [head.replace("%1", problem.file.name if problem.source == "sidecar" else str(problem.file))]
    lines += [f"• {reason}" for reason in problem.reasons[:MAX_REASONS]]
    more = len(problem.reasons) - MAX_REASONS
    if more > 0:
        lines.append(translate("Dialogs", "and %n more", "", more))
    return lines


def show_correction_notice(
    parent: QWidget, report: str, problems: Sequence[Problem], forget: Callable[[], None]
) -> QMessageBox:
    """Say, without blocking, which corrections of ``report`` (a file name) could not be applied and why, and
    that the report is shown without them and no file changed. Stale stored corrections get "Forget Them"
    (calls ``forget``) besides "Keep"; otherwise there is OK. The box is window-modal and deletes itself."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Corrections not applied"),
        translate("Dialogs", "Some corrections of %1 could not be applied.").replace("%1", report),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("correctionNoticeDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    paragraphs = ["\n".join(_problem_lines(problem)) for problem in problems]
    paragraphs.append(translate("Dialogs", "The report is shown without them. No file was changed."))
    stale = any(problem.source == "store" and problem.stale for problem in problems)
    if stale:
        paragraphs.append(translate("Dialogs", "Forget Them removes only the stored corrections that no longer apply."))
        forget_button = box.addButton(translate("Dialogs", "Forget Them"), QMessageBox.ButtonRole.DestructiveRole)
        forget_button.setObjectName("forgetButton")
        keep = box.addButton(translate("Dialogs", "Keep"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: forget() if button is forget_button else None)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setInformativeText("\n\n".join(paragraphs))
    for label in box.findChildren(QLabel):  # the informative text has a label of its own, auto-detecting markup
        label.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box


def show_forget_error(parent: QWidget | None, message: str) -> None:
    """The stale stored corrections could not be forgotten; the store is as it was."""
    show_plain_message(
        parent,
        "forgetErrorDialog",
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Cannot forget the corrections"),
        translate("Dialogs", "The corrections stored for this report could not be changed."),
        message,
    )
