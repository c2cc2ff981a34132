"""The 原版 (Page) view: a PDF report's pages as printed, the selection outlined on them, search hits marked, and
a click on a paragraph's lines selecting it.

Pages stand one under another in a scene measured in points (each page's top left at ``page_origin``); the view's
zoom is pixels per point. Pages are rendered off the GUI thread (``page_render``), only those in view, again at a
new zoom once zooming stops (the old image, scaled, stands in meanwhile).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.navigation import Mark, Node
from jcviewer.model.report import Box, Paragraph, Report, Span, boxes_of_span
from jcviewer.ui.page_render import PageRenderer, PdfSource

PAGE_GAP = 16.0  # points between pages, and around them
OUTLINE_PAD = 2.0  # points an outline stands off the text
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.1, 6.0)
MAX_RENDER_PIXELS = 20_000_000  # a page is rendered no larger (80 MB): zoomed further, its image is scaled up
RENDER_DELAY_MS = 150  # after the last zoom step, the pages in view are rendered at the new zoom
SELECTION_COLOUR = QColor(30, 110, 230)
FOCUS_FILL = QColor(30, 110, 230, 40)
HIT_FILL = QColor(255, 210, 0, 110)
CURRENT_HIT_FILL = QColor(255, 140, 0, 140)

Region = tuple[Box, ...]
"""The printed lines of one paragraph, heading or span: outlined as one shape."""


def node_regions(report: Report, node: Node) -> tuple[Region, ...]:
    """Where a node is printed: its marked spans' lines, else its section's heading and every paragraph under
    it (a region each)."""
    if node.marks:
        return tuple(mark_region(report, mark) for mark in node.marks)
    section = report.section(node.section)
    found = [section.boxes] + [p.boxes for s in section.walk() for p in s.paragraphs]
    found += [s.boxes for s in section.walk() if s is not section]
    return tuple(region for region in found if region)


def mark_region(report: Report, mark: Mark, cut: bool = False) -> Region:
    """The lines a marked span of a paragraph is printed on, ``cut`` to the span's characters (``span_boxes``) or
    whole; none if the paragraph is gone."""
    try:
        paragraph = report.paragraph(mark.paragraph)
    except KeyError:
        return ()
    return span_boxes(paragraph, mark.span) if cut else boxes_of_span(paragraph.boxes, mark.span)


def span_boxes(paragraph: Paragraph, span: Span) -> Region:
    """The lines ``span`` touches, the first and last cut to where the span starts and ends on them (estimated
    from the line's share of characters: justified Chinese sets them evenly)."""
    ends = {box.start: end for box, end in zip(paragraph.boxes, _line_ends(paragraph), strict=True)}
    cut = []
    for box in boxes_of_span(paragraph.boxes, span):
        end = ends[box.start]
        width = (box.x1 - box.x0) / max(1, end - box.start)
        x0 = box.x0 + width * max(0, span[0] - box.start)
        x1 = box.x0 + width * (min(end, span[1]) - box.start)
        cut.append(replace(box, x0=x0, x1=max(x0, x1)))
    return tuple(cut)


def _line_ends(paragraph: Paragraph) -> list[int]:
    return [box.start for box in paragraph.boxes[1:]] + [len(paragraph.text)]


class _PageItem(QGraphicsItem):
    """One page: its image (scaled to the page when rendered at another zoom), else white with a placeholder."""

    def __init__(self, size: tuple[float, float], placeholder: str) -> None:
        super().__init__()
        self._rect = QRectF(0, 0, *size)
        self.placeholder = placeholder
        self.image: QImage | None = None
        self.image_scale = 0.0  # the render scale of ``image``

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def set_image(self, image: QImage | None, scale: float) -> None:
        """Show ``image``, rendered at ``scale`` (None: the placeholder)."""
        self.image, self.image_scale = image, scale if image is not None else 0.0
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self._rect, self.image)
            return
        painter.fillRect(self._rect, Qt.GlobalColor.white)
        painter.setPen(QColor(140, 140, 140))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.placeholder)


