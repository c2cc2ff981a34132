"""Search over one report: its paragraphs and headings, hits placed in the outline with a snippet.

Section headings and the titles of list items (一是……, 要突出……: the marker and the words up to the first
stop) are titles to the index: a hit there outranks a passing mention in running text.

A query typed as one run of text (no spaces, not a quoted phrase) that finds nothing is retried as its words
(``ReportSearch.answer``): 营商环境优化 as 营商环境 + 优化, each required, anywhere in the paragraph. Words that say
nothing alone (function characters such as 的 or 和 and words made only of them such as 对于, a few function words
such as 关于 or 通过, punctuation) are left out; numbers are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jcviewer.model.navigation import Mark, Node, build_outline, node_at, node_path
from jcviewer.model.report import Report, Span
from jcviewer.model.search.index import Document, Hit, SearchIndex
from jcviewer.model.search.query import Query
from jcviewer.model.search.words import report_words
from jcviewer.model.vocabulary import Synonyms

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from jcviewer.model.search.words import WordSegmenter

HEADING_BOOST = 1.5  # a word in a heading says more about the section than the same word in its text
SNIPPET_BEFORE, SNIPPET_AFTER = 18, 42
HEADING_KEY = ":heading"
FUNCTION_CHARACTERS = frozenset("的地得之了着过和与及或并而且把被将对于以为在从向由是也都又还就这那个")
"""Characters that carry no meaning as a search word of their own (nor does a word made only of them: 对于, 而且)."""
FUNCTION_WORDS = frozenset({"关于", "通过", "按照", "根据", "或者", "因为", "所以", "但是", "进一步"})
"""Conjunctions, prepositions and adverbs, of any kind of text, that carry no meaning as a search word of their own
although not all their characters are function characters."""

Split = Callable[[str], list[str]]
"""Cuts a query into words (``WordSegmenter.words``)."""


@dataclass(frozen=True)
class SearchHit:
    """A paragraph (or a section heading) that matches, placed in the outline.

    ``paragraph`` is "" for a heading hit; ``spans`` are offsets in the paragraph (or in "title\\nsubtitle").
    ``node`` is the most specific outline node holding the best hit; ``path`` the titles down to it.
    """

    section: str
    paragraph: str
    node: str
    path: tuple[str, ...]
    score: float
    spans: tuple[Span, ...]
    best: Span
    snippet: str
    snippet_spans: tuple[Span, ...]

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The hits as highlight marks in the paragraph (none for a heading hit)."""
        return tuple(Mark(self.paragraph, span) for span in self.spans) if self.paragraph else ()

    def to_json(self) -> dict[str, Any]:
        """The hit as the JSON of `jcviewer search` and `jcviewer library search` (docs/cli.md)."""
        return {
            "section": self.section,
            "paragraph": self.paragraph,
            "node": self.node,
            "path": list(self.path),
            "score": round(self.score, 4),
            "spans": [list(span) for span in self.spans],
            "snippet": self.snippet,
            "snippet_spans": [list(span) for span in self.snippet_spans],
        }


@dataclass(frozen=True)
class SearchResults:
    """The best hits first, and how many paragraphs and headings matched in all."""

    query: Query
    hits: tuple[SearchHit, ...]
    total: int


@dataclass(frozen=True)
class Answer:
    """What a query found: ``typed`` as typed; ``words`` set when it found nothing as typed and ``results`` are
    those of its words instead (then empty too if they found nothing either): the words searched, at most
    ``query.MAX_TERMS`` of them."""

    typed: str
    results: SearchResults
    words: tuple[str, ...] = ()


def meaningful(word: str) -> bool:
    """True for a word worth searching on its own: a number, or a word with a letter that is neither made only of
    function characters nor one of the ``FUNCTION_WORDS``."""
    if any(char.isdigit() for char in word):
        return True
    if word in FUNCTION_WORDS or all(char in FUNCTION_CHARACTERS for char in word):
        return False
    return any(char.isalnum() for char in word)


