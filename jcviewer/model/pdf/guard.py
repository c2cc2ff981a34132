"""pdfium in a child process that can be stopped: what the user opens is read there (``read_pages``).

pdfium cannot be interrupted, and a crafted PDF (a form XObject drawing itself twice) keeps ``FPDF_LoadPage``
busy for hours — or a damaged one may crash it. So the characters are extracted by one long-lived child process
(started on the first PDF, a few tenths of a second; later PDFs only pay for sending the pages back), which is
killed and forgotten when a PDF takes longer than ``READ_SECONDS``: the command or the loader gets a one-line
``pdf_timeout`` error (``pdf_broken`` when pdfium crashed), and the next PDF starts a new child. A forked
process (the library's workers) starts a reader of its own; a daemonic one (a ``multiprocessing.Pool`` worker),
which may not start children, reads in-process, unguarded. A frozen app must call
``multiprocessing.freeze_support()`` first (the launcher does).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf.extract import extract_pages
from jcviewer.model.pdf.page import Char, PageChars, Rect

READ_SECONDS = 60.0
"""How long pdfium may work on one PDF: a 16-page newspaper takes about 2 s, a 40-page report about 3 s."""


def read_pages(data: bytes, source: str, seconds: float = READ_SECONDS) -> tuple[PageChars, ...]:
    """``extract.extract_pages`` of ``data``, in the reading process, stopped after ``seconds`` (then ReportError
    "pdf_timeout"); ``source`` names the file in errors."""
    if multiprocessing.current_process().daemon:
        return extract_pages(data, source)
    return _READER.read(data, source, seconds)


class _Reader:
    """The child process reading PDFs one at a time, and the pipe to it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one PDF at a time through the pipe
        self._process: BaseProcess | None = None
        self._pipe: Connection | None = None

    def read(self, data: bytes, source: str, seconds: float) -> tuple[PageChars, ...]:
        with self._lock:
            pipe = self._started()
            try:
                pipe.send((data, source))
                if not pipe.poll(seconds):
                    self._stop()
                    raise ReportError("pdf_timeout", source, _stopped(True, seconds))
                outcome = pipe.recv()
            except (EOFError, OSError):
                self._stop()
                raise ReportError("pdf_broken", source, _stopped(False, seconds)) from None
        if outcome[0] == "error":
            raise ReportError(outcome[1], source, outcome[2])
        return _unpacked(outcome[1])

    def _started(self) -> Connection:
        if self._process is None or self._pipe is None or not self._process.is_alive():
            self._stop()
            context = multiprocessing.get_context("spawn")  # a clean interpreter: no Qt threads, no pdfium state
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), daemon=True, name="jcviewer-pdf-reader")
            process.start()
            theirs.close()
            self._process, self._pipe = process, ours
        return self._pipe

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
        if self._pipe is not None:
            self._pipe.close()
        self._process = self._pipe = None


def _serve(pipe: Connection) -> None:
    """The child's loop: a PDF in, its pages (or its error's reason and message: a ReportError does not
    pickle) out, until the parent closes the pipe."""
    while True:
        try:
            data, source = pipe.recv()
        except (EOFError, OSError):
            return
        outcome: tuple[Any, ...]
        try:
            outcome = ("pages", _packed(extract_pages(data, source)))
        except ReportError as error:
            outcome = ("error", error.reason, error.message)
        pipe.send(outcome)


PackedPage = tuple[Any, ...]  # number, width, height, characters, figures, text objects, font names


def _packed(pages: tuple[PageChars, ...]) -> list[PackedPage]:
    """The pages as plain tuples (ten times quicker through the pipe than pickled dataclasses): each character
    as its fields, its font as an index into the page's font names."""
    packed = []
    for page in pages:
        fonts: dict[str, int] = {}
        chars = [
            (c.text, c.rect.x0, c.rect.y0, c.rect.x1, c.rect.y1, c.size, fonts.setdefault(c.font, len(fonts)), c.bold)
            + ((True,) if c.vertical else ())
            for c in page.chars
        ]
        figures = [(r.x0, r.y0, r.x1, r.y1) for r in page.figures]
        packed.append((page.number, page.width, page.height, chars, figures, page.text_objects, list(fonts)))
    return packed


def _unpacked(packed: list[PackedPage]) -> tuple[PageChars, ...]:
    pages = []
    for number, width, height, chars, figures, text_objects, fonts in packed:
        page_chars = tuple(
            Char(text, Rect(x0, y0, x1, y1), size, fonts[font], bold, *vertical)
            for text, x0, y0, x1, y1, size, font, bold, *vertical in chars
        )
        pages.append(PageChars(number, width, height, page_chars, tuple(Rect(*r) for r in figures), text_objects))
    return tuple(pages)


def _stopped(running: bool, seconds: float) -> str:
    if running:
        return (
            f"the PDF cannot be read: reading it took longer than {seconds:g} s "
            "(a damaged PDF, one made to stall readers, or a very large one on a slow machine)"
        )
    return "the PDF cannot be read: the PDF library failed on it (a damaged file)"


def _forget_after_fork() -> None:
    """A forked child (the library's workers) starts its own reader: the parent's process, pipe and lock are not
    its own."""
    global _READER
    _READER = _Reader()


_READER = _Reader()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)
