"""PySide6 6.12.0 returned None from every void method without a reference: on Python 3.11, where None is
mortal, a few thousand calls crash the app ("none_dealloc"). pyproject excludes that release; this test
catches any release with the same defect."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel("交城")
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setObjectName("label")
        label.update()
    gc.collect()
    assert sys.getrefcount(None) >= before - 50  # a leak-free build stays put; the broken one drops by 1,000
