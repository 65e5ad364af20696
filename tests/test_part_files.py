"""What a copy killed half way (``kill -9``) leaves — its ``.part`` file and SQLite's ``-wal``/``-shm``
beside it — is removed by the next ``db backup`` to the same file and the next copy into the
backups folder, on both engines; a copy still being written, by another process, is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults_helpers import run

from zqtracker.cli.console import ExitCode
from zqtracker.services import backups as service
from zqtracker.storage import backup_shelf, part_files
from zqtracker.storage.backups import server_source
from zqtracker.storage.database import open_database

# A writer of a copy as the program writes one (part_files.part_path, SQLite in WAL mode, a
# transaction open): killed with SIGKILL half way, or left running until the test ends it.
_WRITER = """
    import os, signal, sqlite3, sys
    from pathlib import Path
    from zqtracker.storage.part_files import part_path
    part = part_path(Path({folder!r}), {base!r})
    con = sqlite3.connect(part)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute("BEGIN")
    con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(20000)])
    con.commit()
    con.execute("BEGIN")
    con.execute("INSERT INTO t VALUES (1)")
    print(part, flush=True)
    if {kill}:
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.read()
"""


def _writer(folder: Path, base: str, *, kill: bool) -> tuple[subprocess.Popen, list[Path]]:
    code = textwrap.dedent(_WRITER.format(folder=str(folder), base=base, kill=kill))
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    part = Path(proc.stdout.readline().strip())
    if kill:
        assert proc.wait() == -signal.SIGKILL
    left = sorted(folder.glob(f"{part.name}*"))
    assert [p.name[len(part.name) :] for p in left] == ["", "-shm", "-wal"], left
    return proc, left


@pytest.fixture
def live_writers() -> Iterator[list[subprocess.Popen]]:
    running: list[subprocess.Popen] = []
    yield running
    for proc in running:
        proc.communicate("")  # let it end as a writer does


def test_db_backup_to_a_file_removes_what_a_killed_backup_to_it_left(
    demo_url: str, tmp_path: Path, live_writers: list[subprocess.Popen]
) -> None:
    out = tmp_path / "out" / "备份.sqlite"
    out.parent.mkdir()
    _, stale = _writer(out.parent, out.name, kill=True)
    live, busy = _writer(out.parent, out.name, kill=False)
    live_writers.append(live)
    _, other = _writer(out.parent, "other.sqlite", kill=True)  # a copy to another file: not this run's
    code, text, err = run("--db", demo_url, "db", "backup", str(out))
    assert code == ExitCode.OK, err
    assert out.is_file() and "备份.sqlite" in text
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in busy + other)
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name] + [p.name for p in busy + other])


def test_a_copy_into_the_backups_folder_removes_what_a_killed_copy_left(
    demo_url: str, live_writers: list[subprocess.Popen]
) -> None:
    db = open_database(demo_url)
    try:
        source = server_source(db.engine) if db.sqlite_path is None else db.sqlite_path
        folder = backup_shelf.folder_for(source)
        folder.mkdir(parents=True, exist_ok=True)
        _, stale = _writer(folder, "20260101-000000-000000-manual", kill=True)
        live, busy = _writer(folder, "20260101-000000-000001-manual", kill=False)
        live_writers.append(live)
        made = service.manual(db)  # no start of the program in between: the copy itself tidies
    finally:
        db.close()
    assert made.parent == folder and made.is_file()
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in busy)


def test_only_our_names_go_and_an_unaskable_writer_only_after_a_day(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = part_files.this_host()
    other = "0" * 8 if host != "0" * 8 else "1" * 8
    names = {
        "killed": f".a.sqlite.{dead.pid}-{host}.part",
        "killed_wal": f".a.sqlite.{dead.pid}-{host}.part-wal",
        "mine": f".a.sqlite.{os.getpid()}-{host}.part",  # this process is writing it
        "older_version": f".a.sqlite.{dead.pid}.part",  # unnamed computer: by age
        "other_computer": f".a.sqlite.{dead.pid}-{other}.part",
        "user_file": ".a.sqlite.part",  # not our pattern
        "user_file2": f"a.sqlite.{dead.pid}-{host}.part",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x")
    removed = {p.name for p in part_files.remove_stale(tmp_path, "a.sqlite")}
    assert removed == {names["killed"], names["killed_wal"]}
    day_ago = time.time() - part_files.UNTOUCHED_FOR - 60
    for key in ("older_version", "other_computer", "mine"):
        os.utime(tmp_path / names[key], (day_ago, day_ago))
    removed = {p.name for p in part_files.remove_stale(tmp_path, "a.sqlite")}
    assert removed == {names["older_version"], names["other_computer"]}
    kept = sorted(names[k] for k in ("mine", "user_file", "user_file2"))
    assert sorted(p.name for p in tmp_path.iterdir()) == kept
