"""The main window: outline tree, detail pane and charts side by side. Wiring only; the logic lives elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.navigation import (
    Mark,
    Node,
    build_outline,
    count_marks,
    find_node,
    metric_clause,
    node_at,
    node_text,
    place_warnings,
)
from jcviewer.model.report import Metric, Report
from jcviewer.settings import Settings
from jcviewer.ui.chart_pane import ChartPane
from jcviewer.ui.detail_view import DetailView
from jcviewer.ui.fonts import FontChoice, reading_font, serif_family
from jcviewer.ui.menus import Menus
from jcviewer.ui.outline_delegate import OutlineDelegate
from jcviewer.ui.outline_filter import OutlineFilter
from jcviewer.ui.outline_model import OutlineModel
from jcviewer.ui.outline_view import OutlineView
from jcviewer.ui.report_opener import ReportOpener
from jcviewer.ui.search_panel import SearchPanel
from jcviewer.ui.theme import ThemeSwitcher
from jcviewer.ui.warning_bar import WarningBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from jcviewer.model.briefing import Briefing
    from jcviewer.model.briefing_options import BriefingOptions
    from jcviewer.model.figures import Bar
    from jcviewer.model.search.report_search import SearchHit
    from jcviewer.model.search.session import Landing
    from jcviewer.ui.briefing_editor import BriefingEditor
    from jcviewer.ui.corrections import Corrector, OutlineMenu
    from jcviewer.ui.library_pane import LibraryPane
    from jcviewer.ui.page_view import PageView
    from jcviewer.ui.print_dialogs import BriefingPrinter

# Dialogs, JSON export and the corrections UI are imported on first use (the corrections UI right after the first
# paint), the library pane and its catalogue on first show of its tab: the window paints before they load.

LIBRARY_TAB = 1  # the outline is tab 0
PAGE_TAB = 1  # of the middle's tabs, made for the first PDF report: the text is tab 0


class MainWindow(QMainWindow):
    """One report at a time; opening a bad file keeps the current one."""

    def __init__(self, settings: Settings, font_choice: FontChoice, theme: ThemeSwitcher | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self._theme = theme
        self.report: Report | None = None
        self.path: Path | None = None
        self._nodes: tuple[Node, ...] = ()
        self._model: OutlineModel | None = None
        self._pending_focus: Mark | None = None
        self._font_choice = font_choice
        self._briefing_printer: BriefingPrinter | None = None
        self._report_key: str | None = None  # of the report on show, read when its briefing is first asked for
        self._shown_once = False
        self._corrector: Corrector | None = None
        self._outline_menu: OutlineMenu | None = None
        self.library_folder: Path | None = None  # the library's folder; None: the user's (library.default_folder)
        self._library_pane: LibraryPane | None = None
        self._library_landing: tuple[Path, Callable[[], object]] | None = None  # where to go once it is on show
        self.middle_tabs: QTabWidget | None = None  # text | page, made for the first PDF report (page_view)
        self._page_view: PageView | None = None

        self.outline = OutlineView(self)
        self.outline.firstPainted.connect(self._on_first_paint)
        self.outline.setObjectName("outlineTree")
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(False)
        self.outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline.setItemDelegate(OutlineDelegate(self.outline))
        self._filter = OutlineFilter(self)
        self.outline.setModel(self._filter)
        self.outline.selectionModel().currentChanged.connect(self._on_current)
        self.detail = DetailView(font_choice, self)
        self.charts = ChartPane(font_choice, self)
        self.search_panel = SearchPanel(self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.search_panel)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, left)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_tabs = QTabWidget(self.left_splitter)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(self.outline, self.tr("Outline"))
        self._library_tab = QWidget(self.left_tabs)  # the pane moves in on first show (library_pane)
        self._library_tab.setObjectName("libraryTab")
        self._library_layout = QVBoxLayout(self._library_tab)
        self._library_layout.setContentsMargins(0, 0, 0, 0)
        self.left_tabs.addTab(self._library_tab, self.tr("Library"))
        self.left_tabs.currentChanged.connect(self._on_left_tab)
        self.left_splitter.addWidget(self.left_tabs)
        self.left_splitter.addWidget(self.search_panel.results)
        self.left_splitter.addWidget(self.search_panel.library_results)
        column.addWidget(self.left_splitter)
        self.warning_bar = WarningBar(self)
        self.warning_bar.reviewRequested.connect(self._review_uncertainty)
        middle = QWidget(self)
        self._middle_column = QVBoxLayout(middle)
        self._middle_column.setContentsMargins(0, 0, 0, 0)
        self._middle_column.setSpacing(0)
        self._middle_column.addWidget(self.warning_bar)
        self._middle_column.addWidget(self.detail)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((left, 0), (middle, 1), (self.charts, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([300, 560, 440])
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)

        self.search_panel.resultsChanged.connect(self._on_results)
        self.search_panel.hitChosen.connect(self._on_hit_chosen)
        self.search_panel.onlyMatchingChanged.connect(self._set_only_matching)
        self.search_panel.scopeChanged.connect(self._on_search_scope)
        self.search_panel.libraryHitChosen.connect(self.open_library_hit)
        self.detail.metricActivated.connect(self._show_metric)
        self.detail.zoomRequested.connect(self.zoom_by)
        self.charts.barClicked.connect(self._on_bar_clicked)
        self.detail.menuAtPlace.connect(self._add_place_corrections)
        self._name_for_screen_readers()
        self.menus = Menus(self)
        self.menus.enable_report_actions(False)  # until a report is on show
        self._restore_settings()

    def _name_for_screen_readers(self) -> None:
        """What a screen reader announces for each pane (the object names stay for tests and styles)."""
        for widget, name, description in (
            (self.outline, self.tr("Report outline"), self.tr("Sections, lists, targets and speakers of the report")),
            (self.detail, self.tr("Section text"), self.tr("The selected section's text and quotes")),
            (self.search_panel.edit, self.tr("Search the report"), self.tr("Words, abbreviations or numbers")),
            (self.search_panel.results, self.tr("Search results"), self.tr("Places where the search words occur")),
            (self.charts, self.tr("Target charts"), self.tr("This year's targets and last year's results")),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    # --- opening --------------------------------------------------------------------------------------------
    def open_file(self, path: Path) -> bool:
        """Open ``path`` (File ▸ Open, Open Recent, a drop): see ``ReportOpener.open``."""
        return ReportOpener.of(self).open(path)

    def set_report(
        self, report: Report, path: Path | None = None, restore_selection: bool = False, keep_selection: bool = False
    ) -> None:
        """Show ``report``: outline, charts, and its first node (or, restoring a session, the last one selected;
        re-showing it corrected, the node on show, else its section)."""
        shown = self.detail.node
        # An open briefing editor (a large file read meanwhile) closes first: its last change is kept for the report it
        # was on. Found by its object name, briefing_editor.OBJECT_NAME: that module loads only when first used.
        editor = self.findChild(QDialog, "briefingEditor", Qt.FindChildOption.FindDirectChildrenOnly)
        if editor is not None:
            editor.close()
        self.report, self.path = report, path
        self._report_key = None
        if self._corrector is not None:  # else it learns the report on show when it is made
            self._corrector.report_shown(path)
        self.menus.enable_report_actions(True)
        self._nodes = build_outline(report)
        old_model = self._model
        self._model = OutlineModel(self._nodes, self)
        self._filter.setSourceModel(self._model)
        if old_model is not None:
            old_model.deleteLater()
        uncertainties = place_warnings(report, self._nodes)
        self._model.set_uncertainties(uncertainties)
        self.warning_bar.set_uncertainties(uncertainties)
        self.outline.expandToDepth(0)
        self.search_panel.set_report(report, self._nodes)
        self.setWindowTitle(f"{report.title} — jcviewer")
        self.charts.set_report(report)
        self._show_pages(report, path)
        wanted = [self.settings.last_node] if restore_selection else []
        if keep_selection and shown is not None:
            wanted = [shown.id, shown.section]
        self.select_node(next((i for i in wanted if find_node(self._nodes, i)), self._nodes[0].id))
        self._land_library_report()
        warnings = len(report.warnings)
        self.statusBar().showMessage(
            self.tr("%n warning(s) while reading the report", "", warnings)
            if warnings
            else self.tr("%1 sections, %2 targets, %3 quotes")
            .replace("%1", str(sum(1 for n in report.walk() if n.headed)))
            .replace("%2", str(sum(1 for m in report.metrics if m.period == "target")))
            .replace("%3", str(len(report.quotes)))
        )

    def choose_file(self) -> None:
        """File ▸ Open…"""
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open report"),
            start,
            self.tr("Reports (*.txt *.pdf);;Report text (*.txt);;PDF (*.pdf);;All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def choose_export(self) -> None:
        """File ▸ Export JSON…: the documented schema (docs/json-schema.md)."""
        if self.report is None:
            return
        suggested = (self.path.with_suffix(".json") if self.path else Path("report.json")).name
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export JSON"), suggested, self.tr("JSON (*.json)"))
        if name:
            import json

            from jcviewer.model.export import to_json
            from jcviewer.ui import dialogs

            text = json.dumps(to_json(self.report), ensure_ascii=False, indent=2) + "\n"
            try:
                Path(name).write_text(text, encoding="utf-8")
            except OSError as error:
                dialogs.show_save_error(self, name, error)

    # --- selection ------------------------------------------------------------------------------------------
    @property
    def outline_model(self) -> OutlineModel | None:
        """The model behind the outline tree (None before a report is shown)."""
        return self._model

    @property
    def nodes(self) -> tuple[Node, ...]:
        """The navigation tree of the report on show."""
        return self._nodes

    def outline_index(self, node_id: str) -> QModelIndex:
        """The tree's index of a node (invalid if unknown or filtered out)."""
        return self._filter.mapFromSource(self._model.index_of(node_id)) if self._model else QModelIndex()

    def select_node(self, node_id: str, focus: Mark | None = None) -> bool:
        """Select a node in the tree and show it; ``focus`` is highlighted more strongly. False if unknown."""
        node = find_node(self._nodes, node_id)
        if node is None:
            return False
        index = self.outline_index(node_id)
        if not index.isValid():  # hidden by "only matching sections": show it without a tree row
            self._show(node, focus)
            return True
        self._pending_focus = focus
        if index == self.outline.currentIndex():
            self._on_current(index)
        else:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.outline.selectionModel().setCurrentIndex(index, flags)
        self.outline.scrollTo(index)
        return True

    def _node_of(self, index: QModelIndex) -> Node | None:
        return self._model.node(self._filter.mapToSource(index)) if self._model else None

    def _on_current(self, index: QModelIndex, previous: QModelIndex | None = None) -> None:
        node = self._node_of(index)
        focus, self._pending_focus = self._pending_focus, None
        if node is not None:
            self._show(node, focus)

    def _show(self, node: Node, focus: Mark | None) -> None:
        if self.report is not None:
            self.detail.show_node(self.report, node, self._heading(node), focus, self.search_panel.session.marks)
            self.charts.mark_node(node)
            self._outline_on_page(self.report, node, focus)
            self.settings.last_node = node.id

    def _heading(self, node: Node) -> str:
        section = find_node(self._nodes, node.section)
        assert section is not None and self._model is not None
        return section.title if section.headed else self._model.label(section)

    def _review_uncertainty(self, node_id: str, paragraph: str) -> None:
        """The warning bar's Review: select the doubtful node and bring its paragraph's reason into view."""
        if self.select_node(node_id):
            self.detail.show_uncertainty(paragraph)

    def _show_metric(self, metric: Metric) -> None:
        if self.report is None:
            return
        node = node_at(self.report, self._nodes, metric.paragraph, metric.span)
        if node is not None:
            clause = metric_clause(self.report.paragraph(metric.paragraph).text, metric)
            self.select_node(node.id, focus=Mark(metric.paragraph, clause))

    def _on_bar_clicked(self, bar: Bar) -> None:
        self._show_metric(bar.metric)

    # --- the page as printed (PDF reports) ------------------------------------------------------------------
    @property
    def page_view(self) -> PageView | None:
        """The 原版 view of a PDF report's pages (None until a PDF report is first shown)."""
        return self._page_view

    def show_pages(self, shown: bool = True) -> None:
        """Bring the page view (or, ``shown`` False, the text) to the front of the middle, if there are pages."""
        if self.middle_tabs is not None and self.middle_tabs.isTabVisible(PAGE_TAB):
            self.middle_tabs.setCurrentIndex(PAGE_TAB if shown else 0)

    def _show_pages(self, report: Report, path: Path | None) -> None:
        """The page view beside the text for a report read from a PDF; for a text report, the text alone."""
        pages = bool(report.pages) and path is not None
        if pages and path is not None:
            self._page_view_made().set_document(path, report)
        elif self._page_view is not None:
            self._page_view.clear()
        if self.middle_tabs is not None:
            if not pages:
                self.middle_tabs.setCurrentIndex(0)
            self.middle_tabs.setTabVisible(PAGE_TAB, pages)
            self.middle_tabs.tabBar().setVisible(pages)
            self._on_middle_tab(self.middle_tabs.currentIndex())
        self.menus.page_action.setEnabled(pages)

    def _page_view_made(self) -> PageView:
        """The page view, made with the middle's tabs on first need (its module, and pdfium, load only then)."""
        if self._page_view is None:
            from jcviewer.ui.page_view import PageView

            tabs = QTabWidget(self)
            tabs.setObjectName("middleTabs")
            tabs.setDocumentMode(True)
            self._middle_column.replaceWidget(self.detail, tabs)
            tabs.addTab(self.detail, self.tr("Text"))
            view = PageView(tabs)
            view.setAccessibleName(self.tr("Printed page"))
            view.setAccessibleDescription(self.tr("The report's pages as printed, the selection outlined"))
            tabs.addTab(view, self.tr("Page"))
            view.paragraphClicked.connect(self._select_paragraph)
            view.headingClicked.connect(self.select_node)
            tabs.currentChanged.connect(self._on_middle_tab)
            self.middle_tabs, self._page_view = tabs, view
        return self._page_view

    def _on_middle_tab(self, index: int) -> None:
        self.menus.page_action.setChecked(index == PAGE_TAB)

    def _outline_on_page(self, report: Report, node: Node, focus: Mark | None) -> None:
        """Outline the node on the page (its focus more strongly) and mark the search hits."""
        if self._page_view is None or not report.pages:
            return
        from jcviewer.ui.page_view import mark_region, node_regions

        session = self.search_panel.session
        hits = [mark_region(report, mark, cut=True) for mark in session.marks]
        self._page_view.set_hits(hits, mark_region(report, session.current, cut=True) if session.current else ())
        self._page_view.set_selection(node_regions(report, node), (mark_region(report, focus),) if focus else ())

    def _select_paragraph(self, paragraph: str) -> None:
        """A paragraph clicked on the page: its section selected, the paragraph marked in the text."""
        if self.report is not None:
            text = self.report.paragraph(paragraph).text
            self.select_node(self.report.section_of(paragraph).id, Mark(paragraph, (0, len(text))))

    # --- corrections ----------------------------------------------------------------------------------------------
    def corrector(self) -> Corrector:
        """The corrections of the report on show, with their undo stack (Edit ▸ Undo/Redo) and the outline's context
        menu: made right after the first paint, or before on first need (a context menu, Export Corrections)."""
        if self._corrector is None:
            from jcviewer.ui.corrections import Corrector, OutlineMenu

            self._corrector = Corrector(self)
            self._corrector.report_shown(self.path)
            self._outline_menu = OutlineMenu(self.outline, self._node_of, self._corrector)
            self.menus.attach_undo_stack(self._corrector.undo_stack)
        return self._corrector

    def outline_menu(self) -> OutlineMenu:
        """The outline's context menu (the corrections of a node), made with the corrector."""
        self.corrector()
        assert self._outline_menu is not None
        return self._outline_menu

    def _add_place_corrections(self, menu: QMenu, paragraph: str, offset: int) -> None:
        self.corrector().add_place_actions(menu, paragraph, offset)

    # --- search ---------------------------------------------------------------------------------------------
    def _on_results(self) -> None:
        if self._model is not None and self.report is not None:
            self._model.set_hit_counts(count_marks(self.report, self._nodes, self.search_panel.session.marks))
            self._filter.refilter()
        shown = self.detail.node
        if shown is not None and self.report is not None and find_node(self._nodes, shown.id) is shown:
            current = self.search_panel.session.current  # kept when the query on show is ranked anew
            inside = current is not None and self.report.section_of(current.paragraph).id == shown.section
            self._show(shown, current if inside else None)  # (a node of the report before is not re-shown)

    def _on_hit_chosen(self, landing: Landing) -> None:
        self.select_node(landing.node, landing.mark)

    def step_hit(self, step: int) -> None:
        """Edit ▸ Find Next / Previous: the next (step 1) or previous (-1) search hit, wrapping around."""
        self.search_panel.step(step)

    def _set_only_matching(self, only: bool) -> None:
        self._filter.set_only_matching(only)
        if only:
            self.outline.expandAll()

    # --- the library ---------------------------------------------------------------------------------------
    def library_pane(self) -> LibraryPane:
        """The Library tab's pane, made (and the catalogue opened) on first need: its tab first shown, the search
        scope set to all reports, a Library menu action."""
        if self._library_pane is None:
            from jcviewer.model.library import default_folder
            from jcviewer.paths import user_data_folder
            from jcviewer.ui.library_pane import LibraryPane

            folder = self.library_folder or default_folder()
            pane = LibraryPane(folder, user_data_folder("corrections"), self._library_tab)
            self._library_layout.addWidget(pane)
            pane.show()  # now, not when the layout gets round to it (shown only as its tab is)
            pane.openRequested.connect(self.open_file)
            pane.changed.connect(self._library_changed)
            self._library_pane = pane
            self.search_panel.set_library(folder if pane.available else None)
        return self._library_pane

    def show_library(self) -> LibraryPane:
        """Library ▸ Show Library: the Library tab, on top."""
        self.left_tabs.setCurrentIndex(LIBRARY_TAB)  # makes the pane
        return self.library_pane()

    def _on_left_tab(self, index: int) -> None:
        if index == LIBRARY_TAB:
            self.library_pane()

    def _on_search_scope(self, scope: str) -> None:
        if scope == "library":
            self.library_pane()

    def _library_changed(self) -> None:
        if self.search_panel.scope == "library":
            self.search_panel.run()  # the hits on show may name a report removed, or miss one added

    def open_library_hit(self, report_id: int, hit: SearchHit) -> None:
        """Open a report of the library (through the usual way of opening a file) at a hit found in it."""
        self._open_library_report(
            report_id, lambda: self.select_node(hit.node, Mark(hit.paragraph, hit.best) if hit.paragraph else None)
        )

    def open_library_paragraph(self, report_id: int, paragraph: str) -> None:
        """Open a report of the library at one of its paragraphs (a figure of the indicators, a compared target
        or task), the paragraph marked."""

        def land() -> None:
            try:
                text = self.report.paragraph(paragraph).text if self.report else None
            except KeyError:  # the report was corrected since: the paragraph is gone
                return
            node = node_at(self.report, self._nodes, paragraph, (0, 0)) if self.report and text else None
            if node is not None and text is not None:
                self.select_node(node.id, Mark(paragraph, (0, len(text))))

        self._open_library_report(report_id, land)

    def _open_library_report(self, report_id: int, land: Callable[[], object]) -> None:
        """Open the library's report ``report_id`` and ``land`` once it is on show (now, if it is)."""
        path = self.library_pane().text_file(report_id)
        if path is None:  # removed meanwhile
            return
        self._library_landing = (path.resolve(), land)
        if self.path == path.resolve():
            self._land_library_report()
        elif not self.open_file(path):
            self._library_landing = None

    def _land_library_report(self) -> None:
        """Go where the library asked, if its report is the one on show (else drop it: another report was shown
        since)."""
        wanted, self._library_landing = self._library_landing, None
        if wanted is not None and wanted[0] == self.path:
            wanted[1]()

    def show_indicators(self) -> None:
        """Library ▸ Indicators over the Years: a window of its own over every figure of the library."""
        from jcviewer.ui.library_views import IndicatorsWindow

        pane = self.library_pane()
        if not pane.available:
            return
        font = reading_font(self._font_choice, self.font().pointSizeF())
        window = IndicatorsWindow(pane.folder, pane.corrections, font, self.open_library_paragraph, self)
        window.show()

    def show_compare(self) -> None:
        """Library ▸ Compare Reports: two reports of the library side by side (the one on show first choice)."""
        from jcviewer.paths import user_cache_folder
        from jcviewer.ui.library_views import CompareWindow

        pane = self.library_pane()
        if pane.catalogue is None:
            return
        entries = pane.catalogue.list()
        shown = next((e for e in entries if self.path is not None and pane.text_file(e.id) == self.path), None)
        window = CompareWindow(
            pane.folder,
            pane.corrections,
            user_cache_folder("reports"),
            entries,
            shown,
            self.open_library_paragraph,
            self,
        )
        window.show()

    # --- briefings -----------------------------------------------------------------------------------------
    def briefing_printer(self) -> BriefingPrinter:
        """Printing, preview and PDF export of the briefing (made, and Qt's print support loaded, on first use)."""
        if self._briefing_printer is None:
            from jcviewer.ui.print_dialogs import BriefingPrinter

            self._briefing_printer = BriefingPrinter(
                self, self.settings, self._font_choice.family, self.briefing, serif_family
            )
        return self._briefing_printer

    def briefing_section(self) -> str:
        """The section the briefing covers, or "" for the whole report (File ▸ Briefing Covers)."""
        node = self.detail.node
        return node.section if self.settings.briefing_scope == "section" and node is not None else ""

    def base_briefing(self) -> Briefing:
        """The briefing the model chooses for the whole report or the selected section, before the reader's
        choices."""
        from jcviewer.model.briefing import report_briefing, section_briefing

        assert self.report is not None
        section = self.briefing_section()
        return section_briefing(self.report, section) if section else report_briefing(self.report)

    def briefing(self) -> Briefing:
        """The briefing to print, preview and export: the model's, with the choices made in File ▸ Compose
        Briefing… for this report (and section) — unless they leave nothing to print (everything unticked): then
        the model's own, rather than a blank page."""
        from jcviewer.model.briefing_options import BriefingOptions, apply_options, kept_parts

        base, options = self.base_briefing(), self.briefing_options()
        return apply_options(base, options if kept_parts(base, options) else BriefingOptions())

    def briefing_options(self) -> BriefingOptions:
        """The reader's remembered choices for the briefing ``briefing()`` makes (the defaults if none)."""
        from jcviewer.model.briefing_options import BriefingOptions

        return BriefingOptions.from_dict(self.settings.briefing_options(self._briefing_key()))

    def set_briefing_options(self, options: BriefingOptions) -> None:
        """Remember ``options`` for the briefing ``briefing()`` makes; the defaults are forgotten."""
        from jcviewer.model.briefing_options import BriefingOptions

        remembered = None if options == BriefingOptions() else options.to_dict()
        self.settings.remember_briefing_options(self._briefing_key(), remembered)

    def _briefing_key(self) -> str:
        """What the briefing's choices are remembered under: the key of the report's text (as its stored
        corrections are, so a text changed in place is another report), and the section it covers."""
        if self._report_key is None:
            from jcviewer.model.correction_store import report_key
            from jcviewer.model.errors import ReportError
            from jcviewer.model.report_file import read_report_bytes

            assert self.report is not None
            try:
                data = read_report_bytes(self.path) if self.path else None
            except ReportError:  # gone or unreadable since it was shown: the text on show stands for it
                data = None
            if data is None:
                data = "\n".join(p.text for p in self.report.paragraphs()).encode()
            self._report_key = report_key(data)
        section = self.briefing_section()
        return f"{self._report_key}/{section}" if section else self._report_key

    def compose_briefing(self) -> BriefingEditor:
        """File ▸ Compose Briefing…: the briefing editor, over this window until closed (loaded on first use)."""
        from jcviewer.ui.briefing_editor import BriefingEditor

        editor = BriefingEditor(self, self._font_choice.family, serif_family)
        editor.open()
        return editor

    def _briefing_file_name(self, suffix: str) -> str:
        """The file name suggested for the briefing: the report's stem, and the section's id when it covers one."""
        stem = self.path.stem if self.path else "briefing"
        section = self.briefing_section()
        return f"{stem}-{section}{suffix}" if section else f"{stem}{suffix}"

    def export_briefing(self) -> Path | None:
        """File ▸ Export Briefing as PDF…"""
        return self.briefing_printer().export_pdf(self._briefing_file_name(".pdf"))

    def export_briefing_docx(self) -> Path | None:
        """File ▸ Export Briefing as Word…: an editable .docx with the same content."""
        return self.briefing_printer().export_docx(self._briefing_file_name(".docx"))

    # --- edit -----------------------------------------------------------------------------------------------
    def current_text(self) -> str:
        """The selected text in the detail pane, else the text of the selected node."""
        node = self.detail.node
        if self.detail.selected_text():
            return self.detail.selected_text()
        return node_text(self.report, node) if self.report and node else ""

    def source_line(self) -> str:
        """Where the text comes from: report title, section heading and file name."""
        if self.report is None or self.detail.node is None:
            return ""
        heading = self._heading(self.detail.node)
        file_name = self.path.name if self.path else self.report.source
        return (
            self.tr("Source: %1, %2 (%3)")
            .replace("%1", f"《{self.report.title}》")
            .replace("%2", heading)
            .replace("%3", file_name)
        )

    def copy(self) -> None:
        """Edit ▸ Copy: the selection, or the selected node's text."""
        QApplication.clipboard().setText(self.current_text())

    def copy_with_source(self) -> None:
        """Edit ▸ Copy with Source: the text followed by where it comes from."""
        text = self.current_text()
        if text:
            QApplication.clipboard().setText(f"{text}\n——{self.source_line()}")

    # --- view -----------------------------------------------------------------------------------------------
    def zoom_by(self, steps: int | None) -> None:
        """Zoom the detail text by ``steps``; None resets. With the page view in front, zoom the page instead
        (None fits its width)."""
        if self._page_view is not None and self._page_view.isVisible():
            self._page_view.zoom_by(steps)
            return
        self.detail.set_zoom(0 if steps is None else self.detail.zoom + steps)
        self.settings.zoom = self.detail.zoom

    def set_charts_visible(self, visible: bool) -> None:
        """View ▸ Show Charts."""
        self.charts.setVisible(visible)
        self.menus.charts_action.setChecked(visible)
        self.settings.show_charts = visible
        if visible and self._shown_once:
            self.charts.load()

    def set_theme(self, theme: str) -> None:
        """View ▸ Theme: follow the system, or force light or dark."""
        if self._theme is not None:
            self._theme.apply(theme)
        for action in self.menus.theme_actions.actions():
            action.setChecked(action.data() == theme)
        self.settings.theme = theme

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts."""
        from jcviewer.ui import dialogs

        dialogs.show_shortcuts(self, self.actions())

    def show_about(self) -> None:
        """Help ▸ About."""
        from jcviewer.ui import dialogs

        dialogs.show_about(self)

    # --- settings and window events -------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(1300, 820)
        self.restoreState(self.settings.window_state)
        self.splitter.restoreState(self.settings.splitter)
        self.detail.set_zoom(self.settings.zoom)
        self.charts.setVisible(self.settings.show_charts)
        self.menus.charts_action.setChecked(self.settings.show_charts)
        self.set_theme(self.settings.theme)

    def save_settings(self) -> None:
        """Remember geometry, splitter and view state for next time."""
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.outline.setFocus()
            self.outline.installEventFilter(self)  # until the corrections UI is made

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A right click on the rows reaches the tree too: its viewport leaves context menus to its parent.
        if watched is self.outline and event.type() == QEvent.Type.ContextMenu and self._outline_menu is None:
            return self.outline_menu().eventFilter(watched, event)  # a context menu before the UI is made
        return super().eventFilter(watched, event)

    def _on_first_paint(self) -> None:
        # The outline is on screen: only now start what is slow (charts import pyqtgraph and numpy).
        QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        if self.charts.isVisible():
            self.charts.load()
        self.search_panel.load_words()
        self.corrector()
        self.outline.removeEventFilter(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        if self._library_pane is not None:
            self._library_pane.close_catalogue()  # an import under way stops after its current file
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_file(Path(files[0]))
