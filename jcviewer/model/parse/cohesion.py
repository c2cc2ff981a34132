"""Lexical cohesion between headings and paragraphs: IDF-weighted character bigrams (and Latin/number words).

Chinese has no spaces; character bigrams approximate words well enough to tell which paragraphs a heading
speaks about (a heading 果园增收 and a paragraph on 果园 and 增收) without loading a segmenter. Synonym groups
(GDP / 地区生产总值) let an abbreviation in a heading meet the full wording in the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from jcviewer.model.vocabulary import Synonyms

OPENING_CHARACTERS = 30
"""How much of a paragraph's start counts as its opening words (a section opens on its topic)."""

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_LAST_YEAR = re.compile(r"过去一年|去年|上年|一年来|过去的一年")
_THIS_YEAR = re.compile(r"今年|本年|新的一年|新一年")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")


def tokens(text: str) -> set[str]:
    """The text's character bigrams (single characters for one-character runs) and Latin/number words."""
    found: set[str] = set()
    for run in _CJK_RUN.findall(text):
        found.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    found.update(word.upper() for word in _WORD.findall(text))
    return found


def heading_tokens(text: str, synonyms: Synonyms) -> set[str]:
    """A heading's tokens, with the tokens of every synonym of a word it uses (GDP → 地区生产总值)."""
    found = tokens(text)
    for match in synonyms.finditer(text):
        for variant in synonyms.group_of(match.group()):
            found |= tokens(variant)
    return found


def opening(paragraph: str) -> str:
    """A paragraph's opening words: up to its first full stop, at most ``OPENING_CHARACTERS`` characters."""
    stop = next((i for i, char in enumerate(paragraph[:OPENING_CHARACTERS]) if char in "。！？；"), None)
    return paragraph[: stop if stop is not None else OPENING_CHARACTERS]


def plan_year(texts: Iterable[str]) -> int | None:
    """The latest year the texts name (``2026年``): the year a report plans for."""
    return max((int(year) for text in texts for year in _YEAR.findall(text)), default=None)


def year_tokens(text: str, plan_year: int | None) -> set[str]:
    """The years a paragraph speaks of when it names them relatively: ``过去一年`` is the year before the plan
    year, ``今年`` the plan year (so a heading ``2025年工作总结`` meets ``过去一年…``)."""
    if plan_year is None:
        return set()
    found = {str(plan_year - 1)} if _LAST_YEAR.search(text) else set()
    return found | ({str(plan_year)} if _THIS_YEAR.search(text) else set())


class Cohesion:
    """Similarities over one page's paragraphs, weighted by how rare each token is on the page."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        year = plan_year(paragraphs)
        self.paragraph_tokens = [tokens(text) | year_tokens(text, year) for text in paragraphs]
        self.opening_tokens = [tokens(opening(text)) for text in paragraphs]
        frequency: Counter[str] = Counter()
        for found in self.paragraph_tokens:
            frequency.update(found)
        count = len(paragraphs)
        self._idf = {token: math.log((count + 1) / (df + 0.5)) for token, df in frequency.items()}

    def _mass(self, found: Iterable[str]) -> float:
        """The summed weight of tokens that all occur on the page."""
        return sum(map(self._idf.__getitem__, found))

    def heading_similarities(self, heading: set[str], opening_only: bool = False) -> list[float]:
        """Per paragraph, the share of the heading's weight found in it, or in its opening words (0–1). Tokens
        found nowhere on the page cannot tell paragraphs apart and are left out."""
        findable = {token for token in heading if token in self._idf}
        total = self._mass(findable)
        if not total:
            return [0.0] * len(self.paragraph_tokens)
        found = self.opening_tokens if opening_only else self.paragraph_tokens
        return [self._mass(findable & tokens) / total for tokens in found]

    def block_similarity(self, before: Sequence[int], after: Sequence[int]) -> float:
        """Weighted cosine of the vocabularies of two runs of paragraphs (0–1): low where the topic shifts."""
        a = set().union(*(self.paragraph_tokens[i] for i in before))
        b = set().union(*(self.paragraph_tokens[i] for i in after))
        norm = math.sqrt(self._mass(a) * self._mass(b))
        return self._mass(a & b) / norm if norm else 0.0

    def topic_shifts(self, window: int) -> list[float]:
        """Per paragraph, how much the topic shifts just before it, relative to the page (TextTiling): the runs of
        ``window`` paragraphs on either side compared with the page's typical neighbours. Positive where the text
        turns to something new, negative inside a cohesive stretch; 0 for the first paragraph."""
        count = len(self.paragraph_tokens)
        similarity = [
            self.block_similarity(range(max(0, i - window), i), range(i, min(count, i + window)))
            for i in range(1, count)
        ]
        if not similarity:
            return [0.0] * count
        typical = sum(similarity) / len(similarity)
        return [0.0] + [max(-1.0, min(1.0, (typical - value) / typical)) if typical else 0.0 for value in similarity]
