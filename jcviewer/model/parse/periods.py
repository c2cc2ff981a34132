"""When a number is about: a target of the year planned for, or a result of a year already reported.

A paragraph takes the period of its earliest time cue ("过去一年……" is a review, "主要预期目标是……" a plan);
a clause can state a target inside a review ("但要实现全年增长6%的目标"); an explicit year before a value
("2021年前三季度，…") dates it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from jcviewer.model.report import Period

ClausePeriod = Literal["target", "estimate"]
"""What a clause says of its own values: a goal still to reach, or a guess (never a target)."""

YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)年")
TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])\d\d年(?!代)")

RESULT_CUES = (
    r"过去(?:的)?(?:[一二三四五十]|\d{1,2})年",
    r"去年",
    r"上年",
    r"一年来",
    r"(?<![\d.])(?:19|20)\d\d年",
)
"""Cues of a review of achievements (a year is one when it is before the year planned for)."""

TARGET_CUES = (
    r"设定",
    r"预期(?:奋斗)?目标",
    r"主要目标",
    r"力争",
    r"目标是",
    r"目标为",
)
"""Cues of a plan: the paragraph states what is to be reached."""

REPORTING_PERIODS = (
    r"上半年",
    r"下半年",
    r"前三季度",
    r"[一二三四]季度",
    r"\d+(?:至|-|—)\d+月",
    r"今年以来",
)
"""Periods of reported statistics within the current year ("上半年", "1至10月")."""

_RESULT = re.compile("|".join(RESULT_CUES))
_TARGET = re.compile("|".join(TARGET_CUES))
_CUE = re.compile(f"{_RESULT.pattern}|{_TARGET.pattern}|(?P<reporting>{'|'.join(REPORTING_PERIODS)})")
FORWARD_WORDS = ("要", "力争", "确保", "争取", "将", "预期", "计划", "设定", "目标是", "目标为")
"""Words that make a clause naming a 目标 a plan ("要实现全年增长6%的目标"), not an achievement
("实现3年跨进全国前列目标")."""

_GOAL = re.compile("目标")
ESTIMATE = re.compile("预计|估计|预估|有望")
"""Words giving a figure as an estimate: they govern their clause and the rest of the sentence."""
DECLARATION = re.compile(r"目标(?:是|为|[：:])|设定[^，。；：]{0,10}目标")
"""A sentence declaring targets ("主要预期目标是：", "设定预期奋斗目标，"): every figure after it is one."""
_ACHIEVED = re.compile("完成|实现|达到|达成|超额|超过")
_HORIZON_BEFORE = re.compile(r"(?:^|[^截])[到至]$")
_HORIZON_AFTER = re.compile("远景")
_FORWARD = re.compile("|".join(FORWARD_WORDS))
_BASES = frozenset("比较")
_LAST_YEAR = re.compile(r"去年|上年|过去(?:的)?一年|一年来")


def target_year(texts: Iterable[str]) -> int | None:
    """The year the report plans for: the latest year its texts mention, not counting a horizon ("到2025年",
    "2035年远景目标")."""
    years = [
        int(m.group(1))
        for text in texts
        for m in YEAR.finditer(text)
        if not _HORIZON_BEFORE.search(text, max(0, m.start() - 2), m.start())
        and not _HORIZON_AFTER.match(text, m.end())
    ]
    return max(years) if years else None


def declaration_end(sentence: str) -> int | None:
    """Where a declaration of targets ends in ``sentence`` ("2023年主要预期目标是：" …), or None when it has
    none; "完成年初设定的目标" is an achievement, not a declaration."""
    for match in DECLARATION.finditer(sentence):
        clause_start = max(sentence.rfind(c, 0, match.start()) for c in "，。；：！？") + 1
        if not _ACHIEVED.search(sentence, clause_start, match.start()):
            return match.end()
    return None


def paragraph_period(text: str, plan_year: int | None) -> Period | None:
    """ "result" or "target" by the paragraph's earliest time cue, None when it has none."""
    for match in _CUE.finditer(text):
        if match.group("reporting"):
            return "result"
        if _TARGET.fullmatch(match.group()):
            return "target"
        year = YEAR.fullmatch(match.group())
        if year is None or (plan_year is not None and int(year.group(1)) < plan_year):
            return "result"
    return None


def has_time_cue(text: str) -> bool:
    """True when the text says when its numbers are (a year, 过去一年, 预期目标, 上半年 …)."""
    return _CUE.search(text) is not None


def clause_period(clause: str) -> ClausePeriod | None:
    """ "target" when the clause names its value a goal still to reach ("要实现全年增长6%的目标"),
    "estimate" when it guesses ("预计全年增长5%左右": never a target), else None."""
    if ESTIMATE.search(clause):
        return "estimate"
    if _GOAL.search(clause) is not None and _FORWARD.search(clause) is not None:
        return "target"
    return None


def paragraph_year(text: str, period: Period | None, plan_year: int | None) -> int | None:
    """The year a paragraph's numbers are about when no year is printed next to them."""
    if plan_year is None or period is None:
        return None
    if period == "target":
        return plan_year
    first = _CUE.search(text)
    if first is not None and (first.group("reporting") or not _LAST_YEAR.fullmatch(first.group())):
        year = YEAR.fullmatch(first.group())
        return int(year.group(1)) if year else plan_year
    return plan_year - 1


def printed_years(text: str) -> list[tuple[int, int]]:
    """Every four-digit year a value may be about, as (end position, year), left to right: not a base of
    comparison ("比2010年增加…")."""
    return [(m.end(), int(m.group(1))) for m in YEAR.finditer(text) if text[m.start() - 1 : m.start()] not in _BASES]
