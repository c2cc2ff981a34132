"""Outlines to check the outline model and filter on: the bundled report and the shared corpus, with real search
hit counts (a query with hits in many nodes and one with hits in few)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from corpus.scoring import corpus_dir, document_names

from jcviewer.model.navigation import Node, build_outline, count_marks
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.search.report_search import ReportSearch
from jcviewer.resources import bundled_report

REPORTS = ["bundled", *document_names()]  # the corpus documents only when the corpus is there
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


@functools.cache
def outline_report(name: str) -> tuple[Report, tuple[Node, ...]]:
    """A report of REPORTS, parsed from its file, and its outline."""
    folder = corpus_dir()
    path = bundled_report() if name == "bundled" or folder is None else folder / f"{name}.layout.txt"
    report = load_report(path)
    return report, build_outline(report)


def queries(report: Report) -> tuple[str, str]:
    """Two queries taken from the report's own text: its most frequent pair of characters, and the first pair of
    its last paragraph."""
    texts = [p.text for p in report.paragraphs()]
    pairs = Counter(pair for text in texts for pair in _HAN_PAIR.findall(text))
    return pairs.most_common(1)[0][0], next(pair for text in reversed(texts) for pair in _HAN_PAIR.findall(text))


def hit_counts(name: str, query: str) -> dict[str, int]:
    """Hits per node id for ``query``: every mark of every hit, counted per node as the window counts them."""
    report, nodes = outline_report(name)
    hits = ReportSearch(report, nodes=nodes).search(query, limit=None).hits
    return count_marks(report, nodes, tuple(mark for hit in hits for mark in hit.marks))
