"""The search index across the library: the catalogue's paragraph rows (``rows.py``) held in memory as the
one-report search's positional character index, so a query over hundreds of reports takes milliseconds and
never parses a report (Qt-free; docs/library.md).

Recall and ranking are those of ``ReportSearch`` (no word boundaries): the same ``SearchIndex`` finds every
substring occurrence of each term, numbers only as whole numbers, and BM25 weighs a document against the other
documents of its own report (their count and average length), so each report's hits come in the order its own
search gives them. Hits carry the report id and paragraph id, and are placed in the outline from the rows.

The index is built from SQLite on first use and kept current: each search compares the catalogue's generation
(any connection's change bumps it), and when it moved, the reports whose rows changed (content, parser or
corrections stamp) are left out of the segments holding them and indexed anew in a small segment; when left-out
documents or segments grow too many, everything is indexed again in one segment.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from jcviewer.model.library.rows import BOOST
from jcviewer.model.search.index import K1, B, Document, Hit, Matching, SearchIndex
from jcviewer.model.search.query import Query
from jcviewer.model.search.report_search import SearchHit, snippet

if TYPE_CHECKING:
    from jcviewer.model.library.catalogue import Catalogue, Entry

MAX_SEGMENTS = 4
"""More segments than this (each a search of its own) and the index is built again as one."""
MAX_DEAD = 0.25
"""When this share of the indexed documents belongs to reports removed or changed, the index is built again."""


@dataclass(frozen=True)
class _Row:
    """What placing a hit needs of its paragraph row (marks and path decoded only for hits)."""

    report_id: int
    paragraph: str
    section: str
    text: str
    marks: str
    path: str


@dataclass(frozen=True)
class Matches:
    """What one segment found for a query: the matching documents laid out report by report (``SearchIndex.match``),
    each matching report's id and stretch ``bounds[n]:bounds[n + 1]`` of them."""

    segment: _Segment
    report_ids: list[int]
    bounds: list[int]
    matching: Matching


class Found(NamedTuple):
    """One report's matches: how many paragraphs and headings match, and where to get its hits."""

    report_id: int
    total: int
    matches: Matches
    number: int  # the report's place in ``matches.report_ids``

    def hits(self, limit: int | None) -> tuple[SearchHit, ...]:
        """The best ``limit`` hits (all with None), best first, placed in the outline."""
        return self.matches.segment.hits(self.matches, self.number, limit)


