"""``jcviewer library …``: the library's catalogue from the command line (Qt-free; docs/cli.md, docs/library.md).

Each action returns whether it went through; ``cli.main`` turns a failure into exit code 2. Errors are one line
on stderr; a damaged catalogue set aside is a warning and the command goes on with a new one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jcviewer.cli_common import print_error, report_id_arg
from jcviewer.cli_compare import add_compare_parser, run_compare
from jcviewer.cli_indicators import add_indicator_parser, run_indicator
from jcviewer.model.errors import ReportError

if TYPE_CHECKING:  # sqlite3 and the catalogue load only when ``library`` runs
    from jcviewer.model.library import Catalogue, Entry

LIBRARY_JSON_SCHEMA = 1
"""The version of ``library list --json``'s shape (docs/cli.md); bumped when a field changes meaning."""


def _year(text: str) -> int | None:
    if text == "":
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError('expected a year such as 2024 ("" clears it)')
    return int(text)


def _limit(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of 1 or more")
    return int(text)


def add_library_parser(commands: Any) -> None:
    """Add ``library`` and its actions to the subcommands ``commands`` (an argparse subparsers action)."""
    library = commands.add_parser(
        "library", help="the library of reports: add, list, search, edit, remove, export, import"
    )
    actions = library.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add report files, or every .txt and .pdf under a folder (copied into the library)"
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a report text or PDF file, or a folder")
    listing = actions.add_parser("list", help="list the reports in the library")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    find = actions.add_parser("search", help="search every report in the library, hits grouped by report")
    find.add_argument("query", help='words (all required), "an exact phrase", GDP/固投 find their synonyms too')
    find.add_argument("--json", action="store_true", help="print JSON instead of text")
    find.add_argument("--limit", type=_limit, default=20, metavar="N", help="at most N hits in all (default 20)")
    remove = actions.add_parser("remove", help="remove a report and the library's copy of its text")
    remove.add_argument("id", type=report_id_arg, help="the report's id")
    edit = actions.add_parser("edit", help="set what the parser could not tell (kept when the report is re-added)")
    edit.add_argument("id", type=report_id_arg, help="the report's id")
    edit.add_argument("--title", default=argparse.SUPPRESS, help="the report's title")
    edit.add_argument("--place", default=argparse.SUPPRESS, help='the place, e.g. 某某县 ("" clears it)')
    edit.add_argument(
        "--kind", default=argparse.SUPPRESS, help='the meeting kind, e.g. economic_work_conference ("" clears it)'
    )
    edit.add_argument("--date", default=argparse.SUPPRESS, help='the meeting\'s date, e.g. 2024年2月9日 ("" clears it)')
    edit.add_argument("--year", type=_year, default=argparse.SUPPRESS, help='the year, e.g. 2024 ("" clears it)')
    export = actions.add_parser("export", help="write the whole library (texts, what you set, corrections) to a file")
    export.add_argument("file", type=Path, metavar="FILE", help="the file to write, e.g. library.zip")
    load = actions.add_parser("import", help="merge a file written by library export into this library")
    load.add_argument("file", type=Path, metavar="FILE", help="a file written by jcviewer library export")
    add_indicator_parser(actions)
    add_compare_parser(actions)


def _line(entry: Entry) -> str:
    year = str(entry.year) if entry.year else "-"
    return f"{entry.id:>4}  {year:>4}  {entry.place or '-'}  {entry.kind or '-'}  {entry.title}  ({entry.source})"


def entry_json(entry: Entry, catalogue: Catalogue) -> dict[str, Any]:
    """One report of ``library list --json`` (docs/cli.md)."""
    return {
        "id": entry.id,
        "title": entry.title,
        "place": entry.place,
        "kind": entry.kind,
        "date": entry.date,
        "year": entry.year,
        "source": entry.source,
        "content_hash": entry.content_hash,
        "text": str(catalogue.text_file(entry)),
        "added": entry.added,
        "user_set": sorted(entry.user_set),
    }


PARALLEL_FROM = 8
"""From this many files on, ``library add`` parses in worker processes (one per core)."""


def _add(catalogue: Catalogue, paths: list[Path]) -> bool:
    """Add each file, and each .txt and .pdf under each folder, going on past files that cannot be read."""
    from jcviewer.model.library.catalogue import report_files

    for path in paths:
        if path.is_dir() and not report_files([path]):
            print(f"jcviewer: warning: {path}: no .txt or .pdf files in this folder", file=sys.stderr)
    files = report_files(paths)
    workers = (os.cpu_count() or 1) if len(files) >= PARALLEL_FROM else 1
    ok = True
    for _, result in catalogue.add_files(files, workers=workers):
        if isinstance(result, ReportError):
            print_error(str(result))
            ok = False
            continue
        report_id, added = result
        print(f"{report_id}\t{'added' if added else 'already there'}\t{catalogue.get(report_id).title}")
    return ok


def _search(catalogue: Catalogue, query: str, limit: int, as_json: bool) -> bool:
    """Print the library's hits for ``query``, grouped by report; False for a query that cannot be searched."""
    from jcviewer.model.library.search import library_search
    from jcviewer.model.search.query import parse_query
    from jcviewer.model.vocabulary import default_synonyms

    try:
        query.encode("utf-8")
    except UnicodeEncodeError:
        print_error("the query is not valid text (bytes that are not UTF-8)")
        return False
    synonyms = default_synonyms()
    if not parse_query(query, synonyms).terms:
        print_error("library search: the query is empty")
        return False
    if not catalogue.list():
        print_error("the library is empty (add reports with jcviewer library add PATH…)")
        return False

    def problem(entry: Entry, error: ReportError) -> None:
        print(f"jcviewer: warning: report {entry.id} left out: {error}", file=sys.stderr)

    found = library_search(catalogue, query, limit, synonyms=synonyms, problem=problem)
    if as_json:
        shape = {
            "schema": LIBRARY_JSON_SCHEMA,
            "query": query.strip(),
            "total": sum(report.total for report in found),
            "reports": [
                {
                    "id": report.report_id,
                    "title": report.title,
                    "year": report.year,
                    "place": report.place,
                    "total": report.total,
                    "hits": [{"report": report.report_id, **hit.to_json()} for hit in report.hits],
                }
                for report in found
            ],
        }
        sys.stdout.write(json.dumps(shape, ensure_ascii=False, indent=2) + "\n")
        return True
    total = sum(report.total for report in found)
    print(f"{total} matching paragraph(s) in {len(found)} report(s) for {query.strip()!r}")
    listed = [report for report in found if report.hits]
    for report in listed:
        year = str(report.year) if report.year else "-"
        print(f"{report.report_id:>4}  {year:>4}  {report.title}  ({report.total} hit(s))")
        for hit in report.hits:
            print(f"      [{hit.paragraph or hit.section}] {hit.snippet}")
    if len(listed) < len(found):
        print(f"… and {len(found) - len(listed)} more report(s) past --limit {limit}")
    return True


def _export(catalogue: Catalogue, file: Path) -> bool:
    """Write the library to ``file``, whole or not at all."""
    from jcviewer.model.library.transfer import export_library

    def problem(message: str) -> None:
        print(f"jcviewer: warning: {message}", file=sys.stderr)

    try:
        count = export_library(catalogue, file, problem)
    except OSError as error:
        print_error(f"{file}: cannot be written: {error.strerror or error}")
        return False
    print(f"exported {count} report(s) to {file}")
    return True


def _import(catalogue: Catalogue, file: Path) -> bool:
    """Merge the library file ``file`` into the library: one line per report, then a summary (False when a
    report was left out)."""
    from jcviewer.model.library.transfer import TransferError, import_library

    left_out: list[str] = []
    try:
        imported = import_library(catalogue, file, left_out.append)
    except TransferError as error:
        print_error(f"library import: {error}")
        return False
    except OSError as error:
        print_error(f"library import: {error.strerror or error} (the reports before it were imported)")
        return False
    for report in imported:
        status = "added" if report.added else "already there"
        notes = [f"set {', '.join(report.fields)}"] if report.fields else []
        notes += ["corrections copied"] if report.corrections else []
        extra = f"\t({'; '.join(notes)})" if notes else ""
        print(f"{report.report_id}\t{status}\t{catalogue.get(report.report_id).title}{extra}")
    added = sum(report.added for report in imported)
    print(f"imported {len(imported)} report(s) from {file}: {added} new, {len(imported) - added} already there")
    for message in left_out:
        print_error(message)
    return not left_out


def run_library(args: argparse.Namespace) -> bool:
    """Run ``jcviewer library ACTION``; False when something could not be done (said on stderr)."""
    from jcviewer.model.library import EDITABLE, Catalogue, LibraryError, default_folder
    from jcviewer.paths import user_data_folder

    try:
        catalogue = Catalogue(default_folder(), corrections=user_data_folder("corrections"))
    except (LibraryError, OSError) as error:
        print_error(f"the library cannot be opened: {error}")
        return False
    with catalogue:
        if catalogue.recovered is not None:
            print(f"jcviewer: warning: {catalogue.recovered}", file=sys.stderr)
        if args.action == "add":
            return _add(catalogue, args.paths)
        if args.action == "indicator":
            return run_indicator(args, catalogue)
        if args.action == "compare":
            return run_compare(args, catalogue)
        if args.action == "search":
            return _search(catalogue, args.query, args.limit, args.json)
        if args.action == "export":
            return _export(catalogue, args.file)
        if args.action == "import":
            return _import(catalogue, args.file)
        if args.action == "list":
            entries = catalogue.list()
            if args.json:
                shape = {
                    "schema": LIBRARY_JSON_SCHEMA,
                    "folder": str(catalogue.folder),
                    "reports": [entry_json(entry, catalogue) for entry in entries],
                }
                sys.stdout.write(json.dumps(shape, ensure_ascii=False, indent=2) + "\n")
            else:
                for entry in entries:
                    print(_line(entry))
            return True
        try:
            if args.action == "remove":
                print(f"removed\t{_line(catalogue.remove(args.id))}")
                return True
            fields = {name: getattr(args, name) for name in EDITABLE if hasattr(args, name)}
            if not fields:
                print_error("library edit: give at least one of --title, --place, --kind, --date, --year")
                return False
            print(_line(catalogue.edit(args.id, **fields)))
            return True
        except KeyError:
            print_error(f"no report with id {args.id} in the library (see jcviewer library list)")
        except ValueError as error:
            print_error(str(error))
        return False
