"""Only a server database's owner may restore a backup onto it (issue 14): a restore replaces every
table, the audit trail included, which no analyst, district or reader account may write. Such an
account is told so before any work — in English and Chinese, naming itself and the owner as the
server knows it — and nothing is written, not even the copy of the server a restore makes first.
Real roles made by `db grant`, on a real server; the owner is the superuser that set the test
database up, or (the second test) an ordinary role that owns the database."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from test_server_access import (
    as_user,
    run,
    team,  # noqa: F401 - the three accounts
)
from test_server_backup import whole

from zqtracker.storage.backup_shelf import backups_root

pytestmark = pytest.mark.engine("postgresql")
_n = itertools.count()


def _said(out: str) -> str:
    return out.strip().removeprefix("zqtracker: ")


def _copies_made_by_a_restore() -> list[Path]:
    return sorted(backups_root().glob("*/*-restore*.sqlite"))


def test_an_account_that_does_not_own_the_database_is_refused_before_any_work(
    request, db_url: str, tmp_path: Path
) -> None:
    people, users = request.getfixturevalue("team")
    backup = tmp_path / "b.sqlite"
    assert run("--db", db_url, "db", "backup", str(backup))[0] == 0
    assert run("--db", people["analyst"].database.url, "db", "backup")[0] == 0  # for `db restore 1`
    held, before = whole(db_url), _copies_made_by_a_restore()
    for kind in ("analyst", "reader", "district"):
        url, user = people[kind].database.url, users[kind]
        code, out = run("--db", url, "db", "restore", str(backup))
        assert code != 0 and "Traceback" not in out and out.strip().count("\n") == 0, (kind, out)
        assert _said(out) == (
            "Only the database's owner, the account “postgres”, may restore a backup (a restore replaces every "
            f"table, the audit trail too); the account “{user}” may not, so nothing was written — ask the owner "
            "to restore it."
        ), (kind, out)
        code, out = run("--db", url, "--lang", "zh", "db", "restore", str(backup))
        assert code != 0 and _said(out) == (
            "只有数据库的所有者（账户“postgres”）可以恢复备份（恢复会替换全部数据表，包括留痕记录）；"
            f"账户“{user}”无权恢复，未写入任何内容——请联系所有者恢复。"
        ), (kind, out)
        # The list says so instead of how to restore one; --json tells a script the same.
        assert run("--db", url, "db", "backup")[0] == 0  # a copy of what this account sees, listed to it
        code, out = run("--db", url, "db", "restore")
        assert code == 0 and "To restore one" not in out and f"the account “{user}” may not" in out, (kind, out)
        listed = json.loads(run("--db", url, "--lang", "zh", "db", "restore", "--json")[1])
        assert listed["may_restore"] is False and f"账户“{user}”无权恢复" in listed["refused"], listed
    code, out = run("--db", people["analyst"].database.url, "db", "restore", "1")  # a number from the list
    assert code != 0 and "the account “postgres”" in out, out
    assert whole(db_url) == held
    assert _copies_made_by_a_restore() == before  # no copy of the server made for a restore that cannot be
    owner = json.loads(run("--db", db_url, "db", "restore", "--json")[1])
    assert owner["may_restore"] is True and "refused" not in owner
    code, out = run("--db", db_url, "db", "restore", str(backup))
    assert code == 0, out


@pytest.fixture
def owned_database(pg_server, pg_empty_template):  # type: ignore[no-untyped-def]
    """A database owned by an ordinary role (not a superuser) that sets it up itself: migrates it,
    runs `db init-server` and grants an analyst account."""
    tag = f"{os.getpid()}_{next(_n)}"
    owner, name = f"bureau_{tag}", f"{pg_server.prefix}_owned_{tag}"
    admin = pg_server.admin()
    admin.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
    admin.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    url = pg_server.url(name, user=owner)
    try:
        code, out = run("db", "init-server", url)  # migrates it first: the owner's tables
        assert code == 0, out
        yield url, owner
    finally:
        pg_server.drop(name)


def test_the_refusal_names_the_role_that_owns_the_database_which_may_restore(owned_database, tmp_path: Path) -> None:
    url, owner = owned_database
    analyst = f"ana_{owner}"
    code, out = run("--db", url, "db", "grant", analyst, "--role", "analyst")
    assert code == 0, out
    assert run("--db", url, "db", "backup")[0] == 0
    code, out = run("--db", as_user(url, analyst), "db", "restore", "1")
    assert code != 0 and f"the account “{owner}”, may restore" in out and f"“{analyst}” may not" in out, out
    code, out = run("--db", as_user(url, analyst), "--lang", "zh", "db", "restore", "1")
    assert code != 0 and f"（账户“{owner}”）" in out and f"账户“{analyst}”无权恢复" in out, out
    # The owner (no superuser) restores: ownership, not superuser rights, is what the check asks for.
    code, out = run("--db", url, "db", "restore", "1", "--json")
    assert code == 0 and json.loads(out)["rows"]["projects"] == 0, out
