"""Numbers with meaning: indicator, value, unit, qualifier, period (target/result) and year.

Works on repaired paragraph text. A value is a number printed with a unit (units.py: "103亿元", "6%左右",
"729.2万吨标准煤"); years ("2024年") and dates ("10月") are not values. The indicator is read from the clause
before the value ("固投完成49亿元"), else after it ("31个项目竣工投产"), else carried from the sentence
("GDP……预计完成103亿元，增长1%"); a 分别 list maps its values to its subjects in order (indicators.py). The
period comes from the paragraph's time cues, a clause's own "目标", and years printed before the value
(periods.py); a number inside someone's quotation or in brackets is never a target, every number after a
declaration of targets ("主要预期目标是：") is one. A fall is negative ("下降3.3%" → −3.3); an estimate word
(预计 …) marks the figures of its clause and the rest of its sentence ``estimate``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from jcviewer.model.parse.indicators import (
    ALIASES,
    CLAUSE_BREAKS,
    CONJUNCTIONS,
    LIST_SEPARATORS,
    Subject,
    list_members,
    own_member,
    subject_after,
    subject_before,
    topic,
)
from jcviewer.model.parse.periods import (
    ESTIMATE,
    YEAR,
    ClausePeriod,
    clause_period,
    declaration_end,
    has_time_cue,
    paragraph_period,
    paragraph_year,
    printed_years,
    target_year,
)
from jcviewer.model.parse.units import Value, find_values
from jcviewer.model.report import FALL_MEASURES, Metric, Paragraph, Period, Qualifier, Quote, Section
from jcviewer.model.vocabulary import Synonyms

__all__ = ["canonical_indicator", "find_metrics", "paragraph_period", "target_year"]

_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
_NOT_AFTER_VALUE = ("月", "日", "号")
_RESPECTIVELY = "分别"
_RATE_WORDS = frozenset({"增速", "增幅", "降幅", "占比"})
_OPENS_ESTIMATE = re.compile(r"(?:据|经|初步|全年|今年|去年|(?:19|20)\d\d年)*$")
"""What may come before an estimate word that governs the rest of its sentence ("据初步预计，")."""
_RESTATED_GOAL = re.compile(r"的[^，。；\d]{0,4}增长目标")
_NOT_NOUNS = frozenset("的和与及或")
_WORD_STOPS = CLAUSE_BREAKS + LIST_SEPARATORS
# A count printed before its noun: "全县有3.2万户市场主体、460家规上企业和12家上市企业".
_NOUN_FOLLOWS = re.compile(f"(?:^|[{LIST_SEPARATORS}]|有|包括|{'|'.join(CONJUNCTIONS)})$")
_LIST_GAPS = frozenset({"", LIST_SEPARATORS, *CONJUNCTIONS})
_REACH = 40  # an indicator is a short noun phrase: never look further back than this
_PLAN_WORDS = re.compile("今年|明年|新的一年|新一年")
# "增长6%左右": a plan's wording; results are rarely printed with 左右 or as a range
_PLAN_QUALIFIERS: frozenset[Qualifier] = frozenset({"about", "at_least", "at_most", "range"})
_GOAL_QUALIFIERS: frozenset[Qualifier] = frozenset({"about", "range"})
_LOOK_BACK = 4  # metrics an indicator-less value looks back over to skip those in an aside
_MAX_VERB_GAP = 6  # "分别增长" … "分别同比增长": the words between 分别 and the first value
_RANK_BEFORE = re.compile(r"(?:排名|排|位列|位居|居)(?:全[国省市县区])?第$")
_RATE_UNITS = frozenset({"%", "‰", "个百分点"})
_QUALITATIVE = re.compile(
    r"^(?P<indicator>[^，。；]*?(?:指标|任务))(?P<verb>完成|达到|实现|控制在)(?P<rest>[^，。；]*要求|[^，。；]*任务)$"
)


@dataclass
class _Sentence:
    """One sentence being read: where it is, its period and year defaults, what was found so far."""

    paragraph: Paragraph
    start: int
    text: str
    period: Period | None
    year: int | None
    plan_year: int | None
    quoted: list[tuple[int, int]]
    synonyms: Synonyms
    carried: str  # the indicator the paragraph's previous sentences ended on
    metrics: list[Metric] = field(default_factory=list)
    kinds: dict[int, ClausePeriod | None] = field(default_factory=dict)

    breaks: list[int] = field(default_factory=list)
    _brackets: list[tuple[int, int]] | None = None
    _years: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None

    def __post_init__(self) -> None:
        self.breaks = [i for i, c in enumerate(self.text) if c in CLAUSE_BREAKS]

    @property
    def brackets(self) -> list[tuple[int, int]]:
        """The bracketed asides (found on first use)."""
        if self._brackets is None:
            self._brackets = _bracket_spans(self.text)
        return self._brackets

    @property
    def years(self) -> list[tuple[int, int]]:
        """The years printed, as (end position, year) (found on first use)."""
        return self._printed_years()[0]

    @property
    def years_outside(self) -> list[tuple[int, int]]:
        """The years printed outside any aside."""
        return self._printed_years()[1]

    def _printed_years(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        if self._years is None:
            years = printed_years(self.text)
            self._years = years, [(end, year) for end, year in years if not self.in_brackets(end - 1)]
        return self._years

    def clause(self, position: int) -> tuple[int, int]:
        """Start and end of the clause holding ``position``."""
        return _clause_bounds(self.breaks, position, len(self.text))

    @cached_property
    def plans(self) -> bool:
        """True when the sentence speaks of the year planned for ("今年", "新的一年", or that year printed)."""
        if self.plan_year is not None and any(year == self.plan_year for _, year in self.years_outside):
            return True
        return _PLAN_WORDS.search(self.text) is not None

    def clause_kind(self, position: int) -> ClausePeriod | None:
        """ "target", "estimate" or None for the clause holding ``position`` (cached per clause)."""
        start, end = self.clause(position)
        if start not in self.kinds:
            self.kinds[start] = clause_period(self.text[start:end])
        return self.kinds[start]

    @cached_property
    def estimate_words(self) -> list[tuple[int, int]]:
        """Where the sentence's estimate words (预计 …) are, as (start, end)."""
        return [match.span() for match in ESTIMATE.finditer(self.text)]

    def estimated(self, position: int) -> bool:
        """True when an estimate word governs the value at ``position``: one in its clause; one opening an earlier
        clause ("据初步预计，…", "预计全年…"); or one after an earlier clause's subject ("GDP预计完成103亿元，
        增长1%") when the value names no subject of its own — never across a year printed after the word."""
        clause_start, clause_end = self.clause(position)
        for start, end in self.estimate_words:
            if start >= clause_end:
                break
            if start >= clause_start:
                return True
            if any(end <= year_end <= position for year_end, _ in self.years_outside):
                continue
            if _OPENS_ESTIMATE.match(self.text, self.clause(start)[0], start):
                return True
            if not subject_before(self.text[clause_start:position]).wording:
                return True
        return False

    @cached_property
    def declaration(self) -> int | None:
        """Where the sentence's declaration of targets ("主要预期目标是：") ends, or None."""
        return declaration_end(self.text)

    def declared(self, position: int) -> bool:
        """True when ``position`` follows the sentence's declaration of targets."""
        return self.declaration is not None and self.declaration <= position

    def in_brackets(self, position: int) -> bool:
        """True when ``position`` is inside （…）."""
        return _inside(self.brackets, position)

    def aside_start(self, position: int) -> int:
        """Just after the （ of the aside holding ``position``, else 0."""
        index = bisect_right(self.brackets, (position, float("inf"))) - 1
        inside = index >= 0 and self.brackets[index][0] <= position < self.brackets[index][1]
        return self.brackets[index][0] + 1 if inside else 0


