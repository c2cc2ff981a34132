"""The whole library to one file and back: a round trip with user-set fields and corrections, the merge rules,
and bad or hostile files refused before anything is written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from genre import wenshui_page

from jcviewer.model.correction_store import add_correction, stored_corrections
from jcviewer.model.corrections import FigureFix
from jcviewer.model.library import Catalogue
from jcviewer.model.library.transfer import (
    MANIFEST,
    TransferError,
    export_library,
    import_library,
    read_library_file,
)
from jcviewer.model.report import compact
from jcviewer.model.report_file import MAX_REPORT_BYTES
from jcviewer.resources import bundled_report


def _genre(folder: Path, seed: int) -> Path:
    path = folder / f"wenshui-{seed}.txt"
    path.write_text(wenshui_page(seed, gdp=5 + seed / 10).text(), encoding="utf-8")
    return path


def _corrected_target(library: Catalogue, report_id: int) -> FigureFix:
    """Store a correction of one of the report's targets (its value set to 99); the fix."""
    entry = library.get(report_id)
    every = [m for e, m in library.metrics() if e.id == report_id]
    target = next(
        m for m in every if [(n.paragraph, n.expression) for n in every].count((m.paragraph, m.expression)) == 1
    )
    anchor = compact(library.report(entry).paragraph(target.paragraph).text)[:20]
    fix = FigureFix(anchor, compact(target.expression), value=99.0)
    assert library.corrections is not None
    add_correction(library.corrections, entry.content_hash, library.text_file(entry), fix)
    return fix


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """A library of three reports, one with fields the user set and one corrected, exported."""
    with Catalogue(tmp_path / "a" / "lib", corrections=tmp_path / "a" / "store") as library:
        bundled, _ = library.add(bundled_report())
        first, _ = library.add(_genre(tmp_path, 1))
        library.add(_genre(tmp_path, 2))
        library.edit(first, place="某某县", year=2021, title="用户的标题")
        _corrected_target(library, bundled)
        file = tmp_path / "library.zip"
        assert export_library(library, file) == 3
    return file


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_round_trip_keeps_texts_user_set_fields_and_corrections(exported: Path, tmp_path: Path) -> None:
    with Catalogue(tmp_path / "a" / "lib", corrections=tmp_path / "a" / "store") as before:
        entries = {e.content_hash: e for e in before.list()}
        metrics = [(e.content_hash, m) for e, m in before.metrics()]
    with Catalogue(tmp_path / "b" / "lib", corrections=tmp_path / "b" / "store") as library:
        imported = import_library(library, exported)
        assert [i.added for i in imported] == [True] * 3
        assert sum(i.corrections for i in imported) == 1
        after = {e.content_hash: e for e in library.list()}
        assert set(after) == set(entries)
        for key, entry in entries.items():
            moved = after[key]
            assert library.text_file(moved).read_bytes() == before.text_file(entry).read_bytes()
            assert moved.user_set == entry.user_set
            assert (moved.title, moved.place, moved.kind, moved.year) == (
                entry.title,
                entry.place,
                entry.kind,
                entry.year,
            )
        assert [(e.content_hash, m) for e, m in library.metrics()] == metrics  # the correction (99) applies here too
        assert any(m.value == 99.0 for _, m in metrics)
        corrected = next(i for i in imported if i.corrections)
        key = library.get(corrected.report_id).content_hash
        assert stored_corrections(tmp_path / "b" / "store", key) == stored_corrections(tmp_path / "a" / "store", key)
        again = import_library(library, exported)
        assert [i.added for i in again] == [False] * 3 and not any(i.corrections or i.fields for i in again)


