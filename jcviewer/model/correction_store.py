"""Where a reader's corrections are kept, and how a report's corrections are gathered (Qt-free).

The store is a folder in the user's data folder (``paths.user_data_folder("corrections")``, the same for the
window and the command line) with one file per report, ``<key>.toml``: the corrections format
(``corrections``) plus a ``[report]`` table naming the key and the report's resolved path. The key is the
sha256 of the report's text with a byte-order mark and CR line ends removed (``report_key``), so re-saving a
report with a BOM or CRLF loses nothing; a report changed in place finds the file recorded for its path, whose
corrections then say what no longer applies. Nothing is ever written into a report or next to it, except by
``export_sidecar``. Files are written whole (a temporary file renamed over the old one); a file that cannot be
read is kept as ``<key>.toml.bad`` before a new one is written, never overwritten. A small index,
``paths.json``, says which path each file records, so finding a report's file by its path reads one file, not
the whole store (``store_file``).

The corrections format (``model.corrections``) is imported where corrections are read or written, not here: the
parsed-report cache asks this module for its key (``store_fingerprint``) on every start, which needs none of it
when the report has a store file of its own or none at all.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from jcviewer.model.errors import ReportError
from jcviewer.model.report import ParseWarning
from jcviewer.model.report_file import MAX_SIDECAR_BYTES, read_checked, read_report_bytes
from jcviewer.model.sources import sidecar_path

if TYPE_CHECKING:
    from jcviewer.model.corrections import Correction, Corrections

log = logging.getLogger(__name__)

SUFFIX = ".toml"
BAD_SUFFIX = ".bad"
_KEY = re.compile(r"[0-9a-f]{64}")


def report_key(data: bytes) -> str:
    """The store key of a report whose file holds ``data``: sha256 of its text without a byte-order mark and
    with LF line ends (UTF-16 text is taken as UTF-8; UTF-8 and GB18030 bytes as they are)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    data = data.removeprefix(codecs.BOM_UTF8).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return hashlib.sha256(data).hexdigest()


def _key(data_or_key: bytes | str) -> str:
    if isinstance(data_or_key, str):
        if not _KEY.fullmatch(data_or_key):
            raise ValueError(f"not a report key: {data_or_key[:20]!r}")
        return data_or_key
    return report_key(data_or_key)


def _read(file: Path, what: str) -> tuple[Corrections, dict[str, object]]:
    """A corrections file's corrections and its [report] table; CorrectionsError in one line otherwise."""
    from jcviewer.model import corrections as fmt

    try:
        text = read_checked(file, MAX_SIDECAR_BYTES, what).decode("utf-8")
    except ReportError as error:
        raise fmt.CorrectionsError(f"{file.name}: {error.message}") from error
    except UnicodeDecodeError as error:
        raise fmt.CorrectionsError(f"{file.name}: not UTF-8 text ({error.reason})") from error
    corrections, extra = fmt.parse_corrections(text, file.name, ("report",))
    header = extra.get("report", {})
    return corrections, header if isinstance(header, dict) else {}


def _read_stored(file: Path) -> Corrections:
    from jcviewer.model import corrections as fmt

    corrections, header = _read(file, "corrections file")
    if header.get("sha256") != file.name.removesuffix(SUFFIX):
        raise fmt.CorrectionsError(f"{file.name}: not a corrections file of this report (its [report] sha256 differs)")
    return corrections


INDEX = "paths.json"
"""The store's index: for each ``<key>.toml``, the report path it records, with the file's size and change time
as indexed. Only a guide: entries whose file changed (or is new, or gone) are re-read, and a file found through
it must still record the path; a missing or unreadable index is rebuilt from the files."""


MAX_INDEX_BYTES = 16 * 1024 * 1024
"""The largest index read: ~200 bytes a report, so tens of thousands of corrected reports."""

_Entry = tuple[str | None, int, int]  # the path a store file records (None: unreadable), its size and mtime_ns


def _read_index(store: Path) -> dict[str, _Entry]:
    """The index as written, its malformed entries left out; empty when it is missing or unreadable."""
    try:
        raw = json.loads(read_checked(store / INDEX, MAX_INDEX_BYTES, "corrections index").decode("utf-8"))
        files = raw["files"] if isinstance(raw, dict) and isinstance(raw.get("files"), dict) else {}
    except ReportError as error:  # missing, a pipe, too large…
        if error.reason != "missing":
            log.info("rebuilding the index of %s: %s", store, error.message)
        return {}
    except (ValueError, RecursionError) as error:  # not JSON (or not UTF-8), or nested thousands deep
        log.info("rebuilding the index of %s: %s", store, error)
        return {}
    return {
        name: (entry[0], entry[1], entry[2])
        for name, entry in files.items()
        if isinstance(entry, list)
        and len(entry) == 3
        and isinstance(entry[0], str | None)
        and all(type(number) is int for number in entry[1:])
    }


