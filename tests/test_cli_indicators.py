"""``jcviewer library indicator NAME [--json] [--csv FILE]``: a generated county's reports over four years in a
library; the timeline in text and JSON, the CSV written, and the failures (one line on stderr)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from genre import CountyYear, county_years

from jcviewer.cli_indicators import INDICATOR_JSON_SCHEMA, add_indicator_parser, run_indicator
from jcviewer.model.library import Catalogue


@pytest.fixture(scope="module")
def county() -> list[CountyYear]:
    return county_years("文水县", first=2021, count=4, seed=7)


@pytest.fixture
def catalogue(tmp_path: Path, county: list[CountyYear]) -> Iterator[Catalogue]:
    with Catalogue(tmp_path / "lib") as library:
        for county_year in county:
            path = tmp_path / f"{county_year.year}.txt"
            path.write_text(county_year.text, encoding="utf-8")
            library.add(path)
        yield library


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jcviewer library")
    add_indicator_parser(parser.add_subparsers(dest="action"))
    return parser.parse_args(argv)


def test_text_lists_each_year_with_target_result_and_met(
    catalogue: Catalogue, county: list[CountyYear], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_indicator(parse("indicator", "GDP"), catalogue)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "地区生产总值: 5 year(s) in 1 place(s)"
    assert [line.split()[:2] for line in lines[1:]] == [["文水县", str(year)] for year in range(2020, 2025)]
    first_target = county[0].targets["地区生产总值"][0]
    result = county[1].results["地区生产总值"]
    estimate = "est. " if "地区生产总值" in county[1].estimated else ""
    met = "met" if result >= first_target - 0.5 else "missed"
    assert lines[2] == f"文水县  2021  target ≈{first_target:g}% [1 p4]  result {estimate}{result:g}% [2 p3]  {met}"
    assert lines[-1].endswith("result -  -")  # the last year's target has no result yet


FALL_YEARS = (  # invented figures: a fall target of at least 3%, a fall of 2% reported for it, a range of falls
    "某某县2023年政府工作报告\n\n2023年主要预期目标是：单位地区生产总值能耗下降3%以上。\n",
    "某某县2024年政府工作报告\n\n2023年，全县单位地区生产总值能耗下降2%。\n\n"
    "2024年主要预期目标是：单位地区生产总值能耗下降3%—5%。\n",
)


def test_falls_show_as_sizes_under_the_falls_verb_and_stay_signed_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalogue(tmp_path / "lib") as library:
        for number, text in enumerate(FALL_YEARS):
            path = tmp_path / f"{number}.txt"
            path.write_text(text, encoding="utf-8")
            library.add(path)
        assert run_indicator(parse("indicator", "单位地区生产总值能耗"), library)
        lines = capsys.readouterr().out.splitlines()
        assert lines[1:] == [
            "某某县  2023  target 下降≥3% [1 p1]  result 下降2% [2 p1]  missed",
            "某某县  2024  target 下降3–5% [2 p2]  result -  -",
        ]
        assert run_indicator(parse("indicator", "单位地区生产总值能耗", "--json"), library)
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(row["period"], row["value"], row["value_max"], row["qualifier"]) for row in rows] == [
        ("target", -3, None, "at_least"),
        ("result", -2, None, "exact"),
        ("target", -5, -3, "range"),
    ]


def test_json_has_its_schema_and_one_row_per_target_and_result(
    catalogue: Catalogue, county: list[CountyYear], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_indicator(parse("indicator", "规上工业增加值", "--json"), catalogue)
    shape = json.loads(capsys.readouterr().out)
    assert shape["schema"] == INDICATOR_JSON_SCHEMA == 1
    assert (shape["query"], shape["indicator"]) == ("规上工业增加值", "规模以上工业增加值")
    rows = shape["rows"]
    assert set(rows[0]) == {
        *("place", "year", "period", "value", "value_max", "unit", "qualifier", "estimate", "expression"),
        *("report", "paragraph", "met"),
    }
    assert [(row["year"], row["period"]) for row in rows][:3] == [(2020, "result"), (2021, "target"), (2021, "result")]
    target, result = rows[1], rows[2]
    assert target["value"] == county[0].targets["规模以上工业增加值"][0] and target["report"] == 1
    assert result["value"] == county[1].results["规模以上工业增加值"] and result["report"] == 2
    assert (
        target["met"]
        is result["met"]
        is (result["value"] >= target["value"] - (0.5 if target["qualifier"] == "about" else 0))
    )
    assert rows[-1]["period"] == "target" and rows[-1]["met"] is None


def test_csv_is_written_beside_the_json(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "固投.csv"
    assert run_indicator(parse("indicator", "固投", "--json", "--csv", str(table)), catalogue)
    json.loads(capsys.readouterr().out)  # stdout stays JSON
    assert table.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(table.read_text(encoding="utf-8-sig").splitlines()) == 1 + 5


def test_an_unknown_indicator_names_the_known_ones(catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    assert not run_indicator(parse("indicator", "粮食产量"), catalogue)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "粮食产量" in err and "地区生产总值" in err


def test_an_unwritable_csv_is_one_line(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not run_indicator(parse("indicator", "GDP", "--csv", str(tmp_path / "no" / "such" / "t.csv")), catalogue)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "cannot be written" in captured.err


def test_a_csv_that_cannot_replace_its_target_names_the_file_asked_for_not_a_temporary_one(
    catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "t.csv"
    target.mkdir()  # a folder where the file should go: the temporary file cannot replace it
    assert not run_indicator(parse("indicator", "GDP", "--csv", str(target)), catalogue)
    error = capsys.readouterr().err
    assert str(target) in error and ".jcviewer-" not in error and not list(tmp_path.glob(".jcviewer-*"))


def test_an_empty_library_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Catalogue(tmp_path / "empty") as library:
        assert not run_indicator(parse("indicator", "GDP"), library)
    assert capsys.readouterr().err.count("\n") == 1
