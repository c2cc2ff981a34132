"""A section's text on its briefing: whole when it fits, else shortened a whole sentence at a time (Qt-free).

A passage is the section's paragraphs in reading order (body text, sub-headings, quotation paragraphs). It is
shortened by leaving out whole sentences, the least important first: rhetorical questions, then transitional
sentences (those that only lead into what follows: "会议指出：", "同时，"), then each paragraph's later sentences,
the longest paragraph first; every paragraph keeps its first sentence and every heading stays. Where sentences
are left out the elision mark (……) stands, and a closing quotation mark of the paragraph is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

ELISION = "……"
CLOSERS = "”’」』"
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"))
_SENTENCE = re.compile(r".+?(?:[。！？!?；;]+[”’」』）)]*|$)", re.S)
TRANSITIONS = ("同时", "此外", "另外", "与此同时", "总之", "总而言之", "综上", "由此可见", "可以说", "具体而言")
SHORT_SENTENCE = 10  # characters: a sentence this short that ends in a colon or comma only leads on

UnitKind = Literal["text", "heading", "quote"]


@dataclass(frozen=True)
class Unit:
    """One paragraph of a passage: body ``text``, a sub-``heading``, or a ``quote`` paragraph (its speaker and
    role, from the report's quotes, are set in bold and grey where the text names them)."""

    text: str
    kind: UnitKind = "text"
    speaker: str = ""
    role: str = ""


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
    """A passage with some sentences left out: the units as shown, and how many sentences of how many."""

    units: tuple[Unit, ...]
    left_out: int
    total: int
    questions: int = 0


def abridgements(units: tuple[Unit, ...]) -> list[Abridgement]:
    """The passage whole, then shorter and shorter (one sentence more left out each time), ending with every
    paragraph at its first sentence. The order is the order of importance in the module docstring."""
    cut = [sentences(u.text) if u.kind != "heading" else [u.text] for u in units]
    kept = [[True] * len(c) for c in cut]
    total = sum(len(c) for c, u in zip(cut, units, strict=True) if u.kind != "heading")
    order = _leaving_order(units, cut)
    steps = [Abridgement(units, 0, total)]
    questions = 0
    for number, (unit_at, sentence_at) in enumerate(order, start=1):
        kept[unit_at][sentence_at] = False
        questions += is_question(cut[unit_at][sentence_at])
        shown = tuple(
            unit if all(flags) else replace(unit, text=_joined(c, flags))
            for unit, c, flags in zip(units, cut, kept, strict=True)
        )
        steps.append(Abridgement(shown, number, total, questions))
    return steps


def _kept(cut: list[str]) -> int:
    """The sentence a paragraph always keeps: its first statement (a paragraph may open with a question)."""
    return next((number for number, sentence in enumerate(cut) if not is_question(sentence)), 0)


def _leaving_order(units: tuple[Unit, ...], cut: list[list[str]]) -> list[tuple[int, int]]:
    """(unit, sentence) pairs in the order they are left out; headings and each paragraph's first statement
    never are."""
    candidates = [
        (u, s)
        for u, unit in enumerate(units)
        if unit.kind != "heading"
        for s in range(len(cut[u]))
        if s != _kept(cut[u])
    ]
    questions = [c for c in candidates if is_question(cut[c[0]][c[1]])]
    transitional = [c for c in candidates if c not in questions and is_transitional(cut[c[0]][c[1]])]
    order = questions + transitional
    rest = [c for c in candidates if c not in order]
    remaining = {u: sum(len(cut[u][s]) for s in range(len(cut[u]))) for u in range(len(units))}
    for u, s in order:
        remaining[u] -= len(cut[u][s])
    by_unit: dict[int, list[int]] = {}
    for u, s in rest:
        by_unit.setdefault(u, []).append(s)
    while by_unit:  # the longest paragraph gives up its last sentence
        longest = max(by_unit, key=lambda u: (remaining[u], -u))
        sentence_at = by_unit[longest].pop()
        remaining[longest] -= len(cut[longest][sentence_at])
        order.append((longest, sentence_at))
        if not by_unit[longest]:
            del by_unit[longest]
    return order
