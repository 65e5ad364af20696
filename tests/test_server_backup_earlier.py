"""Server backups kept under each account's name before copies were shared (issue 14): for a while
every account's copies of a server database went into a folder of its own (the user name was part
of the folder: ``URL.set(username=None)`` did not drop it). Those copies are listed with the shared
ones — marked with whose they are — and restored the same way, read where they are (never moved);
a district account's copies, which hold its district alone, stay apart; a folder of an account the
server no longer knows, or of another database, is not listed. Real copies written in that layout
(storage's own folder_for and note, the same code the earlier version ran), a real server."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import URL
from test_server_access import (
    run,
    team,  # noqa: F401 - the three accounts
)

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.storage.backup_shelf import folder_for, write_source_note
from zqtracker.storage.transfer import write_sqlite_copy

pytestmark = pytest.mark.engine("postgresql")


def hours_ago(n: int) -> str:
    return (datetime.now() - timedelta(hours=n)).strftime("%Y%m%d-%H%M%S-%f")


def earlier_copy(ctx: AppContext, stamp: str, url: URL | None = None) -> Path:
    """What the earlier version's ``db backup`` wrote for this account: a SQLite copy of all it
    sees, in the folder named by the server, database and the account's user name, with its note."""
    kept_by = url or ctx.database.engine.url.set(password=None)  # the user name kept, as set() did
    folder = folder_for(kept_by)
    folder.mkdir(parents=True, exist_ok=True)
    write_source_note(folder, kept_by)
    target = folder / f"{stamp}-manual.sqlite"
    write_sqlite_copy(ctx.database.engine, target)
    con = sqlite3.connect(target)  # the earlier version left its copies in WAL mode
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    return target


def _files(folders: list[Path]) -> dict[Path, bytes]:
    """Every file but SQLite's own -wal/-shm, which reading a copy the earlier version left in WAL
    mode makes beside it (SQLite's doing, not a change of the copy)."""
    return {f: f.read_bytes() for d in folders for f in sorted(d.iterdir()) if not f.name.endswith(("-wal", "-shm"))}


def _listed(url: str, lang: str = "en") -> list[dict]:
    code, out = run("--db", url, "--lang", lang, "db", "restore", "--json")
    assert code == 0, out
    return json.loads(out)["backups"]


def test_copies_kept_under_each_accounts_name_are_listed_and_restored(request, ctx: AppContext, db_url: str) -> None:
    people, users = request.getfixturevalue("team")
    owner = ctx.database.engine.url.username
    earlier = {
        "analyst": earlier_copy(people["analyst"], hours_ago(9)),
        "reader": earlier_copy(people["reader"], hours_ago(8)),
        "district": earlier_copy(people["district"], hours_ago(7)),  # its district alone
        "owner": earlier_copy(ctx, hours_ago(6)),
    }
    base = people["analyst"].database.engine.url.set(password=None)
    gone = earlier_copy(people["analyst"], hours_ago(5), base.set(username="left_the_bureau"))
    other = earlier_copy(people["analyst"], hours_ago(4), base.set(database="another_db"))
    kept = _files([p.parent for p in [*earlier.values(), gone, other]])
    ctx.projects.create(Project("四会新项目", "新材料", "高要区", Status.SIGNED, 10**7, code="NEW-1"))
    assert run("--db", people["analyst"].database.url, "db", "backup")[0] == 0  # a shared copy, made now

    whole_database = [(None, 4), (owner, 3), (users["reader"], 3), (users["analyst"], 3)]  # newest first
    for kind in ("owner", "analyst", "reader"):
        url = db_url if kind == "owner" else people[kind].database.url
        assert [(b["made_by"], b["projects"]) for b in _listed(url)] == whole_database, kind
    # A district account lists its own copies alone (its earlier one is in the folder it still uses).
    assert [(b["made_by"], b["projects"]) for b in _listed(people["district"].database.url)] == [(None, 2)]
    code, out = run("--db", db_url, "db", "restore")
    assert code == 0 and f"3 project(s) ({users['analyst']}'s copy)  {earlier['analyst']}" in out, out
    assert str(earlier["district"]) not in out and str(gone) not in out and str(other) not in out
    code, out = run("--db", db_url, "--lang", "zh", "db", "restore")
    assert f"3 个项目（{users['reader']} 的备份）  {earlier['reader']}" in out, out

    # Restored the same way, by its number; the copy stays where it is, as it was.
    code, out = run("--db", db_url, "db", "restore", "4", "--json")
    assert code == 0 and json.loads(out)["restored"] == str(earlier["analyst"]), out
    assert sorted(p.code for p in ctx.projects.all_projects()) == ["DZ-1", "GY-1", "GY-2"]
    assert _files([p.parent for p in [*earlier.values(), gone, other]]) == kept  # nothing moved, added or removed
    now = _listed(db_url)  # the server as it was (4 projects) is kept in the shared folder, listed first
    assert (now[0]["reason"], now[0]["made_by"], now[0]["projects"]) == ("restore", None, 4)
    assert Path(now[0]["file"]).parent == folder_for(URL.create(base.drivername, host=base.host, port=base.port,
                                                                database=base.database))  # fmt: skip


def test_the_owners_new_copies_are_shared_though_a_superuser_is_a_member_of_every_role(request, ctx, db_url) -> None:  # type: ignore[no-untyped-def]
    """pg_has_role calls a superuser a member of zq_district: its copies were kept apart as a
    district account's, out of every other account's sight."""
    people, _users = request.getfixturevalue("team")
    assert run("--db", db_url, "db", "backup")[0] == 0
    assert [b["projects"] for b in _listed(people["reader"].database.url)] == [3]
    assert [b["made_by"] for b in _listed(people["analyst"].database.url)] == [None]
