"""Search across the library, hits grouped by report (Qt-free; docs/library.md).

``library_search`` searches the index of the catalogue's paragraph rows (``index.py``): no report is parsed.
``plain_search`` is the plain scan it replaced, kept for the benchmark and to test the index against: every
report's copy parsed (through the report cache when given one) and searched with ``ReportSearch``. Both have its
recall: every substring occurrence of each term, numbers only as whole numbers, synonyms, quoted phrases.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from jcviewer.model.errors import ReportError
from jcviewer.model.library.catalogue import Catalogue, Entry
from jcviewer.model.report import Report
from jcviewer.model.search.query import parse_query
from jcviewer.model.search.report_search import ReportSearch, SearchHit
from jcviewer.model.vocabulary import Synonyms

Problem = Callable[[Entry, ReportError], None]
"""Told about a report whose copy cannot be read or parsed (it is left out of the results)."""


@dataclass(frozen=True)
class ReportHits:
    """The hits in one report: ``total`` matching paragraphs and headings, ``hits`` those listed (best first;
    fewer than ``total``, maybe none, when the limit ran out on earlier reports)."""

    report_id: int
    title: str
    year: int | None
    place: str | None
    total: int
    hits: tuple[SearchHit, ...]


def _load(catalogue: Catalogue, entry: Entry, cache: Path | None) -> Report:
    path = catalogue.text_file(entry)
    if cache is not None:
        from jcviewer.model.report_cache import load_report_cached

        return load_report_cached(path, cache, catalogue.corrections)
    from jcviewer.model.parse import load_report

    return load_report(path, store=catalogue.corrections, sidecar=False)


def library_search(
    catalogue: Catalogue,
    query: str,
    limit: int | None = 20,
    *,
    synonyms: Synonyms | None = None,
    problem: Problem | None = None,
) -> list[ReportHits]:
    """Every report of ``catalogue`` with a hit for ``query``, by hit count (most first), then year (latest
    first, unknown last), then id. ``limit`` caps the hits listed in all (None: every hit); each report keeps
    its ``total``. Searched in the catalogue's index, brought up to date first; stale reports are parsed again
    first (``Catalogue.refresh``), and one that cannot be is passed to ``problem`` (left out if it was never
    parsed)."""
    parsed = parse_query(query, synonyms)
    if not parsed:
        return []
    catalogue.refresh(problem=problem)
    index = catalogue.search_index()
    index.update(catalogue)
    found = index.find(parsed)
    entries = index.entries
    order = index.order  # by year, latest first, unknown last, then id
    found.sort(key=lambda f: (-f.total, order[f.report_id]))
    results = []
    for report in found:
        entry = entries[report.report_id]
        hits = report.hits(limit) if limit is None or limit > 0 else ()
        results.append(ReportHits(entry.id, entry.title, entry.year, entry.place, report.total, hits))
        if limit is not None:
            limit = max(0, limit - len(hits))
    return results


def plain_search(
    catalogue: Catalogue,
    query: str,
    limit: int | None = 20,
    *,
    synonyms: Synonyms | None = None,
    cache: Path | None = None,
    problem: Problem | None = None,
) -> list[ReportHits]:
    """``library_search`` by a plain scan: each report's copy parsed (through the report cache in ``cache``
    when given) and searched with ``ReportSearch``; a report that cannot be read is left out and passed to
    ``problem``. For the benchmark and the index's recall test."""
    found: list[ReportHits] = []
    for entry in catalogue.list():
        try:
            report = _load(catalogue, entry, cache)
        except ReportError as error:
            if problem is not None:
                problem(entry, error)
            continue
        results = ReportSearch(report, synonyms).search(query, limit=None)
        if results.total:
            found.append(ReportHits(entry.id, entry.title, entry.year, entry.place, results.total, results.hits))
    found.sort(key=lambda r: (-r.total, r.year is None, -(r.year or 0), r.report_id))
    if limit is None:
        return found
    capped: list[ReportHits] = []
    for hits in found:
        capped.append(replace(hits, hits=hits.hits[:limit]))
        limit = max(0, limit - len(hits.hits))
    return capped
