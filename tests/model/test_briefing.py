"""What a briefing holds, chosen from the model, most important first."""

from __future__ import annotations

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
    passage_versions,
    report_briefing,
    section_briefing,
    section_ids,
)
from jcviewer.model.briefing_text import ELISION, sentences
from jcviewer.model.meeting import Reporter
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report


def test_whole_report_briefing_of_the_bundled_report(bundled: Report) -> None:
    briefing = report_briefing(bundled)
    assert briefing.title == "中共交城县委十六届八次全体会议暨县委经济工作会议"
    assert (briefing.subtitle, briefing.date) == ("", "2024年1月")
    assert briefing.reporters == (
        Reporter("刘旋", "交城县委书记", "工作报告"),
        Reporter("刘大鹏", "交城县委副书记、县长", "具体安排"),
    )
    kinds = [b.kind for b in briefing.blocks]
    assert kinds == [
        "text",
        "targets",
        "chart",
        "tasks",
        "achievements",
        "emphases",
        "quote",
        "quote",
        "quote",
        "terms",
    ]
    assert briefing.blocks[0].priority > max(b.priority for b in briefing.blocks[1:])  # the text fills what is left
    targets = briefing.blocks[1]
    assert targets.year == 2024 and len(targets.rows) == 8
    assert targets.rows[0] == Row("地区生产总值增长", "≈6%", "1%（103亿元）")  # the rate, and last year's amount
    assert Row("固定资产投资增长", "≥10%", "22.8%（49亿元）") in targets.rows
    tasks, achievements = briefing.blocks[3], briefing.blocks[4]
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
    assert {b.kind for b in s2.blocks} == {"text", "items", "targets", "results"}
    assert [len(b.lines) for b in s2.blocks if b.kind == "items"] == [6, 9, 5]
    assert [u.text for u in s2.blocks[0].units] == [p.text for p in bundled.section("s2").paragraphs]  # whole
    assert s2.date == "2024年1月" and len(s2.reporters) == 2  # the head names the meeting's date and reporters
    s3 = section_briefing(bundled, "s3")
    assert not [b for b in s3.blocks if b.kind == "quote"]  # the quotations are in the text, in reading order
    quoted = [u for u in s3.blocks[0].units if u.kind == "quote"]
    assert [u.speaker for u in quoted] == ["安志远", "韩辉", "王彦虎", "燕水", "苗小岗"]
    assert all(u.speaker in u.text for u in quoted)
    caption = section_briefing(bundled, "caption-2")
    assert caption.title == "中共交城县委十六届八次全体会议暨县委经济工作会议现场"
    assert caption.blocks[0].units == ()  # titled by its own text: printed once, as the title
    captions = section_briefing(bundled, "captions").blocks[0].units
    assert [u.kind for u in captions] == ["text"] * 3 and len({u.text for u in captions}) == 3  # not twice each
    with pytest.raises(KeyError):
        section_briefing(bundled, "s9")
    assert section_ids(bundled)[:4] == ["lead", "s1", "s2", "s3"]


def test_another_report_gets_its_own_briefing() -> None:
    report = parse_text(wenshui_page(seed=1, gdp=7.5).text(), source="wenshui.txt")
    briefing = report_briefing(report)
    assert briefing.title == "中共文水县委十五届六次全体会议暨县委经济工作会议"
    first = next(b for b in briefing.blocks if b.kind == "targets").rows[0]
    assert (first.indicator, first.value) == ("地区生产总值增长", "≈7.5%")
    assert first.previous.startswith("4.5%（")  # the rate, then the amount the page gives
    crowded = report_briefing(parse_text(crowded_page().text(), source="crowded.txt"))
    assert crowded.unlisted_quotes == 9 and len(next(b for b in crowded.blocks if b.kind == "targets").rows) == 14