class _Segment(SearchIndex):
    """The paragraph rows of some reports as one ``SearchIndex``, BM25 per report."""

    def __init__(self, rows: Sequence[_Row], titles: Sequence[tuple[tuple[int, int], ...]], kinds: Sequence[str]):
        documents = [
            Document(str(number), row.text, BOOST.get(kind, 1.0), spans)
            for number, (row, spans, kind) in enumerate(zip(rows, titles, kinds, strict=True))
        ]
        super().__init__(documents)
        self.rows = tuple(rows)
        ids = np.array([row.report_id for row in rows], dtype=np.int64)
        self.report_ids, inverse = np.unique(ids, return_inverse=True)
        self.doc_report = inverse.astype(np.int64)  # each document's report, as an index into ``report_ids``
        counts = np.bincount(self.doc_report, minlength=len(self.report_ids))
        self._report_docs = counts.astype(np.float64)
        sums = np.bincount(self.doc_report, weights=self._lengths, minlength=len(self.report_ids))
        self._report_average = np.where(counts > 0, sums / np.maximum(counts, 1), 1.0)

    def documents_of(self, report_ids: set[int]) -> int:
        """How many of the segment's documents belong to ``report_ids``."""
        inside = np.isin(self.report_ids, list(report_ids))
        return int(inside[self.doc_report].sum())

    def _bm25(
        self, docs: npt.NDArray[np.int64], weights: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """BM25 as ``SearchIndex`` scores it, each document against the documents of its own report."""
        unique, inverse = np.unique(docs, return_inverse=True)
        frequency = np.bincount(inverse, weights=weights)
        report = self.doc_report[unique]
        found_in = np.bincount(report, minlength=len(self.report_ids))[report]
        documents = self._report_docs[report]
        idf = np.log(1 + (documents - found_in + 0.5) / (found_in + 0.5))
        norm = K1 * (1 - B + B * self._lengths[unique] / self._report_average[report])
        return unique, idf * frequency * (K1 + 1) / (frequency + norm) * self._boost[unique]

    def find(self, query: Query, dead: frozenset[int]) -> list[Found]:
        """The reports (not in ``dead``) with documents holding every term of ``query``."""
        matching = self.match(query.terms)
        if not len(matching.docs):
            return []
        reports = self.doc_report[matching.docs]
        bounds = [0, *(np.flatnonzero(np.diff(reports)) + 1).tolist(), len(reports)]  # laid out report by report
        ids = self.report_ids[reports[bounds[:-1]]].tolist()
        matches = Matches(self, ids, bounds, matching)
        return [
            Found(report_id, bounds[number + 1] - bounds[number], matches, number)
            for number, report_id in enumerate(ids)
            if report_id not in dead
        ]

    def hits(self, matches: Matches, number: int, limit: int | None) -> tuple[SearchHit, ...]:
        """The best ``limit`` hits of the ``number``-th report of ``matches``, ranked as ``SearchIndex.search``
        ranks them (``SearchIndex.ranked``), placed in the outline."""
        low, high = matches.bounds[number], matches.bounds[number + 1]
        hits = self.ranked(matches.matching.part(low, high), limit)
        return tuple(self._placed(hit) for hit in hits)

    def _placed(self, hit: Hit) -> SearchHit:
        """The hit placed in the outline, as ``ReportSearch`` places it: the most specific node whose marked
        stretch holds the best match (ties to the deeper), else the section."""
        row = self.rows[int(hit.key)]
        node, titles = row.section, tuple(json.loads(row.path))
        width = math.inf
        for start, end, node_id, node_path in json.loads(row.marks):
            if start <= hit.best[0] and hit.best[1] <= end and end - start <= width:
                width, node, titles = end - start, node_id, tuple(node_path)
        shown, shown_spans = snippet(row.text, hit.best, hit.spans)
        return SearchHit(row.section, row.paragraph, node, titles, hit.score, hit.spans, hit.best, shown, shown_spans)


class LibraryIndex:
    """The index of a catalogue's paragraph rows, brought up to date with it before each search."""

    def __init__(self) -> None:
        self._segments: list[_Segment] = []
        self._dead: list[set[int]] = []  # per segment, the reports whose documents there are out of date
        self._stamps: dict[int, tuple[str, ...]] = {}  # report id → what its indexed rows were made from
        self._generation = -1
        self.entries: dict[int, Entry] = {}  # the catalogue's entries by id, as of the last update
        self.order: dict[int, int] = {}  # report id → its place by year (latest first, unknown last), then id

    @property
    def documents(self) -> int:
        """How many documents (paragraphs and headings) the segments hold, out-of-date ones included."""
        return sum(len(segment.documents) for segment in self._segments)

    @property
    def nbytes(self) -> int:
        """Memory held by the index arrays."""
        return sum(segment.nbytes for segment in self._segments)

    def update(self, catalogue: Catalogue) -> None:
        """Bring the index up to date with ``catalogue`` (nothing to do when its generation has not moved)."""
        if catalogue.generation() == self._generation:
            return
        with catalogue.snapshot():
            generation = catalogue.generation()
            stamps = catalogue.row_stamps()
            self.entries = {entry.id: entry for entry in catalogue.list()}
            latest = sorted(self.entries.values(), key=lambda e: (e.year is None, -(e.year or 0), e.id))
            self.order = {entry.id: number for number, entry in enumerate(latest)}
            changed = sorted(rid for rid, stamp in stamps.items() if self._stamps.get(rid) != stamp)
            outdated = (set(self._stamps) - set(stamps)) | (set(changed) & set(self._stamps))
            for dead, segment in zip(self._dead, self._segments, strict=True):
                dead |= outdated & set(segment.report_ids.tolist())
            dead_documents = sum(
                segment.documents_of(dead) for segment, dead in zip(self._segments, self._dead, strict=True)
            )
            whole = (
                not self._segments or len(self._segments) >= MAX_SEGMENTS or dead_documents > MAX_DEAD * self.documents
            )
            if (changed or outdated) and whole:
                self._segments, self._dead = [], []
                changed = sorted(stamps)
            if changed:
                fresh = _segment(catalogue, changed if self._segments else None)
                if fresh is not None:
                    self._segments.append(fresh)
                    self._dead.append(set())
        self._stamps = stamps
        self._generation = generation

    def find(self, query: Query) -> list[Found]:
        """Every report with documents holding every term of ``query`` (one entry per report)."""
        return [
            found
            for segment, dead in zip(self._segments, self._dead, strict=True)
            for found in segment.find(query, frozenset(dead))
        ]


def _segment(catalogue: Catalogue, report_ids: Sequence[int] | None) -> _Segment | None:
    """A segment of the rows of ``report_ids`` (every report with None); None when they have no rows."""
    rows, titles, kinds = [], [], []
    for report_id, paragraph, section, kind, text, spans, marks, path in catalogue.paragraph_rows(report_ids):
        rows.append(_Row(report_id, paragraph, section, text, marks, path))
        titles.append(() if spans == "[]" else tuple((int(a), int(b)) for a, b in json.loads(spans)))
        kinds.append(kind)
    return _Segment(rows, titles, kinds) if rows else None
