"""The Indicators view: an indicator picked, per place and year its target, result and whether it was met, as a
table whose figures lead to their paragraph and as a chart per place (target band or line, result points, estimates
hollow); pyqtgraph loaded only when a chart is drawn; a place filter; Export CSV…; report text shown as text."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from genre import county_years
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from window_probe import translated

from jcviewer.model.library import Catalogue, Entry
from jcviewer.model.library.indicator_table import HEADERS
from jcviewer.model.library.indicators import Figure, indicator_names, indicator_timeline
from jcviewer.model.report import Metric, Period, Qualifier
from jcviewer.ui import dialogs
from jcviewer.ui.indicators_view import (
    COLUMN_MET,
    COLUMN_PLACE,
    COLUMN_RESULT,
    COLUMN_TARGET,
    COLUMN_YEAR,
    IndicatorsView,
)

ROOT = Path(__file__).resolve().parents[2]
Pairs = list[tuple[Entry, Metric]]


def entry(report_id: int, place: str, year: int, title: str = "") -> Entry:
    return Entry(
        report_id, title or f"{place}{year}年经济工作会议", place, "economic_work_conference", None, year,
        f"{report_id}.txt", f"hash{report_id}", f"texts/hash{report_id}.txt", "2026-01-01T00:00:00+00:00",
        frozenset(),
    )  # fmt: skip


def growth(
    period: Period,
    year: int,
    value: float,
    qualifier: Qualifier = "exact",
    value_max: float | None = None,
    estimate: bool = False,
    paragraph: str = "p3",
    text: str = "",
) -> Metric:
    expression = f"{value:g}%" if value_max is None else f"{value:g}%—{value_max:g}%"
    sentence = text or f"地区生产总值增长{expression}。"
    return Metric(
        "地区生产总值", "地区生产总值", "增长", value, value_max, "%", qualifier, period, year, expression, sentence,
        paragraph, (8, 8 + len(expression)), estimate,
    )  # fmt: skip


def county(place: str, first_id: int) -> Pairs:
    """Three reports of one county (2022–2024): each sets its year's target and reviews the year before."""
    a, b, c = (entry(first_id + n, place, 2022 + n) for n in range(3))
    return [
        (a, growth("target", 2022, 6, "about", paragraph="p4")),
        (b, growth("result", 2022, 5.6, estimate=True, paragraph="p2")),  # ≥ 6 − 0.5: met
        (b, growth("target", 2023, 5.0, "range", value_max=5.5, paragraph="p5")),
        (c, growth("result", 2023, 4.8, paragraph="p2")),  # below the range: missed
        (c, growth("target", 2024, 5, "at_least", paragraph="p4")),
    ]


@pytest.fixture
def pairs() -> Pairs:
    return county("甲县", 1) + county("乙县", 4)


def make(qtbot: QtBot, pairs: Pairs) -> IndicatorsView:
    view = IndicatorsView(pairs)
    qtbot.addWidget(view)
    view.resize(900, 600)
    return view


def gdp(pairs: Pairs) -> str:
    return next(name for name in indicator_names(pairs) if name.startswith("地区生产总值"))


def table(view: IndicatorsView) -> list[list[str]]:
    return [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())] for r in range(view.table.rowCount())
    ]


def test_the_view_module_does_not_load_pyqtgraph() -> None:
    code = "import sys, jcviewer.ui.indicators_view; print('pyqtgraph' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_per_place_and_year_the_target_the_result_and_met(qtbot: QtBot, pairs: Pairs) -> None:
    view = make(qtbot, pairs)
    assert [view.picker.itemText(i) for i in range(view.picker.count())] == indicator_names(pairs)
    view.set_indicator(gdp(pairs))
    rows = table(view)
    assert [(r[COLUMN_PLACE], r[COLUMN_YEAR]) for r in rows] == [
        (row.place, str(row.year)) for row in indicator_timeline(pairs, gdp(pairs))
    ]
    first = [r for r in rows if r[COLUMN_PLACE] == "甲县"]
    assert [r[COLUMN_TARGET] for r in first] == ["≈6%", "5–5.5%", "≥5%"]
    assert [r[COLUMN_RESULT] for r in first] == [translated("IndicatorsView", "est. %1", "5.6%"), "4.8%", "—"]
    assert [r[COLUMN_MET] for r in first] == ["✓", "✗", "—"]


