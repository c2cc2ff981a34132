"""The structural entries of the correction menus: which appear where, and the fix each hands on."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from structure_page import PAGE

from jcviewer.model.corrections import BoundaryFix, Correction, LineFix, MergeFix, SplitFix
from jcviewer.model.navigation import Node, build_outline
from jcviewer.model.parse import parse_text
from jcviewer.ui.structure_menu import StructureMenu

REPORT = parse_text(PAGE, "page.txt")


def _menu(qtbot) -> tuple[QMenu, StructureMenu, list[tuple[tuple[Correction, ...], str]]]:  # noqa: ANN001
    asked: list[tuple[tuple[Correction, ...], str]] = []
    menu = QMenu()
    qtbot.addWidget(menu)
    return menu, StructureMenu(lambda fixes, text: asked.append((fixes, text)), menu), asked


def _names(menu: QMenu) -> list[str]:
    return [action.objectName() for action in menu.actions() if action.objectName()]


def _paragraph(start: str) -> str:
    return next(p.id for p in REPORT.paragraphs() if p.text.startswith(start))


def test_a_paragraph_inside_a_section_offers_every_structural_correction(qtbot) -> None:  # noqa: ANN001
    menu, structure, asked = _menu(qtbot)
    paragraph = _paragraph("全县将扎")
    structure.add_paragraph_actions(menu, REPORT, paragraph, 5)
    assert _names(menu) == [
        "sectionStartsAction",
        "headingKindAction",
        "captionKindAction",
        "mergeAction",
        "splitAction",
    ]
    assert menu.findChild(QMenu, "moveHeadingMenu") is not None
    menu.findChild(QMenu, "moveHeadingMenu").actions()[0].trigger()
    fixes, step = asked[-1]
    assert fixes == (BoundaryFix("二、促改革", "全县将扎实推进项目建设，加快产业"),) and "二、促改革" in step
    for action in menu.actions():
        if action.objectName() == "splitAction":
            action.trigger()
    assert isinstance(asked[-1][0][0], SplitFix) and asked[-1][0][0].at.startswith("推进项目建设")


def test_the_first_paragraph_offers_no_start_and_no_merge(qtbot) -> None:  # noqa: ANN001
    menu, structure, _asked = _menu(qtbot)
    structure.add_paragraph_actions(menu, REPORT, _paragraph("过去一年"), 0)
    assert "sectionStartsAction" not in _names(menu)
    assert "mergeAction" not in _names(menu) and "splitAction" not in _names(menu)  # at its very start


def test_outline_heading_and_caption_nodes_offer_reclassification(qtbot) -> None:  # noqa: ANN001
    menu, structure, asked = _menu(qtbot)
    nodes: dict[str, Node] = {}
    for top in build_outline(REPORT):
        for node in top.walk():
            nodes.setdefault(node.kind, node)  # the first of each kind
    structure.add_node_actions(menu, REPORT, nodes["section"])
    assert _names(menu) == ["captionKindAction", "bodyKindAction"]
    menu.actions()[1].trigger()
    assert asked[-1][0] == (LineFix("一、稳增长", "body"),)
    caption_menu, caption_structure, caption_asked = _menu(qtbot)
    caption_structure.add_node_actions(caption_menu, REPORT, nodes["caption"])
    assert _names(caption_menu) == ["headingKindAction", "bodyKindAction"]
    caption_menu.actions()[0].trigger()
    assert caption_asked[-1][0] == (LineFix("图为会议现场", "heading"),)


def test_a_merge_hands_on_the_paragraph_start(qtbot) -> None:  # noqa: ANN001
    menu, structure, asked = _menu(qtbot)
    structure.add_paragraph_actions(menu, REPORT, _paragraph("扩大高水"), 0)
    next(a for a in menu.actions() if a.objectName() == "mergeAction").trigger()
    assert asked[-1][0] == (MergeFix("扩大高水平对外开放，积极融入区域"),)
