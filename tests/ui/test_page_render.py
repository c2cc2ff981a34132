"""Rendering a PDF's pages off the GUI thread, through a cache bounded in bytes; a file gone or changed says so."""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot

from jcviewer.ui import page_render
from jcviewer.ui.page_render import ImageCache, PageRenderer, PdfSource

PAGES = ((200.0, 300.0), (200.0, 300.0))
BAR = QRectF(50, 100, 100, 20)  # points, on the first page


def write_pdf(path: Path, pages: int = len(PAGES)) -> Path:
    """A PDF of ``pages`` pages of ``PAGES[0]``'s size, the first with a black bar at ``BAR``."""
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    size = QPageSize(QSizeF(*PAGES[0]), QPageSize.Unit.Point)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    painter.fillRect(BAR, QColor(0, 0, 0))
    for _ in range(pages - 1):
        writer.newPage()
    painter.end()
    return path


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float, threading.Thread]]:
    """Every page render: its page, scale and the thread it ran on."""
    made: list[tuple[int, float, threading.Thread]] = []
    render = page_render.render_page

    def watched(source: PdfSource, page: int, scale: float) -> QImage:
        made.append((page, scale, threading.current_thread()))
        return render(source, page, scale)

    monkeypatch.setattr(page_render, "render_page", watched)
    return made


@pytest.fixture
def renderer_of() -> Iterator[Callable[[PdfSource], PageRenderer]]:
    """Make renderers; each is deleted as a window deletes it (later, from the event loop), not by the garbage
    collector while its finished tasks wait to be deleted."""
    made: list[PageRenderer] = []

    def make(source: PdfSource) -> PageRenderer:
        made.append(PageRenderer(source))
        return made[-1]

    yield make
    for renderer in made:
        renderer.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def render(qtbot: QtBot, renderer: PageRenderer, page: int, scale: float) -> QImage:
    """Ask for a page and wait for it."""
    with qtbot.waitSignal(renderer.rendered, timeout=5000) as signal:
        assert renderer.request(page, scale) is None
    assert signal.args == [page]
    image = renderer.request(page, scale)
    assert image is not None
    return image


def test_pages_render_off_the_gui_thread_and_once(
    qtbot: QtBot, tmp_path: Path, calls: list, renderer_of: Callable[[PdfSource], PageRenderer]
) -> None:
    renderer = renderer_of(PdfSource.of(write_pdf(tmp_path / "a.pdf"), PAGES))
    image = render(qtbot, renderer, 0, 2.0)
    assert (image.width(), image.height()) == (400, 600)
    assert len(calls) == 1 and calls[0][2] is not threading.main_thread()
    bar = BAR.center() * 2
    assert QColor(image.pixel(int(bar.x()), int(bar.y()))).lightness() < 40  # the bar, where it is printed
    assert QColor(image.pixel(10, 10)).lightness() > 240  # white paper
    assert renderer.request(0, 2.0) == image  # from the cache
    assert len(calls) == 1
    render(qtbot, renderer, 0, 1.0)  # another zoom is another render
    assert [call[:2] for call in calls] == [(0, 2.0), (0, 1.0)]


def test_the_cache_drops_the_least_recently_used_over_its_budget() -> None:
    page = QImage(100, 100, QImage.Format.Format_RGBX8888)  # 40 000 bytes
    cache = ImageCache(budget=100_000)
    cache.put((0, 1.0), page)
    cache.put((1, 1.0), page.copy())
    assert cache.get((0, 1.0)) is not None  # now the most recently used
    cache.put((2, 1.0), page.copy())
    assert cache.get((1, 1.0)) is None
    assert cache.get((0, 1.0)) is not None and cache.get((2, 1.0)) is not None
    assert len(cache) == 2 and cache.bytes == 80_000


def test_a_vanished_pdf_is_reported_missing(
    qtbot: QtBot, tmp_path: Path, renderer_of: Callable[[PdfSource], PageRenderer]
) -> None:
    path = write_pdf(tmp_path / "a.pdf")
    renderer = renderer_of(PdfSource.of(path, PAGES))
    path.unlink()
    with qtbot.waitSignal(renderer.failed, timeout=5000) as signal:
        renderer.request(0, 1.0)
    assert signal.args == ["missing"]
    assert renderer.request(1, 1.0) is None and not renderer.busy()  # nothing more is tried


def test_a_pdf_rewritten_since_is_reported_changed(
    qtbot: QtBot, tmp_path: Path, renderer_of: Callable[[PdfSource], PageRenderer]
) -> None:
    path = write_pdf(tmp_path / "a.pdf")
    renderer = renderer_of(PdfSource.of(path, PAGES))
    write_pdf(path, pages=3)
    with qtbot.waitSignal(renderer.failed, timeout=5000) as signal:
        renderer.request(0, 1.0)
    assert signal.args == ["changed"]


def test_a_pdf_of_other_pages_than_the_report_is_reported_changed(
    qtbot: QtBot, tmp_path: Path, renderer_of: Callable[[PdfSource], PageRenderer]
) -> None:
    renderer = renderer_of(PdfSource.of(write_pdf(tmp_path / "a.pdf"), PAGES[:1]))  # the report had one page
    with qtbot.waitSignal(renderer.failed, timeout=5000) as signal:
        renderer.request(0, 1.0)
    assert signal.args == ["changed"]


def test_a_pdf_that_is_not_one_is_reported_unreadable(
    qtbot: QtBot, tmp_path: Path, renderer_of: Callable[[PdfSource], PageRenderer]
) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"not a PDF at all")
    renderer = renderer_of(PdfSource.of(path, PAGES))
    with qtbot.waitSignal(renderer.failed, timeout=5000) as signal:
        renderer.request(0, 1.0)
    assert signal.args == ["unreadable"]


def test_a_bitmap_with_padded_rows_is_copied_row_by_row() -> None:
    width, height, stride = 3, 2, 16  # 12 bytes of pixels, 4 of padding a row
    data = bytearray(stride * height)
    for y in range(height):
        for x in range(width):
            data[y * stride + x * 4 : y * stride + x * 4 + 4] = bytes((10 * x, 100 + y, 200, 255))
    bitmap = SimpleNamespace(
        width=width, height=height, stride=stride, buffer=(ctypes.c_ubyte * len(data)).from_buffer(data)
    )
    image = page_render._image_of(bitmap)
    assert [
        (QColor(image.pixel(x, y)).red(), QColor(image.pixel(x, y)).green()) for y in range(2) for x in range(3)
    ] == [(0, 100), (10, 100), (20, 100), (0, 101), (10, 101), (20, 101)]
