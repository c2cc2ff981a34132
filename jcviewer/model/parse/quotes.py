"""Direct speech (“……” with an attribution) and quoted key terms (“四创战略”).

A quotation is direct speech when it reads as speech (sentence punctuation inside, or a "说：" before it) and a
person is named next to it: before (``X说：“……”``), after (``“……”X表示。``), or around it when the
quotation is split (``“……，”X说，“……”``). ``他说`` is resolved to the one person named just before; when
that is unsure, or the speaker is nobody in particular ("有关负责人表示"), the quotation is left out with a
``quote_speaker`` warning. Catch-phrases (“四创战略”) are key terms, and speech without quotation marks
(``X表示，……``) is indirect: neither is a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jcviewer.model.parse.attribution import (
    CLAUSE_BREAKS,
    CLAUSE_REACH,
    SPEECH_VERBS,
    Speaker,
    ends_with_verb,
    last_clause,
    speaker_of,
)
from jcviewer.model.parse.quotations import OPEN, Quotation, innermost_quotations, quotations
from jcviewer.model.report import Paragraph, ParseWarning, Quote

SPEECH_PUNCTUATION = re.compile(r"[，。！？；]")
TERM_MAX_LENGTH = 20
ATTRIBUTION_REACH = 60  # characters before a quotation that may name its speaker
SENTENCE_REACH = 120  # characters after a quotation searched for "X表示"
AFTER_CLAUSES = 3  # clauses of that sentence that may hold it ("12月13日，…局长X对记者说")
PRONOUN_LOOKBACK = 2  # earlier paragraphs searched for the person a 他/她 stands for
SENTENCE_ENDS = "。！？；!?;"
_COLONS = "：:"
_SPEECH_ENDING = "。！？，…；!?,"  # last character of words that end an utterance
_MENTION = re.compile("(?:" + "|".join(SPEECH_VERBS) + r")(?=[，,：:。；！？“\s]|$)")


@dataclass(frozen=True)
class _Mention:
    """A person introduced by a speech verb, direct or indirect ("代表X认为，…"); ``name`` is "" for an
    unnamed one ("有关负责人表示")."""

    position: int
    name: str
    role: str


class _People:
    """The people a paragraph introduces with a speech verb, read in order up to a position (each verb once)."""

    def __init__(self, text: str) -> None:
        self._verbs = _MENTION.finditer(text)
        self._text = text
        self._next: _Mention | None = None
        self._done = False
        self.names: set[str] = set()
        self.last: _Mention | None = None

    def _advance(self) -> _Mention | None:
        for verb in self._verbs:
            clause = last_clause(self._text[max(0, verb.start() - CLAUSE_REACH) : verb.start()])
            speaker = speaker_of(clause)
            if speaker and speaker.kind != "pronoun":  # an unnamed speaker ("有关负责人") is someone else too
                return _Mention(verb.start(), speaker.name, speaker.role)
        self._done = True
        return None

    def read_all(self) -> _People:
        """Take in everyone the paragraph names; returns itself."""
        return self.read_to(len(self._text))

    def read_to(self, position: int) -> _People:
        """Take in the people named before ``position``; returns itself."""
        while not self._done:
            if self._next is None:
                self._next = self._advance()
                if self._next is None:
                    break
            if self._next.position >= position:
                break
            self.names.add(self._next.name)
            self.last, self._next = self._next, None
        return self


def _resolve(people: Sequence[_People]) -> _Mention | None:
    """The one person a 他/她 stands for: named earlier in its paragraph, else in the nearest earlier paragraph
    that names anyone (``people`` nearest first); None when that names more than one person, or nobody."""
    for named in people:
        if named.last is not None:
            return named.last if len(named.names) == 1 and named.last.name else None
    return None


def _reads_as_speech(words: str) -> bool:
    return SPEECH_PUNCTUATION.search(words) is not None


@dataclass(frozen=True)
class _Before:
    """What stands before an opening mark: a speech verb (``said``), maybe with a colon, and its speaker."""

    said: bool = False
    colon: bool = False
    speaker: Speaker | None = None


def _before(text: str, quotation: Quotation) -> _Before:
    """The speaker named just before the opening mark ("镇长X表示：“"); ``said`` without a speaker when the
    verb's subject is no person ("会议指出：“")."""
    head = text[max(0, quotation.outer_start - ATTRIBUTION_REACH) : quotation.outer_start].rstrip()
    subject = ends_with_verb(head)
    if not subject:
        return _Before()
    return _Before(True, head.endswith(tuple(_COLONS)), speaker_of(last_clause(subject)))


def _opens_sentence(text: str, quotation: Quotation) -> bool:
    """True when nothing but punctuation or the paragraph's start comes before the opening mark."""
    head = text[max(0, quotation.outer_start - 8) : quotation.outer_start].rstrip()
    return not head or head[-1] in CLAUSE_BREAKS + "…"


