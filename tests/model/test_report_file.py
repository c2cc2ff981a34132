"""What a report path is, is decided before a byte is read: pipes, devices, folders and huge files are refused."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from process import run_jcviewer

from jcviewer.model.errors import ReportError
from jcviewer.model.parse import load_report
from jcviewer.model.report_data import report_from_json, report_to_json
from jcviewer.model.report_file import MAX_PDF_BYTES, MAX_REPORT_BYTES, read_report_bytes
from jcviewer.resources import bundled_report

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@posix_only
@pytest.mark.timeout(20)
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReportError) as error:
        load_report(fifo)
    assert error.value.reason == "not_a_file"


@posix_only
@pytest.mark.timeout(20)
def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(ReportError) as error:
        read_report_bytes(Path("/dev/zero"))
    assert error.value.reason == "not_a_file"


@pytest.mark.timeout(20)
def test_a_huge_file_is_refused_from_its_size_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "big.txt"
    with huge.open("wb") as stream:
        stream.truncate(3 * 1024**3)  # sparse: 3 GB that would take seconds and gigabytes to read
    with pytest.raises(ReportError) as error:
        load_report(huge)
    assert error.value.reason == "too_large"
    just_over = tmp_path / "over.txt"
    just_over.write_bytes(b"a" * (MAX_REPORT_BYTES + 1))
    with pytest.raises(ReportError, match="larger than 2 MB"):
        load_report(just_over)


def test_a_pdf_larger_than_a_text_may_be_is_read_whatever_its_name(tmp_path: Path) -> None:
    pdf = b"%PDF-1.7\n" + b"%" * (MAX_REPORT_BYTES + 10)  # a PDF's size, found one by its header
    for name in ("page.pdf", "page.bin", "page"):
        (tmp_path / name).write_bytes(pdf)
        assert read_report_bytes(tmp_path / name) == pdf
    huge_pdf = tmp_path / "huge.pdf"
    with huge_pdf.open("wb") as stream:
        stream.truncate(MAX_PDF_BYTES + 1)
    with pytest.raises(ReportError, match="larger than 200 MB"):
        read_report_bytes(huge_pdf)


@posix_only
@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [("dump",), ("search", "GDP")])
def test_the_cli_refuses_a_fifo_with_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    result = run_jcviewer(*command, str(fifo), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr


def test_the_cache_format_round_trips_every_field() -> None:
    report = load_report(bundled_report())
    again = report_from_json(report_to_json(report))
    assert again == report and again.warnings == report.warnings  # warnings are not part of ==
