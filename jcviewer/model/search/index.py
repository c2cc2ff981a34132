"""A positional character index: every substring is found, exactly, in well under a millisecond.

All documents are joined (normalised, NUL-separated) into one array of code points. For every character and
every pair of adjacent characters the index keeps the sorted positions where it occurs. A term of length L is
found by intersecting the positions of the bigrams that tile it (offsets 0, 2, 4, … and L-2), so what comes
back is exactly where the term occurs: the same as a substring scan, with no verification pass. A term that
starts or ends with a digit only counts where it is a whole number there.

Ranking is BM25 over those occurrences. Once word boundaries are known (from jieba, see ``words.py``), an
occurrence that is a whole word weighs more than one inside a longer word; recall never changes. Documents
with several terms close together get a proximity bonus. A document may mark stretches of its text as titles (a
heading, the title of a list item): a document where a term occurs inside a title comes before every document
where it occurs only in running text, whatever their scores (documents with more such terms first, then by score).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jcviewer.model.report import Span
from jcviewer.model.search.query import Query, Term, parse_query
from jcviewer.model.search.text import normalise
from jcviewer.model.vocabulary import Synonyms

K1, B = 1.2, 0.75
PARTIAL_WORD_WEIGHT = 0.4  # an occurrence inside a longer word, once word boundaries are known
PROXIMITY_BONUS = 0.5
_DOT, _ZERO, _NINE = ord("."), ord("0"), ord("9")

Positions = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Document:
    """Something to find: a key the caller understands, its text, a weight for its kind (headings > body) and
    the stretches of its text that are titles (a match there outranks one in running text)."""

    key: str
    text: str
    boost: float = 1.0
    titles: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A matching document: its score, every stretch that matched (document offsets) and the best one (inside a
    title if a term occurs in one); ``titled`` is how many of the query's terms occur inside a title here."""

    key: str
    score: float
    spans: tuple[Span, ...]
    best: Span
    titled: int = 0


@dataclass(frozen=True)
class Results:
    """The best hits first (at most the limit asked for) and how many documents matched in all."""

    query: Query
    hits: tuple[Hit, ...]
    total: int


class _Postings:
    """Sorted positions per key, stored as one array of positions grouped by key (CSR-like)."""

    def __init__(self, keys: npt.NDArray[np.uint64]) -> None:
        order = np.argsort(keys, kind="stable")
        self.positions = order.astype(np.int32 if len(keys) < 2**31 else np.int64)
        sorted_keys = keys[order]
        self.keys, starts = np.unique(sorted_keys, return_index=True)
        self.starts = np.append(starts, len(keys)).astype(np.int64)

    def __call__(self, key: int) -> npt.NDArray[np.int64]:
        index = int(np.searchsorted(self.keys, key))
        if index >= len(self.keys) or int(self.keys[index]) != key:
            return np.empty(0, dtype=np.int64)
        return self.positions[self.starts[index] : self.starts[index + 1]].astype(np.int64)

    @property
    def nbytes(self) -> int:
        return int(self.positions.nbytes + self.keys.nbytes + self.starts.nbytes)


def _codes(text: str) -> npt.NDArray[np.uint64]:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


