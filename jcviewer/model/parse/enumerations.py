"""Lists written inside paragraphs: 一是……二是…… and parallel sentences (要突出……。要突出……)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jcviewer.model.report import Enumeration, EnumerationKind, Item, Paragraph

NUMERALS = "一二三四五六七八九十"
_ORDINAL = re.compile(r"(?:^|(?<=[。；：！？，]))(十[一二三四五六七八九]?|[一二三四五六七八九])是")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
PARALLEL_MIN_ITEMS = 3
PARALLEL_MARKER = 3  # characters a parallel sentence opening shares ("要突出")
_TITLE_END = "。；！？，"


def numeral_value(numeral: str) -> int:
    """一 → 1 … 十九 → 19."""
    if numeral.startswith("十"):
        return 10 + (NUMERALS.index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    return NUMERALS.index(numeral) + 1


def _title(text: str, stops: str) -> str:
    end = next((i for i, c in enumerate(text) if c in stops), len(text))
    return text[:end]


def _ordinal_items(text: str) -> list[Item]:
    """The longest run 一是, 二是, 三是 … in order; fewer than two is no list."""
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for match in _ORDINAL.finditer(text):
        value = numeral_value(match.group(1))
        if value == 1:
            run = [match]
        elif run and value == numeral_value(run[-1].group(1)) + 1:
            run.append(match)
        else:
            continue
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2:
        return []
    items: list[Item] = []
    for index, match in enumerate(best):
        end = best[index + 1].start() if index + 1 < len(best) else len(text)
        body = text[match.end() : end]
        items.append(Item(index + 1, match.group(0), _title(body, "。；！？"), body, (match.end(), end)))
    return items


def _parallel_items(text: str) -> list[Item]:
    """Three or more sentences opening alike ("要突出…"), at least two of them at the very start; the
    sentence that introduces them may lead in ("全会强调，全县上下要突出…")."""
    sentences = [(m.start(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    openings: dict[str, int] = {}
    for _, sentence in sentences:
        opening = sentence[:PARALLEL_MARKER]
        if len(opening) == PARALLEL_MARKER and not re.search(r"[^\u4e00-\u9fff]", opening):
            openings[opening] = openings.get(opening, 0) + 1
    marker = max(openings, key=lambda key: openings[key], default=None)
    if marker is None or openings[marker] < 2:
        return []
    items: list[Item] = []
    for start, sentence in sentences:
        at = sentence.find(marker)
        if at < 0 or (at > 0 and not re.search(r"[，：]", sentence[:at])):
            continue
        body_start = start + at + len(marker)
        body = text[body_start : start + len(sentence)]
        items.append(Item(len(items) + 1, marker, _title(body, _TITLE_END), body, (body_start, start + len(sentence))))
    return items if len(items) >= PARALLEL_MIN_ITEMS else []


def find_enumerations(paragraphs: Iterable[Paragraph]) -> list[Enumeration]:
    """Every list in the paragraphs, in reading order; at most one per paragraph."""
    found = []
    for paragraph in paragraphs:
        items = _ordinal_items(paragraph.text)
        kind: EnumerationKind = "ordinal"
        if not items:
            items, kind = _parallel_items(paragraph.text), "parallel"
        if items:
            found.append(Enumeration(paragraph.id, kind, tuple(items)))
    return found
