"""The catalogue's schema and its migrations (Qt-free).

``MIGRATIONS[n]`` takes a database from version n to n + 1; ``migrate`` runs the missing ones, each in its own
transaction with the new version written in it, so a crash leaves the database at one version or the next.
A change to the schema is a new function appended here (and a test from the version before), never an edit of
an old one that changes what a catalogue it already migrated looks like: a user's catalogue is migrated, not
rebuilt. A step changes the schema only; rows that need the parser are left stale for ``Catalogue.refresh``
(a migration runs while the catalogue opens, on whatever thread opens it: the window's GUI thread).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from jcviewer.model.library.guess import guess_kind, guess_place


class LibraryError(Exception):
    """The catalogue cannot be used as it is (a newer schema, a locked or unwritable file)."""


def _create(db: sqlite3.Connection) -> None:
    """Version 1: the first catalogue, a report's title, source file, content hash and stored text."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE reports (id INTEGER PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL,"
        " content_hash TEXT NOT NULL UNIQUE, text_path TEXT NOT NULL, added TEXT NOT NULL)"
    )


def _places_and_kinds(db: sqlite3.Connection) -> None:
    """Version 2: place, meeting kind, date and year, and which of them (and the title) the user set; the place
    and kind of the reports already there are guessed from their titles."""
    for column in ("place TEXT", "kind TEXT", "date TEXT", "year INTEGER"):
        db.execute(f"ALTER TABLE reports ADD COLUMN {column}")
    for flag in ("title_set", "place_set", "kind_set", "date_set", "year_set"):
        db.execute(f"ALTER TABLE reports ADD COLUMN {flag} INTEGER NOT NULL DEFAULT 0")
    rows = db.execute("SELECT id, title FROM reports").fetchall()
    for report_id, title in rows:
        db.execute(
            "UPDATE reports SET place = ?, kind = ? WHERE id = ?", (guess_place(title), guess_kind(title), report_id)
        )


def _parsed_model(db: sqlite3.Connection) -> None:
    """Version 3: the parts of the parsed model the library works from, per report: every searchable paragraph
    and heading (``paragraphs``), every metric (``metrics``), the parser fingerprint it was parsed with
    (``parser``) and the stamp of the stored corrections it was parsed with (``corrections``). The tables only:
    the reports already there are left with no rows and no fingerprint, stale, for ``Catalogue.refresh`` to
    parse (on the caller's worker thread, never while the catalogue opens). A catalogue migrated when this step
    still parsed them here has their rows and fingerprints filled: it is the same catalogue, refreshed."""
    db.execute("ALTER TABLE reports ADD COLUMN parser TEXT")
    db.execute("ALTER TABLE reports ADD COLUMN corrections TEXT")
    db.execute(
        "CREATE TABLE paragraphs (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
        " seq INTEGER NOT NULL, paragraph TEXT NOT NULL, section TEXT NOT NULL, section_title TEXT NOT NULL,"
        " kind TEXT NOT NULL, text TEXT NOT NULL, titles TEXT NOT NULL, marks TEXT NOT NULL, path TEXT NOT NULL,"
        " PRIMARY KEY (report_id, seq)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE metrics (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
        " seq INTEGER NOT NULL, indicator TEXT NOT NULL, original TEXT NOT NULL, measure TEXT NOT NULL,"
        " value REAL, value_max REAL, unit TEXT NOT NULL, qualifier TEXT NOT NULL, period TEXT, year INTEGER,"
        " expression TEXT NOT NULL, text TEXT NOT NULL, paragraph TEXT NOT NULL, span_start INTEGER NOT NULL,"
        " span_end INTEGER NOT NULL, estimate INTEGER NOT NULL, PRIMARY KEY (report_id, seq)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX metrics_by_indicator ON metrics (indicator)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create, _places_and_kinds, _parsed_model)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    """The database's schema version: 0 for a new (empty) file."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise LibraryError(f"the library's schema_version is {row[0]!r}, not a version number") from None


def migrate(db: sqlite3.Connection, migrations: tuple[Callable[[sqlite3.Connection], None], ...] = MIGRATIONS) -> int:
    """Bring ``db`` (opened in autocommit mode) to the last version, one transaction per step; returns the
    version it had. LibraryError when it is newer than this program knows. Another connection may migrate the
    same file at once: each step's transaction reads the version again and does only what is still missing."""
    found = _known(schema_version(db), migrations)
    version = found
    while version < len(migrations):
        db.execute("BEGIN IMMEDIATE")  # one writer at a time: what it reads now stays true until it commits
        try:
            version = _known(schema_version(db), migrations)
            if version < len(migrations):
                migrations[version](db)
                version += 1
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return found


def _known(version: int, migrations: tuple[Callable[[sqlite3.Connection], None], ...]) -> int:
    """``version``, when this program knows it; else LibraryError."""
    if version > len(migrations):
        raise LibraryError(
            f"the library was written by a newer jcviewer (schema {version}, this one knows {len(migrations)})"
        )
    return version
