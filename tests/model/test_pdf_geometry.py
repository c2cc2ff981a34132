"""Characters → regions → lines on synthetic pages: gutters found before lines are joined, hanging punctuation kept
on its line, text joined without spaces between CJK, indents, vertical headlines."""

from __future__ import annotations

import pytest
from pdf_chars import BOLD, Flow, break_lines, grid_columns, page, run, stacked, words

from jcviewer.model.pdf.geometry import body_size, page_regions
from jcviewer.model.pdf.kinds import CAPTION_FONT
from jcviewer.model.pdf.page import Char, Rect


def _texts(chars: list[Char]) -> list[list[str]]:
    layout = page(chars)
    return [[line.text_line.text for line in region.lines] for region in page_regions(layout, body_size(layout.chars))]


def test_a_two_em_gutter_with_hanging_punctuation_parts_the_columns() -> None:
    # 16-em columns, 2-em gutters; the comma after the 16th character hangs into the gutter on every line
    line = "一二三四五六七八九十百千万亿兆京"
    chars: list[Char] = []
    for row in range(8):
        for column in range(3):
            x = 40 + column * 18 * 9
            chars += run(line, x, 100 + row * 13.5, 9)
            chars += run("，", x + 16 * 9, 100 + row * 13.5, 9)
    assert _texts(chars) == [[line + "，"] * 8] * 3


def test_columns_are_read_left_to_right_each_top_to_bottom_whatever_the_drawing_order() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 4))
    flow.paragraph(words(80))
    texts = _texts(list(reversed(flow.chars)))
    assert [len(region) for region in texts] == [4, 4]
    assert "".join(text for region in texts for text in region) == words(80)


def test_a_headline_drawn_after_its_body_reads_first_and_whole() -> None:
    flow = Flow(grid_columns(3, 40, 160, 14, 6))
    flow.paragraph(words(200))
    headline = run("坚定信心冲刺四季度", 120, 140, 30, BOLD, bold=True)
    texts = _texts(flow.chars + headline)
    assert texts[0] == ["坚定信心冲刺四季度"]
    assert len(texts) == 4


def test_cjk_is_joined_without_spaces_and_latin_words_keep_theirs() -> None:
    chars = run("增长 GDP 10.6% 了", 40, 100, 9, step=12)  # justified: CJK spread 3 points apart
    assert _texts(chars) == [["增长GDP 10.6%了"]]


def test_a_headline_keeps_the_space_between_its_phrases_and_a_body_line_does_not() -> None:
    body = Flow(grid_columns(1, 40, 200, 14, 20))
    body.paragraph(words(60))
    headline = run("向新而行 以质取胜", 40, 100, 30)  # set solid, a space between the phrases
    spread = run("增长 提速", 40, 420, 9, step=12)  # a justified body line: the spread and the gap are no space
    texts = [text for region in _texts(body.chars + headline + spread) for text in region]
    assert "向新而行 以质取胜" in texts and "增长提速" in texts


def test_a_paragraph_start_is_indented_from_the_column_edge() -> None:
    flow = Flow(grid_columns(1, 40, 100, 14, 20))
    flow.paragraph(words(40))
    flow.paragraph(words(20, seed=3))
    layout = page(flow.chars)
    (region,) = page_regions(layout, body_size(layout.chars))
    assert [line.text_line.indented for line in region.lines] == [True, False, False, False, True, False]


def test_stacked_large_characters_read_top_to_bottom_as_one_line() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 10))
    flow.paragraph(words(200))
    texts = _texts(flow.chars + stacked("向新而行", 320, 100, 30))
    assert ["向新而行"] in texts


def test_characters_set_vertically_read_as_one_line() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 10))
    flow.paragraph(words(200))
    texts = _texts(flow.chars + stacked("以质取胜", 320, 100, 30, turned=True))
    assert ["以质取胜"] in texts


def test_a_vertical_headline_right_of_its_body_reads_first() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 10))
    flow.paragraph(words(200))
    texts = _texts(flow.chars + stacked("向新而行", 320, 100, 30))
    assert texts[0] == ["向新而行"]


def test_a_subhead_overhanging_the_gutter_does_not_join_the_columns() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 20))
    flow.paragraph(words(100))
    flow.heading("一二三四五六七八九十", size=12)  # wider than the column: runs 12 points into the gutter
    flow.paragraph(words(100, seed=5))
    texts = _texts(flow.chars)
    assert all(len(text) <= 14 for region in texts for text in region)


def test_break_lines_hangs_a_comma_that_would_start_a_line() -> None:
    assert break_lines("一二三四，五六", 4, indent=0) == [("一二三四", "，"), ("五六", "")]


def test_an_empty_page_has_no_regions() -> None:
    assert page_regions(page([]), 0.0) == ()


def test_a_region_frame_is_its_column() -> None:
    flow = Flow(grid_columns(2, 40, 100, 12, 4))
    flow.paragraph(words(80))
    layout = page(flow.chars)
    frames = [region.frame for region in page_regions(layout, body_size(layout.chars))]
    assert [(frame.x0, frame.x1) for frame in frames] == [(40, 40 + 12 * 9), (40 + 14 * 9, 40 + 26 * 9)]
    assert isinstance(frames[0], Rect)


def test_a_white_band_across_all_columns_under_a_headline_does_not_cut_them() -> None:
    # two columns with a blank row at the same height in both, under a headline over both
    chars = run("坚定信心冲刺四季度", 60, 80, 30, BOLD, bold=True)
    rows = [row for row in range(10) if row != 5]
    for column, stock in enumerate(("甲乙丙丁戊己庚辛壬", "子丑寅卯辰巳午未申")):
        for row in rows:
            chars += run(stock[rows.index(row)] * 12, 40 + column * 14 * 9, 120 + row * 13.5, 9)
    texts = _texts(chars)
    assert texts[0] == ["坚定信心冲刺四季度"]
    assert [text[0] for region in texts[1:] for text in region] == list("甲乙丙丁戊己庚辛壬子丑寅卯辰巳午未申")


@pytest.mark.parametrize(
    ("name", "caption"),
    [
        ("FZFSK--GBK1-0", True),
        ("FZFSJW--GB1-0", True),
        ("FZKTK--GBK1-0", True),
        ("FZKTJW--GB1-0", True),
        ("FZKai-Z03S", True),
        ("FZFangSong-Z02S", True),
        ("FangSong_GB2312", True),
        ("KaiTi_GB2312", True),
        ("STFangsong", True),
        ("STKaiti", True),
        ("SimKai", True),
        ("AdobeKaitiStd-Regular", True),
        ("方正仿宋简体", True),
        ("华文楷体", True),
        ("NotoSansCJKtc-Regular", False),
        ("NotoSerifCJKtc-Bold", False),
        ("Tektonpro", False),
        ("FS-Albert", False),
        ("FZSSK--GBK1-0", False),
        ("FZShuSong-Z01S", False),
        ("FZHTK--GBK1-0", False),
        ("SimSun", False),
        ("Kailasa", False),
    ],
)
def test_caption_faces_are_known_by_name_and_by_founder_code(name: str, caption: bool) -> None:
    assert (CAPTION_FONT.search(name) is not None) is caption
