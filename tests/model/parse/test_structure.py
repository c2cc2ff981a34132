"""Page structure from evidence: captions, headings, banners and body lines that stand alone."""

from __future__ import annotations

from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report

BODY = (
    "过去一年，全县经济稳步增长，各项事业全面进步，人\n"
    "民生活持续改善，发展态势持续向好，群众满意度不\n"
    "断提高，干部群众干劲十足，各项工作扎实推进。\n"
)
MORE = (
    "新的一年，全县将扎实推进项目建设，加快产业转型，\n"
    "持续改善民生，努力实现经济社会发展各项目标任务，\n"
    "奋力开创高质量发展新局面，让群众得到更多实惠。\n"
)


def _body(report: Report) -> list[str]:
    return [p.text for p in report.paragraphs() if p.kind == "body"]


def test_a_caption_at_the_page_edge_is_a_caption_not_a_banner() -> None:
    report = parse_text("记者 王某 摄\n\n" + BODY + "\n" + MORE + "\n图为会议现场\n")
    assert [c.paragraph.text for c in report.captions] == ["记者王某摄", "图为会议现场"]
    assert not report.banners


def test_a_headline_block_at_the_top_stays_apart_from_the_first_paragraph() -> None:
    report = parse_text("全县经济工作会议召开\n奋力谱写高质量发展新篇章\n\n" + BODY + "\n" + MORE)
    assert [(h.title, h.subtitle) for h in report.headings] == [("全县经济工作会议召开", "奋力谱写高质量发展新篇章")]
    assert [p[:4] for p in _body(report)] == ["过去一年", "新的一年"]


def test_headings_pushed_to_the_end_without_blank_lines_stay_headings() -> None:
    report = parse_text(BODY + MORE + "苹果满园\n果农增收\n公路通村\n出行便利\n学校焕新\n教育提质\n")
    assert [h.title for h in report.headings] == [
        "苹果满园",
        "果农增收",
        "公路通村",
        "出行便利",
        "学校焕新",
        "教育提质",
    ]
    assert not [w for w in report.warnings if w.code == "caption_or_body"]


def test_a_line_of_running_text_standing_alone_stays_body_with_a_warning() -> None:
    report = parse_text(BODY + "\n在讨论中，大家一致认为，报告实事求是，\n\n" + MORE)
    assert any("在讨论中" in text for text in _body(report))
    assert not report.captions
    assert [w.code for w in report.warnings] == ["caption_or_body"]


def test_people_in_a_headline_are_not_a_photo_caption() -> None:
    report = parse_text(BODY + "\n代表委员在行动\n\n" + MORE + "\n县长王某某在会上讲话\n")
    assert [h.title for h in report.headings] == ["代表委员在行动"]
    assert [c.paragraph.text for c in report.captions] == ["县长王某某在会上讲话"]


def test_a_caption_printed_twice_over_a_line_break_is_kept_once() -> None:
    text = BODY + "\n图为AB\nC图为ABC\n\n" + MORE
    report = parse_text(text)
    assert [(c.paragraph.text, c.printed_twice) for c in report.captions] == [("图为AB C图为ABC", False)]
