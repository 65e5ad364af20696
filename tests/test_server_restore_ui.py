"""File › Restore backup… in the desktop app on a PostgreSQL server (issue 14): the dialog lists
the server database's own backups, asks once, restores the chosen one (every table, one
transaction) with a progress dialog, and the window reloads the restored data; a refusal by the
server is one sentence in the user's language and changes nothing. Real widgets, a real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QProgressDialog
from test_server_access import team  # noqa: F401 - the three accounts
from test_server_backup import whole
from ui_helpers import click, when_modal

from zqtracker.services import backups
from zqtracker.services.connections import short_name
from zqtracker.services.context import AppContext

SHOTS = Path("/work/shots/server")
pytestmark = pytest.mark.engine("postgresql")


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def _watch_progress(seen: list[str]) -> None:
    """Note (and photograph) the restore's progress dialog while it shows."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QProgressDialog) and modal.isVisible():
            seen.append(modal.labelText())
            _shot(modal, "restore-server-progress.png")

    when_modal(lambda _m: poll(), timeout=30.0)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_restore_backup_from_the_file_menu_on_a_server(
    make_window, demo_ctx: AppContext, demo_url: str, qtbot, translations, lang: str
) -> None:
    assert demo_ctx.database.sqlite_path is None  # connected to a server
    made = backups.manual(demo_ctx.database)  # `zqtracker db backup` of the server
    held = whole(demo_url)
    window = make_window(demo_ctx)
    translations.switch(lang)
    assert window.actions_.restore_backup.isEnabled()
    demo_ctx.projects.delete([r.id for r in demo_ctx.projects.list_rows()][:100])
    assert demo_ctx.projects.count() == 468
    seen: dict[str, object] = {}
    progress: list[str] = []

    def confirm(box) -> None:
        seen["question"] = box.text()
        _shot(box, f"restore-server-confirm-{lang}.png")
        click(box, "Restore" if lang == "en" else "恢复")
        _watch_progress(progress)

    def choose(dialog) -> None:
        listed = dialog.list
        rows = [[listed.topLevelItem(i).text(c) for c in range(4)] for i in range(listed.topLevelItemCount())]
        seen["rows"] = rows
        seen["intro"] = dialog.findChild(type(dialog.empty), "restore_intro").text()
        seen["may_restore"] = dialog.refused.isHidden() and dialog.restore_button.isEnabled()  # the owner
        for i, row in enumerate(rows):
            if row[2] == "568":
                listed.setCurrentItem(listed.topLevelItem(i))
        _shot(dialog, f"restore-server-dialog-{lang}.png")
        dialog.accept()
        when_modal(confirm, name="confirm")

    when_modal(choose, name="restore_dialog")
    with qtbot.waitSignal(window.context_changed, timeout=60_000):
        window.actions_.restore_backup.trigger()
    # The server's own copies: the one made by hand, with its projects counted.
    rows = seen["rows"]
    assert seen["may_restore"] is True
    assert [r[1:3] for r in rows] == [["Made by hand" if lang == "en" else "手动备份", "568"]], rows
    assert short_name(demo_ctx.database.url) in str(seen["intro"]) and "psycopg" not in str(seen["question"])
    if lang == "en":
        assert "for everyone connected to it" in str(seen["intro"])
        assert "Everyone connected to it will see the restored data" in str(seen["question"])
    else:
        assert "所有连接" in str(seen["intro"]) and "所有连接" in str(seen["question"])
    # Restored: the server holds the backup again, and the window shows it (a new context).
    assert window.ctx is not None and window.ctx is not demo_ctx and window.ctx.projects.count() == 568
    assert window.ctx.database.sqlite_path is None and window.ctx.database.url == demo_ctx.database.url
    qtbot.waitUntil(lambda: window.projects.model.complete and window.projects.model.total_count == 568,
                    timeout=60_000)  # fmt: skip
    assert window.undo_stack.count() == 0
    restored = whole(demo_url)
    assert {t: len(r) for t, r in restored.items()}["projects"] == 568
    assert restored["projects"] == held["projects"] and restored["investment_records"] == held["investment_records"]
    # What was there (468 projects) is kept as a copy, listed first next time.
    newest = backups.list_for(window.ctx.database)[0]
    assert newest.reason == "restore" and newest.projects() == 468 and newest.path != made
    _shot(window, f"restore-server-window-{lang}.png")
    window.ctx.close()


