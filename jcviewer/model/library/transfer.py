"""The whole library in one file, to take to another machine (Qt-free; docs/library.md).

``export_library`` writes a zip: ``manifest.json`` (the format, its version, and per report its content hash,
source file name, the fields the user set and whether corrections come with it), ``texts/<hash>.txt`` or
``texts/<hash>.pdf`` (each report's text or PDF, byte for byte, named as the library's copy) and
``corrections/<hash>.toml`` (the corrections the store holds for it). The file is written whole or not at all
(``output_file.replacing``).

``import_library`` reads such a file and merges it into a catalogue by content hash. The whole file is checked
before anything is written — a zip, only the names the format has (no folders, no ``..``), sizes within the
reader's caps (a text's, a PDF's), a manifest of the right shape, one copy per report whose hash is its name,
each text decodable, each PDF a PDF, and each corrections file valid — so a bad or hostile file changes nothing
(TransferError). Then, report by report (one transaction each): the report's copy is read from the file again
(none is held in memory meanwhile; its hash is checked again) and added (known content is the same entry; a PDF
that cannot be read after all — damaged inside, scanned — is left out and reported, the others go on); the
fields the user set on the other machine are set here, unless this machine's user set them (the file's user-set
fields win over the parser's guesses, never over this machine's user-set fields); fields the other machine
guessed are guessed here again.
The report's corrections are copied into this machine's store unless it already has a file for that report.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jcviewer import __version__
from jcviewer.model.correction_store import SUFFIX, report_key, store_file, stored_corrections, update_corrections
from jcviewer.model.errors import ReportError
from jcviewer.model.library.catalogue import EDITABLE, TEXTS, Catalogue
from jcviewer.model.report_file import MAX_PDF_BYTES, MAX_REPORT_BYTES, MAX_SIDECAR_BYTES

FORMAT = "jcviewer-library"
VERSION = 1
MANIFEST = "manifest.json"
MAX_REPORTS = 20_000
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
"""Caps on what an imported file may hold: reports, the manifest's size, all members together (uncompressed)."""
MAX_FIELD = 1000
"""The longest title, place, kind, date or source name a manifest may give."""
_TEXT = re.compile(r"texts/([0-9a-f]{64})\.(?:txt|pdf)")
COPY_LIMITS = {".txt": MAX_REPORT_BYTES, ".pdf": MAX_PDF_BYTES}
"""The largest copy of each kind a file may hold: the reader's caps."""
_CORRECTIONS = re.compile(r"corrections/([0-9a-f]{64})\.toml")
_HASH = re.compile(r"[0-9a-f]{64}")


class TransferError(Exception):
    """The library file cannot be imported (not one, damaged, hostile) or written; nothing was changed."""


@dataclass(frozen=True)
class Imported:
    """One report of an imported file: its id here, whether it is new here, the fields set from the file, and
    whether its corrections were copied into the store."""

    report_id: int
    added: bool
    fields: tuple[str, ...]
    corrections: bool


Problem = Callable[[str], None]
"""Told, in one line, about a report left out of an export (its copy cannot be read) or of an import (its PDF
cannot be read)."""


