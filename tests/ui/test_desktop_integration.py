"""Desktop integration files: the .desktop entry, AppStream metainfo, icons, and the icon on the window."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtGui import QImage

from jcviewer.app import ICON_SIZES, Session
from jcviewer.resources import resource_path
from jcviewer.ui.main_window import MainWindow

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
APP_ID = "io.github.jcviewer"


def test_desktop_entry_launches_jcviewer_with_a_file_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "jcviewer %f" and desktop["Icon"] == APP_ID
    assert desktop["Name[zh_CN]"] and "Office;" in desktop["Categories"] and desktop["Terminal"] == "false"
    installer = (LINUX / "install.sh").read_text(encoding="utf-8")
    assert f"{APP_ID}.png" in installer and f"{APP_ID}.desktop" in installer


def test_metainfo_names_the_app_its_launcher_and_licences() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert "OFL-1.1" in root.findtext("project_license") and root.find("releases/release").get("version") == "0.1.0"


def test_icons_exist_at_every_size_and_the_window_uses_them(session: Session, window: MainWindow) -> None:
    for size in ICON_SIZES:
        image = QImage(str(resource_path(f"icons/jcviewer-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
    assert resource_path("icons/jcviewer.svg").read_text(encoding="utf-8").startswith("<svg")
    assert not window.windowIcon().isNull()
    assert sorted(s.width() for s in session.app.windowIcon().availableSizes()) == sorted(ICON_SIZES)
