"""What the ``jcviewer library`` commands share: how an error is said and how a report id is read (Qt-free)."""

from __future__ import annotations

import argparse
import sys

MAX_REPORT_ID = 2**63 - 1
"""The largest id SQLite stores (a larger number is no report's id, not an overflow)."""


def print_error(message: str) -> None:
    """Say ``message`` as the one line on stderr a failing command prints."""
    print(f"jcviewer: error: {message}", file=sys.stderr)


def report_id_arg(text: str) -> int:
    """A library report id from the command line (argparse ``type``)."""
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_REPORT_ID:
        raise argparse.ArgumentTypeError("expected a report id (a whole number, as `jcviewer library list` prints)")
    return int(text)
