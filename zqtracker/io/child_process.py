"""The reading process's own process handling: dying with its parent, and work done on the other
core in a forked copy of it (io/worker.py, io/workbook_read.py)."""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import Any


def die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL when the parent dies, whatever this process is doing (a
    parse holds the interpreter for seconds)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Forked:
    """``work()`` run in a forked copy of this process (Linux) while this one goes on — the parse
    holds the interpreter, so a thread would wait for it; ``result(default)`` waits for what
    ``work`` returned (marshal primitives), or gives ``default`` if the copy failed. Elsewhere
    (``started`` False) the caller does the work itself. Leaving the block ends the copy."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.pid, self.fd, self.value, self.done = 0, -1, None, False
        if not sys.platform.startswith("linux"):
            return
        import warnings

        parent = os.getpid()
        r, w = os.pipe()
        try:
            with warnings.catch_warnings():  # the copy runs only `work`: no lock another thread holds
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return
        if pid == 0:  # the copy: it dies with this process and answers on the pipe alone
            try:
                die_with_parent()
                if os.getppid() == parent:
                    os.closerange(3, w)
                    os.closerange(w + 1, 1 << 16)
                    data = marshal.dumps(work())
                    view = memoryview(data)
                    while view:
                        view = view[os.write(w, view) :]
            finally:
                os._exit(0)
        os.close(w)
        self.pid, self.fd = pid, r

    @property
    def started(self) -> bool:
        return self.pid > 0

    def result(self, default: Any) -> Any:
        if not self.done and self.pid:
            self.done = True
            with os.fdopen(self.fd, "rb") as fh:
                data = fh.read()
            self.fd = -1
            os.waitpid(self.pid, 0)
            self.pid = 0
            try:
                self.value = marshal.loads(data) if data else None
            except (EOFError, ValueError, TypeError):
                self.value = None
        return default if self.value is None else self.value

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pid:
            import signal

            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = 0
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
