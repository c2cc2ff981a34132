"""Place and meeting kind guessed from a title: generic rules, None when unsure."""

from __future__ import annotations

import pytest

from jcviewer.model.library.guess import guess_kind, guess_place


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("中共甲乙县委十五届六次全体会议暨县委经济工作会议", "甲乙县"),
        ("甲乙县第十四届人民代表大会第三次会议", "甲乙县"),
        ("丙丁市人民政府常务会议", "丙丁市"),
        ("戊己回族自治区第十三届人民代表大会", "戊己回族自治区"),
        ("中国共产党庚辛区委员会全体会议", "庚辛区"),
        ("县委经济工作会议", None),
        ("第十三届全国人民代表大会", None),
        ("全市上下认真贯彻落实会议精神", None),
        ("传达市委常委会会议精神", None),
        ("report-2022.clean.txt", None),
        ("2025年甲乙县政府工作报告", "甲乙县"),  # a year before the place
        ("2024年度丙丁市人民政府工作报告", "丙丁市"),
        ("2025年省《政府工作报告》重点工作分工方案", None),  # 省 alone names no place
        ("甲乙县2024年政府工作报告", "甲乙县"),  # a year after the place
        ("丙丁市2025年度人民代表大会第三次会议", "丙丁市"),
        ("中共戊己区委2024年经济工作会议", "戊己区"),
    ],
)
def test_place(title: str, place: str | None) -> None:
    assert guess_place(title) == place


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("中共甲乙县委十五届六次全体会议暨县委经济工作会议", "economic_work_conference"),
        ("甲乙县第十四届人民代表大会第三次会议", "peoples_congress"),
        ("2024年甲乙县政府工作报告", "government_work_report"),
        ("中共甲乙县委十五届六次全体会议", "plenary"),
        ("甲乙县上半年经济运行分析会", "economic_analysis"),
        ("report-2022.clean.txt", None),
    ],
)
def test_kind(title: str, kind: str | None) -> None:
    assert guess_kind(title) == kind
