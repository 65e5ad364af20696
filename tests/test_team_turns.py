"""Work two people start at the same moment, and work an account may not do (the PostgreSQL probe,
session 13, B5): each ends in one sentence with exit 2 — never an internal error (exit 3)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from test_server_access import run, team  # noqa: F401 - the fixture

from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundRefused, RoundService


def test_two_closes_of_one_month_at_once_close_it_once(ctx: AppContext, db_url: str) -> None:
    """Both start while a colleague's write holds the lock: the second to get it finds the month closed."""
    contexts = [AppContext.open(db_url, daily_backup=False) for _ in (0, 1)]
    outcomes: list[str] = []

    def close(c: AppContext) -> None:
        try:
            RoundService(c.database).close(Period(2026, 10))
            outcomes.append("closed")
        except RoundRefused as exc:
            outcomes.append(exc.message("en"))

    workers = [threading.Thread(target=close, args=(c,)) for c in contexts]
    with ctx.database.write() as s:
        s.connection().exec_driver_sql("SELECT 1")
        for w in workers:
            w.start()
        time.sleep(1)
        assert outcomes == []
    for w in workers:
        w.join(60)
    for c in contexts:
        c.close()
    assert sorted(outcomes) == ["2026-10 is already closed", "closed"], outcomes
    code, out = run("--db", db_url, "round", "close", "2026-10")  # and on the command line
    assert (code, out.strip()) == (2, "zqtracker: 2026-10 is already closed"), out


@pytest.mark.engine("postgresql")
def test_an_account_that_may_not_grant_is_told_so(team) -> None:  # noqa: F811
    people, users = team
    for who in ("reader", "district", "analyst"):
        code, out = run("--db", people[who].database.url, "db", "grant", f"x_{users[who]}", "--role", "reader")
        assert code == 2 and out.strip().count("\n") == 0 and "internal error" not in out, (who, out)
        assert f"the account “{users[who]}” may not create or change accounts" in out, out
    code, out = run("--db", people["reader"].database.url, "--lang", "zh", "db", "grant", "y", "--role", "reader")
    assert code == 2 and f"账户“{users['reader']}”无权创建或修改账户" in out, out


@pytest.mark.engine("postgresql")
def test_copy_replace_keeps_district_staff_and_waits_a_bounded_time(
    team,  # noqa: F811
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """`db copy SRC SERVER --replace` (B7, B10): district staff keep their district (by name), one whose
    district the copy lacks is named with how to restore it; a colleague's transaction holding a
    table is waited for a bounded time, then named in one sentence, nothing changed."""
    from sqlalchemy import create_engine, text

    from zqtracker.domain.models import Project
    from zqtracker.domain.status import Status
    from zqtracker.storage import holding

    people, users = team
    source = tmp_path / "source.sqlite"
    assert run("--db", db_url, "db", "backup", str(source))[0] == 0
    code, out = run("db", "copy", str(source), db_url, "--replace")
    assert code == 0 and "no longer works" not in out, out
    assert sorted(p.code for p in people["district"].projects.all_projects()) == ["GY-1", "GY-2"]
    other = AppContext.open(str(tmp_path / "other.sqlite"), daily_backup=False)
    other.projects.create(Project("端州新项目", "新材料", "端州区", Status.SIGNED, 10**8, code="DZ-9"))
    other.close()
    code, out = run("db", "copy", str(tmp_path / "other.sqlite"), db_url, "--replace")
    assert (
        code == 0
        and (
            f"The account “{users['district']}” no longer works for 高要区: the copy has no such district — once it "
            f"exists, run `zqtracker db grant {users['district']} --role district --district 高要区` again."
        )
        in out
    ), out
    colleague = create_engine(db_url)
    monkeypatch.setattr(holding, "WAIT_S", 1)  # the bound, 20 s, shortened for the test
    try:
        with colleague.connect() as conn, conn.begin():
            conn.execute(text("SELECT id FROM projects FOR UPDATE")).all()  # a colleague's edit left open
            code, out = run("db", "copy", str(source), db_url, "--replace")
    finally:
        colleague.dispose()
    assert code == 2 and out.strip().count("\n") == 0 and "is busy" in out and "nothing was changed" in out, out
    assert [p.code for p in people["analyst"].projects.all_projects()] == ["DZ-9"]  # unchanged


@pytest.mark.engine("postgresql")
def test_a_server_database_of_another_program_is_not_called_an_sqlite_file(request: pytest.FixtureRequest) -> None:
    """Messages about a server database speak of a database, not of an SQLite file (B8)."""
    from sqlalchemy import create_engine

    server = request.getfixturevalue("pg_server")
    name = server.create()
    try:
        engine = create_engine(server.url(name))
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)")
        engine.dispose()
        for lang in ("en", "zh"):
            code, out = run("--db", server.url(name), "--lang", lang, "summary")
            assert code == 2 and "SQLite" not in out and out.strip().count("\n") == 0, out
        assert (
            "holds tables of another program, not a zqtracker database; it was left untouched"
            in run("--db", server.url(name), "summary")[1]
        )
    finally:
        server.drop(name)
