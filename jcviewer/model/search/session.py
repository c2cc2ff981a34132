"""The search on show (Qt-free): one query's answer, its hits as highlight marks, and a cursor on one of them.

The search panel owns one session and gives it each answer; choosing a result and Find Next / Previous move its
cursor, and each says where that lands (the result row, the outline node, the mark to focus). The same query
answered again (re-ranked once jieba's word boundaries arrive) keeps the user's place. The window keeps no search
state of its own: it highlights ``marks`` and selects what a move lands on.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jcviewer.model.navigation import Mark, Node, node_at
from jcviewer.model.report import Report

if TYPE_CHECKING:  # the index (numpy) loads when the first search runs, not with the window
    from jcviewer.model.search.report_search import Answer, SearchHit, SearchResults


@dataclass(frozen=True)
class Landing:
    """Where a move lands: the result ``row``, the outline ``node`` to select, the ``mark`` to focus (None for
    a heading hit: its section is selected)."""

    row: int
    node: str
    mark: Mark | None


class SearchSession:
    """The answer on show, every hit of its results as a mark (in result order), and the current one.

    ``cursor`` is the index in ``marks`` of the current hit, or -1 when none is: then Find Next goes to the first
    hit after where the user is (the first of all at first, the first after a chosen heading) and Find Previous
    to the one before it (the last of all at first).
    """

    def __init__(self, report: Report | None = None, nodes: tuple[Node, ...] = ()) -> None:
        self._report, self._nodes = report, nodes
        self.answer: Answer | None = None
        self.marks: tuple[Mark, ...] = ()
        self.cursor = -1
        self._next = 0  # with no current hit: the index of the hit Find Next goes to
        self._rows: tuple[int, ...] = ()  # the result row of each mark
        self._heading: str | None = None  # the node of the heading result chosen last, while no hit is current

    @property
    def results(self) -> SearchResults | None:
        """The results on show (those of the retried words if the query was retried), or None."""
        return self.answer.results if self.answer is not None else None

    def set_report(self, report: Report, nodes: tuple[Node, ...]) -> None:
        """Search another report: the answer on show goes."""
        self._report, self._nodes = report, nodes
        self.show(None)

    @property
    def current(self) -> Mark | None:
        """The current hit, or None."""
        return self.marks[self.cursor] if self.cursor >= 0 else None

    @property
    def row(self) -> int | None:
        """The result row of the user's place: the current hit's, else the chosen heading result's; or None."""
        if self.cursor >= 0:
            return self._rows[self.cursor]
        return self._heading_row(self._heading) if self._heading is not None else None

    def show(self, answer: Answer | None) -> None:
        """Show this answer (None: no search). A new query's answer has no current hit; the query on show answered again
        (typed the same: re-ranked) keeps the current hit, or the chosen heading result, if still among its hits."""
        same = answer is not None and self.answer is not None and answer.typed == self.answer.typed
        current, heading = (self.current, self._heading) if same else (None, None)
        self.answer = answer
        hits = answer.results.hits if answer is not None else ()
        self.marks = tuple(mark for hit in hits for mark in hit.marks)
        self._rows = tuple(row for row, hit in enumerate(hits) for _ in hit.marks)
        self.cursor, self._next, self._heading = -1, 0, None
        if current is not None and current in self.marks:
            self.cursor = self.marks.index(current)
        elif heading is not None and (row := self._heading_row(heading)) is not None:
            self._heading, self._next = heading, bisect_left(self._rows, row)

    def choose(self, hit: SearchHit) -> Landing:
        """A result chosen in the list: its best hit becomes current (none for a heading hit, which has no mark:
        Find Next then goes to the first hit of the results after it)."""
        assert self.answer is not None, "a hit is chosen from the results on show"
        row = self.answer.results.hits.index(hit)
        if not hit.paragraph:
            self.cursor, self._next, self._heading = -1, bisect_left(self._rows, row), hit.node
            return Landing(row, hit.node, None)
        mark = Mark(hit.paragraph, hit.best)
        self.cursor, self._heading = self.marks.index(mark), None
        return Landing(row, hit.node, mark)

    def step(self, step: int) -> Landing | None:
        """Find Next (1) / Previous (-1): the next or previous hit of all results, wrapping; None if none."""
        if self.answer is None or not self.marks:
            return None
        start = self.cursor if self.cursor >= 0 else self._next - (1 if step > 0 else 0)  # none current: between
        self.cursor, self._heading = (start + step) % len(self.marks), None
        mark, row = self.marks[self.cursor], self._rows[self.cursor]
        placed = node_at(self._report, self._nodes, mark.paragraph, mark.span) if self._report is not None else None
        return Landing(row, placed.id if placed is not None else self.answer.results.hits[row].node, mark)

    def _heading_row(self, node: str) -> int | None:
        hits = self.answer.results.hits if self.answer is not None else ()
        return next((row for row, hit in enumerate(hits) if not hit.paragraph and hit.node == node), None)
