"""What a query asks for: terms that must all occur; each term is one or more variants (synonyms).

``乡村振兴`` one term; ``营商 环境`` two terms, both required; ``"稳中求进"`` an exact phrase (no synonyms);
``GDP`` the term 地区生产总值 / GDP / 生产总值. A term matches wherever it occurs as a substring; a term that
starts or ends with a digit only matches whole numbers there ("6.5%" is not in "96.5%").

A term typed twice counts once, and only the first ``MAX_TERMS`` different terms are looked for (the rest are
ignored, and ``Query.ignored`` says how many): the cost of a search grows with its terms, and a real query has a
handful.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product

from jcviewer.model.search.text import is_cjk, normalise
from jcviewer.model.vocabulary import Synonyms

MAX_VARIANTS = 16
MAX_TERMS = 32  # different terms looked for; those typed after them are ignored
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    """One required term: its text as typed and the variants that count as it."""

    text: str
    variants: tuple[str, ...]
    phrase: bool = False


@dataclass(frozen=True)
class Query:
    """The parsed query; empty when there is nothing to look for."""

    text: str
    terms: tuple[Term, ...]
    ignored: int = 0  # different terms beyond MAX_TERMS, not looked for

    def __bool__(self) -> bool:
        return bool(self.terms)


def _join_phrase(words: list[str]) -> str:
    """Words of a quoted phrase, joined without spaces where Chinese text would have none."""
    out = ""
    for word in words:
        if out and not (is_cjk(out[-1]) or is_cjk(word[0])):
            out += " "
        out += word
    return out


@cache
def _normalised(synonyms: Synonyms) -> Synonyms:
    """The synonyms as the search compares text: normalised like every document and query."""
    return Synonyms(tuple(tuple(normalise(word) for word in group) for group in synonyms.groups))


def synonym_variants(term: str, synonyms: Synonyms) -> tuple[str, ...]:
    """``term`` and every rewriting of the synonyms it contains ("规上工业" → "规模以上工业"), term first."""
    normal = _normalised(synonyms)
    pieces: list[tuple[str, ...]] = []
    last = 0
    for match in normal.finditer(term):
        pieces.append((term[last : match.start()],))
        pieces.append(normal.group_of(match.group()))
        last = match.end()
    pieces.append((term[last:],))
    variants = dict.fromkeys([term])
    for combination in product(*pieces):
        variants["".join(combination)] = None
        if len(variants) >= MAX_VARIANTS:
            break
    return tuple(variants)


def parse_query(text: str, synonyms: Synonyms | None = None) -> Query:
    """Split ``text`` into terms: whitespace separates, ``"…"`` quotes an exact phrase.

    Repeated terms count once; at most ``MAX_TERMS`` different terms, in the order typed.
    """
    wanted: dict[tuple[str, bool], None] = {}  # (text, phrase), first occurrence first
    ignored: set[tuple[str, bool]] = set()
    for match in _TOKEN.finditer(normalise(text)):
        if match.group(2) is not None:
            key = (match.group(2).replace('"', ""), False)
        else:
            key = (_join_phrase(match.group(1).split()), True)
        if not key[0] or key in wanted:
            continue
        if len(wanted) < MAX_TERMS:
            wanted[key] = None
        else:
            ignored.add(key)
    terms = tuple(
        Term(word, (word,), phrase=True)
        if phrase
        else Term(word, synonym_variants(word, synonyms) if synonyms else (word,))
        for word, phrase in wanted
    )
    return Query(text, terms, len(ignored))