def export_library(catalogue: Catalogue, file: Path, problem: Problem | None = None) -> int:
    """Write every report of ``catalogue`` (text, user-set fields, stored corrections) to ``file``; how many.
    A report whose copy cannot be read is left out and passed to ``problem``. OSError when ``file`` cannot be
    written (then nothing is)."""
    from jcviewer.model import corrections as fmt
    from jcviewer.model.report_file import read_report_bytes
    from jcviewer.output_file import replacing

    reports: list[dict[str, Any]] = []
    with replacing(file) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in catalogue.list():
            try:
                data = read_report_bytes(catalogue.text_file(entry))
            except ReportError as error:
                if problem is not None:
                    problem(f"report {entry.id} left out: {error}")
                continue
            corrections = None
            if catalogue.corrections is not None:
                try:
                    corrections = stored_corrections(catalogue.corrections, entry.content_hash)
                except fmt.CorrectionsError as error:
                    if problem is not None:
                        problem(f"report {entry.id}: its stored corrections are left out: {error}")
            archive.writestr(f"{TEXTS}/{entry.content_hash}{Path(entry.text_path).suffix}", data)
            if corrections:
                archive.writestr(f"corrections/{entry.content_hash}.toml", fmt.to_toml(corrections))
            reports.append(
                {
                    "content_hash": entry.content_hash,
                    "source": entry.source,
                    "user_set": {field: getattr(entry, field) for field in EDITABLE if field in entry.user_set},
                    "corrections": bool(corrections),
                }
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "written_by": f"jcviewer {__version__}",
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
            "reports": reports,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return len(reports)


@dataclass(frozen=True)
class _Report:
    """One report of a checked file; ``copy`` names its text or PDF (``texts/<hash>.txt`` or ``.pdf``), read
    when it is imported (so a file of large PDFs is never held in memory whole)."""

    content_hash: str
    copy: str
    source: str
    user_set: dict[str, str | int | None]
    corrections: str | None


def import_library(catalogue: Catalogue, file: Path, problem: Problem | None = None) -> list[Imported]:
    """Merge the library file ``file`` into ``catalogue`` (see the module's docstring); what became of each
    report imported. TransferError, before anything is written, when the file is not a sound library file (or
    midway, the reports before imported, when it is changed while it is imported). A report that cannot be read
    after all (a PDF damaged inside) is left out and passed to ``problem``."""
    with _library_zip(file) as archive:
        with _reading(file):
            reports = _read(archive)
        done = []
        for report in reports:
            with _reading(file):
                data = _copy_bytes(archive, report.copy, report.content_hash)  # checked again: read afresh
            done += _merged(catalogue, report, data, problem)
    return done


def _merged(catalogue: Catalogue, report: _Report, data: bytes, problem: Problem | None) -> list[Imported]:
    """Add one report of the file, holding ``data``, with its corrections and user-set fields: what became of it,
    or nothing when it cannot be read (then told to ``problem``)."""
    copied = _copy_corrections(catalogue, report)
    try:
        report_id, added = catalogue.add_text(report.source, data)
    except ReportError as error:
        if problem is not None:
            problem(f"{report.source} left out: {error.message}")
        return []
    entry = catalogue.get(report_id)
    fields = {field: value for field, value in report.user_set.items() if field not in entry.user_set}
    if fields:
        catalogue.edit(report_id, **fields)
    return [Imported(report_id, added, tuple(fields), copied)]


def _copy_corrections(catalogue: Catalogue, report: _Report) -> bool:
    """Put the report's corrections into this machine's store, unless it has a file for the report already."""
    from jcviewer.model import corrections as fmt

    store = catalogue.corrections
    if store is None or report.corrections is None or store_file(store, report.content_hash, None) is not None:
        return False
    corrections, _ = fmt.parse_corrections(report.corrections, f"{report.content_hash}{SUFFIX}")
    copy = catalogue.folder / report.copy
    update_corrections(store, report.content_hash, copy, lambda current: corrections)
    return True


def read_library_file(file: Path) -> list[_Report]:
    """The reports of the library file ``file``, every part checked; TransferError in one line otherwise."""
    with _library_zip(file) as archive, _reading(file):
        return _read(archive)


@contextmanager
def _library_zip(file: Path) -> Iterator[zipfile.ZipFile]:
    """The library file opened as a zip; TransferError when it is not a file, too large or not a zip."""
    if not file.is_file():
        raise TransferError(f"{file}: not a file")
    with _reading(file):
        if file.stat().st_size > MAX_TOTAL_BYTES:
            raise TransferError(f"larger than {MAX_TOTAL_BYTES // 1024**3} GB")
        archive = zipfile.ZipFile(file)
    with archive:
        yield archive


@contextmanager
def _reading(file: Path) -> Iterator[None]:
    """What reading the library file ``file`` raises, as a TransferError in one line naming it."""
    try:
        yield
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError, zlib.error) as error:
        # RuntimeError: an encrypted member; zlib.error: damaged compressed data
        raise TransferError(f"{file}: not a jcviewer library file (a damaged or unsupported zip: {error})") from error
    except OSError as error:
        raise TransferError(f"{file}: cannot be read: {error.strerror or error}") from error
    except TransferError as error:
        raise TransferError(f"{file}: {error}") from error


def _read(archive: zipfile.ZipFile) -> list[_Report]:
    members = archive.infolist()
    names = [member.filename for member in members]
    if len(names) != len(set(names)):
        raise TransferError("a name is in the zip twice")
    if len(members) > 2 * MAX_REPORTS + 1:
        raise TransferError(f"more than {MAX_REPORTS} reports")
    for name in names:
        if name != MANIFEST and not _TEXT.fullmatch(name) and not _CORRECTIONS.fullmatch(name):
            raise TransferError(f"not a jcviewer library file: it holds {name[:80]!r}")
    if MANIFEST not in names:
        raise TransferError("not a jcviewer library file: no manifest.json")
    if sum(member.file_size for member in members) > MAX_TOTAL_BYTES:
        raise TransferError(f"larger than {MAX_TOTAL_BYTES // 1024**3} GB unpacked")
    manifest = _manifest(_member(archive, MANIFEST, MAX_MANIFEST_BYTES))
    listed = {report["content_hash"] for report in manifest}
    held = {match.group(1) for name in names if (match := _TEXT.fullmatch(name) or _CORRECTIONS.fullmatch(name))}
    unlisted = sorted(held - listed)
    if unlisted:
        raise TransferError(f"a text or corrections file the manifest does not list ({unlisted[0][:12]}…)")
    return [_report(archive, report, set(names)) for report in manifest]


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, refused past ``limit`` whatever its header says."""
    if archive.getinfo(name).file_size > limit:
        raise TransferError(f"{name} is larger than {limit} bytes")
    with archive.open(name) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TransferError(f"{name} is larger than {limit} bytes")
    return data


def _manifest(data: bytes) -> list[dict[str, Any]]:
    """The manifest's reports, their shape checked."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise TransferError(f"manifest.json is not JSON ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferError("not a jcviewer library file (manifest.json names another format)")
    version = manifest.get("version")
    if type(version) is not int or version < 1:
        raise TransferError("manifest.json: no format version")
    if version > VERSION:
        raise TransferError(f"written by a newer jcviewer (format {version}; this one reads {VERSION})")
    reports = manifest.get("reports")
    if not isinstance(reports, list) or len(reports) > MAX_REPORTS:
        raise TransferError("manifest.json: “reports” must be a list")
    seen: set[str] = set()
    for number, report in enumerate(reports, start=1):
        where = f"manifest.json: report {number}"
        _check_report(report, where)
        if report["content_hash"] in seen:
            raise TransferError(f"{where}: listed twice")
        seen.add(report["content_hash"])
    return reports