def _clause_bounds(breaks: list[int], position: int, length: int) -> tuple[int, int]:
    """The clause around ``position``: from after the break before it to the break after it."""
    index = bisect_left(breaks, position)
    start = breaks[index - 1] + 1 if index else 0
    end = breaks[index] if index < len(breaks) else length
    return start, end


def _words_after(text: str, position: int) -> str:
    """The words after a value up to the next break, list comma or number (at most _REACH characters)."""
    end, stop = position, min(len(text), position + _REACH)
    while end < stop and text[end] not in _WORD_STOPS and not text[end].isdigit():
        end += 1
    return text[position:end]


def _is_value(text: str, value: Value) -> bool:
    """False for years, dates, ordinals, numbers that only qualify a noun ("13县的…指标") and a growth target
    restated ("确定4.5%左右的增长目标": it was set, with its indicator, before)."""
    if value.unit == "年" and YEAR.fullmatch(text[value.start : value.end]):
        return False
    if _RESTATED_GOAL.match(text, value.end):
        return False
    following = text[value.end : value.end + 1]
    if following in _NOT_AFTER_VALUE or (following == "的" and value.unit not in _RATE_UNITS):
        return False
    if text[value.start - 1 : value.start] != "第":
        return True
    return _RANK_BEFORE.search(text[max(0, value.start - _REACH) : value.start]) is not None


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every bracketed aside, outermost only, in order (an unclosed one runs to the end)."""
    spans, depth, opened = [], 0, 0
    for index, char in enumerate(text):
        if char in "（(":
            if depth == 0:
                opened = index
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, index + 1))
    if depth:
        spans.append((opened, len(text)))
    return spans


def _without_thresholds(reading: _Sentence, values: list[Value]) -> list[Value]:
    """The values without those that only bound a noun counted next ("10亿元以上项目5个": 10亿元 is a class)."""
    kept = []
    for index, value in enumerate(values):
        next_char = reading.text[value.end : value.end + 1]
        bounds_a_noun = value.qualifier == "at_least" and next_char.isalpha() and next_char not in _NOT_NOUNS
        following = values[index + 1] if index + 1 < len(values) else None
        if bounds_a_noun and following and reading.clause(following.start) == reading.clause(value.start):
            continue
        kept.append(value)
    return kept


def _respectively_groups(text: str, values: list[Value]) -> list[tuple[int, int, int]]:
    """The 分别 lists of a sentence as (分别 position, first value index, value count)."""
    groups = []
    index = 0
    for match in re.finditer(_RESPECTIVELY, text):
        while index < len(values) and values[index].start < match.end():
            index += 1
        if index >= len(values):
            break
        gap = text[match.end() : values[index].start]
        if len(gap) > _MAX_VERB_GAP or any(c in CLAUSE_BREAKS or c.isdigit() for c in gap):
            continue
        last = index
        while last + 1 < len(values) and text[values[last].end : values[last + 1].start] in _LIST_GAPS:
            last += 1
        if last > index:
            groups.append((match.start(), index, last - index + 1))
    return groups


def _group_subjects(reading: _Sentence, position: int, values: list[Value], first: int, count: int) -> list[Subject]:
    """One subject per value of a 分别 list: its printed members, else the metrics just before it."""
    text = reading.text
    measure = subject_before(text[position + len(_RESPECTIVELY) : values[first].start]).measure
    floor = max(reading.clause(position)[0], position - _REACH, values[first - 1].end if first else 0)
    region = text[max(floor, reading.aside_start(position)) : position]
    members = list_members(region, count)
    if not members and _names_no_subject(region) and len(reading.metrics) >= count:
        members = [m.original for m in reading.metrics[-count:]]
    if not members:
        shared = subject_before(region).wording or _carried(reading)
        members = [shared] * count
    return [Subject(member, measure) for member in members]


def _names_no_subject(region: str) -> bool:
    """True when the words before 分别 name no subject of their own ("同比", "增速")."""
    wording = subject_before(region).wording
    return not wording or wording in _RATE_WORDS


def _carried(reading: _Sentence) -> str:
    """The indicator a value without its own takes: the last one of the sentence outside an aside (of the
    last few), else the sentence's topic, else the one the paragraph's previous sentence ended on."""
    for metric in reading.metrics[-1 : -_LOOK_BACK - 1 : -1]:
        if not reading.in_brackets(metric.span[0] - reading.start):
            return metric.original
    if reading.metrics:
        return reading.metrics[-1].original
    return topic(reading.text[:_REACH]) or reading.carried


def _subject(reading: _Sentence, value: Value, previous_end: int) -> Subject:
    """What ``value`` measures, from the words around it."""
    text = reading.text
    clause_start = reading.clause(value.start)[0]
    left = own_member(text[max(clause_start, previous_end, value.start - _REACH) : value.start])
    after = subject_after(_words_after(text, value.end)) if _NOUN_FOLLOWS.search(left) else ""
    subject = Subject(after, "") if after else subject_before(left)
    wording = subject.wording or subject_after(_words_after(text, value.end))
    if not wording:
        opens_with_change = text.startswith("同比", clause_start)
        wording = reading.metrics[0].original if opens_with_change and reading.metrics else _carried(reading)
    return Subject(wording, subject.measure)


def _period(reading: _Sentence, value: Value) -> Period | None:
    """The value's period: the paragraph's, a clause's own goal, never a target inside a quote or brackets."""
    period = reading.period
    kind = reading.clause_kind(value.start)
    declared = reading.declared(value.start)
    if declared or kind == "target" or (period is None and value.qualifier in _PLAN_QUALIFIERS and reading.plans):
        period = "target"
    elif (
        period == "result"
        and value.qualifier in _GOAL_QUALIFIERS
        and _printed_year(reading, value.start) == reading.plan_year
    ):
        period = "target"  # "2024年，全县地区生产总值增长6%左右" in a report planning 2024
    if period == "target" and reading.estimated(value.start):
        return None
    quoted = _inside(reading.quoted, reading.start + value.start)
    if period == "target" and (quoted or reading.in_brackets(value.start)):
        return None
    return period


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """True when ``position`` is inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _year(reading: _Sentence, value: Value, period: Period | None) -> int | None:
    """The year printed last before the value in its sentence, else the paragraph's."""
    if period is None:
        return None
    if period == "target":
        declaration = reading.declaration  # the year printed before "主要预期目标是：" is the targets' year
        printed = (
            _printed_year(reading, declaration) if declaration is not None and declaration <= value.start else None
        )
        return printed if printed is not None else reading.plan_year
    printed = _printed_year(reading, value.start)
    return printed if printed is not None else reading.year