@pytest.mark.parametrize(("kind", "lang"), [("reader", "en"), ("analyst", "zh_CN"), ("district", "en")])
def test_an_account_that_does_not_own_the_database_is_told_so_before_any_work(
    make_window, request, db_url: str, qtbot, translations, kind: str, lang: str
) -> None:
    """Only the database's owner may replace everything (the audit trail too): a leader's (reader's),
    an analyst's or a district account sees the copies there are, and above them why it may not
    restore one — the owner named as the server knows it — in its language, again after a live
    switch to the other; Restore stays disabled, no progress is shown and nothing is written."""
    people, users = request.getfixturevalue("team")
    backups.manual(people["district" if kind == "district" else "analyst"].database)  # a copy it is shown
    held = whole(db_url)
    account = people[kind]
    window = make_window(account)
    translations.switch(lang)
    other = "en" if lang == "zh_CN" else "zh_CN"
    english = (
        "⚠ Only the database's owner, the account “postgres”, may restore a backup (a restore replaces every table, "
        f"the audit trail too); the account “{users[kind]}” may not, so nothing was written — ask the owner to "
        "restore it."
    )
    chinese = (
        "⚠ 只有数据库的所有者（账户“postgres”）可以恢复备份（恢复会替换全部数据表，包括留痕记录）；"
        f"账户“{users[kind]}”无权恢复，未写入任何内容——请联系所有者恢复。"
    )
    seen: dict[str, object] = {}

    def look(dialog) -> None:
        try:
            for shown in (lang, other):
                if shown != lang:
                    translations.switch(shown)  # a live switch while the dialog is open
                size = dialog.list.topLevelItem(0).text(3)
                seen[shown] = (dialog.refused.text(), dialog.restore_button.text(), dialog.list.headerItem().text(3),
                               size, dialog.restore_button.isEnabled(), dialog.refused.isVisible())  # fmt: skip
                _shot(dialog, f"restore-server-refused-{kind}-{shown}.png")
            dialog.accept()  # (a double click, Enter): nothing happens
            seen["still_open"] = dialog.isVisible()
        finally:
            dialog.reject()

    when_modal(look, name="restore_dialog")
    window.actions_.restore_backup.trigger()
    qtbot.waitUntil(lambda: "still_open" in seen, timeout=30_000)
    info = backups.list_for(account.database)[0]
    for shown in ("en", "zh_CN"):
        refused, button, header, size, enabled, visible = seen[shown]  # type: ignore[misc]
        assert refused == (english if shown == "en" else chinese) and visible and not enabled, seen
        assert (button, header) == (("Restore", "Size") if shown == "en" else ("恢复", "大小")), seen
        want = QLocale(QLocale.Language.Chinese if shown == "zh_CN" else QLocale.Language.English)
        assert size == want.formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
    assert seen["still_open"] is True
    assert whole(db_url) == held and window.ctx is account  # the window stays on what it had
    assert [b.reason for b in backups.list_for(account.database)] == ["manual"]  # no copy made for a restore


def test_sizes_are_written_as_the_language_writes_them(qtbot, translations) -> None:
    from zqtracker.ui.backups import size_text

    translations.switch("en")
    assert (size_text(500), size_text(1_234_567)) == ("500 bytes", "1.2 MB")
    translations.switch("zh_CN")
    assert (size_text(500), size_text(1_234_567)) == ("500 字节", "1.2 MB")


def test_copies_kept_under_an_accounts_name_are_listed_and_restored_from_the_dialog(
    make_window, request, ctx: AppContext, db_url: str, qtbot, translations
) -> None:
    """The owner's dialog lists an analyst's copy from the time each account kept its copies under
    its own name, says whose it is (and where it stays), and restores it like any other; a district
    account's copy of its district is not listed."""
    from test_server_backup_earlier import earlier_copy, hours_ago

    from zqtracker.domain.models import Project
    from zqtracker.domain.status import Status

    people, users = request.getfixturevalue("team")
    theirs = earlier_copy(people["analyst"], hours_ago(3))
    earlier_copy(people["district"], hours_ago(2))
    ctx.projects.create(Project("四会新项目", "新材料", "高要区", Status.SIGNED, 10**7, code="NEW-1"))
    backups.manual(people["reader"].database)  # a shared copy: 4 projects
    window = make_window(ctx)  # the owner's
    translations.switch("en")
    seen: dict[str, object] = {}

    def choose(dialog) -> None:
        listed = dialog.list
        items = [listed.topLevelItem(i) for i in range(listed.topLevelItemCount())]
        seen["rows"] = [[item.text(c) for c in (1, 2, 4)] for item in items]
        seen["column"] = (not listed.isColumnHidden(4), listed.headerItem().text(4))
        _shot(dialog, "restore-server-earlier-en.png")
        translations.switch("zh_CN")
        seen["zh"] = (listed.headerItem().text(4), items[-1].toolTip(4), items[-1].text(1))
        _shot(dialog, "restore-server-earlier-zh_CN.png")
        translations.switch("en")
        listed.setCurrentItem(next(item for item in items if item.text(4) == users["analyst"]))
        dialog.accept()
        when_modal(lambda box: click(box, "Restore"), name="confirm")

    when_modal(choose, name="restore_dialog")
    with qtbot.waitSignal(window.context_changed, timeout=60_000):
        window.actions_.restore_backup.trigger()
    assert seen["rows"] == [["Made by hand", "4", ""], ["Made by hand", "3", users["analyst"]]], seen
    assert seen["column"] == (True, "Kept by")
    header, tip, why = seen["zh"]  # type: ignore[misc]
    assert (
        (header, why) == ("保存账户", "手动备份") and f"账户“{users['analyst']}”" in tip and str(theirs.parent) in tip
    )
    assert window.ctx is not None and window.ctx.projects.count() == 3 and theirs.is_file()
    window.ctx.close()
