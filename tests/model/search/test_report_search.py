"""Search over one report: officials' queries on the bundled report, hits placed in the outline with a snippet."""

from __future__ import annotations

from dataclasses import replace

import pytest
from genre import wenshui_page

from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.model.search.query import MAX_TERMS, parse_query
from jcviewer.model.search.report_search import ReportSearch, Split, retry_words, snippet
from jcviewer.model.vocabulary import default_synonyms


@pytest.fixture(scope="module")
def search(bundled: Report) -> ReportSearch:
    return ReportSearch(bundled, default_synonyms())


def test_officials_queries_on_the_bundled_report(search: ReportSearch) -> None:
    gdp = search.search("GDP", limit=None)
    assert {h.paragraph for h in gdp.hits} == {"p3", "p4"}  # the 2023 review and the 2024 targets
    assert {h.paragraph for h in search.search("固投", limit=None).hits} == {"p3", "p4"}
    assert {h.paragraph for h in search.search("规上", limit=None).hits} >= {"p3", "p4"}
    assert [h.paragraph for h in search.search("庞泉酒").hits] == ["p13"]
    assert search.search("不存在的词").total == 0
    assert search.search("").total == 0 and search.search("   ").total == 0


def test_hits_carry_section_node_path_and_snippet(search: ReportSearch) -> None:
    hit = search.search("营商环境").hits[0]
    assert (hit.section, hit.paragraph, hit.node) == ("s2", "p6", "p6.list.3")
    assert hit.path == ("锚定目标 加压奋进", "要突出……", "改革领跑、创新赋能")
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["营商环境"]
    quote = search.search("庞泉酒庄").hits[0]
    assert quote.node == "s3.quotes.5" and quote.path[-1] == "苗小岗"


def test_snippet_cuts_with_ellipses() -> None:
    text = "甲" * 50 + "营商环境" + "乙" * 80
    shown, spans = snippet(text, (50, 54), ((50, 54),))
    assert shown.startswith("…") and shown.endswith("…")
    assert [shown[s:e] for s, e in spans] == ["营商环境"]
    assert snippet("短文营商环境", (2, 6), ((2, 6),)) == ("短文营商环境", ((2, 6),))


def test_limit_keeps_the_best_and_counts_all(search: ReportSearch) -> None:
    everything = search.search("的", limit=None)
    top = search.search("的", limit=3)
    assert top.total == everything.total > 3
    assert [h.paragraph for h in top.hits] == [h.paragraph for h in everything.hits[:3]]


def test_a_task_item_titled_with_the_query_outranks_a_passing_mention(search: ReportSearch) -> None:
    hits = search.search("乡村振兴").hits
    assert [hit.node for hit in hits] == ["p5.list.4", "p6.list.5"]  # 四是全面推进乡村振兴, then a clause in p6
    assert hits[0].path[-1] == "全面推进乡村振兴"


def test_headings_and_item_titles_outrank_running_text_in_any_report() -> None:
    page = wenshui_page(seed=3)  # its list: 一是加快产业升级 … 三是推进乡村振兴。发展特色农业 …
    passing = "会议强调，乡村振兴是全县工作的重中之重，乡村振兴要久久为功，以乡村振兴带动城乡融合。"
    page.columns[1].paragraphs.insert(0, passing)
    report = parse_text(replace(page).text(), source="page.txt")
    search = ReportSearch(report, default_synonyms())
    hits = search.search("乡村振兴").hits
    assert [(hit.path[-1], hit.snippet[slice(*hit.snippet_spans[0])]) for hit in hits] == [
        ("推进乡村振兴", "乡村振兴"),  # the item's title
        (report.section_of(hits[1].paragraph).title, "乡村振兴"),  # three mentions in a short paragraph
    ]
    assert hits[1].score > hits[0].score  # BM25 alone would put the passing mentions first
    headings_first = [hit.paragraph == "" for hit in search.search("发展", limit=None).hits]
    assert headings_first[:2] == [True, True] and not any(headings_first[2:])  # 共谋发展, 发展路线图


