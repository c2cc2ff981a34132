"""The search panel in the real window: as-you-type results, hits in the text and the tree, F3, jieba loading."""

from __future__ import annotations

import gc
import sqlite3
import threading
import weakref
from pathlib import Path

import pytest
from library_texts import write_reports
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QWidget
from pytestqt.qtbot import QtBot
from window_probe import current_id, highlighted

from jcviewer.model.library import Catalogue
from jcviewer.model.library.search import library_search
from jcviewer.model.navigation import build_outline
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.search.report_search import ReportSearch
from jcviewer.model.vocabulary import default_synonyms
from jcviewer.paths import user_data_folder
from jcviewer.resources import bundled_report
from jcviewer.ui import search_panel
from jcviewer.ui.background import BackgroundTask, wait_for_background_work
from jcviewer.ui.detail_html import Style
from jcviewer.ui.main_window import MainWindow


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Commit ``text`` into the search field as an input method would, and wait for the debounced search."""
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.clear()
    edit.insert(text)

    def answered() -> bool:
        answer = window.search_panel.session.answer
        return answer is not None and answer.typed == text.strip()

    qtbot.waitUntil(answered, timeout=5000)


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
    before = [hit.paragraph for hit in window.search_panel.session.results.hits]
    slow_jieba.set()
    qtbot.waitUntil(lambda: window.search_panel.words_ready, timeout=20000)
    assert sorted(hit.paragraph for hit in window.search_panel.session.results.hits) == sorted(before)


def test_choosing_a_result_selects_its_node_and_highlights_the_hit(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "营商环境")
    panel = window.search_panel
    assert [hit.node for hit in panel.session.results.hits] == ["p6.list.3", "p5.list.2"]
    panel.choose(1)
    assert current_id(window) == "p5.list.2"
    assert highlighted(window, Style().focus) == ["营商环境"]  # the chosen hit, in 九个方面工作 (p5)
    assert highlighted(window, Style().hit) == ["营商环境"]  # the other one in this section, in 要突出 (p6)


def test_abbreviations_find_the_full_wording(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "GDP")
    hits = window.search_panel.session.results.hits
    assert {hit.paragraph for hit in hits} == {"p3", "p4"}
    written = {window.report.paragraph(h.paragraph).text[h.best[0] : h.best[1]] for h in hits}
    assert written == {"GDP", "地区生产总值"}  # the hit is on the words actually printed


def test_find_next_and_previous_move_through_every_hit(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "项目")
    marks = window.search_panel.session.marks
    assert len(marks) >= 5
    next_hit = window.findChild(QAction, "nextHitAction")
    seen = []
    for _ in range(len(marks) + 1):
        next_hit.trigger()
        seen.append(window.search_panel.session.cursor)
        assert highlighted(window, Style().focus) == ["项目"]
    assert seen == [*range(len(marks)), 0]  # every hit once, then around again
    window.findChild(QAction, "previousHitAction").trigger()
    assert window.search_panel.session.cursor == len(marks) - 1


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
    qtbot.waitUntil(lambda: window.search_panel.session.results is None)
    assert edit.text() == "" and not window.findChild(QListView, "searchResults").isVisible()
    assert highlighted(window, Style().hit) == []
    assert window.outline_index("s1").data() == "稳字当头 稳中求进"


def test_pinyin_being_composed_is_not_searched(qtbot: QtBot, window: MainWindow) -> None:
    edit = window.findChild(QLineEdit, "searchEdit")
    edit.setFocus()
    QApplication.sendEvent(edit, QInputMethodEvent("xiangcun", []))
    qtbot.wait(300)
    assert window.search_panel.session.results is None and edit.text() == ""
    commit = QInputMethodEvent()
    commit.setCommitString("乡村")
    QApplication.sendEvent(edit, commit)
    qtbot.waitUntil(lambda: window.search_panel.session.results is not None)
    assert window.search_panel.session.results.total >= 3


def test_a_heading_hit_selects_its_section(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "锚定")
    hit = window.search_panel.session.results.hits[0]
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
        expected[query] = panel.session.results
    assert calls == [("乡村振兴", True), ("营商环境", True)]
    release.clear()
    calls.clear()
    monkeypatch.setattr(search_panel, "LARGE_REPORT_CHARS", 0, raising=False)  # every report is large
    edit.setText("乡村振兴")
    window.set_report(window.report)  # a new report: the results of the old one go at once
    assert panel.session.results is None
    qtbot.waitUntil(lambda: len(calls) >= 2, timeout=5000)  # the report's own run, then the new query's
    assert all(not on_ui_thread for _, on_ui_thread in calls)
    qtbot.wait(50)  # the event loop runs while the search is held: the window is responsive
    assert panel.session.results is None and panel.status.text() == "…"
    edit.setText("营商环境")  # typed while the earlier search is still running: only its results are shown
    qtbot.waitUntil(lambda: calls[-1][0] == "营商环境", timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: panel.session.results is not None and panel.session.results.query.text == "营商环境")
    qtbot.wait(100)  # the earlier queries' results arrive too, and are dropped
    assert panel.session.results == expected["营商环境"]
    assert [hit.node for hit in panel.session.results.hits] == ["p6.list.3", "p5.list.2"]
    assert panel.model.rowCount() == 2 and panel.status.text() != "…"
    panel.choose(1)  # and the window shows them as it would have
    assert current_id(window) == "p5.list.2"
    assert highlighted(window, Style().focus) == ["营商环境"]


def test_find_previous_on_a_new_search_is_the_last_hit_and_next_follows_a_chosen_result(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_query(qtbot, window, "项目")
    panel = window.search_panel
    session = panel.session
    window.findChild(QAction, "previousHitAction").trigger()
    last = session.marks[-1]
    assert session.cursor == len(session.marks) - 1
    assert panel.results.currentIndex().row() == panel.model.rowCount() - 1  # the row of the last result
    assert current_id(window) == window.report.section_of(last.paragraph).id  # a hit in running text
    row = next(row for row, hit in enumerate(panel.model.hits) if hit.paragraph == "p3")  # 二是…, 四是…
    panel.choose(row)
    assert current_id(window) == "p3.list.2"
    next_hit = window.findChild(QAction, "nextHitAction")
    visited = []
    for _ in range(3):
        next_hit.trigger()
        visited.append(current_id(window))
    assert visited == ["p3.list.2", "p3.list.4", "p3.list.4"]  # from the chosen hit on, each hit's own item
    assert panel.results.currentIndex().row() == row


def test_a_task_item_titled_with_the_query_is_the_first_result(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "乡村振兴")
    window.search_panel.choose(0)
    assert current_id(window) == "p5.list.4"  # 四是全面推进乡村振兴, before a mention in 要突出共同富裕…
    assert highlighted(window, Style().focus) == ["乡村振兴"]


@pytest.fixture
def words_window(qtbot: QtBot, make_window) -> MainWindow:
    """A window whose search has jieba."""
    window = make_window()
    window.search_panel.load_words()
    qtbot.waitUntil(lambda: window.search_panel.words_ready, timeout=20000)
    return window


def retried_status(panel: search_panel.SearchPanel, typed: str, words: tuple[str, ...]) -> str:
    quoted = "、".join(f"“{word}”" for word in words)
    return search_panel.fill(panel.tr("No hits for “%1”; showing results that contain %2"), typed, quoted)


def hint(panel: search_panel.SearchPanel, typed: str) -> str:
    return search_panel.fill(panel.tr("No hits for “%1”. Try fewer or shorter words."), typed)


def test_no_hits_are_retried_as_words_and_the_status_says_so(qtbot: QtBot, words_window: MainWindow) -> None:
    panel = words_window.search_panel
    type_query(qtbot, words_window, "营商环境优化")  # the text says 优化营商环境
    assert panel.session.answer.words == ("营商环境", "优化")
    assert [hit.node for hit in panel.model.hits] == ["p6.list.3", "p5.list.2"]
    assert panel.status.text() == retried_status(panel, "营商环境优化", ("营商环境", "优化"))
    panel.choose(1)
    assert current_id(words_window) == "p5.list.2"
    assert highlighted(words_window, Style().focus) == ["营商环境"]  # in 持续优化营商环境 (p5)
    assert highlighted(words_window, Style().hit) == ["优化营商环境"]  # both words in p6, side by side
    type_query(qtbot, words_window, "2024年目标")  # beside a node named 2024年主要目标
    assert panel.session.answer.words == ("2024", "年", "目标")
    assert panel.model.rowCount() >= 3
    texts = [words_window.report.paragraph(hit.paragraph).text for hit in panel.model.hits if hit.paragraph]
    assert texts and all("2024" in text and "目标" in text for text in texts)
    assert panel.status.text() == retried_status(panel, "2024年目标", ("2024", "年", "目标"))


def test_when_the_words_find_nothing_either_a_hint_is_shown(qtbot: QtBot, words_window: MainWindow) -> None:
    panel = words_window.search_panel
    type_query(qtbot, words_window, "量子计算机")
    assert panel.session.answer.words and panel.model.rowCount() == 0
    assert panel.results.isVisible() and panel.status.text() == hint(panel, "量子计算机")
    type_query(qtbot, words_window, "营商环境 优化方向")  # typed with a space: no retry
    assert panel.session.answer.words == () and panel.status.text() == hint(panel, "营商环境 优化方向")


def test_before_jieba_is_there_a_query_with_no_hits_gets_the_hint_then_the_retry(
    qtbot: QtBot, make_window, slow_jieba: threading.Event
) -> None:
    window = make_window()
    panel = window.search_panel
    panel.load_words()
    type_query(qtbot, window, "营商环境优化")
    assert panel.status.text() == hint(panel, "营商环境优化") and panel.model.rowCount() == 0
    slow_jieba.set()
    qtbot.waitUntil(lambda: panel.session.answer.words != (), timeout=20000)  # re-run once the words arrive
    assert panel.model.rowCount() == 2
    assert panel.status.text() == retried_status(panel, "营商环境优化", ("营商环境", "优化"))


def test_the_status_line_shows_the_query_as_typed_not_as_markup(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "<h1>%2<img src=x>")
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert panel.status.text() == hint(panel, "<h1>%2<img src=x>")
    assert "<h1>%2<img src=x>" in panel.status.text()  # "%2" in the query is not filled in either


def test_results_model_passes_the_model_tester_while_results_change(qtmodeltester, bundled: Report) -> None:
    """Qt's tester, attached throughout and run again after each change, and pytest-qt's Python tester, which
    checks the model again on every reset it sees."""
    search = ReportSearch(bundled, default_synonyms())
    checked, watched = search_panel.SearchResultsModel(), search_panel.SearchResultsModel()
    qtmodeltester.check(checked)
    qtmodeltester.check(watched, force_py=True)
    for query in ("项目", "发展", "营商环境", "不存在的词", "项目"):
        hits = search.search(query).hits
        for model in (checked, watched):
            model.set_hits(hits)
            assert model.rowCount() == len(hits)
        qtmodeltester.check(checked)
    checked.set_hits(())
    watched.set_hits(())
    qtmodeltester.check(checked)


def test_when_the_word_boundaries_arrive_the_current_hit_stays_current(
    qtbot: QtBot, make_window, slow_jieba: threading.Event
) -> None:
    window = make_window()
    panel = window.search_panel
    panel.load_words()
    type_query(qtbot, window, "县委")
    next_hit = window.findChild(QAction, "nextHitAction")
    for _ in panel.session.marks:  # Find Next up to the hit in p12
        next_hit.trigger()
        if panel.session.current.paragraph == "p12":
            break
    mark, row = panel.session.current, panel.results.currentIndex().row()
    assert mark.paragraph == "p12" and panel.model.hits[row].paragraph == "p12"
    with qtbot.assertNotEmitted(panel.hitChosen):  # the detail pane is not sent anywhere
        slow_jieba.set()
        qtbot.waitUntil(lambda: panel.words_ready, timeout=20000)  # and the query is ranked anew
    assert panel.session.current == mark
    assert highlighted(window, Style().focus) == ["县委"]  # the detail pane keeps its focus on it
    moved = next(r for r, hit in enumerate(panel.model.hits) if hit.paragraph == "p12")
    assert moved != row  # ranked anew, the result went up a row
    assert panel.results.currentIndex().row() == panel.session.row == moved
    assert [index.row() for index in panel.results.selectedIndexes()] == [moved]
    after = panel.session.marks.index(mark) + 1
    next_hit.trigger()  # Find Next goes on from there
    assert panel.session.current == panel.session.marks[after % len(panel.session.marks)]


def test_a_failed_background_search_clears_the_results_on_show(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_panel, "LARGE_REPORT_CHARS", 0)  # every report is searched in the background
    window.set_report(window.report)
    panel = window.search_panel
    type_query(qtbot, window, "项目")
    window.findChild(QAction, "nextHitAction").trigger()
    assert panel.model.rowCount() and highlighted(window, Style().focus) == ["项目"]

    def broken(self: ReportSearch, text: str, limit: int | None = 20, split: object = None) -> None:
        raise RuntimeError("index unreadable")

    monkeypatch.setattr(ReportSearch, "answer", broken)
    panel.edit.setText("发展")
    qtbot.waitUntil(lambda: panel.status.text() == "RuntimeError: index unreadable")
    assert (panel.session.answer, panel.session.marks, panel.model.rowCount()) == (None, (), 0)
    assert highlighted(window, Style().hit) == [] and highlighted(window, Style().focus) == []
    window.findChild(QAction, "nextHitAction").trigger()  # F3 has nothing to go to
    assert panel.session.cursor == -1 and highlighted(window, Style().focus) == []


def test_a_report_searched_before_is_freed_once_another_is_shown(qtbot: QtBot, bundled: Report) -> None:
    panel = search_panel.SearchPanel()
    qtbot.addWidget(panel)
    panel.load_words()
    first = load_report(bundled_report())
    panel.set_report(first, build_outline(first))
    qtbot.waitUntil(lambda: panel.words_ready, timeout=20000)  # indexed, and its word boundaries found
    panel.edit.setText("项目")
    panel.run()
    freed = weakref.ref(first)
    del first
    panel.set_report(bundled, build_outline(bundled))
    qtbot.waitUntil(lambda: panel.words_ready, timeout=20000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert freed() is None
    assert len(panel.findChildren(BackgroundTask)) == 1  # jieba's, loaded once per panel


# --- the library scope ------------------------------------------------------------------------------------------
@pytest.fixture
def library_window(make_window, tmp_path: Path) -> MainWindow:
    """A window whose library (in ``tmp_path/lib``) holds four generated reports and the bundled one."""
    with Catalogue(tmp_path / "lib", user_data_folder("corrections")) as catalogue:
        for path in write_reports(tmp_path / "given", 4):
            catalogue.add(path)
        catalogue.add(bundled_report())
    window = make_window()
    window.library_folder = tmp_path / "lib"
    return window


def search_library_for(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type ``text`` in the library scope and wait for the answer."""
    panel = window.search_panel
    if panel.scope != "library":
        qtbot.mouseClick(panel.scope_library, Qt.MouseButton.LeftButton)
    panel.edit.clear()
    panel.edit.insert(text)
    panel.run()  # now, not after the debounce: the status line of the query before would pass for this one's
    qtbot.waitUntil(lambda: panel.status.text() not in ("", "…"), timeout=30000)


