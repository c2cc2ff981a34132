"""The outline as the tree shows it: everything, or only the nodes that hold search hits (and their parents)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from jcviewer.ui.outline_model import NODE_ID_ROLE, OutlineModel


class OutlineFilter(QSortFilterProxyModel):
    """Keeps the order of the outline; with ``only_matching`` on, hides nodes without hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)  # a matching child keeps its parents
        self._only_matching = False

    def set_only_matching(self, only: bool) -> None:
        """Show only nodes with hits (True) or every node (False)."""
        self.beginFilterChange()
        self._only_matching = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """The hit counts changed: filter again."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._only_matching:
            return True
        model = self.sourceModel()
        assert isinstance(model, OutlineModel)
        node_id = model.index(source_row, 0, source_parent).data(NODE_ID_ROLE)
        return model.hit_count(node_id) > 0
