"""The library's catalogue: every report added, in ``<folder>/library.sqlite3``, its file copied to
``<folder>/texts/<hash>.txt`` (a text) or ``<folder>/texts/<hash>.pdf`` (a PDF, kept as a PDF so everything that
reads the copy again reads a PDF) (Qt-free; docs/library.md).

A report is known by its content hash, ``correction_store.report_key`` of its bytes (the key its corrections are
stored under, so they live in one store whether it is in the library or not): the same text added twice — from
another file name, with CRLF line ends — is one entry, and so is the same PDF. The original file is only read.
"""

from __future__ import annotations

import builtins
import logging
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcviewer.model.correction_store import SUFFIX as CORRECTIONS_SUFFIX
from jcviewer.model.correction_store import report_key
from jcviewer.model.errors import ReportError
from jcviewer.model.library.rows import METRIC_COLUMNS, Stored, metric, parse_copy, stored, write_rows
from jcviewer.model.library.schema import LibraryError, migrate
from jcviewer.model.report import Metric, Report
from jcviewer.model.report_file import MAX_PDF_BYTES, MAX_REPORT_BYTES, read_as_pdf, read_report_bytes

if TYPE_CHECKING:  # numpy loads only when the library is searched
    from jcviewer.model.library.index import LibraryIndex

log = logging.getLogger(__name__)

DATABASE = "library.sqlite3"
TEXTS = "texts"
REPORT_SUFFIXES = (".txt", ".pdf")
"""The files a folder added gives: report texts and PDFs (any case)."""
EDITABLE = ("title", "place", "kind", "date", "year")
"""The fields a user can set; a field they set is never overwritten by a re-parse."""
BUSY_TIMEOUT = 10.0
"""Seconds a connection waits for another one's write (the window's worker thread opens its own Catalogue)."""
MAX_PARAMETERS = 900
"""The most values named in one SQL statement (SQLite allows 999 in old builds)."""
NO_CORRECTIONS = "-"
"""The ``corrections`` stamp of a report parsed with no stored corrections."""

Progress = Callable[[int, int], bool]
"""Told ``(done, total)`` after each report; returning False stops the work there."""
Problem = Callable[["Entry", ReportError], None]
"""Told about a report whose copy cannot be read or parsed."""


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


class _FailedIntegrityCheck(sqlite3.DatabaseError):
    """The database opens but ``PRAGMA quick_check`` finds damaged pages (its first finding is the message)."""


def _corrupt(error: sqlite3.DatabaseError) -> bool:
    """Whether the error says the file is not a (sound) database, rather than busy, locked or unwritable."""
    damaged = getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
    return damaged or isinstance(error, _FailedIntegrityCheck)


def report_files(paths: Sequence[Path]) -> builtins.list[Path]:
    """The files to add for ``paths``: a file as given, a folder's ``*.txt`` and ``*.pdf`` files (recursively,
    sorted)."""
    files: builtins.list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


def copy_path(key: str, name: str, data: bytes) -> str:
    """Where the library keeps the copy of a report added as ``name`` holding ``data``, relative to its folder:
    ``texts/<hash>.pdf`` for a PDF, ``texts/<hash>.txt`` for a text."""
    return f"{TEXTS}/{key}{'.pdf' if read_as_pdf(Path(name), data) else '.txt'}"


def _stamp_of(status: os.stat_result) -> str:
    """A corrections file's stamp: its size and modification time (a change to either is a change)."""
    return f"{status.st_size}:{status.st_mtime_ns}"


def _has_control(text: str) -> bool:
    """Whether ``text`` holds a line break or another control character."""
    return any(unicodedata.category(char) == "Cc" for char in text)


