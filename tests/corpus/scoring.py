"""Score our parser on the shared corpus, in-process.

The checks are the corpus's own: `score(dump, gold, clean_lines)` is imported from ../shared/corpus/tools/score.py by
path (not copied), and the dump is what `jcviewer dump --format json` prints (`to_json`, through a JSON round trip),
made here without a subprocess.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import pytest

from jcviewer.model.export import to_json
from jcviewer.model.parse import parse_text

REPO = Path(__file__).resolve().parents[2]
CORPUS_ENV = "JCVIEWER_CORPUS"  # overrides the corpus folder (default: <repo>/../shared/corpus)
NOT_BODY = ("captions", "caption", "banners", "banner")  # section kinds score.py leaves out of the body

Dump = dict[str, Any]
ScoreFunction = Callable[[Dump, dict[str, Any], list[str]], list[tuple[str, bool, str]]]


class Check(NamedTuple):
    kind: str
    passed: bool
    message: str


@dataclass(frozen=True)
class Document:
    """One corpus document: its clean text, the layout text (the parser's input) and the gold."""

    name: str
    clean: str
    layout: str
    gold: dict[str, Any]

    @property
    def clean_lines(self) -> list[str]:
        return self.clean.splitlines()

    @property
    def heading_groups(self) -> list[list[str]]:
        return [g if isinstance(g, list) else [g] for g in self.gold.get("headings") or []]

    @property
    def captions(self) -> list[str]:
        return list(self.gold.get("captions") or [])

    def body_paragraphs(self) -> list[str]:
        """The clean file's body paragraphs: its lines that are neither headings nor captions."""
        skip = {ws(line) for group in self.heading_groups for line in group} | {ws(c) for c in self.captions}
        return [line for line in self.clean_lines if ws(line) and ws(line) not in skip]


@dataclass(frozen=True)
class DocScore:
    name: str
    checks: tuple[Check, ...]

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    @property
    def total(self) -> int:
        return len(self.checks)

    def failures(self) -> list[str]:
        return [f"{c.kind}: {c.message}" for c in self.checks if not c.passed]


@dataclass(frozen=True)
class Tally:
    """Per-kind and overall totals over several documents."""

    by_kind: dict[str, tuple[int, int]]  # kind -> (passed, total)
    passed: int
    total: int

    @property
    def ratio(self) -> float:
        return self.passed / self.total if self.total else 0.0

    def kind_ratio(self, kind: str) -> float:
        """The share of ``kind``'s checks passed; KeyError when the scorer made none (a renamed kind must not
        pass a threshold unseen)."""
        passed, total = self.by_kind[kind]
        return passed / total

    def table(self, title: str = "corpus") -> str:
        width = max([len(k) for k in self.by_kind] + [len(title)])
        rows = [f"{kind:<{width}}  {p:>4}/{t:<4} {100 * p / t:6.1f}%" for kind, (p, t) in sorted(self.by_kind.items())]
        rows.append(f"{title:<{width}}  {self.passed:>4}/{self.total:<4} {100 * self.ratio:6.1f}%")
        return "\n".join(rows)


def ws(value: object) -> str:
    """Text with all whitespace removed (how score.py compares texts)."""
    return re.sub(r"\s+", "", str(value or ""))


def corpus_dir() -> Path | None:
    folder = Path(os.environ.get(CORPUS_ENV) or REPO.parent / "shared" / "corpus")
    return folder if (folder / "tools" / "score.py").is_file() and any(folder.glob("*.gold.json")) else None


def require_corpus() -> Path:
    """The corpus folder, or skip the calling test when it is missing (CI always has it)."""
    folder = corpus_dir()
    if folder is None:
        pytest.skip(f"the shared corpus is missing (expected at {REPO.parent / 'shared' / 'corpus'} or ${CORPUS_ENV})")
    return folder


def document_names() -> list[str]:
    """Names of the corpus documents (empty when the corpus is missing: the tests then skip)."""
    folder = corpus_dir()
    return [] if folder is None else sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))


