"""“300万” typed in a round's 当月 or 累计 cell of 万元 reads two ways: 300万元, or 300万 × 万元 = 300亿元.
A return's rows carry no planned investment of their own, but each is tied to a project on record:
where 300亿 exceeds that project's planned investment, the cell's own unit stands and a note names the
rows (the import's rule, io/plan_settle.py); planned at 500亿, or with no planned investment on record,
it stays a question and nothing is written. Real workbooks, both engines."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from round_returns import H_MONTH, H_PLANNED, H_YTD, MAIN, NEW, YI, Sheet, plan, reported, sql

from zqtracker.domain.rounds import Period
from zqtracker.io.row_ranges import runs_text
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import DistrictReturn, RoundCollector
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
WAN = 10_000


@pytest.fixture
def sheet(demo_ctx: AppContext, tmp_path: Path) -> Sheet:
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    return Sheet.open(made.books[0].path)


def collected(ctx: AppContext, path: Path, lang: str = "zh") -> DistrictReturn:
    collector = RoundCollector(ctx.database)
    return collector.analyse(collector.read(path), lang=lang)


def october(ctx: AppContext, pid: int) -> int | None:
    found = sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10", pid)
    return found[0][0] if found else None


def test_300wan_of_a_project_planned_at_5yi_is_300wan_yuan_with_a_note(demo_ctx: AppContext, sheet: Sheet) -> None:
    a, b = reported(demo_ctx, sheet, 2)
    for pid in (a, b):
        plan(demo_ctx, sheet, pid, 5 * YI)
        sheet.set(pid, H_MONTH, "300万")
    sheet.save()
    ret = collected(demo_ctx, sheet.path)
    assert ret.problems == []
    assert {r.project_id: r.this_month for r in ret.rows.rows if r.project_id in (a, b)} == {a: 300 * WAN, b: 300 * WAN}
    where = runs_text(sorted([sheet.row_of(a), sheet.row_of(b)]))
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[sheet.col[H_MONTH]]
    [note] = ret.rows.notes
    assert note.message("zh") == (
        f"工作表“{MAIN}”{letter} 列“{H_MONTH}”第 {where} 行：带“万”的金额（如“300万”）按万元读取——"
        "若按“万×本列单位”读取，将超过该行项目的计划总投资。"
    )
    assert note.message("en").startswith(f"Sheet “{MAIN}”, column {letter} “{H_MONTH}”, row(s) {where}: ")
    assert RoundCollector(demo_ctx.database).apply(ret, accept_open=True, on=date(2023, 11, 9)).written
    assert (october(demo_ctx, a), october(demo_ctx, b)) == (300 * WAN, 300 * WAN)


def test_300wan_in_the_year_to_date_settles_the_same_way(demo_ctx: AppContext, sheet: Sheet) -> None:
    (a,) = reported(demo_ctx, sheet, 1)
    plan(demo_ctx, sheet, a, 5 * YI)
    ytd_sep = sql(
        demo_ctx,
        "SELECT COALESCE(SUM(amount), 0) FROM investment_records WHERE project_id = ? AND year = 2023 AND month <= 9",
        a,
    )[0][0]
    typed = f"{Decimal(ytd_sep + 300 * WAN) / WAN}万"  # 1–10月: 300万元 more than 1–9月
    sheet.set(a, H_YTD, typed)
    sheet.save()
    ret = collected(demo_ctx, sheet.path, "en")
    assert ret.problems == []
    assert [n.params["header"] for n in ret.rows.notes] == [H_YTD]
    assert ret.figures[(MAIN, sheet.row_of(a))].amount == 300 * WAN


def test_a_new_project_settles_by_the_planned_investment_typed_on_its_row(demo_ctx: AppContext, sheet: Sheet) -> None:
    sheet.add_new(1, **{"项目名称": "肇庆新型储能电池项目", "所属行业": "新型储能", H_PLANNED: 50000,
                        "本月项目状态": "签约", H_MONTH: "300万"})  # fmt: skip
    sheet.add_new(2, **{"项目名称": "肇庆氢能装备产业园", "所属行业": "新型储能", "本月项目状态": "签约",
                        H_MONTH: "300万"})  # fmt: skip
    sheet.save()
    ret = collected(demo_ctx, sheet.path)
    assert [(p.problem.code, p.sheet, p.row) for p in ret.problems] == [("wan_in_unit_column", NEW, 5)]
    [note] = ret.rows.notes
    assert (note.params["sheet"], note.params["header"], note.params["rows"]) == (NEW, H_MONTH, "4")
    assert ret.figures[(NEW, 4)].amount == 300 * WAN


@pytest.mark.parametrize("planned", [500 * YI, None], ids=["planned-500yi", "no-planned"])
def test_where_both_readings_fit_or_nothing_is_planned_it_stays_a_question(
    demo_ctx: AppContext, sheet: Sheet, planned: int | None
) -> None:
    a, b = reported(demo_ctx, sheet, 2)
    plan(demo_ctx, sheet, a, 5 * YI)  # settled, but the return is not imported while b asks
    plan(demo_ctx, sheet, b, planned)
    for pid in (a, b):
        sheet.set(pid, H_MONTH, "300万")
    sheet.save()
    ret = collected(demo_ctx, sheet.path)
    assert [(p.problem.code, p.row) for p in ret.problems] == [("wan_in_unit_column", sheet.row_of(b))]
    assert "两种读法" in ret.problems[0].reason("zh")
    assert [n.params["rows"] for n in ret.rows.notes] == [str(sheet.row_of(a))]
    assert not RoundCollector(demo_ctx.database).apply(ret, accept_open=True, on=date(2023, 11, 9)).written
    assert (october(demo_ctx, a), october(demo_ctx, b)) == (None, None)


def test_the_command_line_prints_the_note(demo_ctx: AppContext, sheet: Sheet) -> None:
    from zqtracker.cli.main import main

    (a,) = reported(demo_ctx, sheet, 1)
    plan(demo_ctx, sheet, a, 5 * YI)
    sheet.set(a, H_MONTH, "300万")
    sheet.save()
    db = demo_ctx.database.url
    demo_ctx.close()
    out = io.StringIO()
    assert main(["--db", db, "round", "collect", str(sheet.path), "--dry-run", "--json"], stdout=out) in (0, 1)
    data = json.loads(out.getvalue())
    assert data["problems"] == [] and len(data["notes"]) == 1 and "read as 万元" in data["notes"][0]
    out = io.StringIO()
    main(["--db", db, "--lang", "zh", "round", "collect", str(sheet.path), "--dry-run"], stdout=out)
    assert f"注意：工作表“{MAIN}”" in out.getvalue() and "按万元读取" in out.getvalue()