class _Canvas(QGraphicsView):
    """The scrolling pages: Ctrl+wheel and the zoom keys zoom, a left click picks what is printed there."""

    zoomSteps = Signal(object)  # steps, None to fit the width  # noqa: N815
    pressedAt = Signal(QPointF)  # scene position  # noqa: N815
    movedTo = Signal(QPointF)  # scene position  # noqa: N815

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.movedTo.emit(self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoomSteps.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        keys = {Qt.Key.Key_Equal: 1, Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_0: None}
        if control and event.key() in keys:  # Ctrl+= too: Ctrl++ needs Shift on most keyboards
            self.zoomSteps.emit(keys[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressedAt.emit(self.mapToScene(event.position().toPoint()))
        super().mousePressEvent(event)


class PageView(QWidget):
    """A PDF report's pages: ``set_document``, then ``set_selection`` / ``set_hits`` as the reader moves; a click
    on a paragraph's lines emits ``paragraphClicked(id)``, on a heading's ``headingClicked(section id)``."""

    paragraphClicked = Signal(str)  # noqa: N815
    headingClicked = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.renderer: PageRenderer | None = None
        self.zoom = 1.0  # pixels per point
        self.fit_width = True  # the zoom follows the view's width until the reader zooms
        self._pages: list[_PageItem] = []
        self._regions: list[tuple[QRectF, str, str]] = []  # scene rect, "paragraph" or "heading", id
        self._outline_items: list[QGraphicsPathItem] = []
        self._path: Path | None = None
        self._revealed: Region = ()  # brought into view again when the view is first shown at its size
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render_visible)

        self.scene = QGraphicsScene(self)
        self.canvas = _Canvas(self.scene, self)
        self.canvas.setObjectName("pageCanvas")
        self.canvas.setBackgroundBrush(QColor(128, 128, 128))
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.canvas.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.canvas.zoomSteps.connect(self.zoom_by)
        self.canvas.pressedAt.connect(self._pressed)
        self.canvas.movedTo.connect(self._hover)
        self.canvas.setMouseTracking(True)
        self.canvas.verticalScrollBar().valueChanged.connect(self._render_visible)
        self.canvas.horizontalScrollBar().valueChanged.connect(self._render_visible)
        self.message = QLabel(self)
        self.message.setObjectName("pageMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.message)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.zoom_out_button = self._button("−", self.tr("Zoom out"), lambda: self.zoom_by(-1))
        self.zoom_label = QLabel(self)
        self.zoom_in_button = self._button("+", self.tr("Zoom in"), lambda: self.zoom_by(1))
        self.fit_button = self._button(self.tr("Fit Width"), self.tr("Fit the page to the view's width"), self.fit)
        self.fit_button.setCheckable(True)  # checked while the zoom follows the width
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.stack)
        self._show_zoom()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # --- the document ---------------------------------------------------------------------------------------
    def set_document(self, path: Path, report: Report) -> None:
        """Show the pages of ``path``, the PDF ``report`` was read from (its ``pages``), nothing selected. The same
        file again (the report re-shown corrected) keeps its rendered pages."""
        source = PdfSource.of(path, report.pages)
        renderer = self.renderer if self.renderer is not None and self.renderer.source == source else None
        self.clear(keep=renderer)
        if renderer is None:
            renderer = PageRenderer(source, parent=self)
            renderer.rendered.connect(self._on_rendered)
            renderer.failed.connect(self._on_failed)
        self.renderer, self._path = renderer, path
        widest = max((width for width, _ in report.pages), default=0.0)
        top = PAGE_GAP
        for number, size in enumerate(report.pages):
            item = _PageItem(size, self.tr("Rendering page %1…").replace("%1", str(number + 1)))
            item.setPos((widest - size[0]) / 2 + PAGE_GAP, top)
            self.scene.addItem(item)
            self._pages.append(item)
            top += size[1] + PAGE_GAP
        self.scene.setSceneRect(0, 0, widest + 2 * PAGE_GAP, top)
        pages = len(self._pages)
        self._regions = [
            (self.scene_rect(b), "heading", s.id) for s in report.walk() for b in s.boxes if b.page < pages
        ]
        self._regions += [
            (self.scene_rect(b), "paragraph", p.id) for p in report.paragraphs() for b in p.boxes if b.page < pages
        ]
        self.stack.setCurrentWidget(self.canvas)
        if renderer.failure is not None:
            self._on_failed(renderer.failure)
        self._apply_zoom()
        self._render_visible()  # the pages cached show at once

    def clear(self, keep: PageRenderer | None = None) -> None:
        """Show nothing, and forget the document and its rendered pages (unless ``keep`` is its renderer)."""
        self._render_timer.stop()
        if self.renderer is not None and self.renderer is not keep:
            self.renderer.retain(())
            self.renderer.deleteLater()
        self.renderer = None
        self.scene.clear()
        self._pages, self._regions, self._outline_items = [], [], []
        self._path, self._revealed = None, ()

    def page_origin(self, page: int) -> QPointF:
        """Where page ``page``'s top left stands in the scene."""
        return self._pages[page].pos()

    def scene_rect(self, box: Box) -> QRectF:
        """A line's box in scene coordinates."""
        origin = self.page_origin(box.page)
        return QRectF(origin.x() + box.x0, origin.y() + box.y0, box.x1 - box.x0, box.y1 - box.y0)

    def page_image(self, page: int) -> QImage | None:
        """The image page ``page`` shows (None while it renders, or out of view)."""
        return self._pages[page].image

    def page_placeholder(self, page: int) -> str | None:
        """What page ``page`` shows while it renders, or None once its image is on show."""
        item = self._pages[page]
        return item.placeholder if item.image is None else None

    def page_scale(self, page: int) -> float:
        """The render scale of the image page ``page`` shows (0 if none)."""
        return self._pages[page].image_scale

    # --- selection and hits ---------------------------------------------------------------------------------
    def set_selection(self, regions: Sequence[Region], focus: Sequence[Region] = ()) -> None:
        """Outline ``regions`` (what the outline selected) and, more strongly, ``focus`` (a target, a quote, the
        current search hit); scroll to show the focus, else the selection's start. Replaces the last selection."""
        self._outline("selection", regions, _pen(1.5), QBrush(Qt.BrushStyle.NoBrush), 2)
        self._outline("focus", focus, _pen(2.5), QBrush(FOCUS_FILL), 3)
        self._revealed = next((r for r in (*focus, *regions) if r), ())
        self._reveal(self._revealed)

    def set_hits(self, hits: Iterable[Region], current: Region = ()) -> None:
        """Mark the search hits (each a region, cut to its characters), the current one more strongly."""
        no_pen = QPen(Qt.PenStyle.NoPen)
        self._outline("hits", [box for hit in hits for box in hit], no_pen, QBrush(HIT_FILL), 1, merge=False)
        self._outline("current hit", current, no_pen, QBrush(CURRENT_HIT_FILL), 1, merge=False)

    def outline_items(self, role: str) -> list[QGraphicsPathItem]:
        """The shapes drawn for ``role``: "selection", "focus", "hits", "current hit"."""
        return [item for item in self._outline_items if item.data(0) == role]

    def _outline(
        self, role: str, regions: Iterable[Region | Box], pen: QPen, brush: QBrush, z: float, merge: bool = True
    ) -> None:
        for item in self.outline_items(role):
            self._outline_items.remove(item)
            self.scene.removeItem(item)
        if not self._pages:
            return
        for region in regions:
            boxes = (region,) if isinstance(region, Box) else region
            path = self._region_path(boxes, OUTLINE_PAD if merge else 0.0)
            if path.isEmpty():
                continue
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            item.setBrush(brush)
            item.setZValue(z)
            item.setData(0, role)
            self.scene.addItem(item)
            self._outline_items.append(item)

    def _region_path(self, boxes: Sequence[Box], pad: float) -> QPainterPath:
        """One shape around a region's lines: each line's box padded, the leading between lines of a column
        filled so the lines make one outline."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # overlapping lines make one shape, not holes
        rects = [self.scene_rect(box).adjusted(-pad, -pad, pad, pad) for box in boxes if box.page < len(self._pages)]
        for rect, below in zip(rects, [*rects[1:], None], strict=True):
            if below is not None and _stacked(rect, below):
                rect.setBottom(below.top())
            path.addRect(rect)
        return path.simplified() if pad else path

    def _reveal(self, region: Region) -> None:
        """Scroll so the region is in view (its first page's part, or its first line if that is too tall)."""
        if not region or region[0].page >= len(self._pages):
            return
        first_page = [self.scene_rect(box) for box in region if box.page == region[0].page]
        whole = first_page[0]
        for rect in first_page[1:]:
            whole = whole.united(rect)
        fits = whole.height() * self.zoom < self.canvas.viewport().height() * 0.9
        self.canvas.ensureVisible(whole if fits else first_page[0], 40, 40)

    # --- clicks ---------------------------------------------------------------------------------------------
    def region_at(self, point: QPointF) -> tuple[str, str] | None:
        """What is printed at scene ``point``: ("paragraph", id) or ("heading", section id), or None."""
        for rect, kind, name in self._regions:
            if rect.adjusted(-OUTLINE_PAD, -OUTLINE_PAD, OUTLINE_PAD, OUTLINE_PAD).contains(point):
                return kind, name
        return None

    def _hover(self, point: QPointF) -> None:
        """A pointing hand over what a click selects."""
        shape = Qt.CursorShape.PointingHandCursor if self.region_at(point) else Qt.CursorShape.ArrowCursor
        self.canvas.viewport().setCursor(shape)

    def _pressed(self, point: QPointF) -> None:
        found = self.region_at(point)
        if found is not None:
            (self.paragraphClicked if found[0] == "paragraph" else self.headingClicked).emit(found[1])

    # --- zoom -----------------------------------------------------------------------------------------------
    def zoom_by(self, steps: int | None) -> None:
        """Zoom in (steps > 0) or out by ``ZOOM_STEP`` a step; None fits the width."""
        if steps is None:
            self.fit()
        else:
            self.set_zoom(self.zoom * ZOOM_STEP**steps)

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at ``zoom`` pixels per point (within ``ZOOM_RANGE``); the zoom stays put on resizing."""
        self.fit_width = False
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        self._apply_zoom()

    def fit(self) -> None:
        """Zoom so the widest page fills the view's width, and keep it so as the view is resized."""
        self.fit_width = True
        self._apply_zoom()

    def render_scale(self) -> float:
        """Pixels per point of the images the pages are rendered to: the zoom on this screen, up to
        ``MAX_RENDER_PIXELS`` for the largest page."""
        largest = max((item.boundingRect().width() * item.boundingRect().height() for item in self._pages), default=1.0)
        return min(self.zoom * self.devicePixelRatioF(), math.sqrt(MAX_RENDER_PIXELS / max(1.0, largest)))

    def _apply_zoom(self) -> None:
        if self.fit_width and self._pages:
            room = self.canvas.viewport().width() - 2
            self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], room / max(1.0, self.scene.sceneRect().width())))
        self.canvas.setTransform(QTransform.fromScale(self.zoom, self.zoom))
        self._show_zoom()
        self._render_timer.start()  # once zooming stops; the old images, scaled, meanwhile

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_RANGE[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_RANGE[1])
        self.fit_button.setChecked(self.fit_width)

    # --- rendering ------------------------------------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        """The pages in view, or half a view away (rendered ahead of scrolling)."""
        shown = self.canvas.mapToScene(self.canvas.viewport().rect()).boundingRect()
        ahead = shown.adjusted(0, -shown.height() / 2, 0, shown.height() / 2)
        return [number for number, item in enumerate(self._pages) if item.sceneBoundingRect().intersects(ahead)]

    def _render_visible(self) -> None:
        if self.renderer is None or not self.isVisible():
            return
        scale = self.render_scale()
        visible = set(self.visible_pages())
        self.renderer.retain((page, scale) for page in visible)
        for number, item in enumerate(self._pages):
            if number not in visible:
                item.set_image(None, 0.0)  # its memory is the cache's to keep or drop
                continue
            image = self.renderer.request(number, scale)
            if image is not None:
                item.set_image(image, scale)

    def _on_rendered(self, page: int) -> None:
        if self.renderer is not None and page < len(self._pages) and page in self.visible_pages():
            image = self.renderer.request(page, self.render_scale())  # None if it came at an earlier zoom
            if image is not None:
                self._pages[page].set_image(image, self.render_scale())

    def _on_failed(self, reason: str) -> None:
        name = self._path.name if self._path else ""
        texts = {
            "missing": self.tr("The PDF %1 is no longer there: its pages cannot be shown."),
            "changed": self.tr("The PDF %1 has changed since the report was read: open it again to see its pages."),
        }
        text = texts.get(reason, self.tr("The PDF %1 cannot be read: its pages cannot be shown."))
        self.message.setText(text.replace("%1", name))
        self.stack.setCurrentWidget(self.message)

    # --- events ---------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit_width:
            before = self.zoom
            self._apply_zoom()
            if self.zoom != before:  # the view laid out at its size (just shown, say): the selection in view again
                self._reveal(self._revealed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._apply_zoom()
        self._reveal(self._revealed)


def _pen(width: float) -> QPen:
    """An outline's pen: ``width`` pixels whatever the zoom."""
    pen = QPen(SELECTION_COLOUR, width)
    pen.setCosmetic(True)
    return pen


def _stacked(upper: QRectF, lower: QRectF) -> bool:
    """Whether ``lower`` is the next line of ``upper``'s column: below it, overlapping across, within a line."""
    gap = lower.top() - upper.bottom()
    overlap = min(upper.right(), lower.right()) - max(upper.left(), lower.left())
    return 0 < gap <= upper.height() and overlap > 0
