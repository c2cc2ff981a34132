"""The CLI contract (docs/cli.md): jcviewer dump, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from process import ROOT, run_jcviewer

from jcviewer.cli import main


def test_dump_json_from_another_directory(tmp_path: Path) -> None:
    result = run_jcviewer("dump", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"title", "sections", "banners", "captions", "quotes", "metrics", "enumerations", "terms"}
    body = [p for s in data["sections"] if s["kind"] == "section" for p in s["paragraphs"]]
    assert len(body) == 13
    section = data["sections"][1]
    assert set(section) >= {"id", "title", "subtitle", "kind", "paragraphs", "children"}
    assert set(data["quotes"][0]) >= {"speaker", "role", "text", "paragraph"}
    assert set(data["metrics"][0]) >= {
        "indicator",
        "value",
        "unit",
        "qualifier",
        "period",
        "year",
        "text",
        "paragraph",
        "span",
    }
    assert set(data["enumerations"][0]) >= {"paragraph", "items"}
    assert set(data["enumerations"][0]["items"][0]) >= {"ordinal", "title", "text"}
    assert [len(e["items"]) for e in data["enumerations"]] == [6, 9, 5]
    assert len([m for m in data["metrics"] if m["period"] == "target"]) == 8


def test_dump_text_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "[s2] 锚定目标 加压奋进 —— “敲定”全年经济工作总思路" in out
    assert "固定资产投资增长  ≥10%" in out
    assert "韩辉（交城县天宁镇党委副书记、镇长）" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "file is empty"), (b"\x00\x01\x02binary\x00", "binary file"), (None, "no such file")],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run_jcviewer("dump", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_another_report_file(tmp_path: Path) -> None:
    from genre import wenshui_page

    path = tmp_path / "wenshui.txt"
    path.write_text(wenshui_page().text(), encoding="gb18030")
    result = run_jcviewer("dump", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quotes"][0]["speaker"] == "李春生"


def test_version() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0


def test_search_json_hits_with_section_paragraph_score_snippet_spans(tmp_path: Path) -> None:
    result = run_jcviewer("search", "固投", "--json", "--limit", "5", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == 2 and data["terms"] == [["固投", "固定资产投资"]]
    text = {h["paragraph"]: h for h in data["hits"]}
    assert set(text) == {"p3", "p4"}
    assert [text["p4"]["snippet"][s:e] for s, e in text["p4"]["snippet_spans"]] == ["固定资产投资"]
    assert text["p4"]["section"] == "s2" and text["p4"]["node"] == "s2.targets.3" and text["p4"]["score"] > 0


def test_search_text_output_and_nothing_found(tmp_path: Path) -> None:
    found = run_jcviewer("search", "庞泉酒", cwd=tmp_path)
    assert found.returncode == 0 and found.stdout.splitlines()[0].startswith("1 matching paragraph(s)")
    assert "苗小岗" in found.stdout and "[s3.quotes.5]" in found.stdout
    nothing = run_jcviewer("search", "不存在的词", cwd=tmp_path)
    assert nothing.returncode == 0 and nothing.stdout.startswith("0 matching paragraph(s)")


def test_search_bad_file_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_jcviewer("search", "发展", str(empty), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "empty" in result.stderr


@pytest.mark.parametrize("command", [("search", "GDP"), ("dump", "--format", "text")])
def test_qt_free_commands_never_load_qt(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`dump` and `search` run on the core alone: `-X importtime` lists every module imported."""
    result = run_jcviewer(*command, cwd=tmp_path, python_options=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "import time:" in line]
    assert "jcviewer.cli" in imported  # the listing is real
    assert not [name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")]


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``jcviewer`` run by a shell, for redirections the subprocess module cannot express (``>&-``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        ["bash", "-c", f"{sys.executable} -m jcviewer {command}"], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("dump >/dev/full", "cannot write the output"),
        ("dump >&-", "standard output is closed"),
        ("dump --no-such-option", "unrecognized arguments"),
        ("search $'\\xff'", "not valid text"),
    ],
)
def test_output_and_argument_trouble_is_one_line_exit_2(tmp_path: Path, command: str, message: str) -> None:
    result = _shell(command, tmp_path)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if not line.startswith("jcviewer: warning:")]
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in result.stderr


