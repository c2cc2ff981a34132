"""Dialog texts are shown as text: a file name or an error message is never read as markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import Qt, QTextDocument  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton

from jcviewer.model.correction_problems import Problem
from jcviewer.model.errors import ReportError
from jcviewer.ui import dialogs
from jcviewer.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]

HOSTILE = "<h1>HUGE <font color=red>RED<img src=x>"  # a legal file name on Linux and macOS


def shown(label: QLabel) -> str:
    """What the label puts on screen, as text (rich text is rendered first, as QLabel would)."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def texts_on_screen(box: QDialog) -> list[str]:
    return [shown(label) for label in box.findChildren(QLabel) if label.text()]


def only_box(opened: list[QDialog]) -> QMessageBox:
    boxes = [d for d in opened if isinstance(d, QMessageBox)]
    assert len(boxes) == 1, opened
    return boxes[0]


def test_a_file_name_with_markup_is_shown_as_typed_in_the_open_error(
    make_window: WindowFactory, tmp_path: Path, dialogs: list[QDialog]
) -> None:
    """Issue 12 item 7: the name showed as a big red heading and loaded the image ``x``."""
    window = make_window()
    hostile = tmp_path / f"{HOSTILE}.txt"
    hostile.write_bytes(b"")  # empty: cannot be opened
    assert not window.open_file(hostile)
    assert any(f"{HOSTILE}.txt" in text for text in texts_on_screen(only_box(dialogs)))


@pytest.mark.parametrize(
    "show",
    [
        lambda: dialogs.show_open_error(None, ReportError("odd", f"/tmp/{HOSTILE}.txt", f"{HOSTILE} <b>bold</b>")),
        lambda: dialogs.show_save_error(None, f"/tmp/{HOSTILE}.json", OSError(28, f"{HOSTILE} No space")),
        lambda: dialogs.show_unexpected_error(None, ValueError(HOSTILE)),
    ],
    ids=["open", "save", "unexpected"],
)
def test_every_problem_dialog_shows_its_texts_as_text(show: Callable[[], None], dialogs: list[QDialog]) -> None:
    show()
    box = only_box(dialogs)
    on_screen = texts_on_screen(box)
    assert on_screen == [label.text() for label in box.findChildren(QLabel) if label.text()]  # nothing rendered
    assert any(HOSTILE in text for text in [*on_screen, box.detailedText()])


def answering(monkeypatch: pytest.MonkeyPatch, texts: list[str], accept: bool = True) -> list[bool]:
    """Make the next small dialog type ``texts`` into its fields and press OK (or Cancel); what OK's
    enabled state was when it would have been pressed."""
    ok: list[bool] = []

    def run(dialog: QDialog) -> int:
        from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

        for edit, text in zip(dialog.findChildren(QLineEdit), texts, strict=True):
            edit.setText(text)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        ok.append(box.button(QDialogButtonBox.StandardButton.Ok).isEnabled())
        return QDialog.DialogCode.Accepted.value if accept and ok[-1] else QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QDialog, "exec", run)
    return ok


def test_the_speaker_dialog_returns_the_trimmed_speaker_and_role(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    answering(monkeypatch, [" 张三 ", "县长"])
    assert dialogs.ask_speaker(None, "李四", "") == ("张三", "县长")
    ok = answering(monkeypatch, ["  ", "县长"])
    assert dialogs.ask_speaker(None, "李四", "") is None and ok == [False]  # a speaker is required
    answering(monkeypatch, ["张三", ""], accept=False)
    assert dialogs.ask_speaker(None, "李四", "") is None


def test_the_indicator_and_value_dialogs_accept_only_a_name_and_a_number(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    answering(monkeypatch, ["地区生产总值"])
    assert dialogs.ask_indicator(None, "GDP") == "地区生产总值"
    answering(monkeypatch, ["12,000.5"])
    assert dialogs.ask_value(None, 6.0) == 12000.5
    ok = answering(monkeypatch, ["六"])
    assert dialogs.ask_value(None, None) is None and ok == [False]
    assert dialogs.parse_number("inf") is None and dialogs.parse_number(" 6.5 ") == 6.5


def test_replacing_a_sidecar_is_asked_in_plain_text_and_cancel_is_the_default(qapp) -> None:
    seen: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        seen.append(box)
        return QMessageBox.StandardButton.Cancel.value

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "exec", record)
        assert not dialogs.ask_replace_sidecar(None, Path(HOSTILE + ".txt"))
    (box,) = seen
    assert any(HOSTILE in text for text in texts_on_screen(box))
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)


def _notice(window: MainWindow, problems: list[Problem], forgot: list[bool]) -> QMessageBox:
    box = dialogs.show_correction_notice(window, f"{HOSTILE}.txt", problems, lambda: forgot.append(True))
    assert box.isVisible() and box.windowModality() == Qt.WindowModality.WindowModal  # opened, not run
    return box


def test_a_correction_notice_says_which_file_and_why_in_plain_text(window: MainWindow) -> None:
    reasons = tuple(f"{HOSTILE} reason {n}" for n in range(11))
    sidecar = Problem("sidecar", Path(f"/reports/{HOSTILE}.outline.toml"), reasons)
    box = _notice(window, [sidecar], [])
    text = "\n".join(texts_on_screen(box))
    assert text == "\n".join(label.text() for label in box.findChildren(QLabel) if label.text())  # nothing rendered
    assert f"{HOSTILE}.txt" in text and f"{HOSTILE}.outline.toml" in text
    assert f"{HOSTILE} reason 7" in text and f"{HOSTILE} reason 8" not in text  # eight listed …
    assert QCoreApplication.translate("Dialogs", "and %n more", "", 3) in text  # … and the rest counted
    assert QCoreApplication.translate("Dialogs", "The report is shown without them. No file was changed.") in text
    assert box.findChild(QPushButton, "forgetButton") is None
    box.button(QMessageBox.StandardButton.Ok).click()
    assert not box.isVisible()


def test_a_sidecar_matching_nothing_is_said_to_be_perhaps_another_reports(window: MainWindow) -> None:
    sidecar = Problem("sidecar", Path("/reports/r.outline.toml"), ("a", "b"), stale=True, matches_nothing=True)
    text = "\n".join(texts_on_screen(_notice(window, [sidecar], [])))
    head = "The corrections file next to the report (%1) matches nothing in it: it may belong to another report."
    assert QCoreApplication.translate("Dialogs", head).replace("%1", "r.outline.toml") in text


def test_stale_stored_corrections_can_be_forgotten_or_kept(window: MainWindow, tmp_path: Path) -> None:
    store = Problem("store", tmp_path / "data" / "corrections", ("quote “某…” gone",), stale=True)
    forgot: list[bool] = []
    box = _notice(window, [store], forgot)
    assert str(tmp_path / "data" / "corrections") in "\n".join(texts_on_screen(box))  # the folder is named
    keep = box.findChild(QPushButton, "keepButton")
    assert keep is not None and box.defaultButton() is keep and box.escapeButton() is keep
    keep.click()
    assert forgot == []
    box = _notice(window, [store], forgot)
    forget = box.findChild(QPushButton, "forgetButton")
    assert forget is not None
    forget.click()
    assert forgot == [True] and not box.isVisible()


def test_an_unreadable_store_file_offers_no_forgetting(window: MainWindow, tmp_path: Path) -> None:
    store = Problem("store", tmp_path / "corrections", ("x.toml: not UTF-8 text",))
    box = _notice(window, [store], [])
    assert box.findChild(QPushButton, "forgetButton") is None and box.button(QMessageBox.StandardButton.Ok)
