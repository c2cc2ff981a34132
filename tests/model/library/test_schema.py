"""The catalogue's migrations (library/schema.py): a version 2 catalogue with reports migrates without parsing
them (they are stale until ``refresh``, which then gives what a new catalogue gives); a report whose copy is
gone is left for a refresh to tell; two connections migrating one catalogue at once, one step each once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from genre import wenshui_page

import jcviewer.model.library.rows
from jcviewer.model.correction_store import report_key
from jcviewer.model.library import SCHEMA_VERSION, Catalogue, schema
from jcviewer.model.library.catalogue import DATABASE
from jcviewer.model.library.schema import MIGRATIONS, migrate, schema_version
from jcviewer.model.library.search import library_search
from jcviewer.model.parse import load_report
from jcviewer.model.report_cache import parser_fingerprint
from jcviewer.resources import bundled_report


def _genre(folder: Path, seed: int) -> Path:
    path = folder / f"wenshui-{seed}.txt"
    path.write_text(wenshui_page(seed).text(), encoding="utf-8")
    return path


def _version_2(folder: Path, paths: list[Path]) -> None:
    """A catalogue as schema 2 wrote it, holding ``paths``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir()
    db = sqlite3.connect(folder / DATABASE, isolation_level=None)
    migrate(db, MIGRATIONS[:2])
    for path in paths:
        key = report_key(path.read_bytes())
        (folder / "texts" / f"{key}.txt").write_bytes(path.read_bytes())
        db.execute(
            "INSERT INTO reports (title, source, content_hash, text_path, added, place, place_set)"
            " VALUES (?, ?, ?, ?, ?, ?, 1)",
            ("旧标题", path.name, key, f"texts/{key}.txt", "2025-01-01T00:00:00+00:00", "某某县"),
        )
    assert schema_version(db) == 2
    db.close()


def _searched(library: Catalogue, query: str) -> list[tuple[object, ...]]:
    return [(r.title, r.year, r.total, r.hits) for r in library_search(library, query, limit=None)]


def test_a_version_2_catalogue_migrates_without_parsing_and_refresh_fills_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [bundled_report(), _genre(tmp_path, 3)]
    _version_2(tmp_path / "lib", paths)

    def parse_copy(*args: object, **kwargs: object) -> None:
        raise AssertionError("a migration parses no report (it runs on the thread opening the catalogue)")

    monkeypatch.setattr(jcviewer.model.library.rows, "parse_copy", parse_copy)
    with Catalogue(tmp_path / "lib") as library:
        assert schema_version(library._db) == SCHEMA_VERSION == 3
        entries = library.list()
        assert [(e.title, e.place, e.user_set) for e in entries] == [("旧标题", "某某县", {"place"})] * 2
        assert library.stale() == entries  # no rows yet, no fingerprint: every report waits for a refresh
        monkeypatch.undo()
        for entry in entries:
            path = next(p for p in paths if p.name == entry.source)
            report = load_report(path, sidecar=False)
            assert [m for e, m in library.metrics() if e.id == entry.id] == list(report.metrics)  # refreshed first
        assert library.stale() == [] and {e.place for e in library.list()} == {"某某县"}
        fingerprints = {row[0] for row in library._db.execute("SELECT parser FROM reports")}
        assert fingerprints == {parser_fingerprint().hex()}
        with Catalogue(tmp_path / "fresh") as fresh:
            for path in paths:
                fresh.add(path)
            assert [m for _, m in library.metrics()] == [m for _, m in fresh.metrics()]
            for query in ("地区生产总值", "经济 工作", "6"):
                assert _searched(library, query) == _searched(fresh, query) != []


def test_a_report_whose_copy_is_gone_at_migration_is_left_stale(tmp_path: Path) -> None:
    _version_2(tmp_path / "lib", [bundled_report()])
    (copy,) = (tmp_path / "lib" / "texts").iterdir()
    data = copy.read_bytes()
    copy.unlink()
    with Catalogue(tmp_path / "lib") as library:
        (entry,) = library.stale()
        problems: list[int] = []
        assert library.refresh(problem=lambda e, error: problems.append(e.id)) == 0 and problems == [entry.id]
        copy.write_bytes(data)
        assert library.metrics() and library.stale() == []


def test_two_catalogues_opening_one_version_2_catalogue_at_once_migrate_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _version_2(tmp_path / "lib", [bundled_report()])
    both_read = threading.Barrier(2, timeout=10)
    first_read = threading.local()
    read = schema.schema_version

    def schema_version_then_wait(db: sqlite3.Connection) -> int:
        version = read(db)
        if not getattr(first_read, "done", False):  # each thread's first look, before either migrates
            first_read.done = True
            both_read.wait()
        return version

    monkeypatch.setattr(schema, "schema_version", schema_version_then_wait)
    errors: list[BaseException] = []

    def open_catalogue() -> None:
        try:
            Catalogue(tmp_path / "lib").close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_catalogue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    monkeypatch.undo()
    assert errors == []
    with Catalogue(tmp_path / "lib") as library:
        assert schema_version(library._db) == SCHEMA_VERSION and [e.title for e in library.list()] == ["旧标题"]


@pytest.mark.parametrize("version", ["abc", "2.5"])
def test_a_schema_version_that_is_not_a_number_is_a_library_error_not_a_crash(tmp_path: Path, version: str) -> None:
    Catalogue(tmp_path).close()
    with sqlite3.connect(tmp_path / DATABASE) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.close()
    with pytest.raises(schema.LibraryError, match="not a version number"):
        Catalogue(tmp_path)
