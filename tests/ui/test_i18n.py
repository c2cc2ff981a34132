"""UI language: Chinese by default, English on request or on an English system; the catalogue is complete."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from jcviewer.resources import resource_path
from jcviewer.ui.i18n import choose_language

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = resource_path("i18n/jcviewer_zh_CN.ts")
PROBE = """
import json, sys
from PySide6.QtCore import QSettings
from jcviewer.app import create_session
from jcviewer.settings import Settings
from jcviewer.ui.main_window import MainWindow
session = create_session(sys.argv[1] or None)
window = MainWindow(Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)), session.fonts, session.theme)
print(json.dumps([action.text() for action in window.menuBar().actions()]))
"""


def menus(tmp_path: Path, language: str, lang_env: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG=lang_env, LC_ALL=lang_env, LANGUAGE="")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, language, str(tmp_path / "s.ini")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(path).exists():
        pytest.skip(f"{name} is not installed")
    return path


def test_chinese_by_default_english_on_request_or_english_locale(tmp_path: Path) -> None:
    assert menus(tmp_path, "", "C.UTF-8") == ["文件(&F)", "编辑(&E)", "视图(&V)", "文库(&L)", "帮助(&H)"]
    assert menus(tmp_path, "en", "C.UTF-8") == ["&File", "&Edit", "&View", "&Library", "&Help"]
    assert menus(tmp_path, "", "en_US.UTF-8") == ["&File", "&Edit", "&View", "&Library", "&Help"]
    assert menus(tmp_path, "zh", "en_US.UTF-8")[0] == "文件(&F)"


def test_choose_language() -> None:
    assert choose_language(None, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"
    assert choose_language(None, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh"
    assert choose_language(None, QLocale(QLocale.Language.German)) == "zh"
    assert choose_language("en", QLocale(QLocale.Language.Chinese)) == "en"


def test_every_string_is_translated() -> None:
    messages = ElementTree.parse(CATALOGUE).getroot().iter("message")
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") is not None]
    assert unfinished == []


def test_catalogue_covers_the_source_and_the_compiled_catalogue_is_current(tmp_path: Path) -> None:
    copy = tmp_path / CATALOGUE.name
    shutil.copyfile(CATALOGUE, copy)
    sources = [str(p) for p in sorted((ROOT / "jcviewer").rglob("*.py")) if "model" not in p.parts]
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )

    def strings(path: Path) -> set[tuple[str, str]]:
        root = ElementTree.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    assert strings(copy) == strings(CATALOGUE), "run packaging/i18n/update_translations.sh"
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(compiled)], check=True, capture_output=True, timeout=120
    )
    assert compiled.read_bytes() == CATALOGUE.with_suffix(".qm").read_bytes()
