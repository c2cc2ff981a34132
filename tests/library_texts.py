"""Generated reports of several counties and years for library tests and benchmarks (tests/genre.py's page with
the county, the year and the figures varied, so every text is distinct)."""

from __future__ import annotations

from pathlib import Path

from genre import wenshui_page

COUNTIES = ("文水", "交城", "汾阳", "孝义", "平遥")
YEARS = (2021, 2022, 2023, 2024, None)  # None: the text names no year


def report_text(number: int) -> str:
    """The ``number``-th generated report: county and year cycle, the seed and the GDP target vary."""
    county = COUNTIES[number % len(COUNTIES)]
    year = YEARS[(number // len(COUNTIES)) % len(YEARS)]
    text = wenshui_page(number, gdp=5 + (number % 30) / 10).text().replace("文水", county)
    return text.replace("今年", f"{year}年") if year is not None else text


def write_reports(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` distinct report files in ``folder`` (created), named report-NNNN.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"report-{number:04d}.txt"
        path.write_text(report_text(number), encoding="utf-8")
        paths.append(path)
    return paths
