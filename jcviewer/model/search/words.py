"""Word boundaries from jieba, used to rank whole-word hits first (Qt-free).

Loading jieba's dictionary takes ~0.6 s: build a ``WordSegmenter`` off the UI thread. It uses its own
``jieba.Tokenizer`` (not jieba's global one), keeps its cache in the folder given (the user's cache folder,
so a read-only install works), knows this genre's terms and names (resources/dict/jieba_user.txt) and, per
report, the names of the people quoted. Recall never depends on it: the character index finds every substring.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from jcviewer.model.report import Report, Span
from jcviewer.resources import resource_path

USER_DICTIONARY = "dict/jieba_user.txt"
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+")  # what jieba's user words may contain

log = logging.getLogger(__name__)


def report_words(report: Report) -> set[str]:
    """Words of this report worth keeping whole: the people quoted and the key terms."""
    words = {q.speaker for q in report.quotes} | set(report.terms)
    return {w for w in words if 2 <= len(w) <= 12 and _JIEBA_WORD.fullmatch(w)}


class WordSegmenter:
    """jieba in search mode: the start and end of every word and sub-word of a text."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # it prints its progress on stderr otherwise
        self._lock = threading.Lock()
        self._tokenizer = jieba.Tokenizer()
        if cache_dir is not None:
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
                self._tokenizer.tmp_dir = str(cache_dir)
            except OSError as error:  # jieba falls back to the system's temporary folder
                log.info("jieba cache folder %s unusable: %s", cache_dir, error)
        self._tokenizer.initialize()
        with resource_path(USER_DICTIONARY).open("rb") as user_words:  # jieba leaves a file it opens open
            self._tokenizer.load_userdict(user_words)

    def add_words(self, words: Iterable[str]) -> None:
        """Keep these words whole from now on."""
        with self._lock:
            for word in words:
                if _JIEBA_WORD.fullmatch(word):
                    self._tokenizer.add_word(word)

    def spans(self, text: str) -> list[Span]:
        """Every word and sub-word of ``text`` as (start, end)."""
        with self._lock:
            return [(start, end) for _, start, end in self._tokenizer.tokenize(text, mode="search")]
