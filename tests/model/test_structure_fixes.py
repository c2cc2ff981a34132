"""The structural corrections offered at a paragraph or heading: where each applies, and that the fix it makes
does what it says once the report is parsed again."""

from __future__ import annotations

from structure_page import PAGE

from jcviewer.model.corrections import Correction, Corrections, LineFix, with_correction
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.model.structure_fixes import (
    corrected_place,
    headed_sections,
    heading_kind_fix,
    merge_with_previous,
    move_heading_here,
    paragraph_kind_fix,
    section_starts_here,
    split_here,
)

REPORT = parse_text(PAGE, "page.txt")


def _corrected(fix: Correction | None) -> Report:
    assert fix is not None
    return parse_text(PAGE, "page.txt", with_correction(Corrections(), fix))


def _body(report: Report, start: str) -> str:
    return next(p.id for p in report.paragraphs() if p.kind == "body" and p.text.startswith(start))


def _outline(report: Report) -> list[tuple[str, list[str]]]:
    return [(s.title, [p.text[:4] for p in s.paragraphs]) for s in headed_sections(report)]


def test_headed_sections_leave_out_the_untitled_text() -> None:
    assert [s.title for s in headed_sections(REPORT)] == ["一、稳增长", "二、促改革"]
    untitled = parse_text("正文开头一段文字，说明情况。\n\n" + PAGE, "page.txt")
    assert [s.title for s in headed_sections(untitled)] == ["一、稳增长", "二、促改革"]


def test_section_starts_here_moves_the_heading_down_and_is_not_offered_at_its_first_paragraph() -> None:
    assert section_starts_here(REPORT, _body(REPORT, "过去一年")) is None
    corrected = _corrected(section_starts_here(REPORT, _body(REPORT, "扩大高水")))
    assert _outline(corrected)[1] == ("二、促改革", ["扩大高水"])


def test_move_heading_here_puts_a_chosen_heading_over_another_run() -> None:
    second = headed_sections(REPORT)[1]
    corrected = _corrected(move_heading_here(REPORT, second, _body(REPORT, "全县将扎")))
    assert _outline(corrected) == [("一、稳增长", ["过去一年"]), ("二、促改革", ["全县将扎", "深化重点", "扩大高水"])]
    assert move_heading_here(REPORT, second, _body(REPORT, "深化重点")) is None  # it starts there already


def test_reclassifying_a_paragraph_a_caption_and_a_heading() -> None:
    body, caption = _body(REPORT, "深化重点"), REPORT.captions[0].paragraph.id
    assert paragraph_kind_fix(REPORT, body, "body") is None
    assert [c.paragraph.text[:4] for c in _corrected(paragraph_kind_fix(REPORT, body, "caption")).captions][
        0
    ] == "深化重点"
    assert "图为会议现场" in [h.title for h in _corrected(paragraph_kind_fix(REPORT, caption, "heading")).headings]
    heading = headed_sections(REPORT)[1]
    assert heading_kind_fix(REPORT, heading, "heading") is None
    assert [h.title for h in _corrected(heading_kind_fix(REPORT, heading, "body")).headings] == ["一、稳增长"]


def test_merge_is_offered_within_a_section_and_joins_it() -> None:
    assert merge_with_previous(REPORT, _body(REPORT, "过去一年")) is None
    assert merge_with_previous(REPORT, _body(REPORT, "深化重点")) is None  # across a heading: move it first
    assert merge_with_previous(REPORT, REPORT.captions[0].paragraph.id) is None
    corrected = _corrected(merge_with_previous(REPORT, _body(REPORT, "扩大高水")))
    assert _outline(corrected)[1] == ("二、促改革", ["深化重点"])
    assert any(p.text.startswith("深化重点") and "扩大高水平" in p.text for p in corrected.paragraphs())


def test_anchors_grow_until_they_name_one_paragraph_and_one_cut() -> None:
    twice = "过去一年，全县经济稳步增长，各项事业全面进步。"
    page = PAGE.replace("一、稳增长\n\n", f"一、稳增长\n\n{twice}\n\n")
    report = parse_text(page, "page.txt")
    second = next(p for p in report.paragraphs() if p.text.startswith("过去一年") and p.text != twice)
    fix = paragraph_kind_fix(report, second.id, "caption")
    assert fix is not None and len(fix.text) > 16
    corrected = parse_text(page, "page.txt", with_correction(Corrections(), fix))
    assert [c.paragraph.text[:4] for c in corrected.captions] == ["过去一年", "图为会议"]
    assert any(p.text == twice for p in corrected.paragraphs() if p.kind == "body")
    paragraph = REPORT.paragraph(_body(REPORT, "过去一年"))
    split = split_here(REPORT, paragraph.id, paragraph.text.rindex("。"))  # "。" is in it more than once
    assert split is not None
    cut = _corrected(split)
    assert [p.text for p in cut.paragraphs() if p.kind == "body"][1] == "。"


def test_split_here_cuts_at_the_offset_and_not_at_either_end() -> None:
    paragraph = REPORT.paragraph(_body(REPORT, "过去一年"))
    offset = paragraph.text.index("新的一年")
    assert split_here(REPORT, paragraph.id, 0) is None
    assert split_here(REPORT, paragraph.id, len(paragraph.text)) is None
    corrected = _corrected(split_here(REPORT, paragraph.id, offset))
    assert _outline(corrected)[0][1] == ["过去一年", "新的一年", "全县将扎"]


def test_the_place_a_structural_fix_changed_is_found_in_the_corrected_report() -> None:
    split = split_here(
        REPORT, _body(REPORT, "过去一年"), REPORT.paragraph(_body(REPORT, "过去一年")).text.index("新的")
    )
    assert split is not None
    section, paragraph = corrected_place(_corrected(split), split) or (None, None)
    assert section is not None and section.title == "一、稳增长"
    assert paragraph is not None and paragraph.text.startswith("新的一年")
    made = paragraph_kind_fix(REPORT, _body(REPORT, "深化重点"), "heading")
    assert made is not None
    heading, nothing = corrected_place(_corrected(made), made) or (None, None)
    assert heading is not None and heading.title.startswith("深化重点") and nothing is None
    assert corrected_place(REPORT, LineFix("没有这一段", "body")) is None
