"""Layout repair: reflowing hard-wrapped lines and removing layout spaces."""

from __future__ import annotations

import pytest

from jcviewer.model.parse.layout import group_units, remove_layout_spaces, repaired_text, split_lines, visual_width


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
