"""The figures shown to leadership (probe25d): a period asked for past the records, a year nothing is
recorded for, the 合计 line of the monthly progress table, the pipeline's unknown amounts, the
unclassified industry-chain line, the Chinese filter line and the Overview's precision. Real .xlsx
files written by openpyxl, imported through the service, both engines; figures worked out by hand.

Projects (万元): A 高要储能项目 新型储能/高要区 1,000 在建 key, 2025 plan 500; B 端州电子项目 电子信息/端州区
200 在建; C 四会综合项目 (no sector)/四会市 300 在建; D 广宁在谈项目 新型储能/广宁县 no amount 在谈;
E 高要二期项目 新型储能/高要区 400 在建; F 端州终止项目 电子信息/端州区 50 终止 (no investment).
2024, every month 1–12: A 10, B 5, C 2, E 4.  2025 through October: A 12, B 4, C 3 a month; E 1–6月 60
(a first year-to-date report), then 10 a month July–October. Nothing after October 2025.
Jan–Oct 2025: A 120 + B 40 + C 30 + E (60 + 40) 100 = 290; Jan–Oct 2024: 100 + 50 + 20 + 40 = 210;
growth 80 / 210 = 38.095 → +38.1%. The whole of 2024: 120 + 60 + 24 + 48 = 252 (290 against it: +15.1%,
the wrong figure --through 12 gave).
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.charts.series import chart_data
from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.database import open_database

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data(ctx: AppContext, tmp_path: Path) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态", "是否重点项目",
         "2025年度计划投资（万元）"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 1000, "在建", "是", 500],
        [2, "端州电子项目", "肇庆乙电子有限公司", "电子信息", "端州区", 200, "在建", "否", None],
        [3, "四会综合项目", "肇庆丙实业有限公司", None, "四会市", 300, "在建", "否", None],
        [4, "广宁在谈项目", "肇庆丁能源有限公司", "新型储能", "广宁县", None, "在谈", "否", None],
        [5, "高要二期项目", "肇庆戊储能有限公司", "新型储能", "高要区", 400, "在建", "否", None],
        [6, "端州终止项目", "肇庆己电子有限公司", "电子信息", "端州区", 50, "终止", "否", None],
    ]))  # fmt: skip
    y2024 = write_workbook(tmp_path / "y2024.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2024年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 13)]],
        [1, "高要储能项目", *[10] * 12], [2, "端州电子项目", *[5] * 12], [3, "四会综合项目", *[2] * 12],
        [4, "高要二期项目", *[4] * 12],
    ]))  # fmt: skip
    ytd6 = write_workbook(tmp_path / "e_ytd6.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年1-6月重点项目完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", "1-6月累计完成投资（万元）"], [1, "高要二期项目", 60],
    ]))  # fmt: skip
    y2025 = write_workbook(tmp_path / "y2025.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年1-10月重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 11)]],
        [1, "高要储能项目", *[12] * 10], [2, "端州电子项目", *[4] * 10], [3, "四会综合项目", *[3] * 10],
        [4, "高要二期项目", *[None] * 6, *[10] * 4],
    ]))  # fmt: skip
    for path in (projects, y2024, ytd6, y2025):
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


def test_the_data_is_as_worked_out(data: AppContext) -> None:
    s = data.statistics.summary()
    c = s.completed
    assert (c.year, c.through_month, c.total.ytd, c.total.prior_ytd) == (2025, 10, 290 * WAN, 210 * WAN)
    assert c.total.yoy_pct == 38.1 and c.asked_through is None and c.reported


def test_a_month_past_the_records_is_cut_back_to_them(data: AppContext) -> None:
    """W4: --through 12 with records through October compared Jan–Dec 2025 (290) with the whole of 2024
    (252: +15.1%). Now the period is Jan–Oct, 290 against 210: +38.1%, and it says so."""
    c = data.statistics.summary(2025, 12).completed
    assert (c.through_month, c.asked_through, c.total.ytd, c.total.prior_ytd) == (10, 12, 290 * WAN, 210 * WAN)
    assert c.total.yoy_pct == 38.1
    assert c.to_json()["asked_through_month"] == 12
    # the charts' figures: months through October only, growth of October's year to date
    figures = DashboardService(data.statistics).load(2025, 12, count_stale_projects=False)
    assert figures.through == 10 and figures.months.ytd[9].yoy_pct == 38.1
    yoy = chart_data(figures, "yoy", unit=Unit.WAN)
    plotted = [v for series in yoy.series for v in series.values[10:]]  # type: ignore[union-attr]
    assert all(v is None for v in plotted)  # no −100% drawn for November and December
    # a year over before the latest one keeps its twelve months (nothing to cut back)
    assert data.statistics.summary(2024, 12).completed.through_month == 12


def test_the_summary_text_and_pdf_say_where_the_records_end(data: AppContext, tmp_path: Path) -> None:
    db = data.database.url
    code, out, err = run("--db", db, "summary", "--through", "12")
    assert code == ExitCode.OK, err
    assert "Completed investment 2025 Jan–Oct: ¥0.003 bn (same period last year ¥0.002 bn, year on year +38.1%)" in out
    assert "Records run only through October 2025: the period ends there, not in December 2025" in out
    code, out, err = run("--db", db, "--lang", "zh", "summary", "--through", "12", "--unit", "wan")
    assert "2025年1–10月累计完成投资：290万元（上年同期 210万元，同比 +38.1%）" in out
    assert "数据仅填报至2025年10月" in out
    pdf = tmp_path / "overview.pdf"
    code, _, err = run("--db", db, "report", str(pdf), "--through", "12", "--unit", "wan")
    assert code == ExitCode.OK, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "January–October 2025" in text and "+38.1%" in text and "+15.1%" not in text
    assert "Records run only through October 2025" in text


def test_a_year_with_no_records_has_no_figure(data: AppContext) -> None:
    """W5: --year 2026 showed ¥0.000 bn and −100.0% against 2025's 290."""
    c = data.statistics.summary(2026).completed
    assert not c.reported and c.total.yoy_pct is None and c.total.prior_ytd == 290 * WAN
    assert all(y.yoy_pct is None for y in [*c.by_sector.values(), *c.by_district.values(), c.unclassified_sector])
    assert c.to_json()["reported"] is False
    code, out, err = run("--db", data.database.url, "summary", "--year", "2026", "--unit", "wan")
    assert code == ExitCode.OK, err
    assert "Completed investment 2026 Jan–Dec: — (same period last year 2.90 mn" not in out  # (unit words vary)
    line = next(x for x in out.splitlines() if x.startswith("Completed investment 2026"))
    assert ": — (" in line and "year on year —)" in line and "-100" not in out
    assert "No completed investment is recorded for Jan–Dec 2026 yet" in out
    # the growth chart draws no −100% either: nothing at all, and says why
    figures = DashboardService(data.statistics).load(2026, None, count_stale_projects=False)
    yoy = chart_data(figures, "yoy", unit=Unit.WAN)
    assert all(v is None for series in yoy.series for v in series.values)  # type: ignore[union-attr]
    assert yoy.empty == "No completed investment recorded in Jan–Dec 2026"


