"""The parser on our own layouts of the corpus texts (tests/corpus/variants.py), not only the corpus simulator's.

Per variant (over all documents): the corpus score checks, at least VARIANT_MIN. Per document and variant: the parse
does not crash, no paragraph is lost, page furniture never ends up inside a body paragraph, and CRLF line endings give
the same dump as LF. `pytest -s` prints each variant's per-kind table.
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from corpus.scoring import (
    DocScore,
    Document,
    Dump,
    body_texts,
    document_names,
    dump,
    load_document,
    report,
    score_dump,
    tally,
    whereabouts,
    ws,
)
from corpus.variants import VARIANTS, Variant, furniture_in_body, variants, with_line_ending

VARIANT_MIN = 0.90  # share of the score checks passed over all documents, per variant
SEED = 0

# (document, variant) pairs whose paragraphs the parser loses from the body today (wrapped lines taken for headings,
# paragraphs split at a line that starts with “): xfail, not strict, so a fix shows as XPASS. Remove them as they pass.
KNOWN_LOST: set[tuple[str, str]] = {
    ("01-xupu-county-economic-conference-discussion", "furniture_crlf"),
    ("02-zhenfeng-county-npc-deputy-reactions", "narrow"),
    ("03-jiulongpo-district-q3-economic-meeting", "ideographic_indent"),
    ("03-jiulongpo-district-q3-economic-meeting", "furniture_crlf"),
    ("04-jiangmen-npc-deputies-on-work-report", "furniture_crlf"),
    ("05-dongguan-party-congress-trillion-gdp", "furniture_crlf"),
    ("06-ningxia-2026-work-report-excerpt", "in_place"),
    ("06-ningxia-2026-work-report-excerpt", "ideographic_indent"),
    ("06-ningxia-2026-work-report-excerpt", "furniture_crlf"),
    ("07-xinjiang-2026-work-report-targets", "in_place"),
    ("07-xinjiang-2026-work-report-targets", "ideographic_indent"),
    ("07-xinjiang-2026-work-report-targets", "narrow"),
    ("08-shenzhen-h1-2022-economy", "furniture_crlf"),
    ("09-city-gdp-race-2021", "narrow"),
    ("10-sub-provincial-cities-h1-2021", "narrow"),
    ("10-sub-provincial-cities-h1-2021", "furniture_crlf"),
    ("11-fujian-h1-2022-gdp-ranking", "narrow"),
    ("11-fujian-h1-2022-gdp-ranking", "furniture_crlf"),
}

NAMES = document_names()
CASES = [(name, variant) for name in NAMES for variant in VARIANTS]
LOSSLESS_CASES = [
    pytest.param(
        name,
        variant,
        marks=pytest.mark.xfail(strict=False, reason="the parser loses a paragraph from the body on this layout today"),
    )
    if (name, variant) in KNOWN_LOST
    else (name, variant)
    for name, variant in CASES
]


@functools.cache
def _variants(name: str) -> dict[str, Variant]:
    document = load_document(name)
    return variants(name, document.clean, document.heading_groups, document.captions, SEED)


@functools.cache
def _dump(name: str, variant: str, crlf: bool = False) -> Dump:
    return dump(with_line_ending(_variants(name)[variant], crlf), f"{name}.{variant}.txt")


def _score(document: Document, variant: str) -> DocScore:
    return score_dump(_dump(document.name, variant), document)


@pytest.mark.xfail(
    strict=False,
    reason="the parser does not reach the variant goal yet (headings and placement fail on every variant when this "
    "test was written); the parser owner removes this mark when it does",
)
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variant_score(variant: str) -> None:
    if not NAMES:
        pytest.skip("the shared corpus is missing (../shared/corpus)")
    scores = [_score(load_document(name), variant) for name in NAMES]
    print(f"\n[{variant}]\n" + report(scores, title=variant, verbose=True))
    total = tally(scores)
    assert total.ratio >= VARIANT_MIN, f"{variant}: {total.passed}/{total.total} = {100 * total.ratio:.1f}%"


@pytest.mark.parametrize(("name", "variant"), LOSSLESS_CASES)
def test_no_text_lost(name: str, variant: str) -> None:
    """Every clean body paragraph's first 12 characters are in some body paragraph of the dump."""
    data = _dump(name, variant)
    body = body_texts(data)
    lost = [ws(p) for p in load_document(name).body_paragraphs() if not any(ws(p)[:12] in b for b in body)]
    assert not lost, f"{len(lost)} paragraphs not in the body: " + "; ".join(
        f"{p[:12]!r}… ({whereabouts(p, data)})" for p in lost
    )


@pytest.mark.parametrize(("name", "variant"), [(n, v) for n, v in CASES if VARIANTS[v].furniture])
def test_furniture_not_in_body(name: str, variant: str) -> None:
    """The page header, the editors' line and the page number never end up inside a body paragraph."""
    furniture = _variants(name)[variant].furniture
    assert furniture, "the variant has no furniture to test"
    found = furniture_in_body(furniture, body_texts(_dump(name, variant)))
    assert not found, "; ".join(found)


@pytest.mark.parametrize(("name", "variant"), CASES)
def test_crlf_same_as_lf(name: str, variant: str) -> None:
    assert _dump(name, variant, crlf=True) == _dump(name, variant, crlf=False)


@pytest.mark.parametrize("name", NAMES)
def test_variants_keep_every_character(name: str) -> None:
    """Our layout maker itself loses nothing: every variant has the clean text's characters plus the furniture's."""
    document = load_document(name)
    for variant in _variants(name).values():
        added = "".join(f.text for f in variant.furniture)
        assert Counter(ws(variant.text)) == Counter(ws(document.clean) + ws(added)), variant.name


def test_variants_are_deterministic() -> None:
    if not NAMES:
        pytest.skip("the shared corpus is missing (../shared/corpus)")
    document = load_document(NAMES[0])
    again = variants(document.name, document.clean, document.heading_groups, document.captions, SEED)
    assert {k: v.text for k, v in again.items()} == {k: v.text for k, v in _variants(document.name).items()}
    other = variants(document.name, document.clean, document.heading_groups, document.captions, SEED + 1)
    assert {k: v.text for k, v in other.items()} != {k: v.text for k, v in again.items()}
