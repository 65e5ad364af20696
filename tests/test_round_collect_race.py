"""probe36 F3: two analysts collecting the same return a moment apart. The second, reading the return
before the first's collect committed and analysing it after, found nothing to change: exit 0, "0
project(s) updated", and the district's part of the round recorded again with nothing updated. It is
told the return was just collected by the other now, as when its analysis came before the first's write,
and records nothing. Once in order on both engines, and on PostgreSQL with two collects running at once,
the first held between its import's commit and its round record by a row lock the test takes. Also
for a return adding a new project, whose 新增项目 row then named the project the first's collect added
("names a project on record", exit 1): just collected too."""

from __future__ import annotations

import io
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from round_returns import H_MONTH, Sheet, reported, sql
from sqlalchemy import text

from zqtracker.cli.main import main
from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import RoundCollector
from zqtracker.services.rounds import RoundService

WAN = 10_000


def _return(ctx: AppContext, tmp_path: Path) -> tuple[Path, list[int]]:
    made = RoundService(ctx.database).create(
        Period(2023, 10), tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    sheet = Sheet.open(made.books[0].path)
    pids = reported(ctx, sheet, 3)
    for pid in pids:
        sheet.set(pid, H_MONTH, 5)
    return sheet.save(), pids


def _stored(ctx: AppContext, pids: list[int]) -> list[tuple]:
    marks = ", ".join("?" * len(pids))
    return sql(ctx, f"SELECT project_id, amount FROM investment_records WHERE year = 2023 AND month = 10 "
                    f"AND project_id IN ({marks}) ORDER BY 1", *pids)  # fmt: skip


def _part(ctx: AppContext) -> list[tuple]:
    return sql(ctx, "SELECT returned_on, projects_updated, projects_added FROM round_districts")


def test_a_return_read_before_a_colleague_collected_it_and_analysed_after_is_just_collected(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    path, pids = _return(demo_ctx, tmp_path)
    mine, theirs = (AppContext.open(demo_ctx.database.url, daily_backup=False) for _ in (0, 1))
    try:
        late = RoundCollector(mine.database)
        ret = late.read(path)  # read while the district is not imported …
        first = RoundCollector(theirs.database)
        assert first.apply(first.analyse(first.read(path)), accept_open=True, on=date(2023, 11, 8)).written
        part = _part(demo_ctx)
        late.analyse(ret)  # … analysed once the colleague's collect is in: nothing left to change
        with pytest.raises(ConcurrentUpdateError) as refused:
            late.apply(ret, accept_open=True, on=date(2023, 11, 9))
    finally:
        mine.close()
        theirs.close()
    en, zh = refused.value.message("en"), refused.value.message("zh")
    assert en.startswith(f"This return ({path.name}) was just collected by “") and "nothing was written" in en, en
    assert zh.startswith(f"此回表（{path.name}）刚刚已由“"), zh
    assert _part(demo_ctx) == part and part[0][1] == 3  # the colleague's record of it, not "0 updated"
    assert _stored(demo_ctx, pids) == [(pid, 5 * WAN) for pid in pids]


NEW_NAME, NEW_PLANNED, NEW_STATUS, NEW_MONTH = "项目名称", "计划总投资（万元）", "本月项目状态", "当月完成投资（万元）"
ADDED = "肇庆储能新材料项目"


def _return_adding(ctx: AppContext, tmp_path: Path) -> tuple[Path, list[int]]:
    """The return of :func:`_return`, adding a new project too (a row of its 新增项目 sheet)."""
    path, pids = _return(ctx, tmp_path)
    sheet = Sheet.open(path)
    sheet.add_new(1, **{NEW_NAME: ADDED, NEW_PLANNED: 30000, NEW_STATUS: "在建", NEW_MONTH: 50})
    return sheet.save(), pids


def _added(ctx: AppContext) -> list[tuple]:
    return sql(ctx, "SELECT p.id, r.amount FROM projects p JOIN investment_records r ON r.project_id = p.id "
                    "WHERE p.name = ? AND r.year = 2023 AND r.month = 10", ADDED)  # fmt: skip


def test_a_return_adding_a_project_read_before_a_colleague_collected_it_is_just_collected(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    path, pids = _return_adding(demo_ctx, tmp_path)
    mine, theirs = (AppContext.open(demo_ctx.database.url, daily_backup=False) for _ in (0, 1))
    try:
        late = RoundCollector(mine.database)
        ret = late.read(path)  # read while the district is not imported …
        first = RoundCollector(theirs.database)
        assert first.apply(first.analyse(first.read(path)), accept_open=True, on=date(2023, 11, 8)).written
        part = _part(demo_ctx)
        late.analyse(ret)  # … analysed once the colleague's collect is in: its new project is on record
        with pytest.raises(ConcurrentUpdateError) as refused:
            late.apply(ret, accept_open=True, on=date(2023, 11, 9))
    finally:
        mine.close()
        theirs.close()
    en, zh = refused.value.message("en"), refused.value.message("zh")
    assert en.startswith(f"This return ({path.name}) was just collected by “") and "nothing was written" in en, en
    assert zh.startswith(f"此回表（{path.name}）刚刚已由“"), zh
    assert _part(demo_ctx) == part and part[0][1:] == (3, 1)  # the colleague's record of it
    assert _stored(demo_ctx, pids) == [(pid, 5 * WAN) for pid in pids]
    assert [amount for _, amount in _added(demo_ctx)] == [50 * WAN]  # added once


@pytest.mark.engine("postgresql")
@pytest.mark.parametrize("adding", [False, True], ids=["reporting", "adding-a-project"])
def test_two_collects_at_once_on_a_server_the_second_is_told_just_collected(
    demo_ctx: AppContext, tmp_path: Path, adding: bool
) -> None:
    path, pids = (_return_adding if adding else _return)(demo_ctx, tmp_path)
    url = demo_ctx.database.url
    said: dict[str, tuple[int, str]] = {}

    def collect(who: str, *more: str) -> None:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--db", url, "--lang", "en", "round", "collect", str(path), "--accept", *more], stdout=out,
                    stderr=err)  # fmt: skip
        said[who] = (code, out.getvalue() + err.getvalue())

    first = threading.Thread(target=collect, args=("first", "--on", "2023-11-08"))
    second = threading.Thread(target=collect, args=("second",))
    with demo_ctx.database.engine.connect() as lock:  # holds the first between its import and its round record
        lock.execute(text("SELECT 1 FROM round_districts FOR UPDATE"))
        first.start()
        deadline = time.monotonic() + 60
        while _stored(demo_ctx, pids) != [(pid, 5 * WAN) for pid in pids] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.is_alive(), said  # its import committed, its round record waiting
        second.start()
        second.join(30)
        before_first = not second.is_alive()  # it needed nothing the first holds
        lock.rollback()  # (held about a second: a server connection waits 10 s for a lock)
    first.join(60)
    second.join(60)
    assert said["first"][0] == 0 and "Imported." in said["first"][1], said
    code, text_ = said["second"]
    assert code == 2 and f"This return ({path.name}) was just collected by “" in text_, said
    assert "0 project(s) updated" not in text_ and "Imported." not in text_, said
    assert before_first
    assert _part(demo_ctx) == [(date(2023, 11, 8), 3, int(adding))]
    assert _stored(demo_ctx, pids) == [(pid, 5 * WAN) for pid in pids]
    assert [amount for _, amount in _added(demo_ctx)] == ([50 * WAN] if adding else [])