def test_one_county_over_four_years_from_a_catalogue(qtbot: QtBot, tmp_path: Path) -> None:
    years = county_years(first=2021, count=4, seed=1)
    with Catalogue(tmp_path / "lib") as catalogue:
        for year in years:
            path = tmp_path / f"{year.year}.txt"
            path.write_text(year.text, encoding="utf-8")
            catalogue.add(path)
        pairs = catalogue.metrics()
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    shown = {(r[COLUMN_PLACE], r[COLUMN_YEAR]): r for r in table(view)}
    for before, after in zip(years, years[1:], strict=False):
        value, _, _ = before.targets["地区生产总值"]
        result = after.results["地区生产总值"]
        row = shown["文水县", str(before.year)]
        assert row[COLUMN_TARGET] == f"≈{value:g}%"
        estimate = "地区生产总值" in after.estimated
        as_printed = f"{result:g}%"
        assert row[COLUMN_RESULT] == (translated("IndicatorsView", "est. %1", as_printed) if estimate else as_printed)
        assert row[COLUMN_MET] == ("✓" if result >= value - 0.5 else "✗")
    (chart,) = view.charts
    assert [year for year, _, _ in chart.points] == [y.year - 1 for y in years]  # each report reviews its year before
    assert [year for year, _, _ in chart.bands] == [y.year for y in years]


def test_a_figure_leads_to_its_report_and_paragraph(qtbot: QtBot, pairs: Pairs) -> None:
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    rows = table(view)
    row = next(n for n, r in enumerate(rows) if r[COLUMN_PLACE] == "乙县" and r[COLUMN_YEAR] == "2023")
    with qtbot.waitSignal(view.open_paragraph) as target:
        view.table.itemActivated.emit(view.table.item(row, COLUMN_TARGET))
    assert target.args == [5, "p5"]
    with qtbot.waitSignal(view.open_paragraph) as result:
        view.table.itemActivated.emit(view.table.item(row, COLUMN_RESULT))
    assert result.args == [6, "p2"]
    last = next(n for n, r in enumerate(rows) if r[COLUMN_PLACE] == "乙县" and r[COLUMN_YEAR] == "2024")
    with qtbot.assertNotEmitted(view.open_paragraph):
        view.table.itemActivated.emit(view.table.item(last, COLUMN_RESULT))  # no result yet
        view.table.itemActivated.emit(view.table.item(last, COLUMN_MET))


def test_the_place_filter(qtbot: QtBot, pairs: Pairs) -> None:
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    places = [view.places.itemText(i) for i in range(1, view.places.count())]
    assert places == ["乙县", "甲县"] or places == ["甲县", "乙县"]
    assert len(view.charts) == 2 and {c.place for c in view.charts} == {"甲县", "乙县"}
    view.places.setCurrentIndex(view.places.findText("乙县"))
    assert {r[COLUMN_PLACE] for r in table(view)} == {"乙县"} and len(table(view)) == 3
    assert [c.place for c in view.charts] == ["乙县"]
    view.places.setCurrentIndex(0)
    assert len(table(view)) == 6


def test_each_report_of_no_place_is_charted_as_a_place_of_its_own(qtbot: QtBot) -> None:
    first = replace(entry(1, "", 2022, title="甲报告"), place=None)
    second = replace(entry(2, "", 2023, title="乙报告"), place=None)
    unplaced = [(first, growth("target", 2022, 5, "at_least")), (second, growth("result", 2022, 6))]
    view = make(qtbot, unplaced)
    view.set_indicator(gdp(unplaced))
    not_set = translated("IndicatorsView", "Place not set")
    assert [r[COLUMN_PLACE] for r in table(view)] == [not_set, not_set]
    assert [r[COLUMN_MET] for r in table(view)] == ["—", "—"]  # never paired: they may be of two places
    assert [c.place for c in view.charts] == [f"{not_set} · 甲报告", f"{not_set} · 乙报告"]


def test_each_place_charted_target_band_or_line_and_result_points(qtbot: QtBot, pairs: Pairs) -> None:
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    chart = next(c for c in view.charts if c.place == "甲县")
    assert chart.unit == "%"
    assert chart.bands == [(2022, 5.5, 6.5), (2023, 5.0, 5.5)]  # about 6: ±0.5 points; the range 5–5.5
    assert chart.lines == [(2024, 5.0)]  # at least 5
    assert chart.points == [(2022, 5.6, True), (2023, 4.8, False)]  # the estimate drawn hollow
    assert "pyqtgraph" in sys.modules
    view.show()
    qtbot.waitExposed(view)


