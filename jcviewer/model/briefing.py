"""What goes on a one-page briefing, most important first (Qt-free; drawing is jcviewer.ui.printing's job).

A briefing is a title, a subtitle and blocks, each with a priority: when the page is too full the layout drops
the block with the highest priority number first. Block kinds say what a block is; ``BLOCKS`` holds, for every
kind, its place in the reading order, what it holds and its priorities. The layout only names the kinds in the
UI language ("2024年主要目标"), while ``heading`` carries wording taken from the report itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, overload

from jcviewer.model.briefing_text import Unit, abridgements, whole_sentences
from jcviewer.model.export import format_value
from jcviewer.model.figures import AMOUNT_UNITS, Figure, matching_amount, matching_result, target_figures
from jcviewer.model.meeting import Reporter, issuing_unit, meeting_date, reporters
from jcviewer.model.navigation import enumeration_title, reviews_results
from jcviewer.model.parse import UNHEADED_TITLE
from jcviewer.model.report import Enumeration, Metric, Quote, Report, Section, article_view, compact, latest_year

KEY_QUOTES = 3  # quotes on a whole-report briefing; the page says how many more there are
RESULT_ROWS = 12  # results on a whole-report briefing of a report without targets; the page counts the others
QUOTE_CHARS = 70  # a whole-report briefing's quotation keeps its first whole sentences up to about this

BlockKind = Literal[
    "text", "targets", "chart", "results", "tasks", "achievements", "items", "emphases", "quote", "terms", "note"
]
"""What a block is: the UI titles each kind (``items`` by its heading), the model decides the rest (``BLOCKS``)."""

BlockContent = Literal["passage", "text", "rows", "figure", "list", "quote", "words"]
"""Which fields of a Block carry its content: ``units`` (a section's text, shortened a sentence at a time when it
does not fit: ``passage_versions``); ``lines`` as paragraphs; ``rows`` (a table); ``figure`` (a chart);
``lines`` as a numbered list under an optional ``heading``; ``speaker``, ``role`` and ``lines[0]`` (a quote);
``lines`` as a run of words."""

Scope = Literal["report", "section"]
"""A briefing on the whole report, or on one section."""


@dataclass(frozen=True)
class BlockRule:
    """What the model decides for one kind of block: what it holds and its priority on each scope of briefing.

    A priority of None: the kind never appears on that briefing. A numbered kind's blocks count up from the
    priority, one per block (the second quote is dropped before the first). A kind not ``beside_whole_text``
    only repeats the section's text, so it is shown only when the text is shortened (a list's items).
    """

    content: BlockContent
    report: int | None = None
    section: int | None = None
    numbered: bool = False
    beside_whole_text: bool = True


BLOCKS: dict[BlockKind, BlockRule] = {
    "text": BlockRule("passage", report=10, section=1),
    "targets": BlockRule("rows", report=1, section=1),
    "chart": BlockRule("figure", report=3),
    "results": BlockRule("rows", report=1, section=6),
    "tasks": BlockRule("list", report=2),
    "achievements": BlockRule("list", report=4),
    "items": BlockRule("list", section=3, numbered=True, beside_whole_text=False),
    "emphases": BlockRule("list", report=8),
    "quote": BlockRule("quote", report=5, numbered=True),
    "terms": BlockRule("words", report=9),
    "note": BlockRule("text", report=0, section=0),
}
"""Every kind of block, in reading order (docs/briefing.md shows the priorities)."""

_READING_ORDER = {kind: place for place, kind in enumerate(BLOCKS)}


def block_priority(kind: BlockKind, scope: Scope, number: int = 0) -> int:
    """The priority of the ``number``-th block (from 0) of ``kind`` on a briefing of ``scope``; ValueError for a
    kind that is never on one."""
    rule = BLOCKS[kind]
    priority = rule.report if scope == "report" else rule.section
    if priority is None:
        raise ValueError(f"no {kind} block on a {scope} briefing")
    return priority + number if rule.numbered else priority


@dataclass(frozen=True)
class Row:
    """One line of a metrics table: what, how much (with ≈/≥), and the earlier result where known."""

    indicator: str
    value: str
    previous: str = ""


@dataclass(frozen=True)
class Block:
    """A unit the layout places or drops whole; ``BLOCKS[kind].content`` says which fields it fills."""

    kind: BlockKind
    priority: int
    heading: str = ""
    year: int | None = None
    lines: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    figure: Figure | None = None
    speaker: str = ""
    role: str = ""
    units: tuple[Unit, ...] = ()
    abridged: bool = False  # some of its sentences are left out, where the elision mark (……) stands
    left_out: int = 0  # a passage's sentences left out, of ``sentences``
    sentences: int = 0
    clause_cut: bool = False  # a passage's statement too long for the page ends after a clause
    unlisted: int = 0  # rows or lines the model left out (the page counts them)


Style = Literal["standard", "official"]
"""Today's look, or one like an official document (公文): centred serif title, unit and date where a 公文 puts
them."""


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing page may show.

    The head: ``title`` (and a section's ``subtitle``), the meeting (``report_title``), its ``date``, the issuing
    ``unit`` and the leaders who ``reporters`` (from the report, or set by the user), and an optional ``mark`` such
    as 内部资料. ``unlisted_quotes`` counts quotes left out by choice; ``show_title``/``show_head`` are the
    user's (the briefing editor's) choice.
    """

    title: str
    subtitle: str
    report_title: str
    source: str
    blocks: tuple[Block, ...]
    unlisted_quotes: int = 0
    date: str = ""
    unit: str = ""
    reporters: tuple[Reporter, ...] = ()
    mark: str = ""
    style: Style = "standard"
    show_title: bool = True
    show_head: bool = True


