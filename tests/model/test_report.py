"""The model's vocabularies are the ones the JSON schema documents: a kind added to one is added to the other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest

from jcviewer.model.report import BannerPosition, EnumerationKind, Period, Qualifier, SectionKind, WarningCode

SCHEMA = Path(__file__).parents[2] / "docs" / "json-schema.md"


def _table_values(field: str, heading: str) -> set[str]:
    """The backquoted values in the row of ``field`` in the table under ``## heading``."""
    section = SCHEMA.read_text(encoding="utf-8").split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith(f"| `{field}` |"))
    return set(re.findall(r"`([a-z_]+)`", row.split("|")[2])) - {"null"}


def _example_values(field: str) -> set[str]:
    """The values of ``field`` in an example written ``"field": "a" | "b"``."""
    match = re.search(rf'"{field}": ((?:"[a-z_]+"(?: \| )?)+)', SCHEMA.read_text(encoding="utf-8"))
    assert match, field
    return set(re.findall(r'"([a-z_]+)"', match[1]))


@pytest.mark.parametrize(
    ("vocabulary", "documented"),
    [
        (SectionKind, lambda: _table_values("kind", "Section")),
        (Qualifier, lambda: _table_values("qualifier", "Metric")),
        (Period, lambda: _table_values("period", "Metric")),
        (WarningCode, lambda: _table_values("code", "Warning (schema 2)")),
        (BannerPosition, lambda: _example_values("position")),
        (EnumerationKind, lambda: _example_values("kind")),
    ],
    ids=["section kind", "qualifier", "period", "warning code", "banner position", "enumeration kind"],
)
def test_each_vocabulary_is_the_documented_one(vocabulary: Any, documented: Any) -> None:
    values = get_args(vocabulary)
    assert len(set(values)) == len(values)
    assert set(values) == documented()
