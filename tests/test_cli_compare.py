"""``jcviewer library compare ID_A ID_B [--json]``: two reports of the library compared, in text and JSON; an
unknown id is one line on stderr and a failure (exit 2 once ``cli.main`` runs it)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from genre import county_years, wenshui_page

from jcviewer.cli_compare import COMPARE_JSON_SCHEMA, add_compare_parser, run_compare
from jcviewer.model.library import Catalogue


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Catalogue]:
    """Two generated reports of one county: id 1 set in 2024, id 2 in 2023 (a report cache of this test's own)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Catalogue(tmp_path / "lib") as library:
        for seed, (year, targets) in enumerate(((2024, {"gdp": 5.5, "retail": 8}), (2023, {"gdp": 6})), start=1):
            path = tmp_path / f"wenshui-{seed}.txt"
            path.write_text(wenshui_page(seed, **targets).text(), encoding="utf-8")
            library.edit(library.add(path)[0], year=year)
        yield library


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jcviewer library")
    add_compare_parser(parser.add_subparsers(dest="action"))
    return parser.parse_args(argv)


def test_text_puts_the_older_report_first_and_shows_changes_and_tasks(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_compare(parse("compare", "1", "2"), catalogue)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("older: report 2 (2023") and lines[1].startswith("newer: report 1 (2024")
    assert "  地区生产总值增长: ≈6% → ≈5.5%  (-0.5 points); result est. 4.5%, missed" in lines
    assert "  社会消费品零售总额增长: ≈7% → ≈8%  (+1 points)" in lines
    assert "  一般公共预算收入增长: 5% → 5%  (no change)" in lines
    assert out.index("tasks of report 2:") < out.index("tasks of report 1:")
    assert "  [p5] 一是 加快产业升级" in lines


def test_a_level_changes_by_an_amount_and_a_percent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Catalogue(tmp_path / "lib") as library:
        for year in county_years(first=2023, count=2, seed=0):  # 进出口总额达到20000万元, then 30000万元
            path = tmp_path / f"{year.year}.txt"
            path.write_text(year.text, encoding="utf-8")
            library.add(path)
        assert run_compare(parse("compare", "1", "2"), library)
    lines = capsys.readouterr().out.splitlines()
    assert "  进出口总额: 20000万元 → 30000万元  (+10000万元, +50.0%); result est. 3.96亿元, met" in lines


def test_json_has_its_schema_both_reports_targets_and_tasks(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_compare(parse("compare", "2", "1", "--json"), catalogue)
    shape = json.loads(capsys.readouterr().out)
    assert shape["schema"] == COMPARE_JSON_SCHEMA == 2
    assert (shape["older"]["id"], shape["older"]["year"], shape["newer"]["id"]) == (2, 2023, 1)
    gdp = shape["targets"][0]
    assert (gdp["indicator"], gdp["label"], gdp["kind"]) == ("地区生产总值", "地区生产总值增长", "rate")
    assert (gdp["older"]["value"], gdp["older"]["qualifier"], gdp["newer"]["value"]) == (6.0, "about", 5.5)
    assert gdp["change"] == {"amount": -0.5, "amount_max": None, "unit": "个百分点", "percent": None}
    assert gdp["met"] is False and shape["targets"][2]["met"] is True  # 4.5 < 6 − 0.5; 15.2 ≥ 12
    assert (gdp["achieved"]["value"], gdp["achieved"]["estimate"]) == (4.5, True) and gdp["achieved"]["paragraph"]
    qualitative = shape["targets"][-1]
    assert qualitative["change"] is None and qualitative["older"]["value"] is None
    assert [t["title"] for t in shape["tasks"]["newer"]][:2] == ["加快产业升级", "扩大有效投资"]
    assert all(t["paragraph"] and t["marker"] for t in shape["tasks"]["older"])


def add_texts(library: Catalogue, folder: Path, texts: tuple[str, ...]) -> None:
    """Add each text to ``library`` as a file of its own (``0.txt``, ``1.txt``, …) in ``folder``."""
    for number, text in enumerate(texts):
        path = folder / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        library.add(path)


def test_a_row_of_falls_is_in_sizes_in_the_text_and_signed_in_the_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    texts = (  # invented figures: the fall asked for is half a point smaller
        "某某县2023年政府工作报告\n\n2023年主要预期目标是：单位地区生产总值能耗下降3%。\n",
        "某某县2024年政府工作报告\n\n2024年主要预期目标是：单位地区生产总值能耗下降2.5%。\n",
    )
    with Catalogue(tmp_path / "lib") as library:
        add_texts(library, tmp_path, texts)
        assert run_compare(parse("compare", "1", "2"), library)
        assert "  单位地区生产总值能耗下降: 3% → 2.5%  (-0.5 points)" in capsys.readouterr().out.splitlines()
        assert run_compare(parse("compare", "1", "2", "--json"), library)
    (row,) = json.loads(capsys.readouterr().out)["targets"]
    assert (row["older"]["value"], row["newer"]["value"]) == (-3, -2.5)
    assert row["change"] == {"amount": 0.5, "amount_max": None, "unit": "个百分点", "percent": None}  # newer − older


def test_a_range_changed_at_one_end_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    texts = (  # invented figures: the range's top comes down, its floor stays
        "某某县2023年政府工作报告\n\n2023年主要预期目标是：地区生产总值增长5%—5.5%。\n",
        "某某县2024年政府工作报告\n\n2024年主要预期目标是：地区生产总值增长5%左右。\n",
    )
    with Catalogue(tmp_path / "lib") as library:
        add_texts(library, tmp_path, texts)
        assert run_compare(parse("compare", "1", "2"), library)
        lines = capsys.readouterr().out.splitlines()
        assert "  地区生产总值增长: 5–5.5% → ≈5%  (lower end ±0 points, upper end -0.5 points)" in lines
        assert run_compare(parse("compare", "1", "2", "--json"), library)
    (row,) = json.loads(capsys.readouterr().out)["targets"]
    assert row["change"] == {"amount": 0, "amount_max": -0.5, "unit": "个百分点", "percent": None}


@pytest.mark.parametrize("ids", [("1", "9"), ("9", "1")])
def test_an_unknown_id_is_one_line_on_stderr(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str], ids: tuple[str, str]
) -> None:
    assert not run_compare(parse("compare", *ids), catalogue)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "jcviewer: error: no report with id 9 in the library (see jcviewer library list)\n"


def test_one_report_twice_is_refused_on_one_line(catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    assert not run_compare(parse("compare", "1", "1"), catalogue)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "jcviewer: error: library compare: ID_A and ID_B are both report 1 (give two reports)\n"


def test_an_id_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse("compare", "1", "x")
    assert exited.value.code == 2 and "expected a report id" in capsys.readouterr().err


def test_a_lost_copy_is_one_line_on_stderr(catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue.text_file(catalogue.get(2)).unlink()
    assert not run_compare(parse("compare", "1", "2"), catalogue)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("jcviewer: error: report 2 cannot be read")


def test_reports_are_parsed_through_the_report_cache(catalogue: Catalogue, tmp_path: Path) -> None:
    assert run_compare(parse("compare", "1", "2"), catalogue)
    assert len(list((tmp_path / "cache").rglob("*.report.json"))) == 2
