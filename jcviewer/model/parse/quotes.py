"""Direct speech (“……” with an attribution) and quoted key terms (“四创战略”)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jcviewer.model.report import Paragraph, ParseWarning, Quote

_QUOTED = re.compile(r"“([^“”]*)”")
_VERB = re.compile(
    r"(?:[\u4e00-\u9fff]{1,2}地)?(?:表示|说道|说|指出|认为|谈到|坦言|感慨|介绍|强调|倍感振奋|深有感触|感叹)"
)
# Titles end a role ("……党委副书记、镇长"); the 2-4 characters after them are the name.
_ROLE_NAME = re.compile(
    r"^(?P<role>.*(?:书记|镇长|乡长|县长|市长|区长|省长|局长|处长|科长|所长|站长|院长|校长|主任|经理|"
    r"董事长|总监|主席|部长|厅长|委员|代表|干部|负责人|厂长|村长|组长|队长|会长|社长|行长|工|员|师|村民))"
    r"(?P<name>[\u4e00-\u9fff]{2,4})$"
)
_VERB_AT_END = re.compile(f"(?:{_VERB.pattern})$")
ATTRIBUTION_REACH = 60  # characters before a quote that may name its speaker
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_PRONOUNS = {"他", "她", "我", "我们", "他们", "她们", "大家"}
_CLAUSE_BREAK = "，。；：！？,;:"
_SENTENCE_END = "。！？；"
SPEECH_PUNCTUATION = re.compile(r"[，。！？；]")
TERM_MAX_LENGTH = 20


def _speaker(clause: str) -> tuple[str, str] | None:
    """(name, role) from "交城县天宁镇党委副书记、镇长韩辉"; None when it names nobody."""
    clause = clause.strip()
    if clause in _PRONOUNS:
        return None
    match = _ROLE_NAME.match(clause)
    if match:
        return match.group("name"), match.group("role")
    if _NAME_ONLY.match(clause):
        return clause, ""
    return None


def _attribution_after(text: str, end: int) -> tuple[str, str] | None:
    """Speaker named in the sentence after a closing quote: "…。”韩辉表示，…"."""
    stop = end
    while stop < len(text) and text[stop] not in _SENTENCE_END and text[stop] != "“":
        stop += 1
    sentence = text[end:stop]
    for verb in _VERB.finditer(sentence):
        head = sentence[: verb.start()]
        cut = max(head.rfind(c) for c in _CLAUSE_BREAK)
        found = _speaker(head[cut + 1 :])
        if found:
            return found
    return None


def _attribution_before(text: str, start: int) -> tuple[str, str] | None:
    """Speaker named just before an opening quote: "韩辉表示：“…”"."""
    head = text[max(0, start - ATTRIBUTION_REACH) : start].rstrip("：:，,")
    verb = _VERB_AT_END.search(head)
    if verb is None:
        return None
    before = head[: verb.start()]
    cut = max(before.rfind(c) for c in _CLAUSE_BREAK + "”")
    return _speaker(before[cut + 1 :])


def quoted_spans(text: str) -> Iterator[re.Match[str]]:
    """Every “……” pair in a paragraph (unbalanced marks are skipped)."""
    return _QUOTED.finditer(text)


def find_quotes(paragraphs: Iterable[Paragraph]) -> tuple[list[Quote], list[ParseWarning]]:
    """Direct speech with its speaker and role, in reading order; warnings for doubtful attributions."""
    quotes: list[Quote] = []
    warnings: list[ParseWarning] = []
    for paragraph in paragraphs:
        for match in quoted_spans(paragraph.text):
            if not SPEECH_PUNCTUATION.search(match.group(1)):
                continue
            found = _attribution_after(paragraph.text, match.end()) or _attribution_before(
                paragraph.text, match.start()
            )
            if found:
                name, role = found
                quotes.append(Quote(name, role, match.group(1), paragraph.id, match.span(1)))
    return quotes, warnings


def find_terms(texts: Iterable[str]) -> list[str]:
    """Key terms (热词): short quoted phrases that are not speech, first occurrence first."""
    terms: dict[str, None] = {}
    for text in texts:
        for match in quoted_spans(text):
            words = match.group(1)
            if 2 <= len(words) <= TERM_MAX_LENGTH and not SPEECH_PUNCTUATION.search(words):
                terms.setdefault(words, None)
    return list(terms)
