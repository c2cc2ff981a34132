"""Pages of a report's PDF as images, for the page view: rendered with pypdfium2 on one worker thread (never the
GUI thread), kept in a cache bounded in bytes.

pdfium is not thread-safe: every pypdfium2 call holds ``PDFIUM`` (the extractor, on the loader thread, takes it
too). The worker keeps the last document open between pages and closes it when another is asked for and at quit.
A PDF gone or rewritten since its report was shown is not rendered: the view says so (``RenderFailure``).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from jcviewer.model.pdf.pdfium_lock import PDFIUM
from jcviewer.ui.background import BackgroundTask, SerialWorker

if TYPE_CHECKING:
    import pypdfium2

DEFAULT_CACHE_BYTES = 192 * 1024 * 1024
"""About ten broadsheet pages at 150 dpi."""
SIZE_TOLERANCE = 1.0
"""Points a page's size may differ from the one the report was read with (rounding) and still be that page."""

FailureReason = Literal["missing", "changed", "unreadable"]


@dataclass(frozen=True)
class PdfSource:
    """The PDF a report was read from, as it was when the report was shown: its path, its modification time and
    size (``stamp``) and its pages' sizes in points."""

    path: Path
    stamp: tuple[int, int]
    pages: tuple[tuple[float, float], ...]

    @classmethod
    def of(cls, path: Path, pages: tuple[tuple[float, float], ...]) -> PdfSource:
        """The source ``path`` is now (a file already gone gets a stamp no file has: it is reported missing)."""
        try:
            status = path.stat()
        except OSError:
            return cls(path, (-1, -1), pages)
        return cls(path, (status.st_mtime_ns, status.st_size), pages)


@dataclass(frozen=True)
class RenderFailure:
    """Why a page could not be rendered: the file is gone, changed since the report was shown, or unreadable."""

    reason: FailureReason


class SourceError(Exception):
    """The PDF is not the one the report was read from any more."""

    def __init__(self, reason: FailureReason) -> None:
        super().__init__(reason)
        self.reason: FailureReason = reason


class _Documents:
    """The document open on the render worker (one at a time), opened and closed there."""

    def __init__(self) -> None:
        self._source: PdfSource | None = None
        self._document: pypdfium2.PdfDocument | None = None

    def open(self, source: PdfSource) -> pypdfium2.PdfDocument:
        """``source`` open, checked to be the file the report was read from; SourceError if it is not."""
        try:
            status = os.stat(source.path)
        except OSError:
            raise SourceError("missing") from None
        if (status.st_mtime_ns, status.st_size) != source.stamp:
            raise SourceError("changed")
        if self._source == source and self._document is not None:
            return self._document
        self.close()
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(source.path)
        except (pypdfium2.PdfiumError, OSError):
            raise SourceError("unreadable") from None
        sizes = [document.get_page_size(index) for index in range(len(document))]
        if len(sizes) != len(source.pages) or any(
            abs(w - width) > SIZE_TOLERANCE or abs(h - height) > SIZE_TOLERANCE
            for (w, h), (width, height) in zip(sizes, source.pages, strict=True)
        ):
            document.close()
            raise SourceError("changed")
        self._source, self._document = source, document
        return document

    def close(self) -> None:
        """Close the open document, if any."""
        if self._document is not None:
            with PDFIUM:
                self._document.close()
        self._source = self._document = None


_DOCUMENTS = _Documents()
_WORKER = SerialWorker("jcviewer-page-render", _DOCUMENTS.close, drop_queued=True)  # at quit: no more pages


def render_page(source: PdfSource, page: int, scale: float) -> QImage:
    """Page ``page`` (0-based) of ``source`` at ``scale`` pixels per point, white behind. Runs on the render
    worker; SourceError if the file is not the one the report was read from."""
    with PDFIUM:
        document = _DOCUMENTS.open(source)
        pdf_page = document[page]
        try:
            bitmap = pdf_page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                return _image_of(bitmap)
            finally:
                bitmap.close()
        finally:
            pdf_page.close()


