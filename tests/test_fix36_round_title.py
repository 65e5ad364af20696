"""fix36: the monthly round's own workbook lists every project of a district, key or not; its title said
"…重点项目建设进展情况表" (key projects). Now "…项目建设进展情况表". A return still carrying the old title is
collected as before (the collect marks nothing key by a title), on both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from round_returns import H_MONTH, Sheet, reported, sql

from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import RoundCollector
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)


def test_the_rounds_workbook_is_titled_for_every_project_and_old_returns_are_collected(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    """The workbook of 高要区 for October 2023 is titled 2023年10月项目建设进展情况表（高要区）; typed back to the
    old title 2023年10月重点项目建设进展情况表（高要区） and returned with one month's figure (20万), it is collected
    with no problem, the figure stored, and no project's key flag changed."""
    made = RoundService(demo_ctx.database).create(OCT, tmp_path / "out", districts=["高要区"], lang="zh",
                                                  due_on=date(2023, 11, 10))  # fmt: skip
    path = made.books[0].path
    assert openpyxl.load_workbook(path)["项目进展"]["A1"].value == "2023年10月项目建设进展情况表（高要区）"
    keys = sql(demo_ctx, "SELECT id, is_key_project FROM projects ORDER BY id")
    sh = Sheet.open(path)
    (pid,) = reported(demo_ctx, sh, 1)
    sh.set(pid, H_MONTH, 20)
    sh.ws["A1"] = "2023年10月重点项目建设进展情况表（高要区）"
    sh.save()
    collector = RoundCollector(demo_ctx.database)
    ret = collector.analyse(collector.read(path), lang="zh")
    assert ret.problems == []
    assert collector.apply(ret, accept_open=True, on=date(2023, 11, 9)).written
    amount = "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10"
    assert sql(demo_ctx, amount, pid) == [(200_000,)]
    assert sql(demo_ctx, "SELECT id, is_key_project FROM projects ORDER BY id") == keys
