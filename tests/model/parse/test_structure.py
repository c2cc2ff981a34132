"""Page structure from evidence: captions, headings, banners and body lines that stand alone."""

from __future__ import annotations

import pytest

from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report

BODY = (
    "过去一年，全县经济稳步增长，各项事业全面进步，人\n"
    "民生活持续改善，发展态势持续向好，群众满意度不\n"
    "断提高，干部群众干劲十足，各项工作扎实推进。\n"
)
MORE = (
    "新的一年，全县将扎实推进项目建设，加快产业转型，\n"
    "持续改善民生，努力实现经济社会发展各项目标任务，\n"
    "奋力开创高质量发展新局面，让群众得到更多实惠。\n"
)


def _body(report: Report) -> list[str]:
    return [p.text for p in report.paragraphs() if p.kind == "body"]


def test_a_caption_at_the_page_edge_is_a_caption_not_a_banner() -> None:
    report = parse_text("记者 王某 摄\n\n" + BODY + "\n" + MORE + "\n图为会议现场\n")
    assert [c.paragraph.text for c in report.captions] == ["记者王某摄", "图为会议现场"]
    assert not report.banners


def test_a_headline_block_at_the_top_stays_apart_from_the_first_paragraph() -> None:
    report = parse_text("全县经济工作会议召开\n奋力谱写高质量发展新篇章\n\n" + BODY + "\n" + MORE)
    assert [(h.title, h.subtitle) for h in report.headings] == [("全县经济工作会议召开", "奋力谱写高质量发展新篇章")]
    assert [p[:4] for p in _body(report)] == ["过去一年", "新的一年"]


def test_headings_pushed_to_the_end_without_blank_lines_stay_headings() -> None:
    report = parse_text(BODY + MORE + "苹果满园\n果农增收\n公路通村\n出行便利\n学校焕新\n教育提质\n")
    assert [h.title for h in report.headings] == [
        "苹果满园",
        "果农增收",
        "公路通村",
        "出行便利",
        "学校焕新",
        "教育提质",
    ]
    assert not [w for w in report.warnings if w.code == "caption_or_body"]


def test_a_line_of_running_text_standing_alone_stays_body_with_a_warning() -> None:
    report = parse_text(BODY + "\n在讨论中，大家一致认为，报告实事求是，\n\n" + MORE)
    assert any("在讨论中" in text for text in _body(report))
    assert not report.captions
    assert [w.code for w in report.warnings] == ["caption_or_body"]


def test_people_in_a_headline_are_not_a_photo_caption() -> None:
    report = parse_text(BODY + "\n代表委员在行动\n\n" + MORE + "\n县长王某某在会上讲话\n")
    assert [h.title for h in report.headings] == ["代表委员在行动"]
    assert [c.paragraph.text for c in report.captions] == ["县长王某某在会上讲话"]


def test_a_caption_printed_twice_over_a_line_break_is_kept_once() -> None:
    text = BODY + "\n图为AB\nC图为ABC\n\n" + MORE
    report = parse_text(text)
    assert [(c.paragraph.text, c.printed_twice) for c in report.captions] == [("图为AB C图为ABC", False)]


# A made-up county's government work report as text copied from a web page: one paragraph (or heading) a line.
WEB_REPORT = [
    "2025年甲乙县政府工作报告",
    "——2025年1月6日在甲乙县第十八届人民代表大会第五次会议上",
    "甲乙县人民政府县长 丙丁",
    "各位代表：",
    "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
    "一、2024年工作回顾",
    "过去的一年，面对复杂严峻的外部环境，全县上下团结一心、攻坚克难，经济社会发展稳中有进。初步统计，"
    "全县地区生产总值增长5.8%，一般公共预算收入增长3.2%，社会消费品零售总额增长4.6%。",
    "一年来，我们坚持项目为王，新开工亿元以上项目二十个，县城面貌焕然一新，乡村振兴扎实推进，"
    "民生实事全部办结，群众获得感幸福感安全感不断增强。",
    "二、2025年工作安排",
    "2025年经济社会发展的主要预期目标是：",
    "●地区生产总值增长6%左右",
    "●一般公共预算收入增长4%",
    "●城镇调查失业率5.5%以内",
    "做好今年工作，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力扩大有效需求，持续改善民生，"
    "推动经济实现质的有效提升和量的合理增长。",
]


def _outline(report: Report) -> list[tuple[str, str, list[str]]]:
    return [(s.title, s.subtitle, [p.text for p in s.paragraphs]) for s in report.sections]


@pytest.mark.parametrize("between", ["\n", "\n\n", "\n\n    "], ids=["lines", "blank-lines", "blank-lines-indented"])
def test_web_text_one_paragraph_a_line_title_front_matter_and_list(between: str) -> None:
    report = parse_text(between.join(WEB_REPORT) + "\n", source="web.txt")
    assert report.title == "2025年甲乙县政府工作报告"
    assert not report.banners
    assert _outline(report) == [
        (WEB_REPORT[0], WEB_REPORT[1], ["甲乙县人民政府县长丙丁", "各位代表：", WEB_REPORT[4]]),
        ("一、2024年工作回顾", "", WEB_REPORT[6:8]),
        ("二、2025年工作安排", "", WEB_REPORT[9:]),
    ]
    assert not [w for w in report.warnings if w.code == "caption_or_body"]


@pytest.mark.parametrize("slogan", ["全力冲刺目标", "深入学习贯彻全会精神"])
def test_a_first_line_that_is_no_report_s_name_is_not_the_title(slogan: str) -> None:
    report = parse_text("\n".join([slogan, *WEB_REPORT[3:]]) + "\n", source="web.txt")
    assert report.title != slogan
    assert slogan not in [s.title for s in report.sections]  # a slogan: a banner, as on a printed page


def test_bullet_items_under_a_marked_head_in_a_printed_column() -> None:
    page = "\n".join(["■ 主要预期目标", "●地区生产总值增长6%左右", "●城镇新增就业1万人以上", "■ 重点工作"]) + "\n"
    report = parse_text(BODY + "\n" + page + "\n" + MORE)
    assert _outline(report)[1:] == [
        ("■ 主要预期目标", "", ["●地区生产总值增长6%左右", "●城镇新增就业1万人以上"]),
        ("■ 重点工作", "", [p.text for p in parse_text(MORE).paragraphs()]),
    ]


def test_a_line_giving_the_paper_and_the_date_is_front_matter_not_a_heading() -> None:
    lines = [
        "政府工作报告摘要",
        "甲乙日报 2025年01月17日",
        "■ 2024年成绩单",
        "●全县地区生产总值增长6%左右",
        "●粮食总产稳定",
    ]
    report = parse_text("\n\n".join(lines) + "\n", source="web.txt")
    assert report.title == "政府工作报告摘要"
    assert _outline(report) == [
        ("政府工作报告摘要", "", ["甲乙日报2025年01月17日"]),
        ("■ 2024年成绩单", "", lines[3:]),
    ]


def test_a_title_that_reads_like_a_name_line_is_still_the_title() -> None:
    report = parse_text("县长讲话\n\n各位代表：\n")  # 县长 and two more characters, as in 县长 某某
    assert (report.title, _outline(report)) == ("县长讲话", [("县长讲话", "", ["各位代表："])])
