"""The genre's abbreviations and synonyms (resources/dict/synonyms.tsv), Qt-free."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from jcviewer.resources import SYNONYMS, resource_path


@dataclass(frozen=True)
class Synonyms:
    """Groups of words that mean the same; the first of each group is the canonical wording."""

    groups: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> Synonyms:
        """Read the TSV format: one group a line, ``#`` comments."""
        groups = []
        for line in text.splitlines():
            words = tuple(word.strip() for word in line.split("\t") if word.strip())
            if words and not words[0].startswith("#") and len(words) > 1:
                groups.append(words)
        return cls(tuple(groups))

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        """Read a synonyms file."""
        return cls.parse(path.read_text(encoding="utf-8"))

    @cached_property
    def _canonical(self) -> dict[str, str]:
        return {word: group[0] for group in self.groups for word in group}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        words = sorted(self._canonical, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words))) if words else None

    def expand(self, text: str) -> str:
        """Replace every abbreviation by its canonical wording ("规上工业" → "规模以上工业")."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._canonical[m.group()], text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every word of every group in ``text``, longest first where they overlap, left to right."""
        return self._pattern.finditer(text) if self._pattern is not None else iter(())

    def group_of(self, word: str) -> tuple[str, ...]:
        """All the words meaning ``word`` (itself alone if it has no synonyms)."""
        canonical = self._canonical.get(word)
        return next((g for g in self.groups if g[0] == canonical), (word,))


@cache
def default_synonyms() -> Synonyms:
    """The genre's synonyms shipped in resources/."""
    return Synonyms.load(resource_path(SYNONYMS))
