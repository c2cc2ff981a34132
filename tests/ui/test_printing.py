"""The briefing page (printing.py): every kind of block the model can make has a title in the UI; as PDF, one page
always, with real text and embedded fonts, in-process and through `jcviewer brief`."""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import get_args

import pytest
from genre import crowded_page, wenshui_page
from pdf_text import assert_fonts_embedded, pages, poppler, requires_poppler, text_of
from process import run_jcviewer
from PySide6.QtGui import QPageSize

from jcviewer.app import Session
from jcviewer.model.briefing import (
    BLOCKS,
    Block,
    BlockKind,
    Briefing,
    Row,
    report_briefing,
    section_briefing,
    section_ids,
)
from jcviewer.model.parse import parse_text
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.ui.briefing_html import UNTITLED, Fitted, block_title, briefing_html
from jcviewer.ui.printing import write_briefing_pdf

KINDS = get_args(BlockKind)
CROWDED = parse_text(crowded_page(seed=3).text(), source="crowded.txt")
A4 = QPageSize(QPageSize.PageSizeId.A4)


@pytest.mark.parametrize("kind", KINDS)
def test_every_block_kind_has_a_title(session: Session, kind: BlockKind) -> None:
    undated = block_title(Block(kind, 1, heading="<清单>"))
    dated = block_title(Block(kind, 1, heading="<清单>", year=2024))
    assert undated and dated
    if kind == "items":  # a list of a section is titled by its own heading, from the report
        assert undated == dated == "<清单>"
    else:
        assert "清单" not in undated  # the UI's own wording
        assert dated == undated or "2024" in dated  # a dated title names its year


def test_a_page_with_one_block_of_each_kind_shows_every_title(session: Session) -> None:
    blocks = tuple(
        Block(kind, 1, heading="<清单>", lines=("第一行",), rows=(Row("指标", "≈6%"),), speaker="某人")
        for kind in BLOCKS
    )
    briefing = Briefing("标题", "", "标题", "x.txt", blocks)
    html = briefing_html(briefing, Fitted(10.0, blocks, ""), (100.0, 50.0), 300)
    for block in blocks:
        assert (escape(block_title(block)) in html) == (block.kind not in UNTITLED), block.kind


@requires_poppler
@pytest.mark.parametrize("report", ["bundled", "crowded"])
def test_every_briefing_is_one_page_with_the_essentials(
    session: Session, bundled: Report, tmp_path: Path, report: str
) -> None:
    source = bundled if report == "bundled" else CROWDED
    briefings = [("report", report_briefing(source))]
    briefings += [(sid, section_briefing(source, sid)) for sid in section_ids(source)]
    for name, briefing in briefings:
        pdf = tmp_path / f"{report}-{name}.pdf"
        fitted = write_briefing_pdf(str(pdf), briefing, A4, session.fonts.family)
        assert pages(pdf) == 1, name
        assert pdf.stat().st_size < 300_000, name
        text = text_of(pdf)
        assert briefing.title.replace(" ", "") in text, name
        for block in fitted.blocks:
            for row in block.rows:
                assert row.value.replace(" ", "") in text, (name, row)
            if block.kind == "quote":
                assert block.speaker in text, (name, block.speaker)
        if fitted.blocks != briefing.blocks or briefing.unlisted_quotes:
            assert fitted.omitted and fitted.omitted.replace(" ", "")[:6] in text, name


