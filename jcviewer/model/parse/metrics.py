"""Numbers with meaning: indicator, value, unit, qualifier, period (target/result) and year.

Works on repaired paragraph text. A value is an Arabic number with a unit ("103亿元", "6%左右");
years ("2024年") and dates ("10月") are not values. The indicator is read from the clause before the
value ("固投完成49亿元"), else after it ("31个项目竣工投产"), else carried from the sentence's topic
("GDP……预计完成103亿元，增长1%").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from jcviewer.model.report import Metric, Paragraph, Quote
from jcviewer.model.vocabulary import Synonyms

_NUMBER = r"\d+(?:\.\d+)?"
_UNITS = (
    "个百分点|%|‰|亿元|万元|千元|元|亿|万|个|户|家|名|人次|万人|人|项|所|座|公里|千米|平方米|米|亩|吨|"
    "千瓦时|千瓦|倍|县|村|周年|年|次|批|条|件|台|辆|套|处|场|天"
)
_VALUE = re.compile(
    rf"(?<![\d.])(?P<num>{_NUMBER})(?:%?(?:-|~|～|—|至|到)(?P<num2>{_NUMBER}))?"
    rf"(?P<unit>{_UNITS})?(?P<qual>左右|以上|以内|以下)?"
)
_QUALIFIERS = {"左右": "about", "以上": "at_least", "以内": "at_most", "以下": "at_most"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
_CLAUSE_BREAK = "，。；：！？"
# Verbs that link an indicator to its value; longest first so 净增 wins over 增.
_VERB_WORDS = (
    "增长 增加 提高 提升 下降 减少 降低 达到 达 完成 实现 突破 超过 "
    "净增 新增 投入 打造 搭建 实施 建成 开展 引进 培育 占 连续 排名"
)
_VERBS = sorted(_VERB_WORDS.split(), key=len, reverse=True)
_ANY_VERB = re.compile("|".join(_VERBS))
_VERB_AT_END = re.compile(f"(?:{_ANY_VERB.pattern})$")
_VERB_AT_START = re.compile(f"^(?:{_ANY_VERB.pattern})")
_FILLER = re.compile(r"^(?:预计|力争|确保|全年|累计|同比|其中|共|总计|是|\d+(?:至|-)\d+月|\d+月份?|(?:19|20)\d\d年)+")
_TRAILING_FILLER = re.compile(r"(?:预计|力争|确保|累计|同比)+$")
_RANK = re.compile(r"(?:排名|排|位列|位居|居)(?:全[国省市县区])?第$")
_RESULT_CUE = re.compile(r"过去(?:的)?一年|去年|上年|一年来|(?<!\d)(?:19|20)\d\d年")
_TARGET_CUE = re.compile(r"设定|预期(?:奋斗)?目标|主要目标|力争|目标是|计划")
_QUALITATIVE = re.compile(
    r"^(?P<indicator>[^，。；]*?(?:指标|任务))(?P<verb>完成|达到|实现|控制在)(?P<rest>[^，。；]*要求|[^，。；]*任务)$"
)


def target_year(paragraphs: Iterable[Paragraph]) -> int | None:
    """The year the report plans for: the latest year it mentions."""
    years = [int(m.group(1)) for p in paragraphs for m in _YEAR.finditer(p.text)]
    return max(years) if years else None


def paragraph_period(text: str, plan_year: int | None) -> str | None:
    """ "result" or "target" by the paragraph's earliest time cue, None when it has none."""
    for match in re.finditer(f"{_RESULT_CUE.pattern}|{_TARGET_CUE.pattern}", text):
        if _TARGET_CUE.fullmatch(match.group()):
            return "target"
        year = _YEAR.fullmatch(match.group())
        if year is None or (plan_year is not None and int(year.group(1)) < plan_year):
            return "result"
    return None


def _clause_start(text: str, position: int, floor: int) -> int:
    start = position
    while start > floor and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    return start


def _clause_end(text: str, position: int) -> int:
    end = position
    while end < len(text) and text[end] not in _CLAUSE_BREAK and not text[end].isdigit():
        end += 1
    return end


