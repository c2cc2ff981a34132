"""The search session (Qt-free): marks in result order, choosing a result, Find Next / Previous wrapping."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jcviewer.model.navigation import Mark
from jcviewer.model.report import Report, Span
from jcviewer.model.search.query import parse_query
from jcviewer.model.search.report_search import Answer, ReportSearch, SearchHit, SearchResults
from jcviewer.model.search.session import Landing, SearchSession
from jcviewer.model.vocabulary import default_synonyms


@pytest.fixture(scope="module")
def search(bundled: Report) -> ReportSearch:
    return ReportSearch(bundled, default_synonyms())


def hit(paragraph: str, node: str, *spans: Span) -> SearchHit:
    """A result: a paragraph hit with these spans (the first the best), or a heading hit (no paragraph)."""
    best = spans[0] if spans else (0, 2)
    return SearchHit(node, paragraph, node, (node,), 1.0, spans or (best,), best, "", ())


def answer(*hits: SearchHit) -> Answer:
    return Answer("项目", SearchResults(parse_query("项目"), hits, len(hits)))


def test_next_visits_every_hit_of_every_result_in_order_and_wraps(bundled: Report, search: ReportSearch) -> None:
    session = SearchSession(bundled, search.nodes)
    found = search.answer("项目")
    session.show(found)
    assert session.marks == tuple(mark for hit in found.results.hits for mark in hit.marks) and session.cursor == -1
    landings = [session.step(1) for _ in range(len(session.marks) + 1)]
    assert [landing.mark for landing in landings if landing] == [*session.marks, session.marks[0]]
    p3 = found.results.hits.index(next(h for h in found.results.hits if h.paragraph == "p3"))
    in_p3 = [landing for landing in landings[:-1] if landing and landing.mark and landing.mark.paragraph == "p3"]
    assert {landing.row for landing in in_p3} == {p3}  # each hit lands on the row of its result
    assert [landing.node for landing in in_p3] == ["p3.list.2", "p3.list.2", "p3.list.4", "p3.list.4"]  # its item
    assert session.cursor == 0


def test_previous_from_a_fresh_search_is_the_last_hit(bundled: Report, search: ReportSearch) -> None:
    session = SearchSession(bundled, search.nodes)
    session.show(search.answer("项目"))
    last = session.step(-1)
    assert last is not None and last.mark == session.marks[-1] and session.cursor == len(session.marks) - 1
    assert session.step(1) == Landing(0, "p5.list.2", session.marks[0])  # and on around


def test_choosing_a_result_makes_its_best_hit_current() -> None:
    a, b = hit("p1", "p1.list.1", (5, 7), (1, 3)), hit("p2", "s2", (4, 6))
    session = SearchSession()
    session.show(answer(a, b))
    assert session.marks == (Mark("p1", (5, 7)), Mark("p1", (1, 3)), Mark("p2", (4, 6)))
    assert session.choose(a) == Landing(0, "p1.list.1", Mark("p1", (5, 7)))
    assert session.cursor == 0
    assert session.step(1) == Landing(0, "p1.list.1", Mark("p1", (1, 3)))  # without a report: the result's node
    assert session.choose(b) == Landing(1, "s2", Mark("p2", (4, 6)))
    assert session.step(1) == Landing(0, "p1.list.1", Mark("p1", (5, 7)))


def test_after_choosing_a_heading_next_and_previous_go_to_the_results_around_it() -> None:
    before, heading, after = hit("p1", "p1", (0, 2), (3, 5)), hit("", "s2"), hit("p4", "p4", (8, 10))
    session = SearchSession()
    session.show(answer(before, heading, after))
    assert session.choose(heading) == Landing(1, "s2", None) and session.cursor == -1
    assert session.step(1) == Landing(2, "p4", Mark("p4", (8, 10)))
    session.choose(heading)
    assert session.step(-1) == Landing(0, "p1", Mark("p1", (3, 5)))


def test_nothing_to_step_through() -> None:
    session = SearchSession()
    assert session.step(1) is None and session.results is None
    session.show(answer(hit("", "s1")))  # a heading hit only: nothing to highlight
    assert session.marks == () and session.step(-1) is None
    session.show(answer(hit("p1", "p1", (0, 2))))
    assert session.step(1) is not None
    session.show(None)
    assert (session.answer, session.marks, session.cursor, session.step(1)) == (None, (), -1, None)


def test_another_report_clears_the_answer(bundled: Report, search: ReportSearch) -> None:
    session = SearchSession(bundled, search.nodes)
    session.show(search.answer("项目"))
    session.step(1)
    session.set_report(bundled, search.nodes)
    assert (session.results, session.marks, session.cursor) == (None, (), -1)


def answer_to(typed: str, *hits: SearchHit) -> Answer:
    return Answer(typed, SearchResults(parse_query(typed), hits, len(hits)))


def test_the_same_query_ranked_anew_keeps_the_current_hit_and_next_goes_on_from_it() -> None:
    a, b, c = hit("p1", "p1", (0, 2)), hit("p2", "p2", (4, 6), (9, 11)), hit("p3", "p3", (1, 3))
    session = SearchSession()
    session.show(answer_to("项目", a, b, c))
    session.step(1)
    session.step(1)
    assert (session.current, session.row) == (Mark("p2", (4, 6)), 1)
    session.show(answer_to("项目", replace(c, score=3.0), replace(b, score=2.0), a))  # word boundaries arrived
    assert (session.current, session.row) == (Mark("p2", (4, 6)), 1)
    assert session.marks == (Mark("p3", (1, 3)), Mark("p2", (4, 6)), Mark("p2", (9, 11)), Mark("p1", (0, 2)))
    assert session.step(1) == Landing(1, "p2", Mark("p2", (9, 11)))
    session.show(answer_to("项目", a, c))  # ranked anew without it: nothing current
    assert (session.current, session.row, session.cursor) == (None, None, -1)


def test_the_same_query_ranked_anew_keeps_a_chosen_heading_result() -> None:
    before, heading, after = hit("p1", "p1", (0, 2)), hit("", "s2"), hit("p4", "p4", (8, 10))
    session = SearchSession()
    session.show(answer_to("项目", before, heading, after))
    session.choose(heading)
    assert (session.current, session.row) == (None, 1)
    session.show(answer_to("项目", after, before, replace(heading, score=0.5)))
    assert (session.current, session.row) == (None, 2)
    assert session.step(-1) == Landing(1, "p1", Mark("p1", (0, 2)))  # the hit before the heading result
    assert session.row == 1


def test_another_query_starts_afresh() -> None:
    a, b = hit("p1", "p1", (0, 2)), hit("p2", "p2", (4, 6))
    session = SearchSession()
    session.show(answer_to("项目", a, b))
    session.step(1)
    session.show(answer_to("项目建设", a, b))  # the same hits, but another query: nowhere yet
    assert (session.current, session.row, session.cursor) == (None, None, -1)
    assert session.step(-1) == Landing(1, "p2", Mark("p2", (4, 6)))
