"""Put headings that the extraction pushed to the end back over the paragraphs they head.

The headings keep their printed order; the paragraphs keep the extraction's order, possibly rotated (an
extraction may start in the middle of the page and wrap round, emitting a later article's continuation first).
Each arrangement — a rotation, then an untitled opening run followed by one contiguous run per heading — is
scored by

* cohesion: how much of each heading's (IDF-weighted) vocabulary its paragraphs use, its words in the opening
  of the paragraph a section starts with counting extra (a section opens on its topic);
* boundaries: topic shifts, numbering restarts, column runs, and the runs that must not be cut (parallel
  openings, reactions with their introduction, a paragraph that refers back);
* article openings: a rotation is only tried where a paragraph opens an article (a dateline or a scene) and
  the extraction does not already start with one.

A dynamic programme finds the best arrangement for each rotation in O(paragraphs × headings) (banded, so
hostile input stays linear). A heading's confidence is the score margin between its best start and the best
arrangement that starts it far enough elsewhere; low margins become warnings (docs/parsing.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from jcviewer.model.parse import cues
from jcviewer.model.parse.cohesion import Cohesion, heading_tokens
from jcviewer.model.vocabulary import Synonyms

OPENING_WEIGHT = 0.2
"""Weight of a heading's words in the opening words of the paragraph its section starts with."""

SHIFT_WEIGHT = 0.3
"""Weight of a topic shift (relative to the page's typical neighbours) at a section boundary."""

SHIFT_WINDOWS = (1, 2)
"""Paragraphs compared on either side of a possible boundary (the shifts of each window are averaged)."""

NUMBERING_WEIGHT = 0.6
"""A section starts where a numbered run restarts (``（一）``) and never where one continues (``（二）``)."""

REFERS_BACK_COST = 0.3
"""A section does not start on a paragraph that refers back to the one before (``看来，``, ``其中，``)."""

COLUMN_BONUS = 0.1
"""A section tends to start where a new column run starts on the printed page."""

QUOTE_RUN_COST = 1.0
"""A run of paragraphs opening with quotations (reactions, one speaker each) stays in one section, with the
paragraph that introduces it."""

REACTION_BONUS = 0.5
"""Evidence that a section opens at the strongest topic shift shortly before a run of reactions."""

REACTION_REACH = 3
"""Paragraphs before a run of reactions (and its introduction) searched for where its section opens."""

PARALLEL_COST = 0.3
"""Paragraphs that open with the same words (a parallel run) stay in one section."""

PARALLEL_OPENING = 4
"""Characters two paragraphs share at their start to count as a parallel run."""

SPEECH_REACH = 80
"""Characters at a paragraph's end searched for an introduction to the reactions that follow."""

INTRO_COST = 0.1
"""What each paragraph of the untitled opening before the first heading costs: openings are short."""

ROTATION_EVIDENCE = 0.15
"""What reading from an article opening counts when the extraction starts without one: it started mid-page."""

MAX_ROTATIONS = 8
"""Rotations tried besides the extraction's order: the first few places where a paragraph opens an article."""

MAX_PAIRS = 200_000
"""Headings × paragraphs weighed at most (a real page has a few thousand); beyond, headings are spread evenly."""

BAND = 48
"""Headings considered around a paragraph's proportional place (keeps the programme linear)."""

NUMBERED_RUN_REACH = 30
"""Paragraphs a numbered run (``（一）`` … ``（二）``) may span; farther apart, the numbers belong to two runs."""

TIE = 1e-9
"""Score differences below this are ties (float noise)."""

CONFIDENT_MARGIN = 0.25
"""A heading whose best start beats every rival start by this much is placed with confidence ≥ 0.5."""

RIVAL_SHARE = 0.2
"""A rival start moves at least this share of the section's paragraphs (one paragraph off in a long section
is a small error, in a short one a large one)."""

_NEG = -math.inf


