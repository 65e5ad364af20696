"""Progress and cancellation for long use cases (import, export, reports), without Qt.

The GUI hands a :class:`Progress` whose callback moves a progress bar; the CLI hands one that
prints or does nothing. Work checks :meth:`Progress.report` often; after a cancel it raises
:class:`Cancelled`, and the use case's transaction rolls back, so a cancelled run writes nothing.
Work with a step that cannot be stopped half way (a restore replacing the database) says when it
gets there (:meth:`Progress.point_of_no_return`): a cancel asked later is refused. A sentence the
work words (:meth:`Progress.say`) follows :attr:`Progress.lang`, which whoever shows the progress may
change while the work runs (the desktop's live language switch), and is worded again there
(:meth:`Progress.reworded`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Wording = Callable[[str], str]  # a sentence in the language it is given ("en" or "zh")


class Cancelled(Exception):
    """The user cancelled; whatever the operation had started is rolled back."""


class Progress:
    def __init__(
        self,
        callback: Callable[[int, int | None, str], None] | None = None,
        *,
        on_point_of_no_return: Callable[[], None] | None = None,
    ) -> None:
        self._callback = callback
        self._on_point_of_no_return = on_point_of_no_return
        self._cancel = threading.Event()
        self._lock = threading.Lock()  # a cancel and the point of no return: one before the other
        self._past_return = False
        self.lang: str | None = None  # the language to word in, when not the work's own
        self._wording: Wording | None = None  # the last sentence said

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Say how far the work is; raises Cancelled once a cancel was asked for."""
        if text:
            self._wording = None
        self._send(done, total, text)

    def say(self, done: int, total: int | None, wording: Wording, lang: str) -> None:
        """:meth:`report` with a sentence worded in :attr:`lang`, or else in ``lang`` (the work's)."""
        self._wording = wording
        self._send(done, total, wording(self.lang or lang))

    def reworded(self, lang: str) -> str | None:
        """The last sentence said, in ``lang``; None when the last text was none, or no sentence (a
        sheet's or a district's name)."""
        wording = self._wording
        return None if wording is None else wording(lang)

    def _send(self, done: int, total: int | None, text: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        if self._callback is not None:
            self._callback(done, total, text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> bool:
        """Ask the work to stop; False (and nothing asked) once it is past its point of no return."""
        with self._lock:
            if self._past_return:
                return False
            self._cancel.set()
            return True

    def point_of_no_return(self) -> None:
        """From here on the work cannot be stopped: raises Cancelled if a cancel came first (the
        work has changed nothing yet), else refuses every later cancel and tells whoever shows the
        progress (a dialog disables its Cancel)."""
        with self._lock:
            if self._cancel.is_set():
                raise Cancelled
            self._past_return = True
        if self._on_point_of_no_return is not None:
            self._on_point_of_no_return()

    @property
    def past_return(self) -> bool:
        return self._past_return

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
