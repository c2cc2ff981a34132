"""Correcting the reading in the window: the context-menu entries for a quotation or a figure (on an outline node
or under the cursor in the detail pane), the undoable commands that store each correction in the user's data
folder (``model.correction_store``), re-showing the corrected report at once, and exporting the sidecar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QTreeView

from jcviewer.model.correction_store import (
    export_sidecar,
    gather,
    report_key,
    stored_corrections,
    update_corrections,
)
from jcviewer.model.corrections import (
    Correction,
    Corrections,
    CorrectionsError,
    figure_fix,
    quote_fix,
    with_corrections,
)
from jcviewer.model.errors import ReportError
from jcviewer.model.navigation import Mark, Node, metric_clause
from jcviewer.model.report import Metric, Quote, Report
from jcviewer.model.sources import sidecar_path
from jcviewer.model.structure_fixes import corrected_place
from jcviewer.paths import user_data_folder
from jcviewer.ui import report_loader
from jcviewer.ui.structure_menu import StructureMenu

if TYPE_CHECKING:
    from jcviewer.ui.main_window import MainWindow

QUOTE_PREVIEW_CHARS = 12
"""How many first characters of a quotation name it in the menu of a speaker with several quotations."""


def _dialogs() -> ModuleType:
    """The dialogs module, imported on first use: not on the start-up path."""
    from jcviewer.ui import dialogs

    return dialogs


def store_folder() -> Path:
    """Where corrections are stored: the same folder for the window and the command line."""
    return user_data_folder("corrections")


def node_quotes(report: Report, node: Node) -> list[Quote]:
    """The quotations an outline node of kind "speaker" stands for, in reading order."""
    marks = set(node.marks) if node.kind == "speaker" else set()
    return [q for q in report.quotes if any(m.paragraph == q.paragraph and m.span == q.span for m in marks)]


def node_metric(report: Report, node: Node) -> Metric | None:
    """The target an outline node of kind "target" stands for (its mark is the target's clause)."""
    if node.kind != "target" or not node.marks:
        return None
    mark = node.marks[0]
    text = report.paragraph(mark.paragraph).text
    return next(
        (
            m
            for m in report.metrics
            if m.period == "target" and m.paragraph == mark.paragraph and metric_clause(text, m) == mark.span
        ),
        None,
    )


def quotes_at(report: Report, paragraph: str, offset: int) -> list[Quote]:
    """The quotation whose words hold ``offset`` of ``paragraph`` (a list of at most one)."""
    return [q for q in report.quotes if q.paragraph == paragraph and q.span[0] <= offset < q.span[1]][:1]


def metric_at(report: Report, paragraph: str, offset: int) -> Metric | None:
    """The figure whose printed value holds ``offset`` of ``paragraph``."""
    return next((m for m in report.metrics if m.paragraph == paragraph and m.span[0] <= offset < m.span[1]), None)


@dataclass(frozen=True)
class _Report:
    """The report a command corrects: where it is and its store key."""

    path: Path
    key: str


@dataclass(frozen=True)
class _Shown:
    """The file of the report on show as it was when shown; its store key is read at the first correction."""

    path: Path
    size: int
    modified_ns: int


def _on_disk(path: Path | None) -> _Shown | None:
    """``path`` as it is now; None when there is none or it cannot be reached."""
    if path is None:
        return None
    try:
        status = path.stat()
    except OSError:
        return None
    return _Shown(path, status.st_size, status.st_mtime_ns)


class _Command(QUndoCommand):
    """Store some corrections (undo: put back every correction stored before, as it was: a step may have merged
    into or replaced an earlier one). Each is one write of the store file."""

    def __init__(self, corrector: Corrector, target: _Report, fixes: tuple[Correction, ...], text: str) -> None:
        super().__init__(text)
        self._corrector, self._target, self._fixes = corrector, target, fixes
        self._before = corrector.stored(target)

    def redo(self) -> None:
        if not self._corrector.write(self._target, partial(_with_all, fixes=self._fixes), self._fixes):
            self.setObsolete(True)  # nothing was stored: the stack drops the command

    def undo(self) -> None:
        back = partial(_with_all, fixes=self._before, start_afresh=True)
        self._corrector.write(self._target, back, self._fixes)


def _with_all(current: Corrections, fixes: tuple[Correction, ...], start_afresh: bool = False) -> Corrections:
    """``current`` with ``fixes`` added in order (``start_afresh``: instead of its fixes; its sections kept)."""
    return with_corrections(Corrections(sections=current.sections) if start_afresh else current, fixes)


class Corrector(QObject):
    """The corrections of the report on show in one window, with their undo stack (cleared when another report
    opens)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.undo_stack = QUndoStack(self)
        self._structure = StructureMenu(self.correct, self)
        self._shown: _Shown | None = None
        self._key: str | None = None  # the store key of the report on show, once a correction needed it
        self._writing = False

    # --- the report on show ---------------------------------------------------------------------------------
    def report_shown(self, path: Path | None) -> None:
        """A report is on show (opened, or re-shown corrected): another one, or its file changed on disk since,
        clears the undo stack. Only the file's size and time are looked at here: no read on the way to the
        screen."""
        shown = _on_disk(path)  # None when it cannot be reached: nothing can be stored for it
        if shown != self._shown:
            self._key = None
            if self._writing:  # the file changed under a correction: not from inside the stack's own push
                QTimer.singleShot(0, self.undo_stack.clear)
            else:
                self.undo_stack.clear()
        self._shown = shown

    def _target(self) -> _Report | None:
        """The report on show with its store key: the key of the text on show, read at the first correction.
        None, after saying why, when the file cannot be read or changed since it was shown (it is then shown
        as it is now, and the correction is not stored: its anchors were read from the text before)."""
        shown = self._shown
        if shown is None:
            return None
        if _on_disk(shown.path) != shown:  # changed since it was shown: the anchors are of another text
            self._changed_on_disk(shown.path)
            return None
        if self._key is None:
            try:
                data = shown.path.read_bytes()
            except OSError as error:
                _dialogs().show_corrections_error(self._window, str(error))
                return None
            if _on_disk(shown.path) != shown:  # what was read may not be the text on show
                self._changed_on_disk(shown.path)
                return None
            self._key = report_key(data)
        return _Report(shown.path, self._key)

    def _changed_on_disk(self, path: Path) -> None:
        self._reshow(path)
        self._window.statusBar().showMessage(
            self.tr("The report changed on disk and is shown as it is now: nothing was corrected")
        )

    # --- menus ----------------------------------------------------------------------------------------------
    def add_node_actions(self, menu: QMenu, node: Node) -> None:
        """The corrections of an outline node: a speaker's quotations or a target."""
        report = self._window.report
        if report is None or self._shown is None:
            return
        if node.kind == "speaker":
            self._add_quote_actions(menu, report, node_quotes(report, node))
        metric = node_metric(report, node)
        if metric is not None:
            self._add_figure_actions(menu, report, metric)
        self._structure.add_node_actions(menu, report, node)

    def add_place_actions(self, menu: QMenu, paragraph: str, offset: int) -> None:
        """The corrections of the quotation or figure at ``offset`` of ``paragraph`` (the detail pane's cursor),
        before the menu's own entries."""
        report = self._window.report
        if report is None or self._shown is None:
            return
        entries = QMenu(menu)
        metric = metric_at(report, paragraph, offset)
        if metric is not None:
            self._add_figure_actions(entries, report, metric)
        else:
            self._add_quote_actions(entries, report, quotes_at(report, paragraph, offset))
        if entries.actions():
            entries.addSeparator()
        self._structure.add_paragraph_actions(entries, report, paragraph, offset)
        actions = entries.actions()
        if actions:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, actions)  # type: ignore[arg-type]
            if first is not None:
                menu.insertSeparator(first)

    def _add_quote_actions(self, menu: QMenu, report: Report, quotes: list[Quote]) -> None:
        if not quotes:
            return
        drop = self.tr("Not a Quote")
        if len(quotes) == 1:
            self._entry(menu, drop, "notQuoteAction", lambda: self._correct_quotes(report, quotes, drop, drop=True))
        else:
            sub = menu.addMenu(drop)
            sub.setObjectName("notQuoteMenu")
            for number, quote in enumerate(quotes, start=1):
                preview = quote.text[:QUOTE_PREVIEW_CHARS] + ("…" if len(quote.text) > QUOTE_PREVIEW_CHARS else "")
                self._entry(
                    sub,
                    f"“{preview}”",
                    f"notQuoteAction-{number}",
                    partial(self._correct_quotes, report, [quote], drop, drop=True),
                )
            sub.addSeparator()
            self._entry(
                sub,
                self.tr("All %n Quotes", "", len(quotes)),
                "notQuoteAllAction",
                lambda: self._correct_quotes(report, quotes, drop, drop=True),
            )
        self._entry(menu, self.tr("Speaker Is…"), "speakerAction", lambda: self._ask_speaker(report, quotes))

    def _add_figure_actions(self, menu: QMenu, report: Report, metric: Metric) -> None:
        drop = self.tr("Not a Target") if metric.period == "target" else self.tr("Not a Figure")
        self._entry(menu, drop, "notTargetAction", lambda: self._correct_figure(report, metric, drop, drop=True))
        if metric.period != "result":
            result = self.tr("This Is Last Year's Result")
            self._entry(
                menu, result, "resultAction", lambda: self._correct_figure(report, metric, result, period="result")
            )
        if metric.period != "target":
            target = self.tr("This Is a Target")
            self._entry(
                menu, target, "targetAction", lambda: self._correct_figure(report, metric, target, period="target")
            )
        self._entry(menu, self.tr("Indicator Name…"), "indicatorAction", lambda: self._ask_indicator(report, metric))
        self._entry(menu, self.tr("Value…"), "valueAction", lambda: self._ask_value(report, metric))

    def _entry(self, menu: QMenu, text: str, name: str, slot: Callable[[], None]) -> None:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda: slot())  # a slot taking no arguments: never passed ``checked``

    # --- asking and correcting ------------------------------------------------------------------------------
    def _ask_speaker(self, report: Report, quotes: list[Quote]) -> None:
        answer = _dialogs().ask_speaker(self._window, quotes[0].speaker, quotes[0].role)
        if answer is None:
            return
        speaker, role = answer
        changes = {"speaker": speaker} if speaker and speaker != quotes[0].speaker else {}
        if role != quotes[0].role:
            changes["role"] = role  # an empty role clears it
        if changes:
            self._correct_quotes(report, quotes, self.tr("Speaker Is %1").replace("%1", speaker), **changes)

    def _ask_indicator(self, report: Report, metric: Metric) -> None:
        name = _dialogs().ask_indicator(self._window, metric.indicator)
        if name and name != metric.indicator:
            self._correct_figure(report, metric, self.tr("Indicator Name %1").replace("%1", name), indicator=name)

    def _ask_value(self, report: Report, metric: Metric) -> None:
        value = _dialogs().ask_value(self._window, metric.value)
        if value is not None and value != metric.value:
            text = self.tr("Value %1").replace("%1", f"{value:g}")
            self._correct_figure(report, metric, text, value=value)

    def _correct_quotes(self, report: Report, quotes: list[Quote], text: str, **changes: object) -> None:
        self.correct(tuple(quote_fix(report, q, **changes) for q in quotes), text)

    def _correct_figure(self, report: Report, metric: Metric, text: str, **changes: object) -> None:
        self.correct((figure_fix(report, metric, **changes),), text)

    def correct(self, fixes: tuple[Correction, ...], text: str) -> None:
        """Store ``fixes`` for the report on show, as one undoable step named ``text``, and show it corrected."""
        target = self._target() if fixes else None
        if target is not None:
            self.undo_stack.push(_Command(self, target, fixes, text.removesuffix("…")))

    # --- the store ------------------------------------------------------------------------------------------
    def stored(self, target: _Report) -> tuple[Correction, ...]:
        """Every correction the store holds now for ``target`` (but the outline sections, which the window
        never writes)."""
        try:
            return stored_corrections(store_folder(), target.key, target.path).fixes()
        except CorrectionsError:
            return ()  # garbage: the next write keeps it aside and starts afresh

    def write(
        self, target: _Report, change: Callable[[Corrections], Corrections], about: tuple[Correction, ...]
    ) -> bool:
        """Store ``change`` of ``target``'s stored corrections, then show the report corrected, at the place a
        structural correction among ``about`` changed (else the node on show); False (after saying why) when
        the store cannot be written."""
        try:
            update_corrections(store_folder(), target.key, target.path, change)
        except (OSError, CorrectionsError) as error:
            _dialogs().show_corrections_error(self._window, str(error))
            return False
        self._writing = True
        try:
            self._reshow(target.path)
        finally:
            self._writing = False
        self._show_place(about)
        return True

    def _show_place(self, fixes: tuple[Correction, ...]) -> None:
        """Select the section a structural correction changed (its paragraph highlighted): section ids follow
        the outline, so the node on show may now be another section."""
        window, report = self._window, self._window.report
        if report is None:
            return
        place = next((found for fix in fixes if (found := corrected_place(report, fix)) is not None), None)
        if place is None:
            return
        section, paragraph = place
        node = next((n for top in window.nodes for n in top.walk() if n.section == section.id), None)
        if node is not None:
            focus = None if paragraph is None else Mark(paragraph.id, (0, len(paragraph.text)))
            window.select_node(node.id, focus)

    def _reshow(self, path: Path) -> None:
        window = self._window
        try:
            report = report_loader.load(path)
        except ReportError as error:
            _dialogs().show_open_error(window, error)
            return
        window.set_report(report, path, keep_selection=True)

    # --- export ---------------------------------------------------------------------------------------------
    def export(self) -> Path | None:
        """File ▸ Export Corrections…: the report's corrections as the sidecar next to it, asking before
        replacing a different one. The sidecar written, or None."""
        path = self._window.path
        if path is None:
            return None
        try:
            corrections, _warnings = gather(path, path.read_bytes(), store_folder())
        except OSError as error:
            _dialogs().show_save_error(self._window, str(path), error)
            return None
        if not corrections:
            _dialogs().show_no_corrections(self._window)
            return None
        try:
            try:
                written = export_sidecar(path, corrections)
            except FileExistsError:
                if not _dialogs().ask_replace_sidecar(self._window, path):
                    return None
                written = export_sidecar(path, corrections, overwrite=True)
        except OSError as error:
            _dialogs().show_save_error(self._window, str(sidecar_path(path)), error)
            return None
        self._window.statusBar().showMessage(self.tr("Corrections exported to %1").replace("%1", written.name))
        return written


class OutlineMenu(QObject):
    """The outline's context menu: the corrections of the node under the mouse, or of the current node from the
    keyboard (the Menu key, Shift+F10). No menu for a node with nothing to correct."""

    def __init__(self, tree: QTreeView, node_of: Callable[[QModelIndex], Node | None], corrector: Corrector) -> None:
        super().__init__(tree)
        self._tree, self._node_of, self._corrector = tree, node_of, corrector
        tree.installEventFilter(self)
        tree.viewport().installEventFilter(self)

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The menu for an outline row, None when its node has nothing to correct."""
        node = self._node_of(index) if index.isValid() else None
        if node is None:
            return None
        menu = QMenu(self._tree)
        self._corrector.add_node_actions(menu, node)
        if not menu.actions():
            menu.deleteLater()
            return None
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ContextMenu:
            return super().eventFilter(watched, event)
        assert isinstance(event, QContextMenuEvent)
        tree = self._tree
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = tree.currentIndex()
            where = tree.viewport().mapToGlobal(tree.visualRect(index).center())
        else:
            index = tree.indexAt(tree.viewport().mapFromGlobal(event.globalPos()))
            where = event.globalPos()
        menu = self.menu_for(index)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(where)
        return True
