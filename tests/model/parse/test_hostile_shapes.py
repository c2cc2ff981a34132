"""Shapes that once made the parser quadratic or lossy (issue 12): bounded time, nothing lost.

The timeouts detect a blow-up (seconds grown to minutes), they are not speed goals: bench/bench_linearity.py
measures the ratios.
"""

from __future__ import annotations

import pytest
from lossless import element_characters, input_characters

from jcviewer.model.parse import parse_text

BODY = "过去一年，全县经济稳步增长，各项事业全面进步，人\n民生活持续改善，发展态势持续向好，群众满意度不\n断提高。\n"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "text",
    [
        "指标完成" * 40_000 + "x",  # once 19 s in a regex of the figures
        "预计" * 40_000,  # once 12 s
        "\n\n".join(["全面提升城市品质"] * 100_000),  # banners once popped from a list's front
    ],
    ids=["qualitative-clause", "trailing-filler", "many-banners"],
)
def test_hostile_shapes_parse_in_bounded_time_and_lose_nothing(text: str) -> None:
    report = parse_text(text)
    assert element_characters(report) == input_characters(text)


def test_a_banner_printed_twice_loses_nothing() -> None:
    text = "全面提升城市品质全面提升城市品质\n\n" + BODY
    report = parse_text(text)
    assert element_characters(report) == input_characters(text)
    assert [(c.paragraph.text, c.printed_twice) for c in report.captions] == [("全面提升城市品质", True)]
