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

    [[structure]]                # the page structure, one table per correction, applied in this order
    action = "line"              # what a line or paragraph is, by how it starts:
    text = "苹果满园"
    kind = "heading"             # or "caption", "body"

    [[structure]]
    action = "merge"             # a paragraph continues the one before it
    paragraph = "增收致富"

    [[structure]]
    action = "split"             # a paragraph is two: the second starts with ``at``
    paragraph = "三月的山村"
    at = "果农们忙着"

    [[structure]]
    action = "boundary"          # a heading's run starts at this paragraph
    heading = "果园增收"
    paragraph = "三月的山村"

``[[section]]`` and ``[[structure]]`` apply to the page structure before the genre logic (``parse.restructure``:
lines, merges and splits in the order made, then the outline, then boundaries); ``[[quote]]`` and ``[[figure]]``
to the model after it (``apply``). Each correction was made on the report as corrected by those before it, so
the order matters. A correction whose anchor matches nothing is reported as a ``correction_stale`` warning and
otherwise ignored; one the text already satisfies (the parser made that merge itself) says nothing. Applying
twice gives the same model as once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, fields, replace
from typing import Any, Literal, TypeVar

from jcviewer.model.report import Metric, ParseWarning, Period, Quote, Report, compact

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


LineKind = Literal["heading", "caption", "body"]
LINE_KINDS: tuple[LineKind, ...] = ("heading", "caption", "body")


@dataclass(frozen=True)
class LineFix:
    """What a line or paragraph (by how it starts) is: a heading, a photo caption or body text."""

    text: str
    kind: LineKind


@dataclass(frozen=True)
class MergeFix:
    """The paragraph starting so continues the one before it."""

    paragraph: str


@dataclass(frozen=True)
class SplitFix:
    """The paragraph starting ``paragraph`` is two; the second starts with ``at``, right after ``after`` (the
    text before the cut, which tells one place from another where ``at`` is printed twice)."""

    paragraph: str
    at: str
    after: str = ""

    def cut_in(self, text: str) -> int | None:
        """Where the cut falls in a paragraph's ``text`` (spaces removed), past its start; None if nowhere."""
        place = text.find(self.at, 1)
        while place > 0 and not text[:place].endswith(self.after):
            place = text.find(self.at, place + 1)
        return place if place > 0 else None


@dataclass(frozen=True)
class BoundaryFix:
    """The run of the heading starting ``heading`` starts at the paragraph starting ``paragraph``."""

    heading: str
    paragraph: str


StructuralFix = LineFix | MergeFix | SplitFix | BoundaryFix
Correction = QuoteFix | FigureFix | StructuralFix

ACTIONS: dict[str, type[StructuralFix]] = {
    "line": LineFix,
    "merge": MergeFix,
    "split": SplitFix,
    "boundary": BoundaryFix,
}
"""The ``action`` of a ``[[structure]]`` table, and the correction it reads as."""


@dataclass(frozen=True)
class Corrections:
    """Everything one report's corrections say: the page structure (``sections``, and ``structure`` in the
    order the reader made them; applied before the genre logic) and the model fixes (``quotes``, ``figures``,
    after it)."""

    sections: tuple[SidecarSection, ...] = ()
    quotes: tuple[QuoteFix, ...] = ()
    figures: tuple[FigureFix, ...] = ()
    structure: tuple[StructuralFix, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sections or self.fixes())

    def fixes(self) -> tuple[Correction, ...]:
        """Every correction but the sections, in the order they apply."""
        return (*self.structure, *self.quotes, *self.figures)

    @property
    def restructures(self) -> bool:
        """Whether any correction changes the page structure (so the text must be parsed again)."""
        return bool(self.sections or self.structure)


class CorrectionsError(ValueError):
    """A corrections file is not valid TOML or not in the corrections format."""


TABLES = ("section", "structure", "quote", "figure")


def parse_corrections(text: str, name: str, extra: tuple[str, ...] = ()) -> tuple[Corrections, dict[str, Any]]:
    """The corrections a TOML text holds, and its top-level ``extra`` tables (as read); CorrectionsError naming
    ``name`` and the first problem otherwise."""
    import tomllib  # only when there is a file to read: not on the window's start-up path

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CorrectionsError(f"{name}: {error}") from error
    except RecursionError as error:  # arrays or tables nested thousands deep
        raise CorrectionsError(f"{name}: nested too deeply to be corrections") from error
    unknown = sorted(set(data) - set(TABLES) - set(extra))
    if unknown:
        expected = ", ".join(f"[[{table}]]" for table in TABLES)
        raise CorrectionsError(f"{name}: unknown table “{unknown[0]}” (expected {expected})")
    tables = {key: data.get(key, []) for key in TABLES}
    for key, entries in tables.items():
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise CorrectionsError(f"{name}: “{key}” must be written [[{key}]]")

    def read(table: str, reader: Callable[[dict[str, Any], str], Any]) -> tuple[Any, ...]:
        return tuple(reader(entry, f"{name}: [[{table}]] number {n}") for n, entry in enumerate(tables[table], 1))

    corrections = Corrections(
        read("section", _section), read("quote", _quote), read("figure", _figure), read("structure", _structural)
    )
    return corrections, {key: data[key] for key in extra if key in data}


