"""Parsed reports kept on disk, so a report opened before shows without loading the parser (Qt-free).

The key covers everything a parse depends on: the report's bytes, its outline sidecar, the synonyms and the
parser itself (its version, plus the text of its sources where they exist, so an edited parser never reads a
stale entry). Entries are pickles of Report in a folder the caller chooses (the UI passes the user's cache
folder). A damaged or unreadable entry is ignored and rewritten; a failing cache never stops a report opening.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from jcviewer import __version__
from jcviewer.model.report import Report
from jcviewer.model.sources import sidecar_path
from jcviewer.resources import SYNONYMS, resource_path

log = logging.getLogger(__name__)

MAX_ENTRIES = 32
_MODEL = Path(__file__).resolve().parent


@cache
def parser_fingerprint() -> bytes:
    """The parser's identity: version and, when present, its source text."""
    digest = hashlib.sha256(__version__.encode())
    for source in sorted(_MODEL.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.digest()


def cache_key(path: Path) -> str | None:
    """The entry name for a report file, or None when a file it depends on cannot be read."""
    digest = hashlib.sha256(parser_fingerprint())
    digest.update(path.name.encode())  # the report records its file name
    try:
        digest.update(path.read_bytes())
        sidecar = sidecar_path(path)
        digest.update(sidecar.read_bytes() if sidecar.is_file() else b"-")
        digest.update(resource_path(SYNONYMS).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _read(entry: Path) -> Report | None:
    try:
        with entry.open("rb") as stream:
            report = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged entry: any unpickling error means "not cached"
        log.info("ignoring cache entry %s: %s", entry.name, error)
        return None
    return report if isinstance(report, Report) else None


def _write(folder: Path, entry: Path, report: Report) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as stream:
            pickle.dump(report, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, entry)
        entries = sorted(folder.glob("*.report"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("cannot write the report cache in %s: %s", folder, error)


def load_report_cached(path: Path, folder: Path) -> Report:
    """``load_report(path)``, served from ``folder`` when this exact report was parsed before.

    Raises ReportError exactly like ``load_report``.
    """
    key = cache_key(path)
    entry = folder / f"{key}.report"
    if key is not None:
        report = _read(entry)
        if report is not None:
            return report
    from jcviewer.model.parse import load_report  # the parser loads only on a miss

    report = load_report(path)
    if key is not None:
        _write(folder, entry, report)
    return report
