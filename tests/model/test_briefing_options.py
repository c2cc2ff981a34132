"""The reader's choices for a briefing: applied to the model's briefing, and remembered as plain data."""

from __future__ import annotations

import pytest

from jcviewer.model.briefing import report_briefing, section_briefing
from jcviewer.model.briefing_options import PARTS, BriefingOptions, apply_options, only, parts_of
from jcviewer.model.report import Report


def test_default_options_change_nothing(bundled: Report) -> None:
    briefing = report_briefing(bundled)
    assert apply_options(briefing, BriefingOptions()) == briefing


def test_head_wording_note_and_mark(bundled: Report) -> None:
    options = BriefingOptions(
        title="县委经济工作会议简报",
        unit="县委办公室",
        date="2024年1月9日",
        note="请各单位传达。\n\n抓好落实。",
        mark="内部资料",
        style="official",
    )
    briefing = apply_options(report_briefing(bundled), options)
    assert (briefing.title, briefing.unit, briefing.date, briefing.mark, briefing.style) == (
        "县委经济工作会议简报",
        "县委办公室",
        "2024年1月9日",
        "内部资料",
        "official",
    )
    note = briefing.blocks[-1]
    assert note.kind == "note" and note.lines == ("请各单位传达。", "抓好落实。") and note.priority == 0
    assert briefing.report_title == bundled.title  # the meeting stays the report's


def test_parts_hidden_and_reordered(bundled: Report) -> None:
    briefing = report_briefing(bundled)
    assert parts_of(briefing) == [
        "title",
        "head",
        "targets",
        "chart",
        "tasks",
        "achievements",
        "emphases",
        "quote",
        "terms",
        "note",
    ]
    options = BriefingOptions(order=("quote", "targets"), hidden=frozenset({"chart", "head"}))
    applied = apply_options(briefing, options)
    kinds = [b.kind for b in applied.blocks]
    assert kinds[:4] == ["quote", "quote", "quote", "targets"] and "chart" not in kinds
    assert applied.show_title and not applied.show_head
    assert len(applied.blocks) == len(briefing.blocks) - 1
    assert applied.unlisted_quotes == briefing.unlisted_quotes > 0
    assert apply_options(briefing, BriefingOptions(hidden=frozenset({"quote"}))).unlisted_quotes == 0  # none missed


def test_only_keeps_the_named_parts_in_order(bundled: Report) -> None:
    applied = apply_options(section_briefing(bundled, "s2"), only(["targets", "text"]))
    assert [b.kind for b in applied.blocks] == ["targets", "text"]
    assert not applied.show_title and not applied.show_head
    with pytest.raises(ValueError, match="nonsense"):
        only(["targets", "nonsense"])


def test_options_round_trip_and_bad_data_reads_as_default() -> None:
    options = BriefingOptions(title="标题", note="注", order=("quote",), hidden=frozenset({"terms"}), style="official")
    assert BriefingOptions.from_dict(options.to_dict()) == options
    assert BriefingOptions.from_dict(None) == BriefingOptions()
    assert BriefingOptions.from_dict(
        {"title": 5, "style": "fancy", "order": ["x", "quote", "quote"], "hidden": "terms"}
    ) == (BriefingOptions(order=("quote",)))
    assert len(BriefingOptions.from_dict({"note": "长" * 10_000}).note) < 10_000
    assert set(PARTS) >= {"title", "head", "note", "text", "targets", "quote"}