@dataclass(frozen=True)
class Placement:
    """The reading order (indexes into the paragraphs given), where each heading's run starts, and how sure."""

    order: tuple[int, ...]
    starts: tuple[int, ...]  # positions in ``order``; heading j holds order[starts[j]:starts[j + 1]]
    confidence: tuple[float, ...]  # per heading, 0–1
    weighed: bool = True  # False: too many headings and paragraphs to weigh, spread evenly (hostile input)

    def runs(self) -> list[tuple[int, ...]]:
        """The paragraph indexes of the opening run, then of each heading's run."""
        bounds = [0, *self.starts, len(self.order)]
        return [self.order[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _confidence(margin: float) -> float:
    return margin / (margin + CONFIDENT_MARGIN) if margin > TIE else 0.0


class _Arrangement:
    """The dynamic programme over one reading order."""

    def __init__(
        self,
        similarity: list[list[float]],
        opening: list[list[float]],
        boundary: list[float],
        untitled_opening: bool,
        wrap: int | None,
    ) -> None:
        self.similarity = similarity  # [heading][position]
        self.opening = opening  # [heading][position]: the heading's words in the paragraph's opening
        self.boundary = boundary  # [position]: evidence that a section starts at this position
        self.untitled_opening = untitled_opening  # whether paragraphs may precede the first heading
        self.wrap = wrap  # position of the extraction's first paragraph when rotated: no section starts there
        self.headings = len(similarity)
        self.length = len(boundary)

    def _labels(self, position: int) -> range:
        """Labels (0 = opening run, j = heading j) a position may carry: a band round its proportional place."""
        centre = round(position * self.headings / max(1, self.length))
        low = max(0, centre - BAND, self.headings - (self.length - position) + 1)
        return range(low, min(self.headings, centre + BAND, position + 1) + 1)

    def _gain(self, label: int, position: int, starts: bool) -> float:
        if label == 0:
            return -INTRO_COST if self.untitled_opening else _NEG
        value = self.similarity[label - 1][position]
        if not starts:
            return value
        if position == self.wrap:
            return _NEG
        return value + OPENING_WEIGHT * self.opening[label - 1][position] + self.boundary[position]

    def forward(self) -> tuple[list[dict[int, float]], list[set[int]]]:
        """best[position][label]: the best score of positions 0..position with that label at position; and per
        position, the labels whose best arrangement starts their run there (for the trace back)."""
        best: list[dict[int, float]] = []
        started: list[set[int]] = []
        for position in range(self.length):
            row: dict[int, float] = {}
            starts: set[int] = set()
            for label in self._labels(position):
                if position == 0:
                    row[label] = self._gain(label, 0, True) if label <= 1 else _NEG
                    starts.add(label)
                    continue
                stay = best[-1].get(label, _NEG) + self._gain(label, position, False)
                step = best[-1].get(label - 1, _NEG) + self._gain(label, position, True) if label else _NEG
                row[label] = max(stay, step)
                if step > stay:
                    starts.add(label)
            best.append(row)
            started.append(starts)
        return best, started

    def _trace_back(self, started: list[set[int]]) -> list[int]:
        """Each heading's start in one best arrangement (choosing per heading could mix two tied ones)."""
        starts = [0] * self.headings
        label = self.headings
        for position in range(self.length - 1, -1, -1):
            if label and label in started[position]:
                starts[label - 1] = position
                label -= 1
        return starts

    def backward(self) -> list[dict[int, float]]:
        """rest[position][label]: the best score of the positions after ``position`` given its label."""
        rest: list[dict[int, float]] = [{} for _ in range(self.length)]
        rest[-1] = {self.headings: 0.0}
        for position in range(self.length - 2, -1, -1):
            after = rest[position + 1]
            for label in self._labels(position):
                stay = after[label] + self._gain(label, position + 1, False) if label in after else _NEG
                step = after[label + 1] + self._gain(label + 1, position + 1, True) if label + 1 in after else _NEG
                rest[position][label] = max(stay, step)
        return rest

    def solve(self) -> tuple[float, tuple[int, ...], tuple[float, ...]]:
        """The best score, each heading's start and its confidence."""
        (best, started), rest = self.forward(), self.backward()
        total = best[-1].get(self.headings, _NEG)
        starts = self._trace_back(started)
        ends = [*starts[1:], self.length]
        confidence = []
        for label, (start, end) in enumerate(zip(starts, ends, strict=True), start=1):
            scores = self._start_options(label, best, rest)
            reach = max(1, math.ceil(RIVAL_SHARE * (end - start)))  # a start this far off moves enough
            rivals = [score for score, position in scores if abs(position - start) >= reach]
            runner_up = max(rivals, default=_NEG)
            confidence.append(_confidence(total - runner_up) if runner_up > _NEG else 1.0)
        return total, tuple(starts), tuple(confidence)

    def _start_options(
        self, label: int, best: list[dict[int, float]], rest: list[dict[int, float]]
    ) -> list[tuple[float, int]]:
        """(the best total score with ``label``'s run starting at a position, the position), for every position."""
        options = []
        for position in range(self.length):
            before = best[position - 1].get(label - 1, _NEG) if position else (0.0 if label == 1 else _NEG)
            after = rest[position].get(label, _NEG)
            options.append((before + self._gain(label, position, True) + after, position))
        return options


def _repeats(paragraphs: Sequence[str]) -> set[int]:
    """Paragraphs that repeat an earlier one word for word (a deck line printed again): no topical evidence."""
    seen: set[str] = set()
    repeats = set()
    for index, text in enumerate(paragraphs):
        if text in seen:
            repeats.add(index)
        seen.add(text)
    return repeats


def _centred(values: list[float]) -> list[float]:
    """Similarities less their page mean: a heading of common words gains nothing by taking every paragraph."""
    mean = sum(values) / len(values)
    return [value - mean for value in values]


def _numbering(paragraphs: Sequence[str]) -> list[float]:
    """Per paragraph: +1 where a numbered run (``（一）…（二）…``) restarts, −1 inside a run (up to its last
    numbered paragraph), 0 elsewhere: sections start where numbering restarts, never in the middle of it.
    Linear: each paragraph is marked at most once per way of numbering."""
    evidence = [0.0] * len(paragraphs)
    for first, following in cues.NUMBERING_FAMILIES:
        run_start: int | None = None
        marked_to = 0
        for index, text in enumerate(paragraphs):
            if first.match(text):
                evidence[index] = 1.0
                run_start = marked_to = index
            elif following.match(text) and run_start is not None and index - run_start <= NUMBERED_RUN_REACH:
                for inside in range(marked_to + 1, index + 1):
                    evidence[inside] = -1.0
                marked_to = index
    return evidence


def _rotations(paragraphs: Sequence[str]) -> list[int]:
    """Where reading may start: the first paragraph; and, when it does not open an article, paragraphs that
    open one after a paragraph that does not (the extraction may have started mid-page)."""
    found = [0]
    if cues.ARTICLE_OPENING.match(paragraphs[0]):
        return found
    for index in range(1, len(paragraphs)):
        if len(found) > MAX_ROTATIONS:
            break
        if cues.ARTICLE_OPENING.match(paragraphs[index]) and not cues.ARTICLE_OPENING.match(paragraphs[index - 1]):
            found.append(index)
    return found


def _parallel_openings(first: str, second: str) -> bool:
    """Whether two paragraphs open alike (``过去一年，…`` twice): a parallel run stays in one section."""
    return len(first) > PARALLEL_OPENING and first[:PARALLEL_OPENING] == second[:PARALLEL_OPENING]


def _leads_to_quotes(paragraph: str) -> bool:
    """Whether a quotation paragraph after this one continues with it: it is a quotation too, or it
    introduces the reactions (``大家纷纷表示，…``)."""
    return paragraph.startswith("“") or bool(cues.SPEECH_INTRODUCED.search(paragraph[-SPEECH_REACH:]))


def _shifts(cohesion: Cohesion) -> list[float]:
    """Per paragraph, the topic shift before it, averaged over the windows compared."""
    profiles = [cohesion.topic_shifts(window) for window in SHIFT_WINDOWS]
    return [sum(values) / len(values) for values in zip(*profiles, strict=True)]


def _with_reactions(boundary: list[float], paragraphs: Sequence[str], shifts: Sequence[float]) -> list[float]:
    """The boundary evidence in reading order, plus: a run of reactions (paragraphs opening with quotations)
    is the core of its section, which opens at the strongest topic shift shortly before the run."""
    evidence = list(boundary)
    position = 1
    while position < len(paragraphs):
        if not (paragraphs[position].startswith("“") and paragraphs[position - 1].startswith("“")):
            position += 1
            continue
        first = position - 1
        while first > 0 and _leads_to_quotes(paragraphs[first - 1]) and not paragraphs[first - 1].startswith("“"):
            first -= 1
        window = range(max(1, first - REACTION_REACH), first + 1)
        opening = max(window, key=lambda index: shifts[index], default=None)
        if opening is not None and shifts[opening] > 0:
            evidence[opening] += REACTION_BONUS
        while position < len(paragraphs) and paragraphs[position].startswith("“"):
            position += 1
    return evidence


def _boundary_evidence(
    paragraphs: Sequence[str], shifts: Sequence[float], column_breaks: Sequence[bool]
) -> list[float]:
    """Per paragraph: the evidence that a section starts there (positive) or cannot (negative)."""
    numbering = _numbering(paragraphs)
    evidence = []
    for index, text in enumerate(paragraphs):
        value = SHIFT_WEIGHT * shifts[index] + NUMBERING_WEIGHT * numbering[index]
        value += COLUMN_BONUS * column_breaks[index] - REFERS_BACK_COST * bool(cues.REFERS_BACK.match(text))
        if index and text.startswith("“") and _leads_to_quotes(paragraphs[index - 1]):
            value -= QUOTE_RUN_COST
        if index and _parallel_openings(paragraphs[index - 1], text):
            value -= PARALLEL_COST
        evidence.append(value)
    return evidence


def place(
    headings: Sequence[str], paragraphs: Sequence[str], synonyms: Synonyms, column_breaks: Sequence[bool] = ()
) -> Placement:
    """The best arrangement of ``headings`` (printed order) over ``paragraphs`` (extraction order);
    ``column_breaks`` marks the paragraphs that start a new column run."""
    count = len(paragraphs)
    if not headings or count < len(headings) or count * len(headings) > MAX_PAIRS:
        # Nothing to weigh, or a page far beyond any report (hostile input): an even split, with no confidence.
        order = tuple(range(count))
        starts = tuple(j * count // len(headings) for j in range(len(headings)))
        return Placement(order, starts, tuple(0.0 for _ in headings), weighed=False)
    cohesion = Cohesion(paragraphs)
    vocabularies = [heading_tokens(heading, synonyms) for heading in headings]
    repeats = _repeats(paragraphs)
    similarity = []
    for words in vocabularies:
        shares = cohesion.heading_similarities(words)
        similarity.append(_centred([0.0 if i in repeats else share for i, share in enumerate(shares)]))
    opening = [cohesion.heading_similarities(words, opening_only=True) for words in vocabularies]
    shifts = _shifts(cohesion)
    boundary = _boundary_evidence(paragraphs, shifts, column_breaks or [False] * count)
    chosen: tuple[float, Placement] | None = None
    for rotation in _rotations(paragraphs):
        order = tuple(list(range(rotation, count)) + list(range(rotation)))
        arrangement = _Arrangement(
            [[row[i] for i in order] for row in similarity],
            [[row[i] for i in order] for row in opening],
            _with_reactions([boundary[i] for i in order], [paragraphs[i] for i in order], [shifts[i] for i in order]),
            untitled_opening=not rotation,  # reading starts there because a headed article opens there
            # the extraction starts inside the article its last paragraphs open: one section spans the wrap
            wrap=count - rotation if rotation else None,
        )
        total, starts, confidence = arrangement.solve()
        if rotation:
            total += ROTATION_EVIDENCE
        if chosen is None or total > chosen[0]:
            chosen = (total, Placement(order, starts, confidence))
    assert chosen is not None
    return chosen[1]
