"""Each summary view's figures: against hand-computed values and against the statistics service."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.status import Status
from zqtracker.reports.build import build_report
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.trend_chart import trend_data
from zqtracker.services.activity import months_between
from zqtracker.services.context import AppContext
from zqtracker.storage.meta import set_meta

WAN = 10_000  # yuan in one 万元 (the fixture `hand` is in conftest.py)

MARCH_2023 = {"year": 2023, "through": 3, "generated_at": datetime(2023, 4, 5, 9, 30)}


def report(ctx: AppContext, view: View, lang: str = "en", unit: Unit = Unit.WAN, **kw):
    return build_report(ctx, ReportOptions(view=view, lang=lang, unit=unit, **{**MARCH_2023, **kw}))


def test_overview_key_figures_by_hand(qapp, hand: AppContext) -> None:
    r = report(hand, View.OVERVIEW, unit=Unit.YI)
    k = r.key_figures()
    assert k.value("Projects") == "5"
    assert k.value("Planned investment") == "¥3.050 bn"  # 30.50亿元
    assert k.value("Billion-yuan projects") == "2"
    assert k.value("Completed investment Jan–Mar 2023") == "¥0.050 bn"
    assert k.value("Same period last year") == "¥0.031 bn"
    assert k.value("Year on year") == "+61.3%"
    assert (r.title, r.subtitle) == ("Investment projects: overview", "January–March 2023")
    assert r.unit_line == "Unit: ¥ bn" and r.scope == "Scope: all projects"
    assert r.generated == "Generated 2023-04-05 09:30" and r.demo_mark == ""


def test_overview_tables_by_hand_in_wan(qapp, hand: AppContext) -> None:
    r = report(hand, View.OVERVIEW)
    status = r.table("By status")
    assert status.row("under_construction") == {
        "Status": "Under construction",
        "Projects": "1",
        "Planned investment": "1,500.00",
    }
    assert status.row("lead")["Planned investment"] == "50.00"
    assert status.row("trial_production")["Projects"] == "0"
    assert status.row("total") == {"Status": "Total", "Projects": "5", "Planned investment": "3,050.00"}
    sector = r.table("By sector")
    assert [row.cells for row in sector.rows] == [
        ("新型储能", "2", "2,500.00", "45.00", "30.00", "+50.0%"),
        ("汽车零部件", "3", "550.00", "5.00", "1.00", "+400.0%"),
        ("Total", "5", "3,050.00", "50.00", "31.00", "+61.3%"),
    ]
    district = r.table("By district")
    assert [row.cells for row in district.rows] == [
        ("肇庆新区", "2", "1,700.00", "45.00", "31.00", "+45.2%"),
        ("高要区", "2", "1,300.00", "5.00", "0.00", "—"),  # no prior figure → no growth figure
        ("端州区", "1", "50.00", "0.00", "0.00", "—"),
        ("Total", "5", "3,050.00", "50.00", "31.00", "+61.3%"),
    ]
    assert [c.header for c in sector.columns][3] == "Completed Jan–Mar"


def test_overview_equals_the_statistics_service(qapp, demo_ctx: AppContext) -> None:
    """On the demo data every cell is the service's figure, formatted — nothing recomputed."""
    r = report(demo_ctx, View.OVERVIEW, year=2023, through=9)
    s = demo_ctx.statistics.summary(2023, 9)
    c = s.completed
    money = MoneyFormat(Unit.WAN, "en").number
    for name, y in c.by_sector.items():
        row = r.table("By sector").row(name)
        assert (row["Projects"], row["Planned investment"]) == (
            str(s.by_sector[name].projects),
            money(s.by_sector[name].planned_investment),
        )
        assert (row["Completed Jan–Sep"], row["Same period last year"]) == (money(y.ytd), money(y.prior_ytd))
        assert row["YoY"] == (f"{y.yoy_pct:+.1f}%" if y.yoy_pct is not None else "—")
    for status, b in s.by_status.items():
        assert r.table("By status").row(status.value)["Projects"] == f"{b.projects:,}"
    assert r.table("By district").row("total")["Completed Jan–Sep"] == money(c.total.ytd)
    assert r.demo_mark.startswith("DEMO DATA")


def test_trend_chart_figures_by_hand(qapp, hand: AppContext) -> None:
    d = trend_data(hand.statistics, 2023, 3)
    assert d.this_year == (1500 * WAN, 2000 * WAN, 1500 * WAN)
    # April–August: nothing recorded though September is: not reported, no bar (not 0)
    assert d.last_year == (*(w * WAN for w in (1000, 1000, 1100)), *[None] * 5, 9990 * WAN, 0, 0, 0)
    assert d.ytd == (1500 * WAN, 3500 * WAN, 5000 * WAN)
    svg = report(hand, View.OVERVIEW).blocks[1].svg
    assert svg.startswith(b"<?xml") and b"<svg" in svg and b"Jan" in svg


