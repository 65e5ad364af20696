"""A settings file that cannot be read at start-up: asked about, never a silent switch of database.

zqtracker.ini names the database the app reopens — for a team, their server. Read by Qt, a damaged
file (invalid bytes, a broken line) or a folder in its place gave no value, and the app opened the
default SQLite file without a word: a colleague could import the month's lists into a private file
believing it was the team's server (probe28). Now the app says which file and what is wrong, and
opens the default database only when asked to — or quits (exit code 2). ``--db``, ``--demo`` and
``$ZQTRACKER_DB`` name the database themselves: the file's damage does not matter to them.
The file itself is left as it is (ui/settings.py writes this session's settings elsewhere).
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from zqtracker.ui.settings import Settings


def may_open_default(settings: Settings, db: str | None, demo: bool, lang: str, parent: QWidget | None = None) -> bool:
    """True to go on: the settings were read, another database was named, or the user chose the
    default database; False when the user chose to quit."""
    if not settings.unreadable or demo or db or os.environ.get("ZQTRACKER_DB"):
        return True
    from zqtracker.domain.errors import Problem
    from zqtracker.domain.messages import MESSAGES
    from zqtracker.services.database import display_of, resolve_url

    detail = MESSAGES[settings.unreadable].say(lang)
    said = Problem("settings_ini_unreadable", params={"file": settings.damaged_file, "detail": detail}).message(lang)
    choice = Problem("settings_ini_choice", params={"default": display_of(resolve_url(None))}).message(lang)
    box = QMessageBox(QMessageBox.Icon.Critical, "zqtracker", said, parent=parent)
    box.setInformativeText(choice)
    box.setObjectName("unreadable_settings")
    default = box.addButton(MESSAGES["settings_ini_open_default"].say(lang), QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton(MESSAGES["settings_ini_quit"].say(lang), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_)
    box.setEscapeButton(quit_)
    box.exec()
    return box.clickedButton() is default