def _index(store: Path) -> dict[str, str | None]:
    """Each store file's name → the report path it records (None: unreadable), up to date with the folder:
    a file not indexed, or changed since, is read (and the index rewritten)."""
    indexed = _read_index(store)
    fresh: dict[str, _Entry] = {}
    try:
        listed = [entry for entry in os.scandir(store) if entry.name.endswith(SUFFIX) and entry.is_file()]
    except OSError:
        return {}
    for entry in listed:
        status = entry.stat()
        old = indexed.get(entry.name)
        if old is not None and old[1:] == (status.st_size, status.st_mtime_ns):
            fresh[entry.name] = old
        else:
            fresh[entry.name] = (_recorded_path(Path(entry.path)), status.st_size, status.st_mtime_ns)
    if fresh != indexed:
        _write_index(store, fresh)
    return {name: entry[0] for name, entry in fresh.items()}


def _recorded_path(file: Path) -> str | None:
    """The report path a store file records; None when it cannot be read."""
    from jcviewer.model import corrections as fmt

    try:
        path = _read(file, "corrections file")[1].get("path")
    except fmt.CorrectionsError as error:
        log.info("skipping %s: %s", file.name, error)
        return None
    return path if isinstance(path, str) else None


def _write_index(store: Path, entries: dict[str, _Entry]) -> None:
    try:
        _write(store / INDEX, json.dumps({"files": entries}, ensure_ascii=False, sort_keys=True))
    except OSError as error:  # a read-only store still finds its files, by reading them
        log.info("cannot write the index of %s: %s", store, error)


def store_file(store: Path, key: str, path: Path | None) -> Path | None:
    """The store file for ``key``, else the newest one recorded for ``path`` (the report changed in place).

    Found through the store's index: the folder is listed, and only the file found (and any file changed since
    it was indexed) is read.
    """
    direct = store / f"{key}{SUFFIX}"
    if direct.exists() or path is None:
        return direct if direct.exists() else None
    if not store.is_dir():
        return None
    resolved = str(path.resolve())
    recorded = [store / name for name, recorded in _index(store).items() if recorded == resolved]
    for file in sorted(recorded, key=_modified, reverse=True):
        if _recorded_path(file) == resolved:  # the index is a guide: the file itself must say so
            return file
    return None


