"""Opening anything that is not a healthy zqtracker database: one sentence in the user's
language, the file untouched, no traceback — and `db check`, `db recover` on real damage."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from faults_helpers import damage_middle_pages, digest, exclusive_lock, remount_read_only, run, small_mount

from zqtracker.cli.console import ExitCode
from zqtracker.storage import sqlite_file
from zqtracker.storage.database import DatabaseOpenError, open_database
from zqtracker.storage.locations import sqlite_path_of, sqlite_url


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def damaged(demo_file: Path) -> Path:
    damage_middle_pages(demo_file)
    return demo_file


# -- paths -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a?b.sqlite", "a%20b.sqlite", "a#b.sqlite", "100%.sqlite"])
def test_a_path_with_url_characters_opens_that_very_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert sqlite_path_of(sqlite_url(path)) == path
    code, _, err = run("--db", str(path), "demo")
    assert code == ExitCode.OK, err
    assert path.is_file() and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite") == [name]


# -- files that are not healthy databases ------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["summary"], ["export", "OUT"]])
def test_zero_length_file_is_refused_not_made_a_database(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "zero.sqlite"
    path.write_bytes(b"")
    argv = [str(tmp_path / "x.xlsx") if a == "OUT" else a for a in command]
    code, _out, err = run("--db", str(path), *argv)
    assert code == ExitCode.REFUSED
    assert "empty file (0 bytes)" in err and str(path) in err and "Traceback" not in err
    assert path.stat().st_size == 0 and not (tmp_path / "x.xlsx").exists()
    code, _, err = run("--lang", "zh", "--db", str(path), "list")
    assert code == ExitCode.REFUSED and "空文件（0 字节）" in err


def test_db_check_of_zero_length_and_newer_files_never_advises_upgrade(tmp_path: Path, demo_file: Path) -> None:
    zero = tmp_path / "zero.sqlite"
    zero.write_bytes(b"")
    code, out, _ = run("--db", str(zero), "db", "check")
    assert code == ExitCode.INVALID_INPUT and "empty file" in out and "db upgrade" not in out
    con = sqlite3.connect(demo_file)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    code, out, _ = run("--db", str(demo_file), "db", "check", "--json")
    data = json.loads(out)
    assert code == ExitCode.INVALID_INPUT and data["state"] == "newer_schema" and not data["needs_upgrade"]
    assert "update zqtracker" in data["advice"] and "db upgrade" not in data["advice"]
    code, _, err = run("--db", str(demo_file), "db", "upgrade")
    assert code == ExitCode.REFUSED and "newer version of zqtracker" in err


def test_damaged_pages_every_command_says_so_in_one_sentence(damaged: Path, tmp_path: Path) -> None:
    before = digest(damaged)
    for argv in (["list"], ["summary"], ["export", str(tmp_path / "x.xlsx")], ["db", "backup"], ["db", "upgrade"]):
        code, out, err = run("--db", str(damaged), *argv)
        assert code == ExitCode.REFUSED, (argv, out, err)
        assert "is damaged" in err and "db recover" in err and "internal error" not in err, argv
        assert len(err.strip().splitlines()) == 1, err
    code, _, err = run("--lang", "zh", "--db", str(damaged), "summary")
    assert code == ExitCode.REFUSED and "已损坏" in err and "文件未被改动" in err
    assert digest(damaged) == before
    assert not (tmp_path / "x.xlsx").exists()


def test_db_check_reports_damage_with_sqlite_messages_and_exit_1(damaged: Path) -> None:
    code, out, _ = run("--db", str(damaged), "db", "check", "--json")
    data = json.loads(out)
    assert code == ExitCode.INVALID_INPUT and not data["ok"] and data["state"] == "damaged"
    assert any(p.startswith("SQLite: ") for p in data["problems"])
    code, out, _ = run("--lang", "zh", "--db", str(damaged), "db", "check")
    assert code == ExitCode.INVALID_INPUT and "问题：SQLite" in out and "已损坏" in out


def test_db_recover_salvages_most_projects_into_a_new_usable_file(damaged: Path, tmp_path: Path) -> None:
    new = tmp_path / "salvaged.sqlite"
    code, out, err = run("--db", str(damaged), "db", "recover", str(damaged), str(new), "--json")
    assert code == ExitCode.OK, err
    data = json.loads(out)
    assert 400 <= data["projects"] < 568 and data["projects_before"] == 568
    code, out, _ = run("--db", str(new), "db", "check", "--json")
    assert code == ExitCode.OK and json.loads(out)["projects"] == data["projects"]
    code, _, err = run("--db", str(damaged), "db", "recover", str(damaged), str(new))
    assert code == ExitCode.REFUSED and "already exists" in err  # never over a file


def test_db_recover_of_a_file_that_is_no_database_names_it_not_the_new_file(tmp_path: Path) -> None:
    # it said "new.sqlite is damaged … salvage its projects with zqtracker db recover"
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    new = tmp_path / "new.sqlite"
    for lang, words in (("en", "Nothing could be salvaged from"), ("zh", "无法从")):
        code, _, err = run("--lang", lang, "db", "recover", str(garbage), str(new))
        assert code == ExitCode.REFUSED and words in err and str(garbage) in err, err
        assert str(new) not in err and not new.exists()


def test_locked_database_is_reported_locked_not_damaged(demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_S", 0.2)
    with exclusive_lock(demo_file):
        for lang, words in (("en", "is locked by another program"), ("zh", "正被其他程序锁定")):
            code, _, err = run("--lang", lang, "--db", str(demo_file), "list")
            assert code == ExitCode.REFUSED and words in err and "is damaged" not in err and "已损坏" not in err
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(demo_file)
        assert caught.value.reason == "locked"
    assert open_database(demo_file).read_only is False


def test_locked_past_the_busy_timeout_during_an_import_is_one_sentence(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from import_files import district_projects

    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_S", 0.2)
    book = district_projects(tmp_path / "d.xlsx")
    run("--db", str(demo_file), "list")  # the day's backup is made before the lock
    con = sqlite3.connect(demo_file, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # a writer that does not finish (WAL: readers go on)
    try:
        code, _, err = run("--db", str(demo_file), "import", str(book))
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert code == ExitCode.REFUSED and "is locked by another program" in err and "internal error" not in err


def test_read_only_mount_opens_read_only_and_refuses_writes(demo_template: Path, tmp_path: Path) -> None:
    with small_mount(tmp_path / "share", 4096) as share:
        if share is None:
            pytest.skip("needs root to mount a read-only file system")
        path = share / "shared.sqlite"
        shutil.copy(demo_template, path)
        assert remount_read_only(share)
        database = open_database(path)
        try:
            assert database.read_only
            from zqtracker.services.context import AppContext

            ctx = AppContext.for_database(database)
            assert len(ctx.projects.list_rows()) == 568
        finally:
            database.close()
        code, _out, err = run("--db", str(path), "list", "--json")
        assert code == ExitCode.OK, err
        code, _, err = run("--db", str(path), "import", str(_book(tmp_path)))
        assert code == ExitCode.REFUSED and "read-only" in err and "damaged" not in err


def _book(tmp_path: Path) -> Path:
    from import_files import district_projects

    return district_projects(tmp_path / "d.xlsx")


def test_full_disk_during_an_import_is_one_sentence_and_changes_nothing(demo_template: Path, tmp_path: Path) -> None:
    with small_mount(tmp_path / "small", 1200) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        path = small / "full.sqlite"
        shutil.copy(demo_template, path)
        filler = small / "filler"
        with filler.open("wb") as fh:  # leave ~40 KB: too little for the import's pages
            free = shutil.disk_usage(small).free
            fh.write(b"\0" * max(free - 40_000, 0))
        before = digest(path)
        code, _, err = run("--db", str(path), "import", str(_book(tmp_path)))
        assert code == ExitCode.REFUSED, err
        assert ("disk holding" in err and "is full" in err) or "No backup" in err
        assert "internal error" not in err and len(err.strip().splitlines()) == 1
        assert digest(path) == before
