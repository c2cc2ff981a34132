"""A reader's corrections to a parsed report: the format, and applying it to the model (Qt-free, no I/O).

One TOML format (docs/parsing.md, "Corrections"), read from the outline sidecar next to a report and from the
store in the user's data folder (``correction_store``). It holds anchors, never content::

    [[section]]                  # structure: which heading each run of paragraphs belongs to (``outline``)
    heading = "果园增收"
    paragraphs = ["三月的山村"]

    [[quote]]                    # a quotation, by how its paragraph and its quoted words start
    paragraph = "人大代表张三说"
    words = "报告站位高"
    drop = true                  # not a quotation; or speaker = "…" and/or role = "…"

    [[figure]]                   # a figure, by how its paragraph starts and its value as printed
    paragraph = "全年主要预期目标"
    expression = "6%左右"
    original = "GDP"             # optional: the indicator as printed, when the expression is there twice
    drop = true                  # not a target; or period = "target" | "result", indicator = "…", value = 6.5

``[[section]]`` tables apply to the page structure before the genre logic (``parse_text``); the others to the
model after it (``apply``). A correction whose anchor matches nothing is reported as a ``correction_stale``
warning and otherwise ignored. Applying twice gives the same model as applying once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from jcviewer.model.report import Metric, ParseWarning, Period, Quote, Report

PERIODS: tuple[Period, ...] = ("target", "result")


@dataclass(frozen=True)
class SidecarSection:
    """A heading (how it starts) and how each run of its paragraphs starts, in reading order."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class QuoteFix:
    """Drop a quotation, or set its speaker and/or role."""

    paragraph: str  # how the quote's paragraph starts (spaces removed)
    words: str  # how the quoted words start
    drop: bool = False
    speaker: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class FigureFix:
    """Drop a figure, move it between target and result, or set its indicator name or value."""

    paragraph: str  # how the figure's paragraph starts (spaces removed)
    expression: str  # the value as printed (``Metric.expression``)
    original: str = ""  # the indicator as printed, when the paragraph prints the expression more than once
    drop: bool = False
    period: Period | None = None
    indicator: str | None = None
    value: float | None = None


Correction = QuoteFix | FigureFix


@dataclass(frozen=True)
class Corrections:
    """Everything one report's corrections say: structure (``sections``) and the model fixes."""

    sections: tuple[SidecarSection, ...] = ()
    quotes: tuple[QuoteFix, ...] = ()
    figures: tuple[FigureFix, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sections or self.quotes or self.figures)


class CorrectionsError(ValueError):
    """A corrections file is not valid TOML or not in the corrections format."""


TABLES = ("section", "quote", "figure")


def compact(text: str) -> str:
    """``text`` without whitespace: anchors are compared this way, so layout spaces do not matter."""
    return "".join(text.split())


def parse_corrections(text: str, name: str, extra: tuple[str, ...] = ()) -> tuple[Corrections, dict[str, Any]]:
    """The corrections a TOML text holds, and its top-level ``extra`` tables (as read); CorrectionsError naming
    ``name`` and the first problem otherwise."""
    import tomllib  # only when there is a file to read: not on the window's start-up path

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CorrectionsError(f"{name}: {error}") from error
    unknown = sorted(set(data) - set(TABLES) - set(extra))
    if unknown:
        raise CorrectionsError(f"{name}: unknown table “{unknown[0]}” (expected [[section]], [[quote]], [[figure]])")
    tables = {key: data.get(key, []) for key in TABLES}
    for key, entries in tables.items():
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise CorrectionsError(f"{name}: “{key}” must be written [[{key}]]")
    corrections = Corrections(
        tuple(_section(entry, f"{name}: section {n}") for n, entry in enumerate(tables["section"], start=1)),
        tuple(_quote(entry, f"{name}: quote {n}") for n, entry in enumerate(tables["quote"], start=1)),
        tuple(_figure(entry, f"{name}: figure {n}") for n, entry in enumerate(tables["figure"], start=1)),
    )
    return corrections, {key: data[key] for key in extra if key in data}


def _section(entry: dict[str, Any], where: str) -> SidecarSection:
    heading, anchors = entry.get("heading"), entry.get("paragraphs", [])
    if (
        set(entry) - {"heading", "paragraphs"}
        or not isinstance(heading, str)
        or not isinstance(anchors, list)
        or not all(isinstance(anchor, str) and anchor.strip() for anchor in anchors)
    ):
        raise CorrectionsError(f'{where} needs heading = "…" and paragraphs = ["…"]')
    return SidecarSection(compact(heading), tuple(compact(a) for a in anchors))


def _text(entry: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not compact(value)):
        raise CorrectionsError(f'{where} needs {key} = "…"')
    return value.strip()


