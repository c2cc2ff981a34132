"""The structural entries of the correction menus: at a paragraph of the detail pane (本节从此段开始, 移到章节,
这是标题 / 图片说明 / 正文, 与上段合并, 从此处拆分) and on a heading or caption of the outline. Each entry hands its
anchored fix (``model.structure_fixes``) to a ``correct(fixes, text)`` callback, which stores it as one undoable
step; entries that would change nothing are left out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from jcviewer.model.corrections import Correction, LineKind
from jcviewer.model.navigation import Node
from jcviewer.model.report import Report
from jcviewer.model.structure_fixes import (
    headed_sections,
    heading_kind_fix,
    merge_with_previous,
    move_heading_here,
    paragraph_kind_fix,
    section_starts_here,
    split_here,
)

Correct = Callable[[tuple[Correction, ...], str], None]
"""Store some fixes as one undoable step named by the text."""

HEADING_CHOICE_CHARS = 20
"""How many characters of a heading name it in the 移到章节 submenu."""


class StructureMenu(QObject):
    """Builds the structural entries of a correction menu for one report (translations under this class)."""

    def __init__(self, correct: Correct, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._correct = correct

    def _kind_texts(self) -> dict[LineKind, str]:
        return {
            "heading": self.tr("This Is a Heading"),
            "caption": self.tr("This Is a Photo Caption"),
            "body": self.tr("This Is Body Text"),
        }

    def add_paragraph_actions(self, menu: QMenu, report: Report, paragraph_id: str, offset: int) -> None:
        """The entries for ``offset`` of a paragraph in the detail pane."""
        try:
            report.paragraph(paragraph_id)
        except KeyError:
            return
        starts = section_starts_here(report, paragraph_id)
        if starts is not None:
            self._entry(menu, self.tr("Section Starts Here"), "sectionStartsAction", starts)
        self._add_move_menu(menu, report, paragraph_id)
        for kind, text in self._kind_texts().items():
            self._entry(menu, text, f"{kind}KindAction", paragraph_kind_fix(report, paragraph_id, kind))
        merge = merge_with_previous(report, paragraph_id)
        self._entry(menu, self.tr("Merge with Previous Paragraph"), "mergeAction", merge)
        self._entry(menu, self.tr("Split Here"), "splitAction", split_here(report, paragraph_id, offset))

    def add_node_actions(self, menu: QMenu, report: Report, node: Node) -> None:
        """The entries for an outline node: a heading (its section) or a photo caption."""
        try:
            section = report.section(node.section)
        except KeyError:
            return
        if node.kind == "section" and node.id == section.id:
            for kind, text in self._kind_texts().items():
                self._entry(menu, text, f"{kind}KindAction", heading_kind_fix(report, section, kind))
        elif node.kind == "caption" and section.paragraphs:
            for kind, text in self._kind_texts().items():
                self._entry(menu, text, f"{kind}KindAction", paragraph_kind_fix(report, section.paragraphs[0].id, kind))

    def _add_move_menu(self, menu: QMenu, report: Report, paragraph_id: str) -> None:
        """移到章节: a submenu of the other headings, to start one at this paragraph."""
        own = report.section_of(paragraph_id)
        choices = [
            (section, fix)
            for section in headed_sections(report)
            if section != own and (fix := move_heading_here(report, section, paragraph_id)) is not None
        ]
        if not choices:
            return
        sub = menu.addMenu(self.tr("Move Heading Here"))
        sub.setObjectName("moveHeadingMenu")
        for number, (section, fix) in enumerate(choices, start=1):
            title = section.title[:HEADING_CHOICE_CHARS] + ("…" if len(section.title) > HEADING_CHOICE_CHARS else "")
            step = self.tr("“%1” Starts Here").replace("%1", title)
            self._entry(sub, title.replace("&", "&&"), f"moveHeadingAction-{number}", fix, step)

    def _entry(self, menu: QMenu, text: str, name: str, fix: Correction | None, step: str = "") -> None:
        if fix is None:
            return
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda: self._correct((fix,), step or text))
