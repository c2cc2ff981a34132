"""Who speaks: the speaker and title named in a clause with a speech verb ("省人大代表、…站副站长X说").

Every function here looks at a bounded stretch of text (one clause, at most ``CLAUSE_REACH`` characters), so
the cost per quotation is constant whatever the paragraph's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Verbs that introduce or close direct speech, longest first so "说道" wins over "说".
SPEECH_VERBS = (
    "深有感触",
    "倍感振奋",
    "告诉记者",
    "补充说",
    "补充道",
    "接着说",
    "笑着说",
    "表示",
    "说道",
    "指出",
    "认为",
    "谈到",
    "坦言",
    "直言",
    "感慨",
    "感叹",
    "介绍",
    "强调",
    "透露",
    "提到",
    "解释",
    "笑称",
    "称",
    "说",
)
# The last word of a title: "…党委副书记、镇长" + name.
TITLE_ENDINGS = (
    "书记",
    "镇长",
    "乡长",
    "县长",
    "市长",
    "区长",
    "省长",
    "州长",
    "局长",
    "处长",
    "科长",
    "所长",
    "站长",
    "院长",
    "校长",
    "馆长",
    "主任",
    "经理",
    "董事长",
    "总裁",
    "总监",
    "主席",
    "部长",
    "厅长",
    "秘书长",
    "理事长",
    "委员",
    "代表",
    "干部",
    "负责人",
    "创始人",
    "厂长",
    "村长",
    "组长",
    "队长",
    "会长",
    "社长",
    "行长",
    "教授",
    "学者",
    "专家",
    "学家",
    "企业家",
    "博士",
    "村民",
    "居民",
    "农民",
    "工",
    "员",
    "师",
)
# Words between a name and its verb that belong to neither: "X则说", "X激动地说".
LINKING_WORDS = (
    "同志",
    "先生",
    "女士",
    "纷纷",
    "一致",
    "再次",
    "随后",
    "同时",
    "则",
    "也",
    "还",
    "又",
    "更",
    "就",
    "都",
)
# The person spoken to, or the occasion, between name and verb: "X对本报记者说", "X在会上表示".
SETTING_STARTS = "对向告接在"
_SETTING = re.compile(
    r"(?:(?:对|向|告诉|接受)[^，。；：！？“”]{0,24}(?:记者|媒体|采访)时?"
    r"|在[^，。；：！？“”]{1,24}(?:上|时|中|期间|之际))"
)
# How a speaker speaks: "激动地说" (any two characters + 地) or one of these longer ways ("深有感触地说").
LONG_MANNERS = ("深有感触", "语重心长", "信心满满", "信心十足", "满怀信心", "感慨万千", "意味深长", "斩钉截铁")
_MANNER = re.compile("(?:" + "|".join(LONG_MANNERS) + r"|[\u4e00-\u9fff]{2})地$")
# Connectives that may open the clause before a title: "据县统计局局长X介绍", "而县长X则表示".
ROLE_LEADS = ("对此", "同时", "此外", "另外", "其中", "据", "而", "但", "并")
TITLE_PREFIXES = "总副常"  # "总书记", "副县长", "常务副…" before a title ending
SINGULAR_PRONOUNS = ("他", "她")
# Speakers that are no one in particular: a quotation they speak has no speaker to name.
COLLECTIVE_SPEAKERS = ("大家", "我们", "他们", "她们", "大伙", "人们", "与会人员", "与会者", "干部群众", "群众")
# Common surnames (a bare 2–3 character clause is a name only if it starts with one); rare surnames that also
# start everyday words (海, 国, 明, 和, 师 …) are left out: "海关表示" names no person.
SURNAMES = frozenset(
    "习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝"
    "游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵"
    "苟邬边卞姬仇栾隋刁巫寇桑郎甄丛仲虞敖巩佘苑迟邝封谈匡鞠惠荆冀郁胥栗燕楚鄢谌奚粟冼蔺厉伊仝郜阚帅屠朴廉禹祖漆狄"
    "扈晁芮阙戈伏鹿薄邸雍辜裘亓邰赫杭鲜逯茹诸慕玉亢嵇哈湛宾戎勾茅尉冶斯檀昝尧"
)
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
    )
)
CLAUSE_BREAKS = "，。；：！？,;:!?”“"
CLAUSE_REACH = 60  # characters of a clause that may hold a title and a name
# Last characters of organisations and places ("商务局", "发改委"): a bare name never ends with one.
ORGANISATION_ENDINGS = "局委厅部办院所会社司行署处站队校馆室组团厂场区县市省镇乡村街"
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_MINORITY_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8}){1,3}")
_ROLE_NAME = re.compile(
    "^(?P<role>.*(?:" + "|".join(TITLE_ENDINGS) + r"))(?P<name>[\u4e00-\u9fff]{2,4}|" + _MINORITY_NAME.pattern + ")$"
)
_ROLE_ONLY = re.compile("(?:" + "|".join(TITLE_ENDINGS) + ")$")

Kind = Literal["named", "pronoun", "unnamed"]


@dataclass(frozen=True)
class Speaker:
    """Who a clause says is speaking: a ``named`` person (with the title given there, maybe ""), a
    ``pronoun`` (他/她: someone named before) or an ``unnamed`` person ("有关负责人", "专家")."""

    kind: Kind
    name: str = ""
    role: str = ""


def is_name(words: str) -> bool:
    """True for a plausible personal name: surname + 1–2 characters, compound surname + 1–2, or a name
    written with ·."""
    if _MINORITY_NAME.fullmatch(words):
        return True
    if not _HAN.fullmatch(words):
        return False
    if words[:2] in COMPOUND_SURNAMES and len(words) in (3, 4):
        return True
    return words[0] in SURNAMES and len(words) in (2, 3) and words[-1] not in ORGANISATION_ENDINGS


def _without_setting(clause: str) -> str:
    """``clause`` without a closing "对…记者" or "在…时": the shortest such ending, so that a name starting
    with 向 stays."""
    for start in range(len(clause) - 2, 0, -1):
        if clause[start] in SETTING_STARTS and _SETTING.fullmatch(clause, start):
            return clause[:start]
    return clause


def _trim(clause: str) -> str:
    """The clause without blanks, and without what stands between a name and its verb."""
    clause = "".join(clause.split())[-CLAUSE_REACH:]
    for _ in range(3):  # "X在会上对记者激动地" holds at most a few of them
        before = clause
        clause = _without_setting(clause)
        if clause.endswith("地"):
            clause = _MANNER.sub("", clause)
        for word in LINKING_WORDS if clause.endswith(LINKING_WORDS) else ():
            if clause.endswith(word) and len(clause) > len(word):
                clause = clause[: -len(word)]
                break
        if clause == before:
            break
    return clause


def _without_lead(role: str) -> str:
    """A title without the connective the sentence opened with ("据县长" → "县长")."""
    for word in ROLE_LEADS:
        if role.startswith(word) and len(role) > len(word):
            return role[len(word) :]
    return role


def _is_bare_title(words: str) -> bool:
    """True for a title alone, as written after a name: "书记", "总书记", "副县长" (not "级工程师")."""
    if words[:1] in TITLE_PREFIXES:
        words = words[1:]
    return len(words) >= 2 and words in TITLE_ENDINGS


def _name_before_title(clause: str) -> Speaker | None:
    """A name written before its title ("王明书记", "李县长"): the speaker is the name, or surname and title when
    only the surname is given."""
    if _is_bare_title(clause[3:]) and is_name(clause[:3]):
        return Speaker("named", clause[:3], clause[3:])
    if _is_bare_title(clause[2:]) and is_name(clause[:2]):
        return Speaker("named", clause[:2], clause[2:])
    if _is_bare_title(clause[1:]) and clause[:1] in SURNAMES:
        return Speaker("named", clause, clause[1:])
    return None


def speaker_of(clause: str) -> Speaker | None:
    """The speaker named by the subject of a speech verb ("某县某镇党委副书记、镇长X"), or None when
    the clause names no person ("会议", "据")."""
    clause = _trim(clause)
    if not clause or clause in COLLECTIVE_SPEAKERS:
        return None
    if clause in SINGULAR_PRONOUNS:
        return Speaker("pronoun")
    match = _ROLE_NAME.match(clause)
    if match and is_name(match.group("name")) and not _ROLE_ONLY.search(match.group("name")):
        return Speaker("named", match.group("name"), _without_lead(match.group("role")))
    named_first = _name_before_title(clause)
    if named_first:
        return named_first
    if is_name(clause) and not _ROLE_ONLY.search(clause):
        return Speaker("named", clause)
    if _ROLE_ONLY.search(clause):
        return Speaker("unnamed", role=clause)
    return None


def last_clause(text: str) -> str:
    """The words after the last clause break of ``text`` (at most ``CLAUSE_REACH`` characters)."""
    tail = text[-CLAUSE_REACH:]
    cut = max(tail.rfind(mark) for mark in CLAUSE_BREAKS)
    return tail[cut + 1 :]


def ends_with_verb(head: str) -> str:
    """``head`` without its final speech verb (and the "：" or "，" after it), or "" when it does not end with
    one."""
    head = head.rstrip().rstrip("：:，,").rstrip()
    if not head.endswith(SPEECH_VERBS):
        return ""
    for verb in SPEECH_VERBS:
        if head.endswith(verb) and len(head) > len(verb):
            return head[: -len(verb)]
    return ""
