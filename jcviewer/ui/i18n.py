"""UI language: Simplified Chinese by default, English on request or on an English system locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jcviewer.resources import resource_path

log = logging.getLogger(__name__)

_LOCALES = {"zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China), "en": QLocale(QLocale.Language.English)}


def choose_language(requested: str | None, system: QLocale) -> str:
    """``requested`` if given, English for an English system locale, Chinese otherwise."""
    if requested:
        return requested
    return "en" if system.language() == QLocale.Language.English else "zh"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (standard dialogs) for ``language``; the source strings are English.

    Returns the installed translators, which must stay referenced while the app runs.
    """
    QLocale.setDefault(_LOCALES[language])
    if language == "en":
        return []
    installed = []
    catalogues = [
        (f"jcviewer_{_LOCALES[language].name()}", str(resource_path("i18n"))),
        (f"qtbase_{_LOCALES[language].name()}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation catalogue %s in %s", name, folder)
    return installed
