"""Wording errors for people: one sentence that says what happened and what to do.

Domain errors carry codes (ValidationError → Problem messages in the user's language);
anything unexpected is logged with its traceback and shown as one line, never a traceback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from zqtracker.domain.errors import AccessRefused, ConcurrentUpdateError, InUseError, NotFoundError, ValidationError
from zqtracker.ui.translations import ui_lang

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    lang = ui_lang()
    if isinstance(exc, ValidationError):
        return "\n".join(p.message(lang) for p in exc.problems)
    if isinstance(exc, ConcurrentUpdateError):
        from zqtracker.ui.change_log import conflict_detail

        text = QCoreApplication.translate(
            "Messages",
            "This project was changed or deleted by someone else since it was loaded here. Nothing was overwritten.",
        )
        if exc.told is not None or exc.context in ("undo", "redo"):  # an undo's, a collect's own words (probe34c)
            text = exc.message(lang)
        detail = conflict_detail(exc)  # what the other person did (the audit trail)
        return f"{text}\n\n{detail}" if detail else text
    if isinstance(exc, InUseError):
        kind = {
            "sector": QCoreApplication.translate("Messages", "sector"),
            "district": QCoreApplication.translate("Messages", "district"),
            "enterprise": QCoreApplication.translate("Messages", "enterprise"),
        }.get(exc.kind, exc.kind)
        return (
            QCoreApplication.translate(
                "Messages", "The %1 “%2” is still used by %3 project(s) or sectors; assign them another one first."
            )
            .replace("%1", kind)
            .replace("%2", exc.name)
            .replace("%3", str(exc.count))
        )
    if isinstance(exc, AccessRefused):  # the server's privileges or row-level security said no
        return exc.message(lang)
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Messages", "The record no longer exists; someone else may have deleted it.")
    from zqtracker.services.database import DatabaseOpenError, fault_of

    if isinstance(exc, DatabaseOpenError):
        return exc.message(lang)
    fault = fault_of(exc, QCoreApplication.translate("Messages", "the database"))
    if fault is not None:  # locked, full disk, read-only, damaged: expected, worded, not logged
        return fault.message(lang)
    log.error("unexpected error", exc_info=exc)
    first = str(exc).strip().splitlines()
    detail = first[0] if first else type(exc).__name__
    return QCoreApplication.translate("Messages", "Something went wrong and nothing was saved: %1").replace(
        "%1", detail
    )


def run_dialog(dialog: QDialog) -> int:
    """``exec()`` a dialog, then schedule its deletion: a dialog with a parent would otherwise
    live as a hidden window as long as the main window (one per edit, all day)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Messages", "zqtracker"),
        error_text(exc),
        parent=parent,
    )
    box.setObjectName("error_message")
    run_dialog(box)


def offer_reload(parent: QWidget | None, text: str) -> bool:
    """Ask whether to reload after a conflicting change; True when the user chose Reload."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "Changed by someone else"), text, parent=parent
    )
    box.setObjectName("reload_offer")
    reload_button = box.addButton(QCoreApplication.translate("Messages", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload_button)
    run_dialog(box)
    return box.clickedButton() is reload_button


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """A yes/no question whose yes-button names the action ("Delete"); the safe answer is default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("confirm")
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    run_dialog(box)
    return box.clickedButton() is yes
