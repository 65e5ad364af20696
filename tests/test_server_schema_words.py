"""A server database at another schema, or one that cannot be opened, is refused in a server's words
— no SQLite file, folder or backup-first advice — in English and Chinese: an analyst opening a
database older than the program is told that only its owner (named) may upgrade it, and nothing
is changed; the owner then opens it and it is upgraded."""

from __future__ import annotations

import re

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from test_server_access import as_user, run, team  # noqa: F401 - the three accounts

from zqtracker.storage.database import DatabaseOpenError, open_database
from zqtracker.storage.migrate import alembic_config
from zqtracker.storage.schema import SCHEMA_REVISION

pytestmark = pytest.mark.engine("postgresql")

# What a sentence about a SQLite file says, and a server's must not.
_FILE_WORDS = re.compile(r"\bfile\b|\bfolder\b|backup first|SQLite|文件|备份")


def _revision(url: str) -> str:
    engine = create_engine(url)  # read raw: opening it would upgrade it
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


def _downgrade_one(url: str) -> str:
    """The database as the previous version of the program left it (its owner's doing)."""
    db = open_database(url)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            # the previous version invented these where a list did not say (migration 0010 undone refuses NULL)
            conn.execute(text("UPDATE projects SET project_type = COALESCE(project_type, 'new'), "
                              "investor_origin = COALESCE(investor_origin, 'domestic')"))  # fmt: skip
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "-1")
    finally:
        db.close()
    return _revision(url)


def _refusal(url: str, **kwargs: bool) -> DatabaseOpenError:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url, **kwargs).close()
    return caught.value


def _server_words(exc: DatabaseOpenError, *present: str) -> None:
    for lang in ("en", "zh"):
        said = exc.message(lang)
        assert not _FILE_WORDS.search(said), said
        assert all(p in said for p in present), said


def test_an_analyst_opening_an_older_server_database_is_told_its_owner_must_upgrade_it(
    request: pytest.FixtureRequest, db_url: str
) -> None:
    _people, users = request.getfixturevalue("team")
    older = _downgrade_one(db_url)
    assert older != SCHEMA_REVISION
    analyst = as_user(db_url, users["analyst"])
    refused = _refusal(analyst)
    assert refused.reason == "server_upgrade_owner_only"
    owner = str(refused.params["owner"])
    _server_words(refused, older, SCHEMA_REVISION, owner, users["analyst"])
    assert "服务器数据库" in refused.message("zh") and "所有者" in refused.message("zh")
    code, out = run("--db", analyst, "list")
    assert code == 2 and "only its owner" in out and "Traceback" not in out
    assert _revision(db_url) == older  # nothing changed
    upgrading = _refusal(db_url, migrate=False)  # the owner, asked without upgrading: how to
    assert upgrading.reason == "server_needs_upgrade"
    _server_words(upgrading, "zqtracker db upgrade", older)
    open_database(db_url).close()  # the owner opens it: upgraded
    assert _revision(db_url) == SCHEMA_REVISION
    open_database(analyst).close()


def test_a_server_database_of_a_newer_version_is_refused_in_a_servers_words(database, db_url: str) -> None:
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.close()
    refused = _refusal(db_url)
    assert refused.reason == "server_newer_schema"
    _server_words(refused, "9999_future", "zqtracker")
    assert _revision(db_url) == "9999_future"


def test_an_account_that_may_not_set_up_an_empty_server_database_is_told_so(
    request: pytest.FixtureRequest, db_url: str, pg_server
) -> None:  # type: ignore[no-untyped-def]
    _people, users = request.getfixturevalue("team")
    empty = pg_server.create()
    try:
        refused = _refusal(as_user(pg_server.url(empty), users["reader"]))
    finally:
        pg_server.drop(empty)
    assert refused.reason == "server_cannot_open"
    _server_words(refused)
    assert "server database" in refused.message("en") and "permission denied" in refused.message("en")
    assert "没有权限" in refused.message("zh")


def test_a_server_that_cannot_be_reached_is_worded_in_both_languages(pg_server) -> None:  # type: ignore[no-untyped-def]
    refused = _refusal(pg_server.url("zq_no_such_database"))
    assert refused.reason == "unreachable"
    assert "无法连接到" in refused.message("zh") and "zq_no_such_database" in refused.message("zh")
    assert refused.message("en").startswith("Cannot connect to")
