"""Library ▸ Indicators over the Years and Library ▸ Compare Reports: the views across reports, each in a window
of its own, fed from the library's catalogue off the UI thread (figures read, reports parsed) so the window
stays responsive; asking for a figure's or a task's paragraph opens that report there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jcviewer.model.library import Catalogue, Entry
from jcviewer.model.library.compare import Comparison, compare_reports, library_report, older_first
from jcviewer.model.report import Metric
from jcviewer.ui.background import BackgroundTask

OpenParagraph = Callable[[int, str], None]
"""Open the library's report ``id`` at its paragraph ``paragraph``."""


def _figures(folder: Path, corrections: Path | None) -> list[tuple[Entry, Metric]]:
    """Every figure of the library (run in a worker: its own connection; stale reports are read again first)."""
    with Catalogue(folder, corrections) as catalogue:
        return catalogue.metrics()


def _compared(folder: Path, corrections: Path | None, cache: Path, ids: tuple[int, int]) -> tuple[object, ...]:
    """The two reports compared, older first (run in a worker)."""
    with Catalogue(folder, corrections) as catalogue:
        sides = [(entry, library_report(catalogue, entry, cache)) for entry in map(catalogue.get, ids)]
    older, newer = older_first(sides[0], sides[1])
    comparison = compare_reports(older[1], newer[1], places=(older[0].place, newer[0].place))
    return comparison, older[0], newer[0]


class _LibraryWindow(QWidget):
    """A top-level window showing ``status`` until its view arrives from a worker."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(960, 640)
        self.layout_ = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("libraryViewStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.view: QWidget | None = None
        self._task: BackgroundTask | None = None
        self._asked = 0  # how many times work was asked for: only the latest answer is shown

    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """Run ``work`` in a worker and hand its result to ``done`` — unless other work was asked for since (a
        slow first comparison must not replace the one asked for after it)."""
        self._asked += 1
        asked = self._asked  # a number, not the task: a slot holding its own task outlives it
        self._task = BackgroundTask(work, self)
        self._task.done.connect(lambda result: done(result) if asked == self._asked else None)
        self._task.failed.connect(lambda message: self._failed(message) if asked == self._asked else None)
        self._task.start()

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The library could not be read: %1").replace("%1", message))
        self.status.show()

    def _show_view(self, view: QWidget) -> None:
        if self.view is not None:
            self.view.deleteLater()
        self.view = view
        self.layout_.addWidget(view, 1)
        self.status.hide()


class IndicatorsWindow(_LibraryWindow):
    """Library ▸ Indicators over the Years: ``IndicatorsView`` over every figure of the library."""

    def __init__(
        self, folder: Path, corrections: Path | None, font: QFont, open_paragraph: OpenParagraph, parent: QWidget
    ) -> None:
        super().__init__(self.tr("Indicators over the Years — jcviewer"), parent)
        self.setObjectName("indicatorsWindow")
        self._font = font
        self._open_paragraph = open_paragraph
        self.status.setText(self.tr("Reading the library's targets and results…"))
        self._run(lambda: _figures(folder, corrections), self._arrived)

    def _arrived(self, pairs: object) -> None:
        from jcviewer.ui.indicators_view import IndicatorsView

        assert isinstance(pairs, list)
        view = IndicatorsView(pairs, chart_font=self._font, parent=self)
        view.open_paragraph.connect(self._open_paragraph)
        self._show_view(view)


class CompareWindow(_LibraryWindow):
    """Library ▸ Compare Reports: two reports picked (the one on show and the one before it of the same place,
    when there are), compared in ``CompareView``."""

    def __init__(
        self,
        folder: Path,
        corrections: Path | None,
        cache: Path,
        entries: Sequence[Entry],
        shown: Entry | None,
        open_paragraph: OpenParagraph,
        parent: QWidget,
    ) -> None:
        super().__init__(self.tr("Compare Reports — jcviewer"), parent)
        self.setObjectName("compareWindow")
        self._folder, self._corrections, self._cache = folder, corrections, cache
        self._open_paragraph = open_paragraph
        self.first = self._picker("compareFirst", entries)
        self.second = self._picker("compareSecond", entries)
        newer, older = _default_pair(entries, shown)
        if newer is not None:
            self.second.setCurrentIndex(entries.index(newer))
            other = older or next((e for e in entries if e.id != newer.id), newer)
            self.first.setCurrentIndex(entries.index(other))
        button = QPushButton(self.tr("&Compare"), self)
        button.setObjectName("compareButton")
        button.clicked.connect(self.compare)
        bar = QHBoxLayout()
        for text, picker in ((self.tr("&Older:"), self.first), (self.tr("&Newer:"), self.second)):
            label = QLabel(text, self)
            label.setBuddy(picker)
            bar.addWidget(label)
            bar.addWidget(picker, 1)
        bar.addWidget(button)
        self.layout_.insertLayout(0, bar)
        self.compare()

    def _picker(self, name: str, entries: Sequence[Entry]) -> QComboBox:
        picker = QComboBox(self)
        picker.setObjectName(name)
        for entry in entries:
            year = str(entry.year) if entry.year else "—"
            picker.addItem(f"{year}  {entry.place or ''}  {entry.title}".replace("  ", " ", 1), entry)
        return picker

    def compare(self) -> None:
        """Compare the two reports picked (the same one twice is refused, said in the status line)."""
        first, second = self.first.currentData(), self.second.currentData()
        if not isinstance(first, Entry) or not isinstance(second, Entry) or first.id == second.id:
            self.status.setText(self.tr("Pick two different reports of the library to compare."))
            self.status.show()
            return
        self.status.setText(self.tr("Reading the two reports…"))
        self.status.show()
        folder, corrections, cache, ids = self._folder, self._corrections, self._cache, (first.id, second.id)
        self._run(lambda: _compared(folder, corrections, cache, ids), self._arrived)

    def _arrived(self, result: object) -> None:
        from jcviewer.ui.compare_view import NEWER, CompareView

        assert isinstance(result, tuple)
        comparison, older, newer = result
        assert isinstance(comparison, Comparison) and isinstance(older, Entry) and isinstance(newer, Entry)
        view = CompareView(comparison, older.title, newer.title, self)
        view.paragraph_activated.connect(
            lambda side, paragraph: self._open_paragraph((newer if side == NEWER else older).id, paragraph)
        )
        self._show_view(view)


def _default_pair(entries: Sequence[Entry], shown: Entry | None) -> tuple[Entry | None, Entry | None]:
    """The report on show (else the latest) and the latest report of its place from an earlier year."""
    newer = shown or max(entries, key=lambda e: (e.year or 0, e.id), default=None)
    if newer is None:
        return None, None
    earlier = [
        e for e in entries if newer.place and e.place == newer.place and e.year and newer.year and e.year < newer.year
    ]  # two reports of no known place are not taken for one place
    return newer, max(earlier, key=lambda e: (e.year or 0, e.id), default=None)
