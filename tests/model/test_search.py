"""Search finds exactly what a substring scan finds (numbers as whole numbers), plus synonyms, ranked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from genre import wenshui_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.model.search.index import Document, SearchIndex
from jcviewer.model.search.query import parse_query, synonym_variants
from jcviewer.model.search.report_search import ReportSearch, snippet
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


def test_officials_queries_on_the_bundled_report(searches: list[ReportSearch]) -> None:
    search = searches[0]
    gdp = search.search("GDP", limit=None)
    assert {h.paragraph for h in gdp.hits} == {"p3", "p4"}  # the 2023 review and the 2024 targets
    assert {h.paragraph for h in search.search("固投", limit=None).hits} == {"p3", "p4"}
    assert {h.paragraph for h in search.search("规上", limit=None).hits} >= {"p3", "p4"}
    assert [h.paragraph for h in search.search("庞泉酒").hits] == ["p13"]
    assert search.search("不存在的词").total == 0
    assert search.search("").total == 0 and search.search("   ").total == 0


def test_abbreviations_match_the_full_wording_and_back() -> None:
    index = SearchIndex(
        [Document("a", "规模以上工业增加值增长8.5%"), Document("b", "规上工业企业净增14户"), Document("c", "工业园区")],
        default_synonyms(),
    )
    assert found(index, "规上") == {"a", "b"}
    assert found(index, "规模以上工业") == {"a", "b"}
    spans = {hit.key: hit.spans for hit in index.search("规上工业", limit=None).hits}
    assert spans == {"a": ((0, 6),), "b": ((0, 4),)}  # on the words actually written


def test_a_phrase_matches_only_the_phrase() -> None:
    index = SearchIndex([Document("a", "稳字当头、稳中求进"), Document("b", "稳中有进，求进")])
    assert found(index, "稳中 求进") == {"a", "b"}
    assert found(index, '"稳中求进"') == {"a"}
    assert found(index, '"稳中 求进"') == {"a"}  # no spaces between Chinese characters in a phrase either
    assert parse_query('"hello world"').terms[0].text == "hello world"


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


def test_hits_carry_section_node_path_and_snippet(searches: list[ReportSearch]) -> None:
    hit = searches[0].search("营商环境").hits[0]
    assert (hit.section, hit.paragraph, hit.node) == ("s2", "p6", "p6.list.3")
    assert hit.path == ("锚定目标 加压奋进", "要突出……", "改革领跑、创新赋能")
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["营商环境"]
    quote = searches[0].search("庞泉酒庄").hits[0]
    assert quote.node == "s3.quotes.5" and quote.path[-1] == "苗小岗"


def test_snippet_cuts_with_ellipses() -> None:
    text = "甲" * 50 + "营商环境" + "乙" * 80
    shown, spans = snippet(text, (50, 54), ((50, 54),))
    assert shown.startswith("…") and shown.endswith("…")
    assert [shown[s:e] for s, e in spans] == ["营商环境"]
    assert snippet("短文营商环境", (2, 6), ((2, 6),)) == ("短文营商环境", ((2, 6),))


def test_limit_keeps_the_best_and_counts_all(searches: list[ReportSearch]) -> None:
    everything = searches[0].search("的", limit=None)
    top = searches[0].search("的", limit=3)
    assert top.total == everything.total > 3
    assert [h.paragraph for h in top.hits] == [h.paragraph for h in everything.hits[:3]]


def test_word_segmenter_keeps_terms_whole_and_caches_in_the_folder_given(tmp_path: Path) -> None:
    from jcviewer.model.search.words import WordSegmenter

    segmenter = WordSegmenter(tmp_path / "jieba")
    assert list((tmp_path / "jieba").iterdir())  # jieba's cache is written where we said, not in the install
    text = "优化营商环境，持续实施四创战略"
    words = {text[s:e] for s, e in segmenter.spans(text)}
    assert {"营商环境", "四创战略"} <= words
    segmenter.add_words(["水峪贯镇鲁沿村"])
    assert "水峪贯镇鲁沿村" in {t[s:e] for t in ["我们水峪贯镇鲁沿村将"] for s, e in segmenter.spans(t)}
