"""Horizontal bar charts of report figures, drawn with pyqtgraph (imported only here, and only when charts load).

Bars are horizontal so long Chinese indicator names read on the left axis. Series differ in lightness and
outline, not only in hue, so a greyscale printout still tells result from target; every bar carries its value
as printed ("≈6%", "≥10%"). Hovering shows the source sentence; clicking emits the bar. The legend sits below
the plot, never over a bar; the row of the target selected in the outline is framed in the selection colour.
Every colour comes from the widget's palette and is redrawn when the palette changes (a theme switch).
"""

from __future__ import annotations

from collections.abc import Collection

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPalette, QPolygonF
from PySide6.QtWidgets import QGraphicsRectItem, QSizePolicy, QToolTip, QWidget

from jcviewer.model.figures import Bar, Figure
from jcviewer.model.report import Metric, Period
from jcviewer.ui.markup import plain_tooltip

ROW_FILL = 0.72  # share of a row's height taken by its bars
SERIES_STYLE: dict[Period, tuple[str, str]] = {  # fill lightness and outline: readable without colour
    "result": ("#d9d9d9", "#404040"),
    "target": ("#3b5b7a", "#1d2e3e"),
}
SERIES_STYLE_DARK: dict[Period, tuple[str, str]] = {"result": ("#5c5c5c", "#d0d0d0"), "target": ("#8fb4d9", "#dbe8f5")}
LEGEND_ROW = 4  # PlotItem's grid: title 0, top axis 1, plot 2, bottom axis 3; the legend goes below them all
MARK_HALF_HEIGHT = 0.47  # the marked row's frame runs in the gaps between rows (bars fill ±ROW_FILL / 2)
MARK_PEN = 2.5
MARK_FILL_ALPHA = 56
MARK_MIN_LIGHTNESS_STEP = 60  # how far the emphasis must be from the background in lightness (greyscale print)