def _check_report(report: object, where: str) -> None:
    if not isinstance(report, dict):
        raise TransferError(f"{where}: not an object")
    if not isinstance(report.get("content_hash"), str) or not _HASH.fullmatch(report["content_hash"]):
        raise TransferError(f"{where}: no content hash")
    source = report.get("source")
    if (
        not isinstance(source, str)
        or not source.strip()
        or len(source) > MAX_FIELD
        or any(char in source for char in "/\\\0")
        or source in (".", "..")
    ):
        raise TransferError(f"{where}: its source must be a file name")
    if not isinstance(report.get("corrections", False), bool):
        raise TransferError(f"{where}: “corrections” must be true or false")
    fields = report.get("user_set", {})
    if not isinstance(fields, dict) or not set(fields) <= set(EDITABLE):
        raise TransferError(f"{where}: “user_set” must map some of {', '.join(EDITABLE)} to values")
    for field, value in fields.items():
        if field == "year":
            if value is not None and (type(value) is not int or not 1900 <= value <= 2100):
                raise TransferError(f"{where}: the year must be a year such as 2024, or null")
        elif value is not None and (
            not isinstance(value, str) or len(value) > MAX_FIELD or any(unicodedata.category(c) == "Cc" for c in value)
        ):
            raise TransferError(
                f"{where}: “{field}” must be text of at most {MAX_FIELD} characters without control characters, or null"
            )
    if not str(fields.get("title", "x") or "").strip():
        raise TransferError(f"{where}: a title cannot be blank")


def _report(archive: zipfile.ZipFile, report: dict[str, Any], names: set[str]) -> _Report:
    """A listed report with its text and corrections, checked."""
    from jcviewer.model import corrections as fmt

    key = report["content_hash"]
    copies = [f"{TEXTS}/{key}{suffix}" for suffix in COPY_LIMITS if f"{TEXTS}/{key}{suffix}" in names]
    if len(copies) != 1:
        raise TransferError(f"{TEXTS}/{key}.txt is missing" if not copies else f"{TEXTS}/{key}: a text and a PDF")
    (copy,) = copies
    _check_copy(copy, _copy_bytes(archive, copy, key))
    corrections = None
    corrections_name = f"corrections/{key}.toml"
    if report.get("corrections", False) and corrections_name not in names:
        raise TransferError(f"{corrections_name} is missing (the manifest lists corrections for this report)")
    if corrections_name in names:
        try:
            corrections = _member(archive, corrections_name, MAX_SIDECAR_BYTES).decode("utf-8")
            fmt.parse_corrections(corrections, corrections_name)
        except (UnicodeDecodeError, fmt.CorrectionsError) as error:
            raise TransferError(f"{corrections_name}: not valid corrections ({error})") from error
    return _Report(key, copy, report["source"], dict(report.get("user_set", {})), corrections)


def _copy_bytes(archive: zipfile.ZipFile, copy: str, key: str) -> bytes:
    """A report's text or PDF, within its kind's cap and its hash its name."""
    data = _member(archive, copy, COPY_LIMITS[Path(copy).suffix])
    if report_key(data) != key:
        raise TransferError(f"{copy} is not the report its name says (its hash differs)")
    return data


def _check_copy(name: str, data: bytes) -> None:
    """A text member must decode, a PDF member must be a PDF (whether its pages can be read is for the import)."""
    from jcviewer.model.parse.decode import decode_report
    from jcviewer.model.report_file import is_pdf

    if name.endswith(".pdf"):
        if not is_pdf(data):
            raise TransferError(f"{name} is not a PDF")
        return
    try:
        decode_report(data, name)
    except ReportError as error:
        raise TransferError(error.message) from error
