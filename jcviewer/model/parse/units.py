"""Printed values as a grammar: number, optional range, magnitude × base unit, qualifier.

"8.8亿吨" is 8.8 in 亿吨, "729.2万吨标准煤" 729.2 in 万吨标准煤, "5.5%—6%" the range 5.5 to 6 in %,
"47万人以上" 47 in 万人 at least. The unit is kept exactly as printed; a bare magnitude ("350亿") is a
unit only when no base unit follows. Every part is a bounded alternation, so a scan is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from jcviewer.model.report import Qualifier

MAGNITUDES = ("万亿", "亿", "万", "千", "百")
"""Multipliers printed before a base unit, longest first."""

BASE_UNITS = (
    # money
    "元", "美元", "人民币",
    # energy, weight, length, area, volume
    "吨标准煤", "吨", "千瓦时", "千瓦", "度", "千克", "公斤", "斤", "标准箱", "标箱",
    "平方公里", "平方米", "公顷", "亩", "公里", "千米", "米", "立方米",
    # people and things counted
    "人次", "人", "户", "家", "名", "头", "只", "辆", "件", "个", "项", "所", "座", "台", "套",
    "条", "处", "场", "批", "间", "张", "床", "艘", "架", "部", "株", "棵", "盏", "县", "村",
    # time counted
    "周年", "年", "天", "次",
)  # fmt: skip
"""Units a magnitude may multiply; an alternation tries them in order, so longer words come first."""

STANDALONE_UNITS = ("个百分点", "%", "％", "‰", "倍")
"""Units never preceded by a magnitude (％, the full-width percent of text typed in Chinese, reads as %)."""

QUALIFIERS: dict[str, Qualifier] = {
    "左右": "about",
    "上下": "about",
    "以上": "at_least",
    "以内": "at_most",
    "以下": "at_most",
}
"""Qualifier printed after the value, and its name."""

LEADING_QUALIFIERS: tuple[tuple[str, Qualifier | Literal[""]], ...] = (
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("控制在", ""),  # 控制在 only carries the qualifier that follows the value ("5.5%以内")
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("超过", "at_least"),
    ("约", "about"),
)
"""Words printed right before the value that bound it, checked in this order (不超过 before 超过)."""

RANGE_DASHES = "-~～—–－至到"

MINUS_SIGNS = "-−－"
"""Signs printed right before a number that make it negative ("增长-3.3%"), when no number is printed before them
(then the sign is a range's dash)."""
_NOT_BEFORE_SIGN = re.compile(r"[\d.%％‰A-Za-z]")

_NUMBER = r"\d+(?:\.\d+)?"
_BASE = "|".join(sorted(BASE_UNITS, key=len, reverse=True))
_MAGNITUDE = "|".join(MAGNITUDES)
_STANDALONE = "|".join(STANDALONE_UNITS)
VALUE = re.compile(
    rf"(?<![\d.])(?P<num>{_NUMBER})"
    rf"(?:(?:%|％|‰)?[{RANGE_DASHES}](?P<num2>{_NUMBER}))?"
    rf"(?P<unit>{_STANDALONE}|(?:{_MAGNITUDE})?(?:{_BASE})|(?:{_MAGNITUDE})(?![\d.]))?"
    rf"(?P<qual>{'|'.join(QUALIFIERS)})?"
)
"""A printed value. ``unit`` is empty for a bare number (a date, a ratio, a part of a list)."""


@dataclass(frozen=True)
class Value:
    """One printed value: where it is, its number(s), unit and qualifier."""

    start: int
    end: int
    number: float
    number_max: float | None
    unit: str
    qualifier: Qualifier  # never "qualitative": a value has a number
    expression: str  # as printed, e.g. "6%左右"
    stated_qualifier: bool  # the qualifier is printed with this value (not "exact" by default)


MAGNITUDE_FACTORS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
"""What each magnitude multiplies by."""


def unit_scale(unit: str) -> tuple[str, float]:
    """The base unit and its multiplier ("万亿元" → ("元", 1e12), "万人" → ("人", 1e4)); a unit without a
    magnitude is its own base ("%" → ("%", 1.0), "亿" → ("", 1e8))."""
    for magnitude in MAGNITUDES:
        if unit.startswith(magnitude) and (unit[len(magnitude) :] in BASE_UNITS or unit == magnitude):
            return unit[len(magnitude) :], MAGNITUDE_FACTORS[magnitude]
    return unit, 1.0


def leading_qualifier(text: str, start: int) -> Qualifier | Literal[""]:
    """The bound printed right before ``start`` ("不超过5%" → "at_most"), else ""."""
    before = text[max(0, start - 3) : start]
    for word, qualifier in LEADING_QUALIFIERS:
        if before.endswith(word):
            return qualifier
    return ""


def _signed(text: str, start: int) -> bool:
    """True when the number at ``start`` is printed with a minus sign ("增长-3.3%"), not a range's dash."""
    if start == 0 or text[start - 1] not in MINUS_SIGNS:
        return False
    return start == 1 or not _NOT_BEFORE_SIGN.match(text[start - 2])


def value_at(match: re.Match[str], text: str) -> Value:
    """The Value of one match of VALUE in ``text``; a minus sign printed before the number is part of it."""
    num2 = match.group("num2")
    qualifier: Qualifier | Literal[""] = QUALIFIERS.get(match.group("qual") or "", "")
    if num2 is not None:
        qualifier = "range"
    elif not qualifier:
        qualifier = leading_qualifier(text, match.start())
    negative = _signed(text, match.start())
    return Value(
        start=match.start() - negative,
        end=match.end(),
        number=-float(match.group("num")) if negative else float(match.group("num")),
        number_max=float(num2) if num2 is not None else None,
        unit=(match.group("unit") or "").replace("％", "%"),
        qualifier=qualifier or "exact",
        expression=text[match.start() - negative : match.end()],
        stated_qualifier=bool(qualifier),
    )


LIST_GAPS = frozenset({"、", "和", "与", "及", "以及"})
"""What separates the numbers of a list that prints its unit once, after the last ("0.5、1.2和3个百分点")."""
NOT_SHARED_UNITS = frozenset({"年", "周年"})
"""Units a list never shares: "2015和2016年" are two years, not two durations."""


def find_values(text: str) -> list[Value]:
    """Every number printed with a unit in ``text``, left to right; a bare number in a list takes the unit
    printed after the list's last number, other bare numbers (dates, ratios) are skipped."""
    values: list[Value] = []
    waiting: list[Value] = []  # bare numbers of a list still without a unit
    for match in VALUE.finditer(text):
        value = value_at(match, text)
        if waiting and text[waiting[-1].end : value.start] not in LIST_GAPS:
            waiting = []
        if not value.unit:
            waiting.append(value)
            continue
        if value.unit not in NOT_SHARED_UNITS:
            values.extend(replace(w, unit=value.unit) for w in waiting)
        waiting = []
        values.append(value)
    return values
