"""The words of the printed views, in English and Simplified Chinese, and how figures are written.

A report is printed in the language chosen for it, which need not be the language of the
window (an English-speaking analyst prints a Chinese report for the bureau chief), so these
strings live in a table keyed by language rather than in Qt's translator.
"""

from __future__ import annotations

from datetime import date, datetime

from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import calendar_text, ytd_span
from zqtracker.domain.words import Catalogue

_T: dict[str, tuple[str, str]] = {
    # page furniture
    "unit_line": ("Unit: {unit}", "单位：{unit}"),
    # the trend chart of the overview
    "trend.monthly_axis": ("Monthly ({unit})", "当月（{unit}）"),
    "trend.ytd_axis": ("Year to date ({unit})", "累计（{unit}）"),
    "trend.empty": ("No investment recorded", "暂无投资填报"),
    "trend.year": ("{year}", "{year}年"),
    "trend.ytd": ("{year} year to date (right axis)", "{year}年累计（右轴）"),
    "trend.together": ("Reported as months together", "多月合并填报"),
    "generated": ("Generated {stamp}", "生成时间：{stamp}"),
    "demo": (
        "DEMO DATA · synthetic figures, not official statistics",
        "演示数据 · 非真实统计数据，不得作为正式数据使用",
    ),
    "demo_short": ("DEMO DATA", "演示数据"),
    "scope_all": ("Scope: all projects", "范围：全部项目"),
    "scope_filters": ("Filters: {filters}", "筛选：{filters}"),
    "filter_sep": ("; ", "；"),
    "page_of": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "continued": ("{title} (continued)", "{title}（续）"),
    "none_yet": ("No figures.", "暂无数据。"),
    # shared columns
    "col_no": ("No.", "序号"),
    "col_project": ("Project", "项目名称"),
    "col_enterprise": ("Enterprise", "投资主体"),
    "col_district": ("District", "所在区域"),
    "col_sector": ("Sector", "所属行业"),
    "col_status": ("Status", "状态"),
    "col_projects": ("Projects", "项目数"),
    "col_planned": ("Planned investment", "计划总投资"),
    "col_ytd": ("Completed {span}", "{span}累计完成投资"),
    "col_prior": ("Same period last year", "上年同期"),
    "col_yoy": ("YoY", "同比"),
    "total": ("Total", "合计"),
    "total_projects": ("Total ({n} projects)", "合计（{n}个项目）"),
    "total_project": ("Total (1 project)", "合计（1个项目）"),
    "planned_note": (
        "Planned investment: the sum of the known amounts; {lacking} are not in it.",
        "计划总投资为已知金额之和，另有{lacking}。",
    ),
    "yoy_note": (
        "YoY: year-to-date against the same months of the year before; — where that figure is zero, or where"
        " a figure reported for several months together runs past the period (it cannot be split).",
        "同比：与上年同期累计相比；上年同期为零，或有跨越本期的多月合计数（无法拆分）时不计算（—）。",
    ),
    # overview
    "overview_title": ("Investment projects: overview", "招商引资项目总览"),
    "fig_projects": ("Projects", "项目数"),
    "fig_planned": ("Planned investment", "计划总投资"),
    "fig_billion": ("Billion-yuan projects", "十亿元以上项目"),
    "fig_ytd": ("Completed investment {span}", "{span}累计完成投资"),
    "fig_prior": ("Same period last year", "上年同期"),
    "fig_yoy": ("Year on year", "同比增长"),
    "by_status": ("By status", "按项目状态"),
    "by_sector": ("By sector", "按行业"),
    "by_district": ("By district", "按区域"),
    "by_origin": ("By investor origin", "按投资来源"),
    "by_type": ("By project type", "按项目类型"),
    "col_origin": ("Investor origin", "投资来源"),
    "col_type": ("Project type", "项目类型"),
    "col_share": ("Share of projects", "项目占比"),
    "not_given_note": (
        "Not given: projects whose list or record does not say; counted apart, never as domestic or new.",
        "未填：清单或项目信息中未注明，单独列出，不计入内资或新建。",
    ),
    "trend_title": ("Completed investment by month", "月度完成投资"),
    # key projects
    "key_title": ("Key and billion-yuan projects", "重点及十亿元以上项目"),
    "col_kind": ("Type", "类别"),
    "kind_key": ("Key", "重点"),
    "kind_billion": ("≥ 1 bn", "十亿元以上"),
    "kind_both": ("Key, ≥ 1 bn", "重点、十亿元以上"),
    "col_signed": ("Signed", "签约"),
    "col_started": ("Construction start", "开工"),
    "col_production": ("Production", "投产"),
    "col_pct_plan": ("% of annual plan", "完成年度计划"),
    "key_note": (
        "% of annual plan: completed {period} ÷ the plan for {year}; — where there is no plan. Dates: signed, "
        "construction start, production.",
        "完成年度计划：{period}累计完成投资 ÷ {year}年度计划投资；无年度计划的为“—”。",
    ),
    "key_empty": ("No key or billion-yuan projects.", "没有重点项目或十亿元以上项目。"),
    # monthly progress
    "monthly_title_key": (
        "Key projects: investment progress, {month_name} {year}",
        "{year}年{month}月重点项目投资进展情况",
    ),
    "monthly_title_all": ("Projects: investment progress, {month_name} {year}", "{year}年{month}月项目投资进展情况"),
    "col_annual_plan": ("Annual plan {year}", "{year}年计划投资"),
    "col_this_month": ("This month", "当月完成"),
    "col_ytd_months": ("Year to date ({months})", "{months}累计完成"),
    "col_pct_of_plan": ("% of plan", "完成率"),
    "col_since_start": ("Since start", "自开工累计完成"),
    "monthly_span_note": (
        "This month marked with a span of months (Jan–Oct, Sep–Oct): one figure of {year} for those months "
        "together — a first year-to-date report, or a month before it never reported on its own — not this "
        "month's own amount ({n} project(s)).",
        "当月标注月份（如“1–10月”“9–10月”）的：为{year}年这几个月的合计数（首次报送累计数，或此前某月未单独报送），"
        "非当月数（{n}个项目）。",
    ),
    "monthly_note": (
        "Projects with an investment plan for {year} or investment recorded in it. % of plan: year to date ÷ "
        "annual plan; — where there is no plan. Since start: the reported figure since the start of "
        "construction (else every record) up to {month_name} {year}, and its % of planned investment.",
        "列入{year}年计划或当年有投资填报的项目。完成率＝累计完成 ÷ 年度计划，无年度计划的为“—”。"
        "自开工累计：截至{year}年{month}月填报的自开工累计（无则为全部填报之和）及其占计划总投资的比例。",
    ),
    "monthly_total_pct": (
        "% of plan of the total: the {n} project(s) with an annual plan alone — their year to date {ytd} ÷ their "
        "plans {plan}; a project without a plan is in neither.",
        "合计完成率仅按{n}个有年度计划的项目计算：其累计完成{ytd} ÷ 年度计划{plan}；无年度计划的项目不计入分子和分母。",
    ),
    "monthly_total_apart": (
        "The total's this month is the months' own amounts; {amount} reported for several months together is "
        "shown apart, not in it.",
        "合计当月完成为当月数之和；多月合并填报的{amount}另列，未计入。",
    ),
    "total_this_month": ("{amount} (+{apart} together)", "{amount}（另{apart}合并填报）"),
    "monthly_closed": ("Figures as closed on {on}.", "数据截至{on}关账。"),
    "corrections_title": (
        "Corrections to {month_name} {year} after it was closed",
        "{year}年{month}月关账后的数据更正",
    ),
    "col_period": ("Month", "月份"),
    "col_as_closed": ("As closed", "关账数"),
    "col_now": ("Now", "更正后"),
    "col_change": ("Change", "增减"),
    "corrections_note": (
        "The closed report keeps the figures as closed; these changes count from this report on.",
        "已关账月份的报表保持关账数据；以上更正自本期起计入。",
    ),
    "monthly_empty": ("No project has a plan or investment in {year}.", "{year}年没有列入计划或有投资填报的项目。"),
    "monthly_empty_key": (
        "No key project has a plan or investment in {year}: mark projects as key, or print every project.",
        "{year}年没有列入计划或有投资填报的重点项目：请先标记重点项目，或打印全部项目。",
    ),
    # stale
    "stale_title": ("Stale projects", "长期无进展项目"),
    "stale_subtitle": (
        "No status change and no investment record for {months} months, as of {as_of}",
        "截至{as_of}，连续{months}个月无状态变更且无投资填报",
    ),
    "col_last_change": ("Last status change", "最近状态变更"),
    "col_last_record": ("Last investment record", "最近投资填报"),
    "col_idle": ("Months without activity", "无进展月数"),
    "stale_note": (
        "Projects in production or cancelled are never stale. Last investment record: the latest month with completed "
        "investment.",
        "已投产和已终止的项目不列入。最近投资填报：最近一个有完成投资的月份。",
    ),
    "stale_empty": ("No project has been without activity for {months} months.", "没有连续{months}个月无进展的项目。"),
}
T = Catalogue("reports", _T)

