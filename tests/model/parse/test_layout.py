"""Layout repair: reflowing hard-wrapped lines and removing layout spaces."""

from __future__ import annotations

import pytest

from jcviewer.model.parse.layout import (
    group_units,
    one_paragraph_a_line,
    remove_layout_spaces,
    repaired_text,
    split_lines,
    visual_width,
)


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("面 对 交 城 县", "面对交城县"),
        ("增 长 6%", "增长6%"),
        ("2024 年", "2024年"),
        ("103 亿", "103亿"),
        ("固 定 资 产 投 资 增 长 10%以 上 ，社 会", "固定资产投资增长10%以上，社会"),
        ("GDP 连续三年", "GDP连续三年"),
        ("Hello  World", "Hello World"),
        ("version 2 of the PDF", "version 2 of the PDF"),
        ("增长 7 %左右", "增长7%左右"),
    ],
)
def test_layout_spaces_go_latin_spacing_stays(printed: str, repaired: str) -> None:
    assert remove_layout_spaces(printed) == repaired


def test_visual_width_counts_ascii_as_half() -> None:
    assert visual_width("交城 2024 年") == 2 + 2 + 1


def _paragraphs(text: str) -> list[str]:
    return [repaired_text(u) for u in group_units(split_lines(text)) if not u.standalone]


def test_reflow_single_spaced_column() -> None:
    text = "  一月的交城，满眼生机\n勃勃之景，处处踔厉奋发\n之势。\n  会议指出，今年是关键\n的一年。\n"
    assert _paragraphs(text) == ["一月的交城，满眼生机勃勃之景，处处踔厉奋发之势。", "会议指出，今年是关键的一年。"]


def test_reflow_double_spaced_column_with_full_line_ending_a_sentence() -> None:
    # The second line is full width and ends with 。 but the paragraph goes on (the next line is not indented).
    lines = [
        "过去一年，交城县深入贯彻中央和",  # 16 ems: indented
        "省委各项部署。一是经济运行稳步回升。",  # 18 ems: full
        "创新型县建设持续牵引转型发展，举办",  # 18 ems: full, so not a new paragraph
        "峰会等活动。",
        "面对新形势，该县设定预期奋斗目标",
        "，地区生产总值增长6%左右。",
    ]
    text = "\n\n".join(lines)
    assert _paragraphs(text) == [
        "过去一年，交城县深入贯彻中央和省委各项部署。一是经济运行稳步回升。创新型县建设持续牵引转型发展，举办峰会等活动。",
        "面对新形势，该县设定预期奋斗目标，地区生产总值增长6%左右。",
    ]


def test_short_line_without_sentence_end_stands_alone() -> None:
    text = " 全面提升城市品质\n中共交城县委十六届八次全体会议暨县委\n\n经济工作会议对抓好工作提出了要求。\n"
    units = group_units(split_lines(text))
    assert [u.standalone for u in units] == [True, False]
    assert repaired_text(units[0]) == "全面提升城市品质"


def test_number_broken_across_lines_is_joined_and_latin_words_get_a_space() -> None:
    text = "社会消费品零售总额增长 6.\n5%左右，对外贸易 and\ntrade 平稳。"
    assert _paragraphs(text) == ["社会消费品零售总额增长6.5%左右，对外贸易and trade平稳。"]


WEB_LINES = [
    "2025年甲乙县政府工作报告",
    "甲乙县人民政府县长 丙丁",
    "各位代表：",
    "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
    "一、2024年工作回顾",
    "过去的一年，全县上下团结一心、攻坚克难，经济社会发展稳中有进，地区生产总值增长5.8%，一般公共预算收入增长3.2%。",
    "一年来，我们坚持项目为王，新开工亿元以上项目二十个，县城面貌焕然一新，乡村振兴扎实推进，民生实事全部办结。",
]


def test_web_text_is_read_one_paragraph_a_line() -> None:
    text = "\n".join(WEB_LINES) + "\n"
    assert one_paragraph_a_line(split_lines(text))
    units = group_units(split_lines(text))
    assert [(repaired_text(u), u.standalone) for u in units] == [
        ("2025年甲乙县政府工作报告", True),
        ("甲乙县人民政府县长丙丁", True),  # a display line: not joined to the next line
        ("各位代表：", False),
        (WEB_LINES[3], False),
        ("一、2024年工作回顾", True),
        (WEB_LINES[5], False),
        (WEB_LINES[6], False),
    ]


def test_a_printed_column_is_not_one_paragraph_a_line() -> None:
    text = "  一月的交城，满眼生机\n勃勃之景，处处踔厉奋发\n之势。\n  会议指出，今年是关键\n的一年。\n"
    assert not one_paragraph_a_line(split_lines(text))
    lead = "，".join(["全县上下团结一心攻坚克难经济社会发展稳中有进"] * 2) + "，\n"  # one wide lead line
    assert not one_paragraph_a_line(split_lines(lead + text * 3))


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_run_of_bullet_lines_is_a_list_of_paragraphs_a_lone_marked_line_stands_alone(between: str) -> None:
    lines = ["■ 主要预期目标", "●地区生产总值增长6%左右", "●城镇新增就业1万人以上", "■ 重点工作", "●项目建设"]
    units = group_units(split_lines(between.join(lines) + "\n"))
    assert [(repaired_text(u), u.standalone) for u in units] == [
        ("■主要预期目标", True),
        ("●地区生产总值增长6%左右", False),
        ("●城镇新增就业1万人以上", False),
        ("■重点工作", True),
        ("●项目建设", True),  # one item is no list
    ]
