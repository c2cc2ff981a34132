"""Library ▸ Indicators over the Years and Library ▸ Compare Reports (library_views.py): windows fed from the
catalogue off the UI thread, a figure or a task opening its report at the paragraph."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from genre import county_years
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot
from window_probe import highlighted, translated

from jcviewer.model.library import Catalogue
from jcviewer.paths import user_data_folder
from jcviewer.ui import library_views
from jcviewer.ui.detail_html import Style
from jcviewer.ui.library_views import CompareWindow, IndicatorsWindow
from jcviewer.ui.main_window import MainWindow


@pytest.fixture
def years_window(make_window, tmp_path: Path) -> MainWindow:
    """A window whose library holds three years of one county's reports (2021–2023)."""
    given = tmp_path / "given"
    given.mkdir()
    with Catalogue(tmp_path / "lib", user_data_folder("corrections")) as catalogue:
        for year in county_years(first=2021, count=3):
            path = given / f"{year.year}.txt"
            path.write_text(year.text, encoding="utf-8")
            catalogue.add(path)
    window: MainWindow = make_window()
    window.library_folder = tmp_path / "lib"
    return window


def _opened(qtbot: QtBot, name: str) -> IndicatorsWindow | CompareWindow:
    found: list[IndicatorsWindow | CompareWindow] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        return bool(found) and found[0].view is not None

    qtbot.waitUntil(shown, timeout=30000)
    return found[0]


def test_indicators_open_in_a_window_and_a_target_opens_its_report_at_the_paragraph(
    qtbot: QtBot, years_window: MainWindow
) -> None:
    window = years_window
    window.show_indicators()
    shown = _opened(qtbot, "indicatorsWindow")
    table = shown.findChild(QTableWidget, "indicatorTable")
    assert table is not None and table.rowCount() >= 3
    years = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert {"2021", "2022", "2023"} <= set(years)
    row = years.index("2021")
    assert table.item(row, 4).text() in ("✓", "✗")  # the 2022 report gave 2021's result
    table.setCurrentCell(row, 2)
    table.itemActivated.emit(table.item(row, 2))
    qtbot.waitUntil(lambda: window.report is not None and window.report.year == 2021, timeout=30000)
    focus = highlighted(window, Style().focus)
    assert focus and any("%" in run for run in focus)  # the paragraph that sets the targets is marked
    shown.close()


def test_compare_picks_the_report_on_show_and_the_year_before_and_shows_both(
    qtbot: QtBot, years_window: MainWindow
) -> None:
    window = years_window
    pane = window.show_library()
    assert pane.catalogue is not None
    latest = max(pane.catalogue.list(), key=lambda e: e.year or 0)
    path = pane.text_file(latest.id)
    assert path is not None and window.open_file(path)
    qtbot.waitUntil(lambda: window.path == path.resolve(), timeout=30000)
    window.show_compare()
    shown = _opened(qtbot, "compareWindow")
    assert isinstance(shown, CompareWindow)
    assert shown.first.currentData().year == 2022 and shown.second.currentData().year == 2023
    targets = shown.findChild(QTableWidget, "compareTargets")
    assert targets is not None and targets.rowCount() > 0
    shown.second.setCurrentIndex(shown.first.currentIndex())
    shown.compare()
    assert shown.status.text() == translated("CompareWindow", "Pick two different reports of the library to compare.")
    shown.close()


def test_only_the_comparison_asked_for_last_is_shown(
    qtbot: QtBot, years_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = years_window
    window.show_compare()
    shown = _opened(qtbot, "compareWindow")
    assert isinstance(shown, CompareWindow)
    compared = library_views._compared
    release = threading.Event()
    slow_years: list[int] = []

    def slow_first(*args: object) -> tuple[object, ...]:
        result = compared(*args)  # type: ignore[arg-type]
        if not slow_years:  # the first comparison asked for answers only after the second
            slow_years.append(1)
            release.wait(10)
        return result

    monkeypatch.setattr(library_views, "_compared", slow_first)
    initial = shown.view
    first_pick = shown.first.currentIndex()
    shown.compare()  # the pair on show, slow
    shown.first.setCurrentIndex((first_pick + 1) % shown.first.count())
    if shown.first.currentIndex() == shown.second.currentIndex():
        shown.first.setCurrentIndex((first_pick + 2) % shown.first.count())
    shown.compare()  # another pair, answered at once
    try:
        qtbot.waitUntil(lambda: shown.view is not initial and shown.status.isHidden(), timeout=30000)
    finally:
        release.set()
    latest = shown.view
    qtbot.wait(500)  # the slow answer arrives now: it must not replace the view asked for last
    assert shown.view is latest
    shown.close()
