"""Every persisted setting, declared once with its key, type and default (QSettings underneath)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
MAX_RECENT_FILES = 8


class Setting(Generic[T]):
    """A typed QSettings entry, read and written as an attribute of ``Settings``."""

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key, self.kind, self.default = key, kind, default

    @overload
    def __get__(self, owner: None, cls: type) -> Setting[T]: ...
    @overload
    def __get__(self, owner: Settings, cls: type) -> T: ...
    def __get__(self, owner: Settings | None, cls: type) -> Any:
        if owner is None:
            return self
        value = owner.store.value(self.key, self.default, type=self.kind)
        return self.default if value is None else value

    def __set__(self, owner: Settings, value: T) -> None:
        owner.store.setValue(self.key, value)


class Settings:
    """The app's settings over a QSettings store (the user's by default, a file in tests and screenshots)."""

    geometry: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
    window_state: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray())
    splitter: Setting[QByteArray] = Setting("window/splitter", QByteArray, QByteArray())
    last_node: Setting[str] = Setting("outline/lastNode", str, "")
    last_file: Setting[str] = Setting("files/last", str, "")
    recent_files: Setting[list[str]] = Setting("files/recent", list, [])
    zoom: Setting[int] = Setting("view/zoom", int, 0)
    show_charts: Setting[bool] = Setting("view/showCharts", bool, True)
    theme: Setting[str] = Setting("view/theme", str, "system")  # "system" | "light" | "dark"
    briefing_scope: Setting[str] = Setting("briefing/scope", str, "report")  # "report" | "section"
    page_size: Setting[str] = Setting("briefing/pageSize", str, "A4")  # a QPageSize key: "A4", "Letter", …
    page_margins: Setting[list[str]] = Setting("briefing/marginsMm", list, [])  # left, top, right, bottom

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def remember_file(self, path: str) -> None:
        """Make ``path`` the last opened file and the first of the recent files."""
        self.last_file = path
        self.recent_files = [path, *[p for p in self.recent_files if p != path]][:MAX_RECENT_FILES]

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()
