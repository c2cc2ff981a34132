"""The parser never crashes and never loses a character, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lossless import element_characters, input_characters

from jcviewer.model.parse import parse_text

_GENRE_ALPHABET = st.sampled_from(
    list("交城县委经济工作会议增长亿元一是二是三是“”，。、；：！？%.0123456789 \n\n") + ["GDP", "2024 年"]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_is_parsed_losslessly(text: str) -> None:
    report = parse_text(text)
    assert element_characters(report) == input_characters(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GENRE_ALPHABET, max_size=400).map("".join))
def test_report_like_noise_is_parsed_losslessly(text: str) -> None:
    report = parse_text(text)
    assert element_characters(report) == input_characters(text)
    for quote in report.quotes:
        paragraph = report.paragraph(quote.paragraph).text
        assert paragraph[quote.span[0] : quote.span[1]] == quote.text
    for metric in report.metrics:
        assert report.paragraph(metric.paragraph).text[metric.span[0] : metric.span[1]] == metric.expression
