"""The genre's page vocabulary: what marks a caption, page furniture, a heading and an article's opening.

Words here describe newspaper pages in general (photo credits, editors' lines, datelines), never one report.
"""

from __future__ import annotations

import re

HEADING_MAX_WIDTH = 30.0
"""Headings, sub-headings and headline blocks are display lines of at most this many ems."""

HEADING_GROUP_MAX_LINES = 4
"""A headline block (引题/主题/副题) has at most this many lines."""

HEADING_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．](?!\d))"
)
"""How a numbered heading opens (``一、``, ``（二）``, ``3.``): each one is a heading of its own."""

SENTENCE_PUNCTUATION = "。！？；：…"
"""A line holding any of these is running text, not a heading (a heading may hold commas)."""

PUNCTUATION = "，。、；：！？“”‘’（）《》…,.;:!?()\"'"
"""Any punctuation: a banner (a slogan from another article) has none."""

BULLETS = "●•◆◇○◎■□▪▫▶►▸★☆"
"""Marks a list item opens with (``●经济增长6%左右``); a run of lines opening with the same mark is a list, its
items body text. A marked line that stands alone (``■ 主要预期目标`` over a list of ``●`` items) is a head."""

NAMES_A_REPORT = re.compile(
    "(?:报告|讲话|致辞|会议|大会|全会|公报|纲要|方案|决定|决议|摘要|导读)(?:[（(][^（）()]{1,6}[)）])?$"
)
"""How a document's title ends: naming the report, speech or meeting it is (``某县政府工作报告``, ``…分工方案（一）``,
``…报告（摘要）``); a slogan that only mentions one (``学习贯彻…全会精神``) is no title."""

OCCASION = re.compile(r"^[—－-]{1,2}(?:\d{4}年\d{1,2}月\d{1,2}日)?在.{2,60}上$")
"""The line under a speech's or report's title naming its date and occasion (``——2025年1月6日在某县第十八届人民
代表大会第五次会议上``), layout spaces removed."""

BANNER_MAX_WIDTH = 16.0
"""A banner from another article, or a headline set apart at the page's edge, is a short slogan (ems)."""

PHOTO_CREDIT = re.compile(
    r"(?:摄影?|供图|制图|图片来源|资料图|截图)\s*$"  # a credit at the end
    r"|(?:记者|通讯员|摄影)\s*\S{2,8}\s*摄|摄影[/／：:]"  # 记者 某某 摄, 摄影/某某
)
"""A caption's credit: ``记者 某某 摄``, ``新华社发 某某 摄``, ``制图``, ``资料图``."""

PHOTO_WORDS = re.compile(
    r"^(?:图为|图[一二三四五六七八九\d]+[：:]|上图|下图|左图|右图|图片[：:])"  # 图为…
    r"|(?:现场|合影|一角|全景|航拍图?|资料图)$"  # …会议现场
)
"""Words that describe a photo: ``图为…``, ``…会议现场``."""

PERSON_TITLES = (
    "书记",
    "县长",
    "市长",
    "区长",
    "省长",
    "镇长",
    "乡长",
    "主席",
    "主任",
    "局长",
    "部长",
    "厅长",
    "院长",
    "代表",
    "委员",
)
"""Titles that, followed by a name and an action, make a line a photo's description (``县长某某安排工作``)."""

DATELINE = re.compile(
    r"^(?:[^\W\d]{2,12}\s*)?\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:：]\d{2})?(?:\s*[|｜]?\s*[^\W\d]{2,12})?$"
)
"""A line giving only when (and where) the text was published: ``某某日报 2025年01月17日``, a date and a paper."""

BYLINE = re.compile(
    r"^[^\s，。；：！？]{0,16}?(?:"
    + "|".join(PERSON_TITLES)
    + r")\s*(?!"
    + "|".join(PERSON_TITLES)
    + r")[^\W\d们的在和与及是为]{2,4}$"
)
"""A line naming who speaks or reports, as a speech's or report's front matter does (``某县人民政府县长 某某``):
a title and a name, nothing else."""

PERSON_AT_WORK = re.compile(
    "(?:" + "|".join(PERSON_TITLES) + r")(?!们)[^\W\d们的在和与及]{2,3}"  # a title, then a name
    r"(?:作[^，。]{0,12}报告|讲话|发言|主持|出席|调研|部署|安排|考察|参加|察看|看望|慰问|致辞|宣读|听取|具体|"
    r"在[^，。]{0,12}(?:讲话|发言|调研|考察|主持))"
)
"""A titled person doing something, as a meeting photo's caption names them (``县长某某在会上讲话``)."""

PAGE_FURNITURE = re.compile(
    r"^(?:第\s*[\d一二三四五六七八九十]+\s*版.{0,12}|\d{1,3}|[-—－]\s*\d{1,3}\s*[-—－]|"
    r".{0,12}(?:责任编辑|责编|版式|美编|校对|组版)\s*[：:].*)$"
)
"""Page furniture: ``第3版  要闻``, a bare page number, an editors' line ``责任编辑：某某  版式：某某``."""

ARTICLE_OPENING = re.compile(
    r"^(?:本报讯|本网讯|新华社|[^，。]{0,12}(?:电|讯)[（(]|[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?"
    r"(?:上午|下午|晚|晚间|早|清晨|的|[，,])|近日|日前|[春夏秋冬][日天]的)"
)
"""How a news article opens: a dateline (``本报讯``, ``1月26日上午，``, ``近日``) or a scene set by the season
or month (``三月的山城…``, ``冬日的…``), as feature articles about a meeting do."""

_ONE_TO_TEN = "[二三四五六七八九十]{1,2}"
NUMBERING_FAMILIES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"^[（(]一[)）]"), re.compile(rf"^[（(]{_ONE_TO_TEN}[)）]")),
    (re.compile(r"^一是"), re.compile(rf"^{_ONE_TO_TEN}是")),
    (re.compile(r"^一、"), re.compile(rf"^{_ONE_TO_TEN}、")),
    (re.compile(r"^1[、.．](?!\d)"), re.compile(r"^[2-9][、.．](?!\d)")),
    (re.compile(r"^首先[，,]"), re.compile(r"^(?:其次|再次|最后)[，,]")),
)
"""Ways to number paragraphs, each as (how the first opens, how the next ones open): ``（一）…（二）``, ``一是…二是``,
``一、…二、``, ``1.…2.``, ``首先，…其次，``. The numbering restarts where a section starts."""

REFERS_BACK = re.compile(
    r"^(?:看来|可见|由此可见|因此|所以|总之|此外|另外|同时|而且|但是|不过|然而|其中|对此|与此同时|"
    r"这[一个些种座里]|该[县市区镇乡村]|他们|他[说表认]|她[说表认]|上述|以上|前者|后者)"
)
"""A paragraph that opens by referring back (``看来，``, ``其中，``, ``这座…``): it continues a section and
never opens one."""

SPEECH_INTRODUCED = re.compile(r"(?:纷纷|一致|都|们)(?:表示|认为|说|谈到|感慨)|(?:表示|说|谈到)[：:]$")
"""The end of a paragraph that introduces the reactions that follow (``大家纷纷表示，…``)."""


def names_a_photo(text: str) -> bool:
    """Whether a line (layout spaces removed) reads as a photo's caption: credited, describing a photo, or
    naming a titled person at work."""
    return bool(PHOTO_CREDIT.search(text) or PHOTO_WORDS.search(text) or PERSON_AT_WORK.search(text))