def test_all_reports_lists_every_occurrence_grouped_by_report_with_title_and_year(
    qtbot: QtBot, library_window: MainWindow
) -> None:
    window = library_window
    assert window.findChild(QWidget, "libraryPane") is None  # the library opens with the scope
    search_library_for(qtbot, window, "经济")
    panel = window.search_panel
    assert window.findChild(QWidget, "libraryPane") is not None
    assert panel.library_results.isVisible() and not panel.results.isVisible()
    assert not panel.session.marks  # the report's own hits are not shown meanwhile
    with Catalogue(window.library_folder, user_data_folder("corrections")) as catalogue:
        expected = library_search(catalogue, "经济", None, synonyms=default_synonyms())
    rows = panel.library_model.rows
    headings = [report for report, hit in rows if hit is None]
    assert [(r.report_id, r.total) for r in headings] == [(r.report_id, r.total) for r in expected]
    listed = sum(1 for _, hit in rows if hit is not None)
    assert listed == min(search_panel.RESULT_LIMIT, sum(r.total for r in expected))
    first = panel.library_model.index(0, 0)
    assert expected[0].title in first.data() and not first.flags() & Qt.ItemFlag.ItemIsSelectable
    assert panel.status.text() == search_panel.fill(
        panel.tr("%1 places in %2 reports"), str(sum(r.total for r in expected)), str(len(expected))
    )


