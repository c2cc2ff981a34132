"""The reader's choices for a briefing (Qt-free): what goes in, in which order, and the head's wording.

The briefing editor (File ▸ Compose Briefing…) and ``jcviewer brief --title --unit --date --blocks`` both make a
``BriefingOptions`` and ``apply_options`` it to the briefing the model chose. Parts are named by key: "title" and
"head" (always on top, but may be left out), every block kind ("targets", "quote" for all the quotes, …) and
"note" (the reader's own text). Options are remembered per report as a plain dict (``to_dict``/``from_dict``).
Every text the reader gives is cleaned of control characters and kept to ``MAX_CHARS`` (``sanitised``), however
it comes in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from jcviewer.model.briefing import BLOCKS, Block, Briefing, Style, block_priority

HEAD_PARTS = ("title", "head")
PARTS: tuple[str, ...] = (*HEAD_PARTS, *BLOCKS)
"""Every part a briefing may have, in the default order."""

TextField = Literal["title", "unit", "date", "mark", "note"]
MAX_CHARS: dict[TextField, int] = {"title": 200, "unit": 100, "date": 100, "mark": 100, "note": 600}
"""The most characters of each text the reader gives: a longer one cannot fit on the page with the rest. The
editor stops typing there, the command line refuses more, a settings file is cut there."""
CLEARABLE: tuple[TextField, ...] = ("unit", "date")
"""The report's values the reader may blank out ("" prints none); a blank title keeps the report's (leave the
"title" part out to print none)."""

_LINE_BREAKS = re.compile(r"\r\n|[\n\v\f\r\u2028\u2029]")
_CONTROLS = r"\x00-\x09\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls but the line feed
_BIDI_OVERRIDES = r"\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates: they reorder what prints
_SURROGATES = r"\ud800-\udfff"  # bytes that are not UTF-8 on the command line: nothing a page can print
_DROPPED = re.compile(f"[{_CONTROLS}{_BIDI_OVERRIDES}{_SURROGATES}]")


def clean_text(text: str, multiline: bool = False) -> str:
    """``text`` without control characters, bidi overrides and embeddings: line breaks (LF, CR, CR LF, VT, FF,
    U+2028, U+2029) stay line breaks in a ``multiline`` text (the note) and become spaces elsewhere, as a tab does;
    the others are dropped (the PDF would show them as boxes or breaks, the .docx would leave them out)."""
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text).replace("\t", " ")
    return _DROPPED.sub("", text)


@dataclass(frozen=True)
class BriefingOptions:
    """What the reader changed; the defaults change nothing.

    ``order`` lists part keys in the order wanted (parts it does not name follow in their usual order);
    ``hidden`` lists the parts left out. ``title``, ``unit`` and ``date`` None keep what the report says; a blank
    ``unit`` or ``date`` prints none (``CLEARABLE``), a blank title keeps the report's.
    """

    title: str | None = None
    unit: str | None = None
    date: str | None = None
    note: str = ""
    mark: str = ""
    style: Style = "standard"
    order: tuple[str, ...] = ()
    hidden: frozenset[str] = field(default_factory=frozenset)

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-able values (for the settings store). A report's value kept is stored as "" (as
        before blanking existed); a value blanked out is listed under "cleared"."""
        return {
            "title": self.title or "",
            "unit": self.unit or "",
            "date": self.date or "",
            "cleared": [key for key in CLEARABLE if getattr(self, key) == ""],
            "note": self.note,
            "mark": self.mark,
            "style": self.style,
            "order": list(self.order),
            "hidden": sorted(self.hidden),
        }

    @classmethod
    def from_dict(cls, data: object) -> BriefingOptions:
        """Options from ``to_dict``'s output, its texts cleaned and cut to ``MAX_CHARS``; anything malformed (a
        hand-edited file) reads as the default."""
        if not isinstance(data, dict):
            return cls()
        cleared = data.get("cleared", [])
        cleared = set(cleared) & set(CLEARABLE) if isinstance(cleared, list) else set()

        def text(key: TextField) -> str:
            value = data.get(key, "")
            return _within_cap(value, key) if isinstance(value, str) else ""

        def report_or_own(key: TextField) -> str | None:
            value = text(key)
            if value.strip():
                return value
            return "" if key in cleared else None

        def keys(key: str) -> tuple[str, ...]:
            value = data.get(key, [])
            return tuple(k for k in value if k in PARTS) if isinstance(value, list) else ()

        style: Style = data["style"] if data.get("style") in get_args(Style) else "standard"
        return cls(
            title=report_or_own("title"),
            unit=report_or_own("unit"),
            date=report_or_own("date"),
            note=text("note"),
            mark=text("mark"),
            style=style,
            order=tuple(dict.fromkeys(keys("order"))),
            hidden=frozenset(keys("hidden")),
        )


