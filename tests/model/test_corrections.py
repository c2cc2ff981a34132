"""The corrections format and its application to the model: on corpus texts and on synthetic ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus.scoring import corpus_dir

from jcviewer.model.corrections import (
    Corrections,
    CorrectionsError,
    FigureFix,
    QuoteFix,
    SidecarSection,
    apply,
    combined,
    figure_fix,
    parse_corrections,
    quote_fix,
    to_toml,
    with_correction,
    without_correction,
)
from jcviewer.model.parse import load_report, parse_text
from jcviewer.model.report import Report


def _corpus(name: str) -> Report:
    folder = corpus_dir()
    path = next(folder.glob(f"{name}*.layout.txt"), None) if folder else None
    if path is None:
        pytest.skip(f"corpus text {name} is not there")
    return load_report(path)


def _speakers(report: Report) -> list[tuple[str, str]]:
    return [(q.speaker, q.role) for q in report.quotes]


def test_quotes_dropped_and_speaker_fixed_on_a_corpus_report() -> None:
    report = _corpus("02-")
    assert len(report.quotes) == 4
    wrong_role, false_quote = report.quotes[3], report.quotes[1]
    fixes = Corrections(
        quotes=(quote_fix(report, wrong_role, role="人大代表"), quote_fix(report, false_quote, drop=True))
    )
    corrected = apply(report, fixes)
    assert len(corrected.quotes) == 3 and false_quote not in corrected.quotes
    assert _speakers(corrected)[2] == (wrong_role.speaker, "人大代表")
    assert corrected.warnings == report.warnings  # every anchor matched: nothing to say
    again = apply(corrected, fixes)
    assert again == corrected and again.warnings == corrected.warnings


def test_figures_dropped_moved_renamed_and_revalued_on_a_corpus_report() -> None:
    report = _corpus("07-")
    targets = [m for m in report.metrics if m.period == "target"]
    first, second, third = targets[:3]
    fixes = Corrections(
        figures=(
            figure_fix(report, first, drop=True),
            figure_fix(report, second, period="result"),
            figure_fix(report, third, indicator="某个指标", value=8.25),
        )
    )
    corrected = apply(report, fixes)
    assert first not in corrected.metrics and len(corrected.metrics) == len(report.metrics) - 1
    moved = next(m for m in corrected.metrics if m.span == second.span and m.paragraph == second.paragraph)
    assert (moved.period, moved.year) == ("result", report.year - 1 if report.year else None)
    renamed = next(m for m in corrected.metrics if m.span == third.span and m.paragraph == third.paragraph)
    assert (renamed.indicator, renamed.value, renamed.expression) == ("某个指标", 8.25, third.expression)
    assert len([m for m in corrected.metrics if m.period == "target"]) == len(targets) - 2
    assert apply(corrected, fixes) == corrected
    assert corrected.warnings == report.warnings


SYNTHETIC = (
    "县委经济工作会议召开\n\n"
    "会议提出，今年全县地区生产总值增长6%左右，固定资产投资增长10%以上。\n\n"
    "与会代表张三说：“报告站位高、措施实，我们一定抓好落实。”\n"
)


def test_an_anchor_that_no_longer_matches_is_reported_once() -> None:
    report = parse_text(SYNTHETIC, "synthetic.txt")
    assert [q.speaker for q in report.quotes] == ["张三"]
    stale = Corrections(
        quotes=(QuoteFix("与会代表张三说", "这句话不在报告里", speaker="李四"),),
        figures=(FigureFix("已经删掉的段落", "6%左右", drop=True), FigureFix("已经删掉的段落", "6%左右", drop=True)),
    )
    corrected = apply(report, stale)
    codes = [w.code for w in corrected.warnings if w.code == "correction_stale"]
    assert len(codes) == 2  # the quote's words are gone; the figure's paragraph is gone (two fixes, one warning)
    assert corrected.quotes == report.quotes and corrected.metrics == report.metrics
    quote_warning = next(w for w in corrected.warnings if "这句话" in w.message)
    assert quote_warning.paragraph == report.quotes[0].paragraph
    assert apply(corrected, stale).warnings == corrected.warnings  # not repeated when applied again


def test_a_drop_already_done_says_nothing() -> None:
    report = parse_text(SYNTHETIC, "synthetic.txt")
    drop = Corrections(quotes=(quote_fix(report, report.quotes[0], drop=True),))
    once = apply(report, drop)
    assert once.quotes == () and once.warnings == report.warnings
    assert apply(once, drop) == once and apply(once, drop).warnings == once.warnings


def test_the_format_round_trips_and_keeps_the_outline_sidecar() -> None:
    text = (
        '[[section]]\nheading = "稳字 当头"\nparagraphs = ["一月的 交城"]\n\n'
        '[[quote]]\nparagraph = "与会代表"\nwords = "报告站位高"\nspeaker = "张三"\nrole = "镇长"\n\n'
        '[[figure]]\nparagraph = "会议提出"\nexpression = "6%左右"\nperiod = "result"\nvalue = 6\n'
    )
    corrections, extra = parse_corrections(text, "x.toml")
    assert extra == {}
    assert corrections.sections == (SidecarSection("稳字当头", ("一月的交城",)),)
    assert corrections.quotes == (QuoteFix("与会代表", "报告站位高", speaker="张三", role="镇长"),)
    assert corrections.figures == (FigureFix("会议提出", "6%左右", period="result", value=6.0),)
    assert parse_corrections(to_toml(corrections), "y.toml")[0] == corrections
    header = parse_corrections(to_toml(corrections, {"sha256": "ab"}), "z.toml", ("report",))[1]
    assert header == {"report": {"sha256": "ab"}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[quote]\n", "x.toml"),
        ('[[quotes]]\nparagraph = "a"\n', "unknown table “quotes”"),
        ('[[quote]]\nparagraph = "a"\nwords = "b"\n', "changes nothing"),
        ('[[quote]]\nparagraph = "a"\nwords = "b"\ndrop = "yes"\n', "drop must be true or false"),
        ('[[quote]]\nparagraph = "a"\nwords = "b"\nspeker = "c"\n', "unknown key “speker”"),
        ('[[figure]]\nparagraph = "a"\nexpression = "6%"\nperiod = "plan"\n', "period must be"),
        ('[[figure]]\nparagraph = "a"\nexpression = "6%"\nvalue = "six"\n', "value must be a number"),
        ('[[figure]]\nparagraph = " "\nexpression = "6%"\ndrop = true\n', 'needs paragraph = "…"'),
        ("[[section]]\nheading = 1\n", 'needs heading = "…"'),
        ("quote = 3\n", "must be written [[quote]]"),
    ],
)
def test_a_malformed_file_names_its_first_problem(text: str, message: str) -> None:
    with pytest.raises(CorrectionsError, match=re.escape(message)):
        parse_corrections(text, "x.toml")


def test_adding_merges_fixes_of_one_anchor_and_removing_forgets_them() -> None:
    name = QuoteFix("段落", "话语", speaker="张三")
    role = QuoteFix("段落", "话语", role="镇长")
    other = FigureFix("段落", "6%", drop=True)
    corrections = with_correction(with_correction(with_correction(Corrections(), name), role), other)
    assert corrections.quotes == (QuoteFix("段落", "话语", speaker="张三", role="镇长"),)
    assert without_correction(corrections, QuoteFix("段落", "话语", drop=True)) == Corrections(figures=(other,))
    stored = Corrections(quotes=(QuoteFix("段落", "话语", speaker="李四"),))
    sidecar = Corrections(sections=(SidecarSection("标题", ("段落",)),), quotes=(name,))
    assert combined(sidecar, stored) == Corrections(sidecar.sections, stored.quotes)


def test_the_documented_example_reads_and_applies_to_the_bundled_report() -> None:
    from jcviewer.resources import bundled_report

    docs = (Path(__file__).resolve().parents[2] / "docs" / "parsing.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", docs, re.S)
    assert example is not None
    corrections, _ = parse_corrections(example[1], "parsing.md")
    report = load_report(bundled_report())
    corrected = apply(report, corrections)
    assert len(corrected.quotes) == len(report.quotes) - 1
    assert len(corrected.metrics) == len(report.metrics) - 1
    assert not [w for w in corrected.warnings if w.code == "correction_stale"]


def test_an_empty_role_clears_the_role_and_survives_the_format() -> None:
    report = parse_text(SYNTHETIC, "synthetic.txt")
    assert report.quotes[0].role
    cleared = Corrections(quotes=(quote_fix(report, report.quotes[0], role=""),))
    assert parse_corrections(to_toml(cleared), "x.toml")[0] == cleared
    assert apply(report, cleared).quotes[0].role == ""


def test_control_characters_survive_the_format_and_deep_nesting_is_refused() -> None:
    odd = Corrections(quotes=(QuoteFix("段落\x7f开头", "引语\x7f开头", speaker="张\x1f\x7f三"),))
    assert parse_corrections(to_toml(odd), "x.toml")[0] == odd
    with pytest.raises(CorrectionsError, match="nested too deeply"):
        parse_corrections("x = " + "[" * 100_000, "x.toml")


def test_drop_false_alone_is_refused_as_changing_nothing() -> None:
    with pytest.raises(CorrectionsError, match="changes nothing"):
        parse_corrections('[[quote]]\nparagraph = "段落"\nwords = "引语"\ndrop = false\n', "x.toml")