@requires_poppler
def test_whole_report_pdf_shows_targets_chart_tasks_quotes_and_embeds_fonts(
    session: Session, bundled: Report, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    fitted = write_briefing_pdf(str(pdf), report_briefing(bundled), A4, session.fonts.family)
    assert fitted.size >= 9.0
    text = text_of(pdf)
    for value in ("≈6%", "≥10%", "≈6.5%", "≈8.5%", "≥6%", "完成市定要求", "22.8%"):
        assert value in text
    for words in (
        "2024年主要目标",
        "2024年目标一览",
        "坚定不移推进产业转型",
        "经济运行稳步回升",
        "安志远",
        "第1页共1页",
    ):
        assert words in text
    assert re.search(r"另有\d条引语未列出", text)  # quotes that do not fit whole are left out, and counted
    assert "…”" not in text.replace("……", "")  # never a quotation cut mid-phrase (the old "…联系点…”")
    assert_fonts_embedded(pdf)


@requires_poppler
def test_an_overflowing_briefing_says_what_it_left_out(session: Session, tmp_path: Path) -> None:
    pdf = tmp_path / "crowded.pdf"
    fitted = write_briefing_pdf(str(pdf), report_briefing(CROWDED), A4, session.fonts.family)
    assert pages(pdf) == 1
    assert "未列出" in fitted.omitted and "另有" in fitted.omitted
    assert fitted.omitted.replace(" ", "") in text_of(pdf)


def test_a_report_ten_times_too_long_briefs_on_one_page_listing_what_fits(session: Session, tmp_path: Path) -> None:
    raw = bundled_report().read_text(encoding="utf-8")
    long_report = parse_text("\n".join([raw] * 10), source="x10.txt")
    briefing = report_briefing(long_report)
    pdf = tmp_path / "long.pdf"
    fitted = write_briefing_pdf(str(pdf), briefing, A4, session.fonts.family)
    assert pages(pdf) == 1 and fitted.fits
    shortened = [b for b in fitted.blocks if b.unlisted > next(o for o in briefing.blocks if o.kind == b.kind).unlisted]
    assert shortened and all(b.lines or b.rows for b in shortened)  # lines left out one at a time, some kept
    assert "未列出" in fitted.omitted


@requires_poppler
def test_cli_brief_writes_the_pdf_and_rejects_bad_sections(tmp_path: Path) -> None:
    out = tmp_path / "s2.pdf"
    done = run_jcviewer("brief", "--section", "s2", "--paper", "Letter", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out.resolve()) and pages(out) == 1
    assert "letter" in poppler("pdfinfo", out)
    bad = run_jcviewer("brief", "--section", "s9", "-o", str(tmp_path / "x.pdf"), cwd=tmp_path)
    assert bad.returncode == 2 and "s9" in bad.stderr and "lead, s1, s2, s3" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


@requires_poppler
def test_an_english_briefing_lists_what_it_left_out_with_english_commas_and_its_digits(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    done = run_jcviewer("brief", "--lang", "en", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = poppler("pdftotext", out)
    note = next(line for line in text.splitlines() if line.startswith("Not shown:"))
    assert "、" not in note and ", " in note
    assert re.search(r"\d more quote\(s\) not listed", note) and "Page 1 of 1" in text  # Latin digits read back


@requires_poppler
def test_the_footer_names_the_source_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    done = run_jcviewer("brief", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert bundled_report().name in text_of(out)  # it was cut in the middle: "jiaocheng-2024-plenary-…onomic-…"


ONE_PAGE_OF_TEXT = 900  # characters: a section this short fits whole at 10 pt or more with its head (issue 14)
SECTION_DOCUMENTS = ["06-ningxia-2026-work-report-excerpt", "09-city-gdp-race-2021", "12-daqing-q1-economy"]


def _section_reports() -> list[tuple[str, Report]]:
    from corpus.scoring import load_document, require_corpus

    require_corpus()
    reports = [("bundled", parse_text(bundled_report().read_text(encoding="utf-8"), source=bundled_report().name))]
    for name in SECTION_DOCUMENTS:
        reports.append((name, parse_text(load_document(name).layout, source=f"{name}.layout.txt")))
    return reports


@requires_poppler
def test_every_section_briefing_prints_a_short_section_whole_and_marks_what_a_long_one_leaves_out(
    session: Session, tmp_path: Path
) -> None:
    from jcviewer.model.briefing_text import ELISION, sentences

    checked_whole = checked_shortened = 0
    for name, report in _section_reports():
        for sid in section_ids(report):
            section = report.section(sid)
            paragraphs = [p.text for s in section.walk() for p in s.paragraphs]
            pdf = tmp_path / f"{name}-{sid}.pdf"
            fitted = write_briefing_pdf(str(pdf), section_briefing(report, sid), A4, session.fonts.family)
            assert pages(pdf) == 1 and fitted.fits, (name, sid)  # one page, and all of it within the body
            text = text_of(pdf)
            passage = next(b for b in fitted.blocks if b.kind == "text")
            if sum(len(p) for p in paragraphs) <= ONE_PAGE_OF_TEXT:
                assert not passage.abridged and fitted.size >= 10.0, (name, sid)
                for paragraph in paragraphs:
                    for sentence in sentences(paragraph):
                        assert re.sub(r"\s+", "", sentence) in text, (name, sid, sentence)
                checked_whole += 1
            else:
                assert passage.abridged == (ELISION in "".join(u.text for u in passage.units)), (name, sid)
                checked_shortened += passage.abridged
            for unit in passage.units:  # never mid-phrase: each paragraph ends a sentence or marks the elision
                assert (
                    unit.kind == "heading"
                    or unit.text.rstrip("”’」』）)").endswith(("。", "！", "？", "；", "…", "!", "?", ";", "："))
                    or unit.text in paragraphs
                ), (name, sid, unit.text[-20:])
            if passage.abridged:
                assert str(passage.left_out) in fitted.omitted and fitted.omitted.replace(" ", "")[:8] in text
    assert checked_whole >= 20 and checked_shortened >= 1


def _long_section(paragraphs: int) -> str:
    """A report in the genre's layout with one heading over ``paragraphs`` long paragraphs (a work report's
    chapter), the last one a statement without a full stop as PDF extraction sometimes gives."""
    body = [
        f"第{n}方面，全县上下坚持稳中求进工作总基调，持续推动高质量发展。" * 6 + "如何做好下一步工作？要抓好落实。"
        for n in range(1, paragraphs)
    ]
    body.append("，".join(f"第{n}项工作稳步推进" for n in range(1, 400)))
    return "某县召开经济工作会议\n\n" + "\n\n".join(body) + "\n"


@pytest.mark.parametrize("paragraphs", [2, 40])
@pytest.mark.parametrize(
    "note",
    [
        "",
        "请各单位认真学习贯彻会议精神，结合实际抓好落实。" * 25,
        "".join(f"第{n}条：请认真学习。\n" for n in range(1, 46)),
    ],
)
def test_a_section_of_any_length_with_a_long_note_fits_the_body_and_says_what_it_left_out(
    session: Session, tmp_path: Path, paragraphs: int, note: str
) -> None:
    from jcviewer.model.briefing_options import BriefingOptions, apply_options
    from jcviewer.model.briefing_text import ELISION

    report = parse_text(_long_section(paragraphs), source="long.txt")
    briefing = apply_options(section_briefing(report, "s1"), BriefingOptions(note=note[:600]))
    fitted = write_briefing_pdf(str(tmp_path / "long.pdf"), briefing, A4, session.fonts.family)
    assert fitted.fits and fitted.size >= 10.0
    text = next(b for b in fitted.blocks if b.kind == "text")
    assert text.abridged and all(u.text.endswith(("。", "？", ELISION)) for u in text.units)
    assert fitted.omitted and fitted.omitted.replace(" ", "")[:8] in text_of(tmp_path / "long.pdf")
    printed = [line for b in fitted.blocks if b.kind == "note" for line in b.lines]
    lines = note[:600].splitlines()
    assert printed == lines[: len(printed)] and (printed or not note)  # whole lines, from the first
    if len(printed) < len(lines):  # a note too long for the page says how many of its lines are not printed
        assert str(len(lines) - len(printed)) in fitted.omitted


@pytest.mark.parametrize("style", ["standard", "official"])
def test_the_printer_and_preview_lay_the_page_out_as_the_pdf_does(
    session: Session, bundled: Report, tmp_path: Path, style: str
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from jcviewer.model.briefing_options import BriefingOptions, apply_options
    from jcviewer.settings import Settings
    from jcviewer.ui.fonts import serif_family
    from jcviewer.ui.print_dialogs import BriefingPrinter
    from jcviewer.ui.printing import BriefingPage

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    parent = QWidget()
    serif = serif_family() if style == "official" else ""
    for sid in ("s2", "s3"):
        briefing = apply_options(section_briefing(bundled, sid), BriefingOptions(style=style))  # type: ignore[arg-type]
        printer = BriefingPrinter(parent, settings, session.fonts.family, lambda b=briefing: b).printer()
        on_paper = BriefingPage(briefing, printer, session.fonts.family, serif).fitted
        in_pdf = write_briefing_pdf(str(tmp_path / "b.pdf"), briefing, A4, session.fonts.family, serif_family=serif)
        assert on_paper == in_pdf, sid


def test_the_whole_reports_text_fills_the_room_other_blocks_leave(
    session: Session, bundled: Report, tmp_path: Path
) -> None:
    full = write_briefing_pdf(str(tmp_path / "full.pdf"), report_briefing(bundled), A4, session.fonts.family)
    assert "text" not in [b.kind for b in full.blocks] and "正文" not in full.omitted  # a full page: no room, unsaid
    roomy = parse_text(wenshui_page(seed=1, gdp=7.5).text(), source="wenshui.txt")
    sparse = replace(
        report_briefing(roomy), blocks=tuple(b for b in report_briefing(roomy).blocks if b.kind in ("targets", "text"))
    )
    fitted = write_briefing_pdf(str(tmp_path / "sparse.pdf"), sparse, A4, session.fonts.family)
    text = next(b for b in fitted.blocks if b.kind == "text")
    assert sum(len(u.text) for u in text.units) >= 200 and fitted.fits
    assert ("正文有删节" in fitted.omitted) == text.abridged
