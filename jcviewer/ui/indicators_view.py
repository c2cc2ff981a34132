"""The Indicators view: one indicator followed over the years across the library — per place and year the target
set, the result later reported, and whether it was met — as a table and a chart per place.

It is given the library's figures (``Catalogue.metrics()``: entry and metric pairs), not a catalogue, and asks the
model for the timeline (``library.indicators``). Target and result cells lead to their paragraph
(``open_paragraph(report_id, paragraph)``). The charts draw the target as a band (a range, or "about" ±0.5 points)
or a line with a marker (▲ at least, ▼ at most, as read on the axis), the result as a dot (hollow when an estimate);
a place whose figures are mostly falls is drawn on the sizes of the falls, the axis labelled with the verb (下降 %),
so a fall's target and its marker read as printed (下降3%以上: ▲ at 3); pyqtgraph is
imported when the first chart is drawn, never when this module loads. Report text is data: cells are plain text,
tooltips escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGraphicsRectItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.library.indicator_table import shown, write_table
from jcviewer.model.library.indicators import ABOUT_POINTS, Figure, YearRow, indicator_names, indicator_timeline
from jcviewer.model.parse.units import unit_scale
from jcviewer.model.vocabulary import Synonyms
from jcviewer.ui.markup import plain_tooltip

if TYPE_CHECKING:
    from jcviewer.model.library import Entry
    from jcviewer.model.report import Metric

COLUMN_PLACE, COLUMN_YEAR, COLUMN_TARGET, COLUMN_RESULT, COLUMN_MET = range(5)
FIGURE = Qt.ItemDataRole.UserRole  # the Figure a target or result cell shows
ALL_PLACES = ""  # the place filter's data for "every place"
NO_PLACE = "\x00"  # the place filter's data for the rows whose place is unknown
BAR_HALF_WIDTH = 0.3  # years are 1 apart: a target spans ±0.3 around its year
MET_MARKS = {True: "✓", False: "✗", None: "—"}
TARGET_SYMBOLS = {"at_least": "t1", "at_most": "t"}  # pyqtgraph's triangles up and down


class IndicatorsView(QWidget):
    """An indicator picker (``indicatorPicker``), a place filter (``placeFilter``), the table
    (``indicatorTable``: place, year, target, result, met), a chart per place (``indicatorChart0``, …) and an
    Export CSV… button (``exportCsv``)."""

    open_paragraph = Signal(int, str)

    def __init__(
        self,
        pairs: Sequence[tuple[Entry, Metric]],
        synonyms: Synonyms | None = None,
        chart_font: QFont | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorsView")
        self._pairs = list(pairs)
        self._synonyms = synonyms
        self._chart_font = chart_font or QFont(self.font())
        self._rows: list[YearRow] = []
        self.charts: list[PlaceChart] = []
        self.picker = QComboBox(self)
        self.picker.setObjectName("indicatorPicker")
        self.picker.addItems(indicator_names(self._pairs))
        self.places = QComboBox(self)
        self.places.setObjectName("placeFilter")
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("exportCsv")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("indicatorTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Place"), self.tr("Year"), self.tr("Target"), self.tr("Result"), self.tr("Met")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().sectionResized.connect(self._fit_table)
        self.note = QLabel(self)
        self.note.setObjectName("indicatorNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self._chart_box = QWidget()
        self._chart_layout = QVBoxLayout(self._chart_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._chart_box)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("Indicator:"), self.picker), (self.tr("Place:"), self.places)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget, 1)
        bar.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)  # the table is narrow: the charts take the rest
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.picker.currentTextChanged.connect(self._pick)
        self.places.currentIndexChanged.connect(self._show)
        self.table.itemActivated.connect(self._on_activated)
        self.export_button.clicked.connect(self.choose_export)
        self._pick(self.picker.currentText())

    @property
    def rows(self) -> list[YearRow]:
        """The timeline of the indicator picked, every place."""
        return list(self._rows)

    @property
    def shown_rows(self) -> list[YearRow]:
        """The rows of the place chosen (all of them when no place is)."""
        place = self.places.currentData()
        if not place:
            return list(self._rows)
        return [row for row in self._rows if (row.place or NO_PLACE) == place]

    def set_indicator(self, name: str) -> None:
        """Show the indicator ``name`` (one of the picker's)."""
        self.picker.setCurrentText(name)

    def _pick(self, name: str) -> None:
        self._rows = indicator_timeline(self._pairs, name, self._synonyms) if name else []
        chosen = self.places.currentData()
        with QSignalBlocker(self.places):  # refilled, then shown once
            self.places.clear()
            self.places.addItem(self.tr("All places"), ALL_PLACES)
            for place in sorted({row.place or NO_PLACE for row in self._rows}):
                self.places.addItem(self.tr("Place not set") if place == NO_PLACE else place, place)
            self.places.setCurrentIndex(max(0, self.places.findData(chosen)))
        self.export_button.setEnabled(bool(self._rows))
        self._show()

    def _show(self) -> None:
        rows = self.shown_rows
        if not self._pairs:
            self.note.setText(self.tr("The library holds no targets or results yet."))
        elif not rows:
            self.note.setText(self.tr("No target or result for this indicator."))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            self.table.setItem(number, COLUMN_PLACE, QTableWidgetItem(row.place or self.tr("Place not set")))
            year = QTableWidgetItem(str(row.year))
            year.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(number, COLUMN_YEAR, year)
            self.table.setItem(number, COLUMN_TARGET, self._figure_item(row.target))
            self.table.setItem(number, COLUMN_RESULT, self._figure_item(row.result))
            met = QTableWidgetItem(MET_MARKS[row.met])
            met.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            met.setToolTip(self._met_tip(row.met))
            self.table.setItem(number, COLUMN_MET, met)
        self._draw_charts(rows)

    def _fit_table(self) -> None:
        """Keep the table as wide as its columns (sized to their contents whenever they change), so the met column
        is never scrolled out of sight."""
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        frame = self.table.width() - self.table.viewport().width() if self.table.isVisible() else 0
        frame = max(frame, 2 * self.table.frameWidth())
        self.table.setMinimumWidth(self.table.horizontalHeader().length() + scroll_bar + frame)

    def _met_tip(self, met: bool | None) -> str:
        if met is None:
            return self.tr("Cannot tell: a side is missing or the units differ")
        return self.tr("Met") if met else self.tr("Missed")

    def figure_text(self, figure: Figure) -> str:
        """A figure as the table shows it: "≥5%", "≈6%", "5–5.5%", a fall as its size under its verb ("下降3.3%",
        "下降≥3%"), as the CSV; an estimate as "est. 4.5%"."""
        text = shown(figure)
        return self.tr("est. %1").replace("%1", text) if figure.estimate else text

    def _figure_item(self, figure: Figure | None) -> QTableWidgetItem:
        if figure is None:
            return QTableWidgetItem("—")
        item = QTableWidgetItem(self.figure_text(figure))
        item.setData(FIGURE, figure)
        item.setToolTip(plain_tooltip(f"{figure.report_title}\n{figure.text}"))
        return item

    def _on_activated(self, item: QTableWidgetItem) -> None:
        figure = item.data(FIGURE)
        if isinstance(figure, Figure):
            self.open_paragraph.emit(figure.report_id, figure.paragraph)

    # --- export -----------------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        """Export CSV…: the timeline of every place, as the table shows it, to a CSV file WPS and Excel read."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), f"{self.picker.currentText()}.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> None:
        """Write the picked indicator's timeline, every place, to ``path`` (CSV with a BOM, column headings in the
        UI's language); a failure is shown in a dialog."""
        from jcviewer.ui import dialogs

        try:
            write_table(self._rows, path, self.csv_headers())
        except OSError as error:
            dialogs.show_save_error(self, str(path), error)

    def csv_headers(self) -> list[str]:
        """The CSV's column headings, translated, in the order of ``indicator_table.HEADERS``."""
        return [
            self.tr("place"),
            self.tr("year"),
            self.tr("target"),
            self.tr("target value"),
            self.tr("target value max"),
            self.tr("target unit"),
            self.tr("target qualifier"),
            self.tr("result"),
            self.tr("result value"),
            self.tr("result unit"),
            self.tr("estimate"),
            self.tr("met"),
            self.tr("target report"),
            self.tr("target paragraph"),
            self.tr("result report"),
            self.tr("result paragraph"),
        ]

    # --- charts -----------------------------------------------------------------------------------------------
    def _draw_charts(self, rows: list[YearRow]) -> None:
        for drawn in self.charts:
            drawn.widget.setParent(None)
            drawn.widget.deleteLater()
        self.charts = []
        by_place: dict[tuple[str | None, int | None], list[YearRow]] = {}
        for row in rows:  # a report of no place is a place of its own: a chart of its own, named by its title
            by_place.setdefault((row.place, row.own_report), []).append(row)
        for (place, _), place_rows in by_place.items():
            chart = self._chart(place or self._unplaced_title(place_rows[0]), place_rows)
            if chart is not None:
                chart.widget.setObjectName(f"indicatorChart{len(self.charts)}")
                self._chart_layout.addWidget(chart.widget)
                self.charts.append(chart)

    def _unplaced_title(self, row: YearRow) -> str:
        """The title of the chart of a report whose place is not set: that, and the report's title."""
        figure = row.target or row.result
        return self.tr("Place not set") + (f" · {figure.report_title}" if figure and figure.report_title else "")

    def _chart(self, title: str, rows: list[YearRow]) -> PlaceChart | None:
        """One place's chart, in the unit most of its figures have (the others converted when comparable, else
        left out); None when it has no figure with a number."""
        figures = [f for row in rows for f in (row.target, row.result) if f is not None and f.value is not None]
        if not figures:
            return None
        units = [f.unit for f in figures]
        unit = max(units, key=units.count)
        falls = [f.measure for f in figures if f.is_fall]
        fall = max(falls, key=falls.count) if 2 * len(falls) > len(figures) else ""  # drawn on the sizes of falls
        import pyqtgraph as pg  # with the first chart: never on the start-up path

        from jcviewer.ui.charts import SERIES_STYLE, SERIES_STYLE_DARK

        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.Text)
        base_color = palette.color(QPalette.ColorRole.Base)
        styles = SERIES_STYLE_DARK if base_color.lightness() < 128 else SERIES_STYLE
        target_fill, target_line = styles["target"]
        result_line = styles["result"][1]
        plot = pg.PlotWidget()
        plot.setBackground(base_color)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setTitle(title, color=text_color, size=f"{self._chart_font.pointSizeF():.0f}pt")
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTickFont(self._chart_font)
            axis.setPen(pg.mkPen(text_color))
            axis.setTextPen(pg.mkPen(text_color))
        item.getAxis("left").setLabel(f"{fall} {unit}".strip() or None)
        years = sorted({row.year for row in rows})
        item.getAxis("bottom").setTicks([[(year, str(year)) for year in years], []])
        chart = PlaceChart(title, unit, QWidget(), fall=fall)
        for row in rows:
            target = _on_axis(row.target, unit, bool(fall))
            if target is not None and row.target is not None:
                low, high = target
                if row.target.qualifier == "about" and unit == "%":
                    item.plot(  # the target itself, inside its band
                        [row.year - BAR_HALF_WIDTH, row.year + BAR_HALF_WIDTH], [low, low],
                        pen=pg.mkPen(target_line, width=1.2, style=Qt.PenStyle.DashLine),
                    )  # fmt: skip
                    low, high = low - ABOUT_POINTS, low + ABOUT_POINTS
                if high is not None:
                    band = QGraphicsRectItem(row.year - BAR_HALF_WIDTH, low, 2 * BAR_HALF_WIDTH, high - low)
                    band.setPen(pg.mkPen(target_line, width=1.2))
                    band.setBrush(pg.mkBrush(target_fill + "80"))
                    item.addItem(band)
                    chart.bands.append((row.year, low, high))
                else:
                    xs = [row.year - BAR_HALF_WIDTH, row.year + BAR_HALF_WIDTH]
                    item.plot(xs, [low, low], pen=pg.mkPen(target_line, width=2.5))
                    bound = _bound_on_axis(row.target, bool(fall))
                    if bound in TARGET_SYMBOLS:
                        item.plot([row.year], [low], pen=None, symbol=TARGET_SYMBOLS[bound], symbolBrush=target_fill)
                        chart.marks.append((row.year, bound))
                    chart.lines.append((row.year, low))
            result = _on_axis(row.result, unit, bool(fall))
            if result is not None and row.result is not None:
                estimate = row.result.estimate
                item.plot(
                    [row.year], [result[0]], pen=None, symbol="o", symbolSize=11,
                    symbolBrush=pg.mkBrush(base_color if estimate else result_line),
                    symbolPen=pg.mkPen(result_line, width=2),
                )  # fmt: skip
                chart.points.append((row.year, result[0], estimate))
        item.setXRange(years[0] - 0.6, years[-1] + 0.6, padding=0)
        plot.setMinimumHeight(200)
        legend = QLabel(self.tr("Band or line: target (▲ at least, ▼ at most) · ● result · ○ estimate"))
        legend.setTextFormat(Qt.TextFormat.PlainText)
        legend.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box_layout = QVBoxLayout(chart.widget)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(plot)
        box_layout.addWidget(legend)
        return chart


