"""Long queries (issue 12, item 8): terms are deduplicated and capped, and proximity is linear in them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jcviewer.model.report import Report, Span
from jcviewer.model.search.index import _closest
from jcviewer.model.search.query import MAX_TERMS, parse_query
from jcviewer.model.search.report_search import ReportSearch
from jcviewer.model.search.text import normalise
from jcviewer.model.vocabulary import default_synonyms


@pytest.fixture(scope="module")
def search(bundled: Report) -> ReportSearch:
    return ReportSearch(bundled, default_synonyms())


def placed(search: ReportSearch, query: str) -> list[tuple[str, str, float]]:
    return [(hit.paragraph, hit.node, round(hit.score, 9)) for hit in search.search(query, limit=200).hits]


@pytest.mark.timeout(30)  # hang detection: ×3400 took 113 s before the fix
@pytest.mark.parametrize("copies", [800, 3400])
def test_a_word_repeated_thousands_of_times_is_one_term(search: ReportSearch, copies: int) -> None:
    query = " ".join(["交城"] * copies)
    assert len(parse_query(query, default_synonyms()).terms) == 1
    assert placed(search, query) == placed(search, "交城")


@pytest.mark.timeout(30)
def test_a_query_of_thousands_of_different_words_keeps_the_first_ones(search: ReportSearch, bundled: Report) -> None:
    text = normalise("".join(p.text for p in bundled.paragraphs()))
    words = list(dict.fromkeys(c for c in text if not c.isspace() and c != '"'))
    assert len(words) > MAX_TERMS
    query = " ".join(words * 3)
    parsed = parse_query(query)
    assert [t.text for t in parsed.terms] == words[:MAX_TERMS]
    assert parsed.ignored == len(words) - MAX_TERMS
    assert placed(search, query) == placed(search, " ".join(words[:MAX_TERMS]))


def test_repeated_terms_count_once(search: ReportSearch) -> None:
    assert placed(search, "营商 环境 营商") == placed(search, "营商 环境")
    assert placed(search, '"营商环境" "营商环境"') == placed(search, '"营商环境"')


def brute_force_closest(spans_by_term: list[list[Span]]) -> int:
    """The proximity step as it was: every pair of spans of two different terms (first 50 of each)."""
    gaps = [
        max(0, max(a[0], b[0]) - min(a[1], b[1]))
        for i, first in enumerate(spans_by_term)
        for second in spans_by_term[i + 1 :]
        for a in first[:50]
        for b in second[:50]
    ]
    return min(gaps, default=0)


spans = st.tuples(st.integers(0, 200), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1]))
terms_spans = st.lists(st.lists(spans, min_size=1, max_size=60).map(sorted), min_size=1, max_size=6)


@settings(max_examples=500, deadline=None)
@given(terms_spans)
def test_closest_is_the_smallest_gap_between_two_different_terms(spans_by_term: list[list[Span]]) -> None:
    assert _closest(spans_by_term) == brute_force_closest(spans_by_term)


@pytest.mark.timeout(30)  # hang detection: the pairwise version needs ~10^10 steps here
def test_closest_is_not_quadratic_in_the_number_of_terms() -> None:
    many = [[(10 * i + j * 100_000, 10 * i + j * 100_000 + 2) for j in range(50)] for i in range(3400)]
    assert _closest(many) == 8
