"""The detail pane's HTML, checked as text: escaping, quote blocks, metric links, marks and anchors."""

from __future__ import annotations

import re

from jcviewer.model.navigation import Mark
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.ui.detail_html import (
    FOCUS_ANCHOR,
    HIT_ANCHOR,
    MARK_ANCHOR,
    UNCERTAIN_ANCHOR,
    Highlights,
    Style,
    section_html,
)


def visible_text(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def test_report_text_is_escaped_everywhere() -> None:
    text = '会议指出，<img src="x.png">和<a href="http://example.com">链接</a>以及<script>x</script>都是正文文字。\n'
    report = parse_text(text, source="hostile.txt")
    section = report.sections[0]
    html = section_html(report, section, "标题<b>", Highlights(marks=(Mark(section.paragraphs[0].id, (0, 5)),)))
    assert "<img" not in html and "<script" not in html and 'href="http' not in html and "<b>" not in html
    assert '&lt;img src="x.png"&gt;' in html.replace("&quot;", '"')
    assert "标题<b>" in visible_text(html)


def test_quotes_become_blocks_with_speaker_and_role(bundled: Report) -> None:
    html = section_html(bundled, bundled.section("s3"), "展望未来 信心百倍")
    assert html.count("<table") == 5
    first = html[html.index("<table") :]
    assert visible_text(first[: first.index("</table>")]).startswith(
        "安志远 交城县工业和信息化局党组书记“县委十六届八次全会"
    )


def test_metrics_are_links_to_their_index_and_marks_get_anchors(bundled: Report) -> None:
    target = next(i for i, m in enumerate(bundled.metrics) if m.expression == "10%以上")
    metric = bundled.metrics[target]
    html = section_html(
        bundled,
        bundled.section("s2"),
        "锚定目标 加压奋进",
        Highlights(
            hits=(Mark("p4", (49, 61)), Mark("p4", (36, 42))),
            marks=(Mark("p4", (36, 48)),),
            focus=Mark("p4", metric.span),
        ),
        style=Style(mark="#ABCDEF", focus="#FEDCBA", hit="#123456"),
    )
    assert f'href="metric:{target}"' in html
    assert html.count(f'<a name="{MARK_ANCHOR}">') == 1 and html.count(f'<a name="{FOCUS_ANCHOR}">') == 1
    marked = re.findall(r'background-color:#ABCDEF">(.*?)</span>', html)
    assert visible_text("".join(marked)) == "地区生产总值增长6%左右"
    focused = re.findall(r'background-color:#FEDCBA">(.*?)</span>', html)
    assert visible_text("".join(focused)) == "10%以上"
    hits = re.findall(r'background-color:#123456">(.*?)</span>', html)
    assert visible_text("".join(hits)) == "一般公共预算收入增长6%"  # the hit inside the mark shows as the mark
    assert html.count(f'<a name="{HIT_ANCHOR}">') == 1


def test_heading_subtitle_and_paragraph_indent(bundled: Report) -> None:
    html = section_html(bundled, bundled.section("s1"), "稳字当头 稳中求进", style=Style(indent=40))
    assert visible_text(html).startswith("稳字当头 稳中求进—— 在高质量发展路上坚定前行一月的交城")
    assert html.count("text-indent:40px") == 2


def test_a_doubtful_paragraph_is_tinted_under_its_reasons_escaped(bundled: Report) -> None:
    style = Style(warning="#AA5500", warning_background="#FFEEDD")
    notes = {"p4": ["不确定：<b>标题</b>的位置", "第二个理由"], "p99": ["不在本节"]}
    html = section_html(bundled, bundled.section("s2"), "锚定目标 加压奋进", style=style, notes=notes)
    assert "<b>" not in html and "&lt;b&gt;标题&lt;/b&gt;" in html
    note = re.search(r'<p style="color:#AA5500[^"]*">(.*?)</p>', html)
    assert note is not None
    assert note.group(1).startswith(f'<a name="{UNCERTAIN_ANCHOR}p4"></a>')
    assert visible_text(note.group(1).replace("<br/>", "\n")) == "不确定：<b>标题</b>的位置\n第二个理由"
    tinted = re.findall(r'<p style="[^"]*background-color:#FFEEDD;">(.*?)</p>', html)
    assert [visible_text(t) for t in tinted] == [bundled.paragraph("p4").text]  # the paragraph under the note
    assert html.index(note.group(0)) < html.index(tinted[0])
    assert "不在本节" not in html and html.count(UNCERTAIN_ANCHOR) == 1


def test_without_notes_nothing_is_tinted(bundled: Report) -> None:
    html = section_html(bundled, bundled.section("s2"), "锚定目标 加压奋进", style=Style(warning_background="#FFEEDD"))
    assert "#FFEEDD" not in html and UNCERTAIN_ANCHOR not in html


def test_a_doubtful_quote_gets_its_reasons_above_the_quote_block(bundled: Report) -> None:
    quoted = next(q.paragraph for q in bundled.quotes if bundled.section_of(q.paragraph).id == "s3")
    html = section_html(bundled, bundled.section("s3"), "展望未来 信心百倍", notes={quoted: ["说话人不明"]})
    note_at = html.index("说话人不明")
    assert html.index(f'name="{UNCERTAIN_ANCHOR}{quoted}"') < note_at < html.index("<table")
