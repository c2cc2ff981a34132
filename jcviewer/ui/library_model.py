"""The library's reports as a tree for the Library pane: years (latest first, unknown last), then places (unknown
last), then the reports, each with its title and, in a second column, its meeting kind and date. A filter keeps
the reports whose title, place, kind, date or year hold every word typed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from jcviewer.model.library import Entry
from jcviewer.ui.search_panel import fill

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""A report row's ``Entry`` (None for a year or place row)."""
AnyIndex = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every row (made once: enum "|" is slow)
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ENTRY_ROLE))
COLUMNS = 2  # title (or the group's name); kind · date (or the group's number of reports)


def kind_label(kind: str | None) -> str:
    """The meeting kind's name in the UI language ("" when unknown; an unknown code as it is)."""
    if kind is None:
        return ""
    labels = {
        "economic_work_conference": QCoreApplication.translate("Library", "Economic work conference"),
        "government_work_report": QCoreApplication.translate("Library", "Government work report"),
        "peoples_congress": QCoreApplication.translate("Library", "People's congress"),
        "cppcc_session": QCoreApplication.translate("Library", "CPPCC session"),
        "plenary": QCoreApplication.translate("Library", "Plenary session"),
        "standing_committee": QCoreApplication.translate("Library", "Standing committee meeting"),
        "economic_analysis": QCoreApplication.translate("Library", "Economic analysis"),
    }
    return labels.get(kind, kind)


def matches(entry: Entry, words: Iterable[str]) -> bool:
    """Whether every word (case-insensitive) is in the report's title, place, kind (code or name), date or year."""
    fields = (entry.title, entry.place, entry.kind, kind_label(entry.kind), entry.date, entry.year)
    haystack = "\n".join(str(f) for f in fields if f is not None).casefold()
    return all(word.casefold() in haystack for word in words)


@dataclass
class _Node:
    parent: int  # the parent's position in ``LibraryModel._nodes`` (-1 for the root)
    row: int
    label: str
    detail: str = ""  # the second column: a report's kind and date, a group's number of reports
    entry: Entry | None = None
    children: list[int] = field(default_factory=list)


class LibraryModel(QAbstractItemModel):
    """Years → places → reports. ``set_entries`` replaces the reports, ``set_filter`` the words they must hold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._words: tuple[str, ...] = ()
        self._nodes: list[_Node] = [_Node(-1, 0, "")]

    # --- contents -------------------------------------------------------------------------------------------
    def set_entries(self, entries: Iterable[Entry]) -> None:
        """Show these reports (the catalogue's list), filtered by the words set."""
        self._entries = list(entries)
        self._rebuild()

    def set_filter(self, text: str) -> None:
        """Keep only the reports holding every word of ``text`` (empty: all)."""
        words = tuple(text.split())
        if words != self._words:
            self._words = words
            self._rebuild()

    @property
    def shown(self) -> int:
        """How many reports the filter keeps."""
        return sum(1 for node in self._nodes if node.entry is not None)

    def _rebuild(self) -> None:
        self.beginResetModel()
        years: dict[int | None, dict[str | None, list[Entry]]] = {}
        for entry in self._entries:
            if not self._words or matches(entry, self._words):
                years.setdefault(entry.year, {}).setdefault(entry.place, []).append(entry)
        self._nodes = [_Node(-1, 0, "")]
        kinds: dict[str | None, str] = {}
        for year in sorted(years, key=lambda y: (y is None, -(y or 0))):
            places = years[year]
            year_label = str(year) if year is not None else self.tr("Year unknown")
            year_node = self._add(0, year_label, str(sum(len(group) for group in places.values())))
            for place in sorted(places, key=lambda p: (p is None, p or "")):
                group = places[place]
                place_label = place if place is not None else self.tr("Place unknown")
                place_node = self._add(year_node, place_label, str(len(group)))
                for entry in sorted(group, key=lambda e: (e.date or "", e.title, e.id)):
                    if entry.kind not in kinds:
                        kinds[entry.kind] = kind_label(entry.kind)
                    kind = kinds[entry.kind]
                    detail = " · ".join(part for part in (kind, entry.date or "") if part)
                    self._add(place_node, entry.title, detail, entry)
        self.endResetModel()

    def _add(self, parent: int, label: str, detail: str, entry: Entry | None = None) -> int:
        siblings = self._nodes[parent].children
        self._nodes.append(_Node(parent, len(siblings), label, detail, entry))
        siblings.append(len(self._nodes) - 1)
        return len(self._nodes) - 1

    # --- lookups --------------------------------------------------------------------------------------------
    def entry(self, index: AnyIndex) -> Entry | None:
        """The report of a row (None for a group row or an invalid index)."""
        return self._nodes[index.internalId()].entry if index.isValid() else None

    def index_of(self, report_id: int) -> QModelIndex:
        """The row of a report (invalid when it is not shown)."""
        for position, node in enumerate(self._nodes):
            if node.entry is not None and node.entry.id == report_id:
                return self.createIndex(node.row, 0, position)
        return QModelIndex()

    def groups(self) -> list[QModelIndex]:
        """The year and place rows, years first (for a view to expand them)."""
        return [
            self.createIndex(node.row, 0, position)
            for position, node in enumerate(self._nodes)
            if position and node.entry is None
        ]

    # --- QAbstractItemModel ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        container = parent.internalId() if parent.isValid() else 0
        return self.createIndex(row, column, self._nodes[container].children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        above = self._nodes[index.internalId()].parent
        if above <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[above].row, 0, above)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId() if parent.isValid() else 0].children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return COLUMNS

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # the view asks for a dozen roles per row it paints
            return None
        node = self._nodes[index.internalId()]
        entry = node.entry
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if index.column() == 0 else node.detail
        if entry is not None:  # the tooltip: the whole title, what and when (the detail column may be hidden)
            text = fill(self.tr("%1 (added from %2)"), entry.title, entry.source)
            return escape(f"{text}\n{node.detail}" if node.detail else text)  # tooltips render markup; a title is text
        return None
