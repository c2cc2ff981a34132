"""What a briefing holds, chosen from the model, most important first."""

from __future__ import annotations

from dataclasses import replace
from typing import get_args

import pytest
from genre import crowded_page, wenshui_page

from jcviewer.model.briefing import (
    BLOCKS,
    BlockKind,
    Briefing,
    Row,
    Scope,
    block_priority,
    meeting_date,
    report_briefing,
    section_briefing,
    section_ids,
)
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Paragraph, Report, Section


def test_whole_report_briefing_of_the_bundled_report(bundled: Report) -> None:
    briefing = report_briefing(bundled)
    assert briefing.title == "中共交城县委十六届八次全体会议暨县委经济工作会议"
    assert briefing.subtitle == "2024年1月"
    kinds = [b.kind for b in briefing.blocks]
    assert kinds == ["targets", "chart", "tasks", "achievements", "emphases", "quote", "quote", "quote", "terms"]
    targets = briefing.blocks[0]
    assert targets.year == 2024 and len(targets.rows) == 8
    assert targets.rows[0] == Row("地区生产总值增长", "≈6%", "1%（103亿元）")  # the rate, and last year's amount
    assert Row("固定资产投资增长", "≥10%", "22.8%（49亿元）") in targets.rows
    tasks, achievements = briefing.blocks[2], briefing.blocks[3]
    assert len(tasks.lines) == 9 and tasks.lines[0] == "坚定不移推进产业转型" and tasks.year == 2024
    assert len(achievements.lines) == 6 and achievements.year == 2023
    quotes = [b for b in briefing.blocks if b.kind == "quote"]
    assert [q.speaker for q in quotes] == ["安志远", "韩辉", "王彦虎"] and briefing.unlisted_quotes == 2
    assert quotes[0].role == "交城县工业和信息化局党组书记" and quotes[0].lines[0].endswith("。")
    priorities = {b.kind: b.priority for b in briefing.blocks}
    assert priorities["targets"] < priorities["tasks"] < priorities["chart"] < priorities["achievements"]
    assert priorities["achievements"] < priorities["emphases"] < priorities["terms"]


def test_section_briefings_hold_their_own_content(bundled: Report) -> None:
    s2 = section_briefing(bundled, "s2")
    assert (s2.title, s2.subtitle) == ("锚定目标 加压奋进", "“敲定”全年经济工作总思路")
    assert {b.kind for b in s2.blocks} == {"summary", "items", "targets", "results"}
    assert [len(b.lines) for b in s2.blocks if b.kind == "items"] == [6, 9, 5]
    s3 = section_briefing(bundled, "s3")
    assert [b.speaker for b in s3.blocks if b.kind == "quote"] == ["安志远", "韩辉", "王彦虎", "燕水", "苗小岗"]
    caption = section_briefing(bundled, "caption-2")
    assert caption.blocks[0].lines == ("中共交城县委十六届八次全体会议暨县委经济工作会议现场",)
    with pytest.raises(KeyError):
        section_briefing(bundled, "s9")
    assert section_ids(bundled)[:4] == ["lead", "s1", "s2", "s3"]


def test_another_report_gets_its_own_briefing() -> None:
    report = parse_text(wenshui_page(seed=1, gdp=7.5).text(), source="wenshui.txt")
    briefing = report_briefing(report)
    assert briefing.title == "中共文水县委十五届六次全体会议暨县委经济工作会议"
    first = briefing.blocks[0].rows[0]
    assert (first.indicator, first.value) == ("地区生产总值增长", "≈7.5%")
    assert first.previous.startswith("4.5%（")  # the rate, then the amount the page gives
    crowded = report_briefing(parse_text(crowded_page().text(), source="crowded.txt"))
    assert crowded.unlisted_quotes == 9 and len(crowded.blocks[0].rows) == 14


