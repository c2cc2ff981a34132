"""The one place a report's files are read: what a path is is checked before a byte is read (Qt-free).

Every way in — the command line, File ▸ Open, drag and drop, the last report reopened at start-up, the parsed-
report cache — goes through ``read_report_bytes``. A FIFO, a device (``/dev/zero``), a directory or an oversized
file is refused from ``fstat`` on a descriptor opened without blocking, so nothing hangs or fills the memory,
and the file is read once.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from jcviewer.model.errors import ReportError

MAX_REPORT_BYTES = 2 * 1024 * 1024
"""The largest report accepted. A newspaper page is ~10 KB and a whole 40-page issue ~500 KB; 2 MB leaves four
times that. Larger texts are not reports of this genre, and parsing them would take seconds (docs/cli.md)."""

MAX_PDF_BYTES = 200 * 1024 * 1024
"""The largest PDF accepted: an e-paper page with its photos runs 1–30 MB, a 40-page work report a few MB."""

MAX_SIDECAR_BYTES = 64 * 1024
"""The largest outline sidecar accepted: it holds a few anchor phrases."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_checked(path: Path, limit: int, what: str = "report") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ReportError (missing, not_a_file, too_large,
    unreadable) otherwise, decided before anything is read."""
    name = str(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as error:
        raise ReportError("missing", name, "no such file") from error
    except IsADirectoryError as error:
        raise ReportError("not_a_file", name, "not a file") from error
    except OSError as error:
        raise ReportError("unreadable", name, error.strerror or "cannot be read") from error
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReportError("not_a_file", name, "not a regular file (a folder, a device or a pipe)")
        if status.st_size > limit:
            size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
            raise ReportError("too_large", name, f"larger than {size}: not a {what}")
        chunks = []
        remaining = limit + 1  # a file that grows while it is read is cut here, and refused below
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise ReportError("unreadable", name, error.strerror or "cannot be read") from error
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise ReportError("too_large", name, f"grew past the limit while it was read: not a {what}")
    return data


def read_report_bytes(path: Path) -> bytes:
    """A report file's bytes (see ``read_checked``): a PDF up to ``MAX_PDF_BYTES`` (named ``.pdf``, or found one by
    its header when it is too large for a text), a text up to ``MAX_REPORT_BYTES``."""
    if is_pdf_name(path):
        return read_checked(path, MAX_PDF_BYTES, "PDF report")
    try:
        return read_checked(path, MAX_REPORT_BYTES)
    except ReportError as error:
        if error.reason != "too_large" or not starts_as_pdf(path):
            raise
    return read_checked(path, MAX_PDF_BYTES, "PDF report")


def read_as_pdf(path: Path, data: bytes) -> bool:
    """Whether the report in ``data``, read from (or added as) ``path``, is read as a PDF: by its header or by its
    name; an empty file is empty, whatever its name."""
    return bool(data) and (is_pdf(data) or is_pdf_name(path))


def starts_as_pdf(path: Path) -> bool:
    """Whether a regular file's first kilobyte is a PDF's header (False if it cannot be read). Only for a path known
    to be a regular file: opening a FIFO would wait for a writer."""
    try:
        with path.open("rb") as file:
            return is_pdf(file.read(HEADER_WINDOW))
    except OSError:
        return False


PDF_MAGIC = b"%PDF-"
HEADER_WINDOW = 1024
"""A PDF's header may follow some junk; readers look for it in the first kilobyte."""


def is_pdf(data: bytes) -> bool:
    """True when ``data`` are a PDF file's (its header, whatever the file is called)."""
    return PDF_MAGIC in data[:HEADER_WINDOW]


def is_pdf_name(path: Path) -> bool:
    """True for a file named as a PDF."""
    return path.suffix.lower() == ".pdf"