def test_a_fall_is_charted_on_its_sizes_with_the_marker_the_target_means(qtbot: QtBot) -> None:
    def energy(report: Entry, period: Period, value: float, qualifier: Qualifier, value_max: float | None = None):
        metric = growth(period, 2023 if period == "result" else report.year or 0, value, qualifier, value_max)
        name = "单位地区生产总值能耗"
        return report, replace(metric, indicator=name, original=name, measure="下降")

    a, b = entry(1, "甲县", 2023), entry(2, "甲县", 2024)
    falls = [
        energy(a, "target", -3, "at_least"),  # 下降3%以上
        energy(b, "result", -2, "exact"),  # 下降2%: missed
        energy(b, "target", -5, "range", -3),  # 下降3%—5%
    ]
    view = make(qtbot, falls)
    view.set_indicator("单位地区生产总值能耗")
    assert [r[COLUMN_TARGET] for r in table(view)] == ["下降≥3%", "下降3–5%"]
    assert table(view)[0][COLUMN_RESULT] == "下降2%"
    (chart,) = view.charts
    assert chart.fall == "下降"
    assert chart.lines == [(2023, 3.0)] and chart.marks == [(2023, "at_least")]  # ▲ at 3: a fall of at least 3
    assert chart.points == [(2023, 2.0, False)] and chart.bands == [(2024, 3.0, 5.0)]


def test_a_fall_among_rises_is_drawn_signed_with_its_marker_turned(qtbot: QtBot) -> None:
    a, b = entry(1, "甲县", 2023), entry(2, "甲县", 2024)
    mixed = [
        (a, growth("target", 2023, 5, "at_least")),
        (b, growth("result", 2023, 6)),
        (b, replace(growth("target", 2024, -1, "at_most"), measure="下降")),  # 下降1%以内: ≥ −1 on signed values
    ]
    view = make(qtbot, mixed)
    view.set_indicator(gdp(mixed))
    (chart,) = view.charts
    assert chart.fall == "" and (2024, "at_least") in chart.marks and (2024, -1.0) in chart.lines


def test_report_text_is_shown_as_text(qtbot: QtBot) -> None:
    marked = [(entry(1, "<b>县</b>", 2023, title="<img src=x>会议"), growth("target", 2023, 5, text="<i>句</i>"))]
    view = make(qtbot, marked)
    view.set_indicator(gdp(marked))
    assert view.table.item(0, COLUMN_PLACE).text() == "<b>县</b>"
    tip = view.table.item(0, COLUMN_TARGET).toolTip()
    assert "&lt;img src=x&gt;会议" in tip and "&lt;i&gt;句&lt;/i&gt;" in tip


def test_an_empty_library_says_so(qtbot: QtBot) -> None:
    view = make(qtbot, [])
    assert view.picker.count() == 0 and view.table.rowCount() == 0 and view.charts == []
    assert view.note.text() and not view.export_button.isEnabled()


def test_figures_as_the_table_writes_them(qtbot: QtBot) -> None:
    view = make(qtbot, [])

    def figure(
        value: float | None, qualifier: Qualifier, value_max: float | None = None, estimate: bool = False
    ) -> Figure:
        return Figure(
            value,
            value_max,
            "%" if value is not None else "",
            qualifier,
            estimate,
            "完成省定要求",
            "",
            1,
            "",
            "p1",
            (0, 1),
        )

    assert view.figure_text(figure(5, "at_least")) == "≥5%"
    assert view.figure_text(figure(6, "about")) == "≈6%"
    assert view.figure_text(figure(5.0, "range", 5.5)) == "5–5.5%"
    assert view.figure_text(figure(-3.3, "exact")) == "-3.3%"  # a negative figure not printed as a fall
    assert view.figure_text(replace(figure(-3.3, "at_least"), measure="下降")) == "下降≥3.3%"  # 下降3.3%以上
    assert view.figure_text(figure(4.5, "exact", estimate=True)) == translated("IndicatorsView", "est. %1", "4.5%")
    assert view.figure_text(figure(None, "qualitative")) == "完成省定要求"


def test_export_csv_writes_the_table_with_a_bom(
    qtbot: QtBot, pairs: Pairs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    target = tmp_path / "gdp.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    view.export_button.click()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == view.csv_headers() and len(view.csv_headers()) == len(HEADERS)
    assert len(lines) == 1 + len(view.rows) and sum(line.startswith("甲县,2022,≈6%") for line in lines) == 1


def test_an_export_that_cannot_be_written_is_a_dialog(
    qtbot: QtBot, pairs: Pairs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_save_error", lambda parent, name, error: told.append(name))
    view.export(tmp_path / "missing-folder" / "gdp.csv")
    assert told == [str(tmp_path / "missing-folder" / "gdp.csv")]


def test_the_table_shows_every_column_without_scrolling_sideways(qtbot: QtBot, tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as catalogue:
        for year in county_years(first=2021, count=3):
            path = tmp_path / f"{year.year}.txt"
            path.write_text(year.text, encoding="utf-8")
            catalogue.edit(catalogue.add(path)[0], place="某某自治州某某自治县")  # a long place name
        pairs = catalogue.metrics()
    view = make(qtbot, pairs)
    view.set_indicator(gdp(pairs))
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0
    assert table.viewport().width() >= sum(table.columnWidth(c) for c in range(table.columnCount()))
