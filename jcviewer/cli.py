"""The ``jcviewer`` command: subcommands over the Qt-free core (docs/cli.md is the contract).

Exit codes: 0 success, 2 bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, get_args

from jcviewer import __version__
from jcviewer.cli_library import add_library_parser, run_library
from jcviewer.model.briefing import Style
from jcviewer.model.briefing_options import (
    MAX_CHARS,
    PARTS,
    BriefingOptions,
    TextField,
    apply_options,
    clean_text,
    kept_parts,
    only,
)
from jcviewer.model.errors import ReportError
from jcviewer.model.export import to_json, to_text
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.sources import sidecar_path
from jcviewer.output_file import replacing
from jcviewer.resources import bundled_report

if TYPE_CHECKING:
    from jcviewer.model.briefing import Briefing
    from jcviewer.model.search.report_search import SearchResults

EXIT_BAD_INPUT = 2
COMMANDS = ("open", "dump", "search", "brief", "screenshot", "library")
LANGUAGES = ("zh", "en")
MIN_SIZE, MAX_SIZE = 200, 8000


def _report_argument(parser: argparse.ArgumentParser, corrections: bool = False) -> None:
    parser.add_argument(
        "file", nargs="?", type=Path, help="report file, its text or its PDF (default: the bundled report)"
    )
    if corrections:
        parser.add_argument(
            "--no-corrections",
            action="store_true",
            help="ignore the corrections stored for the report and its sidecar: the report as the parser reads it",
        )


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX×](\d{2,5})", text.strip())
    if not match or not all(MIN_SIZE <= int(n) <= MAX_SIZE for n in match.groups()):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT between {MIN_SIZE} and {MAX_SIZE}, e.g. 1400x860")
    return int(match[1]), int(match[2])


def _text(key: TextField) -> Callable[[str], str]:
    """The argument type of ``--title``, ``--unit``, ``--date``, ``--mark`` or ``--note``: the text cleaned of
    control characters (``clean_text``), refused when longer than its ``MAX_CHARS``; a blank title is refused
    (to print none, leave "title" out of ``--blocks``)."""

    def argument(text: str) -> str:
        cleaned = clean_text(text, multiline=key == "note")
        if len(cleaned) > MAX_CHARS[key]:
            raise argparse.ArgumentTypeError(f"at most {MAX_CHARS[key]} characters (this one has {len(cleaned)})")
        if key == "title" and not cleaned.strip():
            raise argparse.ArgumentTypeError(
                "a title cannot be blank (leave --title out to keep the report's, or leave title out of --blocks)"
            )
        return cleaned

    return argument


def _parts(text: str) -> BriefingOptions:
    """``--blocks targets,quote``: options keeping just these parts, in this order; an unknown key names the
    valid ones."""
    keys = [key.strip() for key in text.split(",") if key.strip()]
    if not keys:
        raise argparse.ArgumentTypeError(f"expected part keys separated by commas (parts: {', '.join(PARTS)})")
    try:
        return only(keys)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1")
    return int(text)


class _Parser(argparse.ArgumentParser):
    """Bad arguments are bad input like any other: one line on stderr, exit code 2 (no usage block)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"jcviewer: error: {message} (see jcviewer --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(
        prog="jcviewer", description="交城县会议报告简报查看器 — briefing viewer. Without a command: open the window."
    )
    parser.add_argument("--version", action="version", version=f"jcviewer {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check every main path offscreen and exit")
    language = _Parser(add_help=False)
    language.add_argument("--lang", choices=LANGUAGES, help="UI language (default: from the system, else zh)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    window = commands.add_parser("open", parents=[language], help="open the window (the default command)")
    _report_argument(window)
    dump = commands.add_parser("dump", help="print the parsed report (JSON or a text outline)")
    _report_argument(dump, corrections=True)
    dump.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")
    find = commands.add_parser("search", help='search the report: words, abbreviations, numbers, "phrases"')
    find.add_argument("query", help='words (all required), "an exact phrase", GDP/固投 find their synonyms too')
    _report_argument(find, corrections=True)
    find.add_argument("--json", action="store_true", help="print JSON instead of text")
    find.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)")
    brief = commands.add_parser("brief", parents=[language], help="write a one-page briefing as PDF or Word (.docx)")
    _report_argument(brief, corrections=True)
    brief.add_argument("--section", default="", metavar="ID", help="one section (ids as `jcviewer dump` prints them)")
    brief.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="paper size (default A4)")
    brief.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="file to write: OUT.pdf, or OUT.docx (Word, WPS)",
    )
    brief.add_argument("--title", type=_text("title"), help="the briefing's title (default: the report's)")
    brief.add_argument(
        "--unit", type=_text("unit"), help='the issuing unit (default: as the report says; "" prints none)'
    )
    brief.add_argument(
        "--date", type=_text("date"), help='the meeting\'s date (default: as the report says; "" prints none)'
    )
    brief.add_argument("--note", type=_text("note"), help="a note of your own, printed under the blocks")
    brief.add_argument("--mark", type=_text("mark"), help="a mark on top of the head, e.g. 内部资料")
    brief.add_argument(
        "--style",
        choices=get_args(Style),
        default="standard",
        help="standard, or official (公文-like; default standard)",
    )
    brief.add_argument(
        "--blocks", type=_parts, metavar="KEY,KEY,…", help=f"keep only these parts, in this order ({', '.join(PARTS)})"
    )
    add_library_parser(commands)
    shot = commands.add_parser("screenshot", parents=[language], help="render the window to a PNG and exit")
    shot.add_argument("out", type=Path, help="PNG file to write")
    _report_argument(shot, corrections=True)
    shot.add_argument("--select", default="", metavar="ID", help="outline node to select, e.g. s2 or p5.list.3")
    shot.add_argument("--size", type=_size, default=(1400, 860), metavar="WxH", help="window size (default 1400x860)")
    shot.add_argument("--page", action="store_true", help="show the page as printed (原版) of a report read from a PDF")
    return parser