def test_overview_in_chinese(qapp, hand: AppContext) -> None:
    r = report(hand, View.OVERVIEW, lang="zh", unit=Unit.YI)
    assert (r.title, r.subtitle, r.unit_line, r.scope) == (
        "招商引资项目总览",
        "2023年1–3月",
        "单位：亿元",
        "范围：全部项目",
    )
    assert r.key_figures().value("2023年1–3月累计完成投资") == "0.50亿元"
    assert r.table("按项目状态").row("on_hold") == {"状态": "停缓建", "项目数": "1", "计划总投资": "3.00"}
    assert r.table("按行业").row("total")["1–3月累计完成投资"] == "0.50"
    assert r.generated == "生成时间：2023-04-05 09:30"


def test_key_projects_by_hand(qapp, hand: AppContext) -> None:
    r = report(hand, View.KEY_PROJECTS)
    t = r.tables()[0]
    assert [row.key for row in t.rows] == ["A", "D", "E", "total"]  # key or ≥ 1 bn, largest first
    assert t.row("A") == {
        "No.": "1", "Project": "A 储能基地", "Enterprise": "肇庆甲储能科技有限公司", "District": "肇庆新区",
        "Planned investment": "1,500.00", "Status": "Under construction", "Type": "Key, ≥ 1 bn",
        "Signed": "2022-03-01", "Construction start": "2022-06-01", "Production": "",
        "Completed Jan–Mar": "45.00", "% of annual plan": "37.5%",
    }  # fmt: skip
    assert (t.row("D")["Type"], t.row("D")["% of annual plan"]) == ("≥ 1 bn", "0.0%")
    assert (t.row("E")["Type"], t.row("E")["% of annual plan"]) == ("Key", "—")  # no plan → no figure
    total = t.row("total")
    assert (total["Project"], total["Planned investment"]) == ("Total (3 projects)", "2,550.00")
    assert (total["Completed Jan–Mar"], total["% of annual plan"]) == ("45.00", "28.1%")  # 4,500 / 16,000


def test_monthly_progress_key_projects_by_hand(qapp, hand: AppContext) -> None:
    r = report(hand, View.MONTHLY)
    assert r.title == "Key projects: investment progress, March 2023"
    assert r.scope == "Filters: key projects"
    t = r.tables()[0]
    assert [row.key for row in t.rows] == ["total", "A"]  # E is key but has no plan and no 2023 record
    assert t.rows[1].cells == ("1", "A 储能基地", "肇庆甲储能科技有限公司", "肇庆新区", "Under construction",
                               "1,500.00", "120.00", "15.00", "45.00", "37.5%",
                               "174.90 (11.7%)")  # since start and its share of planned: 17,490 / 150,000  # fmt: skip
    assert t.rows[0].cells[1] == "Total (1 project)"


def test_monthly_progress_all_projects_equals_the_service(qapp, hand: AppContext) -> None:
    r = report(hand, View.MONTHLY, key_only=False, lang="zh")
    assert r.title == "2023年3月项目投资进展情况" and r.scope == "范围：全部项目"
    t = r.tables()[0]
    total = t.row("total")
    assert total == {"序号": "", "项目名称": "合计（3个项目）", "投资主体": "", "所在区域": "", "状态": "",
                     "计划总投资": "280,000", "2023年计划投资": "16,000", "当月完成": "1,500",
                     "1–3月累计完成": "5,000", "完成率": "28.1%", "自开工累计完成": "17,990"}  # fmt: skip
    # 完成率 of the total: the projects with a plan alone (A and D: 4,500 ÷ 16,000 = 28.1%), not every
    # project's 5,000 (B has no plan) ÷ their plans = 31.3% (probe25d W6)
    assert (t.row("B")["2023年计划投资"], t.row("B")["完成率"]) == ("—", "—")
    table = hand.statistics.progress(2023, 3)
    for p in table.rows:
        row = t.row(p.code)
        assert row["当月完成"] == MoneyFormat(Unit.WAN, "zh").number(p.this_month)
        assert row["1–3月累计完成"] == MoneyFormat(Unit.WAN, "zh").number(p.ytd)
        share = "" if p.pct_of_planned_since_start is None else f" ({p.pct_of_planned_since_start:.1f}%)"
        assert row["自开工累计完成"] == MoneyFormat(Unit.WAN, "zh").number(p.since_start) + share
    assert total["完成率"] == f"{table.total.pct_of_plan:.1f}%"


