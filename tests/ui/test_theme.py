"""ThemeSwitcher: dark and light force Fusion with their palette and ask for the colour scheme; "system" goes back
to the look the application had before the first switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QStyleFactory

from jcviewer.ui.theme import ThemeSwitcher, dark_palette

Role = QPalette.ColorRole
SYSTEM_STYLE = "Windows"  # a stand-in for the platform's style: not Fusion, and available everywhere
SYSTEM_BASE = "#fff8e0"  # a stand-in for the platform's palette: no theme uses this colour
READABLE = 4.5  # WCAG AA contrast for body text
PAIRS = (
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.PlaceholderText, Role.Base),
)


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        channels = [c / 255 for c in (color.red(), color.green(), color.blue())]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def base(app: QApplication) -> str:
    return app.palette().color(Role.Base).name()


@pytest.fixture
def schemes(monkeypatch: pytest.MonkeyPatch) -> list[Qt.ColorScheme | None]:
    """The colour schemes asked of the platform, in order (None: back to the platform's own); the offscreen
    platform ignores the request, so it is recorded instead."""
    asked: list[Qt.ColorScheme | None] = []
    monkeypatch.setattr(QStyleHints, "setColorScheme", lambda hints, scheme: asked.append(scheme))
    monkeypatch.setattr(QStyleHints, "unsetColorScheme", lambda hints: asked.append(None))
    return asked


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application with a recognisable "system" look (style and palette); the real one comes back after."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    system = QPalette(palette)
    system.setColor(Role.Base, QColor(SYSTEM_BASE))
    qapp.setStyle(QStyleFactory.create(SYSTEM_STYLE))
    qapp.setPalette(system)
    yield qapp
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)


def test_dark_is_fusion_with_the_dark_palette(app: QApplication, schemes: list[Qt.ColorScheme | None]) -> None:
    switcher = ThemeSwitcher(app)
    switcher.apply("dark")
    assert switcher.theme == "dark" and app.style().name() == "fusion"
    assert app.palette() == dark_palette()
    assert app.palette().color(Role.Base).lightness() < 64
    assert schemes == [Qt.ColorScheme.Dark]


def test_light_is_fusion_with_its_own_light_palette(app: QApplication, schemes: list[Qt.ColorScheme | None]) -> None:
    switcher = ThemeSwitcher(app)
    switcher.apply("dark")
    switcher.apply("light")
    assert switcher.theme == "light" and app.style().name() == "fusion"
    assert app.palette() == QStyleFactory.create("Fusion").standardPalette()
    assert app.palette().color(Role.Base).lightness() > 192 and base(app) != SYSTEM_BASE
    assert schemes == [Qt.ColorScheme.Dark, Qt.ColorScheme.Light]


def test_system_brings_back_the_look_before_the_first_switch(
    app: QApplication, schemes: list[Qt.ColorScheme | None]
) -> None:
    switcher = ThemeSwitcher(app)
    switcher.apply("light")
    switcher.apply("dark")  # a second switch does not overwrite the saved look with the light one
    switcher.apply("system")
    assert switcher.theme == "system"
    assert app.style().name() == SYSTEM_STYLE.lower() and base(app) == SYSTEM_BASE
    assert schemes[-1] is None  # the platform's colour scheme again


def test_an_unknown_theme_follows_the_system(app: QApplication, schemes: list[Qt.ColorScheme | None]) -> None:
    switcher = ThemeSwitcher(app)
    switcher.apply("dark")
    switcher.apply("sepia")
    assert switcher.theme == "system" and base(app) == SYSTEM_BASE


def test_the_theme_on_show_is_not_applied_again(app: QApplication, schemes: list[Qt.ColorScheme | None]) -> None:
    switcher = ThemeSwitcher(app)
    switcher.apply("system")  # already there: nothing saved, nothing changed
    assert app.style().name() == SYSTEM_STYLE.lower() and base(app) == SYSTEM_BASE and schemes == []
    switcher.apply("dark")
    app.setStyle(QStyleFactory.create(SYSTEM_STYLE))  # the user's own change after the switch stays
    switcher.apply("dark")
    assert app.style().name() == SYSTEM_STYLE.lower() and schemes == [Qt.ColorScheme.Dark]


@pytest.mark.parametrize(("text", "background"), PAIRS, ids=lambda role: role.name)
def test_the_dark_palette_is_readable(text: QPalette.ColorRole, background: QPalette.ColorRole) -> None:
    palette = dark_palette()
    assert contrast(palette.color(text), palette.color(background)) >= READABLE
