"""The ``jcviewer`` command: subcommands over the Qt-free core (docs/cli.md is the contract).

Exit codes: 0 success, 2 bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jcviewer import __version__
from jcviewer.model.errors import ReportError
from jcviewer.model.export import to_json, to_text
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report

EXIT_BAD_INPUT = 2


def _report_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="report text file (default: the bundled report)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="jcviewer", description="交城县会议报告简报查看器 — briefing viewer")
    parser.add_argument("--version", action="version", version=f"jcviewer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    dump = commands.add_parser("dump", help="print the parsed report (JSON or a text outline)")
    _report_argument(dump)
    dump.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")
    return parser


def _load(path: Path | None) -> Report:
    report = load_report(path or bundled_report())
    for warning in report.warnings:
        print(f"jcviewer: warning: {warning}", file=sys.stderr)
    return report


def _dump(args: argparse.Namespace) -> int:
    report = _load(args.file)
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") not in ("utf8", "utf16"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # Until the desktop window exists (issue #3), the bare command shows the bundled report's outline.
        args = parser.parse_args(["dump", "--format", "text"])
    try:
        return {"dump": _dump}[args.command](args)
    except ReportError as error:
        print(f"jcviewer: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``| head``): not an error
        return 0
