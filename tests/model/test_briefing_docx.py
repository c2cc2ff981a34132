"""The .docx writer (briefing_docx): real Word structures, the East Asian font named, report text as data."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from jcviewer.model.briefing import Block, Briefing, Row
from jcviewer.model.briefing_docx import (
    DocxBlock,
    DocxChart,
    DocxContent,
    DocxFonts,
    DocxPage,
    write_briefing_docx,
    xml_text,
)
from jcviewer.model.briefing_text import Unit

FAMILY = "Test Sans CJK"
SERIF = "Test Serif CJK"
PASSAGE = Block(
    "text",
    1,
    units=(
        Unit("一、稳住增长", "heading"),
        Unit("全年经济运行稳中向好。主要指标好于预期。"),
        Unit("会上，王某某指出：“要抓项目、稳投资。”", "quote", "王某某", "县长"),
    ),
)
TARGETS = Block(
    "targets",
    1,
    year=2024,
    rows=(Row("地区生产总值增长", "≈6%", "1%（103亿元）"), Row("一般公共预算收入增长", "6%")),
)


def _briefing(**changes: object) -> Briefing:
    briefing = Briefing(
        "锚定目标 加压奋进",
        "副题",
        "全县经济工作会议",
        "report.txt",
        (PASSAGE, TARGETS),
        date="2024年1月",
        unit="县委办",
    )
    return replace(briefing, **changes)  # type: ignore[arg-type]


def _content(briefing: Briefing | None = None, **changes: object) -> DocxContent:
    content = DocxContent(
        briefing=briefing or _briefing(),
        blocks=(DocxBlock(PASSAGE), DocxBlock(TARGETS, "2024年主要目标", ("指标", "目标", "2023年结果"))),
        size=10.5,
        fonts=DocxFonts(FAMILY, FAMILY, FAMILY),
        page=DocxPage(210, 297, (16, 23, 16, 23), 14, 14),
        head=("会议：全县经济工作会议", "2024年1月　县委办"),
        omitted="另有3条引语未列出。",
        header=("全县经济工作会议", "简报"),
        footer=("来源：report.txt", "打印于2024年1月9日"),
    )
    return replace(content, **changes)  # type: ignore[arg-type]


def _written(tmp_path: Path, content: DocxContent) -> docx.document.Document:
    path = tmp_path / "briefing.docx"
    write_briefing_docx(path, content)
    return docx.Document(str(path))


def _styled(document: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _png() -> bytes:
    """A 2×1 white PNG, made without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff" * 6)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_title_heading_and_sub_heading_are_word_headings(tmp_path: Path) -> None:
    document = _written(tmp_path, _content())
    assert _styled(document, "Title") == ["锚定目标 加压奋进"]
    assert _styled(document, "Heading 2") == ["2024年主要目标"]  # the passage has no title over it
    assert _styled(document, "Heading 3") == ["一、稳住增长"]


