"""pdfium is not thread-safe: every use of pypdfium2 (extraction on a loader thread, page rendering on the page
view's) holds ``PDFIUM`` for as long as it touches a document."""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
