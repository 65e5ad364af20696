"""Ctrl-C once an import's commit is under way: the import finishes and says what it did.

The command line turns Ctrl-C into "interrupted; nothing more was written" (cli/main.py) — true while
the transaction is open, as it is rolled back. Arrived during the commit itself, the signal came out of
the driver after the data was saved, and the user was told "interrupted" of an import that was complete
(probe27a k10, m04: a replace import had deleted the other districts' projects). Now the command runs
inside :func:`deferrable`, and the import's write calls :func:`hold` just before it commits: a Ctrl-C
from there on is noted and ignored until the command has reported its result. A command of several
writes (``round collect`` of several files) calls :func:`release` after each: a Ctrl-C noted meanwhile
stops it before the next, and one after it stops it at once.

The signal handler is installed on the main thread only (the desktop app's imports run on worker
threads: :func:`hold` is then a flag nothing reads).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_state = {"holding": False, "pending": False}


def _on_interrupt(_signum: int, _frame: FrameType | None) -> None:
    if _state["holding"]:
        _state["pending"] = True  # the commit is under way: it completes, and is reported
        return
    raise KeyboardInterrupt


@contextmanager
def deferrable() -> Iterator[None]:
    """While the block runs, a Ctrl-C after :func:`hold` waits until the block has ended (and is then
    forgotten: what it would have stopped is done)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _on_interrupt)
    _state.update(holding=False, pending=False)
    try:
        yield
    finally:
        _state["holding"] = False
        signal.signal(signal.SIGINT, previous)


def hold() -> None:
    """The commit comes next: from here on a Ctrl-C no longer stops the command (inside :func:`deferrable`)."""
    _state["holding"] = True


def release() -> bool:
    """The held write is done: a Ctrl-C stops the command again from here on. Whether one came while it
    was held — for a command that goes on to more writes (``round collect``'s next file) to stop now."""
    came = _state["pending"]
    _state.update(holding=False, pending=False)
    return came
