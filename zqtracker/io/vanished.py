"""A file removed or moved while it is being read — by a sync client, a colleague tidying a shared
folder, a download being replaced — is said so, not called damaged (probe 36): it was there at the
start check, and a later open, in this process or in the reading process, found nothing. Whatever a
reader made of its missing file, once the file is gone that is the reason given."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zqtracker.io.errors import WorkbookRefused

GONE = "file_gone"


def vanished(exc: BaseException) -> bool:
    """Whether ``exc`` is a file that is not there: Python's FileNotFoundError, or python-calamine's
    OSError worded by Rust ("No such file or directory (os error 2)", without an errno)."""
    return isinstance(exc, OSError) and (exc.errno == errno.ENOENT or f"(os error {errno.ENOENT})" in str(exc))


def gone(path: Path) -> bool:
    """Whether nothing is at ``path`` now (a folder that cannot be looked into is not "gone")."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


@contextmanager
def said_if_gone(path: Path) -> Iterator[None]:
    """Runs the body; a refusal or an OSError while ``path`` is no longer there becomes the one sentence
    that says it was removed or moved while being read."""
    try:
        yield
    except (WorkbookRefused, OSError) as exc:
        if isinstance(exc, WorkbookRefused) and exc.code == GONE:
            raise
        if vanished(exc) or gone(path):
            raise WorkbookRefused(GONE, path.name) from None
        raise