def splitter(*vocabulary: str) -> Split:
    """A stand-in for jieba: the longest word of ``vocabulary`` at each place, else one character."""

    def split(text: str) -> list[str]:
        words, at = [], 0
        while at < len(text):
            word = max((w for w in vocabulary if text.startswith(w, at)), key=len, default=text[at])
            words.append(word)
            at += len(word)
        return words

    return split


@pytest.fixture(scope="module")
def wenshui() -> ReportSearch:
    return ReportSearch(parse_text(wenshui_page(seed=3).text(), source="wenshui.txt"), default_synonyms())


def test_a_run_of_text_with_no_hits_is_retried_as_its_words(wenshui: ReportSearch) -> None:
    split = splitter("产业", "升级", "加快", "特色", "农业", "发展", "2024")
    assert wenshui.search("产业升级加快").total == 0  # the text says 加快产业升级
    answer = wenshui.answer("产业升级加快 ", split=split)
    assert (answer.typed, answer.words) == ("产业升级加快", ("产业", "升级", "加快"))
    assert answer.results.query.text == "产业 升级 加快"
    assert [hit.node for hit in answer.results.hits] == [wenshui.search("加快产业升级").hits[0].node]
    found = wenshui.answer("特色农业发展", split=split)  # 发展特色农业
    assert found.words == ("特色", "农业", "发展") and found.results.total == 1
    nothing = wenshui.answer("火星农业", split=split)
    assert nothing.words == ("火", "星", "农业") and nothing.results.total == 0  # retried, still nothing


def test_only_a_single_run_that_finds_nothing_is_retried(wenshui: ReportSearch) -> None:
    split = splitter("产业", "升级", "加快")
    assert wenshui.answer("加快产业升级", split=split).words == ()  # found as typed
    assert wenshui.answer("产业升级加快").words == ()  # no words to split with (jieba not loaded yet)
    for typed in ("升级产业 加快", '"升级产业加快"', "升级产业加快 升级产业加快"):  # spaces or a phrase: as typed
        answer = wenshui.answer(typed, split=split)
        assert answer.words == () and answer.results.total == 0, typed
    assert wenshui.answer("升级产业加快", split=split).results.total == 1  # as one run: retried, found
    assert wenshui.answer("火星", split=splitter("火星")).words == ()  # one word: the same query again


def test_retried_words_leave_out_function_characters_and_punctuation_but_keep_numbers() -> None:
    split = splitter("项目", "投资", "2024", "6.5%", "增长")
    assert retry_words(parse_query("项目的投资，与2024"), split) == ("项目", "投资", "2024")
    assert retry_words(parse_query("增长6.5%和项目项目"), split) == ("增长", "6.5%", "项目")  # each word once
    assert retry_words(parse_query("的和与"), split) == ()
    assert retry_words(parse_query("“项目”"), split) == ("项目",)  # the query without its quotation marks


@pytest.mark.parametrize("typed", ["营商环境以及优化", "对于营商环境优化", "营商环境而且优化", "关于营商环境优化"])
def test_retried_words_leave_out_function_words(search: ReportSearch, typed: str) -> None:
    split = splitter("营商环境", "优化", "以及", "对于", "而且", "关于")
    answer = search.answer(typed, split=split)
    assert answer.words == ("营商环境", "优化")
    assert answer.results == search.answer("营商环境优化", split=split).results and answer.results.total == 2


def test_words_made_only_of_function_characters_and_function_words_are_not_retried() -> None:
    split = splitter("以及", "对于", "并且", "而且", "或者", "通过", "进一步", "项目")
    assert retry_words(parse_query("以及对于并且而且或者通过进一步"), split) == ()
    assert retry_words(parse_query("进一步通过项目"), split) == ("项目",)


def test_a_retry_reports_the_words_it_searched(search: ReportSearch) -> None:
    typed = "".join(chr(0x9F00 + i) for i in range(MAX_TERMS + 8))  # rare characters, in no report
    answer = search.answer(typed, split=splitter())  # one word per character: more words than are searched
    assert answer.results.query.ignored == 8
    assert answer.words == tuple(term.text for term in answer.results.query.terms) == tuple(typed[:MAX_TERMS])