def _printed_year(reading: _Sentence, position: int) -> int | None:
    """The year printed last before ``position`` in its sentence (in its aside, or outside any), else None."""
    years = reading.years if reading.in_brackets(position) else reading.years_outside
    index = bisect_right(years, (position, 9999)) - 1
    return years[index][1] if index >= 0 else None


def _signed(value: Value, measure: str) -> tuple[float, float | None]:
    """The value and range end with a fall negative ("下降3%—5%" → −5, −3); as printed otherwise."""
    if measure not in FALL_MEASURES:
        return value.number, value.number_max
    if value.number_max is None:
        return -value.number, None
    return -value.number_max, -value.number


def _metric(reading: _Sentence, value: Value, subject: Subject, qualifier: Qualifier) -> Metric:
    period = _period(reading, value)
    number, number_max = _signed(value, subject.measure)
    return Metric(
        indicator=canonical_indicator(reading.synonyms, subject.wording),
        original=subject.wording,
        measure=subject.measure,
        value=number,
        value_max=number_max,
        unit=value.unit,
        qualifier=qualifier,
        period=period,
        year=_year(reading, value, period),
        expression=value.expression,
        text=reading.text,
        paragraph=reading.paragraph.id,
        span=(reading.start + value.start, reading.start + value.end),
        estimate=reading.estimated(value.start),
    )