def _corrected_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the bundled report with its first quote dropped in the store of a user data folder in
    ``tmp_path``; the copy and the store file."""
    from jcviewer.model.correction_store import add_correction, report_key
    from jcviewer.model.corrections import quote_fix
    from jcviewer.model.parse import load_report
    from jcviewer.paths import user_data_folder
    from jcviewer.resources import bundled_report

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "report.txt"
    path.write_bytes(bundled_report().read_bytes())
    report = load_report(path)
    store = user_data_folder("corrections")
    add_correction(store, path.read_bytes(), path, quote_fix(report, report.quotes[0], drop=True))
    return path, store / f"{report_key(path.read_bytes())}.toml"


def test_dump_applies_stored_corrections_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _corrected_copy(tmp_path, monkeypatch)
    assert main(["dump", str(path)]) == 0
    corrected = json.loads(capsys.readouterr().out)
    assert main(["dump", str(path), "--no-corrections"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert len(corrected["quotes"]) == len(plain["quotes"]) - 1 and corrected["schema"] == plain["schema"]
    assert main(["search", "站位", str(path), "--json", "--no-corrections"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1


def test_a_garbage_store_file_is_one_warning_and_the_report_opens_uncorrected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, file = _corrected_copy(tmp_path, monkeypatch)
    file.write_text("garbage = [", encoding="utf-8")
    assert main(["dump", str(path)]) == 0
    captured = capsys.readouterr()
    assert main(["dump", str(path), "--no-corrections"]) == 0
    assert json.loads(captured.out)["quotes"] == json.loads(capsys.readouterr().out)["quotes"]
    ignored = [line for line in captured.err.splitlines() if "corrections_ignored" in line]
    assert len(ignored) == 1 and ignored[0].startswith("jcviewer: warning: corrections_ignored: ")
    assert file.read_text(encoding="utf-8") == "garbage = ["  # reading never rewrites it


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "briefing.txt"), "write the briefing to a .pdf or a .docx file"),
        (("-o", "briefing"), "write the briefing to a .pdf or a .docx file"),
        (("-o", "b.docx", "--blocks", "targets,charts"), "unknown part 'charts' (parts: title, head, text, targets"),
        (("-o", "b.docx", "--blocks", " , "), "expected part keys"),
        (("-o", "b.pdf", "--style", "fancy"), "invalid choice: 'fancy'"),
        (("-o", "b.pdf", "--title", ""), "argument --title: a title cannot be blank"),
        (("-o", "b.pdf", "--title", "\x01 \u202e"), "argument --title: a title cannot be blank"),
        (("-o", "b.pdf", "--title", "题" * 201), "argument --title: at most 200 characters (this one has 201)"),
        (("-o", "b.pdf", "--unit", "办" * 101), "argument --unit: at most 100 characters"),
        (("-o", "b.pdf", "--date", "日" * 101), "argument --date: at most 100 characters"),
        (("-o", "b.pdf", "--mark", "密" * 101), "argument --mark: at most 100 characters"),
        (("-o", "b.docx", "--note", "注" * 601), "argument --note: at most 600 characters (this one has 601)"),
        (
            ("-o", "b.pdf", "--blocks", "note"),
            "the briefing has none of the parts asked for: note; it has: title, head",
        ),
        (("-o", "b.pdf", "--blocks", "items,results"), "none of the parts asked for: items, results; it has: title"),
        (("-o", "b.pdf", "--section", "s2", "--blocks", "chart,note"), "it has: title, head, text, targets"),
    ],
)
def test_brief_refuses_an_unknown_format_or_part_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_jcviewer("brief", *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if not line.startswith("jcviewer: warning:")]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert not list(tmp_path.iterdir())


def test_brief_options_make_the_readers_choices() -> None:
    from jcviewer.cli import briefing_options, build_parser

    args = build_parser().parse_args(
        ["brief", "-o", "b.docx", "--title", "简报", "--unit", "县委办", "--date", "1月8日", "--note", "请学习",
         "--mark", "内部资料", "--style", "official", "--blocks", "quote,targets,head"]
    )  # fmt: skip
    options = briefing_options(args)
    assert (options.title, options.unit, options.date, options.note, options.mark, options.style) == (
        "简报", "县委办", "1月8日", "请学习", "内部资料", "official"
    )  # fmt: skip
    assert options.order == ("quote", "targets", "head")
    assert "title" in options.hidden and "chart" in options.hidden and "targets" not in options.hidden
    assert briefing_options(build_parser().parse_args(["brief", "-o", "b.pdf"])) == type(options)()


def test_brief_blanks_the_unit_or_date_given_empty_and_cleans_control_characters() -> None:
    from jcviewer.cli import briefing_options, build_parser

    args = build_parser().parse_args(
        ["brief", "-o", "b.pdf", "--unit", "", "--title", "简报\x01\x0b标题", "--note", "第一条\r\n\u202e第二条\x0c"]
    )
    options = briefing_options(args)
    assert (options.title, options.unit, options.date) == ("简报 标题", "", None)  # date not given: the report's
    assert options.note == "第一条\n第二条\n"


UNPRINTED = {
    "--note not printed: --blocks leaves out note": ("--note", "请学习", "--blocks", "targets"),
    "--unit, --date not printed: --blocks leaves out head": ("--unit", "", "--date", "1月", "--blocks", "title,quote"),
    "--title, --note not printed: --blocks leaves out title, note": (
        "--title",
        "简",
        "--note",
        "注",
        "--blocks",
        "head",
    ),
}


@pytest.mark.parametrize(("warning", "args"), UNPRINTED.items())
def test_brief_warns_of_wording_given_for_parts_blocks_leaves_out(
    tmp_path: Path, warning: str, args: tuple[str, ...]
) -> None:
    result = run_jcviewer("brief", *args, "-o", "b.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "not printed" in line] == [f"jcviewer: warning: {warning}"]
    assert (tmp_path / "b.pdf").is_file()


def test_brief_does_not_warn_when_the_parts_worded_are_kept(tmp_path: Path) -> None:
    result = run_jcviewer(
        "brief", "--note", "请学习", "--mark", "内部资料", "--blocks", "note,targets", "-o", "b.pdf", cwd=tmp_path
    )
    assert result.returncode == 0 and "not printed" not in result.stderr
