"""A restore can be cancelled until it replaces the database, and a cancelled restore changes
nothing: the database file byte for byte, its projects, and its backup copies — the copy the
restore made of the database is deleted again, and no older copy was rotated away for it. The
replacement itself cannot be cancelled: past its point of no return a cancel is refused.

Real files throughout: the demo database, its real backup copies (ten of them, the number kept, so
that a copy made by the restore would rotate the oldest away), and services.progress.Progress
with the callback a progress dialog gives it — cancelling at the moment its text names a step, as
a user pressing Cancel then would."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engines import dump

from zqtracker.cli.console import ExitCode
from zqtracker.services import backups
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Cancelled, Progress
from zqtracker.storage import backup_shelf
from zqtracker.storage import backups as store
from zqtracker.storage.restore import restore_backup


def fingerprint(path: Path) -> str:
    """The database file and its journal files, byte for byte (an empty write-ahead log, which a
    reader of a database in WAL mode leaves, is no content)."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_size:
            digest.update(suffix.encode() + side.read_bytes())
    return digest.hexdigest()


def projects(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT id, name, planned_investment, version FROM projects ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def shelf(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A database whose newest copy holds fewer projects, with as many copies as are kept."""
    path = tmp_path / "高要区项目库.sqlite"
    shutil.copy(demo_template, path)
    for _ in range(backup_shelf.keep_count() - 1):
        store.make_backup(path, "manual", keep=50)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM annual_plans WHERE project_id > 100")
    con.execute("DELETE FROM investment_records WHERE project_id > 100")
    con.execute("DELETE FROM status_changes WHERE project_id > 100")
    con.execute("DELETE FROM projects WHERE id > 100")
    con.commit()
    con.close()
    chosen = store.make_backup(path, "manual", keep=50)  # 100 projects: the one to restore
    con = sqlite3.connect(path)
    con.execute("UPDATE projects SET name = name || '（已改）' WHERE id <= 10")
    con.commit()
    con.close()
    assert len(backup_shelf.list_backups(path)) == backup_shelf.keep_count()
    return path, chosen


def cancelling_at(step: str, lang: str = "en") -> Progress:
    """A progress whose user presses Cancel as soon as it shows ``step`` (its words in ``lang``)."""
    words = backups.RESTORE_STEPS.say(step, lang)
    progress: Progress

    def shown(_done: int, _total: int | None, text: str) -> None:
        if text == words:
            progress.cancel()

    progress = Progress(shown)
    return progress


@pytest.mark.parametrize(("step", "lang"), [("checking", "en"), ("copying", "zh")])
def test_a_restore_cancelled_before_the_replacement_changes_nothing(
    shelf: tuple[Path, Path], step: str, lang: str
) -> None:
    path, chosen = shelf
    before = (fingerprint(path), projects(path), backup_shelf.list_backups(path))
    progress = cancelling_at(step, lang)
    with pytest.raises(Cancelled):
        backups.restore(chosen, path, progress, lang)
    assert progress.cancelled and not progress.past_return
    assert (fingerprint(path), projects(path), backup_shelf.list_backups(path)) == before
    assert not [p for p in path.parent.rglob("*.part")] and not list(backup_shelf.folder_for(path).glob(".*.part"))


def test_stopped_at_the_point_of_no_return_the_copy_it_made_goes_and_no_older_one(shelf: tuple[Path, Path]) -> None:
    """The last moment a restore may stop: its copy of the database made, the replacement next."""
    path, chosen = shelf
    before = (fingerprint(path), projects(path), backup_shelf.list_backups(path))
    steps: list[str] = []

    def stage(name: str) -> None:
        steps.append(name)
        if name == "replacing":
            assert len(backup_shelf.list_backups(path)) == backup_shelf.keep_count() + 1  # its copy, made
            raise Cancelled

    with pytest.raises(Cancelled):
        restore_backup(chosen, path, stage=stage)
    assert steps == ["checking", "copying", "replacing"]
    assert (fingerprint(path), projects(path), backup_shelf.list_backups(path)) == before


def test_past_the_point_of_no_return_a_cancel_is_refused_and_the_restore_completes(shelf: tuple[Path, Path]) -> None:
    path, chosen = shelf
    oldest = backup_shelf.list_backups(path)[-1].path
    said: list[str] = []
    progress: Progress

    def shown(_done: int, _total: int | None, text: str) -> None:
        said.append(text)
        if text == backups.RESTORE_STEPS.say("replacing", "en"):
            assert progress.cancel() is False  # the user presses Cancel: refused, nothing asked

    told: list[bool] = []
    progress = Progress(shown, on_point_of_no_return=lambda: told.append(True))
    made = backups.restore(chosen, path, progress, "en")
    assert said == [backups.RESTORE_STEPS.say(s, "en") for s in ("checking", "copying", "replacing")]
    assert "cannot be cancelled" in said[-1] and told == [True] and not progress.cancelled
    assert len(projects(path)) == 100  # restored
    kept = [b.path for b in backup_shelf.list_backups(path)]
    assert made in kept and chosen in kept and oldest not in kept  # rotated once it could not be undone
    assert len(kept) == backup_shelf.keep_count()


def test_the_point_of_no_return_comes_after_a_cancel_or_before_it() -> None:
    progress = Progress()
    assert progress.cancel() is True
    with pytest.raises(Cancelled):
        progress.point_of_no_return()
    assert not progress.past_return
    other = Progress()
    other.point_of_no_return()
    assert other.cancel() is False and not other.cancelled
    other.check()  # does not raise
    other.report(1, 1, "")


@pytest.mark.engine("postgresql")
def test_a_server_restore_is_cancelled_the_same_way(demo_ctx: AppContext) -> None:
    """On PostgreSQL: cancelled while the server's copy is made, nothing on the server changes
    and that copy goes — no older copy rotated away for it."""
    database = demo_ctx.database
    chosen = backups.manual(database)
    for _ in range(backup_shelf.keep_count() - 1):
        backups.manual(database)
    demo_ctx.projects.delete([r.id for r in demo_ctx.projects.list_rows()][:5])
    listed = backups.list_for(database)
    assert len(listed) == backup_shelf.keep_count()
    before = (dump(database), listed)
    with pytest.raises(Cancelled):
        backups.restore_server(database, chosen, cancelling_at("copying"), "en")
    assert (dump(database), backups.list_for(database)) == before


# -- `zqtracker db restore`: Ctrl-C cancels it the same way ----------------------------------------
ROOT = Path(__file__).resolve().parent.parent
CLI_WORDS = {
    "en": (
        "Restore cancelled: nothing was changed.",
        "Ctrl-C came while the database was being replaced, which cannot be cancelled; the restore goes on.",
    ),
    "zh": ("恢复已取消：未做任何更改。", "按下 Ctrl-C 时数据库正在被替换，此步骤无法取消；恢复继续进行。"),
}
needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the process's open files in /proc")


def _cli(*argv: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "zqtracker", *argv], cwd=ROOT, env={**os.environ},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for(condition, proc: subprocess.Popen, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while not condition():
        assert proc.poll() is None, f"ended before {what}: {proc.communicate()}"
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.02)


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


@needs_proc
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ctrl_c_cancels_db_restore_while_the_backup_is_checked(shelf: tuple[Path, Path], lang: str) -> None:
    """The chosen copy is held by another program's lock, so the restore is still checking it when
    Ctrl-C comes (and goes on once the lock is let go, into the cancel)."""
    path, chosen = shelf
    before = (fingerprint(path), projects(path), backup_shelf.list_backups(path))
    holder = sqlite3.connect(chosen, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    proc = _cli("--lang", lang, "--db", str(path), "db", "restore", str(chosen))
    try:
        _wait_for(lambda: _has_open(proc.pid, chosen), proc, "opening of the backup")
        proc.send_signal(signal.SIGINT)
        time.sleep(0.3)
    finally:
        holder.rollback()
        holder.close()
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err.strip()) == (ExitCode.INTERRUPTED, "", f"zqtracker: {CLI_WORDS[lang][0]}")
    assert (fingerprint(path), projects(path), backup_shelf.list_backups(path)) == before


@needs_proc
def test_ctrl_c_while_db_restore_replaces_the_database_is_refused(shelf: tuple[Path, Path]) -> None:
    """The database is held by another program's write lock, so the restore waits to replace it
    when Ctrl-C comes: refused, said so, and the restore completes once the lock is let go."""
    path, chosen = shelf
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    proc = _cli("--db", str(path), "db", "restore", str(chosen))
    try:
        _wait_for(lambda: any(b.reason == "restore" for b in backup_shelf.list_backups(path)), proc, "copy")
        time.sleep(0.5)  # past the copy's naming: waiting for the lock, to replace the database
        proc.send_signal(signal.SIGINT)
        time.sleep(0.2)
    finally:
        holder.rollback()
        holder.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.OK and err.strip() == f"zqtracker: {CLI_WORDS['en'][1]}", (out, err)
    assert out.startswith(f"Restored {path} from {chosen}") and len(projects(path)) == 100
