"""The search field and its results: answers as you type (debounced), ranks refine once jieba has loaded (the
query on show is answered again, and the current hit stays current).

A report of more than ``LARGE_REPORT_CHARS`` characters is indexed and searched in a background thread (the
window stays responsive; the status line shows "…" until the results arrive; only the latest query's results are
shown). A query typed as one run of text that finds nothing is retried as its words once jieba is there (until
then the status line suggests fewer or shorter words). What is on show lives in one ``SearchSession``: the
results, their marks and the current hit, which Find Next / Previous move through.

The scope toggle (This report / All reports) switches to searching every report of the library
(``library_search``, on one worker thread per process that keeps a catalogue of its own open, and with it
the index across reports: built by the first query, kept for the next ones): hits are listed grouped by
report (title, year) in ``libraryResults``, and choosing one asks the window to open that report at the hit.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeySequence, QPainter, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.navigation import Node
from jcviewer.model.report import Report, Span
from jcviewer.model.search.session import SearchSession
from jcviewer.paths import user_cache_folder, user_data_folder
from jcviewer.ui.background import BackgroundTask, SerialWorker

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from jcviewer.model.library import Catalogue
    from jcviewer.model.library.search import ReportHits
    from jcviewer.model.search.report_search import Answer, ReportSearch, SearchHit, Split
    from jcviewer.model.search.words import WordSegmenter

# The search index (numpy) and jieba load on first use, off the start-up path.

DEBOUNCE_MS = 150
RESULT_LIMIT = 200  # rows in the list (the status line counts them all); hits beyond are not highlighted
LARGE_REPORT_CHARS = 200_000  # ~10 real reports: beyond it, index and search off the UI thread
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def fill(template: str, *values: str) -> str:
    """``template`` with %1, %2, … replaced by ``values`` in one pass (a value's own "%2" stays as typed)."""
    return re.sub(r"%(\d)", lambda match: values[int(match.group(1)) - 1], template)


def marked_html(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` escaped, with ``spans`` in bold."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [escape(text[last:start]), f"<b>{escape(text[start:end])}</b>"]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


class SearchResultsModel(QAbstractListModel):
    """One row per matching paragraph or heading: where it is, and a snippet with the hits in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return _hit_data(self.hits[index.row()], role)


def _hit_data(hit: SearchHit, role: int) -> str | None:
    """A hit as a results list shows it: where it is and its snippet, as plain text or (``HTML_ROLE``) with the
    place small and the hits bold."""
    where = " › ".join(hit.path)
    if role == Qt.ItemDataRole.DisplayRole:
        return f"{where}\n{hit.snippet}"
    if role == HTML_ROLE:
        return f"<small>{escape(where)}</small><br>{marked_html(hit.snippet, hit.snippet_spans)}"
    return None


LibraryRow = tuple["ReportHits", "SearchHit | None"]
"""A row of the library results: a report's heading (hit None), or one of its hits."""


class LibraryResultsModel(QAbstractListModel):
    """Hits across the library grouped by report: a heading row per report (title, year, how many places), not
    selectable, then its hits as in ``SearchResultsModel``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[LibraryRow, ...] = ()

    def set_reports(self, reports: list[ReportHits]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = tuple((report, hit) for report in reports for hit in (None, *report.hits))
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()][1] is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not a place to go to
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _heading(self, report: ReportHits) -> str:
        year = str(report.year) if report.year is not None else self.tr("year unknown")
        return fill(self.tr("%1 (%2) — %3 places"), report.title, year, str(report.total))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        report, hit = self.rows[index.row()]
        if hit is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._heading(report)
            if role == HTML_ROLE:
                return f"<b>{escape(self._heading(report))}</b>"
            return None
        return _hit_data(hit, role)


class _LibrarySearcher:
    """Library searches, one at a time on one thread per process (``SerialWorker``) that keeps the catalogue open
    and with it the index across reports (``Catalogue.search_index``), built by the first search and brought up
    to date by the next ones. An sqlite3 connection belongs to its thread: the catalogue lives in a thread-local,
    reopened when another folder is searched, closed when the worker shuts down (at quit)."""

    def __init__(self) -> None:
        self._local = threading.local()
        self.worker = SerialWorker("jcviewer-library-search", self._close)

    def search(self, folder: Path, text: str) -> tuple[list[ReportHits], int]:
        """The library's reports with hits for ``text`` (at most ``RESULT_LIMIT`` hits listed in all, every report
        keeping its total), and how many reports could not be read; waits for its turn on the worker."""
        return self.worker.submit(lambda: self._search(folder, text)).result()

    def _catalogue(self, folder: Path) -> Catalogue:
        from jcviewer.model.library import Catalogue

        catalogue: Catalogue | None = getattr(self._local, "catalogue", None)
        if catalogue is None or catalogue.folder != folder:
            self._close()
            catalogue = Catalogue(folder, user_data_folder("corrections"))
            self._local.catalogue = catalogue
        return catalogue

    def _search(self, folder: Path, text: str) -> tuple[list[ReportHits], int]:
        from jcviewer.model.library.search import library_search
        from jcviewer.model.vocabulary import default_synonyms

        skipped: list[int] = []
        found = library_search(
            self._catalogue(folder),
            text,
            RESULT_LIMIT,
            synonyms=default_synonyms(),
            problem=lambda entry, error: skipped.append(entry.id),
        )
        return found, len(skipped)

    def _close(self) -> None:
        catalogue = getattr(self._local, "catalogue", None)
        if catalogue is not None:
            self._local.catalogue = None
            catalogue.close()


_LIBRARY_SEARCHER = _LibrarySearcher()


def search_library(folder: Path, text: str) -> tuple[list[ReportHits], int]:
    """Runs in a task's thread: the library's reports with hits for ``text`` and how many could not be read,
    searched on the library search worker (the index across reports built once, kept between queries)."""
    return _LIBRARY_SEARCHER.search(folder, text)


def _results_view(name: str, model: QAbstractListModel) -> QListView:
    """A hidden list of search results, each drawn as rich text by ``SnippetDelegate``."""
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setItemDelegate(SnippetDelegate(view))
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.hide()
    return view


class SnippetDelegate(QStyledItemDelegate):
    """Draws a result as rich text: the location small, the snippet with its hits in bold."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(option.rect.width(), 120))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text_option = QStyleOptionViewItem(option)
        self.initStyleOption(text_option, index)
        text_option.text = ""
        widget = text_option.widget
        widget.style().drawControl(widget.style().ControlElement.CE_ItemViewItem, text_option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = text_option.state & widget.style().StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()


_SEGMENTER_LOCK = threading.Lock()


class _Index:
    """The search index of one report, built once, on whichever thread first needs it (plain Python, so a
    worker thread may hold it after the panel is gone)."""

    def __init__(self, report: Report, nodes: tuple[Node, ...]) -> None:
        self.report, self.nodes = report, nodes
        self.large = sum(len(p.text) for p in report.paragraphs()) > LARGE_REPORT_CHARS
        self._lock = threading.Lock()
        self._search: ReportSearch | None = None

    @property
    def built(self) -> ReportSearch | None:
        """The index if it has been built."""
        return self._search

    def get(self) -> ReportSearch:
        """The index, built now if need be."""
        with self._lock:
            if self._search is None:
                from jcviewer.model.search.report_search import ReportSearch
                from jcviewer.model.vocabulary import default_synonyms

                self._search = ReportSearch(self.report, default_synonyms(), self.nodes)
            return self._search


@cache
def _load_segmenter() -> WordSegmenter:
    from jcviewer.model.search.words import WordSegmenter

    return WordSegmenter(user_cache_folder("jieba"))


def shared_segmenter() -> WordSegmenter:
    """jieba, loaded once per process whichever window asks first (call it off the UI thread)."""
    with _SEGMENTER_LOCK:
        return _load_segmenter()


class SearchPanel(QWidget):
    """``searchEdit``, the only-matching switch and ``searchResults``; ``session`` holds what is on show.

    The index is built when first needed; jieba loads in the background and, when it arrives, refines the
    ranking of the query on screen. Queries typed before that are answered all the same.
    ``resultsChanged`` says the session has new results (or none); ``hitChosen`` carries the ``Landing`` of a
    result chosen in the list or of Find Next / Previous. In the library scope, ``libraryHitChosen(report id,
    SearchHit)`` asks for a report to be opened at a hit; ``scopeChanged(scope)`` says the toggle moved ("report"
    or "library"), for the window to open the library (``set_library``).
    """

    resultsChanged = Signal()  # noqa: N815
    hitChosen = Signal(object)  # Landing  # noqa: N815
    onlyMatchingChanged = Signal(bool)  # noqa: N815
    libraryHitChosen = Signal(int, object)  # report id, SearchHit  # noqa: N815
    scopeChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(self.tr("Search: words, abbreviations, numbers"))
        self.edit.setClearButtonEnabled(True)
        self.only_matching = QCheckBox(self.tr("Only matching sections"), self)
        self.only_matching.setObjectName("onlyMatching")
        self.scope_report = QToolButton(self)
        self.scope_report.setObjectName("scopeReport")
        self.scope_report.setText(self.tr("This report"))
        self.scope_report.setToolTip(self.tr("Search the report on show"))
        self.scope_library = QToolButton(self)
        self.scope_library.setObjectName("scopeLibrary")
        self.scope_library.setText(self.tr("All reports"))
        self.scope_library.setToolTip(self.tr("Search every report in the library"))
        self.scope_buttons = QButtonGroup(self)
        for button in (self.scope_report, self.scope_library):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.scope_buttons.addButton(button)
        self.scope_report.setChecked(True)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the query as typed
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = _results_view("searchResults", self.model)
        self.library_model = LibraryResultsModel(self)
        self.library_results = _results_view("libraryResults", self.library_model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.edit)
        options = QHBoxLayout()
        options.addWidget(self.only_matching, 1)
        options.addWidget(self.scope_report)
        options.addWidget(self.scope_library)
        layout.addLayout(options)
        layout.addWidget(self.status)  # its own line: a retried query's words need the width
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _: self._timer.start())  # committed text only, never pre-edit
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self.edit, self.edit.clear, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.only_matching.toggled.connect(self.onlyMatchingChanged)
        self.results.selectionModel().currentChanged.connect(self._on_current)
        self.results.activated.connect(self._on_current)
        self.library_results.clicked.connect(self._on_library_hit)
        self.library_results.activated.connect(self._on_library_hit)
        self.scope_library.toggled.connect(self._on_scope)
        self._library: Path | None = None  # the library's folder, once the window has opened it
        self._index: _Index | None = None
        self._segmenter: WordSegmenter | None = None
        self._jieba: BackgroundTask | None = None
        self._query_number = 0  # counts queries, so a background result that arrives late is dropped
        self.session = SearchSession()

    # --- report and index -----------------------------------------------------------------------------------
    def set_report(self, report: Report, nodes: tuple[Node, ...]) -> None:
        """Search this report from now on (the index is built on first use); the other report's hits go at once."""
        self._index = _Index(report, nodes)
        self.session.set_report(report, nodes)
        self.model.set_hits(())
        if self._segmenter is not None:
            self._refine()
        if self.edit.text().strip() and self.scope == "report":  # library hits stay while their reports open
            self.run()

    def load_words(self) -> None:
        """Load jieba in the background (once); the ranking of the query on screen refines when it arrives."""
        if self._jieba is None:
            self._jieba = BackgroundTask(shared_segmenter, self)
            self._jieba.done.connect(self._on_words)
            self._jieba.start()

    @property
    def words_ready(self) -> bool:
        """True once jieba is loaded and the current report's word boundaries are in use."""
        built = self._index.built if self._index is not None else None
        return built is not None and built.index.has_word_boundaries

    def _on_words(self, segmenter: WordSegmenter) -> None:
        self._segmenter = segmenter
        self._refine()

    def _refine(self) -> None:
        index, segmenter = self._index, self._segmenter
        if index is None or segmenter is None:
            return
        task = BackgroundTask(lambda: (index, index.get().word_boundaries(segmenter)), self)
        task.done.connect(self._on_boundaries)
        task.done.connect(task.deleteLater)  # a finished task holding its report would keep it alive
        task.failed.connect(task.deleteLater)
        task.start()

    def _on_boundaries(self, result: tuple[_Index, npt.NDArray[np.bool_]]) -> None:
        index, edges = result
        if index is self._index:
            index.get().index.use_word_boundaries(edges)
            if self.edit.text().strip() and self.scope == "report":
                self.run()  # the same query ranked anew: the session keeps the user's place

    # --- querying -------------------------------------------------------------------------------------------
    def run(self) -> None:
        """Search for the field's text now (the debounce timer calls this); in the background for a large report."""
        self._timer.stop()
        self._query_number += 1
        text = self.edit.text().strip()
        if self.scope == "library":
            self._search_library(text)
            return
        index = self._index if text else None
        split = self._segmenter.words if self._segmenter is not None else None  # no retry before jieba is there
        if index is not None and index.large:
            self._search_in_background(index, text, split)
            return
        self._show(index.get().answer(text, RESULT_LIMIT, split) if index is not None else None)

    def _search_in_background(self, index: _Index, text: str, split: Split | None) -> None:
        self.status.setText("…")  # searching
        number = self._query_number
        task = BackgroundTask(lambda: index.get().answer(text, RESULT_LIMIT, split), self)
        task.done.connect(lambda answer: self._arrived(number, index, answer))
        task.failed.connect(lambda message: self._arrived(number, index, None, message))
        task.done.connect(task.deleteLater)
        task.failed.connect(task.deleteLater)
        task.start()

    def _arrived(self, number: int, index: _Index, answer: Answer | None, error: str = "") -> None:
        if number != self._query_number or index is not self._index:
            return  # a later query (or report) has been asked for since
        self._show(answer)  # after a failure: None, so the previous query's results, marks and F3 go
        if error:
            self.status.setText(error)  # logged in full by the worker

    def _show(self, answer: Answer | None) -> None:
        self.session.show(answer)
        self.model.set_hits(answer.results.hits if answer is not None else ())
        row = self.session.row
        if row is not None:  # the same query ranked anew: the user's place stays current, without choosing it again
            blocker = QSignalBlocker(self.results.selectionModel())
            self.results.setCurrentIndex(self.model.index(row, 0))
            self.results.scrollTo(self.model.index(row, 0))
            del blocker
        self.results.setVisible(bool(self.edit.text().strip()))
        self.status.setText(self._status(answer))
        self.resultsChanged.emit()

    def _status(self, answer: Answer | None) -> str:
        if answer is None:
            return ""
        if not answer.results.total:
            return fill(self.tr("No hits for “%1”. Try fewer or shorter words."), answer.typed)
        if answer.words:
            words = "、".join(f"“{word}”" for word in answer.words)
            return fill(self.tr("No hits for “%1”; showing results that contain %2"), answer.typed, words)
        spans = sum(len(hit.spans) for hit in answer.results.hits)
        return fill(self.tr("%1 hits in %2 places"), str(spans), str(answer.results.total))

    # --- the library scope ----------------------------------------------------------------------------------
    @property
    def scope(self) -> str:
        """ "report" (the report on show) or "library" (every report of the library)."""
        return "library" if self.scope_library.isChecked() else "report"

    def set_scope(self, scope: str) -> None:
        """Search the report on show ("report") or the whole library ("library")."""
        (self.scope_library if scope == "library" else self.scope_report).setChecked(True)

    def set_library(self, folder: Path | None) -> None:
        """The library's folder (None: it is unavailable); the query on show is asked again in the library scope."""
        self._library = folder
        if self.scope == "library":
            self.run()

    def _on_scope(self, library: bool) -> None:
        self.only_matching.setEnabled(not library)
        if library:  # the report's hits and marks go while the library's are on show
            self.session.show(None)
            self.model.set_hits(())
            self.resultsChanged.emit()
        self.results.setVisible(False)
        self.library_results.setVisible(False)
        self.scopeChanged.emit(self.scope)
        self.run()

    def _search_library(self, text: str) -> None:
        folder = self._library
        self.library_results.setVisible(bool(text))
        if not text:
            self.library_model.set_reports([])
            self.status.setText("")
            return
        if folder is None:
            self.library_model.set_reports([])
            self.status.setText(self.tr("The library is unavailable."))
            return
        self.status.setText("…")  # searching
        number = self._query_number
        task = BackgroundTask(lambda: search_library(folder, text), self)
        task.done.connect(lambda result: self._library_arrived(number, text, *result))
        task.failed.connect(lambda message: self._library_arrived(number, text, [], 0, message))
        task.done.connect(task.deleteLater)
        task.failed.connect(task.deleteLater)
        task.start()

    def _library_arrived(
        self, number: int, text: str, reports: list[ReportHits], skipped: int, error: str = ""
    ) -> None:
        if number != self._query_number or self.scope != "library":
            return  # a later query (or the other scope) has been asked for since
        self.library_model.set_reports(reports)
        places = sum(report.total for report in reports)
        if error:
            status = error  # logged in full by the worker
        elif not reports:
            status = fill(self.tr("No hits for “%1” in the library."), text)
        else:
            status = fill(self.tr("%1 places in %2 reports"), str(places), str(len(reports)))
        if skipped:
            status += " " + self.tr("(%n report(s) could not be read)", "", skipped)
        self.status.setText(status)

    def _on_library_hit(self, index: QModelIndex) -> None:
        report, hit = self.library_model.rows[index.row()] if index.isValid() else (None, None)
        if report is not None and hit is not None:
            self.libraryHitChosen.emit(report.report_id, hit)

    def focus(self) -> None:
        """Edit ▸ Find: put the cursor in the search field, its text selected."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def choose(self, row: int) -> None:
        """Select result ``row`` (and show it)."""
        index = self.model.index(row, 0)
        if index == self.results.currentIndex():
            self._on_current(index)  # already current: no currentChanged to show it again
        elif index.isValid():
            self.results.setCurrentIndex(index)  # currentChanged shows it

    def step(self, step: int) -> None:
        """Edit ▸ Find Next (1) / Previous (-1): the next or previous hit of all results, wrapping around."""
        landing = self.session.step(step)
        if landing is None:
            return
        blocker = QSignalBlocker(self.results.selectionModel())  # the row follows; choosing it would move the hit
        self.results.setCurrentIndex(self.model.index(landing.row, 0))
        self.results.scrollTo(self.model.index(landing.row, 0))
        del blocker
        self.hitChosen.emit(landing)

    def _on_current(self, index: QModelIndex, previous: QModelIndex | None = None) -> None:
        if index.isValid():
            self.hitChosen.emit(self.session.choose(self.model.hits[index.row()]))
