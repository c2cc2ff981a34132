"""Structural corrections (``[[line]]``, ``[[merge]]``, ``[[split]]``, ``[[boundary]]``) applied to the page
structure before the genre logic, on a page made for it in the genre's layout."""

from __future__ import annotations

import pytest
from structure_page import PAGE

from jcviewer.model.corrections import (
    BoundaryFix,
    Corrections,
    CorrectionsError,
    LineFix,
    MergeFix,
    SplitFix,
    parse_corrections,
    to_toml,
    with_correction,
)
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report


def _parse(*fixes: LineFix | MergeFix | SplitFix | BoundaryFix) -> Report:
    corrections = Corrections()
    for fix in fixes:
        corrections = with_correction(corrections, fix)
    return parse_text(PAGE, "page.txt", corrections)


def _outline(report: Report) -> list[tuple[str, list[str]]]:
    return [(s.title, [p.text[:4] for p in s.paragraphs]) for s in report.sections if s.kind == "section"]


def _stale(report: Report) -> list[str]:
    return [w.message for w in report.warnings if w.code == "correction_stale"]


def test_the_page_as_parsed() -> None:
    report = _parse()
    assert _outline(report) == [("一、稳增长", ["过去一年", "全县将扎"]), ("二、促改革", ["深化重点", "扩大高水"])]
    assert [c.paragraph.text for c in report.captions] == ["图为会议现场"]


def test_a_caption_made_a_heading_heads_text_and_leaves_the_captions() -> None:
    report = _parse(LineFix("图为会议现场", "heading"))
    assert "图为会议现场" in [h.title for h in report.headings]
    assert report.captions == ()
    assert not _stale(report)


def test_a_heading_made_body_text_joins_the_run_before_it() -> None:
    report = _parse(LineFix("二、促改革", "body"))
    assert _outline(report) == [("一、稳增长", ["过去一年", "全县将扎", "二、促改", "深化重点", "扩大高水"])]
    assert [h.title for h in report.headings] == ["一、稳增长"]


def test_body_text_made_a_caption_leaves_its_section_and_its_targets_go_with_it() -> None:
    before = _parse()
    report = _parse(LineFix("深化重点领域改革", "caption"))
    assert _outline(report)[1] == ("二、促改革", ["扩大高水"])
    assert [c.paragraph.text[:4] for c in report.captions] == ["深化重点", "图为会议"]
    assert len(report.metrics) == len(before.metrics) - 1  # the genre logic ran on the corrected structure


def test_body_text_made_a_heading_heads_the_paragraphs_after_it() -> None:
    report = _parse(LineFix("深化重点领域改革", "heading"))
    assert _outline(report) == [
        ("一、稳增长", ["过去一年", "全县将扎"]),
        ("二、促改革", []),
        (report.headings[2].title, ["扩大高水"]),
    ]
    assert report.headings[2].title.startswith("深化重点领域改革")
    before_a_heading = _parse(LineFix("全县将扎实推进", "heading"))  # printed just before 二、促改革: heads nothing
    assert [paragraphs for _title, paragraphs in _outline(before_a_heading)] == [
        ["过去一年"],
        [],
        ["深化重点", "扩大高水"],
    ]


def test_merge_joins_a_paragraph_to_the_one_before_and_the_figures_follow() -> None:
    report = _parse(MergeFix("全县将扎实推进"))
    first = report.sections[0].paragraphs[0]
    assert first.text.startswith("过去一年") and first.text.endswith("让群众得到更多实惠。")
    assert len(report.sections[0].paragraphs) == 1
    assert all(m.paragraph in {p.id for p in report.paragraphs()} for m in report.metrics)
    assert not _stale(report)


def test_split_cuts_a_paragraph_mid_line_and_the_figure_moves_with_its_half() -> None:
    report = _parse(SplitFix("过去一年", "新的一年"))
    texts = [p.text for p in report.sections[0].paragraphs]
    assert texts[0].endswith("断提高。") and texts[1] == "新的一年，地区生产总值增长6%左右。"
    target = next(m for m in report.metrics if m.expression.startswith("6%"))
    assert report.paragraph(target.paragraph).text.startswith("新的一年")