def _previous(report: Report, target: Metric) -> str:
    """The result reported for what the target measures, with last year's amount where the report gives one
    ("1%（103亿元）" for GDP growth; 全县地区生产总值 and GDP count as 地区生产总值, as in the comparison chart), or
    ""."""
    results = [m for m in report.metrics if m.period == "result" and m.value is not None]
    rate = matching_result(target, results)
    amount = matching_amount(target, results) if target.unit not in AMOUNT_UNITS else None
    shown = [format_value(m) for m in (rate, amount) if m is not None]
    return f"{shown[0]}（{shown[1]}）" if len(shown) == 2 else "".join(shown)


def _target_rows(report: Report, metrics: list[Metric]) -> tuple[Row, ...]:
    return tuple(Row(m.label, format_value(m), _previous(report, m)) for m in metrics)


def _quote_block(quote: Quote, number: int) -> Block:
    """A quotation on the whole report's briefing: its first whole sentences up to ``QUOTE_CHARS`` with the
    elision marked (……). Never cut mid-phrase."""
    text = whole_sentences(quote.text, QUOTE_CHARS)
    return Block(
        "quote",
        block_priority("quote", "report", number),
        speaker=quote.speaker,
        role=quote.role,
        lines=(text,),
        abridged=text != quote.text,
    )


def _enumeration_kind(report: Report, enumeration: Enumeration) -> BlockKind:
    if enumeration.kind == "parallel":
        return "emphases"
    return "achievements" if reviews_results(report, enumeration) else "tasks"


