"""The corrections store (the user's data folder), the load path through it, the cache and sidecar export."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from jcviewer.model import correction_store, report_cache
from jcviewer.model.correction_store import (
    BAD_SUFFIX,
    INDEX,
    add_correction,
    export_sidecar,
    forget_stale,
    gather,
    read_sidecar,
    report_key,
    stale_corrections,
    store_file,
    stored_corrections,
    update_corrections,
)
from jcviewer.model.corrections import (
    Corrections,
    CorrectionsError,
    FigureFix,
    QuoteFix,
    figure_fix,
    quote_fix,
    to_toml,
    without_correction,
)
from jcviewer.model.parse import load_report
from jcviewer.model.report_cache import load_report_cached
from jcviewer.model.sources import sidecar_path


def test_the_key_ignores_a_byte_order_mark_and_crlf() -> None:
    text = "第一行\n第二行\n".encode()
    assert report_key(codecs.BOM_UTF8 + text.replace(b"\n", b"\r\n")) == report_key(text)
    assert report_key("第一行\n第二行\n".encode("utf-16")) == report_key(text)
    assert report_key(text + b"x") != report_key(text)


def test_a_stored_correction_applies_on_the_next_load_and_never_touches_the_report(
    report_file: Path, store: Path
) -> None:
    before = load_report(report_file, store=store)
    data = report_file.read_bytes()
    target = next(m for m in before.metrics if m.period == "target")
    stored = add_correction(store, data, report_file, figure_fix(before, target, period="result"))
    assert stored.figures and stored_corrections(store, data, report_file) == stored
    after = load_report(report_file, store=store)
    assert (
        len([m for m in after.metrics if m.period == "target"])
        == len([m for m in before.metrics if m.period == "target"]) - 1
    )
    assert load_report(report_file) == before  # without the store: as parsed
    assert sorted(p.name for p in report_file.parent.iterdir()) == ["report.txt"]
    assert report_file.read_bytes() == data
    assert sorted(p.name for p in store.iterdir()) == sorted([f"{report_key(data)}.toml", INDEX])  # no temporary file
    forget = figure_fix(before, target, drop=True)
    assert update_corrections(store, data, report_file, lambda held: without_correction(held, forget)) == Corrections()
    assert load_report(report_file, store=store) == before


def test_a_crlf_copy_finds_the_corrections(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], drop=True))
    copy = report_file.with_name("copy.txt")
    copy.write_bytes(codecs.BOM_UTF8 + report_file.read_bytes().replace(b"\n", b"\r\n"))
    assert len(load_report(copy, store=store).quotes) == len(report.quotes) - 1


def test_a_report_changed_in_place_finds_its_old_corrections_and_says_what_no_longer_applies(
    report_file: Path, store: Path
) -> None:
    report = load_report(report_file)
    first, last = report.quotes[0], report.quotes[2]
    data = report_file.read_bytes()
    add_correction(store, data, report_file, quote_fix(report, first, speaker="某某"))
    add_correction(store, data, report_file, quote_fix(report, last, role="某职务"))
    text = report_file.read_text(encoding="utf-8")
    assert text.count(last.text[:3]) == 1
    report_file.write_text(text.replace(last.text[:3], "改过的话"), encoding="utf-8")
    changed = load_report(report_file, store=store)
    assert changed.quotes[0].speaker == "某某"
    stale = [w for w in changed.warnings if w.code == "correction_stale"]
    assert len(stale) == 1 and last.text[:3] in stale[0].message
    # A correction made now is kept under the new text, with the old ones that still apply.
    add_correction(store, report_file.read_bytes(), report_file, QuoteFix("无", "无", drop=True))
    assert len(stored_corrections(store, report_file.read_bytes()).quotes) == 3


@pytest.mark.parametrize("content", [b"\xff\xfe garbage", b"[[quote]\n", b'[report]\nsha256 = "other"\n'])
def test_a_garbage_or_foreign_store_file_opens_the_report_uncorrected_and_is_kept(
    report_file: Path, store: Path, content: bytes
) -> None:
    data = report_file.read_bytes()
    store.mkdir(parents=True)
    file = store / f"{report_key(data)}.toml"
    file.write_bytes(content)
    found, warnings = gather(report_file, data, store)
    assert found == Corrections()
    assert [w.code for w in warnings] == ["corrections_ignored"] and "\n" not in warnings[0].message
    report = load_report(report_file, store=store)
    assert report == load_report(report_file) and report.warnings[0].code == "corrections_ignored"
    with pytest.raises(CorrectionsError):
        stored_corrections(store, data, report_file)
    add_correction(store, data, report_file, FigureFix("无", "1%", drop=True))
    assert file.with_name(file.name + BAD_SUFFIX).read_bytes() == content  # kept, not overwritten
    assert stored_corrections(store, data, report_file).figures == (FigureFix("无", "1%", drop=True),)


def test_a_sidecar_carries_model_corrections_and_the_store_wins(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    quote = report.quotes[0]
    sidecar_path(report_file).write_text(
        f'[[quote]]\nparagraph = "{report.paragraph(quote.paragraph).text[:8]}"\nwords = "{quote.text[:5]}"\n'
        'speaker = "旁注的名字"\n',
        encoding="utf-8",
    )
    assert load_report(report_file).quotes[0].speaker == "旁注的名字"
    assert load_report(report_file, sidecar=False).quotes[0].speaker == quote.speaker
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, quote, speaker="存下的名字"))
    assert load_report(report_file, store=store).quotes[0].speaker == "存下的名字"


def test_stored_sections_move_a_heading(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    key = report_key(report_file.read_bytes())
    store.mkdir(parents=True)
    (store / f"{key}.toml").write_text(
        f'[report]\nsha256 = "{key}"\n\n[[section]]\nheading = "展望未来"\n'
        'paragraphs = ["中共交城县委十六届八次全体会议暨县委经济工作会议对抓好"]\n',
        encoding="utf-8",
    )
    moved = load_report(report_file, store=store)
    headed = [s for s in moved.sections if s.kind == "section"]
    assert headed[0].title.startswith("展望未来") and len(headed[0].paragraphs) == 13
    assert [s.title for s in report.sections if s.kind == "section"][0].startswith("稳字当头")


def test_the_cache_misses_when_the_corrections_change(
    report_file: Path, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    report = load_report_cached(report_file, cache, store)
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], drop=True))
    corrected = load_report_cached(report_file, cache, store)
    assert len(corrected.quotes) == len(report.quotes) - 1
    import jcviewer.model.parse as parse

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "load_report", fail)
    assert load_report_cached(report_file, cache, store) == corrected
    assert load_report_cached(report_file, cache, store).quotes == corrected.quotes
    assert report_cache.cache_key(report_file, report_file.read_bytes(), store) != report_cache.cache_key(
        report_file, report_file.read_bytes()
    )


def test_export_writes_a_sidecar_that_reads_back_and_never_overwrites_another(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    corrections = add_correction(
        store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], speaker="导出的名字")
    )
    side = export_sidecar(report_file, corrections)
    assert side == sidecar_path(report_file) and read_sidecar(side) == corrections
    assert load_report(report_file).quotes[0].speaker == "导出的名字"
    assert export_sidecar(report_file, corrections) == side  # the same content again: fine
    other = Corrections(figures=(FigureFix("无", "1%", drop=True),))
    with pytest.raises(FileExistsError):
        export_sidecar(report_file, other)
    assert read_sidecar(side) == corrections
    export_sidecar(report_file, other, overwrite=True)
    assert read_sidecar(side) == other


def _changed_in_place(report_file: Path, store: Path) -> tuple[Path, str]:
    """A report with a correction stored, then changed in place: its store file and its new key."""
    data = report_file.read_bytes()
    add_correction(store, data, report_file, FigureFix("无", "1%", drop=True))
    report_file.write_bytes(data + "新的一段。\n".encode())
    return store / f"{report_key(data)}.toml", report_key(report_file.read_bytes())


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the corrections files read from now on (not the index)."""
    read: list[str] = []
    real = correction_store.read_checked

    def counted(file: Path, limit: int, what: str) -> bytes:
        if file.name != correction_store.INDEX:
            read.append(file.name)
        return real(file, limit, what)

    monkeypatch.setattr(correction_store, "read_checked", counted)
    return read


