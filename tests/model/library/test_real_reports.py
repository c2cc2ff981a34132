"""The library built from real reports: three provinces, two consecutive years each (issue 15's acceptance).

The texts are published government work reports, their newspaper coverage and a government's task list naming a
report's targets (福建省, 湖北省, 辽宁省; 2025 and 2026), kept outside the repository like the corpus, in
``<repo>/../shared/library-texts`` (or ``$JCVIEWER_LIBRARY_TEXTS``) with where each comes from (``SOURCES.md``);
the tests skip when they are missing. They are plain text copied from web pages, one paragraph a line, which must
import as well as an extracted newspaper page.

The figures expected below were read from those texts, each with the sentence it comes from: they are real figures
of real documents, here only to check the parser and the library against, never in ``jcviewer/``. A defect found
on such a text is fixed in the parser for the genre (bullet lines, the name line, the title line and the dated line
under it were), never by a rule keyed to one of these documents.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jcviewer.model.library import Catalogue
from jcviewer.model.library.search import library_search
from jcviewer.model.meeting import reporters
from jcviewer.model.report import Metric, Report

REPO = Path(__file__).resolve().parents[3]
TEXTS_ENV = "JCVIEWER_LIBRARY_TEXTS"  # overrides the folder (default: <repo>/../shared/library-texts)

FUJIAN_2025 = "fujian-2025-npc-report-coverage.txt"  # 人民网, 13 Jan 2025: 2024 results, 2025 targets
FUJIAN_2026 = "fujian-2026-work-report.txt"  # 2026年福建省政府工作报告 (excerpt): 2025 results, 2026 targets
HUBEI_2025 = "hubei-2025-work-report-summary.txt"  # 长江日报, 17 Jan 2025: bullet lines, 2024 results, 2025 targets
HUBEI_2026 = "hubei-2026-work-report.txt"  # 2026年湖北省政府工作报告 (excerpt): 2025 results, 2026 targets
LIAONING_2025 = "liaoning-2025-work-report-task-list.txt"  # the 2025 report's task list: its 2025 targets
LIAONING_2026 = "liaoning-2026-work-report.txt"  # 2026年辽宁省政府工作报告 (excerpt): 2025 results, 2026 targets
NAMES = (FUJIAN_2025, FUJIAN_2026, HUBEI_2025, HUBEI_2026, LIAONING_2025, LIAONING_2026)

# What each text says about itself: the place it names (None: it names none - HUBEI_2025 says 全省, LIAONING_2025
# 省 - and the library must not invent one), the year it is about, its headline, the day of the meeting.
PLACES = {
    FUJIAN_2025: "福建省",
    FUJIAN_2026: "福建省",
    HUBEI_2025: None,
    HUBEI_2026: "湖北省",
    LIAONING_2025: None,
    LIAONING_2026: "辽宁省",
}
KNOWN_PLACES = {name: place or ("湖北省" if "hubei" in name else "辽宁省") for name, place in PLACES.items()}
"""The places a user sets where the text names none (a Wuhan paper; a 辽宁 government document)."""
YEARS = {name: 2025 if "-2025-" in name else 2026 for name in NAMES}
TITLES = {
    FUJIAN_2026: "2026年福建省政府工作报告",
    HUBEI_2025: "政府工作报告摘要与导读",
    HUBEI_2026: "2026年湖北省政府工作报告",
    LIAONING_2025: "2025年省《政府工作报告》重点工作分工方案（一）",
    LIAONING_2026: "2026年辽宁省政府工作报告",
}
"""The headline each text opens with (FUJIAN_2025's title may be its headline or the meeting it reports)."""
DATES = {
    FUJIAN_2025: "2025年1月13日",  # 13日上午，福建省第十四届人民代表大会第三次会议在福州开幕
    FUJIAN_2026: "2026年1月27日",  # ——2026年1月27日在福建省第十四届人民代表大会第四次会议上
    HUBEI_2026: "2026年1月27日",
    LIAONING_2026: "2026年1月27日",
}
"""The day of the meeting, where the text gives it."""


def texts_dir() -> Path | None:
    """The folder of the real texts, or None when it (or one of the texts) is missing."""
    folder = Path(os.environ.get(TEXTS_ENV) or REPO.parent / "shared" / "library-texts")
    complete = (folder / "SOURCES.md").is_file() and all((folder / name).is_file() for name in NAMES)
    return folder if complete else None


def require_texts() -> Path:
    """The folder of the real texts, or skip the calling test when it is missing (CI has ../shared)."""
    folder = texts_dir()
    if folder is None:
        where = REPO.parent / "shared" / "library-texts"
        pytest.skip(f"the real multi-year texts are missing (expected at {where} or ${TEXTS_ENV})")
    return folder


def _param(value: object) -> Any:
    """A parameter named by its value."""
    return pytest.param(value, id=str(value))


def _compact(text: str) -> str:
    return re.sub(r"\s", "", text)


def _source_lines(name: str) -> list[str]:
    """The text's non-blank lines, without whitespace."""
    return [line for line in map(_compact, (require_texts() / name).read_text(encoding="utf-8").splitlines()) if line]


def _headings(report: Report) -> list[str]:
    return [_compact(f"{s.title}{s.subtitle}") for s in report.walk() if s.kind == "section"]


@dataclass
class Library:
    catalogue: Catalogue
    ids: dict[str, int]  # file name -> report id
    originals: Path  # the copies of the texts the reports were added from

    def report(self, name: str) -> Report:
        """The report parsed from the library's copy of ``name``."""
        return self.catalogue.report(self.catalogue.get(self.ids[name]))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """The texts added to a new library, from copies in ``tmp_path`` (the shared files are only read)."""
    folder = require_texts()
    originals = tmp_path / "originals"
    originals.mkdir()
    with Catalogue(tmp_path / "lib") as catalogue:
        ids = {}
        for name in NAMES:
            shutil.copyfile(folder / name, originals / name)
            report_id, added = catalogue.add(originals / name)
            assert added
            ids[name] = report_id
        yield Library(catalogue, ids, originals)


# --- every text imports ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_text_imports_and_no_text_is_lost(library: Library, name: str) -> None:
    report = library.report(name)
    assert list(report.paragraphs())
    held = "".join(_compact(p.text) for p in report.paragraphs()) + "".join(_headings(report))
    assert [line for line in _source_lines(name) if line not in held] == []


@pytest.mark.parametrize("name", NAMES)
def test_one_line_is_one_paragraph(library: Library, name: str) -> None:
    """Text copied from a web page has one paragraph a line: no paragraph runs over two lines, and every line
    that reads as a sentence (ends with 。；：，) is a paragraph of its own."""
    lines = _source_lines(name)
    paragraphs = [_compact(p.text) for p in library.report(name).paragraphs()]
    assert [p for p in paragraphs if not any(p in line for line in lines)] == []
    sentences = [line for line in lines if line[-1] in "。；：，"]
    assert [line for line in sentences if line not in paragraphs] == []


@pytest.mark.parametrize("name", NAMES)
def test_a_line_with_a_figure_is_read_as_text_not_as_a_heading(library: Library, name: str) -> None:
    headings = _headings(library.report(name))
    with_figures = [line for line in _source_lines(name) if re.search(r"\d%", line)]
    assert with_figures and [line for line in with_figures if line in headings] == []


# --- one report, one entry; the library's own copy ---------------------------------------------------------


def test_the_same_content_is_one_entry(library: Library, tmp_path: Path) -> None:
    catalogue = library.catalogue
    for name, report_id in library.ids.items():
        assert catalogue.add(library.originals / name) == (report_id, False)
        data = (library.originals / name).read_bytes()
        renamed = tmp_path / f"copy-of-{name}"
        renamed.write_bytes(data)
        assert catalogue.add(renamed) == (report_id, False)
        crlf = tmp_path / f"crlf-{name}"
        crlf.write_bytes("\ufeff".encode() + data.replace(b"\n", b"\r\n"))  # as Windows Notepad saves it
        assert catalogue.add(crlf) == (report_id, False)
    assert sorted(entry.id for entry in catalogue.list()) == sorted(library.ids.values())


def test_the_library_keeps_its_own_copy(library: Library) -> None:
    folder = require_texts()
    shutil.rmtree(library.originals)
    for name, report_id in library.ids.items():
        copy = library.catalogue.text_file(library.catalogue.get(report_id))
        assert library.catalogue.folder in copy.parents
        assert copy.read_bytes() == (folder / name).read_bytes()
        assert list(library.report(name).paragraphs())
    found = library_search(library.catalogue, "地区生产总值", limit=None)
    assert {r.report_id for r in found} == set(library.ids.values())


# --- what each text says about itself ----------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_place_the_text_names(library: Library, name: str) -> None:
    assert library.catalogue.get(library.ids[name]).place == PLACES[name]


@pytest.mark.parametrize("name", NAMES)
def test_the_year_the_text_is_about(library: Library, name: str) -> None:
    assert library.catalogue.get(library.ids[name]).year == YEARS[name]


@pytest.mark.parametrize("name", TITLES)
def test_the_title_is_the_headline_the_text_opens_with(library: Library, name: str) -> None:
    assert library.catalogue.get(library.ids[name]).title == TITLES[name]


@pytest.mark.parametrize("name", (FUJIAN_2025, FUJIAN_2026, HUBEI_2025, HUBEI_2026, LIAONING_2026))
def test_the_kind_of_report(library: Library, name: str) -> None:
    """A government work report (FUJIAN_2025 is news of the people's congress that heard it: either will do)."""
    kinds = ("government_work_report", "peoples_congress") if name == FUJIAN_2025 else ("government_work_report",)
    assert library.catalogue.get(library.ids[name]).kind in kinds


@pytest.mark.parametrize("name", DATES)
def test_the_day_of_the_meeting(library: Library, name: str) -> None:
    assert library.catalogue.get(library.ids[name]).date == DATES[name]


@pytest.mark.parametrize(
    ("name", "leader"),
    [(FUJIAN_2025, "赵龙"), (FUJIAN_2026, "赵龙"), (HUBEI_2026, "李殿勋"), (LIAONING_2026, "王新伟")],
)
def test_the_leader_who_gave_the_report(library: Library, name: str, leader: str) -> None:
    """The 省长 the news says made the report (省长赵龙向大会作政府工作报告), or the report's front matter names
    under its title (福建省人民政府省长 赵龙)."""
    assert [(r.name, r.gave) for r in reporters(library.report(name))] == [(leader, "政府工作报告")]


@pytest.mark.parametrize("name", [HUBEI_2025, LIAONING_2025])
def test_what_the_text_does_not_say_is_set_by_the_user_and_remembered(library: Library, name: str) -> None:
    catalogue = library.catalogue
    report_id = library.ids[name]
    assert catalogue.get(report_id).place is None  # the text names no place
    catalogue.edit(report_id, place=KNOWN_PLACES[name], year=2025, kind="government_work_report")
    assert catalogue.add(library.originals / name) == (report_id, False)  # a re-parse keeps them
    with Catalogue(catalogue.folder) as reopened:
        entry = reopened.get(report_id)
    assert (entry.place, entry.year, entry.kind) == (KNOWN_PLACES[name], 2025, "government_work_report")
    assert {"place", "year", "kind"} <= entry.user_set


# --- search across the reports -----------------------------------------------------------------------------


def _occurrences(text: str, term: str) -> int:
    """How often ``term`` occurs in ``text`` without whitespace, a number only as a whole number (5.5% is not in
    15.5%), counted here independently of the search."""
    before = r"(?<![\d.])" if term[0].isdigit() else ""
    after = r"(?![\d.])" if term[-1].isdigit() else ""
    return len(re.findall(before + re.escape(term) + after, _compact(text)))


@pytest.mark.parametrize("term", ["地区生产总值", "增长", "左右", "预期目标", "全省", "2025年", "5.5%", "5%"])
def test_search_across_the_library_finds_every_occurrence(library: Library, term: str) -> None:
    folder = require_texts()
    expected = {library.ids[name]: _occurrences((folder / name).read_text(encoding="utf-8"), term) for name in NAMES}
    expected = {report_id: count for report_id, count in expected.items() if count}
    assert len(expected) > 1, "the term must occur in several reports for the test to mean anything"
    found = library_search(library.catalogue, term, limit=None)
    assert {r.report_id: sum(len(h.spans) for h in r.hits) for r in found} == expected
    names = {report_id: name for name, report_id in library.ids.items()}
    for hits in found:
        report = library.report(names[hits.report_id])
        for hit in hits.hits:
            text = report.paragraph(hit.paragraph).text if hit.paragraph else None
            assert text is None or all(_compact(text[start:end]) == term for start, end in hit.spans)


# --- the figures the timeline is built from ----------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure as the text gives it: a fall (``measure`` 下降) a negative value; ``estimate`` None when the test
    does not say."""

    name: str
    period: str
    year: int
    indicator: str
    value: float
    unit: str = "%"
    qualifier: str = "exact"
    value_max: float | None = None
    measure: str = "增长"
    estimate: bool | None = False

    def __str__(self) -> str:
        return f"{self.name.split('-')[0]}-{self.period}-{self.year}-{self.indicator}-{self.value}"


def _matches(metric: Metric, figure: Figure) -> bool:
    return (metric.period, metric.year, metric.indicator, metric.value, metric.value_max, metric.unit) == (
        figure.period,
        figure.year,
        figure.indicator,
        figure.value,
        figure.value_max,
        figure.unit,
    )


FIGURES = [
    # 2025年经济社会发展的主要预期目标是：全省地区生产总值增长5.0%—5.5%，…，固定资产投资增长5%左右，
    # 社会消费品零售总额增长5.5%左右
    _param(Figure(FUJIAN_2025, "target", 2025, "地区生产总值", 5.0, qualifier="range", value_max=5.5)),
    _param(Figure(FUJIAN_2025, "target", 2025, "固定资产投资", 5.0, qualifier="about")),
    _param(Figure(FUJIAN_2025, "target", 2025, "社会消费品零售总额", 5.5, qualifier="about")),
    # 2024年…固定资产投资预计增长3.9%左右，…居民消费价格下降0.1%
    _param(Figure(FUJIAN_2025, "result", 2024, "固定资产投资", 3.9, qualifier="about", estimate=True)),
    _param(Figure(FUJIAN_2025, "result", 2024, "居民消费价格", -0.1, measure="下降", estimate=None)),
    # 根据政府工作报告，2024年…地方一般公共预算收入3614.6亿元、增长0.6%，… (no 预计 before it)
    _param(Figure(FUJIAN_2025, "result", 2024, "地方一般公共预算收入", 3614.6, unit="亿元", measure="")),
    # 初步统计，2025年全省地区生产总值60199.45亿元、增长5%，…社会消费品零售总额增长4.4%，固定资产投资下降3.3%
    _param(Figure(FUJIAN_2026, "result", 2025, "地区生产总值", 5.0)),
    _param(Figure(FUJIAN_2026, "result", 2025, "地区生产总值", 60199.45, unit="亿元", measure="")),
    _param(Figure(FUJIAN_2026, "result", 2025, "社会消费品零售总额", 4.4)),
    _param(Figure(FUJIAN_2026, "result", 2025, "固定资产投资", -3.3, measure="下降")),
    # （三）着力实施扩大内需战略… / 投资保持稳定。…基础设施投资增长5.6%
    _param(Figure(FUJIAN_2026, "result", 2025, "基础设施投资", 5.6)),
    # 今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右
    _param(Figure(FUJIAN_2026, "target", 2026, "地区生产总值", 5.0, qualifier="about")),
    # ■ 2024年成绩单 / ●预计全省地区生产总值增长6%左右
    _param(Figure(HUBEI_2025, "result", 2024, "地区生产总值", 6.0, qualifier="about", estimate=True)),
    # ■ 2025年经济社会发展的主要预期目标 / ●经济增长6%左右
    _param(Figure(HUBEI_2025, "target", 2025, "地区生产总值", 6.0, qualifier="about")),
    # (2025年工作回顾) 稳的态势巩固延续，地区生产总值增长5.5%、居经济大省和中部地区前列
    _param(Figure(HUBEI_2026, "result", 2025, "地区生产总值", 5.5)),
    # 经济社会发展主要预期目标是：经济增长5.5%左右，…粮食产量继续保持500亿斤以上
    _param(Figure(HUBEI_2026, "target", 2026, "地区生产总值", 5.5, qualifier="about")),
    _param(Figure(HUBEI_2026, "target", 2026, "粮食产量", 500.0, unit="亿斤", qualifier="at_least", measure="保持")),
    # 一、对地区生产总值增长5%以上、规模以上工业增加值增长4.5%以上、固定资产投资增长8%左右、社会消费品零售总额
    # 增长5%以上、一般公共预算收入增长4%、…粮食产量500亿斤左右、…等经济社会发展预期目标完成情况进行监测和督导。
    _param(Figure(LIAONING_2025, "target", 2025, "地区生产总值", 5.0, qualifier="at_least")),
    _param(Figure(LIAONING_2025, "target", 2025, "规模以上工业增加值", 4.5, qualifier="at_least")),
    _param(Figure(LIAONING_2025, "target", 2025, "一般公共预算收入", 4.0)),
    _param(Figure(LIAONING_2025, "target", 2025, "粮食产量", 500.0, unit="亿斤", qualifier="about", measure="")),
    # (2025) 全省经济总体平稳、稳中有进，地区生产总值增长3.7%，一般公共预算收入增长0.4%
    _param(Figure(LIAONING_2026, "result", 2025, "地区生产总值", 3.7)),
    _param(Figure(LIAONING_2026, "result", 2025, "一般公共预算收入", 0.4)),
    # 二是产业韧性稳步增强。…规上工业增加值增长0.6%。
    _param(Figure(LIAONING_2026, "result", 2025, "规模以上工业增加值", 0.6)),
    # 全省经济社会发展的主要预期目标是：地区生产总值增长4.5%左右
    _param(Figure(LIAONING_2026, "target", 2026, "地区生产总值", 4.5, qualifier="about")),
]


@pytest.mark.parametrize("figure", FIGURES)
def test_the_parser_reads_the_figure(library: Library, figure: Figure) -> None:
    metrics = [m for m in library.report(figure.name).metrics if _matches(m, figure)]
    assert metrics, f"no {figure.period} {figure.year} {figure.indicator} {figure.value}{figure.unit}"
    read = [(m.qualifier, m.measure, figure.estimate is None or m.estimate == figure.estimate) for m in metrics]
    assert (figure.qualifier, figure.measure, True) in read, read


@pytest.mark.parametrize(
    ("name", "indicator"),
    [
        (FUJIAN_2025, "计划"),
        (HUBEI_2026, "预期增长目标"),
        (LIAONING_2026, "确定"),
        (LIAONING_2025, "一、"),
    ],
)
def test_no_indicator_made_of_words_that_are_not_one(library: Library, name: str, indicator: str) -> None:
    assert [m.expression for m in library.report(name).metrics if m.indicator.startswith(indicator)] == []


# --- targets over the years --------------------------------------------------------------------------------


def _timeline(library: Library, indicator: str) -> dict[tuple[str | None, int | None], Any]:
    """The indicator's rows by (place, year), after the user set the place and year where the catalogue has
    others (it remembers them); skip while the library has no indicator timeline."""
    try:
        from jcviewer.model.library.indicators import indicator_timeline
    except ImportError:
        pytest.skip("jcviewer.model.library.indicators (indicator_timeline) is not there yet")
    catalogue = library.catalogue
    for name, report_id in library.ids.items():
        entry = catalogue.get(report_id)
        if (entry.place, entry.year) != (KNOWN_PLACES[name], YEARS[name]):
            catalogue.edit(report_id, place=KNOWN_PLACES[name], year=YEARS[name])
    rows = indicator_timeline(catalogue.metrics(), indicator)
    keyed = {(row.place, row.year): row for row in rows}
    assert len(keyed) == len(rows), "one row a place and year"
    return keyed


def _bounds(metric: Any) -> tuple[float | None, float | None, str] | None:
    return None if metric is None else (metric.value, metric.value_max, metric.qualifier)


def test_gdp_target_of_2025_and_the_result_the_2026_report_gives_fujian(library: Library) -> None:
    rows = _timeline(library, "地区生产总值")
    # fujian-2025: 2025年经济社会发展的主要预期目标是：全省地区生产总值增长5.0%—5.5%
    # fujian-2026: 初步统计，2025年全省地区生产总值60199.45亿元、增长5%  -> range: 5 >= 5.0, met
    row = rows[("福建省", 2025)]
    assert _bounds(row.target) == (5.0, 5.5, "range")
    assert row.result.value == 5.0 and row.result.unit == "%"
    assert row.met is True
    # fujian-2026: 今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右 - no 2027 report yet
    row = rows[("福建省", 2026)]
    assert _bounds(row.target) == (5.0, None, "about")
    assert row.result is None and row.met is None


def test_a_fall_misses_its_target_fujian_fixed_asset_investment(library: Library) -> None:
    rows = _timeline(library, "固定资产投资")
    # fujian-2025: 固定资产投资增长5%左右; fujian-2026: 固定资产投资下降3.3% -> -3.3 < 5 - 0.5, missed
    row = rows[("福建省", 2025)]
    assert _bounds(row.target) == (5.0, None, "about")
    assert row.result.value == -3.3
    assert row.met is False
    # fujian-2025 on 2024: 固定资产投资预计增长3.9%左右 - an estimate, and no 2024 target in the library
    row = rows[("福建省", 2024)]
    assert row.target is None and row.result.value == 3.9 and row.result.estimate is True
    assert row.met is None


def test_a_growth_below_an_about_target_misses_it_fujian_retail_sales(library: Library) -> None:
    rows = _timeline(library, "社会消费品零售总额")
    # fujian-2025: 社会消费品零售总额增长5.5%左右; fujian-2026: 社会消费品零售总额增长4.4% -> 4.4 < 5.0, missed
    row = rows[("福建省", 2025)]
    assert _bounds(row.target) == (5.5, None, "about")
    assert row.result.value == 4.4
    assert row.met is False


def test_gdp_target_of_2025_and_the_result_the_2026_report_gives_hubei(library: Library) -> None:
    rows = _timeline(library, "地区生产总值")
    # hubei-2025: ■ 2025年经济社会发展的主要预期目标 / ●经济增长6%左右
    # hubei-2026: (2025年工作回顾) 地区生产总值增长5.5%  -> about: 5.5 >= 6 - 0.5, met (on the bound)
    row = rows[("湖北省", 2025)]
    assert _bounds(row.target) == (6.0, None, "about")
    assert row.result.value == 5.5
    assert row.met is True
    # hubei-2025: ■ 2024年成绩单 / ●预计全省地区生产总值增长6%左右 - an estimate
    row = rows[("湖北省", 2024)]
    assert row.target is None and row.result.value == 6.0 and row.result.estimate is True
    # hubei-2026: 经济社会发展主要预期目标是：经济增长5.5%左右
    row = rows[("湖北省", 2026)]
    assert _bounds(row.target) == (5.5, None, "about") and row.result is None and row.met is None


def test_a_floor_target_missed_liaoning_gdp(library: Library) -> None:
    rows = _timeline(library, "地区生产总值")
    # liaoning-2025: 一、对地区生产总值增长5%以上、…; liaoning-2026: 地区生产总值增长3.7%  -> at_least: 3.7 < 5, missed
    row = rows[("辽宁省", 2025)]
    assert _bounds(row.target) == (5.0, None, "at_least")
    assert row.result.value == 3.7
    assert row.met is False
    # liaoning-2026: 全省经济社会发展的主要预期目标是：地区生产总值增长4.5%左右
    row = rows[("辽宁省", 2026)]
    assert _bounds(row.target) == (4.5, None, "about") and row.result is None and row.met is None


def test_an_exact_target_missed_liaoning_budget_revenue(library: Library) -> None:
    rows = _timeline(library, "一般公共预算收入")
    # liaoning-2025: 一般公共预算收入增长4%; liaoning-2026: 一般公共预算收入增长0.4%  -> exact: 0.4 < 4, missed
    row = rows[("辽宁省", 2025)]
    assert _bounds(row.target) == (4.0, None, "exact")
    assert row.result.value == 0.4
    assert row.met is False


def test_a_floor_target_missed_liaoning_retail_sales(library: Library) -> None:
    rows = _timeline(library, "社会消费品零售总额")
    # liaoning-2025: 社会消费品零售总额增长5%以上; liaoning-2026 (一是内需潜力有效释放。…): 社会消费品零售总额增长1.4%
    row = rows[("辽宁省", 2025)]
    assert _bounds(row.target) == (5.0, None, "at_least")
    assert row.result.value == 1.4
    assert row.met is False