def test_choosing_a_library_hit_opens_its_report_at_the_paragraph(qtbot: QtBot, library_window: MainWindow) -> None:
    window = library_window
    search_library_for(qtbot, window, "文水县")
    panel = window.search_panel
    row, (report, hit) = next((i, r) for i, r in enumerate(panel.library_model.rows) if r[1] is not None)
    assert hit.paragraph
    index = panel.library_model.index(row, 0)
    panel.library_results.scrollTo(index)
    qtbot.mouseClick(
        panel.library_results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.library_results.visualRect(index).center(),
    )
    copy = window.library_pane().text_file(report.report_id)
    assert copy is not None and window.path == copy.resolve()
    assert window.report is not None and window.report.title == report.title
    assert current_id(window) == hit.node
    focus = highlighted(window, Style().focus)
    assert focus and all("文水县" in run for run in focus)
    assert panel.library_model.rows  # the results stay while their reports open
    assert window.settings.recent_files[0] == str(copy.resolve())  # opened the usual way


def test_back_to_this_report_searches_the_report_on_show_again(qtbot: QtBot, library_window: MainWindow) -> None:
    window = library_window
    search_library_for(qtbot, window, "项目")
    panel = window.search_panel
    qtbot.mouseClick(panel.scope_report, Qt.MouseButton.LeftButton)
    assert panel.scope == "report" and panel.session.answer is not None and panel.session.answer.typed == "项目"
    assert panel.results.isVisible() and not panel.library_results.isVisible()


