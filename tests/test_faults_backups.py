"""Backup copies: unique names, one folder per database, rotation, leftovers, restore, and the
schema upgrade as one transaction (a kill inside it leaves the old schema, not a broken file)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from faults_helpers import damage_middle_pages, run

from zqtracker.cli.console import ExitCode
from zqtracker.storage import backup_shelf, backups, part_files
from zqtracker.storage.database import DatabaseOpenError, open_database


def _count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM projects").fetchone()[0]
    finally:
        con.close()


def test_two_backups_in_one_second_are_two_files(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    shutil.copy(demo_template, path)
    made = {backups.make_backup(path, "replace", keep=50) for _ in range(5)}
    assert len(made) == 5 and all(p.is_file() for p in made)
    assert [b.reason for b in backup_shelf.list_backups(path)] == ["replace"] * 5


def test_same_named_databases_in_two_folders_never_share_backups(demo_template: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "x" / "zqtracker.sqlite", tmp_path / "y" / "zqtracker.sqlite"
    for p in (one, two):
        p.parent.mkdir()
        shutil.copy(demo_template, p)
    con = sqlite3.connect(two)
    con.execute("DELETE FROM annual_plans")
    con.execute("DELETE FROM investment_records")
    con.execute("DELETE FROM status_changes")
    con.execute("DELETE FROM projects WHERE id > 10")
    con.commit()
    con.close()
    b1 = backups.make_backup(one, "manual")
    b2 = backups.make_backup(two, "manual")
    assert b1.parent != b2.parent
    assert _count(b1) == 568 and _count(b2) == 10
    assert [b.path for b in backup_shelf.list_backups(one)] == [b1]


def test_rotation_keeps_the_newest_n_and_never_a_pinned_one(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    shutil.copy(demo_template, path)
    first = backups.make_backup(path, "replace", keep=3)
    for _ in range(5):
        backups.make_backup(path, "import", keep=3, protect={first})
    found = backup_shelf.list_backups(path)
    assert len(found) == 4 and first in {b.path for b in found}
    backups.make_backup(path, "import", keep=3)
    assert len(backup_shelf.list_backups(path)) == 3 and not first.exists()


def test_keep_count_is_a_preference_shared_with_the_cli(tmp_path: Path, demo_template: Path) -> None:
    assert backup_shelf.keep_count() == backup_shelf.DEFAULT_KEEP
    backup_shelf.set_keep_count(2)
    try:
        path = tmp_path / "k.sqlite"
        shutil.copy(demo_template, path)
        for _ in range(4):
            code, _, err = run("--db", str(path), "db", "backup")
            assert code == ExitCode.OK, err
        assert len(backup_shelf.list_backups(path)) == 2
    finally:
        backup_shelf.set_keep_count(backup_shelf.DEFAULT_KEEP)


def test_a_damaged_database_is_never_copied_and_called_a_backup(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    shutil.copy(demo_template, path)
    damage_middle_pages(path)
    with pytest.raises(DatabaseOpenError) as caught:
        backups.make_backup(path, "manual")
    assert caught.value.reason == "corrupt"
    folder = backup_shelf.folder_for(path)
    assert [p.name for p in folder.iterdir() if p.name != backup_shelf.SOURCE_FILE] == []


def test_leftover_part_files_of_killed_copies_are_removed(tmp_path: Path) -> None:
    folder = backup_shelf.backups_root() / "x-123"
    folder.mkdir(parents=True, exist_ok=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = part_files.this_host()
    stale = folder / f".20260101-000000-000000-import.{dead.pid}-{host}.part"
    live = folder / f".20260101-000000-000000-import.{os.getpid()}-{host}.part"
    stale.write_bytes(b"half")
    live.write_bytes(b"busy")
    backup_shelf.remove_leftovers()
    assert not stale.exists() and live.exists()
    live.unlink()


@pytest.fixture
def keep_one():
    backup_shelf.set_keep_count(1)
    yield
    backup_shelf.set_keep_count(backup_shelf.DEFAULT_KEEP)


def test_db_restore_lists_and_puts_a_backup_back(demo_template: Path, tmp_path: Path, keep_one: None) -> None:
    path = tmp_path / "s.sqlite"
    shutil.copy(demo_template, path)
    code, _, _ = run("--db", str(path), "db", "backup")
    assert code == ExitCode.OK
    # keep_one: the restore's own copy of the emptied database must not rotate the chosen copy away
    con = sqlite3.connect(path)
    for table in ("annual_plans", "investment_records", "status_changes", "projects"):
        con.execute(f"DELETE FROM {table}")
    con.commit()
    con.close()
    code, out, _ = run("--db", str(path), "db", "restore")
    assert code == ExitCode.OK and "568 project(s)" in out and "by hand" in out
    code, out, _ = run("--lang", "zh", "--db", str(path), "db", "restore")
    assert "568 个项目" in out and "手动" in out
    code, out, err = run("--db", str(path), "db", "restore", "1")
    assert code == ExitCode.OK, err
    assert _count(path) == 568
    reasons = [b.reason for b in backup_shelf.list_backups(path)]
    assert reasons[0] == "restore"  # the emptied database was kept too
    code, out, _ = run("--db", str(path), "db", "check")
    assert code == ExitCode.OK


def test_db_restore_over_a_damaged_file(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    shutil.copy(demo_template, path)
    assert run("--db", str(path), "db", "backup")[0] == ExitCode.OK
    damage_middle_pages(path)
    code, _, err = run("--db", str(path), "db", "restore", "1")
    assert code == ExitCode.OK, err
    assert run("--db", str(path), "db", "check")[0] == ExitCode.OK and _count(path) == 568
    assert any(p.name.endswith("-damaged.sqlite.bin") for p in backup_shelf.folder_for(path).iterdir())


def test_restore_refuses_a_file_that_is_not_a_backup(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "u.sqlite"
    shutil.copy(demo_template, path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    code, _, err = run("--db", str(path), "db", "restore", str(junk))
    assert code == ExitCode.REFUSED and "not a usable zqtracker backup" in err
    assert _count(path) == 568


# -- the schema upgrade: one transaction --------------------------------------------------------

_MAKE_0001 = """
from sqlalchemy import create_engine
from alembic import command
from zqtracker.storage.migrate import alembic_config
engine = create_engine("sqlite:///{path}")
cfg = alembic_config()
with engine.begin() as conn:
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "0001")
    conn.exec_driver_sql("INSERT INTO sectors (id, name) VALUES (1, 'S')")
    conn.exec_driver_sql("INSERT INTO districts (id, name) VALUES (1, 'D')")
    for pid in range(1, 201):
        conn.exec_driver_sql(
            "INSERT INTO projects (id, name, sector_id, district_id, status, planned_investment, is_key_project,"
            " project_type, investor_origin, notes, created_at, updated_at, version)"
            f" VALUES ({{pid}}, 'P{{pid}}', 1, 1, 'signed', 42, 0, 'new', 'domestic', '', '2023-01-01',"
            " '2023-01-01', 1)")
        conn.exec_driver_sql("INSERT INTO status_changes (project_id, from_status, to_status, changed_on, note)"
                             f" VALUES ({{pid}}, NULL, 'signed', '2023-05-06', '')")