def test_a_report_changed_in_place_is_found_through_the_index_reading_one_file(
    report_file: Path, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, key = _changed_in_place(report_file, store)
    for number in range(20):  # other reports' files
        add_correction(store, f"{number}".encode(), tmp_path / f"{number}.txt", FigureFix("无", "1%", drop=True))
    read = _reads(monkeypatch)
    assert store_file(store, key, report_file) == old
    assert read == [old.name]
    read.clear()
    assert store_file(store, key, tmp_path / "never-corrected.txt") is None
    assert read == []


@pytest.mark.parametrize("index", [b"", b"\xff garbage", b"[1, 2]", b'{"files": {"x.toml": "y"}}'])
def test_a_missing_or_corrupt_index_is_rebuilt_from_the_files(
    report_file: Path, store: Path, index: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, key = _changed_in_place(report_file, store)
    (store / INDEX).write_bytes(index)
    assert store_file(store, key, report_file) == old
    read = _reads(monkeypatch)
    assert store_file(store, key, report_file) == old
    assert read == [old.name]  # rebuilt: the next lookup reads the file found only
    (store / INDEX).unlink()
    assert store_file(store, key, report_file) == old


def test_an_index_naming_a_deleted_file_or_another_path_is_not_trusted(report_file: Path, store: Path) -> None:
    old, key = _changed_in_place(report_file, store)
    index = (store / INDEX).read_bytes()
    old.unlink()
    assert store_file(store, key, report_file) is None
    old.write_text(f'[report]\nsha256 = "{old.stem}"\npath = "/elsewhere/report.txt"\n', encoding="utf-8")
    (store / INDEX).write_bytes(index)  # the index still says the file records the report's path
    assert store_file(store, key, report_file) is None
    assert store_file(store, key, Path("/elsewhere/report.txt")) == old


def test_a_file_added_to_the_store_by_hand_is_found(report_file: Path, store: Path, tmp_path: Path) -> None:
    old, key = _changed_in_place(report_file, store)
    store_file(store, key, report_file)  # indexed
    copy = store / f"{'0' * 64}.toml"
    copy.write_text(old.read_text(encoding="utf-8").replace(old.stem, copy.stem), encoding="utf-8")
    os.utime(copy, (old.stat().st_mtime + 10, old.stat().st_mtime + 10))
    assert store_file(store, key, report_file) == copy  # the newest one recorded for the path


def test_forgetting_removes_exactly_the_stale_stored_corrections(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    data = report_file.read_bytes()
    kept, stale = quote_fix(report, report.quotes[0], speaker="某某"), quote_fix(report, report.quotes[2], role="某职")
    sidecar = to_toml(Corrections(quotes=(quote_fix(report, report.quotes[3], speaker="乙"),)))
    sidecar_path(report_file).write_text(sidecar, encoding="utf-8")
    add_correction(store, data, report_file, kept)
    add_correction(store, data, report_file, stale)
    words = report.quotes[2].text[:3]
    changed = report_file.read_text(encoding="utf-8").replace(words, "改过的话")
    report_file.write_text(changed, encoding="utf-8")
    assert forget_stale(store, report_file) == Corrections(quotes=(stale,))
    assert stored_corrections(store, data) == Corrections(quotes=(kept,))  # in the file it was found in
    assert report_file.read_text(encoding="utf-8") == changed
    assert sidecar_path(report_file).read_text(encoding="utf-8") == sidecar
    reopened = load_report(report_file, store=store)
    assert reopened.quotes[0].speaker == "某某"
    assert not [w for w in reopened.warnings if w.code == "correction_stale"]
    assert forget_stale(store, report_file) == Corrections()  # nothing left to forget


def test_a_correction_is_stale_only_if_it_matches_nothing_with_the_others(report_file: Path) -> None:
    report = load_report(report_file)
    data = report_file.read_bytes()
    fine = Corrections(quotes=(quote_fix(report, report.quotes[0], drop=True),))
    assert stale_corrections(report_file, data, fine, Corrections()) == Corrections()
    lost = QuoteFix("没有这一段", "没有这句话", drop=True)
    both = Corrections(quotes=(*fine.quotes, lost))
    assert stale_corrections(report_file, data, both, Corrections()) == Corrections(quotes=(lost,))


@pytest.mark.parametrize("kind", ["deep", "pipe"])
def test_an_index_nested_deep_or_a_pipe_is_rebuilt_without_a_hang(report_file: Path, store: Path, kind: str) -> None:
    old, key = _changed_in_place(report_file, store)
    index = store / correction_store.INDEX
    index.unlink()
    if kind == "deep":
        index.write_text("[" * 200_000, encoding="utf-8")
    else:
        os.mkfifo(index)  # reading it would block for ever
    assert store_file(store, key, report_file) == old
