"""A round's figures as districts really fill them (the probe of returns, session 13): both 当月 and
1–10月累计 on a first report, a listed project put on the new-projects sheet, a district renamed
after the workbooks went out, a month typed in a larger unit, a new project's planned investment
typed in yuan, a decimal comma — each imported exactly or questioned, never stored wrong.
Real workbooks filled with openpyxl, collected into the demo database on both engines."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from round_returns import H_MONTH, H_YTD, H_YTD_BEFORE, Sheet, sql

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import District
from zqtracker.domain.money import parse_money
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.references import ReferenceService
from zqtracker.services.round_collect import RoundCollector
from zqtracker.services.round_words import finding_text
from zqtracker.services.rounds import RoundRefused, RoundService

OCT = Period(2023, 10)
WAN = 10_000
NEW_NAME, NEW_PLANNED, NEW_STATUS = "项目名称", "计划总投资（万元）", "本月项目状态"
NEW_MONTH, NEW_YTD = "当月完成投资（万元）", "1–10月累计完成投资（万元）"


@pytest.fixture
def gaoyao(demo_ctx: AppContext, tmp_path: Path) -> Path:
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    return made.books[0].path


def records(ctx: AppContext, pid: int) -> list[tuple]:
    return sql(
        ctx, "SELECT month, amount, first_month FROM investment_records WHERE project_id = ? AND year = 2023 "
        "ORDER BY month", pid,
    )  # fmt: skip


def collect(ctx: AppContext, path: Path, *extra: str) -> tuple[int, str]:
    """``zqtracker round collect PATH --accept …`` on the test's database: (exit code, what it said)."""
    out, err = io.StringIO(), io.StringIO()
    lang = [a for a in extra[:2]] if extra[:1] == ("--lang",) else []
    argv = ["--db", ctx.database.url, *lang, "round", "collect", str(path), "--accept", *extra[len(lang) :]]
    return main(argv, stdout=out, stderr=err), out.getvalue() + err.getvalue()


def filled(ctx: AppContext, path: Path, month: float) -> int:
    """The return with 当月 typed for a project that reported September: that project."""
    sheet = Sheet.open(path)
    pid = reported(ctx, sheet, 9)
    sheet.set(pid, H_MONTH, month)
    sheet.save()
    return pid


def reported(ctx: AppContext, sheet: Sheet, months: int) -> int:
    """A project of the sheet whose last record of 2023 is month ``months`` (0: none this year)."""
    for pid in sheet.ids():
        last = sql(ctx, "SELECT MAX(month) FROM investment_records WHERE project_id = ? AND year = 2023", pid)[0][0]
        if (last or 0) == months and sql(ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0] != "lead":
            return pid
    raise AssertionError(f"no project last reported in month {months}")


