"""What the ``jcviewer library`` commands share: how an error is said and how a report id is read (Qt-free)."""

from __future__ import annotations

import argparse
import sys


def print_error(message: str) -> None:
    """Say ``message`` as the one line on stderr a failing command prints."""
    print(f"jcviewer: error: {message}", file=sys.stderr)


def report_id_arg(text: str) -> int:
    """A library report id from the command line (argparse ``type``)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a report id (a whole number, as `jcviewer library list` prints)")
    return int(text)
