"""Blocks → articles in reading order (read_layout): synthetic pages built in code, then the generated corpus pages
read through extract_pages and held against the generator's truth."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdf_chars import BOLD, KAI, Column, Flow, grid_columns, page, run, words

from jcviewer.model.pdf.articles import doubt, read_layout
from jcviewer.model.pdf.page import Article, Char, PdfLayout, Rect


def _masthead() -> list[Char]:
    return run("云溪报", 120, 70, 44, BOLD, bold=True) + run("2024年12月15日 星期日 第1版", 640, 92, 9)


def _article(x: float, top: float, headline: str, paragraphs: list[str], columns: int = 3) -> list[Char]:
    """Body columns first, the headline drawn after them (as Founder does)."""
    flow = Flow(grid_columns(columns, x, top + 50, 14, 12))
    for text in paragraphs:
        flow.paragraph(text)
    return flow.chars + run(headline, x + 20, top + 36, 30, BOLD, bold=True)


def _texts(article: Article) -> tuple[list[str], list[str], list[str]]:
    return (
        [block.text for block in article.headline],
        [block.text for block in article.flow],
        [block.text for block in article.captions],
    )


def test_a_newspaper_page_reads_as_its_articles_with_the_furniture_apart() -> None:
    first = [words(150), words(60, seed=1), words(200, seed=2)]
    chars = _masthead() + _article(40, 110, "稳中求进谋发展", first)
    layout = read_layout([page(chars)])
    assert [block.text for block in layout.furniture] == ["云溪报", "2024年12月15日星期日第1版"]
    (article,) = layout.articles
    assert _texts(article) == (["稳中求进谋发展"], first, [])
    assert [block.kind for block in article.flow] == ["paragraph"] * 3
    assert layout.doubts == ()


def test_articles_side_by_side_are_each_read_whole_left_first() -> None:
    left, right = [words(120), words(50, seed=4)], [words(140, seed=7)]
    chars = _article(430, 110, "聚焦高质量发展", right, columns=2) + _article(
        40, 110, "实干担当开新局", left, columns=2
    )
    layout = read_layout([page(chars)])
    assert [_texts(article)[:2] for article in layout.articles] == [
        (["实干担当开新局"], left),
        (["聚焦高质量发展"], right),
    ]


def test_articles_one_above_the_other_are_read_top_first() -> None:
    upper, lower = [words(100)], [words(90, seed=9)]
    chars = _article(40, 400, "跑出加速度", lower) + _article(40, 100, "向新而行", upper)
    layout = read_layout([page(chars)])
    assert [_texts(article)[:2] for article in layout.articles] == [(["向新而行"], upper), (["跑出加速度"], lower)]


def test_the_lines_of_a_headline_block_are_its_blocks_in_printed_order() -> None:
    flow = Flow(grid_columns(3, 40, 230, 14, 12))
    flow.paragraph(words(150))
    chars = (
        flow.chars
        + run("前三季度增速居中心城区第二位", 100, 130, 18, BOLD, bold=True)
        + run("坚定信心冲刺四季度", 60, 180, 36, BOLD, bold=True)
        + run("区委常委会召开扩大会议", 110, 215, 18, BOLD, bold=True)
    )
    (article,) = read_layout([page(chars)]).articles
    assert _texts(article)[0] == ["前三季度增速居中心城区第二位", "坚定信心冲刺四季度", "区委常委会召开扩大会议"]
    assert all(block.kind == "headline" for block in article.headline)


def test_a_bold_head_at_body_size_on_its_own_line_is_a_subhead_in_place() -> None:
    flow = Flow(grid_columns(2, 40, 160, 20, 20))
    flow.paragraph(words(60))
    flow.heading("一、总体情况")
    flow.paragraph(words(70, seed=2))
    chars = flow.chars + run("政府工作报告", 100, 140, 30, BOLD, bold=True)
    (article,) = read_layout([page(chars)]).articles
    assert [(block.kind, block.text) for block in article.flow] == [
        ("paragraph", words(60)),
        ("subhead", "一、总体情况"),
        ("paragraph", words(70, seed=2)),
    ]


def test_a_bold_head_broken_over_two_lines_is_one_subhead() -> None:
    flow = Flow(grid_columns(1, 40, 160, 12, 30))
    flow.paragraph(words(40))
    flow.heading("相较于一季度泉州与福州间")  # twelve ems: the column's full width
    flow.heading("差距拉大")
    flow.paragraph(words(30, seed=2))
    chars = flow.chars + run("经济运行", 60, 140, 30, BOLD, bold=True)
    (article,) = read_layout([page(chars)]).articles
    assert [(block.kind, block.text) for block in article.flow] == [
        ("paragraph", words(40)),
        ("subhead", "相较于一季度泉州与福州间差距拉大"),
        ("paragraph", words(30, seed=2)),
    ]


def test_a_caption_under_a_photo_joins_its_article_and_leaves_the_flow() -> None:
    flow = Flow(grid_columns(2, 40, 420, 14, 12))
    flow.paragraph(words(150))
    photo = Rect(40, 160, 300, 390)
    caption = run("图为工人在车间生产", 40, 405, 8, KAI)
    chars = flow.chars + caption + run("工业经济稳中向好", 60, 140, 30, BOLD, bold=True)
    layout = read_layout([page(chars, figures=[photo])])
    (article,) = layout.articles
    assert _texts(article) == (["工业经济稳中向好"], [words(150)], ["图为工人在车间生产"])


def test_a_credit_line_is_a_caption_and_a_paragraph_ending_in_the_same_word_is_not() -> None:
    flow = Flow(grid_columns(1, 40, 160, 30, 30))
    flow.paragraph("本报记者在现场拍摄")
    flow.paragraph(words(70))
    chars = (
        flow.chars + run("田间地头忙春耕 记者 张三 摄", 40, 120, 9, KAI) + run("春耕", 100, 140, 30, BOLD, bold=True)
    )
    (article,) = read_layout([page(chars)]).articles
    assert [block.text for block in article.captions] == ["田间地头忙春耕记者张三摄"]
    assert [block.text for block in article.flow] == ["本报记者在现场拍摄", words(70)]


def test_a_report_over_pages_is_one_article_its_paragraphs_joined_over_the_break() -> None:
    long = words(700, seed=1)
    flow = Flow(grid_columns(1, 72, 100, 30, 40), size=12, pitch=1.7)
    flow.paragraph(words(300))
    flow.paragraph(long)
    split = [char for char in flow.chars]
    first_page = [char for char in split if char.rect.y0 < 900]
    pages = []
    for number, chars in enumerate((first_page, split[len(first_page) :])):
        furniture = run("工作报告（摘要）", 250, 60, 9) + run(f"- {number + 1} -", 290, 800, 9)
        if number:  # the second page's text starts at its top
            chars = [_shifted(char, -860) for char in chars]
        else:
            chars = chars + run("政府工作报告", 200, 80, 22, BOLD, bold=True)
        pages.append(page(furniture + chars, number=number, height=842))
    layout = read_layout(pages)
    (article,) = layout.articles
    assert _texts(article)[:2] == (["政府工作报告"], [words(300), long])
    assert sorted(block.text for block in layout.furniture) == ["-1-", "-2-", "工作报告（摘要）", "工作报告（摘要）"]


def _shifted(char: Char, dy: float) -> Char:
    rect = char.rect
    return Char(char.text, Rect(rect.x0, rect.y0 + dy, rect.x1, rect.y1 + dy), char.size, char.font, char.bold)


def test_an_article_without_a_headline_beside_others_is_kept_and_doubted() -> None:
    bare = Flow(grid_columns(2, 430, 160, 14, 12))
    bare.paragraph(words(100, seed=3))
    chars = _article(40, 110, "实干担当开新局", [words(120)], columns=2) + bare.chars
    layout = read_layout([page(chars)])
    assert [_texts(article)[:2] for article in layout.articles] == [
        (["实干担当开新局"], [words(120)]),
        ([], [words(100, seed=3)]),
    ]
    assert len(layout.doubts) == 1 and "without a headline" in layout.doubts[0]


def _ragged(lines: list[tuple[int, str]], size: float = 10.0, x: float = 60, top: float = 160) -> list[Char]:
    """Lines set left-aligned (not justified) from ``x``, each (indent in ems, text), at a pitch of 1.5 ems."""
    chars: list[Char] = []
    for number, (indent, text) in enumerate(lines):
        chars += run(text, x + indent * size, top + number * 1.5 * size, size)
    return chars


def test_a_ragged_line_ending_short_mid_sentence_goes_on_in_a_column_of_indented_paragraphs() -> None:
    first = [(2, "全县上下认真贯彻落实决策部署坚持稳"), (0, "中求进工作总基调经济社会发展取得新成"), (0, "效。")]
    second = [(2, "一是坚持项目为王新开工重点项目四十"), (0, "个完成投资一百二十亿元引进亿元"), (0, "以上项目十五个。")]
    # the column is 19 ems wide; the second paragraph's middle line stops 4 ems short of its edge, mid-sentence
    chars = _ragged(first + second) + run("工作报告摘要", 100, 120, 28, BOLD, bold=True)
    (article,) = read_layout([page(chars)]).articles
    assert [block.text for block in article.flow] == ["".join(text for _, text in lines) for lines in (first, second)]


def test_in_a_justified_column_without_indents_a_short_line_ends_its_paragraph() -> None:
    first = [(0, "全县上下认真贯彻落实决策部署坚持稳中求"), (0, "进工作总基调")]
    second = [(0, "一是坚持项目为王新开工重点项目四十个完"), (0, "成投资一百二十亿元。")]
    chars = _ragged(first + second) + run("工作报告摘要", 100, 120, 28, BOLD, bold=True)
    (article,) = read_layout([page(chars)]).articles
    assert [block.text for block in article.flow] == ["".join(text for _, text in lines) for lines in (first, second)]


def test_latin_text_set_ragged_right_parts_its_paragraphs_at_the_white_between_them() -> None:
    first = ["The quick brown fox jumps over", "several lazy dogs. They run far away", "into the woods."]
    second = ["Then a second paragraph begins with", "more words."]
    chars = _ragged([(0, text) for text in first]) + _ragged([(0, text) for text in second], top=160 + 3.8 * 15)
    layout = read_layout([page(chars)])
    (article,) = layout.articles
    assert [[line.text for line in block.lines] for block in article.flow] == [first, second]
    assert layout.doubts == ()


TARGETS = [
    ("指标", "2025年目标", "2024年完成"),
    ("地区生产总值增长", "6%左右", "5.1%"),
    ("规模以上工业增加值增长", "7%", "6.8%"),
    ("固定资产投资增长", "8%左右", "4.2%"),
    ("社会消费品零售总额增长", "6.5%", "5.5%"),
    ("一般公共预算收入增长", "5%", "3.9%"),
    ("城镇调查失业率", "5.5%以内", "5.1%"),
    ("居民消费价格涨幅", "2%左右", "0.3%"),
]


def test_paragraphs_set_without_indents_are_parted_by_the_white_between_them() -> None:
    first = [(0, "全县上下认真贯彻落实决策部署坚持稳中求"), (0, "进工作总基调经济社会发展取得新的成效。")]
    second = [(0, "一是坚持项目为王新开工重点项目四十个完"), (0, "成投资一百二十亿元引进亿元以上项目。")]
    chars = _ragged(first) + _ragged(second, top=160 + 2 * 15 + 10) + run("工作报告摘要", 100, 120, 28, BOLD, bold=True)
    (article,) = read_layout([page(chars)]).articles
    assert [block.text for block in article.flow] == ["".join(text for _, text in lines) for lines in (first, second)]


def test_a_table_of_targets_is_read_row_by_row_in_its_article() -> None:
    before, after = words(60), words(40, seed=5)
    chars = run("政府工作报告", 200, 120, 28, BOLD, bold=True)
    chars += _ragged([(2, before[:37]), (0, before[37:])], top=170)
    for number, cells in enumerate(TARGETS):
        baseline = 230 + number * 18
        for x, cell in zip((60, 220, 300), cells, strict=True):
            chars += run(cell, x, baseline, 10)
    chars += _ragged([(2, after)], top=230 + len(TARGETS) * 18 + 10)
    layout = read_layout([page(chars)])
    (article,) = layout.articles
    assert [block.text for block in article.flow] == [before, *(" ".join(cells) for cells in TARGETS), after]
    assert all(len(block.lines) == 1 for block in article.flow[1:-1])
    assert layout.doubts == ()


def test_a_table_cell_broken_over_lines_stays_in_its_row_and_a_category_row_stands_alone() -> None:
    rows = [
        (["一、经济发展"], "", ""),
        (["地区生产总值增长"], "6%左右", "5.1%"),
        (["规模以上工业", "增加值增长"], "7%", "6.8%"),  # the name broken over two lines, the figures on its first
        (["固定资产投资增长"], "8%左右", "4.2%"),
        (["二、民生保障"], "", ""),
        (["城镇调查失业率"], "5.5%以内", "5.1%"),
    ]
    chars = run("主要指标", 60, 130, 20, BOLD, bold=True)
    for number, (name, target, done) in enumerate(rows):
        baseline = 170 + number * 24
        for line, text in enumerate(name):
            chars += run(text, 60, baseline + line * 12, 10)
        chars += run(target, 220, baseline, 10) + run(done, 300, baseline, 10)
    layout = read_layout([page(chars)])
    (article,) = layout.articles
    assert [block.text for block in article.flow] == [
        "一、经济发展",
        "地区生产总值增长 6%左右 5.1%",
        "规模以上工业增加值增长 7% 6.8%",
        "固定资产投资增长 8%左右 4.2%",
        "二、民生保障",
        "城镇调查失业率 5.5%以内 5.1%",
    ]
    assert layout.doubts == ()


def test_text_columns_on_one_baseline_grid_are_no_table() -> None:
    chars = _article(40, 110, "稳中求进谋发展", [words(150), words(60, seed=1)])
    (article,) = read_layout([page(chars)]).articles
    assert [block.text for block in article.flow] == [words(150), words(60, seed=1)]


def test_columns_far_apart_on_a_page_without_headlines_are_one_text_and_no_doubt() -> None:
    flow = Flow([Column(40 + number * 20 * 9, 100, 14, 12) for number in range(3)])
    paragraphs = [words(200), words(150, seed=3)]
    for text in paragraphs:
        flow.paragraph(text)
    layout = read_layout([page(flow.chars)])
    assert [[block.text for block in article.flow] for article in layout.articles] == [paragraphs]
    assert layout.doubts == ()


def test_a_doubt_is_one_line_naming_its_page_and_the_start_of_its_text() -> None:
    assert doubt(2, "an article without a headline", "代表们认为\n" + "发展" * 30) == (
        "Page 3: an article without a headline: 代表们认为 " + "发展" * 12 + "…"
    )


def test_no_pages_read_as_nothing() -> None:
    assert read_layout([]) == PdfLayout((), ())


# ------------------------------------------------------------------------------------ the generated corpus pages


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def generated(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, PdfLayout]]:
    newspaper_pdf = pytest.importorskip("newspaper_pdf")
    from jcviewer.model.pdf.extract import extract_pages

    try:
        made = newspaper_pdf.corpus_pages(tmp_path_factory.mktemp("pages"))
    except FileNotFoundError:
        pytest.skip("no corpus beside the repository")
    return [(truth, read_layout(extract_pages(Path(path).read_bytes(), str(path)))) for path, truth in made]


def test_generated_pages_read_back_their_headlines_subheads_paragraphs_and_captions(
    generated: list[tuple[object, PdfLayout]],
) -> None:
    for truth, layout in generated:
        assert [[_plain(block.text) for block in article.headline] for article in layout.articles] == [
            [_plain(item.text) for item in article.headline]
            for article in truth.articles  # type: ignore[attr-defined]
        ], truth.path  # type: ignore[attr-defined]
        for read, printed in zip(layout.articles, truth.articles, strict=True):  # type: ignore[attr-defined]
            assert [(block.kind, _plain(block.text)) for block in read.flow] == [
                (item.kind, _plain(item.text)) for item in printed.flow
            ], truth.path  # type: ignore[attr-defined]
            assert [_plain(block.text) for block in read.captions] == [_plain(item.text) for item in printed.captions]


def test_generated_pages_keep_their_furniture_out_of_the_articles(generated: list[tuple[object, PdfLayout]]) -> None:
    for truth, layout in generated:
        printed = {_plain(item.text) for item in truth.furniture}  # type: ignore[attr-defined]
        assert {_plain(block.text) for block in layout.furniture} == printed, truth.path  # type: ignore[attr-defined]