@functools.cache
def load_document(name: str) -> Document:
    folder = require_corpus()
    return Document(
        name=name,
        clean=(folder / f"{name}.clean.txt").read_text(encoding="utf-8"),
        layout=(folder / f"{name}.layout.txt").read_text(encoding="utf-8"),
        gold=json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8")),
    )


@functools.cache
def _score_module() -> ModuleType:
    path = require_corpus() / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("corpus_tools_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_function() -> ScoreFunction:
    function: ScoreFunction = _score_module().score
    return function


def dump(text: str, source: str) -> Dump:
    """What `jcviewer dump FILE --format json` prints for this text, parsed in-process."""
    data: Dump = json.loads(json.dumps(to_json(parse_text(text, source)), ensure_ascii=False))
    return data


def sections(data: Dump) -> list[dict[str, Any]]:
    """Every section of the dump, children included, in document order."""
    out: list[dict[str, Any]] = []

    def walk(items: Iterable[dict[str, Any]] | None) -> None:
        for section in items or []:
            out.append(section)
            walk(section.get("children"))

    walk(data.get("sections"))
    return out


def body_texts(data: Dump) -> list[str]:
    """The dump's body paragraphs (captions and banners left out, as score.py does), whitespace removed."""
    return [
        ws(p.get("text")) for s in sections(data) if s.get("kind") not in NOT_BODY for p in s.get("paragraphs") or []
    ]


def section_titles(data: Dump) -> list[str]:
    return [ws(s.get("title")) + ws(s.get("subtitle")) for s in sections(data)]


def whereabouts(text: str, data: Dump) -> str:
    """Where the start of a text (whitespace removed) is in the dump, for failure messages."""
    start = text[:12]
    places = [
        kind
        for kind, texts in (
            ("body", body_texts(data)),
            ("section title", section_titles(data)),
            ("caption", [ws(c.get("text")) for c in data.get("captions") or []]),
            ("banner", [ws(b.get("text")) for b in data.get("banners") or []]),
        )
        if any(start in t for t in texts)
    ]
    return "start in " + ", ".join(places) if places else "start found nowhere"


def score_dump(data: Dump, document: Document) -> DocScore:
    checks = score_function()(data, document.gold, document.clean_lines)
    return DocScore(document.name, tuple(Check(*c) for c in checks))


def score_text(text: str, document: Document, source: str | None = None) -> DocScore:
    """Parse `text` (the layout of `document`, or a variant of it) and score it against the document's gold."""
    try:
        data = dump(text, source or f"{document.name}.layout.txt")
    except Exception as error:  # a crash is a failed check, like a failed `jcviewer dump`
        return DocScore(document.name, (Check("dump", False, f"parse failed: {error!r}"),))
    return score_dump(data, document)


def tally(scores: Sequence[DocScore]) -> Tally:
    by_kind: dict[str, tuple[int, int]] = {}
    for doc in scores:
        for check in doc.checks:
            passed, total = by_kind.get(check.kind, (0, 0))
            by_kind[check.kind] = (passed + check.passed, total + 1)
    return Tally(by_kind, sum(d.passed for d in scores), sum(d.total for d in scores))


def score_corpus() -> list[DocScore]:
    """Every corpus document's layout file, parsed and scored."""
    return [score_text(doc.layout, doc) for doc in map(load_document, document_names())]


def report(scores: Sequence[DocScore], title: str = "corpus", verbose: bool = False) -> str:
    """Per-document lines, then the per-kind table and the total."""
    lines = []
    for doc in scores:
        lines.append(f"{doc.name}: {doc.passed}/{doc.total}")
        if verbose:
            lines += [f"    FAIL {f}" for f in doc.failures()]
    lines.append(tally(scores).table(title))
    return "\n".join(lines)
