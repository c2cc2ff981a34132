"""Search across the library, through the index and by the plain scan: every occurrence in every report, grouped
by report, the limit, removal; the plain scan's report cache and unreadable copies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from genre import wenshui_page

import jcviewer.model.parse
from jcviewer.model.library import Catalogue
from jcviewer.model.library.search import ReportHits, library_search, plain_search
from jcviewer.model.parse import load_report
from jcviewer.model.vocabulary import default_synonyms
from jcviewer.resources import bundled_report


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Catalogue]:
    """Two generated reports of one county (2022, 2023) and the bundled report (2024)."""
    with Catalogue(tmp_path / "lib") as catalogue:
        for seed, (gdp, year) in enumerate(((6, 2022), (5, 2023)), start=1):
            path = tmp_path / f"wenshui-{seed}.txt"
            path.write_text(wenshui_page(seed, gdp=gdp).text(), encoding="utf-8")
            catalogue.edit(catalogue.add(path)[0], year=year)
        catalogue.add(bundled_report())
        yield catalogue


Search = Callable[..., list[ReportHits]]
BOTH = pytest.mark.parametrize("search", [library_search, plain_search], ids=["index", "plain"])


def _expected(catalogue: Catalogue, word: str) -> dict[int, set[str]]:
    """Per report id, the paragraphs and section headings whose text holds ``word`` (read independently)."""
    expected: dict[int, set[str]] = {}
    for entry in catalogue.list():
        report = load_report(catalogue.text_file(entry), sidecar=False)
        found = {p.id for p in report.paragraphs() if word in p.text}
        found |= {s.id for s in report.walk() if s.kind == "section" and word in f"{s.title}\n{s.subtitle}"}
        if found:
            expected[entry.id] = found
    return expected


@BOTH
@pytest.mark.parametrize("word", ["经济", "项目", "文水县", "高质量发展"])
def test_every_occurrence_is_found_grouped_by_report(library: Catalogue, word: str, search: Search) -> None:
    found = search(library, word, limit=None)
    expected = _expected(library, word)
    assert expected, "the word must occur somewhere for the test to mean anything"
    grouped = {r.report_id: {h.paragraph or h.section for h in r.hits} for r in found}
    assert grouped == expected
    assert all(r.total == len(r.hits) for r in found)
    for report in found:
        entry = library.get(report.report_id)
        assert (report.title, report.year, report.place) == (entry.title, entry.year, entry.place)


@BOTH
def test_reports_by_hit_count_then_latest_year(library: Catalogue, search: Search) -> None:
    found = search(library, "经济", limit=None)
    keys = [(-r.total, -(r.year or 0)) for r in found]
    assert len(found) == 3 and keys == sorted(keys)
    same_county = search(library, "文水县", limit=None)
    assert [r.year for r in same_county] == [2023, 2022]  # the same hits: the latest first


@BOTH
def test_a_number_is_found_only_as_a_whole_number(library: Catalogue, search: Search) -> None:
    by_year = {r.year: r for r in search(library, "6%", limit=None, synonyms=default_synonyms())}
    assert 2022 in by_year  # its target is 6%
    assert all("6%" in h.snippet for r in by_year.values() for h in r.hits)
    assert not any("16%" in h.snippet or "96%" in h.snippet for r in by_year.values() for h in r.hits)


@BOTH
def test_the_limit_caps_the_hits_listed_in_all(library: Catalogue, search: Search) -> None:
    every = search(library, "经济", limit=None)
    for limit in (0, 1, every[0].total + 1, 1000):
        capped = search(library, "经济", limit=limit)
        assert [(r.report_id, r.total) for r in capped] == [(r.report_id, r.total) for r in every]
        listed = [h for r in capped for h in r.hits]
        assert listed == [h for r in every for h in r.hits][:limit]


@BOTH
def test_a_removed_report_is_no_longer_found(library: Catalogue, search: Search) -> None:
    first = search(library, "文水县", limit=None)[0]
    library.remove(first.report_id)
    assert first.report_id not in {r.report_id for r in search(library, "文水县", limit=None)}


def test_a_second_search_is_served_from_the_report_cache(
    library: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = plain_search(library, "经济", cache=cache)

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(jcviewer.model.parse, "load_report", no_parse)
    assert plain_search(library, "经济", cache=cache) == first


def test_the_plain_scan_tells_of_a_report_whose_copy_is_gone_and_leaves_it_out(library: Catalogue) -> None:
    entry = library.list()[0]
    library.text_file(entry).unlink()
    problems: list[int] = []
    found = plain_search(library, "经济", problem=lambda e, error: problems.append(e.id))
    assert problems == [entry.id] and entry.id not in {r.report_id for r in found} and found
    assert entry.id in {r.report_id for r in library_search(library, "经济")}  # the index has its rows
