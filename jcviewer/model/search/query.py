"""What a query asks for: terms that must all occur; each term is one or more variants (synonyms).

``乡村振兴`` one term; ``营商 环境`` two terms, both required; ``"稳中求进"`` an exact phrase (no synonyms);
``GDP`` the term 地区生产总值 / GDP / 生产总值. A term matches wherever it occurs as a substring; a term that
starts or ends with a digit only matches whole numbers there ("6.5%" is not in "96.5%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product

from jcviewer.model.search.text import is_cjk, normalise
from jcviewer.model.vocabulary import Synonyms

MAX_VARIANTS = 16
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
    """Split ``text`` into terms: whitespace separates, ``"…"`` quotes an exact phrase."""
    terms = []
    for match in _TOKEN.finditer(normalise(text)):
        if match.group(2) is not None:
            word = match.group(2).replace('"', "")
            if word:
                variants = synonym_variants(word, synonyms) if synonyms else (word,)
                terms.append(Term(word, variants))
        else:
            phrase = _join_phrase(match.group(1).split())
            if phrase:
                terms.append(Term(phrase, (phrase,), phrase=True))
    return Query(text, tuple(terms))