def _within_cap(text: str, key: TextField) -> str:
    """``text`` cleaned (``clean_text``) and cut to its ``MAX_CHARS``."""
    return clean_text(text, multiline=key == "note")[: MAX_CHARS[key]]


def sanitised(options: BriefingOptions) -> BriefingOptions:
    """``options`` with every text cleaned of control characters and cut to ``MAX_CHARS``; a blank title keeps
    the report's (None)."""
    title = _within_cap(options.title, "title") if options.title is not None else None
    return replace(
        options,
        title=title if title and title.strip() else None,
        unit=_within_cap(options.unit, "unit") if options.unit is not None else None,
        date=_within_cap(options.date, "date") if options.date is not None else None,
        note=_within_cap(options.note, "note"),
        mark=_within_cap(options.mark, "mark"),
    )


def parts_of(briefing: Briefing) -> list[str]:
    """The parts ``briefing`` has, in its order: the head parts, its block kinds (each once), and "note"."""
    kinds = [b.kind for b in briefing.blocks if b.kind != "note"]
    return [*HEAD_PARTS, *dict.fromkeys(kinds), "note"]


def kept_parts(briefing: Briefing, options: BriefingOptions) -> list[str]:
    """The parts of ``briefing`` (the model's) that ``options`` keep and that have something to print (the note
    only with text), in the briefing's order: none means a blank page."""
    note = sanitised(options).note.strip()
    return [key for key in parts_of(briefing) if key not in options.hidden and (key != "note" or note)]


def only(keys: list[str]) -> BriefingOptions:
    """Options that keep just ``keys``, in that order (``--blocks targets,quote``); ValueError naming an unknown
    key."""
    unknown = [k for k in keys if k not in PARTS]
    if unknown:
        raise ValueError(f"unknown part {unknown[0]!r} (parts: {', '.join(PARTS)})")
    return BriefingOptions(order=tuple(dict.fromkeys(keys)), hidden=frozenset(PARTS) - set(keys))


def apply_options(briefing: Briefing, options: BriefingOptions) -> Briefing:
    """``briefing`` as the reader wants it (``options`` ``sanitised`` first): head wording replaced or blanked,
    the note added, parts left out and the blocks in the reader's order."""
    options = sanitised(options)
    blocks = list(briefing.blocks)
    if options.note.strip():
        note = tuple(line for line in options.note.strip().splitlines() if line.strip())
        blocks.append(Block("note", block_priority("note", "report"), lines=note))  # never dropped
    place = {key: number for number, key in enumerate([*options.order, *(k for k in PARTS if k not in options.order)])}
    kept = sorted((b for b in blocks if b.kind not in options.hidden), key=lambda b: place[b.kind])
    return replace(
        briefing,
        title=options.title.strip() if options.title else briefing.title,
        unit=briefing.unit if options.unit is None else options.unit.strip(),
        date=briefing.date if options.date is None else options.date.strip(),
        mark=options.mark.strip(),
        style=options.style,
        blocks=tuple(kept),
        unlisted_quotes=0 if "quote" in options.hidden else briefing.unlisted_quotes,  # the reader left them all out
        show_title="title" not in options.hidden,
        show_head="head" not in options.hidden,
    )