def test_the_total_of_monthly_progress_compares_like_with_like(data: AppContext, tmp_path: Path) -> None:
    """W6: 完成率 of the 合计 divided every project's year to date (290) by the plans of A alone (500):
    58.0%. Now A's 120 ÷ 500 = 24.0%. W7: June's 合计 当月 added E's 1–6月 60 to the months' own
    A 12 + B 4 + C 3 = 19 (79); now 19, the 60 apart."""
    october = data.statistics.progress(2025, 10).total
    assert (october.ytd, october.annual_plan, october.planned_ytd, october.planned_rows) == (
        290 * WAN, 500 * WAN, 120 * WAN, 1)  # fmt: skip
    assert october.pct_of_plan == 24.0
    june = data.statistics.progress(2025, 6).total
    assert (june.this_month, june.this_month_apart, june.ytd) == (19 * WAN, 60 * WAN, (72 + 24 + 18 + 60) * WAN)
    pdf = tmp_path / "monthly.pdf"
    code, _, err = run("--db", data.database.url, "report", str(pdf), "--view", "monthly", "--all-projects",
                       "--through", "6", "--lang", "zh", "--unit", "wan")  # fmt: skip
    assert code == ExitCode.OK, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = text.replace("\n", "")
    assert "19（另60合并填报）" in flat and "79" not in text.split("合计")[1].split("\n\n")[0]
    assert "合计完成率仅按1个有年度计划的项目计算" in flat  # A's 72 ÷ 500 = 14.4%
    assert "14.4%" in text


def test_the_pipeline_shows_no_amount_as_a_dash(data: AppContext) -> None:
    """W1: the 洽谈 bar read 0 for D, whose amount nobody gave."""
    figures = DashboardService(data.statistics).load(count_stale_projects=False)
    rows = {r.key: r.right for r in chart_data(figures, "pipeline", unit=Unit.WAN).rows}  # type: ignore[union-attr]
    assert rows["lead"] is None and rows["under_construction"] == 1900 * WAN and rows["on_hold"] == 0


def test_the_chain_lines_add_up_to_the_total(data: AppContext, tmp_path: Path) -> None:
    """W2: by industry chain, C (no sector) had no line: 新型储能 220 + 电子信息 40 = 260 under a total of 290."""
    c = data.statistics.summary().completed
    assert {k: (y.ytd, y.prior_ytd) for k, y in c.by_chain.items()} == {
        "新型储能": (220 * WAN, 140 * WAN), "电子信息": (40 * WAN, 50 * WAN)}  # fmt: skip
    assert (c.unclassified_chain.ytd, c.unclassified_chain.prior_ytd, c.unclassified_chain.yoy_pct) == (
        30 * WAN, 20 * WAN, 50.0)  # fmt: skip
    assert c.to_json()["unclassified_chain"]["ytd_yuan"] == 30 * WAN
    path = tmp_path / "all.xlsx"
    ExportService(data.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    ws = openpyxl.load_workbook(path)["完成投资同比"]
    rows = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0] in ("新型储能", "电子信息", "未分类", "合计")}
    assert rows == {"新型储能": 220, "电子信息": 40, "未分类": 30, "合计": 290}


