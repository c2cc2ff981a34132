"""A section's text on its briefing: whole when it fits, else shortened a whole sentence at a time (Qt-free).

A passage is the section's paragraphs in reading order (body text, sub-headings, quotation paragraphs). It is
shortened by leaving out whole sentences, the least important first: rhetorical questions, then transitional
sentences (those that only lead into what follows: "会议指出：", "同时，"), then each paragraph's later sentences,
the longest paragraph first, until every paragraph keeps only its first statement; every heading stays. Only
then whole paragraphs go, the last first, and last of all a first statement too long for the page ends after a
clause. Where anything is left out the elision mark (……) stands, and a closing quotation mark is kept.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Literal, overload

ELISION = "……"
CLOSERS = "”’」』"
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
_SENTENCE = re.compile(r".+?(?:[。！？!?；;]+[”’」』）)]*|$)", re.S)
TRANSITIONS = ("同时", "此外", "另外", "与此同时", "总之", "总而言之", "综上", "由此可见", "可以说", "具体而言")
SHORT_SENTENCE = 10  # characters: a sentence this short that ends in a colon or comma only leads on
LONG_SENTENCE = 100  # characters: a statement this long may end after a clause when nothing else is left
_CLAUSE = re.compile(r".+?(?:[，；：,;:]|$)", re.S)

UnitKind = Literal["text", "heading", "quote"]


@dataclass(frozen=True)
class Unit:
    """One paragraph of a passage: body ``text``, a sub-``heading``, or a ``quote`` paragraph (its speaker and
    role, from the report's quotes, are set in bold and grey where the text names them)."""

    text: str
    kind: UnitKind = "text"
    speaker: str = ""
    role: str = ""


def speaker_runs(unit: Unit) -> list[tuple[str, bool]]:
    """A quotation paragraph as runs of (text, bold): its speaker's name bold the first time the text writes it
    (the whole text, not bold, when it does not)."""
    at = unit.text.find(unit.speaker) if unit.speaker else -1
    if at < 0:
        return [(unit.text, False)]
    end = at + len(unit.speaker)
    runs = [(unit.text[:at], False), (unit.speaker, True), (unit.text[end:], False)]
    return [(text, bold) for text, bold in runs if text]


def sentences(text: str) -> list[str]:
    """``text`` cut after each full stop, question or exclamation mark and semicolon (closing quotes stay with
    the sentence they close)."""
    return _SENTENCE.findall(text)


def is_question(sentence: str) -> bool:
    """True for a sentence that asks ("如何做好今年全县经济工作？")."""
    return sentence.rstrip(CLOSERS + "）) ").endswith(("？", "?"))


def is_transitional(sentence: str) -> bool:
    """True for a sentence that only leads on: it opens with a transition word and says little, or it is short
    and ends in a colon (or the text runs on after a colon with nothing said)."""
    bare = sentence.strip()
    if bare.endswith(("：", ":")) and len(bare) <= 2 * SHORT_SENTENCE:
        return True
    return bare.startswith(TRANSITIONS) and len(bare) <= 2 * SHORT_SENTENCE


def whole_sentences(text: str, limit: int) -> str:
    """``text``'s first sentences that fit in ``limit`` characters (at least the first, whole), followed by the
    elision mark when some are left out."""
    cut = sentences(text)
    kept = cut[:1]
    for sentence in cut[1:]:
        if len("".join(kept)) + len(sentence) > limit:
            break
        kept.append(sentence)
    return _joined(cut, [True] * len(kept) + [False] * (len(cut) - len(kept)))


def _joined(cut: list[str], kept: list[bool]) -> str:
    """The kept sentences, with one elision mark for each run left out, followed by the closing quotation marks
    the run closed for kept text ("他说：“要抓项目。……”")."""
    out, run = "", ""
    for sentence, shown in zip(cut, kept, strict=True):
        if shown:
            out += _elided(run) + sentence
            run = ""
        else:
            run += sentence
    return out + _elided(run)


def _elided(run: str) -> str:
    """The elision mark standing for ``run`` (left out), with the closing marks it holds for quotations opened
    before it; "" for no run."""
    if not run:
        return ""
    closers = "".join(close * max(0, run.count(close) - run.count(open_)) for open_, close in QUOTE_PAIRS)
    return ELISION + closers


@dataclass(frozen=True)
class Abridgement:
    """A passage with some sentences left out: the units as shown, how many sentences of how many, and whether
    a sentence too long for the page ends after a clause."""

    units: tuple[Unit, ...]
    left_out: int
    total: int
    clause_cut: bool = False


class Abridgements(Sequence[Abridgement]):
    """The passage whole, then shorter and shorter, in three stages, each step leaving out a little more:
    sentences one at a time in the order of importance of the module docstring, down to every paragraph's first
    statement; then whole paragraphs, the last first, down to the first; then, if that paragraph's statement is
    longer than ``LONG_SENTENCE`` (text extracted without full stops), its clauses, the last first.

    Each version is rendered when asked for: a layout bisects them (log n of n), and a long passage has
    thousands of versions of thousands of sentences."""

    def __init__(self, units: tuple[Unit, ...]) -> None:
        self._units = units
        self._cut = [sentences(u.text) if u.kind != "heading" else [u.text] for u in units]
        self._total = sum(len(c) for c, u in zip(self._cut, units, strict=True) if u.kind != "heading")
        self._steps = _leaving_order(units, self._cut)
        self._left_out = list(accumulate((len(ats) for _, ats in self._steps), initial=0))
        self._first = next((u for u, unit in enumerate(units) if unit.kind != "heading" and unit.text), None)
        self._clauses: list[str] = []
        if self._first is not None:
            statement = self._cut[self._first][_kept(self._cut[self._first])]
            self._clauses = _CLAUSE.findall(statement) if len(statement) > LONG_SENTENCE else []
        self._rendered: dict[int, Abridgement] = {}

    def __len__(self) -> int:
        return len(self._steps) + 1 + max(0, len(self._clauses) - 1)

    @overload
    def __getitem__(self, index: int) -> Abridgement: ...

    @overload
    def __getitem__(self, index: slice) -> list[Abridgement]: ...

    def __getitem__(self, index: int | slice) -> Abridgement | list[Abridgement]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        number = index + len(self) if index < 0 else index
        if not 0 <= number < len(self):
            raise IndexError(index)
        if number not in self._rendered:
            self._rendered[number] = self._render(number)
        return self._rendered[number]

    def _render(self, number: int) -> Abridgement:
        steps = min(number, len(self._steps))
        kept = [[True] * len(c) for c in self._cut]
        for unit_at, sentence_ats in self._steps[:steps]:
            for sentence_at in sentence_ats:
                kept[unit_at][sentence_at] = False
        units = self._shown(kept)
        left_out = self._left_out[steps]
        if number == steps:
            return Abridgement(units, left_out, self._total)
        assert self._first is not None  # clause versions exist only for a first paragraph
        count = len(self._clauses) - (number - steps)  # the clauses this version keeps
        cut = self._cut[self._first]
        statement = _kept(cut)
        opening = ELISION if statement > 0 else ""
        rest = "".join(self._clauses[count:]) + "".join(cut[statement + 1 :])
        clipped = replace(self._units[self._first], text=opening + "".join(self._clauses[:count]) + _elided(rest))
        return Abridgement(units[: self._first] + (clipped,) + units[self._first + 1 :], left_out, self._total, True)

    def _shown(self, kept: list[list[bool]]) -> tuple[Unit, ...]:
        """The units as they read with ``kept``; paragraphs left out whole in a row stand as one elision mark."""
        out: list[Unit] = []
        for unit, cut, flags in zip(self._units, self._cut, kept, strict=True):
            text = unit.text if all(flags) else _joined(cut, flags)
            if text == ELISION and out and out[-1].text == ELISION:
                continue
            out.append(unit if text == unit.text else replace(unit, text=text))
        return tuple(out)


def abridgements(units: tuple[Unit, ...]) -> Abridgements:
    """The versions of ``units``, whole first, shorter and shorter (``Abridgements``)."""
    return Abridgements(units)


def _kept(cut: list[str]) -> int:
    """The sentence a paragraph always keeps: its first statement (a paragraph may open with a question)."""
    return next((number for number, sentence in enumerate(cut) if not is_question(sentence)), 0)


def _leaving_order(units: tuple[Unit, ...], cut: list[list[str]]) -> list[tuple[int, list[int]]]:
    """What is left out, step by step: (unit, its sentences) — one sentence a step, in the order of importance,
    then the rest of each paragraph after the first, the last paragraph first. Headings and the first
    paragraph's first statement never are."""
    candidates = [
        (u, s)
        for u, unit in enumerate(units)
        if unit.kind != "heading"
        for s in range(len(cut[u]))
        if s != _kept(cut[u])
    ]
    questions = [c for c in candidates if is_question(cut[c[0]][c[1]])]
    asked = set(questions)
    transitional = [c for c in candidates if c not in asked and is_transitional(cut[c[0]][c[1]])]
    order = questions + transitional
    early = set(order)
    remaining = [sum(len(sentence) for sentence in cut[u]) for u in range(len(units))]
    for u, s in order:
        remaining[u] -= len(cut[u][s])
    by_unit: dict[int, list[int]] = {}
    for u, s in candidates:
        if (u, s) not in early:
            by_unit.setdefault(u, []).append(s)
    longest_first = [(-remaining[u], u) for u in by_unit]
    heapq.heapify(longest_first)
    while longest_first:  # the longest paragraph gives up its last sentence
        _, longest = heapq.heappop(longest_first)
        sentence_at = by_unit[longest].pop()
        remaining[longest] -= len(cut[longest][sentence_at])
        order.append((longest, sentence_at))
        if by_unit[longest]:
            heapq.heappush(longest_first, (-remaining[longest], longest))
    steps = [(u, [s]) for u, s in order]
    paragraphs = [u for u, unit in enumerate(units) if unit.kind != "heading" and unit.text]
    for u in reversed(paragraphs[1:]):  # then whole paragraphs, the last first
        steps.append((u, [_kept(cut[u])]))
    return steps
