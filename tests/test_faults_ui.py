"""The desktop app under damage: a damaged file is refused in one sentence of the user's
language and the window stays on its database; at launch it never loops and never becomes the
last database; a read-only folder opens with a banner; File › Restore backup… puts a copy back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from faults_helpers import damage_schema_page, remount_read_only, small_mount
from ui_helpers import click, when_modal

from zqtracker.services.context import AppContext
from zqtracker.ui.settings import LAST_DATABASE

SHOTS = Path("/work/shots/faults")


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


@pytest.fixture
def damaged(demo_template: Path, tmp_path: Path) -> Path:
    """Damage that opening meets. (Damage only a check of every page finds is found by the day's
    backup copy, in the background once the window has the database: tests/test_daily_backup.py.)"""
    path = tmp_path / "damaged.sqlite"
    shutil.copy(demo_template, path)
    damage_schema_page(path)
    return path


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_opening_a_damaged_database_keeps_the_window_on_its_database(
    make_window, demo_ctx: AppContext, damaged: Path, qtbot, translations, lang: str
) -> None:
    ctx = demo_ctx
    window = make_window(ctx)
    window.settings.add_recent_database(str(ctx.database.sqlite_path))
    translations.switch(lang)
    rows = window.projects.model.rowCount()
    title = window.windowTitle()
    messages: list[str] = []

    def answer(box) -> None:
        messages.append(box.text())
        _shot(box, f"damaged-message-{lang}.png")
        box.accept()

    when_modal(answer, name="error_message")
    window.database_actions.open_target(str(damaged), background=False)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    text = messages[0]
    assert str(damaged) in text
    if lang == "en":
        assert "is damaged" in text and "Restore backup" in text
    else:
        assert "已损坏" in text and "恢复备份" in text
    assert "sqlalchemy" not in text.lower() and "Traceback" not in text
    assert window.ctx is ctx and window.windowTitle() == title and window.projects.model.rowCount() == rows
    assert window.settings.get(LAST_DATABASE) == str(ctx.database.sqlite_path)
    assert str(damaged) not in window.settings.recent_databases()


def test_a_damaged_last_database_at_launch_never_loops(qapp, damaged: Path, settings, qtbot) -> None:
    from zqtracker.ui.app import launch

    settings.set(LAST_DATABASE, str(damaged))  # remembered by an older version, or damaged since
    settings.sync()
    messages: list[str] = []

    def answer(box) -> None:
        messages.append(box.text())
        box.accept()

    when_modal(answer, name="error_message")
    _app, window = launch(lang="en", settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    qtbot.waitUntil(lambda: not window.database_actions.busy, timeout=10_000)
    assert "is damaged" in messages[0]
    assert window.ctx is None and window.windowTitle() == "No database — zqtracker"
    assert window.projects.model.rowCount() == 0  # no first page of the refused file stays
    assert "Opening" not in window.summary_label.text()
    assert settings.get(LAST_DATABASE) == ""  # the next start does not try it again
    window.close()


def test_read_only_folder_opens_with_a_banner(make_window, demo_template: Path, tmp_path: Path, translations) -> None:
    with small_mount(tmp_path / "share", 4096) as share:
        if share is None:
            pytest.skip("needs root to mount a read-only file system")
        path = share / "shared.sqlite"
        shutil.copy(demo_template, path)
        assert remount_read_only(share)
        ctx = AppContext.open(path)
        try:
            window = make_window(ctx)
            assert ctx.database.read_only
            assert window.read_only_banner.isVisible() and "Read-only" in window.read_only_banner.text()
            assert "[read-only]" in window.windowTitle()
            assert not window.actions_.import_.isEnabled() and not window.actions_.new_project.isEnabled()
            assert window.actions_.export.isEnabled()
            window.resize(1100, 500)
            _shot(window, "read-only-banner-en.png")
            translations.switch("zh_CN")
            assert "只读" in window.read_only_banner.text()
            _shot(window, "read-only-banner-zh.png")
            window.ctx = None
        finally:
            ctx.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_restore_backup_from_the_file_menu(make_window, demo_ctx: AppContext, qtbot, translations, lang: str) -> None:
    from zqtracker.services import backups

    path = demo_ctx.database.sqlite_path
    backups.manual(demo_ctx.database)
    window = make_window(demo_ctx)
    translations.switch(lang)
    demo_ctx.projects.delete([r.id for r in demo_ctx.projects.list_rows()][:100])
    assert demo_ctx.projects.count() == 468
    seen: list[str] = []

    def choose(dialog) -> None:
        listed = dialog.list
        seen.append(listed.topLevelItem(0).text(1))
        # the newest is the copy made before the bulk delete: choose the one made by hand
        for i in range(listed.topLevelItemCount()):
            if listed.topLevelItem(i).text(2) == "568":
                listed.setCurrentItem(listed.topLevelItem(i))
        _shot(dialog, f"restore-dialog-{lang}.png")
        dialog.accept()
        when_modal(lambda box: click(box, "Restore" if lang == "en" else "恢复"), name="confirm")

    when_modal(choose, name="restore_dialog")
    with qtbot.waitSignal(window.context_changed, timeout=30_000):
        window.actions_.restore_backup.trigger()
    assert seen and seen[0] in ("Before deleting projects", "批量删除前")
    assert window.ctx is not demo_ctx and window.ctx.projects.count() == 568
    assert window.ctx.database.sqlite_path == path
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM projects").fetchone() == (568,)
    window.ctx.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_preferences_keep_backups_is_shared_with_the_cli(qtbot, settings, translations, lang: str) -> None:
    from zqtracker.services import backups
    from zqtracker.ui.preferences import PreferencesDialog

    translations.switch(lang)
    dialog = PreferencesDialog(None, settings)
    qtbot.addWidget(dialog)
    assert dialog.backups.count.value() == backups.keep_count() == 10
    dialog.backups.count.setValue(25)
    dialog.show()
    _shot(dialog, f"preferences-backups-{lang}.png")
    try:
        dialog.save()
        assert backups.keep_count() == 25  # what `zqtracker db backup` and every import rotate to
    finally:
        backups.set_keep_count(10)
