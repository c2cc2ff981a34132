"""The import worker: which files a folder gives, progress, a bad file or a bug reported (never raised), an
unusable catalogue, and the worker's catalogue being its own."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from library_texts import write_reports
from pdf_fixtures import cid_page
from pytestqt.qtbot import QtBot

from jcviewer.model.errors import ReportError
from jcviewer.model.library import SCHEMA_VERSION, Catalogue, LibraryError
from jcviewer.model.library import catalogue as catalogue_module
from jcviewer.model.library.catalogue import report_files
from jcviewer.ui.library_import import ImportProgress, ImportSummary, LibraryImport, run_import


def test_a_folder_gives_its_txt_files_recursively_sorted_and_a_file_is_taken_as_given(tmp_path: Path) -> None:
    write_reports(tmp_path / "f" / "sub", 2)
    write_reports(tmp_path / "f", 1, start=5)
    (tmp_path / "f" / "x.md").write_text("no", encoding="utf-8")
    given = tmp_path / "notes.text"
    given.write_text("x", encoding="utf-8")
    files = report_files([tmp_path / "f", given])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "f/report-0005.txt",
        "f/sub/report-0000.txt",
        "f/sub/report-0001.txt",
        "notes.text",
    ]


def test_bad_files_and_bugs_are_listed_with_their_error_and_the_others_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_reports(tmp_path / "in", 3)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    real_add = catalogue_module.Catalogue.add

    def buggy_add(self: Catalogue, path: Path) -> tuple[int, bool]:
        if path == paths[1]:
            raise IndexError("a parser bug")
        return real_add(self, path)

    monkeypatch.setattr(catalogue_module.Catalogue, "add", buggy_add)
    progress = ImportProgress()
    summary = run_import(tmp_path / "lib", None, [tmp_path / "in", paths[0]], progress)
    assert summary.added == [paths[0], paths[2]] and summary.known == [paths[0]]
    assert [(path, type(error)) for path, error in summary.failed] == [(empty, ReportError), (paths[1], IndexError)]
    assert progress.get() == (5, 5, "") and not summary.cancelled and summary.error is None


def test_a_catalogue_that_cannot_be_opened_is_the_summary_error(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    Catalogue(folder).close()
    with sqlite3.connect(folder / "library.sqlite3") as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.close()
    summary = run_import(folder, None, write_reports(tmp_path / "in", 1), ImportProgress())
    assert isinstance(summary.error, LibraryError) and summary.added == []


def test_the_worker_adds_in_its_own_thread_with_its_own_catalogue(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[threading.Thread] = set()
    real_add = catalogue_module.Catalogue.add

    def watched_add(self: Catalogue, path: Path) -> tuple[int, bool]:
        threads.add(threading.current_thread())
        return real_add(self, path)

    monkeypatch.setattr(catalogue_module.Catalogue, "add", watched_add)
    job = LibraryImport(tmp_path / "lib", None, write_reports(tmp_path / "in", 3))
    with qtbot.waitSignal(job.finished, timeout=30000) as finished:
        job.start()
    summary = finished.args[0]
    assert isinstance(summary, ImportSummary) and len(summary.added) == 3
    assert threads and threading.main_thread() not in threads


def _pdf_report(path: Path, text: str) -> Path:
    """A one-page PDF printing ``text`` (GBK codes, two bytes a character)."""
    codes = text.encode("gbk")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cid_page([codes[i : i + 2] for i in range(0, len(codes), 2)]))
    return path


def test_a_folder_gives_its_pdfs_too_and_an_unreadable_pdf_is_listed_failed(tmp_path: Path) -> None:
    (texts,) = write_reports(tmp_path / "in", 1)
    pdf = _pdf_report(tmp_path / "in" / "sub" / "page.PDF", "县委经济工作会议")
    broken = tmp_path / "in" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF body\n")
    summary = run_import(tmp_path / "lib", None, [tmp_path / "in"], ImportProgress())
    assert summary.added == [texts, pdf]  # in path order: in/report-0000.txt, in/sub/page.PDF
    ((failed, error),) = summary.failed
    assert failed == broken and isinstance(error, ReportError) and error.reason == "pdf_broken"
    with Catalogue(tmp_path / "lib") as catalogue:
        pdf_entry = next(entry for entry in catalogue.list() if entry.source == "page.PDF")
        assert pdf_entry.title == "县委经济工作会议" and pdf_entry.text_path.endswith(".pdf")
