"""The UI's way to read a report: through the parsed-report cache in the user's cache folder (a throwaway
folder in the tests: tests/conftest.py points XDG_CACHE_HOME there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from genre import wenshui_page

import jcviewer.model.parse as parse
from jcviewer.model.errors import ReportError
from jcviewer.model.parse import load_report
from jcviewer.model.report_cache import SUFFIX
from jcviewer.ui import report_loader


def entries(folder: Path) -> set[Path]:
    return set(folder.rglob(f"*{SUFFIX}"))


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """A report no other test has loaded (its own first line), so its cache entry is this test's."""
    path = tmp_path / "wenshui.txt"
    path.write_text(f"{tmp_path.name}\n{wenshui_page(seed=4).text()}", encoding="utf-8")
    return path


def test_a_report_is_cached_in_the_user_cache_folder_and_served_from_it(
    report_file: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = entries(user_cache)
    first = report_loader.load(report_file)
    assert first == load_report(report_file)
    (entry,) = entries(user_cache) - before
    assert entry.parent.name == "reports" and entry.is_relative_to(user_cache)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser ran though the report was in the cache")

    monkeypatch.setattr(parse, "load_report", no_parsing)
    assert report_loader.load(report_file) == first
    assert entries(user_cache) - before == {entry}


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "missing"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
        ("damaged.pdf", b"%PDF-1.7\n" + b"\x00" * 100, "pdf_broken"),
        ("notes.pdf", "只是文字，不是PDF".encode(), "pdf_broken"),  # named a PDF: read as one, and refused
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_bad_file_raises_report_error_and_caches_nothing(
    name: str, content: bytes | None, reason: str, tmp_path: Path, user_cache: Path
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    before = entries(user_cache)
    with pytest.raises(ReportError) as raised:
        report_loader.load(bad)
    assert raised.value.reason == reason
    assert entries(user_cache) == before
