"""The library catalogue: dedup by content, copy-on-add, migration, crash mid-import, a corrupt file set aside."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.scoring import require_corpus
from genre import wenshui_page

from jcviewer.model import report_cache
from jcviewer.model.correction_store import report_key
from jcviewer.model.errors import ReportError
from jcviewer.model.library import SCHEMA_VERSION, Catalogue, LibraryError
from jcviewer.model.library.catalogue import DATABASE, report_files
from jcviewer.model.library.schema import MIGRATIONS, migrate, schema_version
from jcviewer.model.report_cache import parser_fingerprint
from jcviewer.resources import RADICALS, SYNONYMS, bundled_report, resource_path


def _write(path: Path, text: str, newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def _texts(folder: Path) -> list[Path]:
    return sorted((folder / "texts").iterdir())


def test_the_same_content_is_one_entry_whatever_its_name_and_line_ends(tmp_path: Path) -> None:
    text = bundled_report().read_text(encoding="utf-8")
    lf = _write(tmp_path / "a.txt", text)
    crlf = _write(tmp_path / "copy of a.txt", text, "\r\n")
    with Catalogue(tmp_path / "lib") as library:
        first = library.add(lf)
        again = library.add(crlf)
        assert first[1] is True and again == (first[0], False)
        assert len(library.list()) == 1 and len(_texts(tmp_path / "lib")) == 1
        assert library.get(first[0]).content_hash == report_key(lf.read_bytes())


def test_a_text_without_a_title_keeps_its_first_name_when_added_again_under_another(tmp_path: Path) -> None:
    text = "全县上下要坚定信心，真抓实干。\n\n今年全县地区生产总值增长6%左右。\n"  # names no meeting
    with Catalogue(tmp_path / "lib") as library:
        report_id, _ = library.add(_write(tmp_path / "县里的材料.txt", text))
        assert library.get(report_id).title == "县里的材料.txt"
        assert library.add(_write(tmp_path / "copy.txt", text, "\r\n")) == (report_id, False)
        assert library.get(report_id).title == "县里的材料.txt"


def test_bundled_report_is_catalogued_with_its_title_place_kind_and_year(tmp_path: Path) -> None:
    with Catalogue(tmp_path) as library:
        report_id, added = library.add(bundled_report())
        entry = library.get(report_id)
    assert added and entry.year == 2024 and entry.source == bundled_report().name
    assert entry.title.endswith("经济工作会议") and entry.kind == "economic_work_conference"
    assert entry.place is not None and entry.place.endswith("县") and entry.title.find(entry.place) in (0, 2)
    assert entry.date and entry.date.startswith("2024年")


def test_copy_on_add_the_original_can_go_and_is_never_written(tmp_path: Path) -> None:
    original = _write(tmp_path / "report.txt", wenshui_page(1, gdp=6).text())
    data = original.read_bytes()
    mtime = original.stat().st_mtime_ns
    with Catalogue(tmp_path / "lib") as library:
        report_id, _ = library.add(original)
        assert original.read_bytes() == data and original.stat().st_mtime_ns == mtime
        original.unlink()
        entry = library.get(report_id)
        assert [e.id for e in library.list()] == [report_id]
        assert library.text_file(entry).read_bytes() == data


def test_genre_reports_of_several_years_are_separate_entries_sorted_by_year(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed, (year, gdp) in enumerate([(2024, 5.5), (2022, 6.5), (2023, 6.0)]):
        text = wenshui_page(seed, gdp=gdp).text().replace("今年", f"{year}年")
        _write(folder / f"wenshui-{year}.txt", text)
    with Catalogue(tmp_path / "lib") as library:
        added = library.add_files(report_files([folder]))
        again = library.add_files(report_files([folder]))
        entries = library.list()
    assert [r[1] for _, r in added] == [True] * 3 and [r[1] for _, r in again] == [False] * 3
    assert len(entries) == 3 and {e.place for e in entries} == {"文水县"}
    assert {e.kind for e in entries} == {"economic_work_conference"}
    years = [e.year for e in entries]
    assert years == sorted(years, key=lambda y: (y is None, y))


def test_corpus_texts_are_added_and_deduplicated(tmp_path: Path) -> None:
    corpus = require_corpus()
    texts = sorted(corpus.glob("*.clean.txt"))
    with Catalogue(tmp_path) as library:
        for path in texts:
            library.add(path)
        for path in texts:
            assert library.add(path)[1] is False
        entries = library.list()
    assert len(entries) == len({report_key(p.read_bytes()) for p in texts})
    assert all(e.title for e in entries)


def test_remove_deletes_the_row_and_the_text_copy(tmp_path: Path) -> None:
    with Catalogue(tmp_path) as library:
        report_id, _ = library.add(bundled_report())
        copy = library.text_file(library.get(report_id))
        assert copy.is_file()
        library.remove(report_id)
        assert library.list() == [] and not copy.exists()
        with pytest.raises(KeyError):
            library.remove(report_id)


def test_edit_marks_fields_user_set_and_a_re_add_keeps_them(tmp_path: Path) -> None:
    original = _write(tmp_path / "r.txt", wenshui_page(2).text())
    with Catalogue(tmp_path / "lib") as library:
        report_id, _ = library.add(original)
        parsed = library.get(report_id)
        edited = library.edit(report_id, place="某省", year=2019, kind="plenary")
        assert (edited.place, edited.year, edited.kind) == ("某省", 2019, "plenary")
        assert edited.user_set == {"place", "year", "kind"}
        library.add(original)
        after = library.get(report_id)
        assert (after.place, after.year, after.kind, after.title) == ("某省", 2019, "plenary", parsed.title)
        with pytest.raises(ValueError):
            library.edit(report_id, title="  ")
        with pytest.raises(ValueError):
            library.edit(report_id, source="x")
        with pytest.raises(KeyError):
            library.edit(report_id + 1, place="x")
    with Catalogue(tmp_path / "lib") as reopened:
        assert reopened.get(report_id).place == "某省"


def test_an_unreadable_file_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with Catalogue(tmp_path / "lib") as library:
        with pytest.raises(ReportError):
            library.add(tmp_path / "missing.txt")
        with pytest.raises(ReportError):
            library.add(tmp_path / "empty.txt")
        assert library.list() == [] and _texts(tmp_path / "lib") == []


def test_a_crash_mid_import_leaves_no_row_and_no_orphan_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    insert = Catalogue._insert

    def crashing(self: Catalogue, *args: object) -> tuple[int, bool]:
        insert(self, *args)  # type: ignore[arg-type]
        raise RuntimeError("power cut")

    with Catalogue(tmp_path / "lib") as library:
        kept, _ = library.add(bundled_report())
        monkeypatch.setattr(Catalogue, "_insert", crashing)
        with pytest.raises(RuntimeError):
            library.add(_write(tmp_path / "r.txt", wenshui_page(3).text()))
        monkeypatch.undo()
        assert [e.id for e in library.list()] == [kept]
        assert _texts(tmp_path / "lib") == [library.text_file(library.get(kept))]
        assert library.add(tmp_path / "r.txt")[1] is True


def test_a_crash_re_adding_known_content_keeps_its_text_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(self: Catalogue, *args: object) -> tuple[int, bool]:
        raise RuntimeError("power cut")

    with Catalogue(tmp_path) as library:
        report_id, _ = library.add(bundled_report())
        monkeypatch.setattr(Catalogue, "_insert", crashing)
        with pytest.raises(RuntimeError):
            library.add(bundled_report())
        assert library.text_file(library.get(report_id)).is_file()


def _version_1(folder: Path) -> None:
    """A catalogue as the first schema wrote it, with one report."""
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / DATABASE, isolation_level=None)
    migrate(db, MIGRATIONS[:1])
    key = report_key(bundled_report().read_bytes())
    (folder / "texts").mkdir()
    (folder / "texts" / f"{key}.txt").write_bytes(bundled_report().read_bytes())
    db.execute(
        "INSERT INTO reports (title, source, content_hash, text_path, added) VALUES (?, ?, ?, ?, ?)",
        ("中共某某县委经济工作会议", "old.txt", key, f"texts/{key}.txt", "2025-01-01T00:00:00+00:00"),
    )
    assert schema_version(db) == 1
    db.close()


def test_a_version_1_catalogue_is_migrated_keeping_its_reports(tmp_path: Path) -> None:
    _version_1(tmp_path)
    with Catalogue(tmp_path) as library:
        (entry,) = library.list()
        assert (entry.title, entry.source) == ("中共某某县委经济工作会议", "old.txt")
        assert entry.added == "2025-01-01T00:00:00+00:00" and entry.user_set == set()
        assert (entry.place, entry.kind, entry.year) == ("某某县", "economic_work_conference", None)
        assert library.add(bundled_report()) == (entry.id, False)
        assert library.get(entry.id).year == 2024
    db = sqlite3.connect(tmp_path / DATABASE)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()


def test_a_failing_migration_leaves_the_version_before(tmp_path: Path) -> None:
    _version_1(tmp_path)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE reports ADD COLUMN half_done TEXT")
        raise RuntimeError("crash")

    db = sqlite3.connect(tmp_path / DATABASE, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(db, (MIGRATIONS[0], broken))
    assert schema_version(db) == 1
    assert "half_done" not in [row[1] for row in db.execute("PRAGMA table_info(reports)")]
    db.close()


def test_a_newer_schema_is_refused_not_set_aside(tmp_path: Path) -> None:
    Catalogue(tmp_path).close()
    db = sqlite3.connect(tmp_path / DATABASE, isolation_level=None)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.close()
    with pytest.raises(LibraryError, match="newer"):
        Catalogue(tmp_path)
    assert (tmp_path / DATABASE).is_file() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_corrupt_database_is_reported_and_set_aside_never_deleted(tmp_path: Path) -> None:
    junk = b"this is not a database, just text " * 200
    (tmp_path / DATABASE).write_bytes(junk)
    with Catalogue(tmp_path) as library:
        assert library.recovered is not None
        assert "damaged" in str(library.recovered) and library.recovered.set_aside.name in str(library.recovered)
        (aside,) = tmp_path.glob(f"{DATABASE}.corrupt-*")
        assert aside == library.recovered.set_aside and aside.read_bytes() == junk
        assert library.list() == []
        assert library.add(bundled_report())[1] is True
    with Catalogue(tmp_path) as reopened:
        assert reopened.recovered is None and len(reopened.list()) == 1


def test_a_database_with_damaged_pages_is_set_aside_too(tmp_path: Path) -> None:
    with Catalogue(tmp_path) as library:
        for seed in range(6):
            library.add(_write(tmp_path / f"w{seed}.txt", wenshui_page(seed).text()))
    database = tmp_path / DATABASE
    data = bytearray(database.read_bytes())
    assert len(data) > 7 * 4096
    data[4096 + 8 : 4096 + 64] = b"\xa5" * 56  # page 2 scribbled over past its header: the file opens, a check fails
    database.write_bytes(bytes(data))
    with Catalogue(tmp_path) as library:
        assert library.recovered is not None and library.list() == []
        message = str(library.recovered)
        assert "integrity check" in message and "\n" not in message  # one line, not SQLite's page-by-page report
        assert library.recovered.set_aside.read_bytes() == bytes(data)


@pytest.mark.parametrize("workers", [1, 2])
def test_add_files_adds_in_order_tells_unreadable_files_and_can_stop(tmp_path: Path, workers: int) -> None:
    paths = [_write(tmp_path / f"w{seed}.txt", wenshui_page(seed).text()) for seed in range(4)]
    paths.insert(2, tmp_path / "missing.txt")
    with Catalogue(tmp_path / "lib") as library:
        done = library.add_files(paths, workers=workers)
        assert [path for path, _ in done] == paths
        assert isinstance(done[2][1], ReportError) and done[2][1].reason == "missing"
        added = [result for _, result in done if not isinstance(result, ReportError)]
        assert added == [(n, True) for n in range(1, 5)]
        with Catalogue(tmp_path / "one by one") as alone:
            for path in paths[:2] + paths[3:]:
                alone.add(path)
            assert [(e.title, e.content_hash) for e in alone.list()] == [
                (e.title, e.content_hash) for e in library.list()
            ]
            assert [m for _, m in alone.metrics()] == [m for _, m in library.metrics()]
        seen: list[int] = []
        again = library.add_files(paths, lambda done, total: seen.append(done) or done < 2, workers=workers)
        assert seen == [1, 2] and [result for _, result in again] == [(1, False), (2, False)]


def test_worker_processes_only_where_forking_is_safe() -> None:
    import threading

    from jcviewer.model.library.catalogue import _pool

    assert _pool(1, 10) is None and _pool(4, 1) is None
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _pool(4, 10) is None  # a child could inherit another thread's lock held
    finally:
        release.set()
        other.join()
    if threading.active_count() > 1 or sys.platform != "linux":
        pytest.skip("this test process runs other threads, or is not on Linux")
    pool = _pool(4, 10)
    assert pool is not None
    pool.shutdown()


@pytest.fixture
def fingerprint_cleared() -> Iterator[None]:
    """``parser_fingerprint`` computed afresh in the test, and again after it."""
    parser_fingerprint.cache_clear()
    yield
    parser_fingerprint.cache_clear()


@pytest.mark.parametrize(
    ("data", "added"),
    [(SYNONYMS, "新的说法\t新说法\n"), (RADICALS, "# one more line\n")],  # indicators may merge; a PDF reads anew
)
def test_a_changed_data_file_of_the_parser_makes_the_reports_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fingerprint_cleared: None, data: str, added: str
) -> None:
    copy = tmp_path / Path(data).name
    copy.write_bytes(resource_path(data).read_bytes())
    monkeypatch.setattr(
        report_cache, "resource_path", lambda relative: copy if relative == data else resource_path(relative)
    )
    with Catalogue(tmp_path / "lib") as library:
        report_id, _ = library.add(bundled_report())
        assert library.stale() == []
        copy.write_bytes(copy.read_bytes() + added.encode())
        parser_fingerprint.cache_clear()  # as the next start of jcviewer computes it
        assert [entry.id for entry in library.stale()] == [report_id]
        assert library.refresh() == 1 and library.stale() == []


@pytest.mark.parametrize("field", ["title", "place", "kind", "date"])
def test_an_edit_with_a_line_break_or_control_character_is_refused(tmp_path: Path, field: str) -> None:
    with Catalogue(tmp_path) as library:
        report_id, _ = library.add(bundled_report())
        before = library.get(report_id)
        with pytest.raises(ValueError, match="control characters"):
            library.edit(report_id, **{field: "某某\n县"})
        assert library.get(report_id) == before