NO_FIGURE = "—"


def planned_note(lacking: int, lang: str) -> str:
    """The sentence under a table whose planned-investment total lacks projects ("" when none do)."""
    if not lacking:
        return ""
    from zqtracker.domain.unknown import without_amount

    return t("planned_note", lang, lacking=without_amount(lacking, lang))


def with_note(*notes: str) -> str:
    """Notes under one table, in order, empty ones left out (Chinese sentences run on)."""
    out = ""
    for n in notes:
        if n:
            out += n if not out or out.endswith("。") else " " + n
    return out


def planned_money(b: object, unit: Unit, lang: str) -> str:
    """The planned investment of a breakdown line: "—" when none of its projects has an amount
    (a sum of nothing known is not 0)."""
    projects, planned, lacking = b.projects, b.planned_investment, b.without_amount  # type: ignore[attr-defined]
    return NO_FIGURE if projects and lacking == projects else money(planned, unit, lang)


t = T.say


def period(year: int, through: int, lang: str) -> str:
    """2023年1–9月 / January–September 2023 (one month: 2023年1月 / January 2023)."""
    return ytd_span(through, lang, year, long=True)


def short_period(year: int, through: int, lang: str) -> str:
    """2023年1–9月 / Jan–Sep 2023."""
    return ytd_span(through, lang, year)