def canonical_indicator(synonyms: Synonyms, wording: str) -> str:
    """The wording with abbreviations expanded, without the head noun an abbreviation already held
    ("社零总额" → 社会消费品零售总额, not …总额总额); a whole-indicator alias named ("经济" → 地区生产总值)."""
    expanded = synonyms.expand(wording)
    for group in synonyms.groups:
        canonical = group[0]
        expanded = expanded.replace(canonical + canonical[-2:], canonical)
    return ALIASES.get(expanded, expanded)


def _list_qualifiers(values: list[Value]) -> list[Qualifier]:
    """Each value's qualifier; one printed only after the last value of a list applies to all of it."""
    if values[-1].stated_qualifier and not any(v.stated_qualifier for v in values[:-1]):
        return [values[-1].qualifier] * len(values)
    return [v.qualifier for v in values]


def _sentence_metrics(reading: _Sentence) -> list[Metric]:
    text = reading.text
    values = _without_thresholds(reading, [v for v in find_values(text) if _is_value(text, v)])
    groups = {first: (position, count) for position, first, count in _respectively_groups(text, values)}
    index, previous_end = 0, 0
    while index < len(values):
        if index in groups:
            position, count = groups[index]
            members = values[index : index + count]
            subjects = _group_subjects(reading, position, values, index, count)
            for value, subject, qualifier in zip(members, subjects, _list_qualifiers(members), strict=True):
                reading.metrics.append(_metric(reading, value, subject, qualifier))
            index += count
        else:
            value = values[index]
            subject = _subject(reading, value, previous_end)
            reading.metrics.append(_metric(reading, value, subject, value.qualifier))
            index += 1
        previous_end = values[index - 1].end
    if any(m.period == "target" for m in reading.metrics):
        reading.metrics.extend(_qualitative(reading))
    return reading.metrics


