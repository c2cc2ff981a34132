"""What the user opens is read by pdfium in a child process that is stopped when a PDF stalls it (``guard``)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from pdf_fixtures import encrypted_pdf, stalling_pdf, text_page

from jcviewer.model.errors import ReportError
from jcviewer.model.pdf import guard
from jcviewer.model.pdf.guard import read_pages


def test_the_reader_gives_the_pages_and_the_errors_of_the_child_process() -> None:
    (page,) = read_pages(text_page(b"Hello", "9 0 0 9 72 700"), "g.pdf")
    assert "".join(char.text for char in page.chars) == "Hello"
    with pytest.raises(ReportError) as raised:
        read_pages(encrypted_pdf(), "g.pdf")
    assert (raised.value.reason, str(raised.value)) == ("pdf_encrypted", "g.pdf: the PDF is protected by a password")


def test_one_child_reads_pdf_after_pdf() -> None:
    read_pages(text_page(b"One", "9 0 0 9 72 700"), "1.pdf")
    first = guard._READER._process
    (page,) = read_pages(text_page(b"Two", "9 0 0 9 72 700"), "2.pdf")
    assert guard._READER._process is first and first is not None and first.is_alive()
    assert "".join(char.text for char in page.chars) == "Two"


@pytest.mark.timeout(60)
def test_a_pdf_that_stalls_pdfium_is_stopped_and_the_next_one_reads() -> None:
    with pytest.raises(ReportError) as raised:
        read_pages(stalling_pdf(), "s.pdf", seconds=2)
    assert raised.value.reason == "pdf_timeout" and "longer than 2 s" in raised.value.message
    (page,) = read_pages(text_page(b"After", "9 0 0 9 72 700"), "a.pdf")  # a new child
    assert "".join(char.text for char in page.chars) == "After"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_process_reads_with_a_reader_of_its_own() -> None:
    read_pages(text_page(b"Parent", "9 0 0 9 72 700"), "p.pdf")
    parents = guard._READER._process
    assert parents is not None
    context = multiprocessing.get_context("fork")  # as the library's worker pool forks its workers
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        text, reader_pid = pool.submit(_read_in_child).result()
    assert text == "Child" and reader_pid not in (None, parents.pid)
    assert parents.is_alive()  # the parent's reader is left alone


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_daemonic_process_which_may_not_start_one_reads_in_process() -> None:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        text, reader_pid = pool.apply(_read_in_child)
    assert text == "Child" and reader_pid is None


def _read_in_child() -> tuple[str, int | None]:
    (page,) = read_pages(text_page(b"Child", "9 0 0 9 72 700"), "c.pdf")
    process = guard._READER._process
    return "".join(char.text for char in page.chars), process.pid if process is not None else None