@dataclass
class PlaceChart:
    """One place's chart and what it draws, in ``unit``: target bands (year, low, high), target lines (year,
    value) and their marks (year, "at_least" ▲ or "at_most" ▼, as they read on the axis), result points (year,
    value, estimate). When most of its figures are falls, ``fall`` is the fall's verb (下降) and the axis, so
    labelled, holds the sizes of the falls (下降3%以上 is a line at 3 with ▲; a rise of 1% is at −1)."""

    place: str
    unit: str
    widget: QWidget
    bands: list[tuple[int, float, float]] = field(default_factory=list)
    lines: list[tuple[int, float]] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    points: list[tuple[int, float, bool]] = field(default_factory=list)
    fall: str = ""


def _on_axis(figure: Figure | None, unit: str, sizes: bool) -> tuple[float, float | None] | None:
    """The figure's value and upper bound on a chart in ``unit``, signed or (``sizes``) as the sizes of a fall;
    None when it has no number or cannot be converted."""
    drawn = _in_unit(figure, unit)
    if drawn is None or not sizes:
        return drawn
    low, high = drawn
    return (-low or 0.0, None) if high is None else (-high or 0.0, -low or 0.0)


def _bound_on_axis(target: Figure, sizes: bool) -> str:
    """The target's qualifier as it reads on the chart's axis: a fall's "at least" (下降3%以上) is "at most" on
    signed values, a rise's is "at most" on the sizes of falls."""
    if target.is_fall == sizes:
        return target.qualifier
    return {"at_least": "at_most", "at_most": "at_least"}.get(target.qualifier, target.qualifier)


def _in_unit(figure: Figure | None, unit: str) -> tuple[float, float | None] | None:
    """The figure's value (and upper bound) in ``unit``, or None when it has no number or cannot be converted."""
    if figure is None or figure.value is None:
        return None
    if figure.unit == unit:
        return figure.value, figure.value_max
    (base, factor), (figure_base, figure_factor) = unit_scale(unit), unit_scale(figure.unit)
    if figure_base != base or "%" in (unit, figure.unit):
        return None
    ratio = figure_factor / factor
    return figure.value * ratio, None if figure.value_max is None else figure.value_max * ratio
