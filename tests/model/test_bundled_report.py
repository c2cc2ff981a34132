"""The bundled report parses into the model a reader of the printed page expects."""

from __future__ import annotations

import re
from pathlib import Path

from lossless import element_characters, input_characters

from jcviewer.model.report import Report


def body(report: Report) -> list[str]:
    return [p.text for p in report.paragraphs() if p.kind == "body"]


def test_thirteen_body_paragraphs_without_layout_spaces(bundled: Report) -> None:
    paragraphs = body(bundled)
    assert len(paragraphs) == 13
    for text in paragraphs:
        assert not re.search(r"\s", text), text
        assert text[-1] in "。！？”"
    assert "面对交城县发展进入新阶段的新形势、新任务、新挑战" in "".join(paragraphs)
    assert "固定资产投资增长10%以上，社会消费品零售总额增长6.5%左右" in "".join(paragraphs)
    assert "1至10月交城县排全市第5名。三是改革创新持续深化。创新型县建设" in "".join(paragraphs)


def test_page_furniture(bundled: Report) -> None:
    assert [(b.paragraph.text, b.position) for b in bundled.banners] == [
        ("全面提升城市品质", "top"),
        ("办好人民满意教育", "bottom"),
    ]
    captions = [c.paragraph.text for c in bundled.captions]
    assert len(captions) == len(set(captions)) == 3
    assert [c.printed_twice for c in bundled.captions].count(True) == 1
    assert "中共交城县委十六届八次全体会议暨县委经济工作会议现场" in captions
    lead = bundled.section("lead").paragraphs[0].text
    assert lead.startswith("中流击水当奋楫") and lead.endswith("跑出好成绩。")


def test_sections_follow_the_printed_page(bundled: Report) -> None:
    headed = [s for s in bundled.sections if s.kind == "section"]
    assert [(s.title, s.subtitle) for s in headed] == [
        ("稳字当头 稳中求进", "在高质量发展路上坚定前行"),
        ("锚定目标 加压奋进", "“敲定”全年经济工作总思路"),
        ("展望未来 信心百倍", "迎接更加壮阔的光明前程"),
    ]
    meeting, plan, reactions = ([p.text for p in s.paragraphs] for s in headed)
    assert meeting[0].startswith("一月的交城") and meeting[1].startswith("会议指出")
    assert [p[:4] for p in plan] == ["过去一年", "面对交城", "如何做好", "全会强调"]
    assert reactions[0].startswith("一个个充满希望的热词")
    assert sum(p.startswith("“") for p in reactions) == 5
    assert [s.kind for s in bundled.sections] == ["lead", "section", "section", "section", "captions", "banners"]


def test_five_quotes_with_speakers_and_roles(bundled: Report) -> None:
    assert [(q.speaker, q.role) for q in bundled.quotes] == [
        ("安志远", "交城县工业和信息化局党组书记"),
        ("韩辉", "交城县天宁镇党委副书记、镇长"),
        ("王彦虎", "市第五次党代会代表、山西利虎玻璃集团有限公司维修工"),
        ("燕水", "水峪贯镇副科级干部、鲁沿村党支部书记"),
        ("苗小岗", "山西庞泉酒庄有限公司总经理"),
    ]
    for quote in bundled.quotes:
        paragraph = bundled.paragraph(quote.paragraph).text
        start, end = quote.span
        assert paragraph[start:end] == quote.text
        assert paragraph[start - 1] == "“" and paragraph[end] == "”"


def test_quoted_terms_are_key_terms_not_speech(bundled: Report) -> None:
    for term in ("四创战略", "十四五", "三个一批", "敲定", "四张名片"):
        assert term in bundled.terms
    assert not any("，" in term for term in bundled.terms)


