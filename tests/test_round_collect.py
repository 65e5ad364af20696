"""A whole round on the demo database (issue 17): workbooks for three districts, filled with
openpyxl as districts fill them, collected back with their differences and plausibility findings,
imported exactly by their hidden ids — and the returns that must be refused."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from round_returns import H_MONTH, H_NAME, H_PROGRESS, H_STATUS, H_YTD, H_YTD_BEFORE, Sheet, sql

from zqtracker.domain.rounds import DistrictState, Period
from zqtracker.io.round_files import looks_like_return
from zqtracker.io.round_workbook import META_SHEET
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import ACCEPTED, SENT_BACK, RoundCollector
from zqtracker.services.rounds import RoundRefused, RoundService

OCT = Period(2023, 10)
THREE = ["高要区", "四会市", "鼎湖区"]
WAN = 10_000


def _sql(ctx: AppContext, query: str, *args: object) -> list[tuple]:
    return sql(ctx, query, *args)


def _ytd_sep(ctx: AppContext, pid: int) -> int:
    return _sql(
        ctx,
        "SELECT COALESCE(SUM(amount), 0) FROM investment_records WHERE project_id = ? AND year = 2023 AND month <= 9",
        pid,
    )[0][0]


def _october(ctx: AppContext, pid: int) -> int | None:
    found = _sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10", pid)
    return found[0][0] if found else None


def _with_history(ctx: AppContext, sheet: Sheet, n: int) -> list[int]:
    """``n`` projects of the sheet under construction with investment in most months of 2023 (so
    that a usual month and a year to date exist), not within 1 million yuan of their planned total."""
    out = []
    for pid in sheet.ids():
        months, planned, status = _sql(
            ctx,
            "SELECT (SELECT COUNT(*) FROM investment_records WHERE project_id = p.id"
            " AND year = 2023 AND month <= 9 AND amount > 0), planned_investment, status"
            " FROM projects p WHERE id = ?",
            pid,
        )[0]
        if not _sql(ctx, "SELECT 1 FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 9", pid):
            continue  # September reported: 1–10月累计 less 1–9月 is October alone
        since = _sql(ctx, "SELECT COALESCE(SUM(amount), 0) FROM investment_records WHERE project_id = ?", pid)[0][0]
        if months >= 6 and planned and since + 100 * WAN < planned and status == "under_construction":
            out.append(pid)
        if len(out) == n:
            break
    assert len(out) == n
    return out


@pytest.fixture
def round_made(demo_ctx: AppContext, tmp_path: Path):  # type: ignore[no-untyped-def]
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=THREE, lang="zh", due_on=date(2023, 11, 10)
    )
    return {b.district: b.path for b in made.books}


def test_a_whole_round_collected(demo_ctx: AppContext, round_made: dict[str, Path], tmp_path: Path) -> None:
    ctx = demo_ctx
    collector = RoundCollector(ctx.database)
    # -- 高要区: sorted by name (reordered), a project renamed, a new project on the extra sheet --------
    gy = Sheet.open(round_made["高要区"])
    a, b, c = _with_history(ctx, gy, 3)
    for k, pid in enumerate((a, b, c), start=1):
        gy.set(pid, H_YTD, gy.get(pid, H_YTD_BEFORE) + 10 * k)  # only 1–10月累计: the month is the difference
        gy.set(pid, H_PROGRESS, f"第{k}号厂房封顶")
    gy.set(c, H_STATUS, "设备调试")
    gy.set(b, H_NAME, "改名后的项目名称")
    # a project that reported nothing this year: its 1–10月累计 is one figure covering January–October
    quiet = next(
        pid
        for pid in gy.ids()
        if not _sql(ctx, "SELECT 1 FROM investment_records WHERE project_id = ?", pid)
        and _sql(ctx, "SELECT planned_investment > 1000000000 AND status != 'lead' FROM projects WHERE id = ?", pid)[0][
            0
        ]
    )
    gy.set(quiet, H_YTD, 50)
    order = sorted(gy.ids(), reverse=True)
    gy.reorder(order)
    assert gy.ids() == order
    gy.add_new(1, **{"项目名称": "肇庆新型储能电池项目", "投资主体": "肇庆新能科技有限公司", "所属行业": "新型储能",
                     "计划总投资（万元）": 80000, "本月项目状态": "签约", "当月完成投资（万元）": 300})  # fmt: skip
    gy.save()
    name_b = _sql(ctx, "SELECT name FROM projects WHERE id = ?", b)[0][0]

    ret = collector.read(round_made["高要区"])
    assert (ret.period, ret.district) == (OCT, "高要区")
    collector.analyse(ret, lang="zh")
    assert ret.problems == []
    assert [(r.project_id, f, before, now) for r, f, before, now in ret.rows.renamed] == [
        (b, "name", name_b, "改名后的项目名称")
    ]
    assert ret.findings == [], [(f, gy.rows()[f.row - 5]) for f in ret.findings]
    analysis = ret.analysis
    assert analysis is not None
    assert analysis.added == 1
    records = {(t, y, m): (yuan, first) for t, y, m, yuan, _, first in analysis.records}
    assert records == {
        (a, 2023, 10): (10 * WAN, None),
        (b, 2023, 10): (20 * WAN, None),
        (c, 2023, 10): (30 * WAN, None),
        (-1, 2023, 10): (300 * WAN, None),
        (quiet, 2023, 10): (50 * WAN, 1),
    }
    assert {u.pid: set(u.fields) for u in analysis.updates} == {
        a: {"progress_note"},
        b: {"progress_note"},
        c: {"status", "progress_note"},
    }
    result = collector.apply(ret, on=date(2023, 11, 8))
    assert result.written and result.added == 1
    assert [_october(ctx, pid) for pid in (a, b, c)] == [10 * WAN, 20 * WAN, 30 * WAN]
    assert _sql(ctx, "SELECT month, first_month, amount FROM investment_records WHERE project_id = ?", quiet) == [
        (10, 1, 50 * WAN)
    ]
    assert _sql(ctx, "SELECT name FROM projects WHERE id = ?", b)[0][0] == name_b  # the rename is not imported
    assert _sql(ctx, "SELECT status, progress_note FROM projects WHERE id = ?", c)[0] == (
        "commissioning",
        "第3号厂房封顶",
    )
    new = _sql(
        ctx,
        "SELECT p.id, p.planned_investment, p.status, d.name FROM projects p JOIN districts d ON"
        " d.id = p.district_id WHERE p.name = '肇庆新型储能电池项目'",
    )
    assert [row[1:] for row in new] == [(800_000_000, "signed", "高要区")]
    assert _october(ctx, new[0][0]) == 300 * WAN

    # -- 四会市: a 元 typed where 万元 is asked, a cumulative figure that decreased -----------------------
    sh = Sheet.open(round_made["四会市"])
    p1, p2, p3 = _with_history(ctx, sh, 3)
    sh.set(p1, H_MONTH, 50)
    sh.set(p2, H_MONTH, 3_000_000)  # 3,000,000 元 meant; read as 万元 it is 300亿
    sh.set(p3, H_YTD, sh.get(p3, H_YTD_BEFORE) - 10)
    sh.save()
    ret = collector.read(round_made["四会市"])
    collector.analyse(ret, lang="zh")
    found = {(f.project_id, f.check): f for f in ret.findings}
    slip = found[(p2, "month_above_planned_share")]
    assert slip.params["amount"] == 3_000_000 * WAN and slip.likely_unit == "yuan" and slip.likely_amount == 3_000_000
    assert found[(p2, "month_above_usual")].likely_unit == "yuan"
    decrease = found[(p3, "ytd_decreased")]
    before3 = _ytd_sep(ctx, p3)
    assert decrease.params == {"ytd": before3 - 10 * WAN, "previous": before3, "previous_month": 9}
    with pytest.raises(RoundRefused, match="not decided"):
        collector.apply(ret)
    for f in ret.findings:
        if f.project_id == p2:
            collector.decide(ret, f, SENT_BACK, "请按万元重填")
        else:
            collector.decide(ret, f, ACCEPTED, "区里说明：9月多报，10月核减")
    collector.analyse(ret, lang="zh")
    assert {(t, m): yuan for t, _y, m, yuan, _b, _f in ret.analysis.records} == {(p1, 10): 50 * WAN}
    collector.apply(ret, on=date(2023, 11, 12))
    assert [_october(ctx, pid) for pid in (p1, p2, p3)] == [50 * WAN, None, None]
    decisions = _sql(ctx, "SELECT project_id, check_code, decision, note FROM round_decisions ORDER BY project_id")
    assert (p2, "month_above_planned_share", "sent_back", "请按万元重填") in decisions
    assert (p3, "ytd_decreased", "accepted", "区里说明：9月多报，10月核减") in decisions

    # -- tracking ------------------------------------------------------------------------------------
    state = {d.district: d for d in RoundService(ctx.database).status(OCT, today=date(2023, 11, 15)).districts}
    assert state["高要区"].state is DistrictState.IMPORTED and state["高要区"].returned_on == date(2023, 11, 8)
    assert state["高要区"].added == 1 and state["高要区"].updated == 4
    assert state["四会市"].state is DistrictState.IMPORTED and state["四会市"].updated == 1
    assert state["鼎湖区"].state is DistrictState.SENT and state["鼎湖区"].late_days == 5
    gy_listed = len(gy.ids()) + 1
    assert (state["高要区"].projects, state["高要区"].lacking) == (gy_listed, gy_listed - 5)
    lacking = RoundService(ctx.database).lacking(OCT)
    assert sum(x.district == "高要区" for x in lacking) == gy_listed - 5  # an imported district's blank rows too
    reminders = RoundService(ctx.database).reminders(OCT, today=date(2023, 11, 15))
    assert reminders[0].district == "鼎湖区" and not reminders[0].returned  # who owes the return, first
    assert {r.district for r in reminders[1:] if r.returned} == {"高要区", "四会市"}  # then what returns left blank


def test_a_return_reporting_another_districts_projects_is_refused(
    demo_ctx: AppContext, round_made: dict[str, Path]
) -> None:
    gy, sh = Sheet.open(round_made["高要区"]), Sheet.open(round_made["四会市"])
    stranger = sh.rows()[0]
    row = len(gy.rows()) + 5
    for c, value in enumerate(stranger):
        gy.ws.cell(row, c + 1, value)
    gy.ws.cell(row, gy.col[H_MONTH] + 1, 10)
    gy.save()
    before = _sql(demo_ctx, "SELECT COUNT(*) FROM investment_records")
    with pytest.raises(RoundRefused) as caught:
        RoundCollector(demo_ctx.database).read(round_made["高要区"])
    assert caught.value.problem.code == "round_other_district"
    assert f"第{row}行" in caught.value.message("zh")
    assert _sql(demo_ctx, "SELECT COUNT(*) FROM investment_records") == before


def test_a_hidden_row_with_figures_typed_in_it_is_a_question_not_collected_unseen(
    demo_ctx: AppContext, round_made: dict[str, Path]
) -> None:
    collector = RoundCollector(demo_ctx.database)
    sh = Sheet.open(round_made["高要区"])
    shown, hidden, empty = _with_history(demo_ctx, sh, 3)
    sh.set(shown, H_MONTH, 20)
    sh.set(hidden, H_MONTH, 70)  # typed, then the row hidden (or filtered out) before sending it back
    for pid in (hidden, empty):  # hidden with nothing typed: nothing to ask
        sh.ws.row_dimensions[sh.row_of(pid)].hidden = True
    sh.save()
    ret = collector.read(round_made["高要区"])
    collector.analyse(ret, lang="zh")
    (problem,) = ret.problems
    assert (problem.problem.code, problem.row, problem.value) == ("round_row_hidden", sh.row_of(hidden), "70")
    assert "hidden" in problem.reason("en") and "隐藏" in problem.reason("zh")
    assert not collector.apply(ret).written  # nothing while a problem remains
    assert _october(demo_ctx, shown) is None and _october(demo_ctx, hidden) is None
    sh = Sheet.open(round_made["高要区"])
    sh.ws.row_dimensions[sh.row_of(hidden)].hidden = False  # shown again: collected as typed
    sh.save()
    ret = collector.read(round_made["高要区"])
    collector.analyse(ret, lang="zh")
    assert ret.problems == [] and ret.findings == []
    collector.apply(ret, on=date(2023, 11, 9))
    assert [_october(demo_ctx, pid) for pid in (shown, hidden, empty)] == [20 * WAN, 70 * WAN, None]


def test_a_tampered_or_foreign_file_is_refused(
    demo_ctx: AppContext, round_made: dict[str, Path], tmp_path: Path
) -> None:
    collector = RoundCollector(demo_ctx.database)
    path = tmp_path / "tampered.xlsx"
    shutil.copy(round_made["高要区"], path)
    wb = openpyxl.load_workbook(path)
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "ids":
            row[1].value = row[1].value + ",1"
    wb.save(path)
    with pytest.raises(RoundRefused) as caught:
        collector.read(path)
    assert caught.value.problem.code == "round_checksum"
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    with pytest.raises(RoundRefused) as caught:
        collector.read(plain)
    assert caught.value.problem.code == "round_not_a_return"
    assert "File › Import" in caught.value.message("en")


def _ytd_total(ctx: AppContext, year: int, through: int, district: str | None = None) -> int:
    query = (
        "SELECT COALESCE(SUM(r.amount), 0) FROM investment_records r JOIN projects p ON p.id = r.project_id"
        " LEFT JOIN districts d ON d.id = p.district_id WHERE r.year = ? AND r.month <= ?"
    )
    args: list[object] = [year, through]
    if district is not None:
        query += " AND d.name = ?"
        args.append(district)
    return _sql(ctx, query, *args)[0][0]


def test_closing_freezes_the_month(demo_ctx: AppContext, round_made: dict[str, Path]) -> None:
    """After a return is imported and the month closed, the summary, dashboard and progress table
    of October show the closed figures — equal to hand-computed sums — even after a correction,
    which November's report lists as such."""
    from zqtracker.domain.money import Unit
    from zqtracker.reports.build import build_report
    from zqtracker.reports.options import ReportOptions, View
    from zqtracker.services.dashboard import DashboardService

    ctx = demo_ctx
    collector = RoundCollector(ctx.database)
    gy = Sheet.open(round_made["高要区"])
    a, b = _with_history(ctx, gy, 2)
    gy.set(a, H_MONTH, 120)
    gy.set(b, H_MONTH, 80)
    gy.save()
    ret = collector.analyse(collector.read(round_made["高要区"]))
    collector.apply(ret, accept_open=True)
    ytd_oct, prior, gy_ytd = _ytd_total(ctx, 2023, 10), _ytd_total(ctx, 2022, 10), _ytd_total(ctx, 2023, 10, "高要区")
    a_ytd = _ytd_sep(ctx, a) + 120 * WAN
    service = RoundService(ctx.database)
    service.close(OCT, "十月关账")
    with pytest.raises(RoundRefused, match="already closed"):
        service.close(OCT)

    # a correction after closing: a's October figure, and a record for a project that had none
    ctx.projects.set_investment(a, [(2023, 10, 150 * WAN)])
    ctx.projects.set_investment(b, [(2023, 10, None)])
    assert _ytd_total(ctx, 2023, 10) == ytd_oct + 30 * WAN - 80 * WAN

    summary = ctx.statistics.summary(2023, 10)
    assert (summary.completed.total.ytd, summary.completed.total.prior_ytd) == (ytd_oct, prior)
    assert summary.completed.by_district["高要区"].ytd == gy_ytd
    figures = DashboardService(ctx.statistics, parallel=False).load(2023, 10)
    assert figures.closed_at is not None and figures.summary.completed.total.ytd == ytd_oct
    assert (
        figures.monthly[10]
        == _sql(ctx, "SELECT SUM(amount) FROM investment_records WHERE year = 2023 AND month = 10")[0][0]
        - 30 * WAN
        + 80 * WAN
    )
    live_sep = DashboardService(ctx.statistics, parallel=False).load(2023, 9)
    assert live_sep.closed_at is None
    table = ctx.statistics.progress(2023, 10)
    row = next(r for r in table.rows if r.project_id == a)
    assert (row.this_month, row.ytd) == (120 * WAN, a_ytd) and table.closed_at is not None
    assert sum(r.ytd for r in table.rows) == ytd_oct

    report = build_report(ctx, ReportOptions(View.MONTHLY, 2023, 10, "zh", Unit.WAN, key_only=False))
    assert "关账" in report.blocks[0].note
    november = build_report(ctx, ReportOptions(View.MONTHLY, 2023, 11, "zh", Unit.WAN, key_only=False))
    corrections = november.blocks[-1]
    assert corrections.title == "2023年10月关账后的数据更正"
    assert corrections.row(f"{a}-2023-10")["关账数"] == "120"
    assert corrections.row(f"{a}-2023-10")["更正后"] == "150" and len(corrections.rows) == 2
    assert corrections.row(f"{b}-2023-10")["更正后"] == "—"
    with pytest.raises(RoundRefused) as caught:
        collector.read(round_made["高要区"])
    assert caught.value.problem.code == "round_month_closed"
    service.reopen(OCT)
    assert ctx.statistics.summary(2023, 10).completed.total.ytd == ytd_oct - 50 * WAN


