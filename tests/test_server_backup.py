"""`db backup` of a server and `db restore` back onto it (issue 14): the backup is a SQLite file
holding every table — projects, history, monthly records, references, the audit trail, the round
tables — and a restore makes the server exactly that, all or nothing; a backup made by a newer
program is refused with one sentence. A server's backup restores into a SQLite database, and a
SQLite database's backup onto a server."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from engines import dump
from sqlalchemy import select, text
from test_server_access import team  # noqa: F401 - the three accounts

from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService
from zqtracker.storage.database import open_database
from zqtracker.storage.transfer import tables


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def whole(target: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table, the audit trail included, through the column types (a date is a
    date on both engines): what "the whole database" is compared on."""
    db = open_database(target, migrate=False, create=False)
    try:
        with db.engine.connect() as conn:
            return {t.name: sorted(map(tuple, conn.execute(select(t))), key=repr) for t in tables()}
    finally:
        db.close()


def _busy_database(url: str, tmp_path: Path) -> None:
    """The demo database with an edit (history, audit trail) and a reporting round."""
    ctx = AppContext.open(url)
    try:
        p = ctx.projects.list_rows(limit=1)[0]
        ctx.projects.change_status([p.id], Status.ON_HOLD, date(2024, 3, 1))
        rounds = RoundService(ctx.database)
        rounds.create(Period(2023, 10), tmp_path / "round", districts=["高要区"])
        rounds.close(Period(2023, 10), "月报已核")
        with ctx.database.session() as s:  # a decision on a finding (collecting a return makes one)
            round_id, pid = s.execute(text("SELECT round_id, project_id FROM round_projects LIMIT 1")).one()
            s.execute(
                text("INSERT INTO round_decisions VALUES (:r, :p, 'ytd_drop', 'accepted', '已核实', :t)"),
                {"r": round_id, "p": pid, "t": datetime(2023, 11, 12, 9, 30)},
            )
    finally:
        ctx.close()