engine.dispose()
"""

# Alembic loads each migration file itself; the hook replaces 0002's backfill as it is loaded.
_HOOK = """
import alembic.util.pyfiles as pyfiles
_load = pyfiles.load_module_py
def load(module_id, path):
    module = _load(module_id, path)
    if module_id.startswith("0002"):
        module._backfill = BACKFILL
    return module
pyfiles.load_module_py = load
"""

_KILLED_IN_BACKFILL = (
    """
import os, signal
def BACKFILL(conn):
    os.kill(os.getpid(), signal.SIGKILL)
"""
    + _HOOK
    + """
from zqtracker.storage.database import open_database
open_database({path!r})
"""
)


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, env={**os.environ}
    )


def test_a_kill_inside_the_upgrade_leaves_the_old_schema_and_it_upgrades_after(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    assert _python(_MAKE_0001.format(path=path)).returncode == 0
    killed = _python(_KILLED_IN_BACKFILL.format(path=str(path)))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    cols = {r[1] for r in con.execute("PRAGMA table_info(projects)")}
    assert "last_activity_on" not in cols and con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    database = open_database(path)  # the next start upgrades it for good
    database.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM projects WHERE last_activity_on = '2023-05-06'").fetchone() == (200,)
    assert con.execute("SELECT count(*) FROM status_changes").fetchone() == (200,)
    con.close()


def test_a_failed_upgrade_points_to_its_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    assert _python(_MAKE_0001.format(path=path)).returncode == 0
    import alembic.util.pyfiles as pyfiles

    load = pyfiles.load_module_py

    def fail(conn: object) -> None:
        raise sqlite3.OperationalError("simulated failure inside the upgrade")

    def load_failing(module_id: str, file: object) -> object:
        module = load(module_id, file)
        if module_id.startswith("0002"):
            module._backfill = fail
        return module

    monkeypatch.setattr(pyfiles, "load_module_py", load_failing)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    made = backup_shelf.list_backups(path)
    assert caught.value.reason == "upgrade_failed" and str(made[0].path) in str(caught.value)
    assert "升级前的备份位于" in caught.value.message("zh")
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    con.close()


def test_no_room_for_the_daily_copy_still_opens_but_an_import_refuses(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from faults_helpers import small_mount

    path = tmp_path / "d.sqlite"
    shutil.copy(demo_template, path)
    with small_mount(tmp_path / "full-data", 64) as full:
        if full is None:
            pytest.skip("needs root to mount a small file system")
        monkeypatch.setenv("XDG_DATA_HOME", str(full))  # the backups folder is on a full disk
        code, _, err = run("--db", str(path), "list", "--json")
        assert code == ExitCode.OK, err
        from import_files import district_projects

        code, _, err = run("--db", str(path), "import", str(district_projects(tmp_path / "i.xlsx")))
        assert code == ExitCode.REFUSED and "-import.sqlite: the disk holding " in err and "nothing was changed" in err
    assert _count(path) == 568
