"""The navigation tree behind the outline: what each node is and what it points at."""

from __future__ import annotations

import dataclasses

import pytest
from genre import wenshui_page

from jcviewer.model.navigation import (
    Mark,
    Node,
    Uncertainty,
    build_outline,
    enumeration_title,
    find_node,
    first_sentence,
    node_at,
    node_text,
    place_warnings,
    warning_paragraph,
)
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Enumeration, Item, ParseWarning, Report


def kinds(nodes: tuple[Node, ...]) -> list[tuple[str, str]]:
    return [(node.id, node.kind) for node in nodes]


def test_bundled_outline_has_sections_lists_targets_speakers_and_captions(bundled: Report) -> None:
    nodes = build_outline(bundled)
    assert kinds(nodes) == [
        ("lead", "lead"),
        ("s1", "section"),
        ("s2", "section"),
        ("s3", "section"),
        ("captions", "captions"),
        ("banners", "banners"),
    ]
    s2 = find_node(nodes, "s2")
    assert s2.subtitle == "“敲定”全年经济工作总思路"
    assert [(n.kind, n.count) for n in s2.children] == [
        ("enumeration", 6),
        ("enumeration", 9),
        ("enumeration", 5),
        ("targets", 8),
    ]
    assert [n.title for n in find_node(nodes, "p5.list").children][:3] == [
        "坚定不移推进产业转型",
        "全力推进项目建设",
        "把开发区建设摆在更加突出位置",
    ]
    assert find_node(nodes, "p5.list").title == "交城县将重点抓好以下九个方面工作"
    assert find_node(nodes, "p6.list").title == "要突出……"  # a parallel list has no lead-in clause
    targets = find_node(nodes, "s2.targets")
    assert targets.year == 2024
    assert [n.title for n in targets.children][:3] == [
        "地区生产总值增长 ≈6%",
        "一般公共预算收入增长 6%",
        "固定资产投资增长 ≥10%",
    ]
    speakers = find_node(nodes, "s3.quotes").children
    assert [(n.title, n.subtitle) for n in speakers][0] == ("安志远", "交城县工业和信息化局党组书记")
    assert len(speakers) == 5
    assert [n.title for n in find_node(nodes, "captions").children][
        1
    ] == "中共交城县委十六届八次全体会议暨县委经济工作会议现场"


def test_every_node_names_a_real_section_and_marks_inside_its_paragraphs(bundled: Report) -> None:
    ids = []
    for node in (n for top in build_outline(bundled) for n in top.walk()):
        ids.append(node.id)
        section = bundled.section(node.section)
        own = {p.id for s in section.walk() for p in s.paragraphs}
        for mark in node.marks:
            assert mark.paragraph in own
            assert 0 <= mark.span[0] < mark.span[1] <= len(bundled.paragraph(mark.paragraph).text)
    assert len(ids) == len(set(ids))


def test_node_text_is_the_marked_text(bundled: Report) -> None:
    nodes = build_outline(bundled)
    assert node_text(bundled, find_node(nodes, "s2.targets.3")) == "固定资产投资增长10%以上"
    assert node_text(bundled, find_node(nodes, "s3.quotes.1")).startswith(
        "交城县工业和信息化局党组书记安志远：“县委十六届八次全会暨县委经济工作会议，明确了"
    )
    assert node_text(bundled, find_node(nodes, "s1")).startswith("一月的交城")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_speakers_text_keeps_who_said_each_quote_and_its_quotation_marks(seed: int) -> None:
    report = parse_text(wenshui_page(seed).text(), "wenshui.txt")
    speakers = [n for top in build_outline(report) for n in top.walk() if n.kind == "speaker"]
    assert speakers and report.quotes
    for node in speakers:
        said = [q for q in report.quotes if q.speaker == node.title]
        lines = node_text(report, node).split("\n")
        assert lines == [f"{q.role}{q.speaker}：“{q.text}”" for q in said]


def test_a_metric_resolves_to_the_most_specific_node(bundled: Report) -> None:
    nodes = build_outline(bundled)
    by_expression = {m.expression: m for m in bundled.metrics}
    assert node_at(bundled, nodes, "p4", by_expression["10%以上"].span).id == "s2.targets.3"
    assert node_at(bundled, nodes, "p3", by_expression["31个"].span).id == "p3.list.2"
    assert node_at(bundled, nodes, "p2", by_expression["75周年"].span).id == "s1"  # in no item: its section