def months_span(through: int, lang: str) -> str:
    """1–9月 / Jan–Sep: the months a year-to-date figure covers."""
    return ytd_span(through, lang)


def long_date(d: date, lang: str) -> str:
    return calendar_text("day_long", lang, year=d.year, month=d.month, day=d.day)


def money(yuan: int | None, unit: Unit, lang: str) -> str:
    """A figure of a table whose page names the unit ("Unit: ¥ bn"), as domain.money_format
    rounds it."""
    return NO_FIGURE if yuan is None else MoneyFormat(unit, lang).number(yuan)


def money_with_unit(yuan: int, unit: Unit, lang: str) -> str:
    return MoneyFormat(unit, lang).text(yuan)


def unit_name(unit: Unit, lang: str) -> str:
    """ "亿元", "¥ bn"."""
    return MoneyFormat(unit, lang).label


def pct(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.1f}%"


def growth(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:+.1f}%"


def day(d: date | None, precision: str | None = None) -> str:
    """ISO day, or the month / quarter / year a list gave ("2025-Q2", "2020"): never a made-up day."""
    if d is None:
        return ""
    return d.isoformat() if precision is None else FuzzyDate(d, DatePrecision(precision)).iso()


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def count(n: int) -> str:
    return f"{n:,}"


def total_label(n: int, lang: str) -> str:
    """合计（3个项目） / Total (3 projects)."""
    return t("total_project", lang) if n == 1 else t("total_projects", lang, n=count(n))
