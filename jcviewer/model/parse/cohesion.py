"""Lexical cohesion between headings and paragraphs: IDF-weighted character bigrams (and Latin/number words).

Chinese has no spaces; character bigrams approximate words well enough to tell which paragraphs a heading
speaks about (稳中求进 / 平稳发展, 锚定目标 / 预期奋斗目标) without loading a segmenter. Synonym groups
(GDP / 地区生产总值) let an abbreviation in a heading meet the full wording in the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from jcviewer.model.vocabulary import Synonyms

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
    """A heading's tokens, with the tokens of every synonym of a word it uses."""
    found = tokens(text)
    for match in synonyms.finditer(text):
        for variant in synonyms.group_of(match.group()):
            found |= tokens(variant)
    return found


class Cohesion:
    """Similarities over one page's paragraphs, weighted by how rare each token is on the page."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraph_tokens = [tokens(text) for text in paragraphs]
        frequency: Counter[str] = Counter()
        for found in self.paragraph_tokens:
            frequency.update(found)
        count = len(paragraphs)
        self._idf = {token: math.log((count + 1) / (df + 0.5)) for token, df in frequency.items()}

    def weight(self, token: str) -> float:
        """How telling a token is on this page (rare tokens tell more; 0 for a token not on the page)."""
        return self._idf.get(token, 0.0)

    def _mass(self, found: Iterable[str]) -> float:
        return sum(self.weight(token) for token in found)

    def heading_similarity(self, heading: set[str], paragraph: int) -> float:
        """The share of the heading's weight found in the paragraph (0–1). Tokens found nowhere on the page
        cannot tell paragraphs apart and are left out."""
        findable = {token for token in heading if token in self._idf}
        total = self._mass(findable)
        return self._mass(findable & self.paragraph_tokens[paragraph]) / total if total else 0.0

    def block_similarity(self, before: range, after: range) -> float:
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
        return [0.0] + [(typical - value) / typical if typical else 0.0 for value in similarity]
