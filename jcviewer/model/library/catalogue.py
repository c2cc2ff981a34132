"""The library's catalogue: every report added, in ``<folder>/library.sqlite3``, its text copied to
``<folder>/texts/<hash>.txt`` (Qt-free; docs/library.md).

A report is known by its content hash, ``correction_store.report_key`` of its bytes (the key its corrections are
stored under, so they live in one store whether it is in the library or not): the same text added twice — from
another file name, with CRLF line ends — is one entry. The original file is only read.
"""

from __future__ import annotations

import builtins
import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jcviewer.model.correction_store import report_key
from jcviewer.model.library.guess import guess_kind, guess_place
from jcviewer.model.library.schema import LibraryError, migrate
from jcviewer.model.meeting import meeting_date
from jcviewer.model.parse import load_report
from jcviewer.model.report_file import read_report_bytes

log = logging.getLogger(__name__)

DATABASE = "library.sqlite3"
TEXTS = "texts"
EDITABLE = ("title", "place", "kind", "date", "year")
"""The fields a user can set; a field they set is never overwritten by a re-parse."""


class CorruptLibraryError(LibraryError):
    """The catalogue file was not a readable database; it was renamed to ``set_aside`` and a new one created."""

    def __init__(self, database: Path, set_aside: Path, detail: str) -> None:
        super().__init__(
            f"{database}: the library catalogue is damaged ({detail}); it was set aside as {set_aside.name} "
            "and a new, empty catalogue created (add the reports again)"
        )
        self.database = database
        self.set_aside = set_aside


@dataclass(frozen=True)
class Entry:
    """One report in the library. ``user_set`` names the fields the user set (see ``EDITABLE``)."""

    id: int
    title: str
    place: str | None
    kind: str | None
    date: str | None
    year: int | None
    source: str
    content_hash: str
    text_path: str
    added: str
    user_set: frozenset[str]


_COLUMNS = "id, title, place, kind, date, year, source, content_hash, text_path, added, " + ", ".join(
    f"{field}_set" for field in EDITABLE
)


def _entry(row: tuple[Any, ...]) -> Entry:
    id_, title, place, kind, date, year, source, content_hash, text_path, added, *flags = row
    return Entry(
        id=int(id_),
        title=str(title),
        place=None if place is None else str(place),
        kind=None if kind is None else str(kind),
        date=None if date is None else str(date),
        year=None if year is None else int(year),
        source=str(source),
        content_hash=str(content_hash),
        text_path=str(text_path),
        added=str(added),
        user_set=frozenset(field for field, flag in zip(EDITABLE, flags, strict=True) if flag),
    )


def _corrupt(error: sqlite3.DatabaseError) -> bool:
    """Whether the error says the file is not a (sound) database, rather than busy, locked or unwritable."""
    return getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


