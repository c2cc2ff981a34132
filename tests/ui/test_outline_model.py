"""The outline's QAbstractItemModel: consistent for Qt's views, labelled in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from jcviewer.app import Session
from jcviewer.model.navigation import build_outline
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.ui.outline_model import NODE_ID_ROLE, SUBTITLE_ROLE, OutlineModel


def rows(model: OutlineModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_model_passes_qt_model_tester(qtmodeltester, bundled: Report) -> None:
    qtmodeltester.check(OutlineModel(build_outline(bundled)), force_py=True)


def test_rows_are_labelled_in_chinese(session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    assert rows(model) == [
        "导语",
        "稳字当头 稳中求进",
        "锚定目标 加压奋进",
        "展望未来 信心百倍",
        "图片说明",
        "版面横幅（其他文章）",
    ]
    s2 = model.index_of("s2")
    assert s2.data(SUBTITLE_ROLE) == "“敲定”全年经济工作总思路"
    assert rows(model, s2) == [
        "实现了经济社会的平稳发展（6 项）",
        "交城县将重点抓好以下九个方面工作（9 项）",
        "要突出……（5 项）",
        "2024年主要目标（8 项）",
    ]
    assert rows(model, model.index_of("s3")) == ["代表发言（5 人）"]
    assert rows(model, model.index_of("s3.quotes"))[0] == "安志远（交城县工业和信息化局党组书记）"
    assert model.index_of("p5.list.9").data(NODE_ID_ROLE) == "p5.list.9"
    assert not model.index_of("no-such-node").isValid()


def test_tooltips_give_the_first_sentence_as_plain_text(session: Session, bundled: Report) -> None:
    model = OutlineModel(build_outline(bundled))
    tip = model.index_of("s1").data(Qt.ItemDataRole.ToolTipRole)
    assert "稳字当头 稳中求进 —— 在高质量发展路上坚定前行" in tip
    assert "一月的交城，满眼生机勃勃之景，处处踔厉奋发之势。" in tip
    hostile = parse_text("会议指出，<b>加粗</b>与<img src=x>都只是文字。\n", source="x.txt")
    hostile_model = OutlineModel(build_outline(hostile))  # kept alive: an index does not own its model
    tip = hostile_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip and "&lt;b&gt;" in tip