def test_the_table_of_blocks_has_every_kind_once() -> None:
    assert set(BLOCKS) == set(get_args(BlockKind))  # mypy checks the keys are kinds; this, that none is missing
    for kind, rule in BLOCKS.items():
        assert rule.report is not None or rule.section is not None, kind  # every kind goes on some briefing


def test_block_priorities_come_from_the_table() -> None:
    assert block_priority("targets", "report") == 1 and block_priority("items", "section", 1) == 4
    assert [block_priority("quote", "report", n) for n in range(3)] == [5, 6, 7]  # numbered: later ones go first
    assert block_priority("tasks", "report", 4) == 2  # not numbered: every tasks list weighs the same
    with pytest.raises(ValueError, match="chart"):
        block_priority("chart", "section")
    assert not BLOCKS["items"].beside_whole_text  # a list of the text's items is printed only when it is shortened


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


def test_whole_report_quotations_keep_whole_sentences(bundled: Report) -> None:
    quotes = [b for b in report_briefing(bundled).blocks if b.kind == "quote"]
    assert quotes and all(b.lines[0].endswith(("。", "！", "？", "”", ELISION)) for b in quotes)
    assert any(b.abridged for b in quotes) == any(ELISION in b.lines[0] for b in quotes)
    said = {q.text for q in bundled.quotes}
    assert all(b.lines[0].removesuffix(ELISION) in said or b.lines[0] in said for b in quotes)


def test_a_sections_text_shortens_a_sentence_at_a_time_questions_first(bundled: Report) -> None:
    asked = next(s for s in bundled.sections if any("？" in p.text for p in s.paragraphs))
    text = next(b for b in section_briefing(bundled, asked.id).blocks if b.kind == "text")
    versions = passage_versions(text)
    assert versions[0].units == text.units and not versions[0].abridged  # whole first
    assert [v.left_out for v in versions] == list(range(len(versions)))
    assert {v.sentences for v in versions} == {sum(len(sentences(u.text)) for u in text.units)}
    first = "".join(u.text for u in versions[1].units)
    assert "？" not in first and ELISION in first  # the rhetorical question is the first to go
    lengths = [sum(len(u.text) for u in v.units) for v in versions]
    assert lengths == sorted(lengths, reverse=True) and lengths[-1] < lengths[0] / 2
    whole = "".join(u.text for u in text.units)
    for version in versions:
        for unit in version.units:  # every piece kept is the report's own words, cut after a sentence
            for piece in unit.text.split(ELISION):
                assert piece.strip("”") in whole
                assert not piece or piece.endswith(("。", "！", "？", "；", "”", "：")), piece


def test_a_report_without_targets_or_lists_briefs_its_results_and_its_text() -> None:
    text = (
        "某县上半年经济运行稳中有进\n\n"
        "上半年，全县地区生产总值完成56.3亿元，同比增长5.2%。规模以上工业增加值增长6.1%。"
        "社会消费品零售总额完成18亿元，增长4%。\n\n"
        "下半年，全县将持续扩大有效投资，巩固经济回升向好态势。\n"
    )
    report = parse_text(text, source="half-year.txt")
    assert not [m for m in report.metrics if m.period == "target"] and not report.enumerations
    briefing = report_briefing(report)
    kinds = [b.kind for b in briefing.blocks]
    assert kinds[:2] == ["text", "results"]  # not a title on an empty page
    results = briefing.blocks[1]
    assert ("地区生产总值", "56.3亿元") in [(r.indicator, r.value) for r in results.rows]
    passage = "".join(u.text for u in briefing.blocks[0].units)
    assert "下半年，全县将持续扩大有效投资" in passage
    quoted = report_briefing(parse_text(wenshui_page(seed=1, gdp=7.5).text(), "w.txt"))
    quoting = [u for b in quoted.blocks for u in b.units]
    assert quoting and not [u for u in quoting if u.kind == "quote"]  # its quotes are the Voices block's
    assert all(block_priority(b.kind, "report") == b.priority for b in briefing.blocks if b.kind != "quote")
