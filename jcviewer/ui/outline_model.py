"""The outline: a read-only QAbstractItemModel over the navigation tree of jcviewer.model.navigation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from jcviewer.model.navigation import Node, Uncertainty
from jcviewer.ui.markup import plain_tooltip

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 3  # how many uncertain readings the node holds

AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    """One column of nodes; the internal id of an index is the node's position in depth-first order."""

    def __init__(self, nodes: tuple[Node, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[Node] = []
        self._parent: list[int] = []  # position of each node's parent, -1 at the top
        self._row: list[int] = []
        self._children: dict[int, list[int]] = {-1: []}
        for row, node in enumerate(nodes):
            self._add(node, -1, row)
        self._position = {node.id: position for position, node in enumerate(self._nodes)}
        self._bold = QFont()
        self._bold.setBold(True)
        self._hit_counts: dict[str, int] = {}
        self._warnings: dict[str, list[str]] = {}  # the parser's doubts by node id, their messages in order

    def set_hit_counts(self, counts: dict[str, int]) -> None:
        """Search hits per node id, shown after the row text ({} clears them)."""
        self._hit_counts = dict(counts)
        if self._nodes:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))
            for position in range(len(self._nodes)):  # nested rows too: one signal per parent
                if self._children[position]:
                    first = self.createIndex(0, 0, self._children[position][0])
                    last = self.createIndex(len(self._children[position]) - 1, 0, self._children[position][-1])
                    self.dataChanged.emit(first, last)

    def set_uncertainties(self, places: tuple[Uncertainty, ...]) -> None:
        """The parser's warnings placed on nodes (``place_warnings``), marked on their rows; () clears them."""
        before = set(self._warnings)
        self._warnings = {}
        for place in places:
            self._warnings.setdefault(place.node, []).append(place.warning.message)
        roles = [WARNINGS_ROLE, Qt.ItemDataRole.ToolTipRole]
        for node_id in before | set(self._warnings):
            index = self.index_of(node_id)
            if index.isValid():
                self.dataChanged.emit(index, index, roles)

    def warning_count(self, node_id: str) -> int:
        """Uncertain readings placed on the node with this id."""
        return len(self._warnings.get(node_id, ()))

    def hit_count(self, node_id: str) -> int:
        """Search hits inside the node with this id."""
        return self._hit_counts.get(node_id, 0)

    def _add(self, node: Node, parent: int, row: int) -> None:
        position = len(self._nodes)
        self._nodes.append(node)
        self._parent.append(parent)
        self._row.append(row)
        self._children[parent].append(position)
        self._children[position] = []
        for child_row, child in enumerate(node.children):
            self._add(child, position, child_row)

    # --- QAbstractItemModel ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children[parent.internalId() if parent.isValid() else -1]
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent = self._parent[child.internalId()]
        return QModelIndex() if parent < 0 else self.createIndex(self._row[parent], 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children[parent.internalId() if parent.isValid() else -1])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = node.title if node.headed else self.label(node)
            hits = self._hit_counts.get(node.id, 0)
            badge = self.tr("[%n hit(s)]", "", hits)
            return f"{text}  {badge}" if hits else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(node))
        if role == NODE_ID_ROLE:
            return node.id
        if role == SUBTITLE_ROLE:
            return node.subtitle if node.headed else None
        if role == WARNINGS_ROLE:
            return len(self._warnings.get(node.id, ()))
        if node.headed and node.subtitle:  # two-line rows: bold heading on top, sub-heading below
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Outline")
        return None

    # --- nodes ----------------------------------------------------------------------------------------------
    def node(self, index: AnyIndex) -> Node | None:
        """The node behind an index, None for the invalid index."""
        return self._nodes[index.internalId()] if index.isValid() else None

    def index_of(self, node_id: str) -> QModelIndex:
        """The index of the node with this id; invalid if there is none."""
        position = self._position.get(node_id)
        return QModelIndex() if position is None else self.createIndex(self._row[position], 0, position)

    def label(self, node: Node) -> str:
        """The row text: report text, with names for the groups the report does not name."""
        if node.headed and node.subtitle:
            return f"{node.title} —— {node.subtitle}"
        if node.kind == "lead":
            return self.tr("Lead")
        if node.kind == "captions":
            return self.tr("Photo captions")
        if node.kind == "banners":
            return self.tr("Page banners (other articles)")
        if node.kind == "enumeration":
            return self.tr("%1 (%n items)", "", node.count).replace("%1", node.title)
        if node.kind == "targets":
            year = str(node.year) if node.year else ""
            return self.tr("%1 targets (%n)", "", node.count).replace("%1", year).strip()
        if node.kind == "quotes":
            return self.tr("Voices (%n speakers)", "", node.count)
        if node.kind == "speaker":
            return f"{node.title}（{node.subtitle}）" if node.subtitle else node.title
        return node.title

    def tooltip(self, node: Node) -> str:
        """The first sentence of what the node stands for, and the parser's doubts about it (plain text, so no
        markup is interpreted)."""
        lines = [self.label(node)]
        if node.summary and node.summary not in lines[0]:
            lines.append(node.summary)
        lines += [self.tr("Uncertain: %1").replace("%1", message) for message in self._warnings.get(node.id, ())]
        return "\n".join(lines)
