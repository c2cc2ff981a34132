"""The character index finds exactly what a substring scan finds (numbers as whole numbers), and ranks it."""

from __future__ import annotations

import re

import pytest
from genre import wenshui_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.model.search.index import Document, SearchIndex
from jcviewer.model.search.query import parse_query, synonym_variants
from jcviewer.model.search.report_search import ReportSearch
from jcviewer.model.search.text import normalise
from jcviewer.model.vocabulary import default_synonyms

WENSHUI = parse_text(wenshui_page(seed=7).text(), source="wenshui.txt")


def scan(index: SearchIndex, term: str) -> set[str]:
    """The reference: documents whose text holds ``term``; a number only where it is a whole number."""
    pattern = re.escape(normalise(term))
    if term[0].isdigit():
        pattern = r"(?<![0-9])(?<![0-9]\.)" + pattern
    if term[-1].isdigit():
        pattern += r"(?![0-9])(?!\.[0-9])"
    return {d.key for d in index.documents if re.search(pattern, normalise(d.text))}


def found(index: SearchIndex, query: str) -> set[str]:
    return {hit.key for hit in index.search(query, limit=None).hits}


@pytest.fixture(scope="module")
def searches(bundled: Report) -> list[ReportSearch]:
    return [ReportSearch(bundled, default_synonyms()), ReportSearch(WENSHUI, default_synonyms())]


@st.composite
def substrings(draw: st.DrawFn, reports: tuple[Report, ...]) -> str:
    texts = [p.text for r in reports for p in r.paragraphs()]
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, len(text) - 1))
    length = draw(st.integers(1, 8))
    piece = text[start : start + length]
    return "".join(c for c in piece if not c.isspace() and c != '"') or text[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_finds_exactly_what_a_scan_finds(bundled: Report, searches: list[ReportSearch], data) -> None:
    term = data.draw(substrings((bundled, WENSHUI)))
    for search in searches:
        index = search.index
        variants = synonym_variants(normalise(term), default_synonyms())
        expected = set().union(*(scan(index, v) for v in variants))
        assert scan(index, term) <= found(index, term) == expected
        for hit in index.search(term, limit=None).hits:
            text = normalise(next(d.text for d in index.documents if d.key == hit.key))
            assert all(text[s:e] in variants for s, e in hit.spans)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_several_words_require_all_of_them(bundled: Report, searches: list[ReportSearch], data) -> None:
    first, second = data.draw(substrings((bundled,))), data.draw(substrings((bundled,)))
    index = searches[0].index
    both = set.intersection(
        *(
            set().union(*(scan(index, v) for v in synonym_variants(normalise(t), default_synonyms())))
            for t in (first, second)
        )
    )
    assert found(index, f"{first} {second}") == both


def test_numbers_match_whole_numbers_only() -> None:
    index = SearchIndex(
        [
            Document("a", "增长96.5%"),
            Document("b", "增长6.5%左右"),
            Document("c", "122.85亿元"),
            Document("d", "22.8%"),
            Document("e", "6.55%"),
            Document("f", "第6.5期"),
        ]
    )
    assert found(index, "6.5%") == {"b"}
    assert found(index, "22.8") == {"d"}
    assert found(index, "6.5") == {"b", "f"}
    assert found(index, "5%") == set()  # inside 6.5% and 96.5%
    assert found(index, "６．５％") == {"b"}  # full-width as typed by some input methods


def test_ranking_prefers_headings_whole_words_and_close_terms() -> None:
    index = SearchIndex(
        [Document("body", "要坚持发展，推动发展，高质量发展"), Document("heading", "高质量发展", boost=1.5)],
    )
    assert [h.key for h in index.search("高质量发展").hits] == ["heading", "body"]
    words = SearchIndex([Document("inside", "国民生产总值"), Document("whole", "保障和改善民生")])
    assert {h.key for h in words.search("民生").hits} == {"inside", "whole"}
    spans = {"国民生产总值": [(0, 2), (2, 4), (4, 6)], "保障和改善民生": [(0, 2), (2, 3), (3, 5), (5, 7)]}
    words.use_word_boundaries(words.word_boundaries(lambda text: spans[text]))
    assert [h.key for h in words.search("民生").hits] == ["whole", "inside"]  # "国民|生产" holds 民生 by accident
    near = SearchIndex([Document("far", "项目" + "，" * 60 + "投资"), Document("near", "项目投资" + "，" * 60)])
    assert [h.key for h in near.search("项目 投资").hits] == ["near", "far"]


def test_a_match_in_a_title_outranks_running_text_whatever_the_scores() -> None:
    running = Document("running", "乡村振兴，乡村振兴，乡村振兴。")  # short, and three times
    text = "乡村振兴是大事。" + "坚持发展。" * 40 + "四是全面推进乡村振兴。" + "做好工作。" * 40
    title = (text.index("四是"), text.index("四是") + len("四是全面推进乡村振兴"))
    untitled = SearchIndex([running, Document("item", text)])
    assert [h.key for h in untitled.search("乡村振兴").hits] == ["running", "item"]  # BM25 alone
    index = SearchIndex([running, Document("item", text, titles=(title,))])
    hits = index.search("乡村振兴").hits
    assert [(h.key, h.titled) for h in hits] == [("item", 1), ("running", 0)]
    assert hits[0].best == (title[1] - 4, title[1])  # the occurrence in the title, not the first one
    assert hits[0].spans == ((0, 4), hits[0].best)  # every occurrence is still highlighted


def test_more_terms_in_titles_come_first_and_titles_may_overlap() -> None:
    filler = "，做好工作" * 30
    index = SearchIndex(
        [
            Document("one", "项目投资，项目为王", titles=((5, 9),)),
            Document("both", "抓项目。扩投资。" + filler, titles=((0, 3), (4, 7), (1, 2), (5, 6))),
            Document("none", "项目投资"),
        ]
    )
    hits = index.search("项目 投资").hits
    assert [(h.key, h.titled) for h in hits] == [("both", 2), ("one", 1), ("none", 0)]
    assert index.search("扩投资。").hits[0].titled == 0  # reaches past the title 扩投资
    assert index.search("抓项目").hits[0].titled == 1


def test_match_then_ranked_is_search_and_a_part_ranks_only_its_documents() -> None:
    index = SearchIndex(
        [Document(str(n), text) for n, text in enumerate(["经济 增长", "增长", "经济工作", "经济 增长 经济"])]
    )
    query = parse_query("经济 增长")
    matching = index.match(query.terms)
    assert matching.docs.tolist() == [0, 3] and len(matching.occurrences) == 2
    for limit in (None, 1):
        assert index.ranked(matching, limit) == index.search(query, limit).hits
    assert [hit.key for hit in index.ranked(matching.part(1, 2), None)] == ["3"]
    assert index.match(parse_query("没有").terms).docs.tolist() == [] and index.search("没有").hits == ()
