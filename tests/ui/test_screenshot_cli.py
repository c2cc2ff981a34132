"""``jcviewer screenshot`` and ``jcviewer [FILE]``: the CLI side of the window (docs/cli.md)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from newspaper_pdf import PageSpec, corpus_document, typeset
from process import run_jcviewer
from PySide6.QtGui import QImage

from jcviewer.cli import with_default_command
from jcviewer.model.correction_store import add_correction
from jcviewer.model.corrections import quote_fix
from jcviewer.model.report import Report
from jcviewer.paths import user_data_folder
from jcviewer.resources import bundled_report


def jcviewer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_jcviewer(*args, cwd=cwd, unset=("QT_QPA_PLATFORM",))  # screenshot goes offscreen by itself


def test_screenshot_renders_the_window_at_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = jcviewer("screenshot", str(out), "--select", "p5.list.3", "--size", "900x600", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    shades = {image.pixelColor(x, y).lightness() // 16 for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(shades) >= 6  # text, highlights, bars: not a blank window


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "10x10"], "--size"),
        (["--select", "s99"], "--select s99: no such outline node"),
        (["missing.txt"], "missing.txt: no such file"),
        (["--page"], "--page: the report was not read from a PDF"),
    ],
)
def test_screenshot_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = jcviewer("screenshot", str(tmp_path / "shot.png"), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "shot.png").exists()


def test_screenshot_of_the_page_as_printed_shows_the_rendered_page(qapp: object, tmp_path: Path) -> None:
    page = tmp_path / "page.pdf"
    typeset([corpus_document("11")], page, PageSpec(columns=4))
    shots = {}
    for name, extra in (("text", []), ("page", ["--page"])):
        shots[name] = tmp_path / f"{name}.png"
        result = jcviewer("screenshot", str(shots[name]), str(page), "--size", "1000x700", *extra, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    text, printed = QImage(str(shots["text"])), QImage(str(shots["page"]))
    assert (printed.width(), printed.height()) == (1000, 700) and printed != text
    page = [printed.pixelColor(x, y).lightness() for x in range(320, 540) for y in range(90, 400)]  # the middle
    white, print_ = sum(1 for shade in page if shade >= 250), sum(1 for shade in page if shade < 100)
    assert white > len(page) / 2 and print_ > 600  # a white page with its print, not a "rendering…" placeholder


def test_screenshot_into_a_missing_folder(tmp_path: Path) -> None:
    result = jcviewer("screenshot", str(tmp_path / "nowhere" / "shot.png"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_a_bare_file_argument_means_open() -> None:
    assert with_default_command(["report.txt"]) == ["open", "report.txt"]
    assert with_default_command(["--lang", "en"]) == ["open", "--lang", "en"]
    assert with_default_command([]) == ["open"]
    assert with_default_command(["dump", "x.txt"]) == ["dump", "x.txt"]
    assert with_default_command(["--version"]) == ["--version"]


def test_opening_the_window_without_a_display_says_so(tmp_path: Path) -> None:
    result = run_jcviewer(cwd=tmp_path, unset=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 2
    assert result.stderr.startswith("jcviewer: error: no display") and result.stderr.count("\n") == 1


def test_screenshot_shows_the_stored_corrections_unless_told_not_to(tmp_path: Path, bundled: Report) -> None:
    report_file = tmp_path / "report.txt"
    report_file.write_bytes(bundled_report().read_bytes())
    quote = bundled.quotes[0]
    store = user_data_folder("corrections")  # the tests' throwaway data folder, which the command inherits
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(bundled, quote, speaker="某某某某"))
    node = "s3.quotes.1"
    shots = {}
    for name, extra in (("corrected", ()), ("as parsed", ("--no-corrections",))):
        out = tmp_path / f"{name}.png"
        result = jcviewer("screenshot", str(out), str(report_file), "--select", node, *extra, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        shots[name] = QImage(str(out))
    plain = tmp_path / "plain.png"
    untouched = tmp_path / "untouched.txt"
    untouched.write_bytes(bundled_report().read_bytes() + b"\n")  # another report: no corrections stored for it
    assert jcviewer("screenshot", str(plain), str(untouched), "--select", node, cwd=tmp_path).returncode == 0
    assert shots["corrected"] != shots["as parsed"]
    assert shots["as parsed"] == QImage(str(plain))
