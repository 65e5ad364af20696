"""Opening every window and dialog of the app the way a user does (menus, buttons), one at a time,
and looking at it: its words (ui_language), whether it fits the screen and cuts no text, and a
screenshot. Used by the layout test (#15: 1366×768 and 1920×1080) and the language walk.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from ui_helpers import when_modal


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (a word cut off): a label that
    does not wrap, or a button, given less width than its size hint."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 1:
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
            if w.textFormat() == Qt.TextFormat.RichText or "<" in w.text():
                continue
            if w.sizePolicy().horizontalPolicy().name == "Ignored":
                continue  # (clips on purpose; the tooltip has it all)
            lines = w.text().replace("&", "").split("\n")  # (broken into lines by the app: the widest counts)
            need = max(w.fontMetrics().horizontalAdvance(line) for line in lines) + w.margin() * 2
            if w.width() + 1 < need:
                found.append(f"label {w.text()!r}: {w.width()} < {need}")
        elif isinstance(w, QAbstractButton) and w.text() and w.width() + 1 < w.minimumSizeHint().width():
            found.append(f"button {w.text()!r}: {w.width()} < {w.minimumSizeHint().width()}")
    return found


@dataclass
class Seen:
    name: str
    widget: QWidget
    texts: list[tuple[str, str]]
    fits: bool
    clipped: list[str]


def look(name: str, widget: QWidget, screen: tuple[int, int], shots: Path | None, lang: str) -> Seen:
    from ui_language import interface_texts

    QApplication.processEvents()
    hint = widget.sizeHint()
    fits = widget.width() <= screen[0] and widget.height() <= screen[1] and hint.height() <= screen[1]
    if shots is not None:
        widget.grab().save(str(shots / f"{name}-{lang}-{screen[0]}x{screen[1]}.png"))
    return Seen(name, widget, interface_texts(widget), fits, clipped(widget))


# How each dialog is opened: name → (prepare(window), trigger(window), dialog objectName or None)
Opener = tuple[Callable[[QWidget], None], Callable[[QWidget], None], str | None]


def _select(window, count: int) -> None:
    """Select the first ``count`` rows and let the window take it in (the actions it enables);
    again if a reload that ended meanwhile took the selection."""
    window.tabs.setCurrentWidget(window.projects)
    deadline = time.monotonic() + 10
    while True:
        ids = [window.projects.model.row_at(i).id for i in range(count)]
        window.projects.table.select_ids(ids)
        QApplication.processEvents()
        if sorted(window.projects.selected_ids()) == sorted(ids) or time.monotonic() > deadline:
            return
        time.sleep(0.1)


def _select_first(window) -> None:
    _select(window, 1)


def _select_three(window) -> None:
    _select(window, 3)


def _nothing(window) -> None:
    window.tabs.setCurrentWidget(window.projects)


MODAL_DIALOGS: dict[str, Opener] = {
    "new-project": (_nothing, lambda w: w.actions_.new_project.trigger(), "project_editor"),
    "edit-project": (_select_first, lambda w: w.actions_.edit_project.trigger(), "project_editor"),
    "change-status": (_select_three, lambda w: w.actions_.change_status.trigger(), "change_status_dialog"),
    "delete-confirm": (_select_three, lambda w: w.actions_.delete.trigger(), "confirm"),
    "references": (_nothing, lambda w: w.actions_.references.trigger(), None),
    "preferences": (_nothing, lambda w: w.actions_.preferences.trigger(), "preferences"),
    "export": (_nothing, lambda w: w.actions_.export.trigger(), None),
    "connect-server": (_nothing, lambda w: w.actions_.connect_server.trigger(), "connect_dialog"),
    "about": (_nothing, lambda w: w.actions_.about.trigger(), None),
    "shortcuts": (_nothing, lambda w: w.actions_.shortcuts.trigger(), None),
}


def open_modal(qtbot, window, name: str, inspect: Callable[[QWidget], None]) -> bool:
    """Open dialog ``name`` through the window's own action, call ``inspect(dialog)``, close it
    without changing anything; True when it appeared."""
    prepare, trigger, object_name = MODAL_DIALOGS[name]
    prepare(window)
    seen: list[QWidget] = []

    def answer(dialog: QWidget) -> None:
        seen.append(dialog)
        try:
            inspect(dialog)
        finally:
            dialog.reject()  # type: ignore[attr-defined]

    when_modal(answer, name=object_name)
    trigger(window)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    except Exception as exc:  # say what the window was doing
        modal = QApplication.activeModalWidget()
        state = (f"selected {window.projects.selected_ids()}, loader busy {window.projects.loader.busy}, "
                 f"modal {modal.objectName() if modal else None}")  # fmt: skip
        raise AssertionError(f"{name} did not open: {state}") from exc
    return bool(seen)


def open_popup(qtbot, trigger: Callable[[], object], inspect: Callable[[QMenu], None]) -> bool:
    """Open a context menu or drop-down the way a user does (``trigger`` runs its ``exec``), call
    ``inspect(menu)`` while it is shown, then close it choosing nothing; True when it appeared."""
    seen: list[QMenu] = []
    deadline = time.monotonic() + 10

    def poll() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu) and popup.isVisible():
            seen.append(popup)
            try:
                inspect(popup)
            finally:
                popup.close()
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    return bool(seen)
