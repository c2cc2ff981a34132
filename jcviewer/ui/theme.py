"""Light and dark: follow the system by default, or force one (Fusion with an explicit palette)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """A calm dark palette with enough contrast for long Chinese text."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fa5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Link: "#8cc4ff",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


class ThemeSwitcher:
    """Applies a theme to the application and remembers how the system looked, to go back to it."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._system: tuple[str, QPalette] | None = None  # style name and palette, saved at the first switch
        self.theme = "system"

    def apply(self, theme: str) -> None:
        """Switch to "system", "light" or "dark" (nothing to do when already there)."""
        theme = theme if theme in THEMES else "system"
        if theme == self.theme:
            return
        self.theme = theme
        hints = QGuiApplication.styleHints()
        if theme == "system":
            assert self._system is not None
            style, palette = self._system
            hints.unsetColorScheme()
            self._app.setStyle(QStyleFactory.create(style))
            self._app.setPalette(palette)
            return
        if self._system is None:
            self._system = (self._app.style().name(), QPalette(self._app.palette()))
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
        fusion = QStyleFactory.create("Fusion")
        self._app.setStyle(fusion)
        self._app.setPalette(dark_palette() if theme == "dark" else fusion.standardPalette())
