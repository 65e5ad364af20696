"""Whether a process named in a temporary file's name still runs (io/atomic.py, storage/part_files.py)."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer. Another account's process counts (it may be
    writing), and so does any doubt: a file is removed only when its writer is surely gone."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OverflowError, ValueError):  # no process can have that number
        return False
    except OSError:
        return True
    return True
