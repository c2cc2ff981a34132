"""Settings read back as their declared type: a hand-edited or corrupt value falls back to the default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from jcviewer.settings import MAX_BRIEFINGS, MAX_NOTICES, Setting, Settings
from jcviewer.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]

DECLARED: dict[str, Setting[object]] = {name: s for name, s in vars(Settings).items() if isinstance(s, Setting)}

# A QPointF, as QSettings writes one.
POINT = "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\aQPointF\\0@\\0\\0\\0\\0\\0\\0\\0@\\b\\0\\0\\0\\0\\0\\0)"

# Values of the wrong type for a setting, as a user or another program could leave them in the INI file.
WRONG = {
    QByteArray: ["hello", "1, 2", "42", "true"],
    str: ["@ByteArray(xx)", "a, b", POINT],
    int: ["hello", "1.5", "@ByteArray(3)", "1, 2", "99999999999999999999999"],
    bool: ["maybe", "2", "@ByteArray(true)", "a, b"],
    list: ["@ByteArray(xx)", POINT],
}


def _settings_file(path: Path, entries: dict[str, str]) -> Settings:
    """An INI file written by hand (not through QSettings, which would escape what we write)."""
    groups: dict[str, list[str]] = {}
    for key, value in entries.items():
        group, name = key.split("/")
        groups.setdefault(group, []).append(f"{name}={value}")
    path.write_text("".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items()), encoding="utf-8")
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.mark.parametrize(
    ("name", "raw"), [(name, raw) for name, s in DECLARED.items() for raw in WRONG[s.kind]], ids=lambda v: str(v)
)
def test_a_value_of_the_wrong_type_reads_as_the_default(tmp_path: Path, name: str, raw: str) -> None:
    setting = DECLARED[name]
    value = getattr(_settings_file(tmp_path / "settings.ini", {setting.key: raw}), name)
    assert value == setting.default
    assert type(value) is type(setting.default)


@pytest.mark.parametrize(("name", "raw"), [("theme", "purple"), ("briefing_scope", "everything")])
def test_a_value_outside_the_declared_choices_reads_as_the_default(tmp_path: Path, name: str, raw: str) -> None:
    assert getattr(_settings_file(tmp_path / "settings.ini", {DECLARED[name].key: raw}), name) == DECLARED[name].default


def test_every_setting_round_trips_through_the_file(tmp_path: Path) -> None:
    written = {
        "geometry": QByteArray(b"\x01\x02geometry"),
        "window_state": QByteArray(b"state"),
        "splitter": QByteArray(b""),
        "last_node": "s1.p2",
        "last_file": "/tmp/report, with comma.txt",
        "recent_files": ["/a.txt"],
        "zoom": -3,
        "show_charts": False,
        "theme": "dark",
        "briefing_scope": "section",
        "page_size": "Letter",
        "page_margins": ["10", "12.5", "10", "12.5"],
        "notices_shown": ["0" * 64, "f" * 64],
        "briefing_choices": '{"a/s1": {"title": "简报, 要点", "hidden": ["chart"]}}',
    }
    assert set(written) == set(DECLARED)
    path = tmp_path / "settings.ini"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    for name, value in written.items():
        setattr(settings, name, value)
    settings.sync()
    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert {name: getattr(again, name) for name in written} == written


def test_a_window_opens_on_plain_strings_in_the_layout_settings(tmp_path: Path, make_window: WindowFactory) -> None:
    """Issue 12 item 6: ``[window] geometry=hello`` (or state, splitter) stopped the app starting."""
    settings = _settings_file(
        tmp_path / "settings.ini",
        {"window/geometry": "hello", "window/state": "hello", "window/splitter": "hello", "view/zoom": "x"},
    )
    window: MainWindow = make_window(with_settings=settings)
    assert window.isVisible()
    window.close()
    saved = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert isinstance(saved.geometry, QByteArray) and not saved.geometry.isEmpty()  # overwritten with a good one


def test_a_notice_is_remembered_once_and_only_the_latest_are_kept(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.remember_notice("a") and not settings.remember_notice("a")
    for number in range(MAX_NOTICES):
        assert settings.remember_notice(str(number))
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert len(again.notices_shown) == MAX_NOTICES and again.notices_shown[0] == str(MAX_NOTICES - 1)
    assert again.remember_notice("a")  # the oldest was let go


def test_briefing_options_are_remembered_per_key_and_only_the_latest_are_kept(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.briefing_options("a") == {}
    settings.remember_briefing_options("a", {"title": "简报"})
    for number in range(MAX_BRIEFINGS - 1):
        settings.remember_briefing_options(str(number), {"note": str(number)})
    settings.remember_briefing_options("a", {"title": "要点"})  # again: the latest
    settings.remember_briefing_options("new", {"title": "新"})
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.briefing_options("a") == {"title": "要点"} and again.briefing_options("new") == {"title": "新"}
    assert again.briefing_options("0") == {}  # the oldest was let go
    assert again.briefing_options(str(MAX_BRIEFINGS - 2)) == {"note": str(MAX_BRIEFINGS - 2)}
    again.remember_briefing_options("a", None)
    assert again.briefing_options("a") == {} and again.briefing_options("new") == {"title": "新"}


@pytest.mark.parametrize(
    "raw",
    ["{", "[]", '"text"', "[" * 100_000, '{"a": [1]}'],
    ids=["truncated", "a list", "a string", "deeply nested", "not options"],
)
def test_unreadable_briefing_options_read_as_none(tmp_path: Path, raw: str) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.briefing_choices = raw
    assert settings.briefing_options("a") == {}
    settings.remember_briefing_options("b", {"title": "简报"})  # writes a good map over it
    assert settings.briefing_options("b") == {"title": "简报"}
