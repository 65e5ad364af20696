"""File › Restore backup… in the desktop app: its progress dialog offers Cancel while the backup is
checked and the database copied, and a cancelled restore changes nothing (the file byte for byte,
its projects, its copies) and says so in the status bar; once the database is being replaced the
dialog says that this step cannot be cancelled, its Cancel is disabled, and neither Escape nor its
close button hides it (the window would be usable while its database is replaced) — in English and
Chinese.

The cancel is made certain by holding Qt's thread pool (tests/test_ui_language_walk_cancel.py):
the restore waits in the queue while its dialog shows. The replacement is held by another
connection's write lock on the database (a colleague's program saving), which the restore waits
for — long enough to look at the dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton
from test_restore_cancel import fingerprint, projects
from test_ui_language_walk_cancel import pool_held
from ui_helpers import click, when_modal

from zqtracker.services import backups
from zqtracker.services.context import AppContext
from zqtracker.storage import backup_shelf

SHOTS = Path("/work/shots/leftovers")
WORDS = {
    "en": {
        "restore": "Restore",
        "cancel": "Cancel",
        "cancelling": "Cancelling…",
        "cancelled": "Restore cancelled: nothing was changed.",
        "replacing": "Replacing the database with the backup copy. This step cannot be cancelled.",
    },
    "zh_CN": {
        "restore": "恢复",
        "cancel": "取消",
        "cancelling": "正在取消…",
        "cancelled": "恢复已取消：未做任何更改。",
        "replacing": "正在用备份副本替换数据库。此步骤无法取消。",
    },
}


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def _progress(window) -> QProgressDialog:  # type: ignore[no-untyped-def]
    shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _choose_the_copy_made_by_hand(lang: str, made: Path):  # type: ignore[no-untyped-def]
    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        listed = dialog.list
        for i in range(listed.topLevelItemCount()):
            if Path(listed.topLevelItem(i).data(0, 256)) == made:  # Qt.UserRole: the copy's path
                listed.setCurrentItem(listed.topLevelItem(i))
        dialog.accept()
        when_modal(lambda box: click(box, WORDS[lang]["restore"]), name="confirm")

    return choose


def _shelf(ctx: AppContext) -> tuple[Path, Path]:
    """The copy to restore (made by hand, all 568 projects), then 100 projects deleted."""
    path = ctx.database.sqlite_path
    assert path is not None
    made = backups.manual(ctx.database)
    ctx.projects.delete([r.id for r in ctx.projects.list_rows()][:100])
    return path, made


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_restore_cancelled_from_its_progress_dialog_changes_nothing(
    make_window, demo_ctx: AppContext, translations, dialog_guard, qtbot, lang: str
) -> None:
    path, made = _shelf(demo_ctx)
    window = make_window(demo_ctx)
    translations.switch(lang)
    words = WORDS[lang]
    before = (fingerprint(path), projects(path), backup_shelf.list_backups(path))
    assert len(before[1]) == 468
    with dialog_guard.answering(), pool_held(qtbot) as release:
        when_modal(_choose_the_copy_made_by_hand(lang, made), name="restore_dialog")
        window.actions_.restore_backup.trigger()
        qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=10_000)
        dialog = _progress(window)
        button = dialog.findChild(QPushButton)
        assert button is not None and button.isVisible() and button.isEnabled() and button.text() == words["cancel"]
        _shot(dialog, f"restore-progress-{lang[:2]}.png")
        button.click()
        assert dialog.labelText() == words["cancelling"]
        _shot(dialog, f"restore-cancelling-{lang[:2]}.png")
        release.set()
        operation = window.database_actions._operation
        qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert operation.was_cancelled
    assert window.statusBar().currentMessage() == words["cancelled"]
    _shot(window, f"restore-cancelled-window-{lang[:2]}.png")
    assert window.ctx is demo_ctx and demo_ctx.projects.count() == 468
    assert (fingerprint(path), projects(path), backup_shelf.list_backups(path)) == before


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_replacement_itself_cannot_be_cancelled(
    make_window, demo_ctx: AppContext, translations, dialog_guard, qtbot, lang: str
) -> None:
    path, made = _shelf(demo_ctx)
    window = make_window(demo_ctx)
    translations.switch(lang)
    words = WORDS[lang]
    colleague = sqlite3.connect(path, timeout=1)
    colleague.execute("BEGIN IMMEDIATE")  # a save in progress: the replacement waits for it
    try:
        with dialog_guard.answering():
            when_modal(_choose_the_copy_made_by_hand(lang, made), name="restore_dialog")
            window.actions_.restore_backup.trigger()
            qtbot.waitUntil(
                lambda: any(d.isVisible() and d.labelText() == words["replacing"]
                            for d in window.findChildren(QProgressDialog)),
                timeout=8_000,
            )  # fmt: skip
            dialog = _progress(window)
            button = dialog.findChild(QPushButton)
            qtbot.waitUntil(lambda: button is not None and not button.isEnabled(), timeout=2_000)
            _shot(dialog, f"restore-replacing-{lang[:2]}.png")
            operation = window.database_actions._operation
            operation.cancel()  # what the button would ask: refused
            assert dialog.labelText() == words["replacing"] and not operation.progress.cancelled
            dialog.activateWindow()  # Escape is the dialog's shortcut: the active window's
            qtbot.waitUntil(dialog.isActiveWindow, timeout=2_000)
            QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nor does Escape or the close button hide it
            dialog.close()
            assert dialog.isVisible() and not operation.progress.cancelled
    finally:
        colleague.rollback()
        colleague.close()
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)
    assert not operation.was_cancelled and operation.error is None
    assert window.ctx is not demo_ctx and window.ctx.projects.count() == 568  # restored
    window.ctx.close()
