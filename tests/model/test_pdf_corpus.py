"""The PDF import on newspaper pages typeset from the twelve corpus documents, held against the corpus's gold.

`pytest -s tests/model/test_pdf_corpus.py` prints the per-kind table and each failed check.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from corpus.pdf_scoring import page_dump, score_pages
from corpus.scoring import body_texts, load_document, report, require_corpus, sections, tally, ws
from newspaper_pdf import Truth, corpus_pages

from jcviewer.model.export import to_json
from jcviewer.model.parse import UNHEADED_TITLE, parse_text

CORPUS_MIN = 0.95  # share of all checks passed over the generated pages (the acceptance)
HEADINGS_MIN = 1.0  # every headline and subhead found ...
PLACEMENT_MIN = 1.0  # ... and placed
PARAGRAPHS_IN_ORDER_MIN = 0.95  # share of the printed paragraphs read back whole, in reading order


@pytest.fixture(scope="module")
def pages(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Truth]]:
    require_corpus()
    return corpus_pages(tmp_path_factory.mktemp("pages"))


def test_generated_pages_score_as_the_corpus(pages: list[tuple[Path, Truth]]) -> None:
    scores = score_pages(pages)
    print("\n" + report(scores, title="pdf pages", verbose=True))
    total = tally(scores)
    assert total.kind_ratio("headings") >= HEADINGS_MIN, f"headings {total.by_kind['headings']}"
    assert total.kind_ratio("placement") >= PLACEMENT_MIN, f"placement {total.by_kind['placement']}"
    assert total.kind_ratio("captions") >= CORPUS_MIN, f"captions {total.by_kind['captions']}"
    assert total.ratio >= CORPUS_MIN, f"pdf pages {total.passed}/{total.total} = {100 * total.ratio:.1f}%"


def _in_order(printed: list[str], read: list[str]) -> int:
    """How many of the printed paragraphs are read back whole, in the printed order (a subsequence of ``read``)."""
    found, cursor = 0, 0
    for text in printed:
        try:
            cursor = read.index(text, cursor) + 1
        except ValueError:
            continue
        found += 1
    return found


def test_paragraphs_read_back_whole_in_reading_order(pages: list[tuple[Path, Truth]]) -> None:
    printed_total, found_total, misses = 0, 0, []
    for path, truth in pages:
        read = body_texts(page_dump(path))
        for article in truth.articles:
            printed = [ws(text) for text in article.paragraphs]
            found = _in_order(printed, read)
            printed_total += len(printed)
            found_total += found
            if found < len(printed):
                misses.append(f"{path.stem}/{article.name}: {found}/{len(printed)}")
    assert found_total >= PARAGRAPHS_IN_ORDER_MIN * printed_total, f"{found_total}/{printed_total}: {misses}"


def _targets(data: dict[str, object]) -> list[tuple[object, ...]]:
    metrics = data["metrics"]
    assert isinstance(metrics, list)
    keys = ("indicator", "value", "value_max", "unit", "qualifier", "period", "year")
    return [tuple(m[k] for k in keys) for m in metrics]


def _quotes(data: dict[str, object]) -> list[tuple[str, str, str]]:
    quotes = data["quotes"]
    assert isinstance(quotes, list)
    return [(q["speaker"], q["role"], q["text"]) for q in quotes]


def _headings(data: dict[str, object]) -> Counter[str]:
    """The characters of every heading (a headline block is one section titled by its main line, or one section a
    line; text that no heading claims is titled 正文)."""
    headed = [s for s in sections(data) if s["kind"] in ("section", "article") and s["title"] != UNHEADED_TITLE]
    return Counter("".join(ws(s["title"]) + ws(s["subtitle"]) for s in headed))


def test_a_single_article_page_reads_as_its_clean_text(pages: list[tuple[Path, Truth]]) -> None:
    """`dump page.pdf` equals `dump` of the clean text for sections (headings and paragraphs), quotes and targets."""
    singles = [(path, truth) for path, truth in pages if len(truth.articles) == 1 and len(truth.pages) == 1]
    assert singles
    for path, truth in singles:
        document = load_document(truth.articles[0].name)
        from_pdf = page_dump(path)
        from_text = to_json(parse_text(document.clean, f"{document.name}.clean.txt"))
        assert body_texts(from_pdf) == body_texts(from_text), path.name
        assert _headings(from_pdf) - Counter(ws(_invented(truth))) == _headings(from_text), path.name
        assert _quotes(from_pdf) == _quotes(from_text), path.name
        assert _targets(from_pdf) == _targets(from_text), path.name


def _invented(truth: Truth) -> str:
    """The headline the page was given when its document has none (not in the clean text)."""
    article = truth.articles[0]
    return "".join(placed.text for placed in article.headline) if article.headline_invented else ""