def test_cli_collect_remind_and_close(demo_ctx: AppContext, round_made: dict[str, Path], tmp_path: Path) -> None:
    import io
    import json

    from zqtracker.cli.main import main

    ctx = demo_ctx
    dh = Sheet.open(round_made["四会市"])
    p1, p2 = _with_history(ctx, dh, 2)
    dh.set(p1, H_MONTH, 40)
    dh.set(p2, H_MONTH, 4_000_000)  # in 元
    dh.save()
    code_p2 = _sql(ctx, "SELECT code FROM projects WHERE id = ?", p2)[0][0]
    db = ctx.database.url
    ctx.close()
    out = io.StringIO()
    assert main(["--db", db, "round", "collect", str(round_made["四会市"]), "--dry-run", "--json"], stdout=out) == 1
    data = json.loads(out.getvalue())
    assert data["district"] == "四会市" and data["written"] is False
    slip = next(f for f in data["findings"] if f["check"] == "month_above_planned_share")
    assert slip["project_id"] == p2 and slip["likely_unit"] == "yuan" and slip["likely_amount"] == 4_000_000
    assert "likely typed in yuan" in slip["text"]
    out = io.StringIO()
    args = ["--db", db, "--lang", "zh", "round", "collect", str(round_made["四会市"]), "--send-back", code_p2,
            "--note", "请按万元重填", "--on", "2023-11-09", "--report", str(tmp_path / "checks.xlsx")]  # fmt: skip
    assert main(args, stdout=out) == 0, out.getvalue()
    checks = list(openpyxl.load_workbook(tmp_path / "checks.xlsx").active.iter_rows(min_row=4, values_only=True))
    assert ("四会市", "2023-10", code_p2, "当月超过计划总投资的30%", "已退回", "请按万元重填") in [
        (r[0], r[1], r[3], r[5], r[7], r[8]) for r in checks
    ]
    text = out.getvalue()
    assert "已导入" in text and "可能按元填报" in text and "已退回" in text
    out = io.StringIO()
    xlsx = tmp_path / "remind.xlsx"
    assert main(["--db", db, "--lang", "zh", "round", "remind", "2023-10", "--xlsx", str(xlsx), "--today",
                 "2023-11-13"], stdout=out) == 0  # fmt: skip
    reminder = out.getvalue()
    assert reminder.startswith("鼎湖区：") or reminder.startswith("高要区：")
    assert "已逾期3天" in reminder and "四会市：2023年10月重点项目进展报表已报回，以下" in reminder  # its blank rows
    ws = openpyxl.load_workbook(xlsx).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert {r[0]: r[1] for r in rows} == {"高要区": 3, "鼎湖区": 3, "四会市": 0}
    out = io.StringIO()
    assert main(["--db", db, "--lang", "zh", "round", "close", "2023-10"], stdout=out) == 0
    assert "已于" in out.getvalue() and "高要区" in out.getvalue() and "1–10月累计完成投资" in out.getvalue()
    err = io.StringIO()
    assert main(["--db", db, "--lang", "zh", "round", "collect", str(round_made["高要区"])], stderr=err) == 2
    assert "已关账" in err.getvalue()