def _modified(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:
        return -1.0


def stored_corrections(store: Path, data_or_key: bytes | str, path: Path | None = None) -> Corrections:
    """The corrections stored for a report (its bytes or key) at ``path``; CorrectionsError when the store
    file is garbage or another report's."""
    from jcviewer.model import corrections as fmt

    file = store_file(store, _key(data_or_key), path)
    return fmt.Corrections() if file is None else _read_stored(file)


def update_corrections(
    store: Path, data_or_key: bytes | str, path: Path, change: Callable[[Corrections], Corrections]
) -> Corrections:
    """Store ``change`` of the report's stored corrections in one write (a garbage file is kept aside and
    ``change`` starts from none); the stored corrections."""
    from jcviewer.model import corrections as fmt

    key = _key(data_or_key)
    try:
        current = stored_corrections(store, key, path)
    except fmt.CorrectionsError as error:
        log.warning("starting the corrections of %s afresh: %s", path.name, error)
        current = fmt.Corrections()
    return _save(store, key, path, change(current))


def add_correction(store: Path, data_or_key: bytes | str, path: Path, correction: Correction) -> Corrections:
    """Store ``correction`` for the report (merged into one with the same anchor); the stored corrections."""
    from jcviewer.model import corrections as fmt

    return update_corrections(store, data_or_key, path, lambda current: fmt.with_correction(current, correction))


def _save(store: Path, key: str, path: Path, corrections: Corrections) -> Corrections:
    from jcviewer.model import corrections as fmt

    file = store / f"{key}{SUFFIX}"
    store.mkdir(parents=True, exist_ok=True)
    if file.exists():
        try:
            _read_stored(file)
        except fmt.CorrectionsError:
            os.replace(file, file.with_name(file.name + BAD_SUFFIX))  # kept, never overwritten
    _put(store, file, str(path.resolve()), corrections)
    return corrections


def _put(store: Path, file: Path, recorded: str, corrections: Corrections) -> None:
    """Write a store file (its key is its name) recording the report path ``recorded``, and index it."""
    from jcviewer.model import corrections as fmt

    _write(file, fmt.to_toml(corrections, {"sha256": file.name.removesuffix(SUFFIX), "path": recorded}))
    status = file.stat()  # indexed now: a rewrite within the file system's time resolution goes unseen otherwise
    _write_index(store, {**_read_index(store), file.name: (recorded, status.st_size, status.st_mtime_ns)})


def _write(file: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=file.parent, delete=False, suffix=".tmp") as out:
        out.write(text)
    try:
        os.replace(out.name, file)
    finally:
        Path(out.name).unlink(missing_ok=True)


def read_sidecar(path: Path) -> Corrections:
    """The corrections in a sidecar file; CorrectionsError with a specific message when it is malformed."""
    from jcviewer.model import corrections as fmt

    corrections, _header = _read(path, "sidecar")
    if not corrections:
        raise fmt.CorrectionsError(f"{path.name}: expected [[section]], [[structure]], [[quote]] or [[figure]] tables")
    return corrections


def gather(path: Path, data: bytes, store: Path | None, sidecar: bool = True) -> tuple[Corrections, list[ParseWarning]]:
    """The corrections for the report at ``path`` holding ``data``: its sidecar's (when ``sidecar``), then the
    stored ones (when ``store``) over them; a warning for each that cannot be read (then left out)."""
    from jcviewer.model import corrections as fmt

    found, warnings = fmt.Corrections(), []
    side = sidecar_path(path)
    if sidecar and side.exists():
        try:
            found = read_sidecar(side)
        except fmt.CorrectionsError as error:
            warnings.append(ParseWarning("sidecar_ignored", f"outline sidecar ignored: {error}"))
    if store is not None:
        try:
            found = fmt.combined(found, stored_corrections(store, report_key(data), path))
        except fmt.CorrectionsError as error:
            warnings.append(ParseWarning("corrections_ignored", f"stored corrections ignored: {error}"))
    return found, warnings


def store_fingerprint(store: Path, data: bytes, path: Path) -> bytes:
    """The bytes of the store file a report's corrections come from (b"-" when none): part of a cache key."""
    file = store_file(store, report_key(data), path)
    if file is None:
        return b"-"
    try:
        return file.name.encode() + read_checked(file, MAX_SIDECAR_BYTES, "corrections file")
    except ReportError:
        return b"?"


def export_sidecar(report_path: Path, corrections: Corrections, overwrite: bool = False) -> Path:
    """Write ``corrections`` as the sidecar next to the report; FileExistsError when a different sidecar is
    there and ``overwrite`` is false. The sidecar's path."""
    from jcviewer.model import corrections as fmt

    side = sidecar_path(report_path)
    text = fmt.to_toml(corrections)
    if side.exists() and not overwrite:
        try:
            same = read_checked(side, MAX_SIDECAR_BYTES, "sidecar").decode("utf-8") == text
        except (ReportError, UnicodeDecodeError):
            same = False  # a pipe, a folder, garbage…: replaced only when the reader says so
        if not same:
            raise FileExistsError(f"{side.name}: a different sidecar is there already")
    _write(side, text)
    return side


STALE_CODES = ("correction_stale", "sidecar_ignored")
"""The warnings of corrections that match nothing in a report (``sidecar_ignored``: headings that do not fit)."""


def _complaints(path: Path, data: bytes, corrections: Corrections) -> set[str]:
    """The messages of the corrections that match nothing when the report at ``path`` holding ``data`` is read
    with ``corrections`` only (from a throwaway store: the way they are read when the report opens)."""
    from jcviewer.model.parse import load_report  # the parser imports this module

    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder)
        if corrections:
            _save(store, report_key(data), path, corrections)
        report = load_report(path, data=data, store=store, sidecar=False)
    return {warning.message for warning in report.warnings if warning.code in STALE_CODES}


def stale_corrections(path: Path, data: bytes, corrections: Corrections, base: Corrections) -> Corrections:
    """Those of ``corrections`` that match nothing in the report at ``path`` holding ``data`` when read over
    ``base`` (its sidecar's): each one whose removal takes a warning away. The report is parsed once, and once
    more per correction when some are stale."""
    from jcviewer.model import corrections as fmt

    everything = fmt.combined(base, corrections)
    complaints = _complaints(path, data, everything)
    stale = fmt.Corrections()
    if not complaints:
        return stale
    for fix in corrections.fixes():
        if complaints - _complaints(path, data, fmt.without_correction(everything, fix)):
            stale = fmt.with_correction(stale, fix)
    if corrections.sections and complaints - _complaints(path, data, replace(everything, sections=base.sections)):
        stale = replace(stale, sections=corrections.sections)
    return stale


def forget_stale(store: Path, path: Path) -> Corrections:
    """Remove from the store the corrections kept for the report at ``path`` that no longer apply to it (read
    over its sidecar, as when it opens); the ones removed. The others stay in their file; the report and its
    sidecar are never touched. ReportError when the report cannot be read, CorrectionsError when its store file
    cannot."""
    from jcviewer.model import corrections as fmt

    data = read_report_bytes(path)
    file = store_file(store, report_key(data), path)
    if file is None:
        return fmt.Corrections()
    stored, header = _read(file, "corrections file")
    _read_stored(file)  # another report's file is not this one's to change
    side = sidecar_path(path)
    try:
        base = read_sidecar(side) if side.exists() else fmt.Corrections()
    except fmt.CorrectionsError:
        base = fmt.Corrections()  # ignored when the report opens, so here too
    stale = stale_corrections(path, data, stored, base)
    if stale:
        kept = replace(stored, sections=() if stale.sections else stored.sections)
        for fix in stale.fixes():
            kept = fmt.without_correction(kept, fix)
        recorded = header.get("path")
        _put(store, file, recorded if isinstance(recorded, str) else str(path.resolve()), kept)
    return stale
