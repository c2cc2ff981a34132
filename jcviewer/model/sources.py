"""The files a report is made from: its text, and the outline sidecar next to it (see docs/parsing.md)."""

from __future__ import annotations

from pathlib import Path

SIDECAR_SUFFIX = ".outline.toml"


def sidecar_path(report_path: Path) -> Path:
    """Where the outline sidecar of a report lives: ``name.txt`` → ``name.outline.toml``."""
    return report_path.with_name(report_path.stem + SIDECAR_SUFFIX)
