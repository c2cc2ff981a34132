"""Application set-up (fonts, translations, settings, theme) and the two ways to run the window:
interactively, or rendered once to a PNG.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from jcviewer import __version__
from jcviewer.paths import APPLICATION, ORGANIZATION
from jcviewer.resources import bundled_report, resource_path
from jcviewer.settings import Settings
from jcviewer.ui.background import wait_for_background_work
from jcviewer.ui.fonts import FontChoice, install_cjk_font
from jcviewer.ui.i18n import choose_language, install_translations
from jcviewer.ui.main_window import MainWindow
from jcviewer.ui.report_opener import ReportOpener
from jcviewer.ui.theme import ThemeSwitcher

log = logging.getLogger(__name__)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
INTERRUPT_POLL_MS = 200  # how often Python gets a turn to run its signal handlers while Qt's loop runs
OFFSCREEN_NOISE = ("This plugin does not support",)  # the offscreen platform warns about what it need not do


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(noise in message for noise in OFFSCREEN_NOISE):
        level = logging.WARNING if kind != QtMsgType.QtDebugMsg else logging.DEBUG
        logging.getLogger("qt").log(level, "%s", message)


@dataclass
class Session:
    """What the app needs for its life: the QApplication, fonts, translators and theme."""

    app: QApplication
    fonts: FontChoice
    theme: ThemeSwitcher
    translators: list[object]


def app_icon() -> QIcon:
    """The app's icon at every size shipped (PNG, so no SVG plugin is needed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path(f"icons/jcviewer-{size}.png")), QSize(size, size))
    return icon


_SESSIONS: dict[str, Session] = {}


def create_session(language: str | None = None, argv: list[str] | None = None) -> Session:
    """The QApplication (created once) with Chinese fonts, translations and the theme switcher.

    Asking again for the same language returns the same session: nothing is loaded or connected twice.
    """
    chosen = choose_language(language, QLocale.system())
    if chosen in _SESSIONS and QApplication.instance() is _SESSIONS[chosen].app:
        return _SESSIONS[chosen]
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("jcviewer")
    app.setWindowIcon(app_icon())
    app.aboutToQuit.connect(wait_for_background_work)
    translators = install_translations(app, chosen)
    _SESSIONS[chosen] = Session(app, install_cjk_font(app), ThemeSwitcher(app), list(translators))
    return _SESSIONS[chosen]


def open_window(session: Session, settings: Settings, path: Path | None) -> MainWindow:
    """A shown main window on ``path``; with no path, the last opened file, else the bundled report.

    Opening is the window's ``ReportOpener``'s (a large file is read in the background; a ``path`` that cannot be
    opened leaves the bundled report on show and is explained on stderr and in a dialog; a bug while reading any
    file is logged and explained, never raised: this runs before ``install_excepthook``).
    """
    window = MainWindow(settings, session.fonts, session.theme)
    ReportOpener.of(window).open_at_start(path)
    return window


def install_excepthook(window: MainWindow) -> None:
    """A bug in a slot shows a dialog and goes to the log, instead of a traceback on a terminal nobody reads."""

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        from jcviewer.ui.dialogs import show_unexpected_error

        show_unexpected_error(window, error)

    sys.excepthook = report


class QuitOnInterrupt:
    """Ctrl+C in the terminal (SIGINT) quits the way File ▸ Quit does: the windows close (and save their
    settings), the event loop ends, and ``aboutToQuit`` waits for background work.

    Qt's event loop runs in C++, where Python cannot run its signal handlers; a timer hands the interpreter a
    turn every INTERRUPT_POLL_MS. A second Ctrl+C, while quitting waits, ends the process at once.
    """

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.requested = False
        self._timer = QTimer(app)
        self._timer.timeout.connect(lambda: None)  # only so that Python runs: the handler does the work
        self._timer.start(INTERRUPT_POLL_MS)
        signal.signal(signal.SIGINT, self._interrupted)

    def _interrupted(self, signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # the next Ctrl+C is not ignored, whatever happens here
        log.info("interrupted: quitting")
        self.requested = True
        QTimer.singleShot(0, self.quit)  # not inside a signal handler, which may interrupt any Python code

    def quit(self) -> None:
        """Close every window (as File ▸ Quit closes the main window), then end the event loop."""
        self._timer.stop()
        self.app.closeAllWindows()
        self.app.quit()


def run(path: Path | None, language: str | None) -> int:
    """Open the window and run until it closes (or Ctrl+C in the terminal)."""
    logging.basicConfig(level=logging.WARNING, format="jcviewer: %(levelname)s: %(name)s: %(message)s")
    session = create_session(language)
    interrupt = QuitOnInterrupt(session.app)
    window = open_window(session, Settings(), path)
    install_excepthook(window)
    if interrupt.requested:  # during start-up (an open-error dialog's loop may have closed the window already)
        window.close()
        wait_for_background_work()
        code = 0
    else:
        code = session.app.exec()
    del window
    return code


PAGE_RENDER_SECONDS = 20.0
"""How long a screenshot of the page view waits for the pages in view to be rendered."""


def _wait_for_pages(window: MainWindow, app: QApplication) -> None:
    """Let the page view render the pages in view (at most ``PAGE_RENDER_SECONDS``: then they show as rendering)."""
    view = window.page_view
    deadline = time.monotonic() + PAGE_RENDER_SECONDS
    while view is not None and time.monotonic() < deadline:
        app.processEvents()
        if all(view.page_placeholder(number) is None for number in view.visible_pages()):
            return
        time.sleep(0.02)


def screenshot(
    out: Path,
    path: Path | None,
    select: str,
    size: QSize,
    language: str | None,
    corrected: bool = True,
    page: bool = False,
) -> None:
    """Render the main window offscreen to a PNG, on throwaway settings (the user's are not touched), with the
    report's stored corrections and sidecar applied unless ``corrected`` is false (as the window opens it); with
    ``page``, the 原版 page view in front, its pages in view rendered.

    Raises ReportError for a bad report, KeyError for an unknown node id, ValueError for ``page`` on a report not
    read from a PDF, OSError when the PNG cannot be written.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    from jcviewer.model.parse import load_report
    from jcviewer.paths import user_data_folder

    store = user_data_folder("corrections") if corrected else None
    report = load_report(path or bundled_report(), store=store, sidecar=corrected)
    if page and not report.pages:
        raise ValueError("the report was not read from a PDF: it has no pages to show")
    session = create_session(language)
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, session.fonts, session.theme)
        window.set_report(report, (path or bundled_report()).resolve())
        window.resize(size)
        window.charts.load_now()
        window.show()
        session.app.processEvents()  # lay out at the final size first: selecting scrolls the detail pane
        if select and not window.select_node(select):
            raise KeyError(select)
        session.app.processEvents()
        if page:
            window.show_pages(True)
            _wait_for_pages(window, session.app)
        image = window.grab().toImage()
        window.close()
        if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
            raise OSError(f"cannot write {out}")
