"""Progress and cancellation for long use cases (import, export, reports), without Qt.

The GUI hands a :class:`Progress` whose callback moves a progress bar; the CLI hands one that
prints or does nothing. Work checks :meth:`Progress.report` often; after a cancel it raises
:class:`Cancelled`, and the use case's transaction rolls back, so a cancelled run writes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; whatever the operation had started is rolled back."""


class Progress:
    def __init__(self, callback: Callable[[int, int | None, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Say how far the work is; raises Cancelled once a cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled
        if self._callback is not None:
            self._callback(done, total, text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
