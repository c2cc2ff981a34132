"""The parsed-report cache: same result as parsing, no parser on a hit, never stale, never in the way."""

from __future__ import annotations

import json
import os
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from genre import wenshui_page

import jcviewer.model.parse as parse
from jcviewer.model import report_cache
from jcviewer.model.errors import ReportError
from jcviewer.model.parse import load_report
from jcviewer.model.report_cache import SUFFIX, load_report_cached
from jcviewer.model.report_data import ReportDataError, report_from_json
from jcviewer.model.sources import sidecar_path


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "wenshui.txt"
    path.write_text(wenshui_page(seed=5).text(), encoding="utf-8")
    return path


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser ran on a cache hit")

    monkeypatch.setattr(parse, "load_report", fail)


def test_a_hit_equals_a_fresh_parse_without_running_the_parser(report_file: Path, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "cache"
    first = load_report_cached(report_file, folder)
    assert first == load_report(report_file)
    assert len(list(folder.glob(f"*{SUFFIX}"))) == 1
    no_parsing(monkeypatch)
    assert load_report_cached(report_file, folder) == first


def test_changing_the_report_or_its_sidecar_misses(report_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    before = load_report_cached(report_file, folder)
    report_file.write_text(wenshui_page(seed=5, gdp=9.5).text(), encoding="utf-8")
    after = load_report_cached(report_file, folder)
    assert after != before and after == load_report(report_file)
    sidecar_path(report_file).write_text(
        '[[section]]\nheading = "不存在的标题"\nparagraphs = ["无"]\n', encoding="utf-8"
    )
    with_sidecar = load_report_cached(report_file, folder)
    assert with_sidecar.warnings and with_sidecar.warnings == load_report(report_file).warnings


def test_the_same_text_under_another_name_keeps_its_own_name(report_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    other = tmp_path / "copy.txt"
    other.write_bytes(report_file.read_bytes())
    assert load_report_cached(report_file, folder).source == "wenshui.txt"
    assert load_report_cached(other, folder).source == "copy.txt"


def test_a_damaged_entry_is_reparsed_and_rewritten(report_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    good = load_report_cached(report_file, folder)
    (entry,) = folder.glob(f"*{SUFFIX}")
    entry.write_bytes(b"not a report")
    assert load_report_cached(report_file, folder) == good
    assert entry.read_bytes() != b"not a report"


def test_an_unwritable_cache_never_stops_a_report_opening(report_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert load_report_cached(report_file, blocker / "cache") == load_report(report_file)


def test_bad_files_fail_as_they_do_without_the_cache(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as missing:
        load_report_cached(tmp_path / "missing.txt", tmp_path / "cache")
    assert missing.value.reason == "missing"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReportError) as error:
        load_report_cached(empty, tmp_path / "cache")
    assert error.value.reason == "empty"
    assert list(tmp_path.glob(f"cache/*{SUFFIX}")) == []  # nothing cached for files that did not open


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(report_cache, "MAX_ENTRIES", 3)
    folder = tmp_path / "cache"
    for number in range(5):
        path = tmp_path / f"r{number}.txt"
        path.write_text(f"会议指出，第{number}份报告。\n", encoding="utf-8")
        load_report_cached(path, folder)
        for entry in folder.glob(f"*{SUFFIX}"):  # make the order of writing visible to mtime
            os.utime(entry, (entry.stat().st_atime, entry.stat().st_mtime - 1))
    assert len(list(folder.glob(f"*{SUFFIX}"))) == 3


class _Payload:
    """What a planted pickle would run on load: writes a marker file (and would exit the process)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("payload", ["code", "exit", "another report"])
def test_a_planted_entry_never_runs_and_never_replaces_the_report(
    report_file: Path, tmp_path: Path, payload: str
) -> None:
    folder = tmp_path / "cache"
    load_report_cached(report_file, folder)
    (entry,) = folder.glob(f"*{SUFFIX}")
    marker = tmp_path / "ran"
    planted = {
        "code": pickle.dumps(_Payload(marker)),
        "exit": pickle.dumps(_Exit()),
        "another report": pickle.dumps(replace(load_report(report_file), title="另一份报告")),
    }[payload]
    entry.write_bytes(planted)
    report = load_report_cached(report_file, folder)
    assert not marker.exists()
    assert report == load_report(report_file) and report.title != "另一份报告"
    assert report_from_json(entry.read_bytes()) == report  # rewritten as data


class _Exit:
    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (sys.exit, (7,))


def test_an_entry_of_another_shape_is_refused(report_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_report_cached(report_file, folder)
    (entry,) = folder.glob(f"*{SUFFIX}")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["report"]["quotes"][0]["span"] = "0-5"  # a string where a span is two numbers
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportDataError, match="span"):
        report_from_json(entry.read_bytes())
    assert load_report_cached(report_file, folder) == load_report(report_file)


def test_an_entry_too_large_to_be_read_back_is_not_written(report_file: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    size = len(report_cache.report_to_json(load_report(report_file)).encode())
    monkeypatch.setattr(report_cache, "MAX_ENTRY_BYTES", size - 1)
    assert load_report_cached(report_file, cache) == load_report(report_file)
    assert not cache.exists() or not list(cache.iterdir())
    monkeypatch.setattr(report_cache, "MAX_ENTRY_BYTES", size)
    load_report_cached(report_file, cache)
    assert len(list(cache.glob(f"*{SUFFIX}"))) == 1


def test_the_parser_fingerprint_follows_every_source_edited_added_or_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "parse").mkdir()
    source = tmp_path / "parse" / "rules.py"
    source.write_text("LIMIT = 1\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a source", encoding="utf-8")
    monkeypatch.setattr(report_cache, "_MODEL", tmp_path)
    fingerprint = report_cache.parser_fingerprint.__wrapped__  # the cached one is the real parser's
    first = fingerprint()
    assert fingerprint() == first
    notes.write_text("still not a source", encoding="utf-8")
    assert fingerprint() == first

    modified = source.stat().st_mtime_ns
    source.write_text("LIMIT = 2\n", encoding="utf-8")  # the same size
    os.utime(source, ns=(modified + 10**9, modified + 10**9))  # a later edit, whatever the clock's resolution
    edited = fingerprint()
    assert edited != first
    (tmp_path / "parse" / "extra.py").write_text("", encoding="utf-8")
    added = fingerprint()
    assert added not in (first, edited)
    (tmp_path / "parse" / "extra.py").unlink()
    assert fingerprint() == edited
