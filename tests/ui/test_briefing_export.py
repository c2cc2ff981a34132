"""The .docx export (briefing_export.py): the PDF's blocks at the PDF's size, the chart as a picture, paper and
margins as set up, never half a file; LibreOffice sets the bundled report's briefings on one page."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pdf_text import pages, requires_poppler
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QImage, QPageSize

from jcviewer.app import Session
from jcviewer.model.briefing import BLOCKS, Briefing, report_briefing, section_briefing, section_ids
from jcviewer.model.briefing_options import BriefingOptions, apply_options
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.resources import bundled_report
from jcviewer.ui import briefing_export
from jcviewer.ui.briefing_export import CHART_DPI, FANGSONG_FAMILIES, chart_png, laid_out, write_docx
from jcviewer.ui.printing import MARGINS_MM, block_title, write_briefing_pdf

A4 = QPageSize(QPageSize.PageSizeId.A4)
LETTER = QPageSize(QPageSize.PageSizeId.Letter)


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(bundled_report())


def _paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in [*document.paragraphs, *cells]]


def _headings(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in [*document.paragraphs, *cells] if p.style.name == "Heading 2"]


def test_the_docx_has_the_blocks_and_type_size_of_the_pdf(session: Session, report: Report, tmp_path: Path) -> None:
    briefing = report_briefing(report)
    family = session.fonts.family
    pdf = write_briefing_pdf(str(tmp_path / "b.pdf"), briefing, A4, family, MARGINS_MM)
    fitted = write_docx(tmp_path / "b.docx", briefing, A4, MARGINS_MM, family)
    assert fitted == pdf
    titles = list(dict.fromkeys(block_title(b) for b in fitted.blocks))  # the quotes under one title
    assert sorted(_headings(tmp_path / "b.docx")) == sorted(titles)
    document = docx.Document(str(tmp_path / "b.docx"))
    targets = next(b for b in fitted.blocks if b.kind == "targets")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "指标")
    assert [r.cells[0].text for r in table.rows[1:]] == [r.indicator for r in targets.rows]
    assert any(r.previous and r.previous in table.rows[n + 1].cells[2].text for n, r in enumerate(targets.rows))
    assert len(document.inline_shapes) == int(any(b.kind == "chart" for b in fitted.blocks))
    assert document.paragraphs[-1].text == fitted.omitted
    assert document.styles["Normal"].font.size.pt == fitted.size
    assert briefing.source in document.sections[0].footer.paragraphs[0].text


def test_a_section_docx_holds_the_text_the_pdf_shows(session: Session, report: Report, tmp_path: Path) -> None:
    for section in section_ids(report):
        out = tmp_path / f"{section}.docx"
        fitted = write_docx(out, section_briefing(report, section), A4, MARGINS_MM, session.fonts.family)
        shown = _paragraphs(out)
        passage = next(b for b in fitted.blocks if BLOCKS[b.kind].content == "passage")
        for unit in passage.units:
            assert unit.text in shown, (section, unit.text)
        assert (fitted.omitted in shown) == bool(fitted.omitted)


def test_the_chart_is_drawn_at_200_dpi_with_its_bars(session: Session, report: Report) -> None:
    briefing = report_briefing(report)
    page = laid_out(briefing, LETTER, MARGINS_MM, session.fonts.family)
    chart = next(b for b in briefing.blocks if b.kind == "chart")
    image = QImage.fromData(chart_png(page, chart, 150, 50))
    assert (image.width(), image.height()) == (round(150 / 25.4 * CHART_DPI), round(50 / 25.4 * CHART_DPI))
    assert image.dotsPerMeterX() == pytest.approx(CHART_DPI / 0.0254, rel=0.01)
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(0, image.width(), 4)}
    assert QColor("white").name() in colours and len(colours) > 2  # bars, labels and the page between


def test_paper_and_margins_are_the_page_setups(session: Session, report: Report, tmp_path: Path) -> None:
    margins = QMarginsF(25, 20, 18, 22)
    out = tmp_path / "letter.docx"
    write_docx(out, report_briefing(report), LETTER, margins, session.fonts.family)
    section = docx.Document(str(out)).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((215.9, 279.4), abs=0.2)
    assert (section.left_margin.mm, section.right_margin.mm) == pytest.approx((25, 18), abs=0.2)
    assert section.header_distance.mm == pytest.approx(20, abs=0.2)  # the header band inside the top margin
    assert section.footer_distance.mm == pytest.approx(22, abs=0.2)
    assert section.top_margin.mm > 20 + 5 and section.bottom_margin.mm > 22 + 5  # the body below and above it


def test_an_official_briefing_names_its_faces_for_east_asian_text(
    session: Session, report: Report, tmp_path: Path
) -> None:
    briefing = apply_options(report_briefing(report), BriefingOptions(style="official", unit="县委办公室"))
    out = tmp_path / "official.docx"
    write_docx(out, briefing, A4, MARGINS_MM, session.fonts.family, "Some Serif CJK")
    styles = docx.Document(str(out)).styles

    def east_asian(name: str) -> str:
        return styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asian("Title") == "Some Serif CJK"
    assert east_asian("Heading 2") == session.fonts.family  # 黑体-like headings over the serif body
    assert east_asian("Normal") in ("Some Serif CJK", *FANGSONG_FAMILIES)
    assert "县委办公室" in _paragraphs(out)  # signed at the end


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary(
    session: Session, report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.docx"
    out.write_bytes(b"an earlier export")

    def fail(path: Path, content: object) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(briefing_export, "write_briefing_docx", fail)
    with pytest.raises(OSError):
        write_docx(out, report_briefing(report), A4, MARGINS_MM, session.fonts.family)
    assert out.read_bytes() == b"an earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_gets_the_permissions_of_a_file_the_user_creates(
    session: Session, report: Report, tmp_path: Path
) -> None:
    out = tmp_path / "b.docx"
    write_docx(out, report_briefing(report), A4, MARGINS_MM, session.fonts.family)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask  # readable by others as the umask allows


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@requires_poppler
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice not installed: no soffice to convert .docx to PDF")
@pytest.mark.timeout(300)
def test_libreoffice_sets_every_bundled_briefing_on_one_page(session: Session, report: Report, tmp_path: Path) -> None:
    briefings: dict[str, Briefing] = {"report": report_briefing(report)}
    briefings |= {section: section_briefing(report, section) for section in section_ids(report)}
    for name, briefing in briefings.items():
        write_docx(tmp_path / f"{name}.docx", briefing, A4, MARGINS_MM, session.fonts.family)
    profile = (tmp_path / "profile").as_uri()  # its own settings: never the user's, never a running soffice's
    command = [_soffice() or "", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    files = [str(tmp_path / f"{name}.docx") for name in briefings]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # soffice is not a Qt program here
    subprocess.run([*command, "--outdir", str(tmp_path), *files], check=True, capture_output=True, timeout=240, env=env)
    assert {name: pages(tmp_path / f"{name}.pdf") for name in briefings} == dict.fromkeys(briefings, 1)