def test_corrections_apply_in_the_order_they_were_made() -> None:
    split_then_heading = _parse(SplitFix("过去一年", "新的一年"), LineFix("过去一年", "heading"))
    assert [h.title for h in split_then_heading.headings][1].startswith("过去一年")  # only the first half
    assert any(p.text.startswith("新的一年") for p in split_then_heading.paragraphs())
    merge_then_caption = _parse(MergeFix("全县将扎实推进"), LineFix("过去一年", "caption"))
    assert merge_then_caption.captions[0].paragraph.text.endswith("让群众得到更多实惠。")
    assert not _stale(split_then_heading) and not _stale(merge_then_caption)
    undone = _parse(SplitFix("过去一年", "新的一年"), MergeFix("新的一年"))
    assert _outline(undone) == _outline(_parse()) and not _stale(undone)


def test_a_line_corrected_again_keeps_only_the_last_kind() -> None:
    corrections = Corrections()
    for kind in ("body", "heading", "body"):
        corrections = with_correction(corrections, LineFix("二、促改革", kind))  # type: ignore[arg-type]
    assert corrections.structure == (LineFix("二、促改革", "body"),)
    assert "二、促改革" not in [h.title for h in parse_text(PAGE, "page.txt", corrections).headings]


def test_boundary_moves_a_heading_back_and_forward() -> None:
    earlier = _parse(BoundaryFix("二、促改革", "全县将扎实推进"))
    assert _outline(earlier) == [("一、稳增长", ["过去一年"]), ("二、促改革", ["全县将扎", "深化重点", "扩大高水"])]
    later = _parse(BoundaryFix("二、促改革", "扩大高水平"))
    assert _outline(later) == [("一、稳增长", ["过去一年", "全县将扎", "深化重点"]), ("二、促改革", ["扩大高水"])]


def test_boundary_onto_another_run_start_leaves_that_heading_empty() -> None:
    report = _parse(BoundaryFix("一、稳增长", "深化重点领域"))
    sections = {title: paragraphs for title, paragraphs in _outline(report)}
    assert sections["一、稳增长"] == ["深化重点", "扩大高水"]
    assert sections["二、促改革"] == []
    assert [p.text[:4] for p in report.sections[0].paragraphs] == ["过去一年", "全县将扎"]  # now unheaded


def test_corrections_that_match_nothing_are_reported_and_ones_already_true_are_silent() -> None:
    stale = _parse(
        LineFix("没有这一行", "heading"),
        MergeFix("没有这一段"),
        SplitFix("过去一年", "没有这句话"),
        BoundaryFix("三、没有的标题", "过去一年"),
    )
    assert len(_stale(stale)) == 4
    assert _outline(stale) == _outline(_parse())
    already = _parse(LineFix("一、稳增长", "heading"), MergeFix("民生活持续改善"), SplitFix("过去一年", "全县将扎实"))
    assert not _stale(already) and _outline(already) == _outline(_parse())


def test_structural_tables_round_trip_through_toml() -> None:
    corrections = Corrections(
        structure=(
            SplitFix("过去一年", "新的一年"),
            LineFix("图为会议现场", "heading"),
            MergeFix("全县将扎实推进"),
            BoundaryFix("二、促改革", "扩大高水平"),
        )
    )
    text = to_toml(corrections)
    assert text.count("[[structure]]") == 4 and 'action = "boundary"' in text
    assert parse_corrections(text, "x.toml")[0] == corrections


def test_a_bad_line_kind_is_refused_with_its_place() -> None:
    with pytest.raises(CorrectionsError, match=r"x\.toml: \[\[structure\]\] number 1: kind must be"):
        parse_corrections('[[structure]]\naction = "line"\ntext = "标题"\nkind = "title"\n', "x.toml")
    with pytest.raises(CorrectionsError, match="action must be one of"):
        parse_corrections('[[structure]]\naction = "join"\nparagraph = "标题"\n', "x.toml")


def test_a_boundary_keeps_empty_headings_in_their_place() -> None:
    emptied = _parse(LineFix("全县将扎实推进", "heading"))  # heads nothing: 二、促改革 follows at once
    empty_title = emptied.headings[1].title
    moved = parse_text(
        PAGE,
        "page.txt",
        with_correction(
            with_correction(Corrections(), LineFix("全县将扎实推进", "heading")),
            BoundaryFix("二、促改革", "扩大高水平"),
        ),
    )
    assert [title for title, _paragraphs in _outline(moved)] == ["一、稳增长", empty_title, "二、促改革"]
    assert _outline(moved)[0][1] == ["过去一年", "深化重点"]


def test_a_split_cuts_where_its_text_is_first_found_after_the_start_only_in_the_paragraph_named() -> None:
    assert _stale(_parse(SplitFix("深化重点领域改革", "新的一年")))  # the text is in another paragraph: not cut
    assert len(list(_parse(SplitFix("深化重点领域改革", "新的一年")).paragraphs())) == len(list(_parse().paragraphs()))
