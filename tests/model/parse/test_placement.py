"""Headings pushed to the end of the extraction are put back over their paragraphs, with a confidence."""

from __future__ import annotations

from genre import Column, Page

from jcviewer.model.parse import parse_text
from jcviewer.model.parse.placement import place
from jcviewer.model.report import Report
from jcviewer.model.vocabulary import Synonyms

NO_SYNONYMS = Synonyms(())

ORCHARDS = [
    "苹果园今年扩种苹果树三千亩，苹果产量稳步提高，果农收入持续增加，果园里处处是丰收的景象，"
    "合作社统一收购，苹果不愁销路。",
    "苹果深加工企业落户园区，苹果汁和苹果干远销各地，带动就业一千人，果农在家门口就能打工，苹果产业链越拉越长。",
]
ROADS = [
    "公路建设全面提速，新修农村公路一百公里，公路通村率达到百分之百，群众出门就上硬化路，客车开进了每一个村。",
    "公路养护机制不断完善，公路沿线绿化美化工程同步推进，养护队伍常年巡查，公路两旁绿树成荫，出行条件明显改善。",
]
SCHOOLS = [
    "学校改造工程如期完工，学校新增学位两千个，教育设施焕然一新，新建的教学楼宽敞明亮，操场铺上了塑胶跑道。",
    "学校教师队伍持续壮大，学校引进优秀教师八十名，教育质量稳步提高，学校开展结对帮扶，城乡学校共享优质课程。",
]


def _sections(report: Report) -> list[tuple[str, list[str]]]:
    return [(s.title, [p.text[:4] for p in s.paragraphs]) for s in report.sections if s.kind == "section"]


def _page(columns: list[list[str]], headings: list[tuple[str, str]]) -> str:
    page = Page([Column(paragraphs, width=18) for paragraphs in columns], headings, ["记者 王某 摄影/会场一角"], "")
    return page.text()


def test_headings_pushed_to_the_end_head_the_paragraphs_that_speak_of_them() -> None:
    text = _page(
        [ORCHARDS, ROADS, SCHOOLS], [("苹果满园", "果农增收"), ("公路通村", "出行便利"), ("学校焕新", "教育提质")]
    )
    report = parse_text(text, "page.txt")
    assert _sections(report) == [
        ("苹果满园", ["苹果园今", "苹果深加"]),
        ("公路通村", ["公路建设", "公路养护"]),
        ("学校焕新", ["学校改造", "学校教师"]),
    ]
    assert not [w for w in report.warnings if w.code == "heading_placement"]


def test_a_page_built_to_be_ambiguous_warns_about_its_placements() -> None:
    alike = [
        "这一年各项工作稳步推进，各项任务全面完成，各项事业取得新进展，干部群众干劲十足，发展态势持续向好。",
        "这一年各项工作稳步推进，各项任务全面完成，各项事业取得新成效，干部群众干劲十足，发展态势持续向好。",
        "这一年各项工作扎实推进，各项任务全面落实，各项事业取得新突破，干部群众干劲十足，发展态势持续向好。",
        "这一年各项工作扎实推进，各项任务全面落实，各项事业取得新成绩，干部群众干劲十足，发展态势持续向好。",
    ]
    report = parse_text(_page([alike], [("春华秋实", "砥砺奋进"), ("继往开来", "再创佳绩")]), "page.txt")
    doubts = [w for w in report.warnings if w.code == "heading_placement"]
    assert doubts, "nothing on the page tells where the second heading starts"
    assert all(w.paragraph.startswith("p") and "confidence" in w.message for w in doubts)


def test_numbering_restarts_where_a_section_starts() -> None:
    paragraphs = [
        "开篇概述全局情况。",
        "（一）产值稳步增长。",
        "产值数据如下所述。",
        "（二）投资持续扩大。",
        "投资数据如下所述。",
        "（一）需求拉动明显。",
        "需求数据如下所述。",
        "（二）供给支撑有力。",
    ]
    placement = place(["一、运行特点", "二、增长原因"], paragraphs, NO_SYNONYMS)
    assert placement.runs() == [(0,), (1, 2, 3, 4), (5, 6, 7)]


def test_an_extraction_that_starts_mid_article_is_read_from_the_article_opening() -> None:
    paragraphs = [
        "“学校改造让孩子们有了更好的课堂，”家长说。",  # the extraction starts inside the last article
        "“学校新增学位解决了入学难，”校长说。",
        "1月5日上午，苹果园里一派繁忙，苹果深加工企业正式投产。",  # an article opens here
        "苹果产量稳步提高，果农收入持续增加。",
        "学校改造工程如期完工，师生们纷纷表示：",
    ]
    placement = place(["苹果满园", "学校焕新"], paragraphs, NO_SYNONYMS)
    assert placement.order[0] == 2
    assert placement.runs() == [(), (2, 3), (4, 0, 1)]


def test_numbering_is_read_per_way_of_numbering() -> None:
    paragraphs = ["首先，甲。", "乙。", "（一）丙。", "丁。", "其次，戊。", "（二）己。"]
    placement = place(["一、甲", "二、乙"], paragraphs, NO_SYNONYMS)
    # 首先…其次 and （一）…（二） are two runs: no section starts inside either, so the second starts nowhere
    # in between; both headings still get paragraphs, in order.
    runs = placement.runs()
    assert all(runs[1:]) and [i for run in runs for i in run] == list(range(6))


def test_ties_never_leave_a_heading_without_paragraphs() -> None:
    placement = place(["甲", "甲", "甲"], ["甲。", "乙丙。", "甲。", "丁戊。", "。", "乙丙。"], NO_SYNONYMS)
    assert all(placement.runs()[1:])
    assert all(0.0 <= c <= 1.0 for c in placement.confidence)


def test_a_page_too_large_to_weigh_says_so_once() -> None:
    body = "正文一段，内容写满一行又一行，各项工作扎实推进。\n" * 3000
    headings = "\n\n".join(f"标题{i}号" for i in range(100))
    report = parse_text(body + "\n" + headings + "\n", "big.txt")
    doubts = [w for w in report.warnings if w.code == "heading_placement"]
    assert len(doubts) == 1 and "spread evenly" in doubts[0].message
