"""probe28's faults around the database: a nearly full disk said as "disk I/O error", an older database
in a read-only folder refused even to read, a read-only PostgreSQL account unable to dry-run an import,
and a Ctrl-C landing after a round's return was saved. Each is made for real: a small tmpfs filled up
and one remounted read-only (root only; skipped elsewhere), a role granted SELECT alone on the test
server, a real SIGINT in a child process."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from faults_helpers import digest, remount_read_only, run, small_mount
from import_files import SheetSpec, write_workbook
from round_returns import H_MONTH, Sheet, sql
from sqlalchemy import create_engine, text
from test_probe27_interrupts import child

from zqtracker.cli.console import ExitCode
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService
from zqtracker.storage.database import open_database

WAN = 10_000
_n = itertools.count()


def _sihui(tmp_path: Path, n: int = 3) -> Path:
    rows = [["四会市2025年重点项目表"], ["项目名称", "所在区域", "计划总投资（万元）", "项目状态"]]
    rows += [[f"四会项目{i}", "四会市", 100 + i, "在建"] for i in range(n)]
    return write_workbook(tmp_path / "sihui.xlsx", SheetSpec("Sheet1", rows))


# -- 2. a full disk ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["import", "BOOK"], ["summary"]])
def test_a_disk_too_full_for_the_journal_is_said_full_not_an_io_error(
    demo_template: Path, tmp_path: Path, command: list[str]
) -> None:
    """With no room left for the -shm and -wal beside the file, SQLite says "disk I/O error"
    (SQLITE_IOERR_SHMSIZE): it was worded "Cannot read or write … check the disk … db check"."""
    with small_mount(tmp_path / "small", 1400) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        path = small / "full.sqlite"
        shutil.copy(demo_template, path)  # 1.1 MB of the 1.4 MB
        with (small / "filler").open("wb") as fh:  # then every byte left taken
            fh.write(b"\0" * shutil.disk_usage(small).free)
        assert shutil.disk_usage(small).free == 0
        before = digest(path)
        argv = [str(_sihui(tmp_path)) if a == "BOOK" else a for a in command]
        code, _out, err = run("--db", str(path), *argv)
        assert code == ExitCode.REFUSED, err
        assert err.strip() == (
            f"zqtracker: The disk holding {path} is full (0 KB free); nothing was changed — "
            "free some space and try again."
        )
        code, _out, err = run("--db", str(path), "--lang", "zh", *argv)
        assert "所在的磁盘已满（剩余 0 KB）" in err and "I/O" not in err
        assert digest(path) == before


# -- 3. an older database in a read-only folder ----------------------------------------------------


def _older_file(path: Path) -> None:
    """A zqtracker file of schema 0010 (before 0011_deleted_district) holding two projects of 高要区."""
    from alembic import command

    from zqtracker.storage.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010_unknown_type_origin")
        conn.execute(text("INSERT INTO districts (id, name) VALUES (1, '高要区')"))
        for pid, amount in ((1, 3 * 10**8), (2, 5 * 10**7)):
            conn.execute(
                text(
                    "INSERT INTO projects (id, name, district_id, status, is_key_project, notes, planned_investment,"
                    " created_at, updated_at, version) VALUES (:id, :name, 1, 'signed', false, '', :amount,"
                    " '2025-01-01', '2025-01-01', 1)"
                ),
                {"id": pid, "name": f"项目{pid}", "amount": amount},
            )
    engine.dispose()


def _scratch_copies() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("zqtracker-read-*")}


def test_an_older_database_in_a_read_only_folder_is_read_not_refused(tmp_path: Path) -> None:
    """Its schema cannot be upgraded where it is: `summary` and `list` were refused ("cannot be
    changed … read-only"). Now they read an upgraded private copy; writes are still refused."""
    with small_mount(tmp_path / "share", 4096) as share:
        if share is None:
            pytest.skip("needs root to mount a read-only file system")
        path = share / "older.sqlite"
        _older_file(path)
        assert remount_read_only(share)
        before, copies = digest(path), _scratch_copies()
        code, out, err = run("--db", str(path), "list", "--json")
        assert code == ExitCode.OK, err
        listed = {p["name"]: p["planned_investment_yuan"] for p in json.loads(out)["projects"]}
        assert listed == {"项目1": 3 * 10**8, "项目2": 5 * 10**7}  # 3 亿 and 5,000 万 as stored
        code, out, err = run("--db", str(path), "summary")
        assert code == ExitCode.OK and "高要区" in out, err
        code, _out, err = run("--db", str(path), "import", str(_sihui(tmp_path)))
        assert code == ExitCode.REFUSED and "read-only" in err and "nothing was changed" in err, err
        assert digest(path) == before and _scratch_copies() == copies  # the file untouched, the copy gone


# -- 4. a PostgreSQL account granted SELECT alone ---------------------------------------------------


@pytest.mark.engine("postgresql")
def test_a_read_only_account_dry_runs_an_import_and_its_import_is_refused(db_url: str, tmp_path: Path) -> None:
    """Its dry run wrote the import in a transaction to be rolled back, which the server refused: the
    dry run said "The server refused this". Now it says what the import would change; the real
    import is refused in one sentence, before anything — the server's backup included."""
    from test_server_access import as_user

    code, _out, err = run("--db", db_url, "import", str(_sihui(tmp_path, 1)))  # 四会项目0, as the owner
    assert code == 0, err
    role = f"sel_{os.getpid()}_{next(_n)}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    try:
        url = as_user(db_url, role)
        book = _sihui(tmp_path, 3)  # 四会项目0 as stored; 四会项目1 and 2 new
        code, out, err = run("--db", url, "import", str(book), "--dry-run")
        assert code == ExitCode.OK, err
        assert "Dry run (nothing written): 2 added, 0 updated, 1 unchanged" in out, out
        assert f"The account “{role}” may only read this database" in out and "would be refused" in out
        code, out, err = run("--db", url, "import", str(book))
        assert code == ExitCode.INVALID_INPUT and "added" not in out, out
        assert err.strip() == (
            f"zqtracker: The account “{role}” may only read this database; nothing was written (ask for an account "
            "that may change projects, or let a colleague import the file)."
        )
        code, _out, err = run("--db", url, "--lang", "zh", "import", str(book))
        assert f"账户“{role}”只能读取此数据库" in err
        data = Path(os.environ["XDG_DATA_HOME"]) / "zqtracker" / "backups"
        assert not any(role in p.name for p in data.rglob("*")) if data.exists() else True
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()
    db = open_database(db_url)
    try:
        names = {p.name for p in AppContext.for_database(db).projects.all_projects()}
    finally:
        db.close()
    assert names == {"四会项目0"}  # nothing of the refused import


# -- 5. Ctrl-C after a round's return was saved -----------------------------------------------------

# The child: SIGINT to itself right after the commit of the import of the return named in argv[1].
AFTER_RETURN_COMMIT = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
state = {"wrote": False, "sent": False, "file": sys.argv[1]}
@event.listens_for(Engine, "before_cursor_execute")
def wrote(conn, cursor, statement, parameters, *args):
    if "'import', '" + state["file"] + "'" in str(parameters):  # the import's write names itself for the audit
        state["wrote"] = True
@event.listens_for(Session, "after_commit")
def committed(session):
    if state["wrote"] and not state["sent"]:
        state["sent"] = True
        os.kill(os.getpid(), signal.SIGINT)
        print("SIGINT sent after the commit", file=sys.stderr)
sys.argv = ["zqtracker", *sys.argv[2:]]
from zqtracker.launcher import main
sys.exit(main())
"""


def test_ctrl_c_once_a_returns_import_committed_still_records_it_in_the_round(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    """`round collect` ran without the import's Ctrl-C protection: the return's figures were saved, the
    round was left saying the district had not returned, and "interrupted" was said. Now the return
    is imported, recorded in the round and reported."""
    made = RoundService(demo_ctx.database).create(Period(2023, 10), tmp_path / "out", districts=["四会市"], lang="zh")
    book = made.books[0].path
    sheet = Sheet.open(book)
    pid = sheet.ids()[0]
    sheet.set(pid, H_MONTH, 40)  # 40 万元 in October 2023
    sheet.save()
    url = demo_ctx.database.url
    demo_ctx.close()
    done = child(AFTER_RETURN_COMMIT, book.name, "--db", url, "round", "collect", str(book), "--accept", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "SIGINT sent after the commit\n"  # no "interrupted", no traceback
    assert json.loads(done.stdout)["written"] is True
    db = open_database(url)
    try:
        ctx = AppContext.for_database(db)
        october = sql(
            ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10", pid
        )
        returned = sql(ctx, "SELECT returned_on FROM round_districts rd JOIN districts d ON d.id = rd.district_id "
                            "WHERE d.name = '四会市'")  # fmt: skip
    finally:
        db.close()
    assert october == [(40 * WAN,)]
    assert returned and returned[0][0] is not None and str(returned[0][0]) == str(date.today())
