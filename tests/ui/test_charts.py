"""The bar chart on figures built here: its legend under a theme switch, and the marked row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from chart_probe import GREY_STEP, frame_step
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jcviewer.app import Session
from jcviewer.model.figures import Bar, Figure
from jcviewer.model.report import Metric
from jcviewer.ui.charts import BarChart
from jcviewer.ui.fonts import reading_font

READABLE = 4.5  # WCAG's contrast ratio for body text


def metric(label: str, value: float, period: str) -> Metric:
    return Metric(
        label, label, "", value, None, "%", "exact", period, 2024, f"{value:g}%", f"{label}{value:g}%。", "p1", (0, 1)
    )


def two_series(rows: list[tuple[str, float, float]]) -> Figure:
    """Result and target per row; the first row holds the longest bars, where a corner legend would sit."""
    results = tuple(Bar(label, r, f"{r:g}%", metric(label, r, "result")) for label, r, _ in rows)
    targets = tuple(Bar(label, t, f"{t:g}%", metric(label, t, "target")) for label, _, t in rows)
    return Figure("%", tuple(label for label, _, _ in rows), (("result", results), ("target", targets)))


FIGURE = two_series([("甲指标增长", 30.0, 28.0), ("乙指标增长", 6.0, 8.0), ("丙指标增长", 12.0, 10.0)])


@pytest.fixture
def chart(qtbot: QtBot, session: Session) -> BarChart:
    shown = BarChart(reading_font(session.fonts, 10.0), {"result": "2023年实绩", "target": "2024年目标"})
    qtbot.addWidget(shown)
    shown.set_figure(FIGURE)
    shown.resize(460, 320)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def themed(session: Session) -> Iterator[object]:
    """Switch themes while the chart is on screen (as View ▸ Theme does); back to the system look afterwards."""

    def switch(theme: str) -> None:
        session.theme.apply(theme)
        QApplication.processEvents()

    yield switch
    switch("system")


def legend_of(chart: BarChart) -> pg.LegendItem:
    (legend,) = [item for item in chart.scene().items() if isinstance(item, pg.LegendItem)]
    return legend


def viewport_rect(chart: BarChart, scene_rect: QRectF) -> QRectF:
    return QRectF(chart.mapFromScene(scene_rect).boundingRect())


def luminance(color: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def commonest_colour(image: QImage, rect: QRectF) -> QColor:
    area = rect.toRect().intersected(image.rect())
    pixels = (image.pixel(x, y) for x in range(area.left(), area.right()) for y in range(area.top(), area.bottom()))
    return QColor(Counter(pixels).most_common(1)[0][0])


def legend_background(chart: BarChart, legend: pg.LegendItem) -> QColor:
    """The legend's own fill, or the chart's background where the legend has none."""
    brush = legend.brush()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else chart.backgroundBrush().color()


def test_legend_sits_below_the_plot_and_covers_no_bar_or_value(chart: BarChart) -> None:
    legend = legend_of(chart).sceneBoundingRect()
    values = [item.sceneBoundingRect() for item in chart.getPlotItem().items if isinstance(item, pg.TextItem)]
    assert len(values) == len(chart.bars) == 6
    for rect in [chart.bar_rect(bar) for bar in chart.bars] + values:
        assert not rect.intersects(legend), (rect, legend)
    assert legend.top() >= chart.getPlotItem().getAxis("bottom").sceneBoundingRect().top()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_legend_text_and_background_follow_a_theme_switch(chart: BarChart, themed, theme: str) -> None:
    themed(theme)
    base = chart.palette().color(QPalette.ColorRole.Base)
    assert (base.lightness() < 128) == (theme == "dark")
    legend = legend_of(chart)
    background = legend_background(chart, legend)
    assert abs(background.lightness() - base.lightness()) < 8, (background.name(), base.name())
    drawn = commonest_colour(chart.grab().toImage(), viewport_rect(chart, legend.sceneBoundingRect()))
    assert abs(drawn.lightness() - background.lightness()) < 8, (drawn.name(), background.name())  # it is painted
    texts = [pg.mkColor(label.opts["color"]) for _, label in legend.items]
    assert len(texts) == 2
    for text in texts:
        assert contrast(text, background) >= READABLE, (theme, text.name(), background.name())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_marked_row_is_framed_in_a_colour_that_shows_in_greyscale(chart: BarChart, themed, theme: str) -> None:
    themed(theme)
    target = FIGURE.series[1][1][1].metric
    chart.set_marked([target])
    assert chart.marked_rows == (1,)  # the result beside it too: the row is framed
    image = chart.grab().toImage()
    assert frame_step(chart, image, 1) >= GREY_STEP
    assert frame_step(chart, image, 2) < GREY_STEP / 3  # the other rows are not framed
    chart.set_marked(())
    assert chart.marked_rows == ()
    assert frame_step(chart, chart.grab().toImage(), 1) < GREY_STEP / 3


def test_marking_a_target_the_chart_does_not_draw_leaves_the_drawing_as_it_is(chart: BarChart) -> None:
    """Every chart hears of every selection in the outline; only one that shows the target redraws."""
    drawn = list(chart.getPlotItem().items)
    chart.set_marked([metric("丁指标增长", 5.0, "target")])
    assert chart.marked_rows == ()
    assert len(chart.getPlotItem().items) == len(drawn)
    assert all(now is before for now, before in zip(chart.getPlotItem().items, drawn, strict=True))
    chart.set_marked([FIGURE.series[1][1][0].metric])
    assert chart.marked_rows == (0,)
    assert not any(now is before for now, before in zip(chart.getPlotItem().items, drawn, strict=False))
