"""probe27a's Ctrl-C and lock faults: a Ctrl-C during an import's commit (everything saved, "interrupted"
said), a Ctrl-C in the first second of any command (a KeyboardInterrupt traceback), and PostgreSQL
waiting for ever behind another session's table lock.

The Ctrl-C tests run the real command in a child process and send it a real SIGINT at the moment
named: the child's hook (SQLAlchemy's events, Python's import system) only decides when.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faults_helpers import run
from import_files import SheetSpec, write_workbook

from zqtracker.storage import sqlite_file
from zqtracker.storage.database import open_database

ROOT = Path(__file__).resolve().parent.parent
WAN = 10_000

# The child: SIGINT to itself at one moment of the import, then the command as `zqtracker` runs it.
AT_COMMIT = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
state = {"wrote": False, "sent": False, "when": sys.argv[1]}
@event.listens_for(Engine, "before_cursor_execute")
def wrote(conn, cursor, statement, parameters, *args):
    # the import's write transaction begins by naming itself for the audit trail: the action, the file
    if "'import', 'sihui.xlsx'" in str(parameters):
        state["wrote"] = True
        if state["when"] == "writing" and not state["sent"]:
            state["sent"] = True
            os.kill(os.getpid(), signal.SIGINT)
@event.listens_for(Session, "after_commit")
def committed(session):
    if state["when"] == "committed" and state["wrote"] and not state["sent"]:
        state["sent"] = True
        os.kill(os.getpid(), signal.SIGINT)  # what the driver's commit let through once it returned
        print("SIGINT sent after the commit", file=sys.stderr)
sys.argv = ["zqtracker", *sys.argv[2:]]
from zqtracker.launcher import main
sys.exit(main())
"""

# SIGINT while the command modules are imported (build_parser), through `python -m zqtracker`.
AT_START = """
import os, runpy, signal, sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "zqtracker.cli.commands.import_file":
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv = ["zqtracker", *sys.argv[1:]]
runpy.run_module("zqtracker", run_name="__main__")
"""


def _ctrl_c_as_a_terminal_gives_it() -> None:
    """In the child before it starts Python: Ctrl-C handled by default, as a shell's foreground command has it —
    a test run started in the background (nohup, `&` in a script) ignores SIGINT, and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def child(script: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        preexec_fn=_ctrl_c_as_a_terminal_gives_it,
    )


def district_file(tmp_path: Path) -> Path:
    rows = [["四会市2025年重点项目表"], ["单位：万元"], ["项目名称", "所在区域", "计划总投资", "项目状态"]]
    rows += [[f"四会项目{i}", "四会市", 100 + i, "在建"] for i in range(40)]
    return write_workbook(tmp_path / "sihui.xlsx", SheetSpec("Sheet1", rows))


def stored(url: str) -> dict[str, int | None]:
    db = open_database(url)
    try:
        from zqtracker.services.context import AppContext

        return {p.name: p.planned_investment for p in AppContext.for_database(db).projects.all_projects()}
    finally:
        db.close()


@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_ctrl_c_once_the_commit_is_under_way_reports_the_import_it_saved(
    db_url: str, tmp_path: Path, mode: str
) -> None:
    """probe27a k10, m04: all saved (a replace had deleted the other districts' projects), yet only
    "interrupted; nothing more was written", exit 130, no counts and no backup named."""
    other = [
        ["鼎湖区2025年重点项目表"],
        ["项目名称", "所在区域", "计划总投资（万元）", "项目状态"],
        ["鼎湖甲项目", "鼎湖区", 5, "在建"],
    ]
    code, _out, err = run("--db", db_url, "import", str(write_workbook(tmp_path / "dh.xlsx", SheetSpec("S", other))))
    assert code == 0, err
    done = child(AT_COMMIT, "committed", "--db", db_url, "import", str(district_file(tmp_path)), "--mode", mode)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "SIGINT sent after the commit\n"  # (and nothing more: no "interrupted", no traceback)
    assert "40 added" in done.stdout and ("Backed up before importing" in done.stdout or mode == "merge")
    # 四会项目0 … 四会项目39: 100 … 139 万元; the replace deleted 鼎湖甲项目 (5 万元)
    sihui = {f"四会项目{i}": (100 + i) * WAN for i in range(40)}
    assert stored(db_url) == (sihui if mode == "replace" else {**sihui, "鼎湖甲项目": 5 * WAN})


def test_ctrl_c_while_the_import_still_writes_saves_nothing_and_says_so(db_url: str, tmp_path: Path) -> None:
    open_database(db_url).close()
    done = child(AT_COMMIT, "writing", "--db", db_url, "import", str(district_file(tmp_path)))
    assert done.returncode == 130 and done.stderr.strip() == "zqtracker: interrupted; nothing more was written."
    assert stored(db_url) == {}


@pytest.mark.parametrize(("lang", "said"), [("en", "zqtracker: interrupted; nothing more was written."),
                                            ("zh", "zqtracker: 已中断；之后没有再写入任何内容。")])  # fmt: skip
def test_ctrl_c_while_the_command_starts_is_one_line_and_exit_130(tmp_path: Path, lang: str, said: str) -> None:
    """probe27a k08, ci03: the signal landed while build_parser imported the commands' modules, outside
    the CLI's own handling: a KeyboardInterrupt traceback, the process killed by the signal."""
    done = child(AT_START, "--lang", lang, "--db", str(tmp_path / "x.sqlite"), "summary")
    assert done.returncode == 130 and done.stderr.strip() == said and done.stdout == ""
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.engine("postgresql")
def test_a_table_another_session_locks_is_waited_for_a_bounded_time(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """probe27a pglk: `LOCK TABLE projects` in a psql session left open, and import and summary waited
    with no end and no word. Now they wait as long as SQLite does (its busy timeout, shortened here)."""
    import psycopg
    from sqlalchemy.engine import make_url

    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_S", 1.5)
    path = district_file(tmp_path)
    u = make_url(db_url)
    holder = psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database)
    try:
        holder.execute("LOCK TABLE projects IN ACCESS EXCLUSIVE MODE")
        for argv in (["import", str(path)], ["summary"]):
            started = time.monotonic()
            code, _out, err = run("--db", db_url, *argv)
            assert code == 2 and "another session on the server kept zqtracker waiting for over 2 seconds" in err
            assert "nothing was changed" in err and len(err.strip().splitlines()) == 1
            assert time.monotonic() - started < 15
        code, _out, err = run("--lang", "zh", "--db", db_url, "summary")
        assert code == 2 and "服务器上的另一个会话让 zqtracker 等待了超过 2 秒" in err
    finally:
        holder.rollback()
        holder.close()
    assert stored(db_url) == {}
    code, _out, err = run("--db", db_url, "import", str(path))
    assert code == 0, err
    assert len(stored(db_url)) == 40
