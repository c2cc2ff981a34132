"""Errors the core raises for input it cannot use; the CLI and the UI turn them into one clear message."""

from __future__ import annotations


class ReportError(Exception):
    """A report file cannot be opened: missing, unreadable, empty, binary, in an unknown encoding, or a PDF that
    cannot be read.

    ``reason`` is a stable code ("missing", "not_a_file", "unreadable", "empty", "binary", "encoding",
    "too_large", "pdf_broken", "pdf_encrypted", "pdf_scanned", "pdf_lost_text", "pdf_empty", "pdf_timeout") so a
    user interface can word the message in its own language.
    """

    def __init__(self, reason: str, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.reason = reason
        self.path = path
        self.message = message