class SearchIndex:
    """An index over documents; ``search(query)`` ranks them, ``occurrences(term)`` finds a term exactly."""

    def __init__(self, documents: Sequence[Document], synonyms: Synonyms | None = None) -> None:
        self.documents = tuple(documents)
        self.synonyms = synonyms
        texts = [normalise(d.text).replace("\0", " ") for d in self.documents]
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        self._starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
        self._lengths = lengths
        self._boost = np.array([d.boost for d in self.documents], dtype=np.float64)
        self._average_length = float(lengths.mean()) if len(lengths) else 1.0
        codes = _codes("\0".join(texts) + "\0\0")  # two sentinels: look one past any match, and one more
        self._text = codes.astype(np.uint32)
        self._bounds, self._bound_doc, self._bound_title_end = _bounds(self.documents, self._starts)
        self._unigrams = _Postings(codes)
        self._bigrams = _Postings((codes[:-1] << np.uint64(21)) | codes[1:])
        self._word_edges: npt.NDArray[np.bool_] | None = None

    # --- size and word boundaries ---------------------------------------------------------------------------
    @property
    def nbytes(self) -> int:
        """Memory held by the index arrays."""
        edges = self._word_edges.nbytes if self._word_edges is not None else 0
        return int(self._text.nbytes + self._unigrams.nbytes + self._bigrams.nbytes + edges)

    @property
    def has_word_boundaries(self) -> bool:
        """True once ``use_word_boundaries`` has refined the ranking."""
        return self._word_edges is not None

    def word_boundaries(self, spans_of: object) -> npt.NDArray[np.bool_]:
        """Where words start or end, over the whole index, from ``spans_of(text) -> iterable of (start, end)``.

        Pure: computes an array to hand to ``use_word_boundaries`` (on any thread; the switch is one assignment).
        """
        edges = np.zeros(len(self._text) + 1, dtype=np.bool_)
        for start, document in zip(self._starts, self.documents, strict=True):
            for begin, end in spans_of(document.text):  # type: ignore[operator]
                edges[start + begin] = edges[start + end] = True
        edges[self._starts] = True
        edges[self._starts + self._lengths] = True
        return edges

    def use_word_boundaries(self, edges: npt.NDArray[np.bool_]) -> None:
        """Rank whole-word occurrences above occurrences inside longer words."""
        self._word_edges = edges

    # --- finding --------------------------------------------------------------------------------------------
    def occurrences(self, variant: str) -> Positions:
        """Start positions (in the joined text) where ``variant`` occurs, numbers only as whole numbers."""
        text = normalise(variant)
        if not text or "\0" in text:
            return np.empty(0, dtype=np.int64)
        codes = _codes(text)
        length = len(codes)
        if length == 1:
            found = self._unigrams(int(codes[0]))
        else:
            offsets = sorted(set(range(0, length - 1, 2)) | {length - 2})
            lists = [(self._bigrams(int(codes[o]) << 21 | int(codes[o + 1])), o) for o in offsets]
            lists.sort(key=lambda pair: len(pair[0]))
            base, base_offset = lists[0]
            found = base - base_offset
            for positions, offset in lists[1:]:
                if not len(found):
                    break
                wanted = found + offset
                slots = np.minimum(np.searchsorted(positions, wanted), len(positions) - 1)
                found = found[positions[slots] == wanted] if len(positions) else found[:0]
        return self._whole_numbers(found, text)

    def _whole_numbers(self, found: Positions, text: str) -> Positions:
        """Drop matches of a number that continue into a longer number ("6.5" inside "96.5" or "6.55")."""
        if not len(found):
            return found
        keep = np.ones(len(found), dtype=np.bool_)
        if text[0].isdigit():
            before = self._text[np.maximum(found - 1, 0)]
            before2 = self._text[np.maximum(found - 2, 0)]
            digit_before = (before >= _ZERO) & (before <= _NINE) & (found >= 1)
            decimal_before = (before == _DOT) & (before2 >= _ZERO) & (before2 <= _NINE) & (found >= 2)
            keep &= ~(digit_before | decimal_before)
        if text[-1].isdigit():
            after = self._text[found + len(text)]
            after2 = self._text[found + len(text) + 1]
            keep &= ~(((after >= _ZERO) & (after <= _NINE)) | ((after == _DOT) & (after2 >= _ZERO) & (after2 <= _NINE)))
        return found[keep]

    def _place(self, start: Positions, end: Positions) -> tuple[Positions, npt.NDArray[np.bool_]]:
        """The document of each occurrence, and whether it lies inside a title: one binary search of each."""
        bound = np.searchsorted(self._bounds, start, side="right") - 1
        return self._bound_doc[bound], self._bound_title_end[bound] >= end

    def _term_occurrences(self, term: Term) -> tuple[Positions, Positions]:
        """Start and end positions of every variant of ``term``, sorted, occurrences inside others dropped."""
        starts = [self.occurrences(v) for v in term.variants]
        ends = [s + len(v) for s, v in zip(starts, term.variants, strict=True)]
        start, end = np.concatenate(starts), np.concatenate(ends)
        order = np.lexsort((-end, start))
        start, end = start[order], end[order]
        if len(term.variants) > 1 and len(start):
            reach = np.maximum.accumulate(end)
            keep = np.ones(len(start), dtype=np.bool_)
            keep[1:] = end[1:] > reach[:-1]
            start, end = start[keep], end[keep]
        return start, end

    # --- ranking --------------------------------------------------------------------------------------------
    def _weights(self, start: Positions, end: Positions) -> npt.NDArray[np.float64]:
        if self._word_edges is None:
            return np.ones(len(start))
        whole = self._word_edges[start] & self._word_edges[end]
        return np.where(whole, 1.0, PARTIAL_WORD_WEIGHT)

    def _bm25(self, docs: Positions, weights: npt.NDArray[np.float64]) -> tuple[Positions, npt.NDArray[np.float64]]:
        unique, inverse = np.unique(docs, return_inverse=True)
        frequency = np.bincount(inverse, weights=weights)
        found_in = len(unique)
        idf = math.log(1 + (len(self.documents) - found_in + 0.5) / (found_in + 0.5))
        norm = K1 * (1 - B + B * self._lengths[unique] / self._average_length)
        return unique, idf * frequency * (K1 + 1) / (frequency + norm) * self._boost[unique]

    def search(self, query: str | Query, limit: int | None = 20) -> Results:
        """Documents holding every term of ``query``, best first; ``limit=None`` returns them all.

        Best first: those with more terms inside a title, then by score.
        """
        parsed = parse_query(query, self.synonyms) if isinstance(query, str) else query
        if not parsed:
            return Results(parsed, (), 0)
        matching = self.match(parsed.terms)
        return Results(parsed, self.ranked(matching, limit), len(matching.docs))

    def match(self, terms: Sequence[Term]) -> Matching:
        """The documents holding every one of ``terms`` (at least one), scored (``_bm25``), with where each term
        occurs: what ``ranked`` orders."""
        per_term = []
        for term in terms:
            start, end = self._term_occurrences(term)
            per_term.append(Occurrences(start, end, *self._place(start, end)))
        scored = [self._bm25(o.docs, self._weights(o.start, o.end)) for o in per_term]
        matching = scored[0][0]
        for unique, _ in scored[1:]:
            matching = np.intersect1d(matching, unique, assume_unique=True)
        total = np.zeros(len(matching))
        titled = np.zeros(len(matching), dtype=np.int64)
        for (unique, scores), occurrences in zip(scored, per_term, strict=True):
            total += scores[np.searchsorted(unique, matching)]
            titled += np.isin(matching, occurrences.docs[occurrences.in_title])
        return Matching(matching, total, titled, tuple(per_term))

    def ranked(self, matching: Matching, limit: int | None) -> tuple[Hit, ...]:
        """The best ``limit`` hits of ``matching`` (all with None), best first: more terms inside a title, then
        score (with several terms, the proximity bonus may reorder the best ``3 × limit``)."""
        order = np.lexsort((-matching.scores, -matching.titled))  # stable: ties stay in document order
        several = len(matching.occurrences) > 1
        if limit is not None:  # with several terms, proximity may reorder the front of the list: take more
            order = order[: limit * 3 if several else limit]
        chosen = matching.docs[order]
        where = [  # each chosen document's occurrences of each term: one binary search for all of them
            (o, np.searchsorted(o.docs, chosen, side="left").tolist(), np.searchsorted(o.docs, chosen, side="right"))
            for o in matching.occurrences
        ]
        hits = [
            self._hit(doc, score, count, [(o, low[i], int(high[i])) for o, low, high in where])
            for i, (doc, score, count) in enumerate(
                zip(chosen.tolist(), matching.scores[order].tolist(), matching.titled[order].tolist(), strict=True)
            )
        ]
        if several:
            hits.sort(key=lambda hit: (-hit.titled, -hit.score))
        return tuple(hits[:limit] if limit is not None else hits)

    def _hit(self, doc: int, score: float, titled: int, per_term: list[tuple[Occurrences, int, int]]) -> Hit:
        """The hit for ``doc``, given where its occurrences of each term are (``low:high`` in the term's arrays)."""
        offset = int(self._starts[doc])
        spans_by_term: list[list[Span]] = []
        in_titles_by_term = []
        for occurrences, low, high in per_term:
            starts = (occurrences.start[low:high] - offset).tolist()
            spans = list(zip(starts, (occurrences.end[low:high] - offset).tolist(), strict=True))
            spans_by_term.append(spans)
            inside = occurrences.in_title[low:high].tolist()
            in_titles_by_term.append([span for span, titled_span in zip(spans, inside, strict=True) if titled_span])
        rarest = min(spans_by_term, key=len)
        in_titles = [spans for spans in in_titles_by_term if spans]
        best = min(in_titles, key=len)[0] if in_titles else rarest[0]
        if len(spans_by_term) > 1:
            score *= 1 + PROXIMITY_BONUS / (1 + _closest(spans_by_term) / 8)
        every = tuple(sorted({span for spans in spans_by_term for span in spans}))
        return Hit(self.documents[doc].key, score, every, best, titled)


