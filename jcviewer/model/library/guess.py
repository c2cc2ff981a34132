"""A report's place and meeting kind guessed from its title (Qt-free): generic rules, None when unsure.

The user sets what these rules cannot tell (``Catalogue.edit``), and the catalogue remembers it.
"""

from __future__ import annotations

import re

_YEAR = r"(?:\d{4}年(?:度)?)?"
_PLACE = re.compile(
    rf"^{_YEAR}(?:中共|中国共产党)?(?P<place>[\u4e00-\u9fff]{{1,10}}?(?:自治区|自治州|自治县|县|市|区|州|旗|盟|省))"
    rf"{_YEAR}(?:委|人民政府|政府|人大|人民代表大会|政协|第[一二三四五六七八九十百零〇\d]+届)"
)
"""A place opening the title (after the year a title may lead with), before the body that met (a year, 年 or 年度,
may stand between them): "中共某某县委…" → 某某县, "某某县第十四届人民代表大会" → 某某县, "2025年某某县政府工作报告"
and "某某县2025年政府工作报告" → 某某县."""

_NOT_A_NAME = re.compile(r"^[全本我该各此]|传达|学习|贯彻|召开|深入|落实|举行")
"""What a place name never holds: "全市上下…", "传达市委…" are sentences, not places."""

KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("economic_work_conference", re.compile("经济工作会议")),
    ("government_work_report", re.compile("政府工作报告")),
    ("peoples_congress", re.compile("人民代表大会|人代会")),
    ("cppcc_session", re.compile("政治协商会议|政协[^，。]{0,12}会议")),
    ("plenary", re.compile("全体会议|全会")),
    ("standing_committee", re.compile("常委会会议|常务会议")),
    ("economic_analysis", re.compile("经济运行分析|经济形势分析")),
)
"""Meeting kinds, first match wins: a plenary held together with the economic work conference
("…全体会议暨…经济工作会议") is filed as the economic work conference, the meeting that sets the year's targets."""


def guess_place(title: str) -> str | None:
    """The place that held the meeting, when the title opens with it; else None."""
    match = _PLACE.match(title.strip())
    if match is None or _NOT_A_NAME.search(match["place"]):
        return None
    return match["place"]


def guess_kind(title: str) -> str | None:
    """The meeting kind's code (see ``KINDS``) the title names; else None."""
    return next((kind for kind, pattern in KINDS if pattern.search(title)), None)
