"""The timeline as CSV: a BOM for WPS/Excel, Chinese intact, one row per place and year, whole or not at all."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jcviewer.model.library.indicator_table import HEADERS, write_table
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
