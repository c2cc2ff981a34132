"""PDFs in the library: kept as ``texts/<hash>.pdf``, parsed as ``load_report`` parses them, searched, refreshed
from the copy, carried through export and import, and a PDF that cannot be read reported like an unreadable text."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from corpus.scoring import require_corpus
from genre import wenshui_page
from newspaper_pdf import Truth, corpus_document, typeset

from jcviewer.model.correction_store import report_key
from jcviewer.model.errors import ReportError
from jcviewer.model.library import Catalogue
from jcviewer.model.library.catalogue import report_files
from jcviewer.model.library.search import library_search
from jcviewer.model.library.transfer import (
    MANIFEST,
    TransferError,
    export_library,
    import_library,
    read_library_file,
)
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.report_file import MAX_REPORT_BYTES


@pytest.fixture(scope="module")
def page(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Truth:
    """A generated newspaper page of one corpus article."""
    require_corpus()
    return typeset([corpus_document("09")], tmp_path_factory.mktemp("pdf") / "page.pdf")


@pytest.fixture(scope="module")
def parsed(page: Truth) -> Report:
    """The page as ``load_report`` reads it."""
    return load_report(page.path)


def _text(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "wenshui.txt"
    path.write_text(wenshui_page(1).text(), encoding="utf-8")
    return path


def _phrase(parsed: Report) -> tuple[str, str]:
    """Words (ideographs only: a number is searched whole) of one body paragraph of the page found nowhere else
    in it, and that paragraph's id."""
    texts = [p.text for p in parsed.paragraphs()]
    for paragraph in parsed.paragraphs():
        if paragraph.kind != "body" or len(paragraph.text) < 40:
            continue
        words = paragraph.text[10:18]
        if sum(words in text for text in texts) == 1 and all("\u4e00" <= char <= "\u9fff" for char in words):
            return words, paragraph.id
    raise AssertionError("no paragraph with words of its own")


def test_a_pdf_is_kept_as_a_pdf_copy_and_parsed_as_load_report_reads_it(
    page: Truth, parsed: Report, tmp_path: Path
) -> None:
    with Catalogue(tmp_path / "lib") as library:
        pdf_id, new = library.add(page.path)
        text_id, _ = library.add(_text(tmp_path))
        assert new and {entry.id for entry in library.list()} == {pdf_id, text_id}
        entry = library.get(pdf_id)
        assert entry.text_path == f"texts/{entry.content_hash}.pdf" and entry.source == "page.pdf"
        assert library.text_file(entry).read_bytes() == page.path.read_bytes()
        assert library.get(text_id).text_path.endswith(".txt")
        assert entry.title == parsed.title
        report = library.report(entry)
        assert [p.text for p in report.paragraphs()] == [p.text for p in parsed.paragraphs()]
        assert report.source == "page.pdf" and report.pages == parsed.pages
        library.remove(pdf_id)
        assert not library.text_file(entry).exists() and [e.id for e in library.list()] == [text_id]


