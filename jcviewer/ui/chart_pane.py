"""The charts pane: tabs of target and result figures, built once pyqtgraph has loaded in the background.

A report's charts are drawn tab by tab: the current tab's at once, each other tab when it is first shown or, at the
latest, a moment after the tab before it, so no single step holds the UI thread for long. A chart draws at most
``MAX_ROWS`` rows and says so under it when there are more.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from jcviewer.model.report import Period, Report
from jcviewer.ui.background import BackgroundTask
from jcviewer.ui.fonts import FontChoice, reading_font

if TYPE_CHECKING:
    from jcviewer.model.figures import Bar, Figure
    from jcviewer.model.navigation import Node
    from jcviewer.model.report import Metric
    from jcviewer.ui.charts import BarChart

CHART_MODULES = ("numpy", "pyqtgraph", "jcviewer.ui.charts")
CHART_POINT_SIZE = 10.0
MAX_ROWS = 40
"""Rows (labels) a chart draws at most: the first in report order, with a note saying how many there are. A real
report has ~5–20 targets; a text of repeated pages can have thousands, and a row costs ~1–3 ms of UI thread."""
LATER_TAB_DELAY_MS = 50
"""Pause before drawing the next tab not on show: a few frames, so the window paints first (a zero timer fires
before the paint) and input waiting is handled between two tabs."""


def _years(figure_list: list[Figure], period: Period) -> str:
    years = sorted(
        {
            bar.metric.year
            for f in figure_list
            for name, bars in f.series
            if name == period
            for bar in bars
            if bar.metric.year
        }
    )
    return "、".join(map(str, years))


def first_rows(figure: Figure, count: int) -> Figure:
    """``figure`` cut to its first ``count`` labels (all of it when it has no more)."""
    if len(figure.labels) <= count:
        return figure
    return replace(figure, labels=figure.labels[:count], series=tuple((n, bars[:count]) for n, bars in figure.series))


class _Tab(NamedTuple):
    """What a tab shows once drawn: its charts' object name, its figures (asked for when drawn; the comparison
    figure is computed then, the others are ready for the tab titles), the note when there are none."""

    name: str
    figures: Callable[[], list[Figure]]
    empty: str


class ChartPane(QWidget):
    """Three tabs: targets (``targetChart``), result vs target (``comparisonChart``), results (``achievementChart``).

    Charts appear when ``load()`` has imported pyqtgraph off the UI thread, or at once with ``load_now()``.
    """

    barClicked = Signal(object)  # Bar  # noqa: N815

    def __init__(self, font_choice: FontChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPane")
        self._font = reading_font(font_choice, CHART_POINT_SIZE)
        self._report: Report | None = None
        self._marked_node: Node | None = None
        self._import = BackgroundTask(lambda: [importlib.import_module(name) for name in CHART_MODULES], self)
        self._import.done.connect(self._build)
        self._import.failed.connect(self._show_failure)
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("chartTabs")
        self._tabs.currentChanged.connect(self._draw_tab)
        self._status = QLabel(self.tr("Loading charts…"), self)
        self._status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # an error's message is text, never markup
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._status)
        layout.addWidget(self._tabs)
        self._tabs.hide()
        self._charts: dict[int, list[BarChart]] = {}  # by tab, for the tabs drawn
        self._undrawn: dict[int, _Tab] = {}  # by tab, for the tabs still to draw
        self._next_tab = QTimer(self)  # draws the next undrawn tab once the window has painted the last one drawn
        self._next_tab.setSingleShot(True)
        self._next_tab.setInterval(LATER_TAB_DELAY_MS)
        self._next_tab.timeout.connect(self._draw_next_tab)
        self._built = False

    @property
    def is_loaded(self) -> bool:
        """True once the charts of every tab exist."""
        return self._built and not self._undrawn

    @property
    def tabs(self) -> QTabWidget:
        """The tab widget holding the three pages."""
        return self._tabs

    @property
    def charts(self) -> list[BarChart]:
        """Every chart drawn, tab by tab."""
        return [chart for _, charts in sorted(self._charts.items()) for chart in charts]

    def load(self) -> None:
        """Import the chart library in the background; the charts are built when it arrives."""
        if "jcviewer.ui.charts" in sys.modules:
            self._build()
        else:
            self._import.start()

    def load_now(self) -> None:
        """Import and build the charts of every tab at once (screenshots, tests)."""
        self._build()
        while self._undrawn:
            self._draw_tab(min(self._undrawn))

    def set_report(self, report: Report) -> None:
        """Show the figures of ``report``."""
        self._report = report
        self._marked_node = None
        if self._built:
            self._fill()

    def mark_node(self, node: Node | None) -> None:
        """Emphasise the bars of the target ``node`` (an outline node of the report on show) stands for, in every
        chart; any other node, or None, clears the emphasis. Charts drawn later show it too."""
        self._marked_node = node
        if self._charts:
            marked = self._marked_targets()
            for chart in self.charts:
                chart.set_marked(marked)

    def _marked_targets(self) -> tuple[Metric, ...]:
        if self._marked_node is None or self._report is None:
            return ()
        from jcviewer.model.figures import node_targets  # with the charts, after the first paint

        return node_targets(self._report, self._marked_node)

    def _show_failure(self, reason: str) -> None:
        self._status.setText(self.tr("Charts are unavailable: %1").replace("%1", reason))

    def _build(self, _: object = None) -> None:
        if self._built:
            return
        self._built = True
        self._status.hide()
        self._tabs.show()
        self._fill()

    def _fill(self) -> None:
        """Replace the tabs with empty ones for the report on show; draw the current tab now, the rest later."""
        if self._report is None:
            return
        from jcviewer.model import figures  # with the charts, after the first paint

        report = self._report
        targets = list(figures.target_figures(report))
        results = list(figures.achievement_figures(report))
        tabs = [
            (
                self.tr("%1 targets").replace("%1", _years(targets, "target")).strip(),
                _Tab("targetChart", lambda: targets, self.tr("This report sets no numeric targets.")),
            ),
            (
                self.tr("Result vs target"),
                _Tab(
                    "comparisonChart",
                    lambda: [f for f in (figures.comparison_figure(report),) if f is not None],  # costliest: when drawn
                    self.tr("No indicator has both a result and a target."),
                ),
            ),
            (
                self.tr("%1 results").replace("%1", _years(results, "result")).strip(),
                _Tab("achievementChart", lambda: results, self.tr("No results that are amounts or counts.")),
            ),
        ]
        current = max(0, self._tabs.currentIndex())
        old_pages = [self._tabs.widget(i) for i in range(self._tabs.count())]
        with QSignalBlocker(self._tabs):  # no tab is drawn while they are replaced
            self._tabs.clear()  # removes the tabs but keeps their pages alive: delete them (charts and all)
            for old in old_pages:
                if old is not None:
                    old.setParent(None)  # at once out of the pane (findChild finds the new charts only)
                    old.deleteLater()
            self._charts, self._undrawn = {}, {}
            for index, (title, tab) in enumerate(tabs):
                page = QScrollArea()
                page.setWidgetResizable(True)
                page.setFrameShape(QScrollArea.Shape.NoFrame)
                self._tabs.addTab(page, title)
                self._undrawn[index] = tab
            self._tabs.setCurrentIndex(current)
        self._draw_tab(current)

    def _draw_tab(self, index: int) -> None:
        """Draw tab ``index`` if it has not been drawn, then schedule the next undrawn one."""
        tab = self._undrawn.pop(index, None)
        page = self._tabs.widget(index)
        if tab is not None and isinstance(page, QScrollArea):
            page.setWidget(self._page(index, tab))
        if self._undrawn:
            self._next_tab.start()

    def _draw_next_tab(self) -> None:
        if self._undrawn:
            self._draw_tab(min(self._undrawn))

    def _page(self, index: int, tab: _Tab) -> QWidget:
        from jcviewer.ui.charts import BarChart  # imported here: pyqtgraph stays off the start-up path

        page = QWidget()
        layout = QVBoxLayout(page)
        figure_list = tab.figures()
        if not figure_list:
            note = QLabel(tab.empty, page)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note)
            return page
        marked = self._marked_targets()
        charts = self._charts.setdefault(index, [])
        for number, whole in enumerate(figure_list, start=1):
            figure = first_rows(whole, MAX_ROWS)
            chart = BarChart(self._font, self._series_names(figure), page)
            chart.setObjectName(tab.name if number == 1 else f"{tab.name}{number}")
            chart.set_figure(figure)
            chart.set_marked(marked)
            chart.barClicked.connect(self._on_bar_clicked)
            layout.addWidget(chart, len(figure.labels) * len(figure.series))
            charts.append(chart)
            if figure is not whole:
                layout.addWidget(self._cut_note(chart, len(figure.labels), len(whole.labels)))
        return page

    def _cut_note(self, chart: BarChart, shown: int, total: int) -> QLabel:
        """The line under a chart cut to its first rows: how many of how many it shows."""
        text = self.tr("Showing the first %1 of %2 indicators").replace("%1", str(shown)).replace("%2", str(total))
        note = QLabel(text, chart.parentWidget())
        note.setObjectName(f"{chart.objectName()}Note")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return note

    @staticmethod
    def _series_names(figure: Figure) -> dict[Period, str]:
        """Legend entries with their year: "2023年实绩", "2024年目标"."""
        names: dict[Period, str] = {
            "result": QCoreApplication.translate("Metric", "%1 result"),
            "target": QCoreApplication.translate("Metric", "%1 target"),
        }
        return {series: names[series].replace("%1", _years([figure], series)).strip() for series, _ in figure.series}

    def _on_bar_clicked(self, bar: Bar) -> None:
        self.barClicked.emit(bar)
