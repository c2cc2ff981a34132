"""The detail pane: the selected node's section, typeset, with quotes, metric tooltips, highlights and the parser's
doubts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QFontMetrics, QHelpEvent, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from jcviewer.model.export import format_value
from jcviewer.model.navigation import Mark, Node, warning_paragraph
from jcviewer.model.report import Metric, Period, Qualifier, Report
from jcviewer.ui.detail_html import ANCHORS, METRIC_SCHEME, UNCERTAIN_ANCHOR, Highlights, Style, section_html
from jcviewer.ui.fonts import FontChoice, reading_font
from jcviewer.ui.markup import plain_tooltip

BASE_POINT_SIZE = 12.0
ZOOM_STEP = 1.0
ZOOM_RANGE = (-5, 12)
CONTEXT_ABOVE = 6  # scroll a highlight to 1/6 of the height, not flush with the top


def metric_description(metric: Metric) -> str:
    """Indicator, value, qualifier and period of a metric, one per line, in the UI language."""
    translate = QCoreApplication.translate
    qualifiers: dict[Qualifier, str] = {
        "exact": translate("Metric", "exact"),
        "about": translate("Metric", "about (左右)"),
        "at_least": translate("Metric", "at least (以上)"),
        "at_most": translate("Metric", "at most (以内)"),
        "range": translate("Metric", "range"),
        "qualitative": translate("Metric", "qualitative"),
    }
    year = str(metric.year) if metric.year else ""
    periods: dict[Period, str] = {
        "target": translate("Metric", "%1 target"),
        "result": translate("Metric", "%1 result"),
    }
    lines = [
        translate("Metric", "Indicator: %1").replace("%1", metric.label),
        translate("Metric", "Value: %1").replace("%1", format_value(metric)),
        translate("Metric", "Qualifier: %1").replace("%1", qualifiers[metric.qualifier]),
    ]
    if metric.period:
        period = periods[metric.period].replace("%1", year).strip()
        lines.append(translate("Metric", "Period: %1").replace("%1", period))
    return "\n".join(lines)


def text_offset(shown: str, position: int, text: str) -> int:
    """Where ``position`` of ``shown`` (``text`` as laid out, its runs of white space collapsed) falls in
    ``text``: after as many non-space characters."""
    wanted = sum(1 for ch in shown[:position] if not ch.isspace())
    seen = 0
    for index, ch in enumerate(text):
        if not ch.isspace():
            if seen == wanted:
                return index
            seen += 1
    return len(text)


class DetailView(QTextBrowser):
    """Read-only rich text over one section at a time; never loads a resource or follows a link."""

    metricActivated = Signal(object)  # Metric  # noqa: N815
    zoomRequested = Signal(int)  # steps, from Ctrl+wheel  # noqa: N815
    menuAtPlace = Signal(object, str, int)  # QMenu being built, paragraph id, offset: add entries  # noqa: N815

    def __init__(self, font_choice: FontChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._font_choice = font_choice
        self._report: Report | None = None
        self._node: Node | None = None
        self._heading = ""
        self._focus: Mark | None = None
        self._hits: tuple[Mark, ...] = ()
        self._zoom = 0
        self.anchorClicked.connect(self._on_anchor)
        self._apply_font()

    # --- content --------------------------------------------------------------------------------------------
    def show_node(
        self, report: Report, node: Node, heading: str, focus: Mark | None = None, hits: tuple[Mark, ...] = ()
    ) -> None:
        """Show the section ``node`` belongs to with its marks and search ``hits`` painted, scrolled to ``focus``,
        else to the node's first mark, else to the first hit."""
        self._report, self._node, self._heading, self._focus, self._hits = report, node, heading, focus, hits
        self._render()

    @property
    def node(self) -> Node | None:
        """The node on show."""
        return self._node

    def _render(self) -> None:
        if self._report is None or self._node is None:
            return
        section = self._report.section(self._node.section)
        highlights = Highlights(self._hits, self._node.marks, self._focus)
        html = section_html(
            self._report, section, self._heading, highlights, self._style(), self.uncertain_paragraphs()
        )
        self.setHtml(html)
        strongest = highlights.strongest()
        if strongest is not None:
            self._scroll_to(ANCHORS[strongest])
        else:
            self.verticalScrollBar().setValue(0)

    def _scroll_to(self, anchor: str) -> None:
        self.scrollToAnchor(anchor)  # puts the anchor at the very top, unless the text ends before that
        bar = self.verticalScrollBar()
        if bar.value() < bar.maximum():  # at the top: leave some context above it (at the end it is in view)
            bar.setValue(bar.value() - bar.pageStep() // CONTEXT_ABOVE)  # a page step is the viewport's height

    def show_uncertainty(self, paragraph: str) -> bool:
        """Scroll to the reason given above ``paragraph``, if the section on show holds it and the parser doubts it."""
        if self._report is None or self._node is None or paragraph not in self.uncertain_paragraphs():
            return False
        shown = self._report.section(self._node.section)
        if all(p.id != paragraph for section in shown.walk() for p in section.paragraphs):
            return False
        self._scroll_to(UNCERTAIN_ANCHOR + paragraph)
        return True

    def uncertain_paragraphs(self) -> dict[str, list[str]]:
        """The reasons the parser doubts each paragraph of the report on show, by paragraph id, in the UI language."""
        notes: dict[str, list[str]] = {}
        report = self._report
        if report is None:
            return notes
        for warning in report.warnings:
            paragraph = warning_paragraph(report, warning)
            if paragraph is not None:
                notes.setdefault(paragraph, []).append(self.tr("Uncertain: %1").replace("%1", warning.message))
        return notes

    def _style(self) -> Style:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        indent = QFontMetrics(self.document().defaultFont()).horizontalAdvance("中中")
        if palette.color(QPalette.ColorRole.Base).lightness() < 128:
            return Style(
                text=text,
                muted="#a0a0a0",
                accent="#f08a7a",
                metric="#8cc4ff",
                mark="#5a4a12",
                focus="#8a6d00",
                hit="#1f4466",
                quote_background="#2e2b27",
                warning="#f0b429",
                warning_background="#33290f",
                indent=indent,
            )
        return Style(text=text, indent=indent)

    # --- resources and links: report text is data ------------------------------------------------------------
    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802
        """Nothing is ever loaded: no images, no style sheets, no files named by report text."""
        return None

    def setSource(self, name: QUrl | str, type: object = None) -> None:  # noqa: A002, N802
        """Links never navigate away from the report."""

    def _on_anchor(self, url: QUrl) -> None:
        metric = self._metric_for(url.toString())
        if metric is not None:
            self.metricActivated.emit(metric)

    def _metric_for(self, href: str) -> Metric | None:
        scheme, _, number = href.partition(":")
        if scheme != METRIC_SCHEME or not number.isdigit() or self._report is None:
            return None
        index = int(number)
        return self._report.metrics[index] if index < len(self._report.metrics) else None

    def metric_tooltip_at(self, position: object) -> str:
        """The tooltip text for the metric under a viewport position, "" elsewhere."""
        metric = self._metric_for(self.anchorAt(position))  # type: ignore[arg-type]
        return metric_description(metric) if metric else ""

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # Not an event filter on viewport(): its first call costs ~20 ms at start-up (PySide6 cannot name Qt's
        # private viewport class and builds every QtWidgets class looking for it).
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.metric_tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- context menu -------------------------------------------------------------------------------------
    def place_at(self, cursor: QTextCursor) -> tuple[str, int] | None:
        """The paragraph (id) and offset in its text where ``cursor`` is, None outside the report's text."""
        if self._report is None or self._node is None:
            return None
        shown = cursor.block().text()
        compact = "".join(shown.split())
        if not compact:
            return None
        section = self._report.section(self._node.section)
        for part in section.walk():
            for paragraph in part.paragraphs:
                if "".join(paragraph.text.split()) == compact:
                    return paragraph.id, text_offset(shown, cursor.positionInBlock(), paragraph.text)
        return None

    def context_menu(self, position: QPoint, keyboard: bool = False) -> QMenu:
        """The menu for a viewport position (from the keyboard: for the text cursor, e.g. a link reached with
        Tab): the standard entries, after those ``menuAtPlace`` adds for the place."""
        scrolled = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(position + scrolled)  # takes document coordinates
        if keyboard:
            cursor = self.textCursor()
            cursor.setPosition(cursor.selectionStart())
        else:
            cursor = self.cursorForPosition(position)
        place = self.place_at(cursor)
        if place is not None:
            self.menuAtPlace.emit(menu, *place)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        menu = self.context_menu(event.pos(), keyboard)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(self.cursorRect().center()) if keyboard else event.globalPos())

    # --- zoom and palette -----------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        """Zoom steps from the default size (0)."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Grow or shrink the text by whole steps, within ZOOM_RANGE."""
        self._zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        self._apply_font()

    def _apply_font(self) -> None:
        font = reading_font(self._font_choice, BASE_POINT_SIZE + self._zoom * ZOOM_STEP)
        self.document().setDefaultFont(font)
        self._render()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Ctrl+wheel zooms through the window (so the zoom is remembered), not by QTextEdit's own zoom."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoomRequested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render()

    def selected_text(self) -> str:
        """The selection as plain text ("" when nothing is selected); paragraph separators become newlines."""
        return self.textCursor().selectedText().replace("\u2029", "\n")
