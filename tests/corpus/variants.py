"""Our own layout maker: extraction variants of a clean corpus text that the parser must survive.

Written independently of the corpus's make_layout.py (standard library only, deterministic from a seed). It takes a
clean text (one paragraph, heading or caption per line) and the gold heading groups and captions, and lays the text
out as a PDF text extraction might give it. Each feature is a switch of `Options`:

* `headings_in_place`: heading groups stay where they are in reading order (else they are pushed to the end);
* `captions_at_end`: photo captions are pushed to the end (else they stay in place, as their own paragraph);
* `paragraphs`: "blank" puts a blank line between paragraphs, "ideographic" starts every paragraph's first line
  with two ideographic spaces (U+3000) and has no blank line at all;
* `width`: the column widths (display units: a CJK character is 1, an ASCII character 1/2), chosen per block of
  2-5 paragraphs; lines are wrapped greedily, ASCII runs (`2024`, `6.5%`) are never split, closing punctuation
  never starts a line (it may overhang), opening brackets and quotation marks never end one;
* `furniture`: page furniture - a page header (`第3版  要闻`) at the top, and at a page break inside a paragraph
  the page number, the editors' line (`责任编辑：某某  版式：某某`) and the next page's header, then the last page
  number and editors' line at the end;
* `crlf`: CRLF line endings.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal

IDEOGRAPHIC_INDENT = "\u3000\u3000"
CLOSING = set("，。、；：？！）》」』】〕”’…—%‰·,.;:?!)]}")
OPENING = set("（《「『【〔“‘([{")
ASCII_RUN = re.compile(r"[!-~]+")  # printable ASCII without the space, kept on one line
SECTIONS = ("要闻", "综合", "经济", "时政", "专题")
NAMES = ("王丽", "张明", "李华", "陈静", "刘洋", "赵敏", "周涛", "吴昊")

NARROW = (11, 14)
MEDIUM = (15, 22)
WIDE = (24, 30)


@dataclass(frozen=True)
class Options:
    headings_in_place: bool = True
    captions_at_end: bool = False
    paragraphs: Literal["blank", "ideographic"] = "blank"
    width: tuple[int, int] = MEDIUM
    furniture: bool = False
    crlf: bool = False


@dataclass(frozen=True)
class Furniture:
    """One furniture line that was added, and the places where it must not end up inside a paragraph."""

    kind: Literal["header", "editors", "page_number"]
    text: str
    joins: tuple[str, ...] = ()  # `text` glued to the wrapped line before or after it (whitespace removed)


@dataclass(frozen=True)
class Variant:
    name: str
    options: Options
    text: str
    furniture: tuple[Furniture, ...] = field(default=())


VARIANTS: dict[str, Options] = {
    "in_place": Options(),
    "ideographic_indent": Options(paragraphs="ideographic"),
    "narrow": Options(headings_in_place=False, captions_at_end=True, width=NARROW),
    "wide": Options(paragraphs="ideographic", width=WIDE),
    "furniture_crlf": Options(headings_in_place=False, captions_at_end=True, furniture=True, crlf=True),
}


def units(text: str) -> int:
    """Display width in half units: a wide (CJK) character is 2, anything else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def tokens(text: str) -> list[str]:
    """ASCII runs as one token each, every other character on its own."""
    out: list[str] = []
    position = 0
    for match in ASCII_RUN.finditer(text):
        out += list(text[position : match.start()])
        out.append(match.group())
        position = match.end()
    return out + list(text[position:])


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Greedy wrap at `width` display units (`first_width` for the first line)."""
    lines: list[list[str]] = [[]]
    used = 0
    for token in tokens(text.strip()):
        limit = 2 * (first_width if first_width is not None and len(lines) == 1 else width)
        size = units(token)
        if lines[-1] and used + size > limit and token[0] not in CLOSING:
            carried: list[str] = []
            while len(lines[-1]) > 1 and lines[-1][-1][-1] in OPENING:
                carried.insert(0, lines[-1].pop())
            lines.append(carried)
            used = units("".join(carried))
            if token == " " and not carried:
                continue  # a space at a line break is lost, as in an extraction
        lines[-1].append(token)
        used += size
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


def _ws(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _blocks(rng: random.Random, count: int) -> list[int]:
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(rng.randint(2, 5))
    return sizes


def make_layout(
    clean: str,
    headings: list[list[str]],
    captions: list[str],
    options: Options,
    seed: int | str = 0,
) -> tuple[str, tuple[Furniture, ...]]:
    """The clean text laid out with `options`: the text and the furniture lines that were added."""
    rng = random.Random(f"jcviewer-variants:{seed}")
    heading_group = {_ws(line): k for k, group in enumerate(headings) for line in group}
    caption_texts = {_ws(c) for c in captions}

    # The clean lines as items: ("heading", lines of the group), ("caption", [line]), ("body", [line]).
    items: list[tuple[str, list[str]]] = []
    last_group: int | None = None
    for line in clean.splitlines():
        key = _ws(line)
        if not key:
            continue
        if key in heading_group:
            if items and items[-1][0] == "heading" and last_group == heading_group[key]:
                items[-1][1].append(line.strip())
            else:
                items.append(("heading", [line.strip()]))
            last_group = heading_group[key]
            continue
        last_group = None
        items.append(("caption" if key in caption_texts else "body", [line.strip()]))

    def pushed(kind: str) -> bool:
        return (kind == "heading" and not options.headings_in_place) or (kind == "caption" and options.captions_at_end)

    moved = [item for item in items if pushed(item[0])]
    flow = [item for item in items if not pushed(item[0])]

    # Column widths per block of 2-5 flowing paragraphs (headings do not count).
    paragraphs = sum(kind != "heading" for kind, _ in flow)
    widths = [w for size in _blocks(rng, paragraphs) for w in [rng.randint(*options.width)] * size]

    ideographic = options.paragraphs == "ideographic"
    # The laid-out page as chunks: each is the list of lines of one paragraph or heading group.
    chunks: list[tuple[str, list[str]]] = []
    index = 0
    for kind, lines in flow:
        if kind == "heading":
            chunks.append((kind, list(lines)))  # headings span the columns: one line each, not wrapped
            continue
        width = widths[index]
        index += 1
        wrapped = wrap(lines[0], width, width - 2)
        if ideographic:
            wrapped[0] = IDEOGRAPHIC_INDENT + wrapped[0]
        chunks.append((kind, wrapped))
    for kind, lines in moved:
        chunks.append((kind, list(lines) if kind == "heading" else wrap(lines[0], max(options.width))))

    furniture: list[Furniture] = []
    page = rng.randint(2, 8)
    section = rng.choice(SECTIONS)

    def editors() -> str:
        first, second = rng.sample(NAMES, 2)
        return f"责任编辑：{first}  版式：{second}"

    if options.furniture:
        header = f"第{page}版  {section}"
        furniture.append(Furniture("header", header))
        chunks.insert(0, ("furniture", [header]))
        # A page break inside a long body paragraph near the middle of the flow.
        candidates = [k for k, (kind, lines) in enumerate(chunks) if kind == "body" and len(lines) >= 3]
        if candidates:
            k = min(candidates, key=lambda c: abs(c - len(chunks) / 2))
            lines = chunks[k][1]
            cut = rng.randint(1, len(lines) - 2)
            number, line, next_header = str(page), editors(), f"第{page + 1}版  {section}"
            before, after = _ws(lines[cut - 1]), _ws(lines[cut])
            furniture += [
                Furniture("page_number", number, (before[-6:] + number, number + after[:6])),
                Furniture("editors", line),
                Furniture("header", next_header, (_ws(next_header) + after[:6],)),
            ]
            chunks[k] = ("body", lines[:cut] + [number, line, next_header] + lines[cut:])
            page += 1
        last = _ws(chunks[-1][1][-1])
        number = str(page)
        furniture += [Furniture("page_number", number, (last[-6:] + number,)), Furniture("editors", editors())]
        chunks.append(("furniture", [number, furniture[-1].text]))

    out: list[str] = []
    for _kind, lines in chunks:
        if out and not ideographic:
            out.append("")
        out += lines
    # A join that the clean text itself contains would be no evidence of a furniture line glued to the text.
    plain = _ws(clean)
    furniture = [replace(f, joins=tuple(j for j in f.joins if j not in plain)) for f in furniture]
    newline = "\r\n" if options.crlf else "\n"
    return newline.join(out) + newline, tuple(furniture)


def variants(
    name: str,
    clean: str,
    headings: list[list[str]],
    captions: list[str],
    seed: int = 0,
) -> dict[str, Variant]:
    """The fixed set of named variants (`VARIANTS`) of one document, deterministic from its name and `seed`."""
    out: dict[str, Variant] = {}
    for variant, options in VARIANTS.items():
        text, furniture = make_layout(clean, headings, captions, options, f"{seed}:{name}:{variant}")
        out[variant] = Variant(variant, options, text, furniture)
    return out


def with_line_ending(variant: Variant, crlf: bool) -> str:
    """The variant's text with CRLF or LF line endings (the same layout otherwise)."""
    text = variant.text.replace("\r\n", "\n")
    return text.replace("\n", "\r\n") if crlf else text


def furniture_in_body(furniture: tuple[Furniture, ...], body: list[str]) -> list[str]:
    """Furniture lines found inside body paragraphs (texts with whitespace removed): one message each."""
    found: list[str] = []
    for item in furniture:
        text = _ws(item.text)
        if item.kind == "page_number":
            hits = [p for p in body if p == text or any(join in p for join in item.joins)]
        else:
            hits = [p for p in body if text in p or any(join in p for join in item.joins)]
        found += [f"{item.kind} {item.text!r} in body paragraph {p[:24]!r}…" for p in hits]
    return found