def test_the_files_user_set_fields_win_over_guesses_never_over_this_machines(exported: Path, tmp_path: Path) -> None:
    with Catalogue(tmp_path / "b" / "lib", corrections=tmp_path / "b" / "store") as library:
        here, _ = library.add(_genre(tmp_path, 1))
        library.edit(here, place="本机设的县")
        guessed = library.get(here)
        (mine,) = [i for i in import_library(library, exported) if i.report_id == here]
        entry = library.get(here)
    assert set(mine.fields) == {"year", "title"}  # place: this machine's user set it
    assert (entry.place, entry.year, entry.title) == ("本机设的县", 2021, "用户的标题")
    assert entry.user_set == {"place", "year", "title"} and entry.kind == guessed.kind


def test_corrections_already_here_are_kept(exported: Path, tmp_path: Path) -> None:
    store = tmp_path / "b" / "store"
    with Catalogue(tmp_path / "b" / "lib", corrections=store) as library:
        report_id, _ = library.add(bundled_report())
        entry = library.get(report_id)
        mine = FigureFix("本机的更正", "1%", drop=True)
        add_correction(store, entry.content_hash, library.text_file(entry), mine)
        imported = import_library(library, exported)
        assert not any(i.corrections for i in imported)
        assert stored_corrections(store, entry.content_hash).figures == (mine,)


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _members(file: Path) -> dict[str, bytes | str]:
    with zipfile.ZipFile(file) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _with_manifest(
    members: dict[str, bytes | str], change: Callable[[dict[str, object]], None]
) -> dict[str, bytes | str]:
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    return {**members, MANIFEST: json.dumps(manifest)}


def _first_text(members: dict[str, bytes | str]) -> str:
    return next(name for name in members if name.startswith("texts/"))


HOSTILE: dict[str, Callable[[dict[str, bytes | str], Path], object]] = {
    "not a zip": lambda m, f: f.write_bytes(b"PK\x03\x04 this is not really a zip" * 10),
    "path traversal": lambda m, f: _zip(f, {**m, "../../evil.txt": "x"}),
    "absolute name": lambda m, f: _zip(f, {**m, "/etc/evil.txt": "x"}),
    "a folder": lambda m, f: _zip(f, {**m, "texts/sub/" + "0" * 64 + ".txt": "x"}),
    "no manifest": lambda m, f: _zip(f, {k: v for k, v in m.items() if k != MANIFEST}),
    "manifest not JSON": lambda m, f: _zip(f, {**m, MANIFEST: "{not json"}),
    "another format": lambda m, f: _zip(f, _with_manifest(m, lambda d: d.update(format="zip"))),
    "a newer version": lambda m, f: _zip(f, _with_manifest(m, lambda d: d.update(version=99))),
    "reports not a list": lambda m, f: _zip(f, _with_manifest(m, lambda d: d.update(reports={}))),
    "a source that is a path": lambda m, f: _zip(
        f,
        _with_manifest(m, lambda d: d["reports"][0].update(source="../../x.txt")),  # type: ignore[index]
    ),
    "a year that is text": lambda m, f: _zip(
        f,
        _with_manifest(m, lambda d: d["reports"][0].update(user_set={"year": "2024"})),  # type: ignore[index]
    ),
    "an unknown field": lambda m, f: _zip(
        f,
        _with_manifest(m, lambda d: d["reports"][0].update(user_set={"source": "x"})),  # type: ignore[index]
    ),
    "a text that is not its hash": lambda m, f: _zip(f, {**m, _first_text(m): "另一份报告的文字。\n"}),
    "a text missing": lambda m, f: _zip(f, {k: v for k, v in m.items() if k != _first_text(m)}),
    "an unlisted text": lambda m, f: _zip(f, {**m, "texts/" + "a" * 64 + ".txt": "x"}),
    "an oversize text": lambda m, f: _zip(f, {**m, _first_text(m): b"a" * (MAX_REPORT_BYTES + 1)}),
    "a text named as a PDF": lambda m, f: _zip(
        f, {**{k: v for k, v in m.items() if k != _first_text(m)}, _first_text(m)[:-4] + ".pdf": m[_first_text(m)]}
    ),
    "a text and a PDF of one report": lambda m, f: _zip(f, {**m, _first_text(m)[:-4] + ".pdf": b"%PDF-1.7\n"}),
    "bad corrections": lambda m, f: _zip(
        f, {**m, next(k for k in m if k.startswith("corrections/")): "[[figure]]\nvalue = 'x'\n"}
    ),
    "listed corrections missing": lambda m, f: _zip(
        f, {k: v for k, v in m.items() if not k.startswith("corrections/")}
    ),
    "a place with a line break": lambda m, f: _zip(
        f,
        _with_manifest(m, lambda d: d["reports"][0].update(user_set={"place": "某\n县"})),  # type: ignore[index]
    ),
}


