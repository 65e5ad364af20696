"""Every view of the statistics shows the unclassified line and says how many projects its planned
investment lacks: the exported summary sheets, the printed views, the dashboard's charts and
tiles. Figures worked out by hand from four projects (see ``incomplete``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from xlsx_readback import sheet_rows

from zqtracker.charts.series import chart_data
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.reports.build import build_report
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService


@pytest.fixture
def incomplete(ctx: AppContext) -> AppContext:
    """A: complete, 15亿; B: no sector, 3亿; C: no district, no amount; D: only a name.

    Through March 2023 — YTD / same period 2022:
      total 240 / 160 (+50.0%); 新型储能 (A, C) 180 / 100; unclassified sector (B, D) 60 / 60 (0.0%);
      高要区 (A, B) 210 / 140; no district (C, D) 30 / 20 (+50.0%).
    Planned: 18亿 known, 2 projects without an amount (C, D); by sector 新型储能 15亿 (1 without),
    unclassified 3亿 (1 without); by district 高要区 18亿, no district 0 (2 without).
    """
    P = ctx.projects
    a = P.create(Project("A 储能", "新型储能", "高要区", Status.UNDER_CONSTRUCTION, 1_500_000_000, is_key_project=True))
    b = P.create(Project("B 无行业", None, "高要区", Status.SIGNED, 300_000_000))
    c = P.create(Project("C 无区域无金额", "新型储能", None, Status.LEAD, is_key_project=True))
    d = P.create(Project("D 只有名称", status=Status.LEAD))
    P.set_investment(a.id, [(2022, 1, 100), (2023, 1, 150)])
    P.set_investment(b.id, [(2022, 2, 40), (2023, 2, 60)])
    P.set_investment(c.id, [(2023, 3, 30)])
    P.set_investment(d.id, [(2022, 3, 20)])
    P.set_plans(c.id, [(2023, 100)])
    return ctx


# -- exported workbook ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_sheets_have_the_unclassified_line_and_the_count_without_amount(
    incomplete: AppContext, tmp_path: Path, lang: str
) -> None:
    zh = lang == "zh"
    path = tmp_path / "out.xlsx"
    ExportService(incomplete.database).export(path, ExportOptions(lang=lang, unit=Unit.YUAN))
    names = {
        "status": "按状态汇总" if zh else "By status",
        "sector": "按行业汇总" if zh else "By sector",
        "district": "按区域汇总" if zh else "By district",
        "overview": "概览" if zh else "Overview",
    }
    total_word, unclassified, no_district = (
        ("合计", "未分类", "未定区域") if zh else ("Total", "Unclassified", "No district yet")
    )

    status = sheet_rows(path, names["status"], "openpyxl")
    header = next(r for r in status if r[0] == ("项目状态" if zh else "Status"))
    assert header[4] == ("无金额项目（个）" if zh else "Projects without an amount")
    lead = next(r for r in status if r[0] == Status.LEAD.label(lang))
    assert (lead[1], lead[2], lead[3], lead[4]) == (2, "—", "—", 2)  # none has an amount: no figure, not 0
    total = next(r for r in status if r[0] == total_word)
    assert (total[1], total[2], total[4]) == (4, 1_800_000_000, 2)

    sector = sheet_rows(path, names["sector"], "openpyxl")
    rows = {r[1]: r[2:] for r in sector[4:] if r[1]}
    assert rows["新型储能"] == [2, 1_500_000_000, 180, 100, 0.8, 1]
    assert rows[unclassified] == [2, 300_000_000, 60, 60, 0.0, 1]
    assert rows[total_word] == [4, 1_800_000_000, 240, 160, 0.5, 2]
    assert list(rows) == ["新型储能", unclassified, total_word]  # after the named lines, before the total

    district = sheet_rows(path, names["district"], "calamine")
    rows = {r[0]: [v if v == "—" else float(v) for v in r[1:]] for r in district[4:] if r[0]}
    assert rows["高要区"] == [2, 1_800_000_000, 210, 140, 0.5, 0]
    assert rows[no_district] == [2, "—", 30, 20, 0.5, 2]
    assert rows[total_word] == [4, 1_800_000_000, 240, 160, 0.5, 2]

    overview = {r[0]: r[1] for r in sheet_rows(path, names["overview"], "openpyxl") if r and r[0]}
    label = "无金额项目（个，未计入计划总投资）" if zh else "Projects without an amount (not in the planned investment)"
    assert overview[label] == 2


def test_a_complete_database_shows_no_unclassified_line(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(Project("完整", "新型储能", "高要区", Status.SIGNED, 100))
    path = tmp_path / "out.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(lang="en"))
    assert not any(r[1] == "Unclassified" for r in sheet_rows(path, "By sector", "openpyxl"))
    assert not any(r[0] == "No district yet" for r in sheet_rows(path, "By district", "openpyxl"))


# -- printed views -------------------------------------------------------------------------------


def _report(ctx: AppContext, view: View, lang: str):
    return build_report(
        ctx,
        ReportOptions(
            view=view, lang=lang, unit=Unit.YUAN, year=2023, through=3, generated_at=datetime(2023, 4, 5, 9, 30)
        ),
    )


def test_overview_report_by_hand(qapp, incomplete: AppContext) -> None:
    r = _report(incomplete, View.OVERVIEW, "en")
    planned = next(f for f in r.key_figures().figures if f.label == "Planned investment")
    assert planned.value == "¥1,800,000,000" and planned.detail == "2 projects without an amount"
    sector = r.table("By sector")
    assert [row.cells for row in sector.rows] == [
        ("新型储能", "2", "1,500,000,000", "180", "100", "+80.0%"),
        ("Unclassified", "2", "300,000,000", "60", "60", "+0.0%"),
        ("Total", "4", "1,800,000,000", "240", "160", "+50.0%"),
    ]
    assert sector.note.startswith("Planned investment: the sum of the known amounts; 2 projects without an amount")
    district = r.table("By district")
    assert district.row("unclassified") == {
        "District": "No district yet",
        "Projects": "2",
        "Planned investment": "—",
        "Completed Jan–Mar": "30",
        "Same period last year": "20",
        "YoY": "+50.0%",
    }
    assert "2 projects without an amount" in r.table("By status").note

    zh = _report(incomplete, View.OVERVIEW, "zh")
    assert next(f for f in zh.key_figures().figures if f.label == "计划总投资").detail == "2个项目无金额"
    assert zh.table("按行业").row("unclassified")["所属行业"] == "未分类"
    assert zh.table("按区域").row("unclassified")["所在区域"] == "未定区域"
    assert zh.table("按项目状态").note == "计划总投资为已知金额之和，另有2个项目无金额。"
    assert zh.table("按项目状态").row("lead")["计划总投资"] == "—"
    assert zh.table("按行业").note.startswith("计划总投资为已知金额之和，另有2个项目无金额。同比：")


def test_key_project_and_monthly_views_keep_an_unknown_amount_unknown(qapp, incomplete: AppContext) -> None:
    key = _report(incomplete, View.KEY_PROJECTS, "en").tables()[0]
    assert key.row(str(3))["Planned investment"] == "—"  # C: key project, amount unknown
    assert key.row("total")["Planned investment"] == "1,500,000,000"
    assert "1 project without an amount" in key.note
    monthly = _report(incomplete, View.MONTHLY, "zh").tables()[0]
    assert monthly.row(str(3))["计划总投资"] == "—"
    assert "另有1个项目无金额" in monthly.note  # C is the only row without an amount (D has no 2023 figures)


def test_complete_data_adds_no_note(qapp, ctx: AppContext) -> None:
    ctx.projects.create(Project("完整", "新型储能", "高要区", Status.SIGNED, 100))
    r = _report(ctx, View.OVERVIEW, "en")
    assert r.table("By status").note == ""
    assert "without an amount" not in r.table("By sector").note
    assert next(f for f in r.key_figures().figures if f.label == "Planned investment").detail == ""


# -- dashboard ---------------------------------------------------------------------------------


def test_charts_give_the_unclassified_their_own_bar_that_lists_them(incomplete: AppContext) -> None:
    f = DashboardService(incomplete.statistics, parallel=False).load(2023, 3)
    sectors = chart_data(f, "sectors")
    assert [(r.label, r.left, r.right) for r in sectors.rows] == [("新型储能", 180, 80.0), ("Unclassified", 60, 0.0)]
    last = sectors.rows[-1]
    assert last.muted and last.filter == ProjectFilter(missing=frozenset({"sector"}))
    assert "Projects whose sector is not known yet" in last.tooltip
    districts = chart_data(f, "districts", lang="zh")
    assert [(r.label, r.left) for r in districts.rows] == [("高要区", 210), ("未定区域", 30)]
    assert districts.rows[-1].filter == ProjectFilter(missing=frozenset({"district"}))
    pipeline = {r.key: r for r in chart_data(f, "pipeline").rows}
    assert "(2 projects without an amount)" in pipeline["lead"].tooltip
    assert "without an amount" not in pipeline["signed"].tooltip


def test_the_unclassified_bar_stays_when_the_others_are_folded(incomplete: AppContext) -> None:
    for i in range(4):
        p = incomplete.projects.create(Project(f"E{i}", f"行业{i}", "高要区", Status.SIGNED, 10))
        incomplete.projects.set_investment(p.id, [(2023, 1, 10 + i)])
    f = DashboardService(incomplete.statistics, parallel=False).load(2023, 3)
    rows = chart_data(f, "sectors", max_rows=4).rows
    assert [r.label for r in rows] == ["新型储能", "行业3", "Others (3)", "Unclassified"]
    assert sum(r.left for r in rows) == f.summary.completed.total.ytd


def test_planned_tile_says_how_many_projects_lack_an_amount(qtbot, incomplete: AppContext) -> None:
    from test_dashboard_widget import open_dashboard

    widget, _ = open_dashboard(qtbot, incomplete)
    tile = widget.tiles["planned"]
    assert tile.value.text() == "1.800" and tile.detail.text() == "2 projects without an amount"
    assert tile.toolTip().endswith("(2 projects without an amount)")
    widget_zh, _ = open_dashboard(qtbot, incomplete, lang="zh")
    assert widget_zh.tiles["planned"].detail.text() == "2个项目无金额"