def _subject_and_verb(left: str) -> tuple[str, str]:
    """ "规上工业企业净增" → ("规上工业企业", "净增"); "新增高新技术企业" → ("高新技术企业", "新增")."""
    left = _FILLER.sub("", left).lstrip("的")
    rank = _RANK.search(left)
    if rank:
        return left[: rank.start()], "排名"
    verb = _VERB_AT_END.search(left)
    if verb:
        return _TRAILING_FILLER.sub("", _FILLER.sub("", left[: verb.start()])), verb.group()
    verb = _VERB_AT_START.match(left)
    if verb:
        return left[verb.end() :], verb.group()
    return left, ""


def _topic(sentence: str) -> str:
    """The sentence's subject: its first clause up to the first verb ("GDP连续三年突破百亿" → "GDP")."""
    first = re.split(f"[{_CLAUSE_BREAK}]", sentence, maxsplit=1)[0]
    verb = _ANY_VERB.search(first)
    return _FILLER.sub("", first[: verb.start()] if verb else "")


def _number(text: str | None) -> float | None:
    return float(text) if text is not None else None


def _sentence_metrics(
    paragraph: Paragraph, start: int, sentence: str, period: str | None, year: int | None, synonyms: Synonyms
) -> list[Metric]:
    metrics: list[Metric] = []
    previous_end = 0
    for match in _VALUE.finditer(sentence):
        unit, number = match.group("unit") or "", match.group("num")
        if not unit or (unit == "年" and _YEAR.fullmatch(number + unit)):
            continue
        if sentence[match.end() : match.end() + 1] in ("月", "日", "号", "的"):
            continue  # a date, or a number that only qualifies a noun ("13县的…指标")
        left = sentence[_clause_start(sentence, match.start(), previous_end) : match.start()]
        subject, verb = _subject_and_verb(left)
        if not subject:
            right = sentence[match.end() : _clause_end(sentence, match.end())]
            subject = _VERB_AT_START.sub("", right.lstrip("的"))
        if not subject:
            subject = metrics[-1].original if metrics else _topic(sentence)
        qualifier = _QUALIFIERS.get(match.group("qual") or "", "exact")
        if match.group("num2"):
            qualifier = "range"
        metrics.append(
            Metric(
                indicator=synonyms.expand(subject),
                original=subject,
                measure=verb,
                value=float(number),
                value_max=_number(match.group("num2")),
                unit=unit,
                qualifier=qualifier,
                period=period,
                year=year,
                expression=match.group(),
                text=sentence,
                paragraph=paragraph.id,
                span=(start + match.start(), start + match.end()),
            )
        )
        previous_end = match.end()
    if period == "target" and metrics:
        metrics.extend(_qualitative(paragraph, start, sentence, period, year, synonyms))
    return metrics


def _qualitative(
    paragraph: Paragraph, start: int, sentence: str, period: str, year: int | None, synonyms: Synonyms
) -> list[Metric]:
    """Targets without a number in a sentence of numeric targets ("约束性指标完成市定要求")."""
    found = []
    offset = 0
    for clause in re.split(f"([{_CLAUSE_BREAK}])", sentence):
        match = _QUALITATIVE.match(clause) if len(clause) > 1 else None
        if match and not any(c.isdigit() for c in clause):
            expression_start = start + offset + match.start("verb")
            found.append(
                Metric(
                    indicator=synonyms.expand(match.group("indicator")),
                    original=match.group("indicator"),
                    measure=match.group("verb"),
                    value=None,
                    value_max=None,
                    unit="",
                    qualifier="qualitative",
                    period=period,
                    year=year,
                    expression=match.group("verb") + match.group("rest"),
                    text=sentence,
                    paragraph=paragraph.id,
                    span=(expression_start, start + offset + len(clause)),
                )
            )
        offset += len(clause)
    return found


def find_metrics(
    paragraphs: Iterable[Paragraph], synonyms: Synonyms, quotes: Sequence[Quote] = ()
) -> tuple[list[Metric], int | None]:
    """Every metric in reading order, and the year the report plans for. ``quotes`` are the direct quotations
    found in ``paragraphs``: numbers inside them are the speaker's, not the report's targets."""
    paragraphs = list(paragraphs)
    plan_year = target_year(paragraphs)
    metrics: list[Metric] = []
    for paragraph in paragraphs:
        period = paragraph_period(paragraph.text, plan_year)
        year = None
        if plan_year is not None and period is not None:
            year = plan_year if period == "target" else plan_year - 1
        for match in _SENTENCE.finditer(paragraph.text):
            metrics.extend(_sentence_metrics(paragraph, match.start(), match.group(), period, year, synonyms))
    return metrics, plan_year