def test_stale_projects_by_hand(qapp, hand: AppContext) -> None:
    r = report(hand, View.STALE, as_of=date(2023, 10, 31), stale_months=6)
    assert r.subtitle == "No status change and no investment record for 6 months, as of 31 October 2023"
    t = r.tables()[0]
    assert [row.key for row in t.rows] == ["B", "D", "total"]  # A moved on the cutoff day; C cancelled; E recent
    assert t.row("B") == {"No.": "1", "Project": "B 零部件厂", "Enterprise": "高要乙汽车部件有限公司",
                          "District": "高要区", "Status": "On hold", "Planned investment": "300.00",
                          "Last status change": "2023-01-10", "Last investment record": "2023-02",
                          "Months without activity": "8"}  # fmt: skip
    d = t.row("D")
    assert (d["Last status change"], d["Last investment record"], d["Months without activity"]) == (
        "2023-04-20",
        "—",
        "6",
    )
    assert t.row("total")["Planned investment"] == "1,300.00"
    # the same projects the statistics service flags
    flagged = hand.statistics.stale_projects(hand.projects.list_rows(), 6, today=date(2023, 10, 31))
    assert {p.code for p in flagged} == {"B", "D"}
    zh = report(hand, View.STALE, lang="zh", as_of=date(2023, 10, 31))
    assert zh.subtitle == "截至2023年10月31日，连续6个月无状态变更且无投资填报"


def test_filters_are_applied_and_stated(qapp, hand: AppContext) -> None:
    f = ProjectFilter(districts=frozenset({"高要区"}))
    r = report(hand, View.OVERVIEW, filter=f)
    assert r.scope == "Filters: district: 高要区"
    assert r.key_figures().value("Projects") == "2"
    assert r.table("By sector").row("total")["Completed Jan–Mar"] == "5.00"
    zh = report(hand, View.KEY_PROJECTS, lang="zh", filter=f)
    assert zh.scope == "筛选：区域：高要区"
    assert [row.key for row in zh.tables()[0].rows] == ["D", "total"]
    monthly = report(hand, View.MONTHLY, filter=f, key_only=False)
    assert monthly.scope == "Filters: district: 高要区"
    assert [row.key for row in monthly.tables()[0].rows] == ["total", "D", "B"]


def test_demo_data_is_marked(qapp, hand: AppContext) -> None:
    with hand.database.session() as s:
        set_meta(s, "demo", "1")
    assert report(hand, View.STALE).demo_mark.startswith("DEMO DATA")
    assert report(hand, View.MONTHLY, lang="zh").demo_mark.startswith("演示数据")


def test_empty_database_gives_empty_views_not_errors(qapp, ctx: AppContext) -> None:
    for view in View:
        r = report(ctx, view)
        assert r.title
    assert report(ctx, View.OVERVIEW).key_figures().value("Year on year") == "—"
    assert report(ctx, View.MONTHLY).tables()[0].rows == []


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        ((2023, 1, 31), (2023, 4, 30), 2),
        ((2023, 1, 31), (2023, 5, 1), 3),
        ((2023, 2, 28), (2023, 10, 31), 8),
        ((2023, 4, 20), (2023, 10, 31), 6),
        ((2023, 4, 20), (2023, 10, 19), 5),
    ],
)
def test_months_between(earlier, later, months) -> None:
    assert months_between(date(*earlier), date(*later)) == months


def test_a_monthly_progress_of_key_projects_with_none_says_key_projects(qapp, hand: AppContext) -> None:
    """probe16 F6: the default view (key projects) of a year without any said "no project" while other
    projects had investment in it; it says "no key project" and how to print every project."""
    empty = report(hand, View.MONTHLY, year=2019).tables()[0]
    assert not empty.rows and empty.empty_text.startswith("No key project has a plan or investment in 2019")
    every = report(hand, View.MONTHLY, year=2019, key_only=False, lang="zh").tables()[0]
    assert not every.rows and every.empty_text == "2019年没有列入计划或有投资填报的项目。"


def test_rounded_lines_that_do_not_add_up_to_the_total_are_said(qapp, hand: AppContext) -> None:
    """Two projects of 1,234,567 yuan (each shown 1.23 in the English report's ¥ mn): the lines of each table
    print 3,052.46 in all under a total printed 3,052.47 — the note says why; the exact tables say nothing
    (probe37b F4)."""
    exact = report(hand, View.OVERVIEW)
    assert "rounded" not in exact.table("By status").note and "rounded" not in exact.table("By sector").note
    for name, sector, status in (("X 配套", "汽车零部件", Status.LEAD), ("Y 配套", "新型储能", Status.SIGNED)):
        hand.projects.create(Project(name, sector, "端州区", status, 1_234_567))
    r = report(hand, View.OVERVIEW)
    status = r.table("By status")
    assert status.row("total")["Planned investment"] == "3,052.47"
    shown = sum(Decimal(row.cells[2].replace(",", "")) for row in status.rows if row.key != "total")
    assert shown == Decimal("3052.46")
    for title in ("By status", "By sector"):
        assert "lines may not add up to the total" in r.table(title).note, (title, r.table(title).note)
    assert "rounded" not in r.table("By district").note  # both in 端州区: 52.47 there, and the lines add up
    zh = report(hand, View.OVERVIEW, lang="zh")
    assert "因四舍五入，分项之和与合计可能略有出入" in zh.table("按项目状态").note