def test_meeting_date() -> None:
    assert meeting_date(parse_text("2024年1月8日，会议召开。各项目标增长6%左右。\n", source="x.txt")) == "2024年1月8日"
    december = Paragraph("p1", "十二月的文水，满眼生机。会议召开。", "body", (1, 1))
    report = Report("会议", "x.txt", (Section("s1", "section", "标题", paragraphs=(december,)),), year=2025)
    assert meeting_date(report) == "2025年12月"
    assert meeting_date(replace(report, year=None)) == ""  # a month without a year is no date
    assert meeting_date(parse_text("没有日期。\n", source="x.txt")) == ""


def test_the_table_of_blocks_has_every_kind_once() -> None:
    assert set(BLOCKS) == set(get_args(BlockKind))  # mypy checks the keys are kinds; this, that none is missing
    for kind, rule in BLOCKS.items():
        assert rule.report is not None or rule.section is not None, kind  # every kind goes on some briefing


def test_block_priorities_come_from_the_table() -> None:
    assert block_priority("targets", "report") == 1 and block_priority("targets", "section") == 2
    assert [block_priority("quote", "report", n) for n in range(3)] == [5, 6, 7]  # numbered: later ones go first
    assert block_priority("tasks", "report", 4) == 2  # not numbered: every tasks list weighs the same
    with pytest.raises(ValueError, match="chart"):
        block_priority("chart", "section")


def _briefings(report: Report) -> list[tuple[Scope, Briefing]]:
    return [("report", report_briefing(report))] + [
        ("section", section_briefing(report, s)) for s in section_ids(report)
    ]


@pytest.mark.parametrize("source", ["bundled", "crowded"])
def test_every_briefing_follows_the_table(bundled: Report, source: str) -> None:
    report = bundled if source == "bundled" else parse_text(crowded_page().text(), source="crowded.txt")
    order = list(BLOCKS)
    for scope, briefing in _briefings(report):
        kinds = [b.kind for b in briefing.blocks]
        assert kinds == sorted(kinds, key=order.index), (scope, kinds)  # reading order
        counted: dict[BlockKind, int] = {}
        for block in briefing.blocks:
            number = counted.get(block.kind, 0)
            counted[block.kind] = number + 1
            assert block.priority == block_priority(block.kind, scope, number), (scope, block.kind)


def test_quotations_keep_whole_sentences_and_mark_what_is_left_out() -> None:
    from jcviewer.model.briefing import ELISION, whole_sentences
    from jcviewer.model.parse import load_report
    from jcviewer.resources import bundled_report

    text = "报告站位高、思路清。不仅总结了成绩，更规划了蓝图。我们一定抓好落实！"
    assert whole_sentences(text, 25) == "报告站位高、思路清。不仅总结了成绩，更规划了蓝图。" + ELISION
    assert whole_sentences(text, 5) == "报告站位高、思路清。" + ELISION  # the first sentence whole, however long
    assert whole_sentences(text, 100) == text
    report = load_report(bundled_report())
    quotes = [b for b in report_briefing(report).blocks if b.kind == "quote"]
    assert quotes and all(b.lines[0].endswith(("。", "！", "？", "”", ELISION)) for b in quotes)
    assert any(b.abridged for b in quotes) == any(ELISION in b.lines[0] for b in quotes)
    section = next(
        s for s in report.sections if any(q.paragraph in {p.id for p in s.paragraphs} for q in report.quotes)
    )
    whole = [b.lines[0] for b in section_briefing(report, section.id).blocks if b.kind == "quote"]
    assert whole and all(text in {q.text for q in report.quotes} for text in whole)  # a section's: whole


def test_a_long_sections_summary_keeps_whole_statements_and_drops_its_questions() -> None:
    from jcviewer.model.briefing import ELISION
    from jcviewer.model.parse import load_report
    from jcviewer.resources import bundled_report

    report = load_report(bundled_report())
    asked = next(s for s in report.sections if any("？" in p.text for p in s.paragraphs))
    summary = next(b for b in section_briefing(report, asked.id).blocks if b.kind == "summary").lines
    assert summary and not any("？" in line for line in summary)  # the rhetorical question is the first to go
    assert all(line.endswith(("。", "！", "”", ELISION)) for line in summary)  # never cut mid-phrase
    assert all(line.removesuffix(ELISION) in "".join(p.text for p in asked.paragraphs) for line in summary)