def _check_keys(entry: dict[str, Any], allowed: set[str], changes: set[str], where: str) -> None:
    extra = sorted(set(entry) - allowed)
    if extra:
        raise CorrectionsError(f"{where}: unknown key “{extra[0]}”")
    if not set(entry) & changes:
        raise CorrectionsError(f"{where} changes nothing (give one of {', '.join(sorted(changes))})")
    if "drop" in entry and not isinstance(entry["drop"], bool):
        raise CorrectionsError(f"{where}: drop must be true or false")


def _quote(entry: dict[str, Any], where: str) -> QuoteFix:
    _check_keys(entry, {"paragraph", "words", "drop", "speaker", "role"}, {"drop", "speaker", "role"}, where)
    return QuoteFix(
        compact(_text(entry, "paragraph", where, True) or ""),
        compact(_text(entry, "words", where, True) or ""),
        entry.get("drop", False),
        _text(entry, "speaker", where),
        _text(entry, "role", where),
    )


def _figure(entry: dict[str, Any], where: str) -> FigureFix:
    changes = {"drop", "period", "indicator", "value"}
    _check_keys(entry, {"paragraph", "expression", "original", *changes}, changes, where)
    period = entry.get("period")
    if period is not None and period not in PERIODS:
        raise CorrectionsError(f'{where}: period must be "target" or "result"')
    value = entry.get("value")
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        raise CorrectionsError(f"{where}: value must be a number")
    return FigureFix(
        compact(_text(entry, "paragraph", where, True) or ""),
        compact(_text(entry, "expression", where, True) or ""),
        compact(_text(entry, "original", where) or ""),
        entry.get("drop", False),
        period,
        _text(entry, "indicator", where),
        None if value is None else float(value),
    )


def anchor(correction: Correction) -> tuple[str, ...]:
    """What a correction is anchored to: two corrections with one anchor are about the same quote or figure."""
    if isinstance(correction, QuoteFix):
        return ("quote", correction.paragraph, correction.words)
    return ("figure", correction.paragraph, correction.expression, correction.original)


def _changes(fix: Correction) -> dict[str, Any]:
    """What ``fix`` sets (a drop, a speaker, a value…), with its anchor: merged over an older fix."""
    return {key: value for key, value in vars(fix).items() if value not in (None, False, "")}


def with_correction(corrections: Corrections, correction: Correction) -> Corrections:
    """``corrections`` with ``correction`` added, merged into one with the same anchor if there is one."""
    if isinstance(correction, QuoteFix):
        return replace(corrections, quotes=_added(corrections.quotes, correction))
    return replace(corrections, figures=_added(corrections.figures, correction))


_Fix = TypeVar("_Fix", QuoteFix, FigureFix)


def _added(fixes: tuple[_Fix, ...], new: _Fix) -> tuple[_Fix, ...]:
    result = list(fixes)
    for index, old in enumerate(fixes):
        if anchor(old) == anchor(new):
            result[index] = replace(old, **_changes(new))
            return tuple(result)
    result.append(new)
    return tuple(result)


def without_correction(corrections: Corrections, correction: Correction) -> Corrections:
    """``corrections`` without the one anchored where ``correction`` is."""
    key = anchor(correction)
    return replace(
        corrections,
        quotes=tuple(fix for fix in corrections.quotes if anchor(fix) != key),
        figures=tuple(fix for fix in corrections.figures if anchor(fix) != key),
    )


def combined(first: Corrections, then: Corrections) -> Corrections:
    """``first`` overridden by ``then``: its sections if it has any, its fixes merged over ``first``'s."""
    result = replace(first, sections=then.sections or first.sections)
    fixes: list[Correction] = [*then.quotes, *then.figures]
    for fix in fixes:
        result = with_correction(result, fix)
    return result


def to_toml(corrections: Corrections, header: dict[str, str] | None = None) -> str:
    """The corrections in the TOML format ``parse_corrections`` reads; ``header`` becomes a [report] table."""
    lines: list[str] = []
    if header:
        lines += ["[report]", *(f"{key} = {_string(value)}" for key, value in header.items()), ""]
    for section in corrections.sections:
        paragraphs = ", ".join(_string(p) for p in section.paragraphs)
        lines += ["[[section]]", f"heading = {_string(section.heading)}", f"paragraphs = [{paragraphs}]", ""]
    fixes: list[Correction] = [*corrections.quotes, *corrections.figures]
    for fix in fixes:
        lines.append("[[quote]]" if isinstance(fix, QuoteFix) else "[[figure]]")
        lines += [f"{key} = {_value(value)}" for key, value in _changes(fix).items()]
        lines.append("")
    return "\n".join(lines)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _value(value: object) -> str:
    if value is True:
        return "true"
    if isinstance(value, float):
        return repr(value)
    return _string(str(value))