def _qualitative(reading: _Sentence) -> list[Metric]:
    """Targets without a number in a sentence of numeric targets ("约束性指标完成市定要求")."""
    found = []
    offset = 0
    for clause in re.split(f"([{CLAUSE_BREAKS}])", reading.text):
        match = _QUALITATIVE.match(clause) if len(clause) > 1 else None
        if match and not any(c.isdigit() for c in clause):
            expression_start = reading.start + offset + match.start("verb")
            found.append(
                Metric(
                    indicator=canonical_indicator(reading.synonyms, match.group("indicator")),
                    original=match.group("indicator"),
                    measure=match.group("verb"),
                    value=None,
                    value_max=None,
                    unit="",
                    qualifier="qualitative",
                    period="target",
                    year=reading.plan_year,
                    expression=match.group("verb") + match.group("rest"),
                    text=reading.text,
                    paragraph=reading.paragraph.id,
                    span=(expression_start, reading.start + offset + len(clause)),
                )
            )
        offset += len(clause)
    return found


def _quoted_spans(quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for quote in quotes:
        spans.setdefault(quote.paragraph, []).append(quote.span)
    return {paragraph: sorted(found) for paragraph, found in spans.items()}


def _names_a_time(text: str) -> bool:
    return has_time_cue(text) or _PLAN_WORDS.search(text) is not None


def _headings(sections: Iterable[Section]) -> dict[str, list[str]]:
    """Each paragraph's headings, innermost first (title and subtitle of every section holding it)."""
    found: dict[str, list[str]] = {}

    def visit(section: Section, above: list[str]) -> None:
        here = [section.title + section.subtitle, *above] if section.kind == "section" else above
        for paragraph in section.paragraphs:
            found.setdefault(paragraph.id, here)
        for child in section.children:
            visit(child, here)

    for section in sections:
        visit(section, [])
    return found


def find_metrics(
    paragraphs: Iterable[Paragraph],
    synonyms: Synonyms,
    quotes: Sequence[Quote] = (),
    sections: Iterable[Section] = (),
) -> tuple[list[Metric], int | None]:
    """Every metric in reading order, and the year the report plans for (the latest year of ``paragraphs`` and
    the headings of ``sections``: "三、2026年的重点工作"). ``quotes`` are the direct quotations found in
    ``paragraphs``: numbers inside them are the speaker's, not the report's targets. A paragraph that names no
    time takes it from its nearest heading that does ("■ 2024年成绩单" over "●粮食总产达到557亿斤"), else from
    the review running on before it."""
    paragraphs = list(paragraphs)
    headings = _headings(sections)
    plan_year = target_year([*(p.text for p in paragraphs), *{h for found in headings.values() for h in found}])
    quoted = _quoted_spans(quotes)
    metrics: list[Metric] = []
    review: tuple[Period, int | None] | None = None  # the review running on into paragraphs without a time cue
    for paragraph in paragraphs:
        timed = paragraph.text
        if not _names_a_time(timed):
            timed = next((h for h in headings.get(paragraph.id, []) if _names_a_time(h)), "")
        period = paragraph_period(timed, plan_year)
        year = paragraph_year(timed, period, plan_year)
        if timed:
            recent = year is not None and plan_year is not None and year >= plan_year - 1  # not a history
            review = (period, year) if period == "result" and recent else None
        elif review is not None:
            period, year = review  # "一是…" paragraphs after "过去一年，…" review the same year
        if not _DIGIT.search(paragraph.text):
            continue  # no number, no metric
        spans = quoted.get(paragraph.id, [])
        carried = ""
        for match in _SENTENCE.finditer(paragraph.text):
            sentence = match.group()
            if not _DIGIT.search(sentence):
                continue
            reading = _Sentence(paragraph, match.start(), sentence, period, year, plan_year, spans, synonyms, carried)
            found = _sentence_metrics(reading)
            metrics.extend(found)
            carried = next((m.original for m in reversed(found) if m.original), carried)
    return metrics, plan_year
