"""Two reports compared (``library.compare.Comparison``): their targets side by side with the change, and the two
task lists side by side. Shows a comparison made by the model; parses nothing.

Report text is data: table and list cells are plain text, titles plain-text labels, tooltips escaped. A rise and a
fall read without colour: the change starts with ▲ or ▼ and carries its sign and unit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jcviewer.model.library.compare import POINTS, Change, Comparison, TargetRow, Task
from jcviewer.model.report import Metric
from jcviewer.ui.markup import plain_tooltip

OLDER, NEWER = "older", "newer"
COLUMN_INDICATOR, COLUMN_OLDER, COLUMN_NEWER, COLUMN_CHANGE, COLUMN_ACHIEVED, COLUMN_MET = range(6)
MET_MARKS = {True: "✓", False: "✗", None: ""}
SIDE = Qt.ItemDataRole.UserRole  # which report a cell's paragraph is in ("older" / "newer")
PARAGRAPH = Qt.ItemDataRole.UserRole + 1  # the paragraph a cell's figure or task comes from


class CompareView(QWidget):
    """A comparison of two reports: a target table (``compareTargets``: indicator, the two targets, the change,
    the older year's result as the newer report gives it, met ✓ or missed ✗) and two task lists (``olderTasks``,
    ``newerTasks``). Activating a figure or a task emits ``paragraph_activated(side, paragraph)``, ``side`` being
    "older" or "newer"."""

    paragraph_activated = Signal(str, str)

    def __init__(self, comparison: Comparison, older_title: str, newer_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self._comparison = comparison
        older_name = self._name(older_title, comparison.older_year)
        newer_name = self._name(newer_title, comparison.newer_year)
        heading = QLabel(self.tr("Older: %1\nNewer: %2").replace("%1", older_name).replace("%2", newer_name), self)
        heading.setObjectName("compareHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.targets = self._target_table()
        self.older_tasks = self._task_list("olderTasks", OLDER, comparison.older_tasks)
        self.newer_tasks = self._task_list("newerTasks", NEWER, comparison.newer_tasks)
        tasks = QWidget(self)
        columns = QHBoxLayout(tasks)
        columns.setContentsMargins(0, 0, 0, 0)
        for title, year, task_list in (
            (older_title, comparison.older_year, self.older_tasks),
            (newer_title, comparison.newer_year, self.newer_tasks),
        ):
            column = QVBoxLayout()
            label = QLabel(self.tr("Tasks: %1").replace("%1", self._name(title, year)), tasks)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            column.addWidget(label)
            column.addWidget(task_list)
            columns.addLayout(column)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.targets)
        splitter.addWidget(tasks)
        splitter.setStretchFactor(0, 3)  # the targets first: the task lists are often short, or none
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter)

    @property
    def comparison(self) -> Comparison:
        """The comparison on show."""
        return self._comparison

    def _name(self, title: str, year: int | None) -> str:
        return f"{year or self.tr('year unknown')} {title}"

    def _target_table(self) -> QTableWidget:
        comparison = self._comparison
        table = QTableWidget(len(comparison.targets), 6, self)
        table.setObjectName("compareTargets")
        older_year = str(comparison.older_year or self.tr("older"))
        newer_year = str(comparison.newer_year or self.tr("newer"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("Target %1").replace("%1", older_year),
                self.tr("Target %1").replace("%1", newer_year),
                self.tr("Change"),
                self.tr("Result %1").replace("%1", older_year),
                self.tr("Met"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the room left goes to the names, not ✓
        if not comparison.targets:
            table.setRowCount(1)
            table.setSpan(0, 0, 1, 6)
            table.setItem(0, 0, QTableWidgetItem(self.tr("Neither report sets a target.")))
        for row, target in enumerate(comparison.targets):
            table.setItem(row, COLUMN_INDICATOR, QTableWidgetItem(target.label))
            table.setItem(row, COLUMN_OLDER, self._figure_item(target, target.older, OLDER))
            table.setItem(row, COLUMN_NEWER, self._figure_item(target, target.newer, NEWER))
            change = QTableWidgetItem(self.change_text(target.shown_change()))
            change.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, COLUMN_CHANGE, change)
            table.setItem(row, COLUMN_ACHIEVED, self._figure_item(target, target.achieved, NEWER))
            met = QTableWidgetItem(MET_MARKS[target.met])
            met.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if target.met is not None:
                met.setToolTip(self.tr("Met") if target.met else self.tr("Missed"))
            table.setItem(row, COLUMN_MET, met)
        table.itemActivated.connect(self._on_activated)
        return table

    def _figure_item(self, row: TargetRow, metric: Metric | None, side: str) -> QTableWidgetItem:
        if metric is None:
            return QTableWidgetItem("—")
        item = QTableWidgetItem(self.figure_text(row, metric))
        item.setToolTip(plain_tooltip(metric.text))
        item.setData(SIDE, side)
        item.setData(PARAGRAPH, metric.paragraph)
        return item

    def figure_text(self, row: TargetRow, metric: Metric) -> str:
        """A figure of ``row`` as the table shows it: "≈6%", "5.5–6%", "下降3.3%" in a row of rises, an estimate
        as "est. 4.5%"."""
        text = row.shown(metric)
        return self.tr("est. %1").replace("%1", text) if metric.estimate else text

    def change_text(self, change: Change | None) -> str:
        """A change with its direction, sign and unit: "▼ −0.5 points", "▲ +700亿元 (+7.1%)", "= no change"; when
        the ends of a range moved apart, each end's: "▼ lower end ±0 points, upper end −0.5 points"."""
        if change is None:
            return ""
        if change.unchanged:
            return self.tr("= no change")
        moved = [change.amount, *([] if change.amount_max is None else [change.amount_max])]
        rises = {amount > 0 for amount in moved if amount}
        arrow = ("▲" if True in rises else "") + ("▼" if False in rises else "")  # both: a range widened or narrowed
        text = self._amount_text(change.amount, change.unit)
        if change.percent is not None:
            text += f" ({change.percent:+.1f}%)".replace("-", "−")
        if change.amount_max is not None and change.amount_max != change.amount:
            upper = self._amount_text(change.amount_max, change.unit)
            text = self.tr("lower end %1, upper end %2").replace("%1", text).replace("%2", upper)
        return f"{arrow} {text}"

    def _amount_text(self, amount: float, unit: str) -> str:
        number = f"{amount:+g}".replace("-", "−") if amount else "±0"
        return self.tr("%1 points").replace("%1", number) if unit == POINTS else number + unit

    def _task_list(self, name: str, side: str, tasks: tuple[Task, ...]) -> QListWidget:
        listing = QListWidget(self)
        listing.setObjectName(name)
        if not tasks:
            listing.addItem(self.tr("No tasks listed."))
        for task in tasks:
            item = QListWidgetItem(f"{task.marker} {task.title}")
            item.setData(SIDE, side)
            item.setData(PARAGRAPH, task.paragraph)
            listing.addItem(item)
        listing.itemActivated.connect(self._on_activated)
        return listing

    def _on_activated(self, item: QTableWidgetItem | QListWidgetItem) -> None:
        side, paragraph = item.data(SIDE), item.data(PARAGRAPH)
        if side and paragraph:
            self.paragraph_activated.emit(side, paragraph)
