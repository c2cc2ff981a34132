"""Word boundaries from jieba, used to rank whole-word hits first (Qt-free).

Loading jieba's dictionary takes ~0.6 s: build a ``WordSegmenter`` off the UI thread. It uses its own
``jieba.Tokenizer`` (not jieba's global one), keeps its cache in the folder given (the user's cache folder,
so a read-only install works), knows this genre's terms and names (resources/dict/jieba_user.txt) and, per
report, the names of the people quoted. Recall never depends on it: the character index finds every substring.

The dictionary cache (``jieba.cache``, jieba's own name and format: ``marshal`` of ``(frequencies, total)``) is
read and written here, not by jieba: whatever is found in its place that is not a regular file holding a dict of
str → non-negative int and a positive int total (another shape, garbage, a directory, a link) is logged, removed
and rebuilt from jieba's dictionary. The new cache is written to a temporary file and renamed; the temporary file
is removed if that fails, and so are temporary files that earlier runs (or jieba itself) left in the folder.
"""

from __future__ import annotations

import logging
import marshal
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jcviewer.model.report import Report, Span
from jcviewer.resources import resource_path

USER_DICTIONARY = "dict/jieba_user.txt"
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]+")  # what jieba's user words may contain
CACHE_FILE = "jieba.cache"  # jieba's name for the cache of its default dictionary
MAX_CACHE_BYTES = 256 * 2**20  # the real one is ~9 MB
_TEMPORARY = re.compile(r"(tmp[a-z0-9_]{8}|" + re.escape(CACHE_FILE) + r"\..+\.tmp)")  # jieba's mkstemp, ours
STALE_SECONDS = 600  # a temporary file this old is no other process's cache being written

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
            except OSError as error:  # then the dictionary is built in memory each time, and not cached
                log.info("jieba cache folder %s unusable: %s", cache_dir, error)
                cache_dir = None
        self._load_dictionary(cache_dir)
        with resource_path(USER_DICTIONARY).open("rb") as user_words:  # jieba leaves a file it opens open
            self._tokenizer.load_userdict(user_words)

    def _load_dictionary(self, cache_dir: Path | None) -> None:
        """jieba's prefix dictionary from the cache in ``cache_dir`` if it is sound, else built and cached there."""
        tokenizer = self._tokenizer
        cached = _read_cache(cache_dir / CACHE_FILE) if cache_dir is not None else None
        if cached is None:
            with tokenizer.get_dict_file() as dictionary:
                cached = tokenizer.gen_pfdict(dictionary)
            if cache_dir is not None:
                _write_cache(cache_dir, cached)
        if cache_dir is not None:
            _remove_stale_temporaries(cache_dir)
        tokenizer.FREQ, tokenizer.total = cached
        tokenizer.initialized = True  # what ``Tokenizer.initialize`` does once it has the two

    def add_words(self, words: Iterable[str]) -> None:
        """Keep these words whole from now on."""
        with self._lock:
            for word in words:
                if _JIEBA_WORD.fullmatch(word):
                    self._tokenizer.add_word(word)

    def words(self, text: str) -> list[str]:
        """``text`` cut into words (jieba's plain mode, as for a query: no overlapping sub-words)."""
        with self._lock:
            return list(self._tokenizer.cut(text))

    def spans(self, text: str) -> list[Span]:
        """Every word and sub-word of ``text`` as (start, end)."""
        with self._lock:
            return [(start, end) for _, start, end in self._tokenizer.tokenize(text, mode="search")]


def _valid(data: Any) -> bool:
    """True for what jieba needs: (dict of str → int ≥ 0, int > 0)."""
    if not (type(data) is tuple and len(data) == 2):
        return False
    frequencies, total = data
    return (
        type(frequencies) is dict
        and type(total) is int
        and total > 0
        and all(type(word) is str and type(count) is int and count >= 0 for word, count in frequencies.items())
    )


def _read_cache(path: Path) -> tuple[dict[str, int], int] | None:
    """The cached dictionary at ``path``; None (having removed whatever is there) if it is missing or unsound."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.info("jieba cache %s unreadable, rebuilding without it: %s", path, error)
        return None
    problem = ""
    if not stat.S_ISREG(info.st_mode):
        problem = "not a regular file"
    elif info.st_size > MAX_CACHE_BYTES:
        problem = f"{info.st_size} bytes"
    else:
        try:
            with path.open("rb") as cache:
                data = marshal.load(cache)  # data only: marshal builds values, it runs nothing
        except (OSError, EOFError, ValueError, TypeError) as error:
            problem = f"{type(error).__name__}: {error}"
        else:
            if _valid(data):
                return data  # type: ignore[no-any-return]
            problem = "not (frequencies, total)"
    log.info("jieba cache %s is unusable (%s): rebuilding it", path, problem)
    _remove(path, info)
    return None


def _remove(path: Path, info: os.stat_result) -> None:
    """Remove a file, link or directory tree at ``path`` (in our cache folder); log if it cannot be."""
    try:
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as error:
        log.info("could not remove %s: %s", path, error)


def _write_cache(folder: Path, data: tuple[dict[str, int], int]) -> None:
    """Write the cache to a temporary file in ``folder`` and rename it into place; never leave the temporary."""
    try:
        descriptor, name = tempfile.mkstemp(prefix=CACHE_FILE + ".", suffix=".tmp", dir=folder)
    except OSError as error:
        log.info("jieba cache not written in %s: %s", folder, error)
        return
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as out:
            marshal.dump(data, out)
        os.replace(temporary, folder / CACHE_FILE)
    except (OSError, ValueError) as error:
        log.info("jieba cache not written in %s: %s", folder, error)
        temporary.unlink(missing_ok=True)


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary cache files earlier runs left behind (jieba's ``tmpXXXXXXXX``, ours), if no longer being written."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if (
                _TEMPORARY.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            ):
                os.unlink(entry.path)
        except OSError as error:
            log.info("could not remove %s: %s", entry.path, error)