def test_both_figures_on_a_first_report_keep_the_months_between(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    quiet = reported(ctx, sheet, 0)  # nothing stored this year
    sheet.set(quiet, H_MONTH, 20)
    sheet.set(quiet, H_YTD, 100)
    sheet.add_new(1, **{NEW_NAME: "肇庆储能新材料项目", NEW_PLANNED: 30000, NEW_STATUS: "在建", NEW_MONTH: 50,
                        NEW_YTD: 300})  # fmt: skip
    sheet.save()
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    assert ret.problems == [] and ret.open_findings == [], ret.open_findings
    assert collector.apply(ret).written
    # 1–9月 as one figure (never spread over the months), October its own: 300 = 250 + 50
    assert records(ctx, quiet) == [(9, 80 * WAN, 1), (10, 20 * WAN, None)]
    new = sql(ctx, "SELECT id FROM projects WHERE name = ?", "肇庆储能新材料项目")[0][0]
    assert records(ctx, new) == [(9, 250 * WAN, 1), (10, 50 * WAN, None)]
    again = collector.analyse(collector.read(gaoyao), lang="zh")  # collected twice: nothing new
    assert again.analysis is not None and (quiet, 2023, 10) not in {r[:3] for r in again.analysis.records}
    assert (quiet, 2023, 9) not in {r[:3] for r in again.analysis.records}


def test_a_listed_project_on_the_new_projects_sheet_is_a_problem(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    pid = reported(ctx, sheet, 9)
    name, code = sql(ctx, "SELECT name, code FROM projects WHERE id = ?", pid)[0]
    before = records(ctx, pid)
    sheet.set(pid, H_YTD, sheet.get(pid, H_YTD_BEFORE) + 10)  # on its own row too (the probe's exit 3)
    sheet.add_new(1, **{NEW_NAME: name, NEW_PLANNED: 1000, NEW_STATUS: "在建", NEW_YTD: 356})
    sheet.save()
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    problems = [p for p in ret.problems if p.problem.code == "round_new_is_listed"]
    assert len(problems) == 1 and code in problems[0].reason("en") and "已在册" in problems[0].reason("zh")
    result = collector.apply(ret, accept_open=True)  # (its 10 against a usual month: accepted)
    assert not result.written and records(ctx, pid) == before


def test_a_district_renamed_after_sending_keeps_its_projects(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    refs = ReferenceService(ctx.database)
    gy = next(d for d in refs.districts() if d.name == "高要区")
    count = sql(ctx, "SELECT COUNT(*) FROM projects WHERE district_id = ?", gy.id)[0][0]
    refs.save_district(District("肇庆市高要区", gy.id))
    filled(ctx, gaoyao, 10)
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    assert ret.district == "肇庆市高要区"
    assert collector.apply(ret, accept_open=True).written
    assert sql(ctx, "SELECT COUNT(*) FROM projects WHERE district_id = ?", gy.id)[0][0] == count
    assert sql(ctx, "SELECT COUNT(*) FROM districts WHERE name = ?", "高要区")[0][0] == 0  # none made again


def test_a_month_typed_in_a_larger_unit_is_questioned_and_shown_exactly(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    pid = usual = 0
    for pid in sheet.ids():  # a project whose usual month (the median of the last 12) is 100万–1000万
        months = sorted(
            a
            for (a,) in sql(ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND amount > 0 AND "
                            "year * 12 + month BETWEEN 2022 * 12 + 10 AND 2023 * 12 + 9", pid)
        )  # fmt: skip
        mid = len(months) // 2
        usual = (months[mid] if len(months) % 2 else (months[mid - 1] + months[mid]) // 2) if months else 0
        if 100 * WAN <= usual <= 1000 * WAN and usual % WAN == 0:
            break
    typed = Decimal(usual) / 100_000_000  # the usual month, typed in 亿元 into a 万元 cell
    sheet.set(pid, H_MONTH, float(typed))
    sheet.add_new(1, **{NEW_NAME: "肇庆储能电站项目", NEW_PLANNED: 50_000_000, NEW_STATUS: "签约"})  # 5000万 in 元
    sheet.save()
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    checks = {f.check: f for f in ret.open_findings}
    small = checks["month_below_usual"]
    assert (small.project_id, small.params["amount"], small.likely_unit, small.likely_amount) == (
        pid, usual // 10_000, "yi", usual
    )  # fmt: skip
    text = finding_text(small, OCT, ret.meta.unit, "zh")
    assert f"当月 {Decimal(usual) / 100_000_000:f}万元" in text and f"可能按亿元填报（即 {usual // WAN:,}万元）" in text
    big = checks["planned_implausible"]
    assert (big.likely_unit, big.likely_amount) == ("yuan", 5000 * WAN)
    with pytest.raises(RoundRefused):  # undecided findings: nothing imported
        collector.apply(ret)


def test_a_decimal_comma_is_refused_not_read_as_thousands(demo_ctx: AppContext, gaoyao: Path) -> None:
    for written in ("300,5", "12,34", "1,0000"):
        with pytest.raises(ValidationError) as caught:
            parse_money(written, WAN, field="amount")
        assert caught.value.problems[0].code == "bad_grouping"
    assert parse_money("3,000.5", WAN) == 30_005_000 and parse_money("1,234,567元", WAN) == 1_234_567
    sheet = Sheet.open(gaoyao)
    pid = reported(demo_ctx, sheet, 9)
    sheet.set(pid, H_MONTH, "300,5")
    sheet.save()
    collector = RoundCollector(demo_ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    assert [p.problem.code for p in ret.problems] == ["bad_grouping"]


def test_part_of_a_yuan_is_asked_not_stored_rounded(demo_ctx: AppContext, gaoyao: Path) -> None:
    """0.00004万元 is 0.4 yuan: the import asks it (io/tiny_money.py), and so does a return; stored it
    was 0 yuan, a known amount of nothing (session 34's gap). 0.0123万元 is 123 yuan: read."""
    sheet = Sheet.open(gaoyao)
    tiny, small = reported(demo_ctx, sheet, 9), reported(demo_ctx, sheet, 0)
    sheet.set(tiny, H_MONTH, 0.00004)
    sheet.set(small, H_MONTH, 0.0123)
    sheet.save()
    collector = RoundCollector(demo_ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    assert [(p.problem.code, p.value) for p in ret.problems] == [("money_part_of_yuan", "0.00004")]
    assert "0.4 元" in ret.problems[0].reason("zh")
    code, said = collect(demo_ctx, gaoyao)
    assert code != ExitCode.OK and "0.4" in said
    assert records(demo_ctx, tiny)[-1][0] == 9  # nothing stored for October


def test_the_command_line_refuses_an_unknown_send_back_and_links_a_near_name_as_new(
    demo_ctx: AppContext, gaoyao: Path
) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    pid = reported(ctx, sheet, 9)
    name = sql(ctx, "SELECT name FROM projects WHERE id = ?", pid)[0][0]
    sheet.set(pid, H_MONTH, 10)
    near = name.replace("项目", "（二期）项目") if name.endswith("项目") else name + "（二期）"
    sheet.add_new(1, **{NEW_NAME: near, NEW_PLANNED: 5000, NEW_STATUS: "签约", NEW_MONTH: 20})
    sheet.save()
    before = records(ctx, pid)

    def run(*extra: str) -> tuple[int, str]:
        return collect(ctx, gaoyao, *extra)

    code, said = run("--send-back", "ZQ0000000")  # a typo: --accept must not import the row it meant
    assert code == ExitCode.REFUSED and "--send-back ZQ0000000" in said and records(ctx, pid) == before
    code, said = run()
    assert code == ExitCode.INVALID_INPUT and "--link 4=new" in said  # the near name: a question
    code, said = run("--link", "4=new")
    assert code == ExitCode.OK, said
    assert sql(ctx, "SELECT COUNT(*) FROM projects WHERE name = ?", near)[0][0] == 1
    assert records(ctx, pid)[-1] == (10, 10 * WAN, None)


def test_a_return_changing_figures_on_record_needs_again(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    pid = filled(ctx, gaoyao, 10)

    def run(*extra: str) -> tuple[int, str]:
        return collect(ctx, gaoyao, "--lang", "zh", *extra)

    assert run()[0] == ExitCode.OK and records(ctx, pid)[-1] == (10, 10 * WAN, None)
    sheet = Sheet.open(gaoyao)
    sheet.set(pid, H_MONTH, 12)  # October's workbook filled again (a correction, or November's figures)
    sheet.save()
    code, said = run()
    assert code == ExitCode.INVALID_INPUT and "--again" in said and "10万元 → 12万元" in said
    assert records(ctx, pid)[-1] == (10, 10 * WAN, None)  # nothing collected
    code, said = run("--again")
    assert code == ExitCode.OK, said
    assert records(ctx, pid)[-1] == (10, 12 * WAN, None)


def test_an_accepted_disagreement_stores_the_months_own_figure(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    pid = reported(ctx, sheet, 9)
    sheet.set(pid, H_MONTH, 30)
    sheet.set(pid, H_YTD, sheet.get(pid, H_YTD_BEFORE) + 35)  # 当月 30, 1–10月累计 says 35
    sheet.save()
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")
    assert [f.check for f in ret.open_findings] == ["month_disagrees"]
    assert collector.apply(ret, accept_open=True).written
    assert records(ctx, pid)[-1] == (10, 30 * WAN, None)  # what the district typed for the month, never nothing


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "Month below a thousandth of the usual month"), ("zh", "当月 0.005万元")]
)
def test_the_return_preview_shows_the_too_small_month(
    qtbot, make_window, translations, demo_ctx: AppContext, gaoyao: Path, lang: str, said: str
) -> None:
    from test_ui_round import _shot, opened_return

    translations.switch(lang)
    window = make_window(demo_ctx)
    sheet = Sheet.open(gaoyao)
    pid = reported(demo_ctx, sheet, 9)
    sheet.set(pid, H_MONTH, 0.005)  # 50万元 typed in 亿元, in a 万元 cell
    sheet.save()
    dialog = opened_return(qtbot, window, demo_ctx, gaoyao, lang)
    texts = [dialog.findings.topLevelItem(i).text(2) for i in range(dialog.findings.topLevelItemCount())]
    assert any(said in t for t in texts), texts
    assert not dialog.import_button.isEnabled()
    dialog.resize(1200, 640)
    _shot(dialog, f"return-small-month-{lang}.png")


def test_a_month_closed_while_its_return_is_being_collected_takes_no_more(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    pid = filled(ctx, gaoyao, 10)
    collector = RoundCollector(ctx.database)
    ret = collector.analyse(collector.read(gaoyao), lang="zh")  # read while the month was open
    RoundService(ctx.database).close(OCT)  # a colleague closes October meanwhile
    with pytest.raises(RoundRefused) as refused:
        collector.apply(ret, accept_open=True)
    assert refused.value.problem.code == "round_month_closed_meanwhile"
    assert records(ctx, pid)[-1][0] == 9  # October's figure never went in after the closing


def test_projects_the_bureau_moved_or_deleted_after_sending_are_left_out_and_the_rest_imported(
    demo_ctx: AppContext, gaoyao: Path
) -> None:
    import json

    from sqlalchemy import text

    from zqtracker.services.projects import ProjectService

    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    kept, moved, gone = [pid for pid in sheet.ids() if [m for m, _a, _f in records(ctx, pid)][-1:] == [9]][:3]
    for pid, wan in ((kept, 10), (moved, 20), (gone, 30)):
        sheet.set(pid, H_MONTH, wan)
    sheet.save()
    before = records(ctx, moved)
    name = sql(ctx, "SELECT name FROM projects WHERE id = ?", moved)[0][0]
    other = sql(ctx, "SELECT id FROM districts WHERE name = ?", "四会市")[0][0]
    with ctx.database.engine.begin() as con:  # the bureau moves one project to 四会市 after the workbook went out
        con.execute(text("UPDATE projects SET district_id = :d WHERE id = :p"), {"d": other, "p": moved})
    ProjectService(ctx.database).delete([gone])  # and deletes another

    ret = RoundCollector(ctx.database).read(gaoyao)  # read, not refused
    assert {(g.row.row, g.now) for g in ret.left_out} == {(sheet.row_of(moved), "四会市"), (sheet.row_of(gone), None)}
    out = io.StringIO()
    argv = ["--db", ctx.database.url, "round", "collect", str(gaoyao), "--accept", "--dry-run", "--json"]
    assert main(argv, stdout=out, stderr=io.StringIO()) == ExitCode.OK
    said = json.loads(out.getvalue())
    said = said[0] if isinstance(said, list) else said
    assert {(g["row"], g["moved_to"], g["deleted"]) for g in said["left_out"]} == {
        (sheet.row_of(moved), "四会市", False),
        (sheet.row_of(gone), None, True),
    }
    code, said = collect(ctx, gaoyao, "--lang", "zh", "--dry-run")
    assert f"第{sheet.row_of(moved)}行 {name}在报表下发后已移至四会市，未导入" in said
    code, said = collect(ctx, gaoyao)
    assert code == ExitCode.OK, said
    assert f"row {sheet.row_of(moved)}: {name} was moved to 四会市 after the workbook was sent, not imported" in said
    assert f"row {sheet.row_of(gone)}: " in said and "was deleted after the workbook was sent, not imported" in said
    assert records(ctx, kept)[-1] == (10, 10 * WAN, None)  # the district's other rows went in
    assert records(ctx, moved) == before  # the moved project's figure was not taken from the old district
    assert not sql(ctx, "SELECT 1 FROM projects WHERE id = ?", gone)  # nothing brought back


@pytest.mark.parametrize(
    "lang, said", [("en", "was moved to 四会市 after the workbook was sent"), ("zh", "在报表下发后已移至四会市")]
)
def test_the_return_preview_names_a_row_left_out(
    qtbot, make_window, translations, demo_ctx: AppContext, gaoyao: Path, lang: str, said: str
) -> None:
    from sqlalchemy import text
    from test_ui_round import _shot, opened_return

    translations.switch(lang)
    window = make_window(demo_ctx)
    sheet = Sheet.open(gaoyao)
    kept, moved = [pid for pid in sheet.ids() if [m for m, _a, _f in records(demo_ctx, pid)][-1:] == [9]][:2]
    sheet.set(kept, H_MONTH, 10)
    sheet.set(moved, H_MONTH, 20)
    sheet.save()
    other = sql(demo_ctx, "SELECT id FROM districts WHERE name = ?", "四会市")[0][0]
    with demo_ctx.database.engine.begin() as con:
        con.execute(text("UPDATE projects SET district_id = :d WHERE id = :p"), {"d": other, "p": moved})
    dialog = opened_return(qtbot, window, demo_ctx, gaoyao, lang)
    assert said in dialog.notes.text() and str(sheet.row_of(moved)) in dialog.notes.text()
    assert dialog.import_button.isEnabled()  # the district's other rows can go in
    dialog.resize(1366, 768)
    _shot(dialog, f"return-left-out-{lang}.png")
