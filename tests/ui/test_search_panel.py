"""The search panel in the real window: as-you-type results, hits in the text and the tree, F3, jieba loading."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListView
from pytestqt.qtbot import QtBot
from window_probe import current_id, highlighted

from jcviewer.ui import search_panel
from jcviewer.ui.detail_html import Style
from jcviewer.ui.main_window import MainWindow


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Commit ``text`` into the search field as an input method would, and wait for the debounced search."""
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.clear()
    edit.insert(text)
    qtbot.waitUntil(lambda: window.search_panel.last_results is not None, timeout=5000)


@pytest.fixture
def slow_jieba(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """jieba that takes until the test says so, to check the search works before it is there."""
    release = threading.Event()
    real = search_panel.shared_segmenter

    def held() -> object:
        release.wait(20)
        return real()

    monkeypatch.setattr(search_panel, "shared_segmenter", held)
    return release


def test_typing_before_jieba_is_ready_gets_results_then_ranking_refines(
    qtbot: QtBot, make_window, slow_jieba: threading.Event
) -> None:
    window = make_window()
    window.search_panel.load_words()
    type_query(qtbot, window, "乡村振兴")
    assert not window.search_panel.words_ready
    results = window.findChild(QListView, "searchResults")
    assert results.isVisible() and results.model().rowCount() == 2
    before = [hit.paragraph for hit in window.search_panel.last_results.hits]
    slow_jieba.set()
    qtbot.waitUntil(lambda: window.search_panel.words_ready, timeout=20000)
    assert sorted(hit.paragraph for hit in window.search_panel.last_results.hits) == sorted(before)


def test_choosing_a_result_selects_its_node_and_highlights_the_hit(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "营商环境")
    panel = window.search_panel
    assert [hit.node for hit in panel.last_results.hits] == ["p6.list.3", "p5.list.2"]
    panel.choose(1)
    assert current_id(window) == "p5.list.2"
    assert highlighted(window, Style().focus) == ["营商环境"]  # the chosen hit, in 九个方面工作 (p5)
    assert highlighted(window, Style().hit) == ["营商环境"]  # the other one in this section, in 要突出 (p6)


def test_abbreviations_find_the_full_wording(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "GDP")
    hits = window.search_panel.last_results.hits
    assert {hit.paragraph for hit in hits} == {"p3", "p4"}
    written = {window.report.paragraph(h.paragraph).text[h.best[0] : h.best[1]] for h in hits}
    assert written == {"GDP", "地区生产总值"}  # the hit is on the words actually printed


def test_find_next_and_previous_move_through_every_hit(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "项目")
    marks = window.search_panel.last_results.marks
    assert len(marks) >= 5
    next_hit = window.findChild(QAction, "nextHitAction")
    seen = []
    for _ in range(len(marks) + 1):
        next_hit.trigger()
        seen.append(window._hit_cursor)
        assert highlighted(window, Style().focus) == ["项目"]
    assert seen == [*range(len(marks)), 0]  # every hit once, then around again
    window.findChild(QAction, "previousHitAction").trigger()
    assert window._hit_cursor == len(marks) - 1


def test_hit_counts_in_the_tree_and_only_matching_sections(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "乡村振兴")
    assert window.outline_index("s2").data().endswith("［2 处］")
    assert window.outline_index("s1").data() == "稳字当头 稳中求进"
    window.search_panel.only_matching.setChecked(True)
    assert not window.outline_index("s1").isValid()
    assert window.outline_index("p5.list.4").isValid() and window.outline_index("p6.list.5").isValid()
    window.search_panel.only_matching.setChecked(False)
    assert window.outline_index("s1").isValid()


def test_escape_clears_the_search_and_its_highlights(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "发展")
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.search_panel.last_results is None)
    assert edit.text() == "" and not window.findChild(QListView, "searchResults").isVisible()
    assert highlighted(window, Style().hit) == []
    assert window.outline_index("s1").data() == "稳字当头 稳中求进"


def test_pinyin_being_composed_is_not_searched(qtbot: QtBot, window: MainWindow) -> None:
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.setFocus()
    QApplication.sendEvent(edit, QInputMethodEvent("xiangcun", []))
    qtbot.wait(300)
    assert window.search_panel.last_results is None and edit.text() == ""
    commit = QInputMethodEvent()
    commit.setCommitString("乡村")
    QApplication.sendEvent(edit, commit)
    qtbot.waitUntil(lambda: window.search_panel.last_results is not None)
    assert window.search_panel.last_results.total >= 3


def test_a_heading_hit_selects_its_section(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "锚定")
    hit = window.search_panel.last_results.hits[0]
    assert (hit.node, hit.paragraph) == ("s2", "")
    window.search_panel.choose(0)
    assert current_id(window) == "s2"


def test_ctrl_f_focuses_the_search_field(qtbot: QtBot, window: MainWindow) -> None:
    window.findChild(QAction, "findAction").trigger()
    assert window.findChild(QLineEdit, "searchEdit").hasFocus()


@pytest.fixture
def held_search(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[tuple[str, bool]]]:
    """``ReportSearch.search`` that records its query and whether it ran on the UI thread, and waits (at most 5 s)
    until the test releases it."""
    from jcviewer.model.search.report_search import ReportSearch

    release, calls = threading.Event(), []
    real = ReportSearch.search

    def held(self: ReportSearch, query: str, limit: int | None = 20) -> object:
        calls.append((query, threading.current_thread() is threading.main_thread()))
        release.wait(5)
        return real(self, query, limit)

    monkeypatch.setattr(ReportSearch, "search", held)
    return release, calls


@pytest.mark.timeout(60)  # hang detection: today's panel would wait for the held search on the UI thread
def test_a_large_report_is_searched_off_the_ui_thread_with_the_same_results(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    held_search: tuple[threading.Event, list[tuple[str, bool]]],
) -> None:
    release, calls = held_search
    panel, edit = window.search_panel, window.findChild(QLineEdit, "searchEdit")
    release.set()
    expected = {}
    for query in ("乡村振兴", "营商环境"):
        edit.setText(query)
        panel.run()  # a report of ordinary size: searched at once, on the UI thread
        expected[query] = panel.last_results
    assert calls == [("乡村振兴", True), ("营商环境", True)]
    release.clear()
    calls.clear()
    monkeypatch.setattr(search_panel, "LARGE_REPORT_CHARS", 0, raising=False)  # every report is large
    edit.setText("乡村振兴")
    window.set_report(window.report)  # a new report: the results of the old one go at once
    assert panel.last_results is None
    qtbot.waitUntil(lambda: len(calls) >= 2, timeout=5000)  # the report's own run, then the new query's
    assert all(not on_ui_thread for _, on_ui_thread in calls)
    qtbot.wait(50)  # the event loop runs while the search is held: the window is responsive
    assert panel.last_results is None and panel.status.text() == "…"
    edit.setText("营商环境")  # typed while the earlier search is still running: only its results are shown
    qtbot.waitUntil(lambda: calls[-1][0] == "营商环境", timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: panel.last_results is not None and panel.last_results.query.text == "营商环境")
    qtbot.wait(100)  # the earlier queries' results arrive too, and are dropped
    assert panel.last_results == expected["营商环境"]
    assert [hit.node for hit in panel.last_results.hits] == ["p6.list.3", "p5.list.2"]
    assert panel.model.rowCount() == 2 and panel.status.text() != "…"
    panel.choose(1)  # and the window shows them as it would have
    assert current_id(window) == "p5.list.2"
    assert highlighted(window, Style().focus) == ["营商环境"]
