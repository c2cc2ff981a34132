"""Score the PDF import on newspaper pages typeset from the corpus (``newspaper_pdf``), with the corpus's checks.

Each generated page holds one to three corpus documents as articles. The report read from the page is cut into one
dump per article — its ``article`` section (the whole outline on a single-article page), the quotes, figures,
enumerations and warnings of its paragraphs, and the page's captions — and that dump is scored against the
document's gold exactly as ``jcviewer dump`` of a text is (``scoring.score_dump``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newspaper_pdf import ArticleTruth, Truth

from corpus.scoring import NOT_BODY, Check, DocScore, Dump, load_document, score_dump, sections, ws
from jcviewer.model.export import to_json
from jcviewer.model.parse import load_report


def page_dump(path: Path) -> Dump:
    """What `jcviewer dump PAGE.pdf --format json` prints, in-process."""
    data: Dump = json.loads(json.dumps(to_json(load_report(path)), ensure_ascii=False))
    return data


def _paragraph_ids(section: dict[str, Any]) -> set[str]:
    ids = {p["id"] for p in section.get("paragraphs") or []}
    for child in section.get("children") or []:
        ids |= _paragraph_ids(child)
    return ids


def _texts(section: dict[str, Any]) -> set[str]:
    return {ws(p["text"]) for s in sections({"sections": [section]}) for p in s.get("paragraphs") or []}


def article_dump(data: Dump, article: ArticleTruth, articles: int) -> Dump:
    """The part of a page's dump that is ``article`` (of ``articles`` printed on the page)."""
    if articles == 1:
        return data
    candidates = [s for s in data["sections"] if s.get("kind") not in NOT_BODY]
    truth = {ws(placed.text) for placed in article.flow}
    if not candidates:
        return {**data, "sections": []}
    chosen = max(candidates, key=lambda section: len(_texts(section) & truth))
    ids = _paragraph_ids(chosen)
    return {
        **data,
        "sections": [chosen],
        "quotes": [q for q in data["quotes"] if q["paragraph"] in ids],
        "metrics": [m for m in data["metrics"] if m["paragraph"] in ids],
        "enumerations": [e for e in data["enumerations"] if e["paragraph"] in ids],
        "warnings": [w for w in data["warnings"] if w["paragraph"] in ids],
    }


def score_page(path: Path, truth: Truth) -> list[DocScore]:
    """Every article of a generated page scored against its document's gold."""
    try:
        data = page_dump(path)
    except Exception as error:  # a crash is a failed check, like a failed `jcviewer dump`
        return [DocScore(a.name, (Check("dump", False, f"{path.name}: {error!r}"),)) for a in truth.articles]
    return [
        score_dump(article_dump(data, article, len(truth.articles)), load_document(article.name))
        for article in truth.articles
    ]


def score_pages(pages: Sequence[tuple[Path, Truth]]) -> list[DocScore]:
    """Every article of every page, scored; each named ``page: document``."""
    scores = []
    for path, truth in pages:
        for score in score_page(path, truth):
            scores.append(DocScore(f"{path.stem}: {score.name}", score.checks))
    return scores
