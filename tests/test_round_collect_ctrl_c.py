"""Ctrl-C during a `round collect` of several returns stops the whole collect (fix29d).

Once the first return's import had begun to commit, Ctrl-C was held off (services/interrupts.py) for
the rest of the command: the next returns were imported as well, and the collect ended with exit 0.
Now the return being imported when Ctrl-C comes changes nothing (or, past the start of its commit,
completes), the returns after it are not started, the sentence names the files kept and those not
imported, exit 130. A real SIGINT in a child process at the moment named (test_probe27_interrupts).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from round_returns import H_MONTH, Sheet, sql
from test_probe27_interrupts import child

from zqtracker.cli.console import ExitCode
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService
from zqtracker.storage.database import open_database

WAN = 10_000
DISTRICTS = ["四会市", "高要区", "鼎湖区"]

# The child: SIGINT to itself once the import of the return named in argv[2] is at the moment argv[1]
# names — "writing" (its transaction names itself for the audit: open, nothing committed) or
# "committed" (right after its commit, the round not yet told).
AT_RETURN = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
state = {"wrote": False, "sent": False, "when": sys.argv[1], "file": sys.argv[2]}
def interrupt(said):
    state["sent"] = True
    print(said, file=sys.stderr, flush=True)  # first: a SIGINT raised at once ends this function
    os.kill(os.getpid(), signal.SIGINT)
@event.listens_for(Engine, "before_cursor_execute")
def wrote(conn, cursor, statement, parameters, *args):
    if "'import', '" + state["file"] + "'" in str(parameters) and not state["wrote"]:
        state["wrote"] = True
        if state["when"] == "writing":
            interrupt("SIGINT sent while it wrote")
@event.listens_for(Session, "after_commit")
def committed(session):
    if state["when"] == "committed" and state["wrote"] and not state["sent"]:
        interrupt("SIGINT sent after the commit")
sys.argv = ["zqtracker", *sys.argv[3:]]
from zqtracker.launcher import main
sys.exit(main())
"""


def _returns(ctx: AppContext, tmp_path: Path) -> tuple[list[Path], list[int]]:
    """The round of October 2023 for three districts, each return giving its first project 40 万元 that month."""
    made = RoundService(ctx.database).create(Period(2023, 10), tmp_path / "out", districts=DISTRICTS, lang="zh")
    books = {b.district: b.path for b in made.books}
    paths, pids = [], []
    for district in DISTRICTS:
        sheet = Sheet.open(books[district])
        pid = sheet.ids()[0]
        sheet.set(pid, H_MONTH, 40)
        sheet.save()
        paths.append(books[district])
        pids.append(pid)
    return paths, pids


def _stored(url: str, pids: list[int]) -> tuple[list[int | None], dict[str, bool]]:
    """October 2023 of each project (yuan; None: no record), and which districts the round says returned."""
    db = open_database(url)
    try:
        ctx = AppContext.for_database(db)
        october = []
        for pid in pids:
            found = sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 "
                             "AND month = 10", pid)  # fmt: skip
            october.append(found[0][0] if found else None)
        returned = sql(ctx, "SELECT d.name, rd.returned_on FROM round_districts rd JOIN districts d "
                            "ON d.id = rd.district_id")  # fmt: skip
    finally:
        db.close()
    return october, {name: on is not None for name, on in returned}


@pytest.mark.parametrize(
    ("when", "at", "kept"),
    [
        ("committed", 0, 1),  # during the first return's commit: it completes, the second and third not started
        ("writing", 1, 1),  # while the second return's import writes: it rolls back, the third not started
    ],
)
def test_ctrl_c_stops_the_whole_collect_keeping_the_returns_done(
    demo_ctx: AppContext, tmp_path: Path, when: str, at: int, kept: int
) -> None:
    paths, pids = _returns(demo_ctx, tmp_path)
    url = demo_ctx.database.url
    before, _ = _stored(url, pids)
    demo_ctx.close()
    argv = ["--db", url, "round", "collect", *map(str, paths), "--accept", "--json"]
    done = child(AT_RETURN, when, paths[at].name, *argv)
    assert done.returncode == ExitCode.INTERRUPTED, done.stderr
    names = [p.name for p in paths]
    said = "SIGINT sent after the commit" if when == "committed" else "SIGINT sent while it wrote"
    assert done.stderr == (
        f"{said}\nzqtracker: interrupted. Imported and recorded in the round before it, and kept: "
        f"{', '.join(names[:kept])}. Not imported, nothing of them written: {', '.join(names[kept:])} — "
        "collect them again.\n"
    )
    report = json.loads(done.stdout)  # the one return kept, reported as usual
    assert report["file"] == str(paths[0]) and report["written"] is True
    october, returned = _stored(url, pids)
    # the first return's 40 万元 stored; the others' October as before the collect
    assert october == [40 * WAN, *before[1:]]
    assert returned == {"四会市": True, "高要区": False, "鼎湖区": False}


def test_ctrl_c_during_the_last_returns_commit_completes_the_collect(demo_ctx: AppContext, tmp_path: Path) -> None:
    """Nothing is left to stop: every return imported and reported, exit 0, no "interrupted" (as for `import`)."""
    paths, pids = _returns(demo_ctx, tmp_path)
    url = demo_ctx.database.url
    demo_ctx.close()
    argv = ["--db", url, "round", "collect", *map(str, paths), "--accept", "--json"]
    done = child(AT_RETURN, "committed", paths[-1].name, *argv)
    assert done.returncode == ExitCode.OK, done.stderr
    assert done.stderr == "SIGINT sent after the commit\n"
    assert [r["written"] for r in json.loads(done.stdout)] == [True, True, True]
    october, returned = _stored(url, pids)
    assert october == [40 * WAN] * 3 and all(returned.values())