def test_first_sentence_and_list_titles() -> None:
    assert first_sentence("一是经济运行稳步回升。GDP完成103亿元。") == "一是经济运行稳步回升。"
    assert first_sentence("没有句号的一句话") == "没有句号的一句话"
    assert first_sentence("长" * 100, limit=10) == "长" * 9 + "…"
    assert first_sentence("长" * 80 + "增长6.5%左右，很好。", limit=84) == "长" * 80 + "增长…"  # not "增长6.…"


def test_a_report_of_another_county_gets_its_own_outline() -> None:
    page = wenshui_page(seed=4)
    report = parse_text(page.text(), source="wenshui.txt")
    nodes = build_outline(report)
    all_nodes = {n.id: n for top in nodes for n in top.walk()}
    lists = [n for n in all_nodes.values() if n.kind == "enumeration"]
    assert sorted(n.count for n in lists) == [3, 3, 4]
    assert any(n.title == "文水县将重点抓好以下四个方面工作" for n in lists)
    targets = next(n for n in all_nodes.values() if n.kind == "targets")
    assert targets.count == 5 and "地区生产总值增长 ≈5.5%" in [c.title for c in targets.children]
    speakers = next(n for n in all_nodes.values() if n.kind == "quotes").children
    assert {s.title for s in speakers} >= {"李春生", "孙立新", "赵敏"}


def test_enumeration_title_is_the_lead_in_clause_or_the_marker() -> None:
    def titled(text: str) -> str:
        start = text.index("一是") + 2
        item = Item(1, "一是", "发展", text[start:], (start, len(text)))
        return enumeration_title(text, Enumeration("p1", "ordinal", (item,)))

    assert titled("如何做好工作？全县将重点抓好以下三个方面：一是发展。") == "全县将重点抓好以下三个方面"
    assert titled("会上，一是发展。") == "一是……"  # too short to name the list
    assert titled("一是发展。") == "一是……"


def test_the_bundled_reports_warnings_are_placed_on_the_sections_whose_start_is_in_doubt(bundled: Report) -> None:
    places = place_warnings(bundled, build_outline(bundled))
    assert [(u.paragraph, u.node, u.warning.code) for u in places] == [
        ("p3", "s2", "heading_placement"),
        ("p7", "s3", "heading_placement"),
    ]
    assert [u.warning for u in places] == list(bundled.warnings)


def test_a_warning_is_placed_by_its_paragraph_else_its_line_and_left_out_when_it_names_no_place(
    bundled: Report,
) -> None:
    p5 = bundled.paragraph("p5")
    by_line = ParseWarning("caption_or_body", "could be a caption", line=p5.lines[1])
    whole_report = ParseWarning("sidecar_ignored", "the sidecar matches nothing")
    unknown = ParseWarning("quote_speaker", "no clear speaker", paragraph="p999")
    between = ParseWarning("caption_or_body", "a line outside every paragraph", line=p5.lines[1] + 1)
    assert warning_paragraph(bundled, by_line) == "p5"
    assert warning_paragraph(bundled, whole_report) is None
    assert warning_paragraph(bundled, unknown) is None
    assert warning_paragraph(bundled, between) is None
    report = dataclasses.replace(bundled, warnings=(whole_report, by_line, unknown, between))
    assert place_warnings(report, build_outline(report)) == (Uncertainty(by_line, "p5", "s2"),)


def test_a_warning_goes_to_the_most_specific_node_marking_its_whole_paragraph(bundled: Report) -> None:
    nodes = build_outline(bundled)
    whole_p3 = Node("p3.whole", "item", "整段", "s2", marks=(Mark("p3", (0, len(bundled.paragraph("p3").text))),))
    part_p3 = Node("p3.part", "item", "半段", "s2", marks=(Mark("p3", (0, 5)),))
    places = place_warnings(bundled, (*nodes, part_p3, whole_p3))
    assert [u.node for u in places] == ["p3.whole", "s3"]