def test_the_chinese_summary_names_its_filters_in_chinese(data: AppContext) -> None:
    """W8: 筛选：district: 高要区."""
    code, out, err = run("--db", data.database.url, "--lang", "zh", "summary", "--district", "高要区",
                         "--status", "在建")  # fmt: skip
    assert code == ExitCode.OK, err
    assert out.splitlines()[0] == "筛选：状态：在建；区域：高要区"
    code, out, _ = run("--db", data.database.url, "summary", "--district", "高要区")
    assert out.splitlines()[0] == "Filters: district: 高要区"


def test_the_overview_sheet_shows_the_precision_of_summary_and_reports(data: AppContext, tmp_path: Path) -> None:
    """W9: the English Overview showed ¥ bn to two decimals (2.81 beside summary's 2.811): 290万 is ¥0.0029
    bn, summary says ¥0.003 bn; the cell keeps the exact value and shows at least three decimals."""
    path = tmp_path / "en.xlsx"
    ExportService(data.database).export(path, ExportOptions(lang="en", unit=Unit.YI))
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {r[0].value: r[1] for r in ws.iter_rows() if isinstance(r[0].value, str)}
    ytd, prior = cells["Completed investment Jan–Oct 2025 (¥ bn)"], cells["Same period of 2024 (¥ bn)"]
    assert ytd.value == pytest.approx(0.0029) and prior.value == pytest.approx(0.0021)
    assert ytd.number_format == prior.number_format == "#,##0.000######"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_export_imported_again_keeps_a_span_of_months(data: AppContext, tmp_path: Path, lang: str) -> None:
    """W3: E's 1–6月 60 was exported as month 2025-06 with 所含月份 "1–6月", a column the import does
    not know: imported into a fresh database it became June's own 60, and Jan–May 2025 then compared
    A 60 + B 20 + C 15 = 95 with 2024's 50 + 25 + 10 + E 20 = 105 (−9.5%) as if like with like. Now the
    month cell says "2025年1–6月", read back as the span: Jan–May has no growth (a span straddles it),
    like with like 95 against 85 (E left out): +11.8%."""
    path = tmp_path / f"all-{lang}.xlsx"
    ExportService(data.database).export(path, ExportOptions(lang=lang, unit=Unit.WAN))
    fresh = AppContext.for_database(open_database(tmp_path / "fresh.sqlite"))
    try:
        result = ImportService(fresh.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
        assert result.ok and result.written
        (e,) = [p for p in fresh.projects.all_projects() if p.name == "高要二期项目"]
        spans = [(r.year, r.first_month, r.month, r.amount) for r in fresh.projects.investment(e.id) if r.first_month]
        assert spans == [(2025, 1, 6, 60 * WAN)]
        c = fresh.statistics.summary(2025, 5).completed
        assert (c.total.ytd, c.total.prior_ytd, c.total.yoy_pct, c.pending) == (95 * WAN, 105 * WAN, None, 60 * WAN)
        assert fresh.statistics.months(2025, 5).ytd[4].yoy_pct == 11.8
    finally:
        fresh.database.close()
    # into the database it came from: nothing changes
    again = ImportService(data.database, MappingStore(tmp_path / "m2.json")).import_file(path, ImportOptions())
    assert again.ok and not again.written
    # its 所含月份 column is said to be what the month cell gives, not "not a known column" (probe32a F7)
    codes = {n.code: n.params for n in again.notes if n.params.get("header") in ("所含月份", "Months covered")}
    assert "note_unknown_column" not in codes and "note_ignored_column" in codes


def test_the_summary_text_gives_projects_and_planned_by_sector_and_district(data: AppContext) -> None:
    """U1: by sector and district the text gave completed investment alone, and left out 广宁县 (D, no
    investment). U2: the cancelled F is counted in the headline (6 projects, 1,950万 planned): said so."""
    code, out, err = run("--db", data.database.url, "--lang", "zh", "summary", "--unit", "wan")
    assert code == ExitCode.OK, err
    lines = [" ".join(x.split()) for x in out.splitlines()]
    assert lines[0].startswith("项目数：6 计划总投资：1,950万元（1个项目无金额）")  # 1000+200+300+400+50
    assert "以上合计含已终止项目1个（计划总投资50万元）及其完成投资。" in lines
    # 新型储能: A, D, E — 1,400 known (D none); 220 against 140: +57.1%
    assert "新型储能 3 1,400万元 220万元 +57.1%" in lines
    assert "电子信息 2 250万元 40万元 -20.0%" in lines  # B and F; 40 against 50
    assert "未分类 1 300万元 30万元 +50.0%" in lines
    assert "广宁县 1 — 0万元 —" in lines and "端州区 2 250万元 40万元 -20.0%" in lines