class Catalogue:
    """The catalogue in ``folder`` (created or migrated when opened). A damaged database file is set aside
    (renamed ``library.sqlite3.corrupt-<time>``, never deleted) and a new one created; ``recovered`` then holds
    the CorruptLibraryError saying so, for the caller to report."""

    def __init__(self, folder: Path, corrections: Path | None = None) -> None:
        self.folder = folder
        self.corrections = corrections  # the corrections store a report is parsed with (None: as the parser reads)
        self.recovered: CorruptLibraryError | None = None
        folder.mkdir(parents=True, exist_ok=True)
        (folder / TEXTS).mkdir(exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            if not _corrupt(error):
                raise LibraryError(f"{self.database}: {error}") from error
            self.recovered = self._set_aside(str(error))
            self._db = self._open()

    @property
    def database(self) -> Path:
        """The catalogue's database file."""
        return self.folder / DATABASE

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.database, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            check = db.execute("PRAGMA quick_check").fetchone()
            if check and check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check[0]}")
            migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def _set_aside(self, detail: str) -> CorruptLibraryError:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.database.with_name(f"{DATABASE}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.database.with_name(f"{DATABASE}.corrupt-{stamp}-{counter}")
        self.database.rename(target)
        for suffix in ("-journal", "-wal", "-shm"):  # belong to the damaged file, not to the new one
            leftover = self.database.with_name(DATABASE + suffix)
            if leftover.exists():
                leftover.rename(target.with_name(target.name + suffix))
        error = CorruptLibraryError(self.database, target, detail)
        log.info("%s", error)  # the caller reports it (``recovered``)
        return error

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def list(self) -> builtins.list[Entry]:
        """Every report, by year (unknown last), place and title."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM reports ORDER BY year IS NULL, year, place IS NULL, place, title, id"
        )
        return [_entry(row) for row in rows]

    def get(self, report_id: int) -> Entry:
        """The report with this id; KeyError if there is none."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return _entry(row)

    def text_file(self, entry: Entry) -> Path:
        """The library's copy of the report's text."""
        return self.folder / entry.text_path

    def add(self, path: Path) -> tuple[int, bool]:
        """Add the report at ``path`` (read with the checked reader, parsed, its text copied): its id, and
        whether it is new. The same content added again is the same entry, its parsed fields refreshed except
        those the user set. ReportError when the file cannot be read."""
        data = read_report_bytes(path)
        key = report_key(data)
        report = load_report(path, data=data, store=self.corrections, sidecar=False)
        parsed = {
            "title": report.title,
            "place": guess_place(report.title),
            "kind": guess_kind(report.title),
            "date": meeting_date(report) or None,
            "year": report.year,
        }
        text_path = f"{TEXTS}/{key}.txt"
        copy = self.folder / text_path
        created = self._store_text(copy, data)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                report_id, added = self._insert(key, path.name, text_path, parsed)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except BaseException:
            if created:  # no row refers to the copy this call made: leave no orphan
                copy.unlink(missing_ok=True)
            raise
        return report_id, added

    def _store_text(self, copy: Path, data: bytes) -> bool:
        """Write the text copy (through a temporary file, so a half-written copy never has the final name);
        False when it is there already (the same content: its name is its hash)."""
        if copy.is_file() and report_key(copy.read_bytes()) == copy.stem:
            return False
        temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, copy)
        finally:
            temporary.unlink(missing_ok=True)
        return True

    def _insert(self, key: str, source: str, text_path: str, parsed: Mapping[str, object]) -> tuple[int, bool]:
        """Insert the report, or refresh the fields of the one with this content the user did not set."""
        row = self._db.execute(
            f"SELECT id, {', '.join(f'{field}_set' for field in EDITABLE)} FROM reports WHERE content_hash = ?",
            (key,),
        ).fetchone()
        if row is not None:
            fresh = [field for field, flag in zip(EDITABLE, row[1:], strict=True) if not flag]
            if fresh:
                assignments = ", ".join(f"{field} = ?" for field in fresh)
                values = [parsed[field] for field in fresh]
                self._db.execute(f"UPDATE reports SET {assignments} WHERE id = ?", (*values, row[0]))
            return int(row[0]), False
        added = datetime.now(UTC).isoformat(timespec="seconds")
        cursor = self._db.execute(
            "INSERT INTO reports (title, place, kind, date, year, source, content_hash, text_path, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*(parsed[field] for field in EDITABLE), source, key, text_path, added),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid, True

    def add_folder(self, folder: Path) -> Iterator[tuple[Path, int, bool]]:
        """Add every ``*.txt`` under ``folder`` (sorted), yielding each file, its id and whether it is new.
        A file that cannot be read raises ReportError when reached; the ones before it stay added."""
        for path in sorted(folder.rglob("*.txt")):
            if path.is_file():
                yield (path, *self.add(path))

    def remove(self, report_id: int) -> Entry:
        """Remove the report and its text copy; the removed entry. KeyError if there is none."""
        entry = self.get(report_id)
        self._db.execute("DELETE FROM reports WHERE id = ?", (report_id,))
        self.text_file(entry).unlink(missing_ok=True)
        return entry

    def edit(self, report_id: int, **fields: str | int | None) -> Entry:
        """Set some of ``title``, ``place``, ``kind``, ``date``, ``year`` (None or "" clears a field, the title
        excepted) and mark them set by the user, so a re-parse keeps them; the edited entry. KeyError for an
        unknown id, ValueError for an unknown field or a blank title."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not an editable field: {', '.join(sorted(unknown))} (editable: {', '.join(EDITABLE)})")
        if "title" in fields and not str(fields["title"] or "").strip():
            raise ValueError("a title cannot be blank")
        self.get(report_id)
        if fields:
            values = [None if value == "" else value for value in fields.values()]
            assignments = ", ".join(f"{field} = ?, {field}_set = 1" for field in fields)
            self._db.execute(f"UPDATE reports SET {assignments} WHERE id = ?", (*values, report_id))
        return self.get(report_id)
