"""Encodings are detected; bad files get a specific ReportError and are never modified."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jcviewer.model.errors import ReportError
from jcviewer.model.parse import load_report, parse_text
from jcviewer.resources import bundled_report


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_encodings_give_the_same_report(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = bundled_report().read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + text.replace("\n", "\r\n").encode(encoding))
    report = load_report(path)
    reference = parse_text(text, path.name)  # no sidecar beside the copy
    assert [p.text for p in report.paragraphs()] == [p.text for p in reference.paragraphs()]
    assert report.quotes == reference.quotes


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b" \n\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "encoding"),
        (b"\x81", "encoding"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    assert caught.value.reason == reason
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content  # never changes the user's file


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as missing:
        load_report(tmp_path / "nope.txt")
    assert missing.value.reason == "missing"
    with pytest.raises(ReportError) as directory:
        load_report(tmp_path)
    assert directory.value.reason == "not_a_file"