def test_targets_are_a_table_with_a_header_row_and_one_row_each(tmp_path: Path) -> None:
    document = _written(tmp_path, _content())
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["指标", "目标", "2023年结果"],
        ["地区生产总值增长", "≈6%", "1%（103亿元）"],
        ["一般公共预算收入增长", "6%", "—"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on a next page
    assert table.rows[1].cells[1].paragraphs[0].runs[0].bold


def test_a_table_without_last_year_has_two_columns(tmp_path: Path) -> None:
    results = Block("results", 6, year=2023, rows=(Row("地区生产总值", "103亿元"),))
    document = _written(tmp_path, _content(blocks=(DocxBlock(results, "2023年成绩", ("指标", "数值")),)))
    assert [[c.text for c in r.cells] for r in document.tables[0].rows] == [
        ["指标", "数值"],
        ["地区生产总值", "103亿元"],
    ]


def test_every_style_used_names_the_east_asian_font(tmp_path: Path) -> None:
    fonts = DocxFonts(SERIF, SERIF, FAMILY)
    document = _written(
        tmp_path, _content(fonts=fonts, blocks=(*_content().blocks, DocxBlock(_list("a", "b"), "任务")))
    )
    used = {p.style.name for p in document.paragraphs} | {"Header", "Footer"}
    assert {"Normal", "Title", "Heading 2", "Heading 3", "List Number"} <= used
    for name in used:
        fonts_element = document.styles[name].element.rPr.find(qn("w:rFonts"))
        expected = FAMILY if name == "Heading 2" else SERIF
        assert fonts_element.get(qn("w:eastAsia")) == expected, name
        assert fonts_element.get(qn("w:eastAsiaTheme")) is None, name  # a theme font would win over the name
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == SERIF
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_the_passage_keeps_its_paragraphs_indented_and_the_speaker_bold(tmp_path: Path) -> None:
    document = _written(tmp_path, _content())
    texts = [p.text for p in document.paragraphs]
    for unit in PASSAGE.units:
        assert unit.text in texts
    body = next(p for p in document.paragraphs if p.text == PASSAGE.units[1].text)
    assert body.paragraph_format.first_line_indent.pt == pytest.approx(21)  # two characters at 10.5 pt
    quote = next(p for p in document.paragraphs if p.text == PASSAGE.units[2].text)
    assert [r.text for r in quote.runs if r.bold] == ["王某某"]
    assert quote.paragraph_format.left_indent.pt > 0


def _list(*lines: str) -> Block:
    return Block("tasks", 2, lines=lines)


def test_lists_are_numbered_paragraphs_each_counting_from_one(tmp_path: Path) -> None:
    blocks = (DocxBlock(_list("甲", "乙"), "重点任务"), DocxBlock(Block("emphases", 8, lines=("丙",)), "工作要求"))
    document = _written(tmp_path, _content(blocks=blocks))
    items = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in items] == ["甲", "乙", "丙"]
    numbers = [p._p.pPr.numPr.numId.val for p in items]
    assert numbers[0] == numbers[1] != numbers[2]  # the second list starts again at 1
    numbering = document.part.numbering_part.element
    for number in set(numbers):
        override = numbering.num_having_numId(number).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_tasks_beside_achievements_share_a_row_as_on_the_pdf(tmp_path: Path) -> None:
    achievements = Block("achievements", 4, lines=("稳",))
    blocks = (DocxBlock(_list("甲"), "重点任务"), DocxBlock(achievements, "工作成效"))
    document = _written(tmp_path, _content(blocks=blocks))
    [table] = document.tables
    assert [cell.paragraphs[0].text for cell in table.rows[0].cells] == ["重点任务", "工作成效"]
    assert [cell.paragraphs[0].style.name for cell in table.rows[0].cells] == ["Heading 2", "Heading 2"]


def test_quote_block_speaker_bold_role_grey(tmp_path: Path) -> None:
    quote = Block("quote", 5, speaker="李某", role="县委书记", lines=("抓落实。",))
    document = _written(tmp_path, _content(blocks=(DocxBlock(quote, "代表发言"),)))
    paragraph = next(p for p in document.paragraphs if "抓落实" in p.text)
    assert paragraph.text == "李某 县委书记：“抓落实。”"
    assert paragraph.runs[0].text == "李某" and paragraph.runs[0].bold
    role = next(r for r in paragraph.runs if r.text == "县委书记")
    assert str(role.font.color.rgb) == "555555"


def test_the_chart_is_a_picture_with_its_legend(tmp_path: Path) -> None:
    chart = DocxChart(_png(), 160, 40, "≈ 左右，≥ 以上")
    figure = Block("chart", 3, year=2024)
    document = _written(tmp_path, _content(blocks=(DocxBlock(figure, "2024年目标一览"),), chart=chart))
    [picture] = document.inline_shapes
    assert picture.width.mm == pytest.approx(160, abs=0.1) and picture.height.mm == pytest.approx(40, abs=0.1)
    assert "≈ 左右，≥ 以上" in [p.text for p in document.paragraphs]