def _structural(entry: dict[str, Any], where: str) -> StructuralFix:
    """A ``[[structure]]`` table: its ``action`` and that correction's fields, each a required anchor."""
    kind = ACTIONS.get(entry.get("action"))  # type: ignore[arg-type]
    if kind is None:
        raise CorrectionsError(f"{where}: action must be one of {', '.join(f'{a!r}' for a in ACTIONS)}")
    names = {field.name: field.default is MISSING for field in fields(kind)}  # name: required
    extra = sorted(set(entry) - {"action", *names})
    if extra:
        raise CorrectionsError(f"{where}: unknown key “{extra[0]}” for action {entry['action']!r}")
    values: dict[str, Any] = {
        name: compact(_text(entry, name, where, required) or "")
        for name, required in names.items()
        if required or name in entry
    }
    if values.get("kind", "body") not in LINE_KINDS:
        raise CorrectionsError(f'{where}: kind must be "heading", "caption" or "body"')
    return kind(**values)


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
    if not {key for key in set(entry) & changes if entry[key] is not False}:  # drop = false changes nothing
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
    """What a correction is anchored to: two corrections with one anchor are about the same thing (a quote, a
    figure, a line, a merge or split, a heading's start), and the later one replaces the earlier."""
    if isinstance(correction, QuoteFix):
        return ("quote", correction.paragraph, correction.words)
    if isinstance(correction, FigureFix):
        return ("figure", correction.paragraph, correction.expression, correction.original)
    if isinstance(correction, LineFix):
        return ("line", correction.text)  # its kind is what it sets
    if isinstance(correction, BoundaryFix):
        return ("boundary", correction.heading)
    return (type(correction).__name__, *(getattr(correction, f.name) for f in fields(correction)))


def _changes(fix: Correction) -> dict[str, Any]:
    """What ``fix`` says (its anchor and what it sets: a drop, a speaker, a value…): the fields that differ from
    their defaults. An empty role is a change (it clears the role); an empty ``original`` is the default."""
    return {f.name: getattr(fix, f.name) for f in fields(fix) if getattr(fix, f.name) != f.default}


def with_correction(corrections: Corrections, correction: Correction) -> Corrections:
    """``corrections`` with ``correction`` added: a quote or figure fix merged into one with the same anchor if
    there is one; a structural one after the others (they apply in the order made), replacing one with the
    same anchor."""
    if isinstance(correction, QuoteFix):
        return replace(corrections, quotes=_added(corrections.quotes, correction))
    if isinstance(correction, FigureFix):
        return replace(corrections, figures=_added(corrections.figures, correction))
    key = anchor(correction)
    return replace(corrections, structure=(*(f for f in corrections.structure if anchor(f) != key), correction))


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
        quotes=tuple(f for f in corrections.quotes if anchor(f) != key),
        figures=tuple(f for f in corrections.figures if anchor(f) != key),
        structure=tuple(f for f in corrections.structure if anchor(f) != key),
    )


def with_corrections(corrections: Corrections, fixes: Iterable[Correction]) -> Corrections:
    """``corrections`` with each of ``fixes`` added in turn (``with_correction``)."""
    for fix in fixes:
        corrections = with_correction(corrections, fix)
    return corrections


def combined(first: Corrections, then: Corrections) -> Corrections:
    """``first`` overridden by ``then``: its sections if it has any, its fixes merged over (structural ones:
    after) ``first``'s."""
    return with_corrections(replace(first, sections=then.sections or first.sections), then.fixes())


def to_toml(corrections: Corrections, header: dict[str, str] | None = None) -> str:
    """The corrections in the TOML format ``parse_corrections`` reads; ``header`` becomes a [report] table."""
    lines: list[str] = []
    if header:
        lines += ["[report]", *(f"{key} = {_string(value)}" for key, value in header.items()), ""]
    for section in corrections.sections:
        paragraphs = ", ".join(_string(p) for p in section.paragraphs)
        lines += ["[[section]]", f"heading = {_string(section.heading)}", f"paragraphs = [{paragraphs}]", ""]
    actions = {kind: action for action, kind in ACTIONS.items()}
    for fix in corrections.fixes():
        if isinstance(fix, QuoteFix | FigureFix):
            lines.append("[[quote]]" if isinstance(fix, QuoteFix) else "[[figure]]")
        else:
            lines += ["[[structure]]", f"action = {_string(actions[type(fix)])}"]
        lines += [f"{key} = {_value(value)}" for key, value in _changes(fix).items()]
        lines.append("")
    return "\n".join(lines)


def _string(text: str) -> str:
    """A TOML basic string: a JSON string, with DEL escaped too (JSON allows it raw, TOML does not)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


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
        lambda fix: f"figure “{fix.expression}”" + (f" of “{fix.original}”" if fix.original else ""),
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
        f"correction ignored: {what} in the paragraph starting “{paragraph}”: {where}",  # whole: one per fix
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
