"""The Library pane's model: years (latest first, unknown last) → places (unknown last) → reports; the filter;
Qt's model testers throughout."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from jcviewer.model.library import Entry
from jcviewer.ui.library_model import ENTRY_ROLE, LibraryModel, kind_label

BASE = Entry(
    id=0,
    title="",
    place=None,
    kind=None,
    date=None,
    year=None,
    source="a.txt",
    content_hash="",
    text_path="",
    added="2026-01-01T00:00:00+00:00",
    user_set=frozenset(),
)


def entry(id_: int, title: str, place: str | None, year: int | None, kind: str | None = None) -> Entry:
    return replace(BASE, id=id_, title=title, place=place, year=year, kind=kind, date=f"{year}年2月" if year else None)


ENTRIES = [
    entry(1, "甲县经济工作会议", "甲县", 2023, "economic_work_conference"),
    entry(2, "乙县政府工作报告", "乙县", 2023, "government_work_report"),
    entry(3, "甲县经济工作会议（二）", "甲县", 2024, "economic_work_conference"),
    entry(4, "无名会议", None, 2024),
    entry(5, "年份不明的会议", "乙县", None),
]


def tree(model: LibraryModel, parent: QModelIndex | None = None) -> list[object]:
    """The model as nested lists: a group is (label, count, [children]), a report is its title."""
    parent = parent or QModelIndex()
    out: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(ENTRY_ROLE) is not None:
            out.append(index.data())
        else:
            count = model.index(row, 1, parent).data()
            out.append((index.data(), count, tree(model, index)))
    return out


def test_reports_grouped_by_year_latest_first_then_place_unknowns_last(qtmodeltester) -> None:
    model = LibraryModel()
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)
    no_place, no_year = model.tr("Place unknown"), model.tr("Year unknown")  # in the UI language
    assert tree(model) == [
        ("2024", "2", [("甲县", "1", ["甲县经济工作会议（二）"]), (no_place, "1", ["无名会议"])]),
        ("2023", "2", [("乙县", "1", ["乙县政府工作报告"]), ("甲县", "1", ["甲县经济工作会议"])]),
        (no_year, "1", [("乙县", "1", ["年份不明的会议"])]),
    ]


def test_a_report_row_has_its_entry_its_kind_and_date_and_a_plain_text_tooltip() -> None:
    model = LibraryModel()
    model.set_entries([replace(ENTRIES[0], title="<b>甲县</b>会议", source="<i>x</i>.txt")])
    report = model.index_of(1)
    assert model.entry(report) == model.data(report, ENTRY_ROLE) and model.entry(report).id == 1
    assert (
        model.index(report.row(), 1, report.parent()).data() == f"{kind_label('economic_work_conference')} · 2023年2月"
    )
    assert "&lt;b&gt;" in report.data(Qt.ItemDataRole.ToolTipRole)  # escaped: a tooltip renders markup
    assert model.entry(report.parent()) is None and model.entry(QModelIndex()) is None
    assert not model.index_of(99).isValid()


def test_the_filter_keeps_reports_holding_every_word_in_title_place_kind_or_year(qtmodeltester) -> None:
    model = LibraryModel()
    qtmodeltester.check(model, force_py=True)  # pytest-qt's tester, checking again on every reset
    model.set_entries(ENTRIES)
    model.set_filter("甲县")
    assert model.shown == 2
    model.set_filter("甲县 2024")
    assert tree(model) == [("2024", "1", [("甲县", "1", ["甲县经济工作会议（二）"])])]
    model.set_filter("government_work_report")
    assert model.shown == 1
    model.set_filter(kind_label("economic_work_conference"))  # the kind's name as shown also matches
    assert model.shown == 2
    model.set_filter("没有这个词")
    assert model.rowCount() == 0 and model.shown == 0
    model.set_filter("")
    assert model.shown == len(ENTRIES)
    qtmodeltester.check(model)


def test_replacing_the_entries_keeps_the_filter() -> None:
    model = LibraryModel()
    model.set_filter("乙县")
    model.set_entries(ENTRIES)
    assert model.shown == 2
    model.set_entries([*ENTRIES, entry(6, "乙县第三次会议", "乙县", 2022)])
    assert model.shown == 3


def test_unknown_kinds_show_as_they_are() -> None:
    assert kind_label(None) == "" and kind_label("something_else") == "something_else"
    assert kind_label("plenary") not in ("", "plenary")
