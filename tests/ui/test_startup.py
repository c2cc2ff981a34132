"""The window paints before anything slow: pyqtgraph, jieba, the corrections UI, the corrections format and the
notice of corrections not applied are not loaded at the first paint, nor is a scroll area's viewport looked up;
the charts and the corrections UI arrive afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parents[2] / "bench" / "startup_probe.py"


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A start-up of jcviewer's own path on a report opened before, up to the first paint and on until the charts
    arrive. A first start warms the parsed-report cache (an edited parser, as in a checkout, misses it: the parser
    then loads, with the corrections format)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    settings = tmp_path_factory.mktemp("settings")
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, str(PROBE), "jcviewer", str(settings)], env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def test_first_paint_comes_before_charts_jieba_and_the_corrections_ui_then_they_arrive(
    probe: dict[str, object],
) -> None:
    loaded = probe["loaded_at_paint"]
    assert isinstance(loaded, list)
    slow = {"pyqtgraph", "numpy", "jieba", "jcviewer.ui.corrections", "pypdfium2"}
    slow |= {"jcviewer.ui.page_view", "jcviewer.ui.page_render", "jcviewer.model.pdf.read"}
    assert not slow & set(loaded), loaded
    assert probe["charts_loaded"] is True
    assert probe["corrections_loaded"] is True  # made right after the first paint


def test_the_corrections_format_and_the_correction_notice_are_not_loaded_at_the_first_paint(
    probe: dict[str, object],
) -> None:
    # The cache key reads the store (model.correction_store) but not the format; a report whose corrections all
    # applied needs no notice.
    loaded = probe["loaded_at_paint"]
    assert isinstance(loaded, list)
    assert not {"jcviewer.model.corrections", "jcviewer.ui.correction_notices"} & set(loaded), loaded


def test_no_scroll_areas_viewport_is_looked_up_before_the_first_paint(probe: dict[str, object]) -> None:
    # The first viewport() of a scroll area costs ~20 ms: PySide6 cannot name Qt's private viewport class and
    # builds every QtWidgets class looking for it, these among them, which the window never uses.
    assert probe["unused_classes_at_paint"] == []
