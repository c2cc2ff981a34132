"""The timeline as CSV: a BOM for WPS/Excel, Chinese intact, one row per place and year, whole or not at all."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from jcviewer.model.library.indicator_table import HEADERS, shown, table_rows, write_table
from jcviewer.model.library.indicators import Figure, YearRow


def _figure(value: float, unit: str = "%", qualifier: str = "exact", value_max: float | None = None, estimate=False):
    return Figure(value, value_max, unit, qualifier, estimate, "", "", 3, "某县经济工作会议", "p4", (0, 1))


ROWS = [
    YearRow("某某县", 2023, _figure(5, qualifier="range", value_max=5.5), _figure(-3.3, estimate=True), False),
    YearRow(None, 2024, _figure(6, qualifier="about"), None, None),
]


def test_the_table_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "地区生产总值.csv"
    write_table(ROWS, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(HEADERS)
    assert rows[1][:12] == ["某某县", "2023", "5–5.5%", "5", "5.5", "%", "range", "-3.3%", "-3.3", "%", "TRUE", "FALSE"]
    assert rows[1][12:] == ["3", "p4", "3", "p4"]
    assert rows[2][:3] == ["", "2024", "≈6%"] and rows[2][7:] == ["", "", "", "", "", "3", "p4", "", ""]


def test_a_fall_shows_as_its_size_under_its_verb_and_its_values_stay_signed() -> None:
    def fall(value: float, qualifier: str = "exact", value_max: float | None = None) -> Figure:
        return replace(_figure(value, qualifier=qualifier, value_max=value_max), measure="下降")

    rows = [
        YearRow("某县", 2023, fall(-3, "at_least"), fall(-2), False),
        YearRow("某县", 2024, fall(-5, "range", -3), fall(-0.5, "about"), False),
    ]
    first, second = table_rows(rows)
    assert [first[2], first[3], first[6], first[7], first[8]] == ["下降≥3%", "-3", "at_least", "下降2%", "-2"]
    assert [second[2], second[3], second[4], second[7]] == ["下降3–5%", "-5", "-3", "下降≈0.5%"]
    assert shown(_figure(-3.3)) == "-3.3%"  # a negative value printed as such (增长-3.3%) keeps its sign
    assert shown(fall(0)) == "下降0%"


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "table.csv"
    path.write_text("old", encoding="utf-8")

    def broken(rows: object) -> list[list[str]]:
        raise OSError("disk full")

    monkeypatch.setattr("jcviewer.model.library.indicator_table.table_rows", broken)
    with pytest.raises(OSError):
        write_table(ROWS, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_translated_headings_must_match_the_columns(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_table(ROWS, tmp_path / "t.csv", headers=("地点", "年份"))
