"""`jcviewer brief` and `jcviewer screenshot` never write over the report, nor onto anything but a file."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from process import run_jcviewer

from jcviewer.resources import bundled_report
from jcviewer.ui.fonts import SERIF_FAMILIES


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_bytes(bundled_report().read_bytes())
    return path


@pytest.mark.parametrize("command", ["brief", "screenshot"])
@pytest.mark.parametrize("through_a_link", [False, True])
def test_the_report_is_never_the_output(tmp_path: Path, report: Path, command: str, through_a_link: bool) -> None:
    target = report
    if through_a_link:
        target = tmp_path / "out.pdf"
        target.symlink_to(report)
    before = report.read_bytes()
    args = ["brief", str(report), "-o", str(target)] if command == "brief" else ["screenshot", str(target), str(report)]
    result = run_jcviewer(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "is the report being read" in result.stderr and "Traceback" not in result.stderr
    assert report.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="/dev/full is POSIX")
def test_a_device_is_no_output_file(tmp_path: Path) -> None:
    result = run_jcviewer("brief", "-o", "/dev/full", cwd=tmp_path)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_an_output_is_replaced_only_once_written(tmp_path: Path) -> None:
    out = tmp_path / "briefing.pdf"
    out.write_bytes(b"an older briefing")
    assert run_jcviewer("brief", "-o", str(out), cwd=tmp_path).returncode == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".jcviewer-*"))  # no temporary file left behind


def test_brief_writes_a_word_document_for_a_docx_name(tmp_path: Path) -> None:
    out = tmp_path / "briefing.DOCX"
    result = run_jcviewer("brief", "--section", "s2", "--lang", "en", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out.resolve())
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["锚定目标 加压奋进"]
    assert document.tables and "2024 main targets" in [p.text for p in document.paragraphs]
    assert not list(tmp_path.glob(".jcviewer-*"))


def test_brief_options_set_the_head_and_keep_the_parts_asked_for_in_order(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    options = ["--title", "经济工作简报", "--unit", "县委办公室", "--date", "2024年1月8日", "--mark", "内部资料"]
    blocks = ["--blocks", "title,head,quote,targets,note", "--note", "请认真学习。"]
    result = run_jcviewer("brief", "--lang", "en", *options, *blocks, "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paragraphs = [p for p in docx.Document(str(out)).paragraphs]
    texts = [p.text for p in paragraphs]
    assert texts[0] == "内部资料" and texts[1] == "经济工作简报"
    assert any("2024年1月8日" in t and "县委办公室" in t for t in texts)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Voices", "2024 main targets", "Note"]  # no chart, no tasks: only the parts named
    assert "请认真学习。" in texts


def test_brief_sets_an_official_document_in_the_serif(tmp_path: Path) -> None:
    out = tmp_path / "official.docx"
    result = run_jcviewer("brief", "--style", "official", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    styles = docx.Document(str(out)).styles

    def east_asian(name: str) -> str:
        return styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("Title") in SERIF_FAMILIES  # a system serif, or the bundled subset's Noto Serif CJK SC
    assert east_asian("Heading 2") != east_asian("Title")  # 黑体-like block titles over the serif


def head(out: Path) -> list[str]:
    """The .docx's paragraphs from the title to the first block title."""
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    return texts[: texts.index("2024 main targets")]


def test_brief_prints_no_unit_or_date_given_empty_and_no_empty_line_for_them(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"

    def brief(*options: str) -> list[str]:
        result = run_jcviewer("brief", "--lang", "en", *options, "-o", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return head(out)

    title, reported = brief()[0], brief()[-1]
    assert brief() == [title, "2024年1月", reported]  # the report's date; it names no issuing unit
    assert brief("--unit", "县委办", "--date", "") == [title, "Issued by: 县委办", reported]
    assert brief("--unit", "", "--date", "") == [title, reported]
    assert brief("--unit", "县委办", "--date", "", "--style", "official")[1:] == [reported]  # signed at the end


def test_brief_leaves_control_characters_out_of_the_title_and_unit(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    options = ("--title", "简报\x01\x0b标题\u202e", "--unit", "县委办\x0c公室")
    result = run_jcviewer("brief", "--lang", "en", *options, "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = head(out)
    assert lines[0] == "简报 标题" and any(line.endswith("Issued by: 县委办 公室") for line in lines)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_private_briefing_stays_private_when_written_again(tmp_path: Path) -> None:
    out = tmp_path / "private.pdf"
    out.write_bytes(b"an older briefing")
    out.chmod(0o600)
    assert run_jcviewer("brief", "-o", str(out), cwd=tmp_path).returncode == 0
    assert out.read_bytes().startswith(b"%PDF") and stat.S_IMODE(out.stat().st_mode) == 0o600