def test_the_same_pdf_added_twice_under_another_name_is_one_entry(page: Truth, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    shutil.copyfile(page.path, again)
    with Catalogue(tmp_path / "lib") as library:
        first, new = library.add(page.path)
        assert library.add(again) == (first, False) and new
        assert len(library.list()) == 1 and len(list((tmp_path / "lib" / "texts").iterdir())) == 1


def test_search_finds_words_of_the_pdf_in_its_paragraph(page: Truth, parsed: Report, tmp_path: Path) -> None:
    words, paragraph = _phrase(parsed)
    with Catalogue(tmp_path / "lib") as library:
        pdf_id, _ = library.add(page.path)
        library.add(_text(tmp_path))
        (found,) = library_search(library, f'"{words}"')
        assert found.report_id == pdf_id and found.total == 1
        assert [hit.paragraph for hit in found.hits] == [paragraph]


def test_refresh_after_a_parser_change_reads_the_pdf_copy_again(page: Truth, tmp_path: Path) -> None:
    original = tmp_path / "page.pdf"
    shutil.copyfile(page.path, original)
    with Catalogue(tmp_path / "lib") as library:
        pdf_id, _ = library.add(original)
        before = library.metrics()
        paragraphs = list(library.paragraph_rows([pdf_id]))
        original.unlink()  # only the library's copy is left to read
        library._db.execute("UPDATE reports SET parser = 'an older parser'")
        library._db.execute("DELETE FROM paragraphs")
        assert [entry.id for entry in library.stale()] == [pdf_id]
        problems: list[ReportError] = []
        assert library.refresh(problem=lambda entry, error: problems.append(error)) == 1
        assert problems == [] and library.stale() == []
        assert list(library.paragraph_rows([pdf_id])) == paragraphs and paragraphs
        assert library.metrics() == before


def test_export_and_import_keep_the_pdf(page: Truth, parsed: Report, tmp_path: Path) -> None:
    words, paragraph = _phrase(parsed)
    file = tmp_path / "library.zip"
    with Catalogue(tmp_path / "a") as library:
        pdf_id, _ = library.add(page.path)
        library.add(_text(tmp_path))
        library.edit(pdf_id, place="某县")
        key = library.get(pdf_id).content_hash
        assert export_library(library, file) == 2
    with zipfile.ZipFile(file) as archive:
        assert archive.read(f"texts/{key}.pdf") == page.path.read_bytes()
    with Catalogue(tmp_path / "b") as library:
        imported = import_library(library, file)
        assert len(imported) == 2 and all(report.added for report in imported)
        entry = next(entry for entry in library.list() if entry.content_hash == key)
        assert entry.text_path == f"texts/{key}.pdf" and entry.place == "某县" and entry.source == "page.pdf"
        assert library.text_file(entry).read_bytes() == page.path.read_bytes()
        (found,) = library_search(library, f'"{words}"')
        assert found.report_id == entry.id and [hit.paragraph for hit in found.hits] == [paragraph]


def _library_file(path: Path, copy: str, data: bytes, source: str) -> Path:
    """A library file of one report held as ``texts/<hash><copy>``."""
    key = report_key(data)
    manifest = {"format": "jcviewer-library", "version": 1, "reports": [{"content_hash": key, "source": source}]}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, json.dumps(manifest))
        archive.writestr(f"texts/{key}{copy}", data)
    return path


def test_a_pdf_member_may_be_larger_than_a_text_but_must_be_a_pdf(page: Truth, tmp_path: Path) -> None:
    large = page.path.read_bytes() + b"\n%" + b"x" * MAX_REPORT_BYTES + b"\n"  # a comment after the end
    (report,) = read_library_file(_library_file(tmp_path / "large.zip", ".pdf", large, "large.pdf"))
    assert report.copy.endswith(".pdf")
    with pytest.raises(TransferError, match="larger than"):
        read_library_file(_library_file(tmp_path / "text.zip", ".txt", large, "large.txt"))
    with pytest.raises(TransferError, match="is not a PDF"):
        read_library_file(_library_file(tmp_path / "fake.zip", ".pdf", "不是PDF".encode(), "fake.pdf"))


def test_a_pdf_that_cannot_be_read_on_import_is_left_out_and_told(tmp_path: Path) -> None:
    broken = _library_file(tmp_path / "broken.zip", ".pdf", b"%PDF-1.7\nnot a PDF body\n", "broken.pdf")
    told: list[str] = []
    with Catalogue(tmp_path / "lib") as library:
        assert import_library(library, broken, told.append) == [] and library.list() == []
    assert len(told) == 1 and told[0].startswith("broken.pdf left out:")


def test_a_folder_gives_its_pdfs_and_a_broken_one_is_reported_and_skipped(page: Truth, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(page.path, folder / "sub" / "page.PDF")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF body\n")
    _text(folder)
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    files = report_files([folder])
    assert [path.relative_to(folder).as_posix() for path in files] == ["broken.pdf", "sub/page.PDF", "wenshui.txt"]
    with Catalogue(tmp_path / "lib") as library:
        results = library.add_files(files)
        error = results[0][1]
        assert isinstance(error, ReportError) and error.reason == "pdf_broken" and error.path == str(files[0])
        assert all(isinstance(result, tuple) for _, result in results[1:])
        assert sorted(Path(entry.text_path).suffix for entry in library.list()) == [".pdf", ".txt"]
        assert sorted(path.suffix for path in (tmp_path / "lib" / "texts").iterdir()) == [".pdf", ".txt"]
