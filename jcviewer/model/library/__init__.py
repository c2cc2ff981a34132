"""The library: a catalogue of reports kept in the user's data folder (Qt-free; docs/library.md)."""

from __future__ import annotations

from pathlib import Path

from jcviewer.model.library.catalogue import EDITABLE, Catalogue, CorruptLibraryError, Entry
from jcviewer.model.library.schema import SCHEMA_VERSION, LibraryError

__all__ = [
    "EDITABLE",
    "SCHEMA_VERSION",
    "Catalogue",
    "CorruptLibraryError",
    "Entry",
    "LibraryError",
    "default_folder",
]


def default_folder() -> Path:
    """The library's folder in the user's data folder (``$XDG_DATA_HOME/jcviewer/jcviewer/library`` on Linux)."""
    from jcviewer.paths import user_data_folder

    return user_data_folder("library")