def with_default_command(argv: list[str]) -> list[str]:
    """``jcviewer [FILE]`` is short for ``jcviewer open [FILE]``."""
    if any(arg in COMMANDS or arg in ("-h", "--help", "--version", "--self-test") for arg in argv):
        return argv
    return ["open", *argv]


def _load(path: Path | None, corrected: bool = True) -> Report:
    """The report at ``path`` (default: the bundled one), corrected unless ``corrected`` is false; its warnings
    (a store file that cannot be read among them) go to stderr."""
    from jcviewer.paths import user_data_folder

    store = user_data_folder("corrections") if corrected else None
    report = load_report(path or bundled_report(), store=store, sidecar=corrected)
    for warning in report.warnings:
        print(f"jcviewer: warning: {warning}", file=sys.stderr)
    return report


def _dump(args: argparse.Namespace) -> int:
    report = _load(args.file, not args.no_corrections)
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(report))
    return 0


def _search(args: argparse.Namespace) -> int:
    try:
        args.query.encode("utf-8")
    except UnicodeEncodeError:
        print("jcviewer: error: the query is not valid text (bytes that are not UTF-8)", file=sys.stderr)
        return EXIT_BAD_INPUT
    from jcviewer.model.search.report_search import ReportSearch
    from jcviewer.model.search.words import WordSegmenter
    from jcviewer.model.vocabulary import default_synonyms
    from jcviewer.paths import user_cache_folder

    search = ReportSearch(_load(args.file, not args.no_corrections), default_synonyms())
    segmenter = WordSegmenter(user_cache_folder("jieba"))  # the same ranking as the window's
    search.index.use_word_boundaries(search.word_boundaries(segmenter))
    results = search.search(args.query, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps(search_json(results), ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{results.total} matching paragraph(s) for {args.query!r}" + (", best first:" if results.hits else ""))
    for rank, hit in enumerate(results.hits, start=1):
        where = " › ".join(hit.path)
        print(f"{rank:>3}. [{hit.node}] {where}  ({hit.paragraph or 'heading'}, score {hit.score:.2f})")
        print(f"     {hit.snippet}")
    return 0


def search_json(results: SearchResults) -> dict[str, Any]:
    """The search results as JSON (docs/cli.md)."""
    return {
        "query": results.query.text,
        "terms": [list(term.variants) for term in results.query.terms],
        "total": results.total,
        "hits": [hit.to_json() for hit in results.hits],
    }


def _require_folder(output: Path, what: str) -> None:
    """Refuse an output file whose folder does not exist (one line on stderr, exit 2, like any bad input)."""
    if not output.parent.is_dir():
        raise ReportError("missing", str(output.parent), f"the folder for {what} does not exist")


def _check_output(path: Path, report: Path | None, what: str) -> None:
    """Refuse an output in a missing folder, one that is the report being read (or its sidecar, also through a
    link), or one that is not a regular file: the report is never modified."""
    _require_folder(path, what)
    source = report or bundled_report()
    if path.exists() and any(path.resolve() == p.resolve() for p in (source, sidecar_path(source)) if p.exists()):
        raise ReportError("same_file", str(path), f"is the report being read; write {what} to another file")
    if path.exists() and not path.is_file():
        raise ReportError("not_a_file", str(path), f"is not a regular file; write {what} to a file")


@contextmanager
def _output(path: Path, report: Path | None, what: str) -> Iterator[Path]:
    """A temporary file beside ``path`` to write ``what`` into, renamed over ``path`` once written (checked by
    ``_check_output``): a half-written output never replaces anything."""
    _check_output(path, report, what)
    with replacing(path) as temporary:
        yield temporary


BRIEFING_FORMATS = {".pdf": "the PDF", ".docx": "the Word document"}


WORDED_PARTS = {"title": "title", "unit": "head", "date": "head", "note": "note"}
"""The options that word a part, and that part: ``--blocks`` leaving it out makes the option do nothing (the mark
prints whatever the parts)."""


def briefing_options(args: argparse.Namespace) -> BriefingOptions:
    """The reader's choices ``brief``'s options make (the defaults change nothing)."""
    chosen: BriefingOptions = args.blocks or BriefingOptions()
    return replace(
        chosen,
        title=args.title,
        unit=args.unit,
        date=args.date,
        note=args.note or "",
        mark=args.mark or "",
        style=args.style,
    )


def _blank_page(briefing: Briefing, options: BriefingOptions) -> str:
    """Why ``--blocks`` leaves nothing to print, naming the parts asked for and those the briefing has; "" when
    something is left."""
    if kept_parts(briefing, options):
        return ""
    has = ", ".join(kept_parts(briefing, BriefingOptions(note=options.note)))
    return f"--blocks: the briefing has none of the parts asked for: {', '.join(options.order)}; it has: {has}"


def _unprinted(args: argparse.Namespace, options: BriefingOptions) -> str:
    """A warning naming the wording options given for parts ``--blocks`` leaves out; "" when there are none."""
    unused = [name for name, part in WORDED_PARTS.items() if getattr(args, name) is not None and part in options.hidden]
    if not unused:
        return ""
    parts = ", ".join(dict.fromkeys(WORDED_PARTS[name] for name in unused))
    return f"{', '.join(f'--{name}' for name in unused)} not printed: --blocks leaves out {parts}"


def _brief(args: argparse.Namespace) -> int:
    from jcviewer.model.briefing import report_briefing, section_briefing, section_ids

    _check_output(args.output, args.file, "the briefing")
    what = BRIEFING_FORMATS.get(args.output.suffix.lower())
    if what is None:
        print(
            f"jcviewer: error: {args.output}: write the briefing to a .pdf or a .docx file (the format is taken "
            "from the name)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    report = _load(args.file, not args.no_corrections)
    if args.section and args.section not in section_ids(report):
        valid = ", ".join(section_ids(report))
        print(f"jcviewer: error: --section {args.section}: no such section (valid: {valid})", file=sys.stderr)
        return EXIT_BAD_INPUT
    briefing = section_briefing(report, args.section) if args.section else report_briefing(report)
    options = briefing_options(args)
    if args.blocks is not None:
        blank, unprinted = _blank_page(briefing, options), _unprinted(args, options)
        if blank:
            print(f"jcviewer: error: {blank}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if unprinted:
            print(f"jcviewer: warning: {unprinted}", file=sys.stderr)
    briefing = apply_options(briefing, options)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize

    from jcviewer.app import create_session
    from jcviewer.ui.fonts import serif_family
    from jcviewer.ui.printing import MARGINS_MM, write_briefing_pdf

    session = create_session(args.lang)
    paper = QPageSize(QPageSize.PageSizeId.A4 if args.paper == "A4" else QPageSize.PageSizeId.Letter)
    family = session.fonts.family
    serif = serif_family() if briefing.style == "official" else ""  # the serif is loaded only when used
    try:
        with _output(args.output, args.file, what) as temporary:
            if args.output.suffix.lower() == ".docx":
                from jcviewer.ui.briefing_export import write_docx

                fitted = write_docx(temporary, briefing, paper, MARGINS_MM, family, serif)
            else:
                fitted = write_briefing_pdf(str(temporary), briefing, paper, family, MARGINS_MM, serif)
    except OSError as error:
        print(f"jcviewer: error: {args.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not fitted.fits:
        overflow = "the title, head and note alone overflow the page; shorten them"
        print(f"jcviewer: warning: does_not_fit: {overflow}", file=sys.stderr)
    if fitted.missing:  # a rare character of a name, with only the bundled font subset: say so, do not fail
        blank = " ".join(fitted.missing)
        missing = f"no installed font draws {blank}; they are blank in the PDF and in print"
        print(f"jcviewer: warning: missing_glyph: {missing}", file=sys.stderr)
    print(args.output.resolve())
    return 0


def _library(args: argparse.Namespace) -> int:
    return 0 if run_library(args) else EXIT_BAD_INPUT


def _self_test() -> int:
    from jcviewer.selftest import SelfTestError, run_self_test

    try:
        print(run_self_test())
    except (SelfTestError, OSError, ReportError) as error:
        print(f"jcviewer self-test failed: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a broken install: say what failed in one line, never a traceback
        print(f"jcviewer self-test failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


def _has_display() -> bool:
    """False on a Linux machine with no X11 or Wayland display (Qt would abort there)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open(args: argparse.Namespace) -> int:
    if not _has_display():
        print(
            "jcviewer: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "`jcviewer dump` and `jcviewer screenshot` work without one",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from jcviewer.app import run  # Qt only for the commands that need it

    return run(args.file, args.lang)


def _screenshot(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSize

    from jcviewer.app import screenshot

    try:
        with _output(args.out, args.file, "the screenshot") as temporary:
            size, corrected = QSize(*args.size), not args.no_corrections
            screenshot(temporary, args.file, args.select, size, args.lang, corrected, args.page)
    except KeyError:
        print(
            f"jcviewer: error: --select {args.select}: no such outline node "
            "(ids look like lead, s2, p5.list.3, s2.targets.1, s3.quotes.2, caption-1)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except ValueError as error:
        print(f"jcviewer: error: --page: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"jcviewer: error: {args.out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed (``jcviewer dump >&-``)
        if sys.stderr is not None:
            print("jcviewer: error: standard output is closed", file=sys.stderr)
        return EXIT_BAD_INPUT
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") not in ("utf8", "utf16"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(with_default_command(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        return _self_test()
    try:
        commands = {
            "open": _open,
            "dump": _dump,
            "search": _search,
            "brief": _brief,
            "screenshot": _screenshot,
            "library": _library,
        }
        status = commands[args.command](args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after the exit code is decided
        return status
    except ReportError as error:
        print(f"jcviewer: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``| head``): not an error
        return 0
    except KeyboardInterrupt:  # Ctrl+C in a terminal: stop quietly, as a shell command does
        return 130
    except OSError as error:  # the output cannot be written (``jcviewer dump >/dev/full``)
        print(f"jcviewer: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
