"""The reader's choices for a briefing (Qt-free): what goes in, in which order, and the head's wording.

The briefing editor (File ▸ Compose Briefing…) and ``jcviewer brief --title --unit --date --blocks`` both make a
``BriefingOptions`` and ``apply_options`` it to the briefing the model chose. Parts are named by key: "title" and
"head" (always on top, but may be left out), every block kind ("targets", "quote" for all the quotes, …) and
"note" (the reader's own text). Options are remembered per report as a plain dict (``to_dict``/``from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, get_args

from jcviewer.model.briefing import BLOCKS, Block, Briefing, Style, block_priority

HEAD_PARTS = ("title", "head")
PARTS: tuple[str, ...] = (*HEAD_PARTS, *BLOCKS)
"""Every part a briefing may have, in the default order."""
MAX_TEXT = 2000  # characters of a title, unit, date, mark or note kept from a settings file or the command line


@dataclass(frozen=True)
class BriefingOptions:
    """What the reader changed; the defaults change nothing.

    ``order`` lists part keys in the order wanted (parts it does not name follow in their usual order);
    ``hidden`` lists the parts left out. Empty ``title``/``unit``/``date`` keep what the report says.
    """

    title: str = ""
    unit: str = ""
    date: str = ""
    note: str = ""
    mark: str = ""
    style: Style = "standard"
    order: tuple[str, ...] = ()
    hidden: frozenset[str] = field(default_factory=frozenset)

    def to_dict(self) -> dict[str, Any]:
        """The options as JSON-able values (for the settings store)."""
        return {
            "title": self.title,
            "unit": self.unit,
            "date": self.date,
            "note": self.note,
            "mark": self.mark,
            "style": self.style,
            "order": list(self.order),
            "hidden": sorted(self.hidden),
        }

    @classmethod
    def from_dict(cls, data: object) -> BriefingOptions:
        """Options from ``to_dict``'s output; anything malformed (a hand-edited file) reads as the default."""
        if not isinstance(data, dict):
            return cls()

        def text(key: str) -> str:
            value = data.get(key, "")
            return value[:MAX_TEXT] if isinstance(value, str) else ""

        def keys(key: str) -> tuple[str, ...]:
            value = data.get(key, [])
            return tuple(k for k in value if k in PARTS) if isinstance(value, list) else ()

        style: Style = data["style"] if data.get("style") in get_args(Style) else "standard"
        return cls(
            title=text("title"),
            unit=text("unit"),
            date=text("date"),
            note=text("note"),
            mark=text("mark"),
            style=style,
            order=tuple(dict.fromkeys(keys("order"))),
            hidden=frozenset(keys("hidden")),
        )


def parts_of(briefing: Briefing) -> list[str]:
    """The parts ``briefing`` has, in its order: the head parts, its block kinds (each once), and "note"."""
    kinds = [b.kind for b in briefing.blocks if b.kind != "note"]
    return [*HEAD_PARTS, *dict.fromkeys(kinds), "note"]


def only(keys: list[str]) -> BriefingOptions:
    """Options that keep just ``keys``, in that order (``--blocks targets,quote``); ValueError naming an unknown
    key."""
    unknown = [k for k in keys if k not in PARTS]
    if unknown:
        raise ValueError(f"unknown part {unknown[0]!r} (parts: {', '.join(PARTS)})")
    return BriefingOptions(order=tuple(dict.fromkeys(keys)), hidden=frozenset(PARTS) - set(keys))


def apply_options(briefing: Briefing, options: BriefingOptions) -> Briefing:
    """``briefing`` as the reader wants it: head wording replaced, the note added, parts left out and the blocks
    in the reader's order."""
    blocks = list(briefing.blocks)
    if options.note.strip():
        note = tuple(line for line in options.note.strip().splitlines() if line.strip())
        blocks.append(Block("note", block_priority("note", "report"), lines=note))  # never dropped
    place = {key: number for number, key in enumerate([*options.order, *(k for k in PARTS if k not in options.order)])}
    kept = sorted((b for b in blocks if b.kind not in options.hidden), key=lambda b: place[b.kind])
    return replace(
        briefing,
        title=options.title.strip() or briefing.title,
        unit=options.unit.strip() or briefing.unit,
        date=options.date.strip() or briefing.date,
        mark=options.mark.strip(),
        style=options.style,
        blocks=tuple(kept),
        unlisted_quotes=0 if "quote" in options.hidden else briefing.unlisted_quotes,  # the reader left them all out
        show_title="title" not in options.hidden,
        show_head="head" not in options.hidden,
    )
