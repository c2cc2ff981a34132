"""The briefing page's wording: every kind of block the model can make has a title in the UI."""

from __future__ import annotations

from html import escape
from typing import get_args

import pytest

from jcviewer.app import Session
from jcviewer.model.briefing import BLOCKS, Block, BlockKind, Briefing, Row
from jcviewer.ui.printing import Fitted, block_title, briefing_html

KINDS = get_args(BlockKind)


@pytest.mark.parametrize("kind", KINDS)
def test_every_block_kind_has_a_title(session: Session, kind: BlockKind) -> None:
    undated = block_title(Block(kind, 1, heading="<清单>"))
    dated = block_title(Block(kind, 1, heading="<清单>", year=2024))
    assert undated and dated
    if kind == "items":  # a list of a section is titled by its own heading, from the report
        assert undated == dated == "<清单>"
    else:
        assert "清单" not in undated  # the UI's own wording
        assert dated == undated or "2024" in dated  # a dated title names its year


def test_a_page_with_one_block_of_each_kind_shows_every_title(session: Session) -> None:
    blocks = tuple(
        Block(kind, 1, heading="<清单>", lines=("第一行",), rows=(Row("指标", "≈6%"),), speaker="某人")
        for kind in BLOCKS
    )
    briefing = Briefing("标题", "", "标题", "x.txt", blocks)
    html = briefing_html(briefing, Fitted(10.0, blocks, ""), (100.0, 50.0))
    for block in blocks:
        assert escape(block_title(block)) in html, block.kind