@dataclass(frozen=True)
class Occurrences:
    """Where one term occurs: start and end positions, the document of each, and whether it is inside a title."""

    start: Positions
    end: Positions
    docs: Positions
    in_title: npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Matching:
    """The documents holding every term of a query, in document order, with their scores and how many terms occur
    inside a title of each, and where each term occurs (``SearchIndex.match``)."""

    docs: Positions
    scores: npt.NDArray[np.float64]
    titled: npt.NDArray[np.int64]
    occurrences: tuple[Occurrences, ...]

    def part(self, low: int, high: int) -> Matching:
        """The documents ``low:high`` of these, with the same occurrences."""
        return Matching(self.docs[low:high], self.scores[low:high], self.titled[low:high], self.occurrences)


def _bounds(documents: Sequence[Document], starts: Positions) -> tuple[Positions, Positions, Positions]:
    """Where documents and titles start in the joined text, sorted (a title after the document starting at the
    same place), with the document each belongs to and, for a title, where it ends (-1 for a document start).

    The last bound at or before an occurrence names its document, and it lies in a title when that bound is a
    title's start and the title reaches its end (titles are merged where they overlap, so none holds another).
    """
    spans = sorted(
        (int(offset) + start, int(offset) + min(end, len(document.text)))
        for offset, document in zip(starts, documents, strict=True)
        for start, end in document.titles
        if 0 <= start < min(end, len(document.text))
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    titles = np.array(merged, dtype=np.int64).reshape(-1, 2)
    title_docs = np.searchsorted(starts, titles[:, 0], side="right") - 1
    bounds = np.concatenate((starts, titles[:, 0]))
    order = np.argsort(bounds, kind="stable")  # documents come first in ``bounds``: first at a shared place
    docs = np.concatenate((np.arange(len(starts), dtype=np.int64), title_docs))
    ends = np.concatenate((np.full(len(starts), -1, dtype=np.int64), titles[:, 1]))
    return bounds[order], docs[order], ends[order]


def _closest(spans_by_term: list[list[Span]]) -> int:
    """The smallest gap in characters between occurrences of two different terms (the first 50 of each; 0 if
    two overlap).

    One sweep over the occurrences in order of their start, n log n for n occurrences of all terms: for spans
    a, b with a starting first, the gap is ``max(0, b.start - a.end)``, so each occurrence only needs the
    furthest end reached so far by another term, and keeping the furthest two ends of different terms is enough.
    """
    if len(spans_by_term) < 2:
        return 0
    occurrences = sorted((start, end, term) for term, spans in enumerate(spans_by_term) for start, end in spans[:50])
    best = -1  # the smallest gap so far (-1: none yet)
    end1 = end2 = -1  # the furthest end so far, and the furthest of a term other than end1's
    term1 = -1
    for start, end, term in occurrences:
        reach = end2 if term == term1 else end1
        if reach >= 0:
            gap = max(0, start - reach)
            if best < 0 or gap < best:
                best = gap
                if not best:
                    return 0
        if term == term1:
            end1 = max(end1, end)
        elif end > end1:
            end1, end2, term1 = end, end1, term
        elif end > end2:
            end2 = end
    return max(best, 0)
