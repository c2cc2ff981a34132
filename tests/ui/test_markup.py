"""Report text in tooltips is shown as typed: Qt never reads it as markup."""

from __future__ import annotations

import pytest
from PySide6.QtGui import Qt, QTextDocument

from jcviewer.ui.markup import plain_tooltip


@pytest.mark.parametrize(
    "text",
    [
        "<h1>大标题</h1>",
        "会议指出，<b>加粗</b>与<img src=x>都只是文字。",
        "A & B &amp; C < D > E",
        "第一行\n<i>第二行</i>\n第三行",
    ],
)
def test_a_tooltip_shows_the_text_as_typed(text: str) -> None:
    tooltip = plain_tooltip(text)
    assert Qt.mightBeRichText(tooltip)  # Qt does not guess: it is always read as rich text …
    document = QTextDocument()
    document.setHtml(tooltip)
    assert document.toPlainText() == text  # … that shows the characters, line by line
    assert "<img" not in document.toHtml()


def test_each_line_is_its_own_paragraph_without_a_margin() -> None:
    document = QTextDocument()
    document.setHtml(plain_tooltip("甲\n乙\n丙"))
    assert document.blockCount() == 3
    assert all(document.findBlockByNumber(n).blockFormat().topMargin() == 0 for n in range(3))
