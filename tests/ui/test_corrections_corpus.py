"""Issue 13's acceptance on real reports whose parse is wrong: each correction made through a context menu, seen in
the outline, charts and search, undone and redone, found again when the report is reopened, and applied by
``jcviewer dump``. Report 09 of the corpus has a heading placed one paragraph too early, a sub-head read as a
paragraph, a caption without a credit read as body text and a target whose indicator is only implied; report 02
has a false quotation and a speaker with a wrong role."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus.scoring import corpus_dir
from process import run_jcviewer
from PySide6.QtWidgets import QMenu
from test_corrections_ui import action, chart_labels, hit_nodes, node_menu, nodes_of, place_menu, trigger

from jcviewer.model.report import Report
from jcviewer.ui import dialogs as dialogs_module
from jcviewer.ui.main_window import MainWindow

Check = Callable[[dict[str, Any]], bool]
"""A test of the model as ``jcviewer dump`` prints it (JSON): true when the correction is applied."""


@pytest.fixture
def open_corpus(make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], MainWindow]:
    """Opens a copy of a corpus report (by its number) in a window, with a data folder of its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def open_report(number: str) -> MainWindow:
        folder = corpus_dir()
        source = next(folder.glob(f"{number}-*.layout.txt"), None) if folder else None
        if source is None:
            pytest.skip(f"corpus report {number} is not there")
        copy = Path(shutil.copy(source, tmp_path / source.name))
        window = make_window()
        assert window.open_file(copy)
        window.charts.load_now()
        return window

    return open_report


def _report(window: MainWindow) -> Report:
    assert window.report is not None
    return window.report


def _paragraph(window: MainWindow, start: str) -> str:
    return next(p.id for p in _report(window).paragraphs() if p.text.startswith(start))


def _section(window: MainWindow, title: str) -> list[str]:
    """The first characters of the paragraphs under the heading ``title``."""
    section = next(s for s in _report(window).sections if s.title == title)
    return [p.text[:4] for p in section.paragraphs]


def _menu_at(window: MainWindow, paragraph: str, offset: int) -> QMenu:
    """The detail pane's menu at ``offset`` of ``paragraph``, once its section is on show."""
    section = _report(window).section_of(paragraph).id
    assert window.select_node(next(n.id for top in window.nodes for n in top.walk() if n.section == section))
    return place_menu(window, paragraph, offset)


def _choose(window: MainWindow, paragraph: str, offset: int, name: str) -> None:
    action(_menu_at(window, paragraph, offset), name).trigger()


def _undo_redo(window: MainWindow, corrected: Callable[[], bool]) -> None:
    assert corrected()
    trigger(window, "undoAction")
    assert not corrected()
    trigger(window, "redoAction")
    assert corrected()


def _reopened_and_dumped(
    window: MainWindow, make_window, reopened: Callable[[MainWindow], bool], dumped: Check
) -> None:  # noqa: ANN001
    """The correction holds in a new window on the same file and in ``jcviewer dump`` (not with
    ``--no-corrections``)."""
    assert window.path is not None
    again = make_window()
    assert again.open_file(window.path)
    assert reopened(again)
    with_corrections = run_jcviewer("dump", str(window.path), cwd=window.path.parent)
    assert with_corrections.returncode == 0, with_corrections.stderr
    assert dumped(json.loads(with_corrections.stdout))
    without = run_jcviewer("dump", str(window.path), "--no-corrections", cwd=window.path.parent)
    assert not dumped(json.loads(without.stdout))


def _dumped_section(data: dict[str, Any], title: str) -> list[str]:
    return [p["text"][:4] for s in data["sections"] if s["title"] == title for p in s["paragraphs"]]


HEADING = "京沪携手晋级4万亿之城"


