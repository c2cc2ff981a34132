"""Which corrections of a report could not be applied, and whose they are: the sidecar's or the store's."""

from __future__ import annotations

from pathlib import Path

import pytest

from jcviewer.model.correction_problems import correction_problems, has_problems
from jcviewer.model.correction_store import add_correction, report_key
from jcviewer.model.corrections import Corrections, quote_fix, to_toml
from jcviewer.model.parse import load_report
from jcviewer.model.report import Report
from jcviewer.model.sources import sidecar_path


def _break_quote(report_file: Path, report: Report, number: int) -> None:
    """Change the report in place so that the quotation ``number`` no longer starts as it did."""
    text = report_file.read_text(encoding="utf-8")
    words = report.quotes[number].text[:3]
    assert text.count(words) == 1
    report_file.write_text(text.replace(words, "改过的话"), encoding="utf-8")


def _problems(report_file: Path, store: Path) -> list[tuple[str, bool, bool, int]]:
    report = load_report(report_file, store=store)
    found = correction_problems(report, report_file, report_file.read_bytes(), store)
    return [(p.source, p.stale, p.matches_nothing, len(p.reasons)) for p in found]


def test_a_report_whose_corrections_all_apply_has_no_problem(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], speaker="某"))
    corrected = load_report(report_file, store=store)
    assert not has_problems(corrected)
    assert correction_problems(corrected, report_file, report_file.read_bytes(), store) == []


def test_stale_stored_corrections_are_the_stores(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[0], speaker="某"))
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[2], role="某职"))
    _break_quote(report_file, report, 2)
    assert _problems(report_file, store) == [("store", True, False, 1)]


def test_stale_corrections_are_told_apart_when_both_the_sidecar_and_the_store_hold_some(
    report_file: Path, store: Path
) -> None:
    report = load_report(report_file)
    sidecar = Corrections(quotes=(quote_fix(report, report.quotes[1], speaker="甲"),))
    sidecar_path(report_file).write_text(to_toml(sidecar), encoding="utf-8")
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[2], role="某职"))
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[3], role="某职"))
    _break_quote(report_file, report, 1)
    _break_quote(report_file, report, 2)
    problems = _problems(report_file, store)
    assert problems == [("sidecar", True, True, 1), ("store", True, False, 1)]


@pytest.mark.parametrize("content", ["[[quote]\n", "[outline]\nx = 1\n"])
def test_a_garbage_sidecar_is_the_sidecars_problem_and_is_left_as_it_is(
    report_file: Path, store: Path, content: str
) -> None:
    sidecar_path(report_file).write_text(content, encoding="utf-8")
    assert _problems(report_file, store) == [("sidecar", False, False, 1)]
    assert sidecar_path(report_file).read_text(encoding="utf-8") == content


def test_a_sidecar_that_matches_nothing_may_be_another_reports(report_file: Path, store: Path) -> None:
    sidecar_path(report_file).write_text(
        '[[quote]]\nparagraph = "别的报告"\nwords = "别的话"\ndrop = true\n\n'
        '[[figure]]\nparagraph = "别的报告的第二段"\nexpression = "9%"\nperiod = "result"\n',
        encoding="utf-8",
    )
    assert _problems(report_file, store) == [("sidecar", True, True, 2)]


def test_a_garbage_store_file_is_the_stores_problem(report_file: Path, store: Path) -> None:
    store.mkdir(parents=True)
    (store / f"{report_key(report_file.read_bytes())}.toml").write_text("[[quote]\n", encoding="utf-8")
    assert _problems(report_file, store) == [("store", False, False, 1)]


def test_a_stale_structural_correction_in_the_sidecar_is_told_from_the_stores(report_file: Path, store: Path) -> None:
    report = load_report(report_file)
    sidecar_path(report_file).write_text(
        '[[structure]]\naction = "merge"\nparagraph = "别的报告的一段"\n', encoding="utf-8"
    )
    add_correction(store, report_file.read_bytes(), report_file, quote_fix(report, report.quotes[2], role="某职"))
    _break_quote(report_file, report, 2)
    assert _problems(report_file, store) == [("sidecar", True, True, 1), ("store", True, False, 1)]