def _image_of(bitmap: pypdfium2.PdfBitmap) -> QImage:
    """A QImage of its own holding an RGBx bitmap's pixels (copied: the bitmap's memory goes with it)."""
    image = QImage(bitmap.width, bitmap.height, QImage.Format.Format_RGBX8888)
    pixels, target = memoryview(bitmap.buffer).cast("B"), memoryview(image.bits())
    row, line = bitmap.width * 4, image.bytesPerLine()
    if line == bitmap.stride:
        target[: len(pixels)] = pixels
    else:
        for y in range(bitmap.height):
            target[y * line : y * line + row] = pixels[y * bitmap.stride : y * bitmap.stride + row]
    return image


def _render_on_worker(source: PdfSource, page: int, scale: float) -> Future[QImage | RenderFailure]:
    def job() -> QImage | RenderFailure:
        try:
            return render_page(source, page, scale)  # looked up at run time: tests watch it
        except SourceError as error:
            return RenderFailure(error.reason)

    return _WORKER.submit(job)


class ImageCache:
    """Rendered pages by (page, scale), least recently used first out once they take more than ``budget`` bytes
    (the newest always stays)."""

    def __init__(self, budget: int = DEFAULT_CACHE_BYTES) -> None:
        self.budget = budget
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.bytes = 0

    def get(self, key: tuple[int, float]) -> QImage | None:
        """The image of ``key``, now the most recently used; None if not cached."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: tuple[int, float], image: QImage) -> None:
        """Keep ``image`` for ``key``, dropping the least recently used over the budget."""
        old = self._images.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._images[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.budget and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            self.bytes -= dropped.sizeInBytes()

    def __len__(self) -> int:
        return len(self._images)


def render_scale(scale: float) -> float:
    """A scale as the cache keys it (zooming by steps gives the same scales again)."""
    return round(scale, 3)


class PageRenderer(QObject):
    """Renders the pages of one PDF on request, off the GUI thread, through the cache: ``rendered(page)`` when
    a page's image arrives, ``failed(reason)`` once if the file is gone, changed or unreadable."""

    rendered = Signal(int)
    failed = Signal(str)

    def __init__(self, source: PdfSource, cache_bytes: int = DEFAULT_CACHE_BYTES, parent: QObject | None = None):
        super().__init__(parent)
        self.source = source
        self.cache = ImageCache(cache_bytes)
        self.failure: FailureReason | None = None
        self._pending: dict[tuple[int, float], Future[QImage | RenderFailure]] = {}

    def request(self, page: int, scale: float) -> QImage | None:
        """The page's image at ``scale`` if cached; else None, and it is rendered (``rendered`` tells)."""
        key = (page, render_scale(scale))
        image = self.cache.get(key)
        if image is not None or self.failure is not None or key in self._pending:
            return image
        future = _render_on_worker(self.source, page, key[1])
        self._pending[key] = future
        task = BackgroundTask(_waiter(future), self)
        task.done.connect(lambda result: self._arrived(key, future, result))
        task.failed.connect(lambda message: self._arrived(key, future, RenderFailure("unreadable")))
        task.done.connect(task.deleteLater)
        task.failed.connect(task.deleteLater)
        task.start()
        return None

    def retain(self, wanted: Iterable[tuple[int, float]]) -> None:
        """Give up the renders not yet started of pages no longer wanted (scrolled past, or at an old zoom)."""
        keep = {(page, render_scale(scale)) for page, scale in wanted}
        for key, future in list(self._pending.items()):
            if key not in keep and future.cancel():
                del self._pending[key]

    def busy(self) -> bool:
        """Whether renders are under way or queued."""
        return bool(self._pending)

    def _arrived(
        self,
        key: tuple[int, float],
        future: Future[QImage | RenderFailure],
        result: QImage | RenderFailure | None,
    ) -> None:
        if self._pending.get(key) is future:  # (a render given up may have been asked for again since)
            del self._pending[key]
        if isinstance(result, QImage):
            self.cache.put(key, result)
            self.rendered.emit(key[0])
        elif isinstance(result, RenderFailure) and self.failure is None:
            self.failure = result.reason
            self.failed.emit(result.reason)


def _waiter(future: Future[QImage | RenderFailure]) -> Callable[[], QImage | RenderFailure | None]:
    """A task's work: wait for the worker's render (None if it was given up before it started)."""

    def wait() -> QImage | RenderFailure | None:
        try:
            return future.result()
        except CancelledError:
            return None

    return wait