def test_omitted_note_last_in_italic_and_the_bands_in_header_and_footer(tmp_path: Path) -> None:
    document = _written(tmp_path, _content())
    last = document.paragraphs[-1]
    assert last.text == "另有3条引语未列出。" and all(r.italic for r in last.runs)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "全县经济工作会议\t简报"
    assert section.footer.paragraphs[0].text == "来源：report.txt\t打印于2024年1月9日"


def test_paper_and_margins_are_the_ones_given(tmp_path: Path) -> None:
    letter = DocxPage(215.9, 279.4, (20, 25, 18, 30), 12, 15)
    section = _written(tmp_path, _content(page=letter)).sections[0]
    assert section.page_width.mm == pytest.approx(215.9, abs=0.1)
    assert section.page_height.mm == pytest.approx(279.4, abs=0.1)
    margins = (section.left_margin, section.top_margin, section.right_margin, section.bottom_margin)
    assert [m.mm for m in margins] == pytest.approx([20, 25, 18, 30], abs=0.1)
    assert section.header_distance.mm == pytest.approx(12, abs=0.1)


def test_official_style_centres_the_head_and_signs_at_the_end(tmp_path: Path) -> None:
    content = _content(_briefing(style="official", mark="内部资料"), signature=("县委办", "2024年1月"))
    document = _written(tmp_path, content)
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "内部资料" and paragraphs[0].runs[0].bold
    assert paragraphs[1].style.name == "Title" and paragraphs[1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    signature = [p for p in paragraphs if p.alignment == WD_ALIGN_PARAGRAPH.RIGHT]
    assert [p.text for p in signature] == ["县委办", "2024年1月"]


def test_title_and_head_left_out_when_the_reader_says_so(tmp_path: Path) -> None:
    document = _written(tmp_path, _content(_briefing(show_title=False), head=()))
    assert _styled(document, "Title") == []
    assert "锚定目标 加压奋进" not in [p.text for p in document.paragraphs]


def test_report_text_is_data_and_xml_forbidden_characters_are_left_out(tmp_path: Path) -> None:
    strange = "<w:p>&amp;\x00\x07\x0b\ufffe标题\x1f"
    passage = Block("text", 1, units=(Unit(strange),))
    content = _content(_briefing(title=strange, source=strange), blocks=(DocxBlock(passage),), omitted=strange)
    document = _written(tmp_path, content)
    assert _styled(document, "Title") == ["<w:p>&amp;标题"]
    assert [p.text for p in document.paragraphs].count("<w:p>&amp;标题") == 3  # title, passage, note
    assert xml_text("a\tb\nc\x0cd") == "a\tb\ncd"  # tabs and line breaks are text; a form feed is not XML


def test_a_folder_that_does_not_exist_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_briefing_docx(tmp_path / "missing" / "b.docx", _content())


SCHEMA_ORDER = {  # ECMA-376 Part 1, the sequences of the property elements the writer adds children to
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "trPr": (
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
        "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
    ),
    "tcPr": (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange",
    ),
}  # fmt: skip


def _local(element: object) -> str:
    return str(element.tag).split("}")[-1]  # type: ignore[attr-defined]


def test_paragraph_row_and_cell_properties_keep_the_schemas_order(tmp_path: Path) -> None:
    """Word refuses some files whose property elements are out of order."""
    quote = Block("quote", 5, speaker="李某", role="书记", lines=("抓落实。",))
    blocks = (*_content().blocks, DocxBlock(quote, "代表发言"), DocxBlock(_list("甲"), "重点任务"))
    content = _content(_briefing(style="official", mark="内部资料"), blocks=blocks, signature=("县委办",))
    document = _written(tmp_path, content)
    checked = {name: 0 for name in SCHEMA_ORDER}
    for element in document.element.iter():
        order = SCHEMA_ORDER.get(_local(element))
        if order is None:
            continue
        names = [_local(child) for child in element]
        assert [order.index(n) for n in names] == sorted(order.index(n) for n in names), names
        checked[_local(element)] += 1
    assert all(checked.values()), checked  # borders, a repeated header row and shaded cells were among them
