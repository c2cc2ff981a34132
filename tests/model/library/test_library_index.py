"""The library's search index: exactly the plain scan's hits over the corpus, the bundled report and generated
reports, for many queries; never parses a report; kept current as reports come, go, change and are edited."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.scoring import corpus_dir
from genre import wenshui_page

import jcviewer.model.parse
from jcviewer.model.library import Catalogue, Entry, search
from jcviewer.model.library.index import MAX_SEGMENTS
from jcviewer.model.library.search import ReportHits, library_search, plain_search
from jcviewer.model.report import Report
from jcviewer.model.vocabulary import default_synonyms
from jcviewer.resources import bundled_report

SYNONYMS = default_synonyms()


def _texts() -> Iterator[tuple[str, bytes]]:
    """The corpus texts (when the corpus is there), the bundled report and generated reports of one county."""
    corpus = corpus_dir()
    if corpus is not None:
        for path in sorted(corpus.glob("*.txt")):
            yield path.name, path.read_bytes()
    yield bundled_report().name, bundled_report().read_bytes()
    for seed in range(1, 7):
        yield f"wenshui-{seed}.txt", wenshui_page(seed, gdp=4.5 + seed / 2).text().encode("utf-8")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogue]:
    """The texts in one library; the plain scan parses each report once for the whole module (its own report
    cache holds too few)."""
    parsed: dict[tuple[str, str], Report] = {}
    load = search._load

    def once(catalogue: Catalogue, entry: Entry, cache: Path | None) -> Report:
        key = (entry.content_hash, entry.source)  # what the parse depends on (no corrections here)
        if key not in parsed:
            parsed[key] = load(catalogue, entry, cache)
        return parsed[key]

    with pytest.MonkeyPatch.context() as patch, Catalogue(tmp_path_factory.mktemp("index") / "lib") as catalogue:
        patch.setattr(search, "_load", once)
        for name, data in _texts():
            catalogue.add_text(name, data)
        yield catalogue


def _queries() -> list[str]:
    """Mixed queries drawn from the texts themselves (seeded): 2-character words, longer runs, numbers, two and
    three words, quoted phrases, synonyms, and words found nowhere."""
    text = "".join(data.decode("utf-8", errors="ignore") for _, data in _texts())
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", text)
    numbers = sorted(set(re.findall(r"\d+(?:\.\d+)?%?", text)))
    rng = random.Random(15)
    queries = ["GDP", "规上工业", "固投", "6%", "5", "10", "2024", "的", "县", "没有这样的话", "qzqz"]
    for _ in range(30):
        run = rng.choice(runs)
        start = rng.randrange(len(run) - 1)
        queries.append(run[start : start + rng.choice((2, 2, 3, 4))])
    queries += rng.sample(numbers, 12)
    for _ in range(10):
        queries.append(" ".join(rng.choice(runs)[:2] for _ in range(rng.choice((2, 3)))))
    for _ in range(6):
        run = max(rng.sample(runs, 5), key=len)
        queries.append(f'"{run[:6]}"')
    return queries


def _shape(found: list[ReportHits]) -> list[tuple[object, ...]]:
    return [
        (
            r.report_id,
            r.title,
            r.year,
            r.total,
            [(h.paragraph, h.section, h.node, h.path, round(h.score, 9), h.spans, h.best, h.snippet) for h in r.hits],
        )
        for r in found
    ]


def test_the_index_finds_exactly_what_the_plain_scan_finds(library: Catalogue) -> None:
    queries = _queries()
    matched = 0
    for query in queries:
        indexed = library_search(library, query, None, synonyms=SYNONYMS)
        scanned = plain_search(library, query, None, synonyms=SYNONYMS)
        assert _shape(indexed) == _shape(scanned), query
        matched += bool(scanned)
        for limit in (1, 7, 20) if len(query) % 3 == 0 else ():
            capped = library_search(library, query, limit, synonyms=SYNONYMS)
            assert _shape(capped) == _shape(plain_search(library, query, limit, synonyms=SYNONYMS)), (query, limit)
    assert matched > len(queries) * 2 // 3  # most queries find something, some find nothing


def test_hits_carry_report_and_paragraph_ids(library: Catalogue) -> None:
    found = library_search(library, "经济", None)
    assert len(found) > 3
    for report in found:
        parsed = library.report(library.get(report.report_id))
        for hit in report.hits:
            if hit.paragraph:
                assert "经济" in parsed.paragraph(hit.paragraph).text
                assert parsed.section_of(hit.paragraph).id == hit.section
            else:
                assert "经济" in parsed.section(hit.section).title + parsed.section(hit.section).subtitle


def test_searching_parses_no_report(library: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed")

    library_search(library, "发展")
    monkeypatch.setattr(jcviewer.model.parse, "parse_text", no_parse)
    monkeypatch.setattr(jcviewer.model.parse, "load_report", no_parse)
    assert library_search(library, "发展 经济", None) and library_search(library, "6%")


def _genre(folder: Path, seed: int) -> Path:
    path = folder / f"wenshui-{seed}.txt"
    path.write_text(wenshui_page(seed, gdp=5 + seed / 10).text(), encoding="utf-8")
    return path


def _ids(found: list[ReportHits]) -> set[int]:
    return {r.report_id for r in found}


def test_the_index_follows_adds_removals_edits_and_other_connections(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library, Catalogue(tmp_path / "lib") as other:
        first, _ = library.add(_genre(tmp_path, 1))
        assert _ids(library_search(library, "文水县")) == {first}
        second, _ = other.add(_genre(tmp_path, 2))  # another connection (the window's worker thread)
        assert _ids(library_search(library, "文水县")) == {first, second}
        other.remove(first)
        assert _ids(library_search(library, "文水县")) == {second}
        third, _ = library.add(_genre(tmp_path, 3))
        other.edit(third, year=1999, title="改过的标题")
        found = {r.report_id: r for r in library_search(library, "文水县")}
        assert (found[third].year, found[third].title) == (1999, "改过的标题")
        assert _shape(library_search(library, "文水县", None)) == _shape(plain_search(library, "文水县", None))


def test_many_single_adds_keep_few_segments_and_the_same_hits(tmp_path: Path) -> None:
    with Catalogue(tmp_path / "lib") as library:
        for seed in range(1, 4 * MAX_SEGMENTS):
            library.add(_genre(tmp_path, seed))
            if seed % 3:
                library.remove(library.list()[0].id)
            assert _shape(library_search(library, "项目", None)) == _shape(plain_search(library, "项目", None))
            assert len(library.search_index()._segments) <= MAX_SEGMENTS


def test_a_refreshed_report_is_searched_in_its_new_rows(tmp_path: Path) -> None:
    store = tmp_path / "corrections"
    with Catalogue(tmp_path / "lib", corrections=store) as library:
        report_id, _ = library.add(bundled_report())
        kept, _ = library.add(_genre(tmp_path, 1))
        before = library_search(library, "经济", None)
        store.mkdir()
        (store / f"{library.get(report_id).content_hash}.toml").write_text("[[figure]]\n", encoding="utf-8")
        assert [e.id for e in library.stale()] == [report_id]
        assert _shape(library_search(library, "经济", None)) == _shape(before)  # refreshed, then indexed again
        index = library.search_index()
        assert library.stale() == [] and index._stamps == library.row_stamps()
        library._db.execute("UPDATE reports SET parser = 'older' WHERE id = ?", (kept,))
        library._db.execute("DELETE FROM paragraphs WHERE report_id = ?", (kept,))  # what an older parser left
        assert _shape(library_search(library, "经济", None)) == _shape(before)
