"""Reports of the same genre written by the tests: other numbers, speakers, headings and column layouts."""

from __future__ import annotations

from genre import Column, Page, wenshui_page
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lossless import element_characters, input_characters

from jcviewer.model.parse import parse_text


def test_another_county_parses_completely() -> None:
    page = wenshui_page()
    text = page.text()
    report = parse_text(text, "wenshui.txt")
    assert [p.text for p in report.paragraphs() if p.kind == "body"] == page.paragraphs
    assert report.section("lead").paragraphs[0].text == page.lead
    assert [(h.title, h.subtitle) for h in report.headings] == page.headings
    # Without a sidecar each heading heads the column that speaks of it.
    headed = [s for s in report.sections if s.kind == "section"]
    assert [[p.text for p in s.paragraphs] for s in headed] == [c.paragraphs for c in page.columns]
    assert [c.paragraph.text for c in report.captions] == page.captions
    assert [c.printed_twice for c in report.captions] == [True, False, False]
    assert [b.paragraph.text for b in report.banners] == list(page.banners)
    assert report.title == "中共文水县委十五届六次全体会议暨县委经济工作会议"
    assert [(q.speaker, q.role) for q in report.quotes] == [
        ("李春生", "文水县凤城镇党委书记、镇长"),
        ("孙立新", "县农业农村局局长"),
        ("赵敏", "山西文峪食品有限公司总经理"),
    ]
    assert [(e.kind, [i.title for i in e.items]) for e in report.enumerations] == [
        ("ordinal", ["经济总量持续扩大", "项目建设提速增效", "民生保障有力有效"]),
        ("ordinal", ["加快产业升级", "扩大有效投资", "推进乡村振兴", "保障改善民生"]),
        ("parallel", ["创新驱动", "项目为王", "民生为本"]),
    ]
    targets = {m.label: (m.value, m.qualifier) for m in report.metrics if m.period == "target"}
    assert targets == {
        "地区生产总值增长": (5.5, "about"),
        "一般公共预算收入增长": (5, "exact"),
        "固定资产投资增长": (12, "at_least"),
        "社会消费品零售总额增长": (7, "about"),
        "约束性指标": (None, "qualitative"),
    }
    results = {(m.indicator, m.measure, m.value, m.unit) for m in report.metrics if m.period == "result"}
    assert {
        ("地区生产总值", "完成", 88, "亿元"),
        ("地区生产总值", "增长", 4.5, "%"),
        ("固定资产投资", "增长", 15.2, "%"),
        ("规模以上工业企业", "净增", 8, "户"),
    } <= results
    assert {"十四五", "三大战略", "绘就"} <= set(report.terms)
    assert element_characters(report) == input_characters(text)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    gdp=st.decimals("1", "12", places=1).map(float),
    invest=st.integers(1, 30),
    retail=st.decimals("1", "12", places=1).map(float),
    widths=st.lists(st.integers(15, 23), min_size=3, max_size=3),
    double=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_any_column_layout_and_numbers(
    seed: int, gdp: float, invest: int, retail: float, widths: list[int], double: list[bool]
) -> None:
    # A column only 1-2 ems wider than the one before, starting right after a full last line, reads as
    # the same paragraph going on: the extracted text cannot tell them apart, so adjacent columns here are
    # either the same width or clearly different.
    assume(all(a == b or abs(a - b) >= 3 for a, b in zip(widths, widths[1:], strict=False)))
    base = wenshui_page(seed, gdp=gdp, invest=invest, retail=retail)
    page = Page(
        columns=[Column(c.paragraphs, w, d) for c, w, d in zip(base.columns, widths, double, strict=True)],
        headings=base.headings,
        captions=base.captions,
        lead=base.lead,
        seed=seed,
    )
    text = page.text()
    report = parse_text(text)
    assert [p.text for p in report.paragraphs() if p.kind == "body"] == page.paragraphs
    targets = {m.label: (m.value, m.qualifier) for m in report.metrics if m.period == "target"}
    assert targets["地区生产总值增长"] == (gdp, "about")
    assert targets["固定资产投资增长"] == (invest, "at_least")
    assert targets["社会消费品零售总额增长"] == (retail, "about")
    assert len(report.quotes) == 3
    assert element_characters(report) == input_characters(text)
