"""Writing an output file whole or not at all (Qt-free): into a temporary file beside it, renamed over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write into; once the block ends without an error it replaces
    ``path``, with the permissions of a file the user creates (not the temporary file's owner-only mode). On an
    error nothing is replaced and the temporary file is gone."""
    descriptor, temporary = tempfile.mkstemp(prefix=".jcviewer-", suffix=path.suffix, dir=path.parent)
    os.close(descriptor)
    try:
        yield Path(temporary)
        mask = os.umask(0)  # reading the umask means setting it: put it back at once
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