class Catalogue:
    """The catalogue in ``folder`` (created or migrated when opened). A damaged database file is set aside
    (renamed ``library.sqlite3.corrupt-<time>``, never deleted) and a new one created; ``recovered`` then holds
    the CorruptLibraryError saying so, for the caller to report."""

    def __init__(self, folder: Path, corrections: Path | None = None) -> None:
        self.folder = folder
        self.corrections = corrections  # the corrections store a report is parsed with (None: as the parser reads)
        self.recovered: CorruptLibraryError | None = None
        self._index: LibraryIndex | None = None
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
        db = sqlite3.connect(self.database, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer on another connection
            db.execute("PRAGMA synchronous = NORMAL")  # WAL: a commit is not synced, a crash still leaves it whole
            check = db.execute("PRAGMA quick_check").fetchone()
            if check and check[0] != "ok":
                findings = [line for line in str(check[0]).splitlines() if line.strip() and not line.startswith("***")]
                raise _FailedIntegrityCheck(f"integrity check: {(findings or ['failed'])[0]}")
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
        """The library's copy of the report (its text, or its PDF)."""
        return self.folder / entry.text_path

    def add(self, path: Path) -> tuple[int, bool]:
        """Add the report at ``path`` (read with the checked reader, parsed, its text copied): its id, and
        whether it is new. The same content added again is the same entry, its parsed fields and rows refreshed
        except the fields the user set. ReportError when the file cannot be read."""
        ((_, result),) = self.add_files([path])
        if isinstance(result, ReportError):
            raise result
        return result

    def add_text(self, name: str, data: bytes) -> tuple[int, bool]:
        """Add a report given as bytes (text pasted from a website, say, or a PDF), ``name`` its source file name:
        as ``add``. ReportError when the bytes are too many, not text or not a PDF that can be read, ValueError
        for a name that is blank or a path."""
        if not name.strip() or "/" in name or "\\" in name or name in (".", ".."):
            raise ValueError(f"not a file name: {name!r}")
        limit = MAX_PDF_BYTES if read_as_pdf(Path(name), data) else MAX_REPORT_BYTES
        if len(data) > limit:
            raise ReportError("too_large", name, f"larger than {limit // (1024 * 1024)} MB")
        key = report_key(data)
        return self._add_stored(name, data, key, _prepared(self.folder, self.corrections, data, key, Path(name)))

    def add_files(
        self, paths: Sequence[Path], progress: Progress | None = None, workers: int = 1
    ) -> builtins.list[tuple[Path, tuple[int, bool] | ReportError]]:
        """Add each file as ``add`` does, in order: each path with its id and whether it is new, or the
        ReportError saying why it could not be read. With ``workers`` > 1 (on Linux, in a process without other
        threads: the command line), the files are read and parsed in that many worker processes while this one
        stores them, one transaction each. ``progress(done, total)`` returning False stops after that file (the
        list then ends there)."""
        jobs = [(self.folder, self.corrections, path) for path in paths]
        done: builtins.list[tuple[Path, tuple[int, bool] | ReportError]] = []
        pool = _pool(workers, len(jobs))
        try:
            results = pool.map(_prepare_file, jobs, chunksize=2) if pool else map(_prepare_file, jobs)
            for number, (path, result) in enumerate(zip(paths, results, strict=True), start=1):
                if isinstance(result, tuple) and len(result) == 3 and isinstance(result[0], str):
                    done.append((path, ReportError(*result)))
                else:
                    data, key, rows = result
                    done.append((path, self._add_stored(path.name, data, key, rows)))
                if progress is not None and not progress(number, len(jobs)):
                    break
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return done

    def _add_stored(self, name: str, data: bytes, key: str, rows: Stored) -> tuple[int, bool]:
        """Copy the file and insert (or refresh) the report with its rows, in one transaction."""
        text_path = copy_path(key, name, data)
        copy = self.folder / text_path
        stamp = self._stamp(key)
        created = self._store_copy(copy, data)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                report_id, added = self._insert(key, name, text_path, rows, stamp)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except BaseException:
            if created:  # no row refers to the copy this call made: leave no orphan
                copy.unlink(missing_ok=True)
            raise
        return report_id, added

    def _store_copy(self, copy: Path, data: bytes) -> bool:
        """Write the copy (through a temporary file, so a half-written copy never has the final name); False when
        it is there already (the same content: its name is its hash)."""
        if copy.is_file() and report_key(copy.read_bytes()) == copy.stem:
            return False
        temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, copy)
        finally:
            temporary.unlink(missing_ok=True)
        return True

    def _insert(self, key: str, source: str, text_path: str, rows: Stored, stamp: str) -> tuple[int, bool]:
        """Insert the report with its rows, or refresh the one with this content (its rows, and the fields the
        user did not set)."""
        row = self._db.execute("SELECT id FROM reports WHERE content_hash = ?", (key,)).fetchone()
        if row is not None:
            named_after_file = rows.fields["title"] == source  # no title in the text: keep the first file's name
            self._rewrite(int(row[0]), rows, stamp, keep=("title",) if named_after_file else ())
            return int(row[0]), False
        parsed = rows.fields
        added = datetime.now(UTC).isoformat(timespec="seconds")
        cursor = self._db.execute(
            "INSERT INTO reports (title, place, kind, date, year, source, content_hash, text_path, added, parser,"
            " corrections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*(parsed[field] for field in EDITABLE), source, key, text_path, added, _fingerprint(), stamp),
        )
        assert cursor.lastrowid is not None
        write_rows(self._db, cursor.lastrowid, rows)
        self._changed()
        return cursor.lastrowid, True

    def _rewrite(self, report_id: int, rows: Stored, stamp: str, keep: tuple[str, ...] = ()) -> None:
        """Rewrite a report's rows and the parsed fields the user did not set, ``keep`` aside (inside the
        caller's transaction)."""
        flags = self._db.execute(
            f"SELECT {', '.join(f'{field}_set' for field in EDITABLE)} FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        parsed = rows.fields
        fresh = [field for field, flag in zip(EDITABLE, flags, strict=True) if not flag and field not in keep]
        assignments = "".join(f"{field} = ?, " for field in fresh)
        self._db.execute(
            f"UPDATE reports SET {assignments}parser = ?, corrections = ? WHERE id = ?",
            (*(parsed[field] for field in fresh), _fingerprint(), stamp, report_id),
        )
        write_rows(self._db, report_id, rows)
        self._changed()

    def _changed(self) -> None:
        """Count a change to the catalogue's reports or rows (inside the caller's transaction): the search index
        compares this generation to tell it must look again."""
        self._db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE SET value = value + 1"
        )

    def generation(self) -> int:
        """How many changes the catalogue has had (any connection's): equal generations, equal catalogue."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _stamps(self) -> dict[str, str]:
        """The stamp (size and modification time) of each file in the corrections store, by report key: a
        report whose stamp is not the one it was parsed with has had its corrections changed."""
        if self.corrections is None:
            return {}
        try:
            files = [entry for entry in os.scandir(self.corrections) if entry.name.endswith(CORRECTIONS_SUFFIX)]
            return {entry.name.removesuffix(CORRECTIONS_SUFFIX): _stamp_of(entry.stat()) for entry in files}
        except OSError:
            return {}

    def _stamp(self, key: str) -> str:
        """The stamp of one report's corrections (``_stamps``), NO_CORRECTIONS when it has none: one file looked
        at, not the whole store, for each report added."""
        if self.corrections is None:
            return NO_CORRECTIONS
        try:
            return _stamp_of((self.corrections / f"{key}{CORRECTIONS_SUFFIX}").stat())
        except OSError:
            return NO_CORRECTIONS

    def stale(self) -> builtins.list[Entry]:
        """The reports whose rows were parsed by another parser, or with corrections since changed (or that
        could not be parsed yet): ``refresh`` parses them again. Cheap when there are none (every search and
        ``metrics`` asks): only reports parsed otherwise, or with stored corrections, are looked at."""
        stamps = self._stamps()
        corrected = builtins.list(stamps)[:MAX_PARAMETERS]
        where = "parser IS NOT ? OR corrections IS NOT ?"
        if len(stamps) > MAX_PARAMETERS:  # too many to name: every report is looked at
            where = "1"
        elif corrected:
            where += f" OR content_hash IN ({', '.join('?' * len(corrected))})"
        parameters = () if where == "1" else (_fingerprint(), NO_CORRECTIONS, *corrected)
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, parser, corrections FROM reports WHERE {where} ORDER BY id", parameters
        )
        fingerprint = _fingerprint()
        return [
            _entry(row[:-2])
            for row in rows
            if row[-2] != fingerprint or row[-1] != stamps.get(str(row[7]), NO_CORRECTIONS)
        ]

    def refresh(self, progress: Progress | None = None, problem: Problem | None = None) -> int:
        """Parse the stale reports (``stale``) again from their copies and rewrite their rows and the fields
        the user did not set, one transaction each; how many were rewritten. ``progress(done, total)`` returning
        False stops after that report. A report whose copy cannot be read is left as it is and passed to
        ``problem``."""
        stale = self.stale()
        stamps = self._stamps() if stale else {}
        done = 0
        for number, entry in enumerate(stale, start=1):
            copy = self.text_file(entry)
            try:
                report = parse_copy(copy, read_report_bytes(copy), Path(entry.source), self.corrections)
            except ReportError as error:
                log.info("report %s not refreshed: %s", entry.id, error)
                if problem is not None:
                    problem(entry, error)
            else:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    if self._db.execute("SELECT 1 FROM reports WHERE id = ?", (entry.id,)).fetchone():
                        self._rewrite(entry.id, stored(report), stamps.get(entry.content_hash, NO_CORRECTIONS))
                        done += 1
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            if progress is not None and not progress(number, len(stale)):
                break
        return done

    def metrics(self) -> builtins.list[tuple[Entry, Metric]]:
        """Every metric of every report, by report (``list`` order) then paragraph, rebuilt with all fields.
        Stale reports are parsed again first (``refresh``), so what comes back is what the parser reads today."""
        self.refresh()
        columns = ", ".join(column for column in METRIC_COLUMNS if column != "seq")
        sql = f"SELECT report_id, {columns} FROM metrics ORDER BY report_id, seq"
        with self.snapshot():
            entries = self.list()
            rows = self._db.execute(sql).fetchall()
        order = {entry.id: number for number, entry in enumerate(entries)}
        by_id = {entry.id: entry for entry in entries}
        found = [(by_id[int(row[0])], metric(row[1:])) for row in rows]
        found.sort(key=lambda pair: order[pair[0].id])  # stable: paragraph order within a report
        return found

    def search_index(self) -> LibraryIndex:
        """This catalogue's search index across reports (``index.py``), made on first use: bring it up to date
        with ``update(catalogue)`` before searching it."""
        if self._index is None:
            from jcviewer.model.library.index import LibraryIndex

            self._index = LibraryIndex()
        return self._index

    def row_stamps(self) -> dict[int, tuple[str, ...]]:
        """Per report id, what its paragraph and metric rows were made from: its content hash, the parser's
        fingerprint and the corrections stamp (equal stamps, equal rows)."""
        rows = self._db.execute("SELECT id, content_hash, parser, corrections FROM reports")
        return {int(row[0]): tuple(str(value) for value in row[1:]) for row in rows}

    def paragraph_rows(self, report_ids: Collection[int] | None = None) -> Iterator[tuple[Any, ...]]:
        """The paragraph rows of ``report_ids`` (every report's with None), report by report in reading order:
        report id, paragraph, section, kind, text, titles, marks and path (``rows.paragraph_rows``)."""
        sql = "SELECT report_id, paragraph, section, kind, text, titles, marks, path FROM paragraphs"
        wanted = () if report_ids is None else tuple(report_ids)
        if report_ids is not None:
            sql += f" WHERE report_id IN ({', '.join('?' * len(wanted))})"
        yield from self._db.execute(sql + " ORDER BY report_id, seq", wanted)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see the catalogue as it was when the first one ran, whatever other connections write
        meanwhile (one read transaction)."""
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            self._db.execute("COMMIT")

    def report(self, entry: Entry, cache: Path | None = None) -> Report:
        """The parsed report of the library's copy, corrected from the store (through the report cache in
        ``cache`` when given; ``report_cache``). ReportError when the copy cannot be read."""
        copy = self.text_file(entry)
        if cache is None:
            return parse_copy(copy, read_report_bytes(copy), Path(entry.source), self.corrections)
        from jcviewer.model.report_cache import load_report_cached

        return replace(load_report_cached(copy, cache, self.corrections), source=entry.source)

    def remove(self, report_id: int) -> Entry:
        """Remove the report and its text copy; the removed entry. KeyError if there is none."""
        entry = self.get(report_id)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM reports WHERE id = ?", (report_id,))  # its rows go with it (cascade)
            self._changed()
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
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
        broken = [name for name, value in fields.items() if isinstance(value, str) and _has_control(value)]
        if broken:  # a line break would split the listing's line, a control character garble it
            raise ValueError(f"{', '.join(broken)}: line breaks and control characters are not allowed")
        self.get(report_id)
        if fields:
            values = [None if value == "" else value for value in fields.values()]
            assignments = ", ".join(f"{field} = ?, {field}_set = 1" for field in fields)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(f"UPDATE reports SET {assignments} WHERE id = ?", (*values, report_id))
                self._changed()
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return self.get(report_id)


def _prepared(folder: Path, corrections: Path | None, data: bytes, key: str, added_as: Path) -> Stored:
    """The report whose bytes are ``data``, added as the file ``added_as``, parsed (as the library's copy,
    corrected from the store) and made ready to store; a ReportError names ``added_as``."""
    return stored(parse_copy(folder / copy_path(key, added_as.name, data), data, added_as, corrections))


def _prepare_file(job: tuple[Path, Path | None, Path]) -> tuple[bytes, str, Stored] | tuple[str, str, str]:
    """In a worker (or here): the file read, its key and what to store; or the ReportError's reason, path and
    message when it cannot be read (plain data: an exception of our own does not cross processes whole)."""
    folder, corrections, path = job
    try:
        data = read_report_bytes(path)
        key = report_key(data)
        return data, key, _prepared(folder, corrections, data, key, path)
    except ReportError as error:
        return error.reason, error.path, error.message


def _pool(workers: int, jobs: int) -> ProcessPoolExecutor | None:
    """Worker processes for parsing, or None to parse here: fewer than two workers or jobs, or no cheap and
    safe way to start them (fork, on Linux only — elsewhere a child would start the program again — and in a
    process with no other thread, whose locks a child could inherit held: the window parses here)."""
    if workers < 2 or jobs < 2 or sys.platform != "linux" or threading.active_count() > 1:
        return None
    return ProcessPoolExecutor(min(workers, jobs), mp_context=multiprocessing.get_context("fork"))


def _fingerprint() -> str:
    """The parser's fingerprint as the catalogue records it (``report_cache.parser_fingerprint``)."""
    from jcviewer.model.report_cache import parser_fingerprint

    return parser_fingerprint().hex()
