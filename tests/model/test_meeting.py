"""Who and when, from a report's own words: the date, the leaders who reported, the issuing unit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jcviewer.model.meeting import Reporter, issuing_unit, meeting_date, reporters
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Paragraph, Report, Section


def _report(*paragraphs: str) -> Report:
    body = tuple(Paragraph(f"p{n}", text, "body", (n, n)) for n, text in enumerate(paragraphs, start=1))
    return Report("会议", "x.txt", (Section("s1", "section", "标题", paragraphs=body),), year=2025)


def test_meeting_date() -> None:
    assert meeting_date(parse_text("2024年1月8日，会议召开。各项目标增长6%左右。\n", source="x.txt")) == "2024年1月8日"
    report = _report("十二月的某县，满眼生机。会议召开。")
    assert meeting_date(report) == "2025年12月"
    assert meeting_date(replace(report, year=None)) == ""  # a month without a year is no date
    assert meeting_date(parse_text("没有日期。\n", source="x.txt")) == ""
    assert meeting_date(_report("2月9日上午，县委经济工作会议隆重召开。")) == "2025年2月9日"  # the report's year
    assert meeting_date(replace(_report("2月9日上午，县委经济工作会议隆重召开。"), year=None)) == "2月9日"
    census = _report("全县常住人口为30万人。", "以2020年11月1日零时为标准时点进行了人口普查。")
    assert meeting_date(census) == ""  # a date, but not a meeting's


def test_date_and_reporter_from_the_front_matter_of_a_report() -> None:
    text = "\n".join(
        [
            "2025年甲乙县政府工作报告",
            "——2025年1月6日在甲乙县第十八届人民代表大会第五次会议上",
            "甲乙县人民政府县长 李明",
            "各位代表：",
            "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
            "过去的一年，全县上下团结一心、攻坚克难，经济社会发展稳中有进，地区生产总值增长5.8%，财政收入增长3.2%。",
        ]
    )
    report = parse_text(text + "\n", source="x.txt")
    assert meeting_date(report) == "2025年1月6日"
    assert reporters(report) == (Reporter("李明", "甲乙县人民政府县长", "政府工作报告"),)
    slogan = parse_text("奋力谱写新篇章\n" + text.split("\n", 1)[1] + "\n", source="x.txt")
    assert reporters(slogan) == ()  # a name line under no report's title names no one who reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "会议听取和讨论了某县县委书记王明代表县委常委会所作的工作报告，县委副书记、县长李强就经济工作作出具体安排。",
            [Reporter("王明", "某县县委书记", "工作报告"), Reporter("李强", "县委副书记、县长", "具体安排")],
        ),
        (
            "大会开幕，县委副书记、县人民政府县长赵刚在大会上作政府工作报告。代表们说，赵县长的报告很好。",
            [Reporter("赵刚", "县委副书记、县人民政府县长", "政府工作报告")],
        ),
        ("在认真听取县委书记周平作的主题报告后，大家纷纷表示要抓好落实。", [Reporter("周平", "县委书记", "主题报告")]),
        ("会议召开。他作了重要讲话。", []),  # no one named
        ("全县经济运行总体平稳，各项工作有序推进。", []),
    ],
)
def test_leaders_who_reported(text: str, expected: list[Reporter]) -> None:
    assert list(reporters(_report(text))) == expected


def test_a_leader_named_again_by_surname_and_title_is_one_reporter() -> None:
    found = reporters(_report("县长秦海作政府工作报告。", "代表们认为，秦县长作的政府工作报告振奋人心。"))
    assert [r.name for r in found] == ["秦海"]


def test_issuing_unit_where_the_text_says_so() -> None:
    assert issuing_unit(_report("会议召开。", "（县委宣传部供稿）")) == "县委宣传部"
    assert issuing_unit(_report("会议召开。来源：县委办公室")) == "县委办公室"
    assert issuing_unit(_report("会议召开，县委办公室负责同志出席。")) == ""  # named, but not as the issuer
    assert issuing_unit(_report("前三季度全县地区生产总值增长5%。（数据来源：县统计局）")) == ""  # the data's source