# Calc's re-save read back: the engine plays no part (the collect's writing runs on both in the tests above)
@pytest.mark.engine("sqlite")
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_return_saved_by_libreoffice_calc(demo_ctx: AppContext, round_made: dict[str, Path], tmp_path: Path) -> None:
    """A district that fills the workbook in a spreadsheet program and saves it: LibreOffice Calc
    re-saves it as .xlsx (its own writer); the hidden sheet, column and figures come back."""
    from hidden_files import converted

    gy = Sheet.open(round_made["高要区"])
    a, b = _with_history(demo_ctx, gy, 2)
    gy.set(a, H_YTD, gy.get(a, H_YTD_BEFORE) + 12.5)
    gy.set(b, H_MONTH, 7)
    gy.set(b, H_STATUS, "在建")
    gy.reorder(sorted(gy.ids()))
    gy.save()
    out = tmp_path / "calc"
    saved = converted(round_made["高要区"], "xlsx", out)
    collector = RoundCollector(demo_ctx.database)
    for kind in ("xls", "ods"):  # what WPS and Calc save by default: read through the same reader
        converted(saved, kind, out)
        other = saved.with_suffix(f".{kind}")
        assert looks_like_return(other)
        analysed = collector.analyse(collector.read(other))
        assert {(t, m): yuan for t, _y, m, yuan, _b, _f in analysed.analysis.records} == {
            (a, 10): 125_000,
            (b, 10): 70_000,
        }, kind
    ret = collector.analyse(collector.read(saved))
    assert ret.problems == [] and ret.findings == []
    assert {(t, m): yuan for t, _y, m, yuan, _b, _f in ret.analysis.records} == {(a, 10): 125_000, (b, 10): 70_000}
    collector.apply(ret)
    assert (_october(demo_ctx, a), _october(demo_ctx, b)) == (125_000, 70_000)