def apply(report: Report, corrections: Corrections) -> Report:
    """``report`` with the quote and figure fixes applied; one ``correction_stale`` warning per fix whose
    anchor matches nothing. A drop whose paragraph is still there but whose quote or figure is not is already
    done, and says nothing (so applying twice is the same as once)."""
    starts = [(p.id, compact(p.text)) for p in report.paragraphs()]
    warnings: list[ParseWarning] = []
    quotes = _fixed_items(
        report.quotes,
        corrections.quotes,
        starts,
        _quote_matches,
        lambda q, fix: replace(q, speaker=_or(fix.speaker, q.speaker), role=_or(fix.role, q.role)),
        lambda fix: f"quote “{fix.words}…”",
        warnings,
    )
    metrics = _fixed_items(
        report.metrics,
        corrections.figures,
        starts,
        _figure_matches,
        lambda m, fix: _fixed(m, fix, report.year),
        lambda fix: f"figure “{fix.expression}”",
        warnings,
    )
    unseen = [w for w in dict.fromkeys(warnings) if w not in report.warnings]  # each reported once
    return replace(report, quotes=quotes, metrics=metrics, warnings=report.warnings + tuple(unseen))


_Item = TypeVar("_Item", Quote, Metric)


def _fixed_items(
    items: tuple[_Item, ...],
    fixes: tuple[_Fix, ...],
    starts: list[tuple[str, str]],
    matches: Callable[[_Item, _Fix], bool],
    fixed: Callable[[_Item, _Fix], _Item],
    describe: Callable[[_Fix], str],
    warnings: list[ParseWarning],
) -> tuple[_Item, ...]:
    """``items`` with each fix applied to the first item it anchors on (dropped or ``fixed``); a fix anchored on
    nothing adds a stale warning to ``warnings``, unless it is a drop whose paragraph is still there."""
    result = list(items)
    for fix in fixes:
        ids = _paragraphs(starts, fix.paragraph)
        found = next((i for i, item in enumerate(result) if item.paragraph in ids and matches(item, fix)), None)
        if found is None:
            if not (fix.drop and ids):
                warnings.append(_stale(describe(fix), fix.paragraph, ids))
        elif fix.drop:
            del result[found]
        else:
            result[found] = fixed(result[found], fix)
    return tuple(result)


def _paragraphs(starts: list[tuple[str, str]], start: str) -> list[str]:
    """The ids of the paragraphs starting with ``start``, in reading order."""
    return [paragraph_id for paragraph_id, text in starts if text.startswith(start)]


def _quote_matches(quote: Quote, fix: QuoteFix) -> bool:
    return compact(quote.text).startswith(fix.words)


def _figure_matches(metric: Metric, fix: FigureFix) -> bool:
    return compact(metric.expression) == fix.expression and (
        not fix.original or compact(metric.original) == fix.original
    )


def _or(new: str | None, old: str) -> str:
    return old if new is None else new


def _fixed(metric: Metric, fix: FigureFix, plan_year: int | None) -> Metric:
    period = fix.period or metric.period
    year = metric.year
    if fix.period and plan_year is not None:
        year = plan_year if fix.period == "target" else plan_year - 1
    value = metric.value if fix.value is None else fix.value
    return replace(metric, period=period, year=year, indicator=_or(fix.indicator, metric.indicator), value=value)


def _stale(what: str, paragraph: str, ids: list[str]) -> ParseWarning:
    where = "no paragraph starts with it any more" if not ids else "it is no longer found there"
    return ParseWarning(
        "correction_stale",
        f"correction ignored: {what} in the paragraph starting “{paragraph[:12]}…”: {where}",
        paragraph=ids[0] if ids else "",
    )


def quote_fix(report: Report, quote: Quote, **changes: Any) -> QuoteFix:
    """A fix anchored on ``quote`` of ``report`` (its paragraph's and words' first characters), e.g.
    ``quote_fix(report, q, drop=True)`` or ``quote_fix(report, q, speaker="张三")``."""
    paragraph = compact(report.paragraph(quote.paragraph).text)
    return QuoteFix(paragraph[:ANCHOR_CHARS], compact(quote.text)[:ANCHOR_CHARS], **changes)


def figure_fix(report: Report, metric: Metric, **changes: Any) -> FigureFix:
    """A fix anchored on ``metric`` of ``report`` (its paragraph's first characters, its expression and the
    indicator as printed), e.g. ``figure_fix(report, m, period="result")``."""
    paragraph = compact(report.paragraph(metric.paragraph).text)
    return FigureFix(paragraph[:ANCHOR_CHARS], compact(metric.expression), compact(metric.original), **changes)


ANCHOR_CHARS = 16
"""How many first characters of a paragraph or quotation anchor a correction made in the window."""