def retry_words(query: Query, split: Split) -> tuple[str, ...]:
    """The words to retry a query that found nothing with: () unless it is one run of text, not a phrase, and
    splits into meaningful words other than itself."""
    if len(query.terms) != 1 or query.terms[0].phrase or any(char.isspace() for char in query.text.strip()):
        return ()
    term = query.terms[0].text
    words = tuple(dict.fromkeys(word for word in split(term) if meaningful(word)))
    return () if words in ((), (term,)) else words


def snippet(text: str, best: Span, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """A window of ``text`` around ``best`` with "…" where it is cut, and the spans that fall inside it."""
    start = max(0, best[0] - SNIPPET_BEFORE)
    end = min(len(text), max(best[1], best[0] + SNIPPET_AFTER))
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    inside = tuple(
        (max(s, start) - start + len(prefix), min(e, end) - start + len(prefix))
        for s, e in spans
        if s < end and e > start
    )
    return prefix + text[start:end].replace("\n", " ") + suffix, inside


def item_titles(report: Report) -> dict[str, tuple[Span, ...]]:
    """Per paragraph, where the titles of its list items are: the marker (四是) and the title after it."""
    titles: dict[str, tuple[Span, ...]] = {}
    for enumeration in report.enumerations:
        text = report.paragraph(enumeration.paragraph).text
        spans = []
        for item in enumeration.items:
            start = item.span[0]
            if text[:start].endswith(item.marker):
                start -= len(item.marker)
            spans.append((start, item.span[0] + len(item.title)))
        titles[enumeration.paragraph] = titles.get(enumeration.paragraph, ()) + tuple(spans)
    return titles


class ReportSearch:
    """The search index of a report, and the mapping of its hits back to sections and outline nodes."""

    def __init__(self, report: Report, synonyms: Synonyms | None = None, nodes: tuple[Node, ...] | None = None):
        self.report = report
        self.nodes = nodes if nodes is not None else build_outline(report)
        titles = item_titles(report)
        documents = [Document(p.id, p.text, titles=titles.get(p.id, ())) for p in report.paragraphs()]
        for section in report.walk():
            if section.headed:
                heading = f"{section.title}\n{section.subtitle}" if section.subtitle else section.title
                documents.append(Document(section.id + HEADING_KEY, heading, HEADING_BOOST, ((0, len(heading)),)))
        self.index = SearchIndex(documents, synonyms)
        self._texts = {d.key: d.text for d in documents}

    def word_boundaries(self, segmenter: WordSegmenter) -> npt.NDArray[np.bool_]:
        """The report's word edges from jieba, with its speakers and terms kept whole (slow: off the UI thread).

        Hand the result to ``self.index.use_word_boundaries``.
        """
        segmenter.add_words(report_words(self.report))
        return self.index.word_boundaries(segmenter.spans)

    def search(self, query: str | Query, limit: int | None = 20) -> SearchResults:
        """The best ``limit`` hits (all with None), placed in the outline."""
        found = self.index.search(query, limit)
        return SearchResults(found.query, tuple(self._place(hit) for hit in found.hits), found.total)

    def answer(self, text: str, limit: int | None = 20, split: Split | None = None) -> Answer:
        """``search(text)``; if that finds nothing and ``split`` is given, the search for the query's words (the
        first ``query.MAX_TERMS`` of them, as for any query)."""
        results = self.search(text, limit)
        words = retry_words(results.query, split) if split is not None and not results.total else ()
        if not words:
            return Answer(text.strip(), results)
        retried = self.search(" ".join(words), limit)
        return Answer(text.strip(), retried, tuple(term.text for term in retried.query.terms))

    def _place(self, hit: Hit) -> SearchHit:
        text = self._texts[hit.key]
        if hit.key.endswith(HEADING_KEY):
            section = hit.key[: -len(HEADING_KEY)]
            node, paragraph = section, ""
        else:
            paragraph = hit.key
            section = self.report.section_of(paragraph).id
            placed = node_at(self.report, self.nodes, paragraph, hit.best)
            node = placed.id if placed else section
        path = tuple(n.title for n in node_path(self.nodes, node) if n.title)
        shown, shown_spans = snippet(text, hit.best, hit.spans)
        return SearchHit(section, paragraph, node, path, hit.score, hit.spans, hit.best, shown, shown_spans)
