"""A page layout read from a PDF becomes the same Report as a text: articles, headings placed where printed,
every line's box kept (``pdf.read.report_of_layout``); the rest of the app reads the articles."""

from __future__ import annotations

from dataclasses import replace

from jcviewer.model.briefing import report_briefing, section_briefing
from jcviewer.model.corrections import Corrections, SidecarSection
from jcviewer.model.navigation import build_outline
from jcviewer.model.pdf.page import Article, Block, PdfLayout, Rect, TextLine
from jcviewer.model.pdf.read import report_of_layout
from jcviewer.model.report import Report, article_view, boxes_of_span
from jcviewer.model.report_data import report_from_json, report_to_json
from jcviewer.model.report_file import is_pdf
from jcviewer.model.search.report_search import ReportSearch

PAGE = (842.0, 1191.0)


def _line(text: str, y: float, size: float = 9.0, x: float = 40.0, indented: bool = False) -> TextLine:
    return TextLine(text, Rect(x, y, x + size * len(text), y + size), 0, size, False, indented)


def _paragraph(*lines: str, y: float, x: float = 40.0) -> Block:
    return Block(
        "paragraph",
        tuple(_line(text, y + 14 * i, x=x + (18 if i == 0 else 0), indented=i == 0) for i, text in enumerate(lines)),
    )


def _article(x: float, headline: str, kicker: str, paragraphs: list[tuple[str, ...]], subhead: str) -> Article:
    body = [_paragraph(*lines, y=200 + 60 * i, x=x) for i, lines in enumerate(paragraphs)]
    return Article(
        headline=(Block("headline", (_line(kicker, 100, 16, x),)), Block("headline", (_line(headline, 130, 36, x),))),
        flow=(body[0], Block("subhead", (_line(subhead, 250, 18, x),)), *body[1:]),
        captions=(Block("caption", (_line("全县干部群众参加活动。记者 王明 摄", 600, 8, x),)),),
    )


def _page() -> PdfLayout:
    first = _article(
        40,
        "稳中求进谋发展",
        "县委经济工作会议召开",
        [
            ("会议指出，今年全县地区生产总值增长", "6%左右。"),
            ("会议要求，全力抓好项目建设，今年", "固定资产投资增长10%以上。"),
        ],
        "抓项目 促投资",
    )
    second = _article(
        440,
        "代表热议报告",
        "人代会分组讨论",
        [("代表们认为报告实事求是。",), ("人大代表张华说：“报告提气", "鼓劲。”")],
        "共话发展",
    )
    furniture = (
        Block("furniture", (_line("东山县报", 20, 48),)),
        Block("furniture", (_line("坚定信心实干争先", 1150, 12),)),
        Block("furniture", (_line("- 2 -", 1170, 9),)),  # a page number: no banner
        Block("furniture", (_line("东山县报", 20, 48),)),  # printed again (a running head): one banner
    )
    return PdfLayout((PAGE,), (first, second), furniture)


def _report() -> Report:
    return report_of_layout(_page(), "page.pdf")


def test_each_article_is_a_section_with_its_headline_and_subheads_in_place() -> None:
    report = _report()
    articles = [s for s in report.sections if s.kind == "article"]
    assert [(a.id, a.title, a.subtitle) for a in articles] == [
        ("a1", "稳中求进谋发展", "县委经济工作会议召开"),
        ("a2", "代表热议报告", "人代会分组讨论"),
    ]
    assert [p.id for p in articles[0].paragraphs] == ["p1"]
    assert [(c.title, [p.id for p in c.paragraphs]) for c in articles[0].children] == [("抓项目 促投资", ["p2"])]
    assert [(c.title, [p.id for p in c.paragraphs]) for c in articles[1].children] == [("共话发展", ["p4"])]
    assert report.pages == (PAGE,) and report.title == "稳中求进谋发展"  # the first article's headline
    assert [(b.paragraph.text, b.position) for b in report.banners] == [
        ("东山县报", "top"),
        ("坚定信心实干争先", "bottom"),
    ]
    assert [c.paragraph.text for c in report.captions] == ["全县干部群众参加活动。记者王明摄"] * 2