def test_enumerations(bundled: Report) -> None:
    sizes = [(e.kind, len(e.items)) for e in bundled.enumerations]
    assert sizes == [("ordinal", 6), ("ordinal", 9), ("parallel", 5)]
    achievements, tasks, emphases = bundled.enumerations
    assert achievements.items[0].title == "经济运行稳步回升"
    assert tasks.items[0].title == "坚定不移推进产业转型"
    assert tasks.items[8].title == "统筹好发展和安全"
    assert [i.ordinal for i in tasks.items] == list(range(1, 10))
    assert emphases.items[0].marker == "要突出"
    assert emphases.items[1].title == "稳字当头、稳中求进"
    for enumeration in bundled.enumerations:
        text = bundled.paragraph(enumeration.paragraph).text
        for item in enumeration.items:
            assert text[item.span[0] : item.span[1]] == item.text
            assert item.text.startswith(item.title)


def _targets(report: Report) -> dict[str, tuple[float | None, str, str]]:
    return {m.label: (m.value, m.unit, m.qualifier) for m in report.metrics if m.period == "target"}


def test_eight_targets_with_qualifiers(bundled: Report) -> None:
    assert _targets(bundled) == {
        "地区生产总值增长": (6, "%", "about"),
        "一般公共预算收入增长": (6, "%", "exact"),
        "固定资产投资增长": (10, "%", "at_least"),
        "社会消费品零售总额增长": (6.5, "%", "about"),
        "规模以上工业增加值增长": (8.5, "%", "about"),
        "城镇居民人均可支配收入增长": (6, "%", "about"),
        "农村居民人均可支配收入增长": (6, "%", "at_least"),
        "约束性指标": (None, "", "qualitative"),
    }
    assert {m.year for m in bundled.metrics if m.period == "target"} == {2024}
    original = {m.label: m.original for m in bundled.metrics if m.period == "target"}
    assert original["规模以上工业增加值增长"] == "规上工业增加值"


def test_2023_results(bundled: Report) -> None:
    results = [
        (m.indicator, m.original, m.measure, m.value, m.unit, m.qualifier)
        for m in bundled.metrics
        if m.period == "result"
    ]
    assert {m.year for m in bundled.metrics if m.period == "result"} == {2023}
    for expected in [
        ("地区生产总值", "GDP", "完成", 103, "亿元", "exact"),
        ("地区生产总值", "GDP", "增长", 1, "%", "exact"),
        ("固定资产投资", "固投", "完成", 49, "亿元", "exact"),
        ("固定资产投资", "固投", "增长", 22.8, "%", "exact"),
        ("进出口总额", "进出口总额", "完成", 9, "亿元", "exact"),
        ("规模以上工业企业", "规上工业企业", "净增", 14, "户", "exact"),
        ("财政用于民生领域支出", "财政用于民生领域支出", "达到", 85, "%", "at_least"),
    ]:
        assert expected in results
    values = {(m.value, m.unit) for m in bundled.metrics if m.period == "result"}
    assert {(93.5, "%"), (12, "%"), (31, "个"), (4552, "万元"), (54, "个"), (7, "个")} <= values


def test_metric_spans_point_at_the_printed_value(bundled: Report) -> None:
    for metric in bundled.metrics:
        text = bundled.paragraph(metric.paragraph).text
        assert text[metric.span[0] : metric.span[1]] == metric.expression
        assert metric.expression in metric.text


def test_years_and_dates_are_not_metrics(bundled: Report) -> None:
    expressions = [m.expression for m in bundled.metrics]
    assert not any(e.startswith(("2024", "2023")) for e in expressions)
    assert "10" not in [m.expression for m in bundled.metrics]


def test_title_is_the_meeting(bundled: Report) -> None:
    assert bundled.title == "中共交城县委十六届八次全体会议暨县委经济工作会议"
    assert bundled.year == 2024


def test_lossless(bundled: Report, bundled_text: str) -> None:
    assert element_characters(bundled) == input_characters(bundled_text)


def test_body_paragraphs_read_as_printed(bundled: Report) -> None:
    # Checked by hand against the printed page, in reading order (one paragraph a line).
    expected = (Path(__file__).parents[1] / "data" / "bundled-body-paragraphs.txt").read_text(encoding="utf-8")
    assert body(bundled) == expected.splitlines()
