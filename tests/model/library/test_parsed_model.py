"""The parsed model the catalogue stores (schema 3): paragraphs and metrics per report, filled with the report,
gone with it, refreshed when the parser or the corrections change."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from genre import wenshui_page

from jcviewer.model.correction_store import add_correction, report_key
from jcviewer.model.corrections import FigureFix
from jcviewer.model.library import Catalogue
from jcviewer.model.library.catalogue import DATABASE
from jcviewer.model.parse import load_report
from jcviewer.model.report import compact
from jcviewer.resources import bundled_report


def _genre(folder: Path, seed: int, gdp: float = 6) -> Path:
    path = folder / f"wenshui-{seed}.txt"
    path.write_text(wenshui_page(seed, gdp=gdp).text(), encoding="utf-8")
    return path


def _rows(folder: Path, table: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(folder / DATABASE)
    try:
        return db.execute(f"SELECT * FROM {table} ORDER BY report_id, seq").fetchall()
    finally:
        db.close()


def test_metrics_are_the_parsed_reports_metrics_with_every_field(tmp_path: Path) -> None:
    paths = [bundled_report(), _genre(tmp_path, 1), _genre(tmp_path, 2, gdp=5.5)]
    with Catalogue(tmp_path / "lib") as library:
        for path in paths:
            library.add(path)
        entries = library.list()
        found = library.metrics()
    expected = []
    for entry in entries:
        report = load_report(next(p for p in paths if report_key(p.read_bytes()) == entry.content_hash), sidecar=False)
        order = [p.id for p in report.paragraphs()]
        expected += [(entry, m) for m in sorted(report.metrics, key=lambda m: order.index(m.paragraph))]
    assert len(expected) > 10
    assert found == expected  # every field, the span a tuple, floats as parsed, list order then paragraph order


def test_paragraph_rows_are_what_the_one_report_search_searches(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library:
        report_id, _ = library.add(bundled_report())
    report = load_report(bundled_report(), sidecar=False)
    rows = [row for row in _rows(tmp_path / "lib", "paragraphs") if row[0] == report_id]
    paragraphs = [(row[2], row[6]) for row in rows if row[5] != "heading"]
    assert paragraphs == [(p.id, p.text) for p in report.paragraphs()]
    headings = [(row[3], row[6]) for row in rows if row[5] == "heading"]
    sections = [s for s in report.walk() if s.kind == "section"]
    assert headings == [(s.id, f"{s.title}\n{s.subtitle}" if s.subtitle else s.title) for s in sections]
    assert [row[1] for row in rows] == list(range(len(rows)))


def test_removing_a_report_removes_its_rows(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library:
        kept, _ = library.add(bundled_report())
        gone, _ = library.add(_genre(tmp_path, 1))
        assert {row[0] for row in _rows(tmp_path / "lib", "metrics")} == {kept, gone}
        library.remove(gone)
        assert {row[0] for row in _rows(tmp_path / "lib", "paragraphs")} == {kept}
        assert {row[0] for row in _rows(tmp_path / "lib", "metrics")} == {kept}
        assert {e.id for e, _ in library.metrics()} == {kept}


def test_a_crash_mid_import_leaves_no_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jcviewer.model.library import catalogue

    def crashing(db: sqlite3.Connection, report_id: int, report: object) -> None:
        db.execute(
            "INSERT INTO paragraphs VALUES (?, 0, 'p1', 's1', '', 'body', 'half', '[]', '[]', '[]')", (report_id,)
        )
        raise RuntimeError("power cut")

    with Catalogue(tmp_path / "lib") as library:
        monkeypatch.setattr(catalogue, "write_rows", crashing)
        with pytest.raises(RuntimeError):
            library.add(bundled_report())
        monkeypatch.undo()
        assert library.list() == [] and _rows(tmp_path / "lib", "paragraphs") == []


def test_a_new_parser_makes_every_report_stale_and_refresh_rewrites_them(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library:
        ids = [library.add(_genre(tmp_path, seed))[0] for seed in (1, 2, 3)]
        library.edit(ids[0], title="用户的标题")
        before = library.metrics()
        library._db.execute("UPDATE reports SET parser = 'an older parser'")
        library._db.execute("DELETE FROM metrics")  # what an older parser read: nothing
        assert [e.id for e in library.stale()] == ids
        seen: list[tuple[int, int]] = []
        assert library.refresh(lambda done, total: seen.append((done, total)) or done < 2) == 2
        assert seen == [(1, 3), (2, 3)] and [e.id for e in library.stale()] == ids[2:]
        assert library.metrics() == before  # the last one refreshed lazily, before serving
        assert library.get(ids[0]).title == "用户的标题" and library.refresh() == 0


def test_changed_corrections_make_a_report_stale(tmp_path: Path) -> None:
    store = tmp_path / "corrections"
    with Catalogue(tmp_path / "lib", corrections=store) as library:
        report_id, _ = library.add(bundled_report())
        entry = library.get(report_id)
        every = [m for _, m in library.metrics()]
        target = next(
            m
            for m in every
            if m.period == "target"
            and [(n.paragraph, n.expression) for n in every].count((m.paragraph, m.expression)) == 1
        )
        anchor = compact(library.report(entry).paragraph(target.paragraph).text)[:20]
        fix = FigureFix(anchor, compact(target.expression), value=99.0)
        add_correction(store, entry.content_hash, library.text_file(entry), fix)
        assert [e.id for e in library.stale()] == [report_id]
        changed = [
            m for _, m in library.metrics() if m.expression == target.expression and m.paragraph == target.paragraph
        ]
        assert [m.value for m in changed] == [99] and library.stale() == []
        assert target.value != 99
        assert any(m.value == 99 for m in library.report(entry).metrics)


def test_report_is_the_parsed_copy_with_or_without_the_cache(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library:
        entry = library.get(library.add(bundled_report())[0])
        bundled_copy = load_report(bundled_report(), sidecar=False)
        direct = library.report(entry)
        cached = library.report(entry, cache=tmp_path / "cache")
        again = library.report(entry, cache=tmp_path / "cache")
    assert direct.source == cached.source == again.source == entry.source
    assert direct.metrics == cached.metrics == again.metrics == bundled_copy.metrics
    assert list(direct.paragraphs()) == list(again.paragraphs()) == list(bundled_copy.paragraphs())


def test_add_text_takes_pasted_text_and_refuses_a_path_for_a_name(tmp_path: Path) -> None:
    data = wenshui_page(4).text().encode("utf-8")
    with Catalogue(tmp_path / "lib") as library:
        report_id, added = library.add_text("pasted.txt", data)
        assert added and library.get(report_id).source == "pasted.txt"
        assert library.add_text("again.txt", data) == (report_id, False)
        assert library.text_file(library.get(report_id)).read_bytes() == data
        for name in ("", "../x.txt", "a/b.txt", ".."):
            with pytest.raises(ValueError):
                library.add_text(name, data)


def test_two_catalogues_on_one_folder_in_two_threads(tmp_path: Path) -> None:
    paths = [_genre(tmp_path, seed) for seed in range(1, 5)]
    with Catalogue(tmp_path / "lib") as reader:
        failures: list[BaseException] = []

        def worker() -> None:
            try:
                with Catalogue(tmp_path / "lib") as writer:
                    for path in paths:
                        writer.add(path)
            except BaseException as error:  # noqa: BLE001 - handed to the test thread
                failures.append(error)

        thread = threading.Thread(target=worker)
        thread.start()
        while thread.is_alive():
            reader.list()
            reader.metrics()
        thread.join()
        assert failures == []
        assert len(reader.list()) == 4 and {e.id for e, _ in reader.metrics()} == {e.id for e in reader.list()}
        assert reader._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