def test_every_line_keeps_its_box_and_where_its_text_starts() -> None:
    report = _report()
    paragraph = report.paragraph("p2")
    assert paragraph.text == "会议要求，全力抓好项目建设，今年固定资产投资增长10%以上。"
    assert [(b.page, b.start) for b in paragraph.boxes] == [(0, 0), (0, len("会议要求，全力抓好项目建设，今年"))]
    assert paragraph.boxes[0].y0 < paragraph.boxes[1].y0
    target = next(m for m in report.metrics if m.paragraph == "p2")
    assert boxes_of_span(paragraph.boxes, target.span) == paragraph.boxes[1:]  # the line printing "10%以上"
    headline = report.section("a1")
    assert len(headline.boxes) == 2 and {b.start for b in headline.boxes} == {0, len("稳中求进谋发展")}


def test_the_genre_logic_reads_the_articles() -> None:
    report = _report()
    targets = {(m.indicator, m.value, m.qualifier) for m in report.metrics if m.period == "target"}
    assert ("地区生产总值", 6.0, "about") in targets and ("固定资产投资", 10.0, "at_least") in targets
    assert [(q.speaker, q.role, q.paragraph) for q in report.quotes] == [("张华", "人大代表", "p4")]


def test_outline_search_and_briefing_read_articles() -> None:
    report = _report()
    nodes = build_outline(report)
    assert [n.id for n in nodes if n.headed] == ["a1", "a2"]
    assert ReportSearch(report).search("代表热议").total >= 1  # an article's headline is searched
    text = " ".join(unit.text for block in report_briefing(report).blocks for unit in block.units)
    assert "代表们认为报告实事求是" in text and "会议指出" in text  # both articles on the briefing


def test_a_pdf_is_known_by_its_header() -> None:
    assert is_pdf(b"%PDF-1.7\n...") and is_pdf(b"\xef\xbb\xbf %PDF-1.4") and not is_pdf("报告".encode())


def test_a_pdf_report_round_trips_through_the_parsed_report_cache() -> None:
    report = _report()
    back = report_from_json(report_to_json(report))
    assert back == report and back.pages == (PAGE,)
    assert back.paragraph("p2").boxes == report.paragraph("p2").boxes and back.section("a1").boxes


def test_three_headline_lines_of_one_size_take_the_middle_one_as_title() -> None:
    layout = _page()
    first = layout.articles[0]
    lines = ("前三季度增速居前", "坚定信心冲刺全年", "区委常委会召开会议")
    same_size = tuple(Block("headline", (_line(text, 100 + 40 * i, 30),)) for i, text in enumerate(lines))
    report = report_of_layout(replace(layout, articles=(replace(first, headline=same_size), layout.articles[1])))
    article = report.section("a1")
    assert (article.title, article.subtitle) == ("坚定信心冲刺全年", "前三季度增速居前 区委常委会召开会议")
    assert [box.start for box in article.boxes] == sorted(box.start for box in article.boxes)  # in text order


def test_a_geometry_doubt_is_a_page_layout_warning_and_a_sidecar_is_refused_for_several_articles() -> None:
    layout = replace(_page(), doubts=("Page 1: an article without a headline: 代表们认为",))
    sidecar = Corrections(sections=(SidecarSection("代表热议", ("代表们认为",)),))
    report = report_of_layout(layout, "page.pdf", sidecar)
    assert [w.code for w in report.warnings if w.code in ("page_layout", "sidecar_ignored")] == [
        "sidecar_ignored",
        "page_layout",
    ]


def test_a_briefing_on_one_article_of_a_page_takes_its_meeting_date_and_speakers_from_that_article() -> None:
    first_text = [("1月5日，县委经济工作会议召开。",), ("会议要求抓项目。",)]
    first = _article(40, "稳中求进谋发展", "经济会议", first_text, "抓项目")
    second = _article(440, "代表热议报告", "人代会", [("3月4日，县人民代表大会开幕。",), ("代表们热议。",)], "共话")
    report = report_of_layout(PdfLayout((PAGE,), (first, second)), "page.pdf")
    on_second = section_briefing(report, "s4")  # a section of the second article
    assert (on_second.report_title, on_second.date) == ("代表热议报告", "3月4日")
    whole = report_briefing(report)
    assert (whole.report_title, whole.date) == ("稳中求进谋发展", "1月5日")  # the page's first article
    assert article_view(report, "s4").quotes == () and article_view(report).sections == (report.section("a1"),)
    on_captions = section_briefing(report, "captions")  # the page's own: no article's meeting, date or speakers
    assert (on_captions.report_title, on_captions.date, on_captions.reporters) == ("稳中求进谋发展", "", ())