def _after(text: str, quotation: Quotation) -> Speaker | None:
    """The speaker named in the sentence after the closing mark: "”镇长X表示，…", "”12月13日，…局长X对记者说。"."""
    if not quotation.closed or not _opens_sentence(text, quotation):
        return None
    words = text[quotation.start : quotation.end].rstrip()
    rest = text[quotation.outer_end : quotation.outer_end + SENTENCE_REACH]
    if not (words.endswith(tuple(_SPEECH_ENDING)) or rest.lstrip().startswith(("，", ","))):
        return None
    stop = len(rest)
    for index, char in enumerate(rest):
        if char in SENTENCE_ENDS or char == OPEN:
            stop = index
            break
    clauses = [c for c in re.split(r"[，,：:]", rest[:stop]) if c.strip()]
    for clause in clauses[:AFTER_CLAUSES]:
        subject = ends_with_verb(clause)
        found = speaker_of(subject) if subject else None
        if found:
            return found
    return None


def _split_attribution(text: str, first: Quotation, second: Quotation) -> Speaker | None:
    """The speaker between the two halves of one quotation ("“……，”X说，“……”"), or None when what stands
    between them is not just an attribution."""
    gap = text[first.outer_end : second.outer_start]
    if not first.closed or len(gap) > CLAUSE_REACH or any(mark in gap for mark in SENTENCE_ENDS):
        return None
    subject = ends_with_verb(gap)
    if not subject or any(mark in subject for mark in CLAUSE_BREAKS):
        return None
    found = speaker_of(subject)
    return found if found and found.kind != "unnamed" else None


class _Finder:
    """Walks the paragraphs in reading order, remembering who was named and which quotation runs on."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.warnings: list[ParseWarning] = []
        self.earlier: list[_People] = []  # the last paragraphs, nearest last
        self.running: Quote | None = None  # an unclosed quote, which the next paragraph may continue
        self.pending: ParseWarning | None = None  # its warning, withdrawn if the next paragraph continues it

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        continues = self.running is not None and text.lstrip().startswith(OPEN)
        if self.pending and not continues:
            self.warnings.append(self.pending)
        running, self.running, self.pending = self.running, None, None
        here = _People(text)
        found = list(quotations(text))
        index = 0
        while index < len(found):
            quotation = found[index]
            words = text[quotation.start : quotation.end]
            span = (quotation.start, quotation.end)
            before = _before(text, quotation)
            speaker, last = before.speaker, quotation
            if not before.said and index + 1 < len(found):
                speaker = _split_attribution(text, quotation, found[index + 1])
                if speaker:
                    last = found[index + 1]
                    words += text[last.start : last.end]
                    index += 1
            if speaker is None and not before.said:  # "会议指出：“……”X表示，…": X speaks after it
                speaker = _after(text, quotation)
            if speaker is None and index == 0 and running and continues:
                speaker = Speaker("named", running.speaker, running.role)
            index += 1
            if _reads_as_speech(words) or (before.colon and speaker is not None):
                self._add(paragraph, here, quotation, speaker, words, span, last.closed)
            if not last.closed:
                self.pending = ParseWarning(
                    "quote_unclosed", "a quotation opens and never closes: kept to the paragraph's end", paragraph.id
                )
        self.earlier = [*self.earlier, here][-PRONOUN_LOOKBACK:]

    def _add(
        self,
        paragraph: Paragraph,
        here: _People,
        quotation: Quotation,
        speaker: Speaker | None,
        words: str,
        span: tuple[int, int],
        closed: bool,
    ) -> None:
        if speaker is None:
            return
        name, role = speaker.name, speaker.role
        if speaker.kind == "pronoun":
            person = _resolve([here.read_to(quotation.outer_start), *(p.read_all() for p in reversed(self.earlier))])
            if person is None:
                self._doubt(ParseWarning("quote_speaker", "a quotation said by 他/她: who is not clear", paragraph.id))
                return
            name, role = person.name, ""
        elif speaker.kind == "unnamed":
            self._doubt(ParseWarning("quote_speaker", f"a quotation said by an unnamed {speaker.role}", paragraph.id))
            return
        quote = Quote(name, role, words, paragraph.id, span)
        self.quotes.append(quote)
        if not closed:
            self.running = quote

    def _doubt(self, warning: ParseWarning) -> None:
        """Warn once per paragraph: one doubt is enough for the reader to look at it."""
        if not any(w.code == warning.code and w.paragraph == warning.paragraph for w in self.warnings[-1:]):
            self.warnings.append(warning)


def find_quotes(paragraphs: Iterable[Paragraph]) -> tuple[list[Quote], list[ParseWarning]]:
    """Direct speech with its speaker and role, in reading order; warnings for doubtful attributions and
    quotations that never close."""
    finder = _Finder()
    for paragraph in paragraphs:
        finder.paragraph(paragraph)
    if finder.pending:
        finder.warnings.append(finder.pending)
    return finder.quotes, finder.warnings


def quoted_spans(text: str) -> Iterable[re.Match[str]]:
    """Every innermost “……” pair in a paragraph (unbalanced marks are skipped)."""
    return innermost_quotations(text)


def find_terms(texts: Iterable[str]) -> list[str]:
    """Key terms (热词): short quoted phrases that are not speech, first occurrence first."""
    terms: dict[str, None] = {}
    for text in texts:
        for match in quoted_spans(text):
            words = match.group(1)
            if 2 <= len(words) <= TERM_MAX_LENGTH and not _reads_as_speech(words):
                terms.setdefault(words, None)
    return list(terms)