@pytest.mark.engine("postgresql")
def test_a_server_backup_restores_the_whole_database(demo_url: str, tmp_path: Path) -> None:
    _busy_database(demo_url, tmp_path)
    before, trail_before = dump(demo_url), whole(demo_url)["project_changes"]
    empty = [t for t, rows in whole(demo_url).items() if not rows]
    assert empty == [], f"the test should hold a row in every table: {empty}"
    code, out = run("--db", demo_url, "db", "backup")
    assert code == 0, out
    ctx = AppContext.open(demo_url)  # then the database changes: deletions, an edit, a new project
    try:
        rows = ctx.projects.list_rows(limit=3)
        ctx.projects.delete([rows[0].id])
        ctx.projects.change_status([rows[1].id], Status.CANCELLED, date(2024, 4, 1))
        ctx.projects.create(ctx.projects.duplicate(rows[2].id))
    finally:
        ctx.close()
    assert dump(demo_url) != before
    code, out = run("--db", demo_url, "db", "restore", "--json")
    listed = json.loads(out)["backups"]
    assert code == 0 and [b["reason"] for b in listed] == ["manual"] and listed[0]["projects"] == 568
    code, out = run("--db", demo_url, "db", "restore", "1", "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["rows"]["projects"] == 568 and report["rows"]["round_districts"] >= 1
    assert dump(demo_url) == before and whole(demo_url)["project_changes"] == trail_before
    kept = open_database(report["previous_copy"], migrate=False, create=False)  # what was there, kept
    try:
        assert AppContext.for_database(kept).projects.count() == 568  # one deleted, one added
        assert len(whole(report["previous_copy"])["project_changes"]) > len(trail_before)
    finally:
        kept.close()
    ctx = AppContext.open(demo_url)  # the server's sequences moved past the restored ids
    try:
        created = ctx.projects.create(ctx.projects.duplicate(rows[0].id))
        assert created.id is not None and created.id > 568
    finally:
        ctx.close()
    code, out = run("--db", demo_url, "--lang", "zh", "db", "restore")
    assert code == 0 and "恢复前" in out and "手动" in out


@pytest.mark.engine("postgresql")
def test_a_restore_that_fails_half_way_changes_nothing(demo_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "b.sqlite"
    assert run("--db", demo_url, "db", "backup", str(backup))[0] == 0
    con = sqlite3.connect(backup)  # a code the server cannot store (SQLite does not check lengths)
    con.execute("UPDATE projects SET code = ? WHERE id = (SELECT max(id) FROM projects)", ("Z" * 300,))
    con.commit()
    con.close()
    ctx = AppContext.open(demo_url)
    try:
        ctx.projects.delete([ctx.projects.list_rows(limit=1)[0].id])
    finally:
        ctx.close()
    held = whole(demo_url)
    code, out = run("--db", demo_url, "db", "restore", str(backup))
    assert code != 0 and "nothing was restored" in out and "Traceback" not in out
    assert out.strip().count("\n") == 0, out  # one sentence
    assert whole(demo_url) == held
    assert json.loads(run("--db", demo_url, "db", "restore", "--json")[1])["backups"] == []  # no copy left either


def test_a_backup_from_a_newer_program_is_refused(demo_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "future.sqlite"
    assert run("--db", demo_url, "db", "backup", str(backup))[0] == 0
    con = sqlite3.connect(backup)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    held = whole(demo_url)
    code, out = run("--db", demo_url, "db", "restore", str(backup))
    assert code != 0 and out.strip().count("\n") == 0, out
    assert "newer version of zqtracker" in out and "9999_future" in out and "nothing was restored" in out
    code, out = run("--db", demo_url, "--lang", "zh", "db", "restore", str(backup))
    assert code != 0 and "更新版本" in out and "未恢复任何内容" in out
    assert whole(demo_url) == held


@pytest.mark.engine("postgresql")
def test_a_server_backup_restores_into_sqlite_and_a_sqlite_backup_onto_a_server(
    demo_url: str, db_url: str, tmp_path: Path
) -> None:
    _busy_database(demo_url, tmp_path)
    server_backup = tmp_path / "server.sqlite"
    assert run("--db", demo_url, "db", "backup", str(server_backup))[0] == 0
    local = tmp_path / "bureau.sqlite"
    open_database(local).close()
    code, out = run("--db", str(local), "db", "restore", str(server_backup))
    assert code == 0, out
    assert whole(local) == whole(demo_url)
    local_backup = tmp_path / "bureau-backup.sqlite"
    assert run("--db", str(local), "db", "backup", str(local_backup))[0] == 0
    code, out = run("--db", db_url, "db", "restore", str(local_backup))  # onto another, empty server database
    assert code == 0, out
    assert whole(db_url) == whole(local)


@pytest.mark.engine("postgresql")
def test_an_older_backup_is_upgraded_on_the_side_and_restored(db_url: str, tmp_path: Path) -> None:
    from test_migrations import _database_at_0002

    old = tmp_path / "old.sqlite"
    held = _database_at_0002(old)
    raw = old.read_bytes()
    code, out = run("--db", db_url, "db", "restore", str(old))
    assert code == 0, out
    assert old.read_bytes() == raw  # the backup itself is never upgraded in place
    ctx = AppContext.open(db_url)
    try:
        assert sorted(p.code for p in ctx.projects.all_projects()) == ["ZQ1", "ZQ2", "ZQ3"]
        assert [c.to_status for c in ctx.projects.status_history(1)] == [Status.SIGNED, Status.UNDER_CONSTRUCTION]
    finally:
        ctx.close()
    assert len(whole(db_url)["investment_records"]) == len(held["investment_records"])


@pytest.mark.engine("postgresql")
def test_a_replace_import_on_a_server_leaves_a_backup_that_restore_lists(
    ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    from test_engine_seam import _importer
    from test_import_service import district_projects
    from test_storage import full_project

    from zqtracker.services.importing import ImportOptions

    ctx.projects.create(full_project(code="KEEP-1"))
    before = whole(db_url)
    result = _importer(ctx, tmp_path).import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions(mode="replace"))
    assert result.written
    code, out = run("--db", db_url, "db", "restore", "--json")
    listed = json.loads(out)["backups"]
    assert code == 0 and [(b["reason"], b["projects"]) for b in listed] == [("replace", 1)]
    assert run("--db", db_url, "db", "restore", "1")[0] == 0
    assert whole(db_url) == before


@pytest.mark.engine("postgresql")
def test_only_an_account_that_may_change_everything_restores(request, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people, _users = request.getfixturevalue("team")
    backup = tmp_path / "b.sqlite"
    assert run("--db", db_url, "db", "backup", str(backup))[0] == 0
    held = whole(db_url)
    for kind in ("district", "reader"):
        code, out = run("--db", people[kind].database.url, "db", "restore", str(backup))
        assert code != 0 and "nothing was written" in out and "Traceback" not in out, (kind, out)
    assert whole(db_url) == held
    district = people["district"].database.url  # a district's backup holds its district alone:
    assert run("--db", district, "db", "backup")[0] == 0  # kept apart, never listed as the whole's
    assert json.loads(run("--db", db_url, "db", "restore", "--json")[1])["backups"] == []
    mine = json.loads(run("--db", district, "db", "restore", "--json")[1])["backups"]
    assert [b["projects"] for b in mine] == [2]