def test_an_unavailable_library_is_said_in_the_status_line(
    qtbot: QtBot, make_window, tmp_path: Path, dialogs: list
) -> None:
    window = make_window()
    window.library_folder = tmp_path / "lib"
    Catalogue(window.library_folder).close()
    with sqlite3.connect(window.library_folder / "library.sqlite3") as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    db.close()
    panel = window.search_panel
    qtbot.mouseClick(panel.scope_library, Qt.MouseButton.LeftButton)
    panel.edit.insert("项目")
    qtbot.waitUntil(lambda: panel.status.text() == panel.tr("The library is unavailable."))
    assert [d.objectName() for d in dialogs] == ["libraryErrorDialog"]


def test_library_results_model_passes_the_model_tester(qtmodeltester, tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as catalogue:
        for path in write_reports(tmp_path / "given", 3):
            catalogue.add(path)
        model = search_panel.LibraryResultsModel()
        qtmodeltester.check(model, force_py=True)
        for query in ("经济", "项目", "不存在的词"):
            model.set_reports(library_search(catalogue, query, 20))
            qtmodeltester.check(model)


@pytest.fixture
def index_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the indexes across reports made from now on."""
    from jcviewer.model.library import index

    made: list[int] = []

    class Counted(index.LibraryIndex):
        def __init__(self) -> None:
            made.append(1)
            super().__init__()

    monkeypatch.setattr(index, "LibraryIndex", Counted)
    return made


def test_the_index_across_reports_is_built_once_for_successive_library_searches(
    qtbot: QtBot, library_window: MainWindow, index_builds: list[int]
) -> None:
    window = library_window
    panel = window.search_panel
    answers = []
    for query in ("经济", "项目", "经济"):
        search_library_for(qtbot, window, query)
        answers.append([(report.report_id, report.total, report.hits) for report, hit in panel.library_model.rows])
    assert len(index_builds) == 1
    assert answers[0] == answers[2] and answers[0] != answers[1]
    with Catalogue(window.library_folder, user_data_folder("corrections")) as catalogue:
        expected = library_search(catalogue, "项目", search_panel.RESULT_LIMIT, synonyms=default_synonyms())
    assert answers[1] == [(r.report_id, r.total, r.hits) for r in expected for _ in (None, *r.hits)]


def library_search_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("jcviewer-library-search")]


def test_libraries_in_many_folders_share_one_search_thread_which_stops_at_quit(
    qtbot: QtBot, make_window, tmp_path: Path, index_builds: list[int]
) -> None:
    for number in range(3):
        folder = tmp_path / f"lib{number}"
        with Catalogue(folder, user_data_folder("corrections")) as catalogue:
            catalogue.add(write_reports(tmp_path / f"given{number}", 1, start=number)[0])
        window = make_window()
        window.library_folder = folder
        search_library_for(qtbot, window, "经济")
        assert window.search_panel.library_model.rows
        assert len(library_search_threads()) == 1
    assert len(index_builds) == 3  # a catalogue, and its index, per folder: the one before was closed
    wait_for_background_work()
    assert not library_search_threads()
    search_library_for(qtbot, window, "项目")  # the worker starts again when needed
    assert window.search_panel.library_model.rows
