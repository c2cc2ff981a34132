"""The reader's choices for a briefing: applied to the model's briefing, and remembered as plain data."""

from __future__ import annotations

import json

import pytest

from jcviewer.model.briefing import report_briefing, section_briefing
from jcviewer.model.briefing_options import (
    MAX_CHARS,
    PARTS,
    BriefingOptions,
    apply_options,
    clean_text,
    kept_parts,
    only,
    parts_of,
    sanitised,
)
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
        "text",
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
    assert set(PARTS) >= {"title", "head", "note", "text", "targets", "quote"}


def test_a_blank_unit_or_date_prints_none_and_none_keeps_the_reports(bundled: Report) -> None:
    briefing = report_briefing(bundled)
    assert briefing.date  # the report gives one
    kept = apply_options(briefing, BriefingOptions(unit=None, date=None))
    assert (kept.unit, kept.date) == (briefing.unit, briefing.date)
    blanked = apply_options(briefing, BriefingOptions(unit="", date=" "))
    assert (blanked.unit, blanked.date) == ("", "")
    assert apply_options(briefing, BriefingOptions(title=" ")).title == briefing.title  # a title is never blank


@pytest.mark.parametrize(
    "options",
    [
        BriefingOptions(),
        BriefingOptions(unit="", date=""),
        BriefingOptions(title="简报", unit="县委办", date=""),
        BriefingOptions(unit="", date="2024年1月9日", note="注", mark="内部资料", style="official"),
    ],
)
def test_kept_and_blanked_values_round_trip(options: BriefingOptions) -> None:
    stored = options.to_dict()
    assert BriefingOptions.from_dict(stored) == options
    assert BriefingOptions.from_dict(json.loads(json.dumps(stored))) == options


def test_values_stored_before_blanking_existed_keep_the_reports() -> None:
    old = {"title": "", "unit": "", "date": "", "note": "", "mark": "", "style": "standard", "order": [], "hidden": []}
    assert BriefingOptions.from_dict(old) == BriefingOptions()
    assert BriefingOptions.from_dict(old | {"cleared": ["title", "note", 5]}) == BriefingOptions()  # not clearable
    assert BriefingOptions.from_dict(old | {"cleared": "unit"}) == BriefingOptions()
    assert BriefingOptions.from_dict(old | {"unit": "县委办", "cleared": ["unit"]}).unit == "县委办"  # text wins


def test_texts_are_kept_to_their_caps_however_they_come_in(bundled: Report) -> None:
    assert MAX_CHARS == {"title": 200, "unit": 100, "date": 100, "mark": 100, "note": 600}
    long = {key: "长" * 10_000 for key in MAX_CHARS}
    stored = BriefingOptions.from_dict(long)
    given = sanitised(BriefingOptions(**long))  # as the editor or a caller might hand them over
    applied = apply_options(report_briefing(bundled), BriefingOptions(**long))
    for key, cap in MAX_CHARS.items():
        assert len(getattr(stored, key)) == len(getattr(given, key)) == cap, key
    assert (len(applied.title), len(applied.unit), len(applied.date), len(applied.mark)) == (200, 100, 100, 100)
    assert sum(len(line) for block in applied.blocks if block.kind == "note" for line in block.lines) == 600


@pytest.mark.parametrize(
    ("text", "line", "note"),
    [
        ("简报\x01\x0b标题", "简报 标题", "简报\n标题"),
        ("县委办\x0c公室", "县委办 公室", "县委办\n公室"),
        ("第一条\r\n第二条\r第三条", "第一条 第二条 第三条", "第一条\n第二条\n第三条"),
        ("甲\u2028乙\t丙", "甲 乙 丙", "甲\n乙 丙"),
        ("\u202e内部\u202c资料\u2066！\u2069", "内部资料！", "内部资料！"),
        ("\x00\x1b[31m红\x7f\x85\x9f\udcff", "[31m红", "[31m红"),
        ("Ünïcode — 简报「」", "Ünïcode — 简报「」", "Ünïcode — 简报「」"),
    ],
)
def test_control_characters_and_bidi_overrides_are_dropped_and_breaks_kept_only_in_the_note(
    text: str, line: str, note: str
) -> None:
    assert clean_text(text) == line
    assert clean_text(text, multiline=True) == note
    options = sanitised(BriefingOptions(title=text, unit=text, date=text, mark=text, note=text))
    assert (options.title, options.unit, options.date, options.mark, options.note) == (line, line, line, line, note)
    assert BriefingOptions.from_dict({"unit": text, "note": text}) == BriefingOptions(unit=line, note=note)


def test_kept_parts_say_whether_anything_would_print(bundled: Report) -> None:
    briefing = section_briefing(bundled, "s2")
    assert kept_parts(briefing, BriefingOptions()) == parts_of(briefing)[:-1]  # no note written
    assert kept_parts(briefing, BriefingOptions(note="请学习")) == parts_of(briefing)
    assert kept_parts(briefing, only(["note"])) == []
    assert kept_parts(briefing, only(["note", "chart"])) == []  # a section's briefing has no chart
    assert kept_parts(briefing, BriefingOptions(note="\x01 ", hidden=frozenset(PARTS) - {"note"})) == []
    assert kept_parts(briefing, only(["results", "head"])) == ["head", "results"]
