"""What a value measures: the noun phrase printed before it ("固投完成49亿元" → 固投, 完成), the words
after it ("31个项目竣工投产"), or the subjects of a 分别 list ("一产、二产、三产增加值分别增长…").

An indicator is a noun phrase of the text: never a conjunction, punctuation or a filler word alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jcviewer.model.parse.cues import BULLETS

CLAUSE_BREAKS = "，。；：！？"
LIST_SEPARATORS = "、"
CONJUNCTIONS = ("以及", "和", "与", "及", "或")
"""Words joining the last two members of a list ("A、B和C")."""

VERBS = (
    "增长", "增加", "提高", "提升", "下降", "减少", "降低", "达到", "达",
    "完成", "实现", "突破", "超过", "净增", "新增", "投入", "打造", "搭建",
    "实施", "建成", "开展", "引进", "培育", "占", "连续", "排名", "为", "控制在", "保持",
    "保持在", "稳定在", "增加到", "增长到", "提高到", "下降到", "降至", "增至",
    "降到", "升至", "是", "共有", "拥有", "收窄", "扩大", "回落", "上涨", "下滑", "下跌",
)  # fmt: skip
"""Verbs linking an indicator to its value; matched longest first so 净增 wins over 增."""

ALIASES = {"经济": "地区生产总值", "经济总量": "地区生产总值"}
"""Wordings that name an indicator only as a whole ("经济增长6%左右" is the GDP target). Not search synonyms:
"经济" alone must not find every GDP figure."""

LEADING_FILLERS = (
    r"预计|初步预计|估计|预估|有望|力争|确保|全年|累计|同比|其中|共有|拥有|共|总计|是|今年|上半年|下半年|前三季度|[一二三四]季度|"
    r"[一二三四五六七八九十]+、对|截至目前|截至|目前|此外|另外|同时|而|但|仍能|仍|要|将|努力|(?:主要)?(?:预期)?目标(?:是|为)|全省|全市|全区|全县|"
    r"\d+(?:至|-|—)\d+月(?:份)?|\d+月(?:份)?|(?:19|20)\d\d年(?:全年)?"
)
"""Words that open a clause without being part of what is measured ("全市" is the report's own area; "一、对…"
opens a task list's item)."""

TRAILING_FILLERS = (
    r"预计可|初步预计|预计|估计|预估|有望|可望|力争|确保|累计|同比|分别|(?<!平)均|都|也|首次|再次|继续|已|又|了|"
    r"比上年|较上年|比同期|由上年|由|以|共|约|近|设定为|定为"
)
"""Words between an indicator and its verb ("城镇调查失业率平均为" keeps 平均 as part of the wording)."""

NOT_INDICATORS = frozenset({
    "目前", "其中", "同时", "此外", "全年", "今年", "同比", "分别", "总量", "合计", "目标", "任务", "目标任务", "水平",
    "计划", "确定",
})  # fmt: skip
"""Words that are never what is measured on their own."""

PAIRED_PREFIXES = {"城乡": ("城镇", "农村")}
"""A prefix that names two groups at once: "城乡居民收入分别增长a、b" is 城镇… a, 农村… b."""

_VERB_ALTERNATION = "|".join(sorted(VERBS, key=len, reverse=True))
_VERB_AT_END = re.compile(f"(?:{_VERB_ALTERNATION})$")
_VERB_AT_START = re.compile(f"^(?:{_VERB_ALTERNATION})")
_ANY_VERB = re.compile(_VERB_ALTERNATION)
_LEAD = re.compile(f"^(?:[{LIST_SEPARATORS}{CLAUSE_BREAKS}{BULLETS}的]|{'|'.join(CONJUNCTIONS)}|{LEADING_FILLERS})+")
_TRAIL = re.compile(f"(?:{TRAILING_FILLERS})+$")
_INNER_VERB = re.compile(r"(?:实现|完成)(?=.)")
_RANK = re.compile(r"(?:排名|排|位列|位居|居)(?:全[国省市县区])?第$")
_BRACKETS = re.compile(r"（[^（）]{0,30}）|\([^()]{0,30}\)")
_PUNCTUATION_ONLY = re.compile(rf"^[\s{LIST_SEPARATORS}{CLAUSE_BREAKS}“”‘’（）()]*$")
_COMPARISON_BASE = re.compile(r"^(?:比(?!重|例)|较|高于|低于)")  # "比一季度提升…": the base, not the indicator
_TRAILING_CONJUNCTION = re.compile(f"(?:{'|'.join(CONJUNCTIONS)})$")
_QUOTE_MARKS = re.compile(r"[“”‘’]")
_TIME_WORDS = re.compile(
    r"在?(?:19|20)\d\d(?:[和、至—-](?=(?:19|20)\d\d年)|年(?:全年)?)"
    r"|今年|去年|上半年|下半年|前三季度|[一二三四]季度"
)
"""When a value is about is its period, not part of what it measures ("某市上半年GDP" → 某市GDP)."""
HEAD_NOUNS = ("增加值", "产量", "产值", "收入", "增速", "总额", "投资", "销售额", "营业收入", "利润")
"""Head nouns a list prints once, after its last member ("采矿业、制造业增加值" → 采矿业增加值, 制造业增加值)."""


@dataclass(frozen=True)
class Subject:
    """What a value measures as printed, and the verb that links them ("" when none is printed)."""

    wording: str
    measure: str


def is_indicator(wording: str) -> bool:
    """False for an empty wording, punctuation, a conjunction or a filler word alone."""
    return not (
        _PUNCTUATION_ONLY.match(wording)
        or wording in CONJUNCTIONS
        or wording in NOT_INDICATORS
        or _VERB_AT_START.fullmatch(wording)
    )


def _strip(wording: str) -> str:
    """The wording without its opening fillers and bracketed asides."""
    wording = _TIME_WORDS.sub("", _QUOTE_MARKS.sub("", _BRACKETS.sub("", wording)))
    wording = wording[wording.rfind("）") + 1 :]  # the end of an aside opened before the clause
    opened = wording.find("（")
    wording = wording[:opened] if opened >= 0 else wording  # an aside the value sits in
    return _LEAD.sub("", wording).strip()


@lru_cache(maxsize=4096)
def subject_before(left: str) -> Subject:
    """The indicator and verb printed before a value: "规上工业企业净增" → 规上工业企业, 净增;
    "一产实现增加值" → 一产增加值, 实现; "新增高新技术企业" → 高新技术企业, 新增."""
    left = _TRAIL.sub("", _strip(left))
    rank = _RANK.search(left)
    if rank:
        return Subject(_clean(left[: rank.start()]), "排名")
    verb = _VERB_AT_END.search(left)
    if verb:
        return Subject(_clean(left[: verb.start()]), verb.group())
    verb = _VERB_AT_START.match(left)
    if verb:
        return Subject(_clean(left[verb.end() :]), verb.group())
    return Subject(_clean(left), "")


@lru_cache(maxsize=4096)
def _clean(wording: str) -> str:
    """Drop fillers around the wording and join a verb inside it ("全市实现地区生产总值" → 全市地区生产总值)."""
    wording = _TRAIL.sub("", _strip(wording))
    inner = _INNER_VERB.search(wording)
    if inner:
        wording = _TRAIL.sub("", wording[: inner.start()]) + wording[inner.end() :]
    wording = _strip(wording)
    return wording if is_indicator(wording) and not _COMPARISON_BASE.match(wording) else ""


@lru_cache(maxsize=4096)
def subject_after(right: str) -> str:
    """The indicator printed after a value ("个项目竣工投产" side: "项目竣工投产")."""
    right = _VERB_AT_START.sub("", right.lstrip("的"))
    return _clean(_TRAILING_CONJUNCTION.sub("", right))


def own_member(left: str) -> str:
    """The words before a value from its own list member on: after the last 、 when what comes before it is a
    clause of its own, a subject with its verb ("居民收入增长与经济增长基本同步、粮食产量" → 粮食产量); else all."""
    head, separator, member = left.rpartition(LIST_SEPARATORS)
    verb = _ANY_VERB.search(head.lstrip(LIST_SEPARATORS + CLAUSE_BREAKS))
    return member if separator and member and verb is not None and verb.start() > 0 else left


def topic(sentence: str) -> str:
    """The sentence's subject: its first clause up to the first verb ("GDP连续三年突破百亿" → "GDP")."""
    first = re.split(f"[{CLAUSE_BREAKS}]", sentence, maxsplit=1)[0]
    verb = _ANY_VERB.search(first)
    return _clean(first[: verb.start()]) if verb else ""


def list_members(wording: str, count: int) -> list[str]:
    """The ``count`` subjects of a 分别 list ("一产、二产、三产增加值", 3 → 一产增加值, 二产增加值, 三产增加值),
    or [] when the wording does not name that many."""
    wording = _clean(wording)
    if not wording:
        return []
    members = wording.split(LIST_SEPARATORS)
    if len(members) == count - 1 or (len(members) == 1 and count == 2):
        members = members[:-1] + _split_conjunction(members[-1])
    if len(members) == 1 and count == 2:
        return _paired(members[0])
    if len(members) != count or not all(members):
        return []
    return _share_head(members)


def _split_conjunction(wording: str) -> list[str]:
    for word in CONJUNCTIONS:
        head, found, tail = wording.rpartition(word)
        if found and head and tail:
            return [head, tail]
    return [wording]


def _paired(wording: str) -> list[str]:
    for prefix, (first, second) in PAIRED_PREFIXES.items():
        if prefix in wording:
            return [wording.replace(prefix, first, 1), wording.replace(prefix, second, 1)]
    return []


def _share_head(members: list[str]) -> list[str]:
    """Give short members the head noun printed once after the last ("城镇、农村居民收入" → 城镇居民收入 …)."""
    width = max(len(m) for m in members[:-1])
    last = members[-1]
    if len(last) > width + 1:
        head = last[_head_start(last, len(members[-2])) :]
    else:
        head = next((h for h in HEAD_NOUNS if last.endswith(h) and len(last) > len(h)), "")
    if not head or any(m.endswith(head) for m in members[:-1]):
        return members
    return [m + head for m in members[:-1]] + [last]


def _head_start(last: str, width: int) -> int:
    """Where the shared head starts in the last member: at a head noun about ``width`` in, else at ``width``."""
    for noun in HEAD_NOUNS:
        position = last.find(noun, 1)
        if position >= 0 and abs(position - width) <= 1:
            return position
    return width
