"""A process that sees no CJK font, as on a bare Linux desktop: fontconfig limited to DejaVu Sans."""

from __future__ import annotations

import os
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def latin_only_env(folder: Path) -> dict[str, str]:
    """The environment (this one's, offscreen) of a process whose fontconfig sees only the DejaVu fonts; its
    configuration and cache are written in ``folder``."""
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{DEJAVU}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
