"""Every persisted setting, declared once with its key, type and default (QSettings underneath)."""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_RECENT_FILES = 8
MAX_NOTICES = 64
MAX_BRIEFINGS = 64  # reports whose briefing choices are remembered
INT_RANGE = (-(2**31), 2**31 - 1)  # what Qt's int holds
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _as_kind(raw: object, kind: type) -> object | None:
    """``raw`` (as QSettings read it: INI files give strings) as a ``kind``, or None when it is not one.

    Strict on purpose: a hand-edited or corrupt file must not reach Qt calls with the wrong type (issue 12).
    """
    if kind is QByteArray:
        if isinstance(raw, QByteArray):
            return raw
        return QByteArray(bytes(raw)) if isinstance(raw, bytes | bytearray) else None
    if kind is str:
        return raw if isinstance(raw, str) else None
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
            return raw.strip().lower() == "true"
        return raw == 1 if isinstance(raw, int) and raw in (0, 1) else None
    if kind is int:
        number = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
        if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
            number = int(raw.strip())
        return number if number is not None and INT_RANGE[0] <= number <= INT_RANGE[1] else None
    if kind is list:
        items = [raw] if isinstance(raw, str) else raw  # an INI file writes a one-item list as a plain value
        return list(items) if isinstance(items, list) and all(isinstance(i, str) for i in items) else None
    raise TypeError(f"no reader for settings of type {kind.__name__}")


class Setting(Generic[T]):
    """A typed QSettings entry, read and written as an attribute of ``Settings``.

    Reading checks the stored value against ``kind`` (and ``choices``, when given): anything else reads as
    ``default``, so a bad settings file can never stop the app.
    """

    def __init__(self, key: str, kind: type, default: T, choices: tuple[T, ...] = ()) -> None:
        self.key, self.kind, self.default, self.choices = key, kind, default, choices
        assert _as_kind(default, kind) is not None and (not choices or default in choices), key

    @overload
    def __get__(self, owner: None, cls: type) -> Setting[T]: ...
    @overload
    def __get__(self, owner: Settings, cls: type) -> T: ...
    def __get__(self, owner: Settings | None, cls: type) -> Any:
        if owner is None:
            return self
        value = _as_kind(owner.store.value(self.key), self.kind) if owner.store.contains(self.key) else None
        if value is None or (self.choices and value not in self.choices):
            log.info("setting %s: %r is not a valid %s; using the default", self.key, value, self.kind.__name__)
            return self.fresh_default()
        return value

    def __set__(self, owner: Settings, value: T) -> None:
        owner.store.setValue(self.key, value)

    def fresh_default(self) -> T:
        """The default, copied when mutable (so no caller can change it for everyone)."""
        if isinstance(self.default, list):
            return cast(T, list(self.default))
        if isinstance(self.default, QByteArray):
            return cast(T, QByteArray(self.default))
        return self.default


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
    theme: Setting[str] = Setting("view/theme", str, "system", ("system", "light", "dark"))
    briefing_scope: Setting[str] = Setting("briefing/scope", str, "report", ("report", "section"))
    page_size: Setting[str] = Setting("briefing/pageSize", str, "A4")  # a QPageSize key: "A4", "Letter", …
    page_margins: Setting[list[str]] = Setting("briefing/marginsMm", list, [])  # left, top, right, bottom
    notices_shown: Setting[list[str]] = Setting("corrections/noticesShown", list, [])  # fingerprints, newest first
    briefing_choices: Setting[str] = Setting("briefing/choices", str, "")  # JSON {briefing key: options}, newest first

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def remember_file(self, path: str) -> None:
        """Make ``path`` the last opened file and the first of the recent files."""
        self.last_file = path
        self.recent_files = [path, *[p for p in self.recent_files if p != path]][:MAX_RECENT_FILES]

    def remember_notice(self, fingerprint: str) -> bool:
        """Remember that the notice ``fingerprint`` was shown (the latest ``MAX_NOTICES`` are kept); False when
        it had been shown already."""
        shown = self.notices_shown
        if fingerprint in shown:
            return False
        self.notices_shown = [fingerprint, *shown][:MAX_NOTICES]
        return True

    def briefing_options(self, key: str) -> dict[str, Any]:
        """The briefing options remembered under ``key`` (as ``BriefingOptions.to_dict`` gave them), or {}."""
        found = self._briefings().get(key)
        return found if isinstance(found, dict) else {}

    def remember_briefing_options(self, key: str, options: dict[str, Any] | None) -> None:
        """Remember ``options`` under ``key``, first (the latest ``MAX_BRIEFINGS`` are kept); None forgets them."""
        kept = {k: v for k, v in self._briefings().items() if k != key}
        if options is not None:
            kept = {key: options, **kept}
        self.briefing_choices = json.dumps(dict(list(kept.items())[:MAX_BRIEFINGS]), ensure_ascii=False)

    def _briefings(self) -> dict[str, Any]:
        """Every remembered briefing's options by key; {} when the stored text is not a JSON object."""
        try:
            found = json.loads(self.briefing_choices or "{}")
        except (ValueError, RecursionError):  # a hand-edited or truncated file
            log.info("setting %s is not JSON; no briefing options remembered", Settings.briefing_choices.key)
            return {}
        return found if isinstance(found, dict) else {}

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()
