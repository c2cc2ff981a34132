"""Search over one report: officials' queries on the bundled report, hits placed in the outline with a snippet."""

from __future__ import annotations

import pytest

from jcviewer.model.report import Report
from jcviewer.model.search.report_search import ReportSearch, snippet
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
