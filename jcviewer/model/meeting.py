"""Who and when, read from a report's own words (Qt-free): the meeting's date, the leaders who reported and
the unit that issued the text, for the head of a briefing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jcviewer.model.parse.attribution import speaker_of
from jcviewer.model.parse.cues import BYLINE
from jcviewer.model.report import Report

_CHINESE_MONTHS = "一二三四五六七八九十"
_DAY = re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
_MEETING_HELD = re.compile("召开|举行|开幕|闭幕|会议|大会")
_SENTENCE_END = re.compile("[。！？]")
_MONTH = re.compile(r"(十[一二]|[一二三四五六七八九十])月")
_REPORTING = re.compile(
    r"(?P<subject>[^，。；：“”]{2,40}?)"
    r"(?:代表[^，。；“”]{2,16}?，?)?(?:在[^，。；“”]{1,12}?上|向[^，。；“”]{1,12}?)?"
    r"(?:所作|作了|作出|作)(?:的)?(?P<what>[^，。；“”]{0,10}?(?:报告|讲话|安排|部署))"
)
"""A leader reporting: "县委书记李某代表县委常委会所作的工作报告", "县长某某在大会上作政府工作报告", "某某就经济工作作出
具体安排" (the subject is read by the quotation parser's speaker rules)."""
_GAVE = re.compile("(?:政府)?工作报告|报告|讲话|致辞")
"""What a title says its text is, as a leader gives it ("2025年某县政府工作报告" → 政府工作报告)."""
_ON_TOPIC = re.compile(r"(?:同志)?就[^，。；“”]{1,16}$")
_HEARING = re.compile(r"^.*(?:听取|听了|审议|讨论)了?")  # "听取和讨论了县委书记某某" names the leader after it
_ISSUER = re.compile(r"(?<!数据)(?<!资料)(?:来源|供稿|主办|编发|发布单位)[:：]\s*(?P<unit>[^\s，。；（）()]{2,24})")
"""Who issued the text ("来源：县委办公室"); a statistic's source ("数据来源：县统计局") is not."""
_CONTRIBUTED = re.compile(r"[（(](?P<unit>[^（）()，。]{2,24}?)供稿[）)]")
REPORTERS_READ = 6  # paragraphs from the start where a briefing looks for who reported
MAX_REPORTERS = 4


@dataclass(frozen=True)
class Reporter:
    """A leader who reported at the meeting: name, title as the report gives it (maybe ""), and what they gave
    ("工作报告", "具体安排")."""

    name: str
    role: str
    gave: str


def meeting_date(report: Report) -> str:
    """When the meeting was, from the opening paragraphs: a date in a sentence that says a meeting was held
    ("2月9日上午，县委经济工作会议隆重召开" → "2024年2月9日" with the report's year, "2月9日" without one); else
    "2024年1月" from a month the first paragraphs name and the year; else "". A date elsewhere (a census's
    reference day, a statistic's) is not the meeting's. The heading the text opens with is read first: a speech's
    title block names its date and occasion ("——2025年1月6日在某县第十八届人民代表大会第五次会议上")."""
    texts = [p.text for p in report.paragraphs() if p.kind in ("body", "lead")]
    front = [line for s in report.sections[:1] if s.headed for line in (s.title, s.subtitle) if line]
    for text in front + texts[:REPORTERS_READ]:
        for sentence in _SENTENCE_END.split(text):
            match = _DAY.search(sentence)
            if match and _MEETING_HELD.search(sentence):
                year = match["year"] or (str(report.year) if report.year else "")
                day = f"{int(match['month'])}月{int(match['day'])}日"
                return f"{year}年{day}" if year else day
    if report.year:
        for text in texts[:3]:
            match = _MONTH.search(text)
            if match:
                name = match[1]
                month = 10 + _CHINESE_MONTHS.index(name[1]) + 1 if len(name) == 2 else _CHINESE_MONTHS.index(name) + 1
                return f"{report.year}年{month}月"
    return ""


def reporters(report: Report) -> tuple[Reporter, ...]:
    """The leaders the opening paragraphs say reported, spoke or set out the work, each once, in the order
    named ("听取了县委书记刘某代表县委常委会所作的工作报告 … 县长王某就经济工作作出具体安排"); first the one a
    report's front matter names under its title ("某县人民政府县长 某某")."""
    opening = [p.text for p in report.paragraphs() if p.kind in ("body", "lead")][:REPORTERS_READ]
    texts = opening + [c.paragraph.text for c in report.captions]  # "县长某某作政府工作报告。记者某某 摄"
    signed = _signed_by(report)
    found: dict[str, Reporter] = {signed.name: signed} if signed else {}
    for text in texts:
        for match in _REPORTING.finditer(text):
            subject = _ON_TOPIC.sub("", _HEARING.sub("", match["subject"]))
            speaker = speaker_of(subject.removesuffix("同志"))
            if speaker is None or speaker.kind != "named":
                continue  # "他", "会议": no one to name
            if speaker.name.endswith(speaker.role) and any(n.startswith(speaker.name[0]) for n in found):
                continue  # "秦县长" after "县长秦某某": the same leader
            if speaker.name not in found:
                found[speaker.name] = Reporter(speaker.name, speaker.role, match["what"].lstrip("作出了的"))
    return tuple(found.values())[:MAX_REPORTERS]


def _signed_by(report: Report) -> Reporter | None:
    """The leader a speech's or report's front matter names under its title ("某县政府工作报告" over "某县人民政府
    县长 某某"), giving what the title names; None when the text opens otherwise."""
    first = report.sections[0] if report.sections else None
    if first is None or not first.headed or not first.paragraphs:
        return None
    gave = _GAVE.search(first.title)
    if gave is None or not BYLINE.match(first.paragraphs[0].text):
        return None
    speaker = speaker_of(first.paragraphs[0].text)
    return Reporter(speaker.name, speaker.role, gave.group()) if speaker and speaker.kind == "named" else None


def issuing_unit(report: Report) -> str:
    """The unit the text says issued or contributed it ("来源：县委办公室", "（县委宣传部供稿）"), or ""."""
    texts = [p.text for p in report.paragraphs()] + [b.paragraph.text for b in report.banners]
    for text in texts:
        match = _ISSUER.search(text) or _CONTRIBUTED.search(text)
        if match:
            return match["unit"]
    return ""
