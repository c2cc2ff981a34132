"""Writing an output file whole or not at all (Qt-free): into a temporary file beside it, renamed over it."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

ATTEMPTS = 100  # random names tried before giving up (each is taken only if another process made it meanwhile)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write into; once the block ends without an error it replaces
    ``path``, keeping the permissions of the file it replaces, or, for a new file, those of a file the user
    creates (the umask, applied by the kernel). On an error nothing is replaced and the temporary file is gone."""
    temporary = _created_beside(path)
    try:
        yield temporary
        with suppress(FileNotFoundError):  # a new file keeps the mode the umask gave it
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))  # a private (0600) file stays private
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _created_beside(path: Path) -> Path:
    """A new empty file under a random name in ``path``'s folder, created with mode 0666 so that the process's
    umask gives it the user's default permissions (reading the umask would mean setting it, for every thread)."""
    for _ in range(ATTEMPTS):
        candidate = path.with_name(f".jcviewer-{secrets.token_hex(8)}{path.suffix}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary name beside {path}")