def _encrypted(members: dict[str, bytes | str], file: Path) -> None:
    """A zip whose manifest is flagged encrypted in its headers (opening it asks for a password)."""
    _zip(file, members)
    data = bytearray(file.read_bytes())
    for signature, flags, name_at in ((b"PK\x01\x02", 8, 46), (b"PK\x03\x04", 6, 30)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(MANIFEST)] == MANIFEST.encode():
                data[at + flags] |= 0x1
            at = data.find(signature, at + 1)
    file.write_bytes(bytes(data))


def _damaged_deflate(members: dict[str, bytes | str], file: Path) -> None:
    """A zip whose manifest's compressed bytes are garbage (its sizes and CRC as written)."""
    _zip(file, members)
    data = bytearray(file.read_bytes())
    start = data.index(b"PK\x03\x04", data.index(MANIFEST.encode()) - 30) + 30 + len(MANIFEST)
    data[start : start + 40] = b"\xff" * 40
    file.write_bytes(bytes(data))


HOSTILE["encrypted"] = _encrypted
HOSTILE["damaged compressed data"] = _damaged_deflate


@pytest.mark.parametrize("damage", list(HOSTILE), ids=list(HOSTILE))
def test_a_bad_or_hostile_file_changes_nothing(exported: Path, tmp_path: Path, damage: str) -> None:
    members = _members(exported)
    bad = tmp_path / "bad.zip"
    HOSTILE[damage](members, bad)
    store = tmp_path / "b" / "store"
    with Catalogue(tmp_path / "b" / "lib", corrections=store) as library:
        library.add(_genre(tmp_path, 5))
        before = _snapshot(tmp_path / "b")
        with pytest.raises(TransferError) as raised:
            import_library(library, bad)
        assert "\n" not in str(raised.value) and str(bad) in str(raised.value)
        assert _snapshot(tmp_path / "b") == before
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_a_lying_size_header_is_caught(exported: Path, tmp_path: Path) -> None:
    members = _members(exported)
    text = _first_text(members)
    bad = _zip(tmp_path / "bad.zip", {**members, text: b"a" * (MAX_REPORT_BYTES + 10)})
    data = bytearray(bad.read_bytes())
    big = (MAX_REPORT_BYTES + 10).to_bytes(4, "little")
    small = (100).to_bytes(4, "little")
    data = data.replace(big, small)  # the local and central headers say 100 bytes
    bad.write_bytes(bytes(data))
    with pytest.raises(TransferError):
        read_library_file(bad)


def test_an_export_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "library.zip"
    file.write_bytes(b"the previous export")
    with Catalogue(tmp_path / "lib") as library:
        library.add(bundled_report())
        library.add(_genre(tmp_path, 1))
        calls = 0
        write = zipfile.ZipFile.writestr

        def failing(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
            nonlocal calls
            calls += 1
            if calls == 2:
                raise OSError(28, "No space left on device")
            write(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(zipfile.ZipFile, "writestr", failing)
        with pytest.raises(OSError):
            export_library(library, file)
        monkeypatch.undo()
        assert file.read_bytes() == b"the previous export"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["lib", "library.zip", "wenshui-1.txt"]
        assert export_library(library, file) == 2 and len(read_library_file(file)) == 2
