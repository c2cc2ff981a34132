"""jieba's dictionary cache (issue 12, item 10): a cache of the wrong shape, a directory or garbage in its place
is replaced, search works, and no temporary file is left behind."""

from __future__ import annotations

import logging
import marshal
import os
from pathlib import Path

import pytest

from jcviewer.model.search.words import WordSegmenter

CACHE_FILE = "jieba.cache"  # where jieba keeps it: a broken one may be there from any earlier version
TEXT = "优化营商环境，持续实施四创战略"


def words_of(segmenter: WordSegmenter) -> set[str]:
    return {TEXT[s:e] for s, e in segmenter.spans(TEXT)}


def plant_wrong_shape(path: Path) -> None:
    with path.open("wb") as out:
        marshal.dump((5, 6), out)


def plant_directory(path: Path) -> None:
    path.mkdir()
    (path / "inside").write_text("x")


def plant_garbage(path: Path) -> None:
    path.write_bytes(b"\x00not marshal at all" * 100)


def plant_bad_values(path: Path) -> None:
    with path.open("wb") as out:
        marshal.dump(({"中国": "many", "营商": None}, 10), out)


def plant_empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("plant", [plant_wrong_shape, plant_directory, plant_garbage, plant_bad_values, plant_empty])
def test_a_broken_cache_is_rebuilt_and_leaves_nothing_behind(
    tmp_path: Path, plant, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "jieba"
    folder.mkdir()
    plant(folder / CACHE_FILE)
    for _ in range(2):  # every start finds it, the second one from the rebuilt cache
        with caplog.at_level(logging.DEBUG):
            segmenter = WordSegmenter(folder)
        assert {"营商环境", "四创战略"} <= words_of(segmenter)
        assert [p.name for p in folder.iterdir()] == [CACHE_FILE]
        assert (folder / CACHE_FILE).is_file()
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    with (folder / CACHE_FILE).open("rb") as cache:
        frequencies, total = marshal.load(cache)
    assert isinstance(frequencies, dict) and len(frequencies) > 100_000 and isinstance(total, int)


@pytest.mark.timeout(60)
def test_a_valid_cache_is_used_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "jieba"
    WordSegmenter(folder)
    cache = folder / CACHE_FILE
    before = cache.stat()
    segmenter = WordSegmenter(folder)
    assert cache.stat().st_mtime_ns == before.st_mtime_ns and cache.stat().st_ino == before.st_ino
    assert {"营商环境", "四创战略"} <= words_of(segmenter)


@pytest.mark.timeout(60)
def test_temporary_files_left_by_earlier_runs_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "jieba"
    folder.mkdir()
    stale = [folder / "tmpab12_x9z", folder / f"{CACHE_FILE}.1234.tmp"]
    for path in stale:
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1, 1))  # long ago: no other process is still writing it
    fresh = folder / "notes.txt"
    fresh.write_text("not ours")
    WordSegmenter(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([CACHE_FILE, "notes.txt"])


@pytest.mark.timeout(60)
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_cache_folder_still_segments(tmp_path: Path) -> None:
    folder = tmp_path / "jieba"
    folder.mkdir()
    plant_wrong_shape(folder / CACHE_FILE)
    folder.chmod(0o500)
    try:
        assert {"营商环境", "四创战略"} <= words_of(WordSegmenter(folder))
    finally:
        folder.chmod(0o700)


@pytest.mark.timeout(60)
def test_a_cache_that_cannot_be_renamed_into_place_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", refuse)
    folder = tmp_path / "jieba"
    folder.mkdir()
    plant_wrong_shape(folder / CACHE_FILE)
    assert {"营商环境", "四创战略"} <= words_of(WordSegmenter(folder))
    assert list(folder.iterdir()) == []  # the bad cache gone, the new one not kept, no temporary file
