"""The charts pane: tabs of target and result figures, built once pyqtgraph has loaded in the background."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
        self._status = QLabel(self.tr("Loading charts…"), self)
        self._status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # an error's message is text, never markup
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._status)
        layout.addWidget(self._tabs)
        self._tabs.hide()
        self._charts: list[BarChart] = []
        self._built = False

    @property
    def is_loaded(self) -> bool:
        """True once the charts exist."""
        return self._built

    @property
    def tabs(self) -> QTabWidget:
        """The tab widget holding the three pages."""
        return self._tabs

    @property
    def charts(self) -> list[BarChart]:
        """Every chart drawn, tab by tab."""
        return list(self._charts)

    def load(self) -> None:
        """Import the chart library in the background; the charts are built when it arrives."""
        if "jcviewer.ui.charts" in sys.modules:
            self._build()
        else:
            self._import.start()

    def load_now(self) -> None:
        """Import and build the charts at once (screenshots, tests)."""
        if not self.is_loaded:
            self._build()

    def set_report(self, report: Report) -> None:
        """Show the figures of ``report``."""
        self._report = report
        self._marked_node = None
        if self.is_loaded:
            self._fill()

    def mark_node(self, node: Node | None) -> None:
        """Emphasise the bars of the target ``node`` (an outline node of the report on show) stands for, in every
        chart; any other node, or None, clears the emphasis. Charts that load later show it too."""
        self._marked_node = node
        if self._charts:
            marked = self._marked_targets()
            for chart in self._charts:
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
        if self._report is None:
            return
        current = self._tabs.currentIndex()
        old_pages = [self._tabs.widget(i) for i in range(self._tabs.count())]
        self._tabs.clear()  # removes the tabs but keeps their pages alive: delete them (charts and all)
        for page in old_pages:
            if page is not None:
                page.deleteLater()
        self._charts = []
        from jcviewer.model import figures  # with the charts, after the first paint

        report = self._report
        targets = list(figures.target_figures(report))
        comparison = figures.comparison_figure(report)
        results = list(figures.achievement_figures(report))
        target_years = _years(targets, "target")
        result_years = _years(results, "result")
        pages = [
            (
                "targetChart",
                self.tr("%1 targets").replace("%1", target_years).strip(),
                targets,
                self.tr("This report sets no numeric targets."),
            ),
            (
                "comparisonChart",
                self.tr("Result vs target"),
                [comparison] if comparison else [],
                self.tr("No indicator has both a result and a target."),
            ),
            (
                "achievementChart",
                self.tr("%1 results").replace("%1", result_years).strip(),
                results,
                self.tr("No results that are amounts or counts."),
            ),
        ]
        marked = self._marked_targets()
        for name, title, figure_list, empty in pages:
            self._tabs.addTab(self._page(name, figure_list, empty, marked), title)
        self._tabs.setCurrentIndex(max(0, current))

    def _page(self, name: str, figure_list: list[Figure], empty: str, marked: tuple[Metric, ...]) -> QWidget:
        from jcviewer.ui.charts import BarChart  # imported here: pyqtgraph stays off the start-up path

        page = QWidget()
        layout = QVBoxLayout(page)
        if not figure_list:
            note = QLabel(empty, page)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note)
            return page
        for number, figure in enumerate(figure_list, start=1):
            chart = BarChart(self._font, self._series_names(figure), page)
            chart.setObjectName(name if number == 1 else f"{name}{number}")
            chart.set_figure(figure)
            chart.set_marked(marked)
            chart.barClicked.connect(self._on_bar_clicked)
            layout.addWidget(chart, len(figure.labels) * len(figure.series))
            self._charts.append(chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

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