def report_briefing(report: Report) -> Briefing:
    """The whole report on one page: targets, chart, tasks, achievements, key quotes, emphases, terms."""
    targets = [m for m in report.metrics if m.period == "target"]
    results = [m for m in report.metrics if m.period == "result"]
    blocks: list[Block] = []
    if targets:
        priority = block_priority("targets", "report")
        blocks.append(Block("targets", priority, year=latest_year(targets), rows=_target_rows(report, targets)))
    figures = target_figures(report)
    if figures:
        blocks.append(Block("chart", block_priority("chart", "report"), year=latest_year(targets), figure=figures[0]))
    for enumeration in report.enumerations:
        kind = _enumeration_kind(report, enumeration)
        text = report.paragraph(enumeration.paragraph).text
        year = latest_year(results) if kind == "achievements" else latest_year(targets)
        blocks.append(
            Block(
                kind,
                block_priority(kind, "report"),
                heading=enumeration_title(text, enumeration),
                year=year,
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    blocks += [_quote_block(q, i) for i, q in enumerate(report.quotes[:KEY_QUOTES])]
    if report.terms:
        blocks.append(Block("terms", block_priority("terms", "report"), lines=report.terms))
    # a report without targets (a half-year analysis): its results, not a blank page
    if not targets and (table := _results(report.metrics, "report", RESULT_ROWS)):
        blocks.append(table)
    body = [s for s in report.sections if s.kind == "lead" or s.headed]
    passages = (_passage(report, s, headed=s.title != UNHEADED_TITLE) for s in body)
    units = tuple(unit for units in passages for unit in units if unit.kind != "quote")  # quotes have blocks
    if units:  # the report's own words, in what room the rest leaves (the layout shortens them to fit)
        blocks.append(Block("text", block_priority("text", "report"), units=units))
    return Briefing(
        report.title,
        "",
        report.title,
        report.source,
        tuple(sorted(blocks, key=_reading_order)),
        max(0, len(report.quotes) - KEY_QUOTES),
        **_head(article_view(report)),  # a page of several articles: the first one's (its date, its speakers)
    )


def _results(metrics: Iterable[Metric], scope: Scope, limit: int | None = None) -> Block | None:
    """The results among ``metrics`` that have a value, as a table: the first ``limit`` listed (all without one)
    and the others counted on the page; None when there are none."""
    results = [m for m in metrics if m.period == "result" and m.value is not None]
    if not results:
        return None
    rows = tuple(Row(m.label, format_value(m)) for m in results)
    shown = rows if limit is None else rows[:limit]
    priority = block_priority("results", scope)
    return Block("results", priority, year=latest_year(results), rows=shown, unlisted=len(rows) - len(shown))


def _head(report: Report) -> dict[str, Any]:
    """Who and when, for the head of any briefing on ``report``."""
    return {"date": meeting_date(report), "unit": issuing_unit(report), "reporters": reporters(report)}


def _reading_order(block: Block) -> int:
    return _READING_ORDER[block.kind]


def _passage(report: Report, section: Section, headed: bool = False) -> tuple[Unit, ...]:
    """The section's paragraphs in reading order, its sub-sections' headings among them (and its own when
    ``headed``); a paragraph that holds a quotation is a quote unit naming its (first) speaker. A node titled by
    its own one paragraph (a photo caption, a banner) gives that text once: the briefing's title, or one
    paragraph under its parent."""
    speakers: dict[str, Quote] = {}
    for quote in report.quotes:
        speakers.setdefault(quote.paragraph, quote)
    units: list[Unit] = []
    for node in section.walk():
        titled_by_text = [compact(p.text) for p in node.paragraphs] == [compact(node.title)]
        if node is section and titled_by_text:
            continue
        if (node is not section or headed) and node.title and not titled_by_text:
            units.append(Unit(node.title + (f" {node.subtitle}" if node.subtitle else ""), "heading"))
        for paragraph in node.paragraphs:
            said = speakers.get(paragraph.id)
            if said is None:
                units.append(Unit(paragraph.text))
            else:
                units.append(Unit(paragraph.text, "quote", said.speaker, said.role))
    return tuple(units)


class PassageVersions(Sequence[Block]):
    """A passage block whole, then shorter and shorter a sentence at a time (``briefing_text.abridgements``),
    each marked abridged with the count of sentences left out; each made when asked for."""

    def __init__(self, block: Block) -> None:
        self._block = block
        self._versions = abridgements(block.units)

    def __len__(self) -> int:
        return len(self._versions)

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> list[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | list[Block]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        a = self._versions[index]
        return replace(
            self._block,
            units=a.units,
            abridged=a.left_out > 0 or a.clause_cut,
            left_out=a.left_out,
            sentences=a.total,
            clause_cut=a.clause_cut,
        )


def passage_versions(block: Block) -> Sequence[Block]:
    """A passage block's versions, whole first (``PassageVersions``); [block] for any other block."""
    if BLOCKS[block.kind].content != "passage" or not block.units:
        return [block]
    return PassageVersions(block)


def section_briefing(report: Report, section_id: str) -> Briefing:
    """One section on one page: heading, summary, its lists, its metrics, its quotes. KeyError for a bad id."""
    section = report.section(section_id)
    own = {p.id for s in section.walk() for p in s.paragraphs}
    blocks = [Block("text", block_priority("text", "section"), units=_passage(report, section))]
    for number, enumeration in enumerate(e for e in report.enumerations if e.paragraph in own):
        text = report.paragraph(enumeration.paragraph).text
        blocks.append(
            Block(
                "items",
                block_priority("items", "section", number),
                heading=enumeration_title(text, enumeration),
                lines=tuple(item.title for item in enumeration.items),
            )
        )
    targets = [m for m in report.metrics if m.paragraph in own and m.period == "target"]
    if targets:
        priority = block_priority("targets", "section")
        blocks.append(Block("targets", priority, year=latest_year(targets), rows=_target_rows(report, targets)))
    if table := _results((m for m in report.metrics if m.paragraph in own), "section"):
        blocks.append(table)
    article = article_view(report, section_id)  # the meeting, date and speakers of the section's own article
    return Briefing(
        section.title,
        section.subtitle,
        article.title,
        report.source,
        tuple(sorted(blocks, key=_reading_order)),
        **_head(article),
    )


def section_ids(report: Report) -> list[str]:
    """The ids ``section_briefing`` accepts (those ``jcviewer dump`` prints), in reading order."""
    return [s.id for s in report.walk()]
