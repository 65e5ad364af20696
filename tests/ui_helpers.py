"""Helpers for driving real dialogs in pytest-qt: answer a modal dialog when it opens."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QMessageBox, QProgressDialog, QWidget


def when_modal(
    callback: Callable[[QWidget], None], *, name: str | None = None, timeout: float = 10.0, kind: type | None = None
) -> list:
    """Call ``callback(dialog)`` as soon as a modal dialog (optionally of objectName ``name``, or
    of class ``kind``: a message box, not the progress dialog open before it) is open; returns a
    list that receives the dialog (to assert it appeared)."""
    seen: list[QWidget] = []
    deadline = time.monotonic() + timeout

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if (
            widget is not None
            and widget.isVisible()
            and (name is None or widget.objectName() == name)
            and (kind is None or isinstance(widget, kind))
        ):
            seen.append(widget)
            callback(widget)
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def click(dialog: QWidget, text: str) -> None:
    """Click the button of ``dialog`` whose text (without &) is ``text``."""
    for button in dialog.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in dialog.findChildren(QAbstractButton)]}")


def accept(dialog: QWidget) -> None:
    if isinstance(dialog, QMessageBox):
        dialog.accept()
        return
    box = dialog.findChild(QDialogButtonBox)
    for role in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save):
        button = box.button(role) if box is not None else None
        if button is not None:
            button.click()
            return
    dialog.accept()  # type: ignore[attr-defined]


def message_text(dialog: QWidget) -> str:
    return dialog.text() if isinstance(dialog, QMessageBox) else ""


class DialogGuard:
    """Closes a modal dialog nobody answers (a test would hang on it) and remembers its text.

    A dialog a test expects is answered by ``when_modal`` within milliseconds; one still open a
    second later was unexpected.
    """

    def __init__(self) -> None:
        self.unexpected: list[str] = []
        self._last: QWidget | None = None
        self._answering = 0
        self._timer = QTimer()
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    @contextmanager
    def answering(self) -> Iterator[None]:
        """A test reads the open dialog (and may wait for it): it is expected, however long."""
        self._answering += 1
        try:
            yield
        finally:
            self._answering -= 1
            self._last = None

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if self._answering:
            return
        if isinstance(widget, QProgressDialog):  # work going on (slow on a busy machine), not a question
            self._last = None
            return
        if widget is not None and widget is self._last and widget.isVisible():
            text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            self.unexpected.append(f"{widget.objectName()}: {text}")
            getattr(widget, "discard", widget.reject)()  # (the editor: without asking to save)
            widget = None
        self._last = widget

    def stop(self) -> None:
        self._timer.stop()


def private_settings():
    """Settings in a file of their own (for widgets built outside the ``settings`` fixture)."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from zqtracker.ui.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="zqtracker-settings-"))
    return Settings(QSettings(str(folder / "zqtracker.ini"), QSettings.Format.IniFormat))


def undo_import(qtbot, stack, *, redo: bool = False, timeout: int = 60_000) -> None:
    """Edit › Undo (or Redo) of an import, waited for: it runs in the background."""
    command = stack.command(stack.index() if redo else stack.index() - 1)
    (stack.redo if redo else stack.undo)()
    qtbot.waitUntil(lambda: not command.busy, timeout=timeout)


def checked_again(qtbot, dialog, action: Callable[[], object]) -> None:
    """Runs ``action`` (a change in the import dialog, whose check starts at once) and waits until the
    dialog has checked the file again."""
    action()
    qtbot.waitUntil(lambda: not dialog.is_busy() and not dialog._pending)
    qtbot.wait(50)
