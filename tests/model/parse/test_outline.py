"""The optional outline sidecar: anchors only, and a sensible outline without it."""

from __future__ import annotations

import shutil
from pathlib import Path

from jcviewer.model.parse import load_report
from jcviewer.model.sources import sidecar_path
from jcviewer.resources import bundled_report


def _copy_without_sidecar(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    shutil.copy(bundled_report(), path)
    return path


def test_the_bundled_report_ships_without_a_sidecar_and_says_where_it_is_unsure(tmp_path: Path) -> None:
    assert not sidecar_path(bundled_report()).exists()
    report = load_report(_copy_without_sidecar(tmp_path))
    headed = [s for s in report.sections if s.kind == "section"]
    assert [s.title for s in headed] == ["稳字当头 稳中求进", "锚定目标 加压奋进", "展望未来 信心百倍"]
    assert sum(len(s.paragraphs) for s in headed) == 13
    assert all(s.paragraphs for s in headed)
    # The page does not settle where the plan and the reactions start: said, about those sections' first paragraph.
    assert [(w.code, w.paragraph) for w in report.warnings] == [
        ("heading_placement", headed[1].paragraphs[0].id),
        ("heading_placement", headed[2].paragraphs[0].id),
    ]


def test_a_sidecar_that_does_not_match_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = _copy_without_sidecar(tmp_path)
    sidecar_path(path).write_text(
        '[[section]]\nheading = "不存在的标题"\nparagraphs = ["一月的交城"]\n', encoding="utf-8"
    )
    report = load_report(path)
    assert report.warnings and "不存在的标题" in report.warnings[0].message
    assert sum(len(s.paragraphs) for s in report.sections if s.kind == "section") == 13


def test_a_malformed_sidecar_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = _copy_without_sidecar(tmp_path)
    sidecar_path(path).write_text("[[section]\nheading = ", encoding="utf-8")
    report = load_report(path)
    assert report.warnings and "report.outline.toml" in report.warnings[0].message


def test_sidecar_reorders_runs_and_leaves_nothing_out(tmp_path: Path) -> None:
    path = _copy_without_sidecar(tmp_path)
    sidecar_path(path).write_text(
        '[[section]]\nheading = "展望未来"\nparagraphs = ["中共交城县委十六届八次全体会议暨县委经济工作会议对抓好"]\n',
        encoding="utf-8",
    )
    report = load_report(path)
    headed = [s for s in report.sections if s.kind == "section"]
    assert [s.title for s in headed] == ["展望未来 信心百倍", "稳字当头 稳中求进", "锚定目标 加压奋进"]
    # One anchor: its run goes on to the end of the body; nothing is lost and the other headings stay.
    assert len(headed[0].paragraphs) == 13
    assert headed[0].paragraphs[0].text.startswith("中共交城县委")


def test_a_sidecar_anchoring_a_paragraph_twice_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = _copy_without_sidecar(tmp_path)
    sidecar_path(path).write_text(
        '[[section]]\nheading = "稳字当头"\nparagraphs = ["一月的交城"]\n'
        '[[section]]\nheading = "锚定目标"\nparagraphs = ["一月的交城"]\n',
        encoding="utf-8",
    )
    report = load_report(path)
    assert [w.code for w in report.warnings][:1] == ["sidecar_ignored"]
    assert "twice" in report.warnings[0].message
    assert sum(len(s.paragraphs) for s in report.sections if s.kind == "section") == 13
