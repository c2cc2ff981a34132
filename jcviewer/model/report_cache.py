"""Parsed reports kept on disk, so a report opened before shows without loading the parser (Qt-free).

The key covers everything a parse depends on: the report's bytes, its outline sidecar, the corrections stored
for it (``correction_store``), the synonyms and the parser itself (its version, plus the name, size and
modification time of each of its sources and of the synonyms file where they exist, as Python's bytecode cache
tells an edited source: an edited parser never reads a stale entry). Entries are data, never code: the report as
JSON (``report_data``) read back through a strict loader, in a folder the caller chooses (the UI passes the
user's cache folder). An entry that does not validate is ignored and rewritten; a failing cache never stops a
report opening. The report file is read once, through ``report_file``'s checks.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from jcviewer import __version__
from jcviewer.model.correction_store import store_fingerprint
from jcviewer.model.errors import ReportError
from jcviewer.model.report import Report
from jcviewer.model.report_data import ReportDataError, report_from_json, report_to_json
from jcviewer.model.report_file import MAX_REPORT_BYTES, MAX_SIDECAR_BYTES, read_checked, read_report_bytes
from jcviewer.model.sources import sidecar_path
from jcviewer.resources import RADICALS, SYNONYMS, resource_path

log = logging.getLogger(__name__)

MAX_ENTRIES = 32
SUFFIX = ".report.json"
MAX_ENTRY_BYTES = 8 * MAX_REPORT_BYTES  # the JSON of a report, with its spans and metrics, is a few times the text
_MODEL = Path(__file__).resolve().parent


@cache
def parser_fingerprint() -> bytes:
    """The parser's identity: version and, when present, the name, size and modification time of each source
    and of the data files it reads: the synonyms (indicators are named through them: the library's stored ones go
    stale with them) and the radical table (a PDF's text is read through it).

    Looked at on every start: listing the sources takes ~0.4 ms where reading and hashing their ~300 KB took 2–4.
    """
    digest = hashlib.sha256(__version__.encode())
    for name, size, modified in sorted(_sources(_MODEL, "")):
        digest.update(f"{name}\0{size}\0{modified}\n".encode())
    for data in (SYNONYMS, RADICALS):
        try:
            status = resource_path(data).stat()
        except OSError:
            continue
        digest.update(f"{data}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.digest()


def _sources(folder: Path, prefix: str) -> Iterator[tuple[str, int, int]]:
    """Each ``.py`` file under ``folder``: its path from there, size and modification time (ns); none if unreadable."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            yield from _sources(Path(entry.path), f"{prefix}{entry.name}/")
        elif entry.name.endswith(".py"):
            status = entry.stat()
            yield f"{prefix}{entry.name}", status.st_size, status.st_mtime_ns


def cache_key(path: Path, data: bytes, store: Path | None = None) -> str | None:
    """The entry name for a report file whose bytes are ``data``, corrected from ``store`` (None: no stored
    corrections), or None when a file it depends on cannot be read."""
    digest = hashlib.sha256(parser_fingerprint())
    digest.update(path.name.encode())  # the report records its file name
    digest.update(hashlib.sha256(data).digest())
    try:
        sidecar = sidecar_path(path)
        digest.update(read_checked(sidecar, MAX_SIDECAR_BYTES, "sidecar") if sidecar.exists() else b"-")
        digest.update(resource_path(SYNONYMS).read_bytes())
        digest.update(b"-" if store is None else store_fingerprint(store, data, path))
    except (OSError, ReportError):
        return None
    return digest.hexdigest()


def _read(entry: Path, source: str) -> Report | None:
    try:
        text = read_checked(entry, MAX_ENTRY_BYTES, "cache entry")
    except ReportError as error:
        if error.reason != "missing":
            log.info("ignoring cache entry %s: %s", entry.name, error.message)
        return None
    try:
        report = report_from_json(text)
    except ReportDataError as error:
        log.info("ignoring cache entry %s: %s", entry.name, error)
        return None
    return report if report.source == source else None


def _write(folder: Path, entry: Path, report: Report) -> None:
    text = report_to_json(report).encode("utf-8")
    if len(text) > MAX_ENTRY_BYTES:  # it would be refused when read: parsing again is all it would save
        log.info("not caching %s: its entry would be %d bytes", report.source, len(text))
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as stream:
            stream.write(text)
        os.replace(stream.name, entry)
        entries = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("cannot write the report cache in %s: %s", folder, error)


def load_report_cached(path: Path, folder: Path, store: Path | None = None) -> Report:
    """``load_report(path, store=store)``, served from ``folder`` when this exact report (with the same
    sidecar and stored corrections) was parsed before.

    Raises ReportError exactly like ``load_report``.
    """
    data = read_report_bytes(path)
    key = cache_key(path, data, store)
    entry = folder / f"{key}{SUFFIX}"
    if key is not None:
        report = _read(entry, path.name)
        if report is not None:
            return report
    from jcviewer.model.parse import load_report  # the parser loads only on a miss

    report = load_report(path, data=data, store=store)
    if key is not None:
        _write(folder, entry, report)
    return report