def test_section_starts_here_puts_a_misplaced_heading_right(open_corpus, make_window) -> None:  # noqa: ANN001
    window = open_corpus("09")
    assert _section(window, HEADING)[0] == "上海依然"  # the deck line, wrongly under the heading
    assert any(w.code == "heading_placement" for w in _report(window).warnings)
    assert not window.warning_bar.isHidden()
    heading_node = next(n for n in nodes_of(window, "section") if n.title == HEADING)
    window.select_node(heading_node.id)

    _choose(window, _paragraph(window, "翻开2021年"), 0, "sectionStartsAction")

    assert _section(window, HEADING) == ["翻开20", "春风得意", "其中，北"]
    shown = window.outline.currentIndex().data()
    assert shown == HEADING  # the section ids moved with the outline: the heading is still the one on show
    assert not any(w.code == "heading_placement" for w in _report(window).warnings)
    assert window.warning_bar.isHidden()
    heading_node = next(n for n in nodes_of(window, "section") if n.title == HEADING)
    assert heading_node.id not in hit_nodes(window, "有望冲击世界第四城")
    _undo_redo(window, lambda: _section(window, HEADING)[0] == "翻开20")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: _section(again, HEADING)[0] == "翻开20",
        lambda data: _dumped_section(data, HEADING)[0] == "翻开20",
    )


def test_a_sub_head_and_an_uncredited_caption_read_as_text_are_reclassified(open_corpus, make_window) -> None:  # noqa: ANN001
    window = open_corpus("09")
    sub_head, caption = "蚌埠，“蚌埠住了”？", "蚌埠市城区景观资料图。"
    _choose(window, _paragraph(window, sub_head), 0, "headingKindAction")
    assert sub_head in [n.title for n in nodes_of(window, "section")]
    assert _section(window, sub_head)[0] == "有人晋级"
    assert any(n.title == sub_head for n in nodes_of(window, "section"))

    _choose(window, _paragraph(window, caption), 0, "captionKindAction")
    assert caption in [c.paragraph.text for c in _report(window).captions]
    assert caption in [n.title for n in nodes_of(window, "caption")]

    trigger(window, "undoAction")
    assert caption not in [c.paragraph.text for c in _report(window).captions]
    assert sub_head in [n.title for n in nodes_of(window, "section")]  # one step back, not two
    trigger(window, "redoAction")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: (
            caption in [c.paragraph.text for c in _report(again).captions]
            and sub_head in [s.title for s in _report(again).sections]
        ),
        lambda data: (
            sub_head in [s["title"] for s in data["sections"]]
            and any(
                p["text"] == caption
                for s in data["sections"]
                if s["kind"] == "captions"
                for c in s["children"]
                for p in c["paragraphs"]
            )
        ),
    )


def test_a_caption_made_body_text_and_a_heading_moved_over_another_run(open_corpus, make_window) -> None:  # noqa: ANN001
    window = open_corpus("09")
    caption_node = nodes_of(window, "caption")[0]
    caption = caption_node.title
    action(node_menu(window, caption_node), "bodyKindAction").trigger()
    assert caption not in [n.title for n in nodes_of(window, "caption")]
    assert any(p.kind == "body" and p.text == caption for p in _report(window).paragraphs())

    target = "广州成功卡位“第四城”"
    paragraph = _paragraph(window, "意气风发的深圳")
    choices = _menu_at(window, paragraph, 0).findChild(QMenu, "moveHeadingMenu")
    assert choices is not None
    chosen = next(a for a in choices.actions() if a.text().startswith("广州"))
    chosen.trigger()
    assert _section(window, target)[0] == "意气风发"
    _undo_redo(window, lambda: _section(window, target)[0] == "意气风发")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: (
            _section(again, target)[0] == "意气风发"
            and caption not in [c.paragraph.text for c in _report(again).captions]
        ),
        lambda data: _dumped_section(data, target)[0] == "意气风发",
    )


