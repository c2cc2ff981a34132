"""``jcviewer library add|list|edit|remove``: the catalogue from the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from genre import county_years, wenshui_page
from pdf_fixtures import cid_page
from process import run_jcviewer

from jcviewer.cli import main
from jcviewer.resources import bundled_report


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own, so each test starts with an empty library."""
    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def _listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["library", "list", "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["schema"] == 1
    reports: list[dict[str, object]] = shape["reports"]
    return reports


def test_add_files_and_folders_one_line_each(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(wenshui_page(1, gdp=6).text(), encoding="utf-8")
    (folder / "b.txt").write_text(wenshui_page(2, gdp=5).text(), encoding="utf-8")
    assert main(["library", "add", str(bundled_report()), str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["1", "added"], ["2", "added"], ["3", "added"]]
    assert main(["library", "add", str(folder / "b.txt")]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["2", "already there"]
    reports = _listed(capsys)
    assert [r["id"] for r in reports] and len(reports) == 3
    assert {r["source"] for r in reports} == {bundled_report().name, "a.txt", "b.txt"}
    assert all(Path(str(r["text"])).is_file() for r in reports)


def test_an_unreadable_file_is_one_error_line_and_the_others_are_added(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "add", str(tmp_path / "missing.txt"), str(bundled_report())]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "missing.txt" in captured.err and "error" in captured.err
    assert "added" in captured.out and len(_listed(capsys)) == 1


def test_edit_and_remove(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "add", str(bundled_report())]) == 0
    capsys.readouterr()
    assert main(["library", "edit", "1", "--place", "某省", "--year", "2019", "--kind", "plenary"]) == 0
    assert main(["library", "add", str(bundled_report())]) == 0
    capsys.readouterr()
    (report,) = _listed(capsys)
    assert (report["place"], report["year"], report["kind"]) == ("某省", 2019, "plenary")
    assert report["user_set"] == ["kind", "place", "year"]
    text = Path(str(report["text"]))
    assert main(["library", "remove", "1"]) == 0 and not text.exists()
    capsys.readouterr()
    assert _listed(capsys) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["library", "remove", "7"], "no report with id 7"),
        (["library", "edit", "7", "--place", "x"], "no report with id 7"),
        (["library", "edit", "1"], "give at least one of"),
        (["library", "edit", "1", "--year", "20x4"], "expected a year"),
        (["library", "remove", "abc"], "expected a report id"),
        (["library"], "required: ACTION"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    data_home: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        raise SystemExit(main(args))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_a_corrupt_catalogue_is_a_warning_and_the_command_goes_on(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = data_home / "jcviewer" / "jcviewer" / "library"
    library.mkdir(parents=True)
    (library / "library.sqlite3").write_bytes(b"not a database\n" * 100)
    assert main(["library", "add", str(bundled_report())]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and captured.err.startswith("jcviewer: warning:")
    assert "added" in captured.out
    (aside,) = library.glob("library.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"not a database\n" * 100


def test_the_library_lives_in_xdg_data_home(tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    env = {"XDG_DATA_HOME": str(home)}
    added = run_jcviewer("library", "add", str(bundled_report()), cwd=tmp_path, env=env)
    assert added.returncode == 0, added.stderr
    listed = run_jcviewer("library", "list", "--json", cwd=tmp_path, env=env)
    shape = json.loads(listed.stdout)
    library = home / "jcviewer" / "jcviewer" / "library"
    assert shape["folder"] == str(library) and len(shape["reports"]) == 1
    assert (library / "library.sqlite3").is_file()
    other = run_jcviewer("library", "list", "--json", cwd=tmp_path, env={"XDG_DATA_HOME": str(tmp_path / "b")})
    assert json.loads(other.stdout)["reports"] == []


def test_search_groups_hits_by_report_text_and_json(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for seed in (1, 2):
        (tmp_path / f"{seed}.txt").write_text(wenshui_page(seed, gdp=4 + seed).text(), encoding="utf-8")
    assert main(["library", "add", str(bundled_report()), str(tmp_path / "1.txt"), str(tmp_path / "2.txt")]) == 0
    assert main(["library", "edit", "2", "--year", "2022"]) == 0
    assert main(["library", "edit", "3", "--year", "2023"]) == 0
    capsys.readouterr()
    assert main(["library", "search", "文水县", "--json", "--limit", "8"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["schema"] == 1 and shape["query"] == "文水县"
    assert [(r["id"], r["year"]) for r in shape["reports"]] == [(3, 2023), (2, 2022)]
    hits = [hit for report in shape["reports"] for hit in report["hits"]]
    assert len(hits) == 8 and shape["total"] == sum(r["total"] for r in shape["reports"]) > 8
    assert all(hit["report"] == r["id"] and hit["paragraph"] for r in shape["reports"] for hit in r["hits"])
    assert all("文水县" in hit["snippet"] for hit in hits)
    assert main(["library", "search", "文水县", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{shape['total']} matching paragraph(s) in 2 report(s)")
    assert lines[1].split()[:2] == ["3", "2023"] and all(line.startswith("      [") for line in lines[2:4])
    assert lines[4].startswith("… and 1 more report(s)")


def test_search_empty_query_or_library_is_one_line_exit_2(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "search", "经济"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "empty" in captured.err and not captured.out
    assert main(["library", "add", str(bundled_report())]) == 0
    capsys.readouterr()
    assert main(["library", "search", "  "]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "query is empty" in captured.err and not captured.out


def test_export_then_import_on_another_machine(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "1.txt").write_text(wenshui_page(1, gdp=5).text(), encoding="utf-8")
    assert main(["library", "add", str(bundled_report()), str(tmp_path / "1.txt")]) == 0
    assert main(["library", "edit", "2", "--place", "某某县", "--year", "2022"]) == 0
    file = tmp_path / "library.zip"
    capsys.readouterr()
    assert main(["library", "export", str(file)]) == 0
    assert capsys.readouterr().out == f"exported 2 report(s) to {file}\n"
    mine = _listed(capsys)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other machine"))
    assert main(["library", "import", str(file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines[:2]] == [["1", "added"], ["2", "added"]]
    assert [line.endswith("\t(set place, year)") for line in lines[:2]].count(True) == 1
    assert lines[2] == f"imported 2 report(s) from {file}: 2 new, 0 already there"
    theirs = _listed(capsys)
    keep = ("title", "place", "kind", "year", "content_hash", "user_set")
    assert [{k: r[k] for k in keep} for r in theirs] == [{k: r[k] for k in keep} for r in mine]


def test_a_bad_library_file_is_one_line_exit_2_and_changes_nothing(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "add", str(bundled_report())]) == 0
    capsys.readouterr()
    before = _listed(capsys)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip at all")
    for file in (bad, tmp_path / "missing.zip"):
        assert main(["library", "import", str(file)]) == 2
        captured = capsys.readouterr()
        assert captured.err.count("\n") == 1 and str(file) in captured.err and not captured.out
    assert _listed(capsys) == before
    assert main(["library", "export", str(tmp_path / "no such folder" / "x.zip")]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "cannot be written" in captured.err


def test_many_files_are_parsed_in_worker_processes_and_listed_in_order(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jcviewer.cli_library import PARALLEL_FROM

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(PARALLEL_FROM + 1):
        (folder / f"{seed:02}.txt").write_text(wenshui_page(seed, gdp=5 + seed / 10).text(), encoding="utf-8")
    (folder / "03.txt").write_bytes(b"")  # cannot be read: an error line in its place, the others added
    assert main(["library", "add", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "03.txt" in captured.err
    lines = captured.out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [[str(n), "added"] for n in range(1, PARALLEL_FROM + 1)]
    assert sorted(r["source"] for r in _listed(capsys)) == [f"{n:02}.txt" for n in range(PARALLEL_FROM + 1) if n != 3]


def test_indicator_and_compare_run_through_jcviewer_library(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    years = county_years(count=2)
    for number, year in enumerate(years):
        (tmp_path / f"{number}.txt").write_text(year.text, encoding="utf-8")
    assert main(["library", "add", str(tmp_path / "0.txt"), str(tmp_path / "1.txt")]) == 0
    capsys.readouterr()
    assert main(["library", "indicator", "GDP", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    first = years[0].year
    target = next(r for r in rows if r["year"] == first and r["period"] == "target")
    result = next(r for r in rows if r["year"] == first and r["period"] == "result")
    assert target["met"] == result["met"] is not None
    assert main(["library", "compare", "2", "1", "--json"]) == 0
    compared = json.loads(capsys.readouterr().out)
    assert compared["older"]["year"] == first and compared["newer"]["year"] == first + 1
    assert main(["library", "compare", "1", "99"]) == 2
    assert "no report with id 99" in capsys.readouterr().err


@pytest.mark.parametrize("action", [["remove"], ["edit", "--title", "x"], ["compare", "1"]])
def test_an_id_beyond_any_report_is_a_usage_error_not_a_traceback(
    action: list[str], data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["library", action[0], str(2**64), *action[1:]])
    assert exit_.value.code == 2 and "report id" in capsys.readouterr().err


def _pdf_page(path: Path, text: str) -> Path:
    """A one-page PDF printing ``text`` (GBK codes, two bytes a character)."""
    codes = text.encode("gbk")
    path.write_bytes(cid_page([codes[i : i + 2] for i in range(0, len(codes), 2)]))
    return path


def test_add_a_folder_takes_its_pdfs_in_worker_processes_and_a_broken_one_is_an_error_line(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jcviewer.cli_library import PARALLEL_FROM

    folder = tmp_path / "in"
    folder.mkdir()
    meetings = ["县委经济工作会议", "县委全体会议", "县人民代表大会", "县政协全体会议"]
    for number, meeting in enumerate(meetings):
        _pdf_page(folder / f"{number}.pdf", meeting)
    for seed in range(PARALLEL_FROM - len(meetings)):
        (folder / f"{seed}.txt").write_text(wenshui_page(seed, gdp=5 + seed / 10).text(), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF body\n")
    assert main(["library", "add", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "broken.pdf" in captured.err
    assert len(captured.out.splitlines()) == PARALLEL_FROM
    pdfs = [r for r in _listed(capsys) if str(r["source"]).endswith(".pdf")]
    assert sorted(str(r["title"]) for r in pdfs) == sorted(meetings)
    assert all(str(r["text"]).endswith(".pdf") and Path(str(r["text"])).is_file() for r in pdfs)


def test_import_names_a_pdf_it_cannot_read_and_adds_the_others(
    tmp_path: Path, data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jcviewer.model.correction_store import report_key
    from jcviewer.model.library.transfer import FORMAT, MANIFEST

    good = _pdf_page(tmp_path / "good.pdf", "县委经济工作会议").read_bytes()
    broken = b"%PDF-1.7\nnot a PDF body\n"
    file = tmp_path / "library.zip"
    with zipfile.ZipFile(file, "w") as archive:
        for data in (good, broken):
            archive.writestr(f"texts/{report_key(data)}.pdf", data)
        reports = [{"content_hash": report_key(good), "source": "good.pdf"}]
        reports.append({"content_hash": report_key(broken), "source": "broken.pdf"})
        archive.writestr(MANIFEST, json.dumps({"format": FORMAT, "version": 1, "reports": reports}))
    assert main(["library", "import", str(file)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "broken.pdf left out" in captured.err
    assert captured.out.splitlines()[-1] == f"imported 1 report(s) from {file}: 1 new, 0 already there"
    assert [r["title"] for r in _listed(capsys)] == ["县委经济工作会议"]
