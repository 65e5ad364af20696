"""A restore while a colleague writes (the PostgreSQL probe, session 13, A6): the restore copies the
database as it is, then replaces it. A colleague's save that committed between the two was lost —
in neither the copy nor the restored database. Now, on a server, the restore holds the database
still from the copy to the replacement: the colleague's save waits, then lands on the restored
database. A SQLite file's replacement cannot share its write lock with the copy: the restore takes
the lock and is refused in one sentence when anyone committed since the copy began (nothing
restored, the colleague's save kept). The colleague starts saving the moment the copy is made."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from zqtracker.domain.models import Project
from zqtracker.services import backups
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress
from zqtracker.storage import backup_shelf
from zqtracker.storage.database import DatabaseOpenError, open_database


def _names(target: str | Path) -> set[str]:
    db = open_database(target, migrate=False, create=False)
    try:
        return {p.name for p in AppContext.for_database(db).projects.all_projects()}
    finally:
        db.close()


def test_a_colleagues_save_during_a_restore_is_never_lost(ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    ctx.projects.create(Project(name="备份前的项目"))
    backup = backups.manual(ctx.database, tmp_path / "backup.sqlite")
    ctx.projects.create(Project(name="备份后的项目"))  # the restore takes it away (it is in the copy)
    colleague = AppContext.open(db_url, daily_backup=False)
    saved = threading.Event()
    worker = threading.Thread(target=lambda: (colleague.projects.create(Project(name="同事的项目")), saved.set()))
    during: list[bool] = []

    def at_replacing() -> None:  # the copy is made, the replacement about to begin: the colleague saves
        worker.start()
        during.append(saved.wait(2))

    path = ctx.database.sqlite_path
    try:
        progress = Progress(on_point_of_no_return=at_replacing)
        if path is not None:
            ctx.database.close()  # the app closes its own first
            copies = backup_shelf.list_backups(path)
            with pytest.raises(DatabaseOpenError) as refused:
                backups.restore(backup, path, progress)
            worker.join(60)
            assert refused.value.message("en") == (
                f"{path} was changed by someone else while the restore was copying it; nothing was restored and "
                "the database is as they left it — restore again."
            )
            assert "请重新恢复" in refused.value.message("zh")
            assert {"备份后的项目", "同事的项目"} <= _names(path)  # nothing restored, the save kept
            assert backup_shelf.list_backups(path) == copies  # and no copy of it left behind
            return
        before, _rows = backups.restore_server(ctx.database, backup, progress)
        worker.join(60)
    finally:
        colleague.close()
    assert during == [False]  # the colleague's save waited for the restore
    assert "同事的项目" in _names(db_url)  # and then landed on the restored database
    assert "备份后的项目" in _names(before) and "同事的项目" not in _names(before)
    assert "备份后的项目" not in _names(db_url)