def test_paragraphs_merged_and_split(open_corpus, make_window) -> None:  # noqa: ANN001
    window = open_corpus("09")
    count = len([p for p in _report(window).paragraphs() if p.kind == "body"])
    _choose(window, _paragraph(window, "其中，北京2021年"), 0, "mergeAction")
    merged = next(p for p in _report(window).paragraphs() if p.text.startswith("春风得意马蹄疾"))
    assert "其中，北京2021年" in merged.text
    growth = next(m for m in _report(window).metrics if m.expression.startswith("8.5"))
    assert growth.paragraph == merged.id  # the genre logic ran on the merged paragraph
    assert len([p for p in _report(window).paragraphs() if p.kind == "body"]) == count - 1

    long = _report(window).paragraph(_paragraph(window, "上海依然是中国第一大经济城市，而且有望冲击世界第四城。坐稳"))
    _choose(window, long.id, long.text.index("坐稳"), "splitAction")
    assert any(p.text.startswith("坐稳中国最大工业城市") for p in _report(window).paragraphs())
    assert len([p for p in _report(window).paragraphs() if p.kind == "body"]) == count

    trigger(window, "undoAction")
    assert not any(p.text.startswith("坐稳中国最大工业城市") for p in _report(window).paragraphs())
    trigger(window, "redoAction")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: any(p.text.startswith("坐稳中国最大工业城市") for p in _report(again).paragraphs()),
        lambda data: (
            any(p["text"].startswith("坐稳中国最大工业城市") for s in data["sections"] for p in s["paragraphs"])
            and any(
                "其中，北京2021年" in p["text"] and p["text"].startswith("春风得意")
                for s in data["sections"]
                for p in s["paragraphs"]
            )
        ),
    )


def test_an_implied_indicator_named_then_the_target_moved_to_results(
    open_corpus,
    make_window,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    window = open_corpus("09")
    target = next(n for n in nodes_of(window, "target"))
    assert target.title.startswith("预期目标")  # the parser could only take the words before the figure
    monkeypatch.setattr(dialogs_module, "ask_indicator", lambda parent, indicator: "地区生产总值")
    action(node_menu(window, target), "indicatorAction").trigger()
    assert [n.title[:6] for n in nodes_of(window, "target")] == ["地区生产总值"]
    assert any(label.startswith("地区生产总值") for label in chart_labels(window))
    assert any(n.title.startswith("地区生产总值") for n in nodes_of(window, "target"))

    action(node_menu(window, nodes_of(window, "target")[0]), "resultAction").trigger()
    assert nodes_of(window, "target") == []
    moved = next(m for m in _report(window).metrics if m.expression == "8%左右")
    assert (moved.period, moved.indicator) == ("result", "地区生产总值")
    _undo_redo(window, lambda: not nodes_of(window, "target"))
    trigger(window, "undoAction")
    assert [n.title[:6] for n in nodes_of(window, "target")] == ["地区生产总值"]
    trigger(window, "redoAction")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: not nodes_of(again, "target"),
        lambda data: (
            [(m["period"], m["indicator"]) for m in data["metrics"] if m["expression"] == "8%左右"]
            == [("result", "地区生产总值")]
        ),
    )


def test_a_false_quote_dropped_and_a_role_cleared(open_corpus, make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    window = open_corpus("02")
    quotes = _report(window).quotes
    false_quote, wrong_role = quotes[1], quotes[3]
    _choose(window, false_quote.paragraph, false_quote.span[0], "notQuoteAction")
    assert false_quote.text not in [q.text for q in _report(window).quotes]
    assert false_quote.text[:8] not in " ".join(n.summary + n.title for n in nodes_of(window, "speaker"))

    monkeypatch.setattr(dialogs_module, "ask_speaker", lambda parent, speaker, role: (speaker, ""))
    _choose(window, wrong_role.paragraph, wrong_role.span[0], "speakerAction")
    cleared = next(q for q in _report(window).quotes if q.text == wrong_role.text)
    assert cleared.role == "" and cleared.speaker == wrong_role.speaker
    trigger(window, "undoAction")
    assert next(q for q in _report(window).quotes if q.text == wrong_role.text).role == wrong_role.role
    trigger(window, "redoAction")
    _reopened_and_dumped(
        window,
        make_window,
        lambda again: false_quote.text not in [q.text for q in _report(again).quotes],
        lambda data: (
            false_quote.text not in [q["text"] for q in data["quotes"]]
            and any(q["text"] == wrong_role.text and q["role"] == "" for q in data["quotes"])
        ),
    )