def emphasis_color(palette: QPalette) -> QColor:
    """The selection colour, or the text colour when the selection colour is too close to the background in
    lightness to show in greyscale."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorRole.Base)
    if abs(highlight.lightness() - base.lightness()) >= MARK_MIN_LIGHTNESS_STEP:
        return highlight
    return palette.color(QPalette.ColorRole.Text)


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """``share`` of ``a``, the rest ``b`` (a frame colour between text and background)."""
    return QColor.fromRgbF(
        share * a.redF() + (1 - share) * b.redF(),
        share * a.greenF() + (1 - share) * b.greenF(),
        share * a.blueF() + (1 - share) * b.blueF(),
    )


class BarChart(pg.PlotWidget):
    """One figure: a row per label, a bar per series in each row, values written at the bar ends."""

    barClicked = Signal(object)  # Bar  # noqa: N815

    def __init__(self, font: QFont, series_names: dict[Period, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font = font
        self._series_names = series_names
        self._figure: Figure | None = None
        self._rects: list[tuple[QRectF, Bar]] = []
        self.hovered_bar: Bar | None = None
        self._marked: frozenset[Metric] = frozenset()
        self._legend: pg.LegendItem | None = None
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.invertY(True)
        for name in ("left", "bottom"):
            item.getAxis(name).setTickFont(font)
        item.getAxis("left").setStyle(tickLength=0)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.setMinimumHeight(160)

    @property
    def figure(self) -> Figure | None:
        """The figure on show."""
        return self._figure

    @property
    def series_names(self) -> dict[Period, str]:
        """Legend text per series ("result" → "2023年实绩")."""
        return dict(self._series_names)

    @property
    def bars(self) -> list[Bar]:
        """Every bar drawn, in drawing order."""
        return [bar for _, bar in self._rects]

    def set_figure(self, figure: Figure) -> None:
        """Draw ``figure``, replacing what was drawn."""
        self._figure = figure
        self._draw()

    def set_marked(self, metrics: Collection[Metric]) -> None:
        """Emphasise the rows holding a bar of any of ``metrics`` (the target selected in the outline); an empty
        collection clears the emphasis. The chart is redrawn only when the rows to emphasise change."""
        before = self.marked_rows
        self._marked = frozenset(metrics)
        if self.marked_rows != before:
            self._draw()

    @property
    def marked_rows(self) -> tuple[int, ...]:
        """The rows drawn with the emphasis, top to bottom."""
        figure = self._figure
        if figure is None or not self._marked:
            return ()
        return tuple(
            row
            for row in range(len(figure.labels))
            if any(bars[row].metric in self._marked for _, bars in figure.series)
        )

    @property
    def legend(self) -> pg.LegendItem | None:
        """The legend below the plot (a figure with more than one series), else None."""
        return self._legend

    def _draw(self) -> None:
        item = self.getPlotItem()
        item.clear()
        self._drop_legend()
        self._rects = []
        figure = self._figure
        if figure is None:
            return
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        styles = SERIES_STYLE_DARK if dark else SERIES_STYLE
        text_color = palette.color(QPalette.ColorRole.Text)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text_color))
            axis.setTextPen(pg.mkPen(text_color))
        rows, series_count = len(figure.labels), len(figure.series)
        height = ROW_FILL / series_count
        longest = max((bar.value for _, bars in figure.series for bar in bars), default=1.0) or 1.0
        marked_rows = self.marked_rows
        emphasis = emphasis_color(palette)
        for row in marked_rows:
            self._add_emphasis(QRectF(0, row - MARK_HALF_HEIGHT, longest * 1.3, 2 * MARK_HALF_HEIGHT), emphasis)
        graphs = []
        for number, (series, bars) in enumerate(figure.series):
            fill, outline = styles[series]
            ys = [row + (number - (series_count - 1) / 2) * height for row in range(len(bars))]
            graph = pg.BarGraphItem(
                x0=[0] * len(bars),
                y=ys,
                height=height * 0.92,
                width=[b.value for b in bars],
                brush=pg.mkBrush(fill),
                pens=[
                    pg.mkPen(emphasis, width=MARK_PEN) if row in marked_rows else pg.mkPen(outline, width=1.2)
                    for row in range(len(bars))
                ],
            )
            item.addItem(graph)
            graphs.append((graph, self._series_names[series]))
            for y, bar in zip(ys, bars, strict=True):
                self._rects.append((QRectF(0, y - height / 2, bar.value, height), bar))
                label = pg.TextItem(bar.text, color=text_color, anchor=(0, 0.5))
                label.setFont(self._font)
                label.setPos(bar.value + longest * 0.02, y)
                item.addItem(label)
        if series_count > 1:
            self._add_legend(graphs, palette)
        left = item.getAxis("left")
        left.setTicks([list(enumerate(figure.labels)), []])
        metrics = QFontMetrics(self._font)
        left.setWidth(max((metrics.horizontalAdvance(label) for label in figure.labels), default=40) + 12)
        item.getAxis("bottom").setLabel(figure.unit or None)
        item.setYRange(-0.6, rows - 0.4, padding=0)
        item.setXRange(0, longest * 1.3, padding=0)
        legend_height = self._legend.preferredHeight() if self._legend else 0
        self.setMinimumHeight(int(max(160, 30 * rows * series_count + 60 + legend_height)))

    def _add_emphasis(self, rect: QRectF, color: QColor) -> None:
        band = QGraphicsRectItem(rect)
        band.setPen(pg.mkPen(color, width=MARK_PEN))
        fill = QColor(color)
        fill.setAlpha(MARK_FILL_ALPHA)
        band.setBrush(fill)
        self.getPlotItem().addItem(band)
        band.setZValue(-1)  # behind the bars and their values

    def _add_legend(self, graphs: list[tuple[pg.BarGraphItem, str]], palette: QPalette) -> None:
        """The legend in its own row below the bottom axis, where it can never cover a bar or a value."""
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        legend = pg.LegendItem(
            offset=None, colCount=len(graphs), labelTextColor=text, brush=base, pen=_mix(text, base, 0.4)
        )
        legend.setLabelTextSize(f"{self._font.pointSizeF():.0f}pt")
        for graph, name in graphs:
            legend.addItem(graph, name)
        legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # its own size, centred
        layout = self.getPlotItem().layout
        layout.addItem(legend, LEGEND_ROW, 1)
        layout.setAlignment(legend, Qt.AlignmentFlag.AlignHCenter)
        self._legend = legend

    def _drop_legend(self) -> None:
        legend, self._legend = self._legend, None
        if legend is not None:
            self.getPlotItem().layout.removeItem(legend)
            self.scene().removeItem(legend)

    # --- hit testing ----------------------------------------------------------------------------------------
    def bar_at(self, point: QPointF) -> Bar | None:
        """The bar under a point in data coordinates, or None."""
        return next((bar for rect, bar in self._rects if rect.contains(point)), None)

    def bar_rect(self, bar: Bar) -> QRectF:
        """The rectangle a bar takes in scene coordinates."""
        rect = next(rect for rect, drawn in self._rects if drawn is bar)
        corners: QPolygonF = self.getPlotItem().vb.mapViewToScene(rect)
        return corners.boundingRect()

    def bar_position(self, bar: Bar) -> QPointF:
        """The centre of a bar in widget (viewport) coordinates."""
        return QPointF(self.mapFromScene(self.bar_rect(bar).center()))

    def _bar_at_scene(self, scene_point: QPointF) -> Bar | None:
        view_box = self.getPlotItem().vb
        if not view_box.sceneBoundingRect().contains(scene_point):
            return None
        return self.bar_at(view_box.mapSceneToView(scene_point))

    def _on_mouse_moved(self, scene_point: QPointF) -> None:
        bar = self._bar_at_scene(scene_point)
        if bar is self.hovered_bar:
            return
        self.hovered_bar = bar
        self.setCursor(Qt.CursorShape.PointingHandCursor if bar else Qt.CursorShape.ArrowCursor)
        if bar is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), plain_tooltip(self.hover_text(bar)), self)

    def hover_text(self, bar: Bar) -> str:
        """What hovering a bar shows: the label, the value as printed, the sentence it comes from."""
        return f"{bar.label}  {bar.text}\n{bar.metric.text}"

    def _on_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        bar = self._bar_at_scene(event.scenePos())  # type: ignore[attr-defined]
        if bar is not None:
            self.barClicked.emit(bar)

    def changeEvent(self, event: object) -> None:  # noqa: N802
        super().changeEvent(event)
        # pyqtgraph changes the palette role while constructing, before this class has a figure; its close() drops
        # the plot item, and a closed chart may still hear of a theme switch
        if event.type() != event.Type.PaletteChange:  # type: ignore[attr-defined]
            return
        if getattr(self, "_figure", None) and self.getPlotItem() is not None:
            self._draw()
