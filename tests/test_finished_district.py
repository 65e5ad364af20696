"""A district whose projects all finished is not "not reported" after they did (stats/gaps.py: a district
is not reported for a month only while some project of it is still expected to report then — one rule,
:func:`zqtracker.stats.gaps.expected`, behind the summary's text and --json, the dashboard's tiles and
charts, the overview PDF's hatching and the export). Real .xlsx files imported through the service, both
engines.

Figures (万元). Projects: P 高要储能项目 (新型储能, 高要区), Q 端州电子项目 (端州区), R 鼎湖材料项目
(鼎湖区), S 四会五金项目 (四会市); in "active" also U 高要建材项目 (建材, 高要区, 在建).
2024, January–October: P 60, Q 40, R 30, S 20 a month (150 a month; Jan–Oct 1,500).
2025: Q 48, R 36, S 24 January–October (108 a month, 1,080); P 72 January–June (432), nothing after.
"done": P is in production (投产), 投产时间 2025年6月: nothing is expected of 高要区 after June, so its
  July–October lack nothing. Jan–Oct 2025: 432 + 1,080 = 1,512 against 1,500: (1,512 − 1,500) / 1,500
  = +0.8%, plainly. 高要区 432 against 600: −168 / 600 = −28.0%. September alone: 108 against 150 =
  −28.0%. (The old rule said "July–October not reported (高要区)" and like with like 1,512 against
  1,500 − 4 × 60 = 1,260: +20.0%.)
"undated": P 投产 with no 投产时间: its last record (June) is when it ended — as "done".
"late": P 投产, 投产时间 2025年8月, records only January–June: it was building through August, so July and
  August are not reported (高要区), September and October are not. Like with like, 2024 without 高要区's
  July and August (2 × 60 = 120): 1,512 against 1,380 = +9.6% (1,512 / 1,380 = 1.0957).
"last_year": P went into production in June 2024 (投产时间 2024年6月), reporting 2024 January–June (60 a
  month, 360) and nothing in 2025: 2025 lacks nothing of 高要区. 1,080 against 360 + 90 × 10 = 1,260:
  −180 / 1,260 = −14.3%.
"active": as "done", but 高要区 also has U, still 在建, reporting 2024 January–October 10 a month and
  2025 January–August 12 a month (96), nothing after: U is still expected, so 高要区's September and
  October are not reported. 2025: 432 + 96 + 1,080 = 1,608; 2024: 1,500 + 100 = 1,600 (plain +0.5%).
  Like with like, 2024 without 高要区's September and October (2 × (60 + 10) = 140): 1,460;
  1,608 / 1,460 = 1.1014: +10.1%. 高要区 528 against 700; like with like 700 − 140 = 560: 528 / 560 =
  0.9429, −5.7%. September alone: 108 against 160 without 高要区's 70: 90 → +20.0%.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.charts.chart_model import BarsChart, TimeChart
from zqtracker.charts.series import chart_data
from zqtracker.cli.main import main
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]
MONTHS = list(range(1, 11))
# name, enterprise, sector, district, 2024 a month, 2025 a month
PROJECTS = [
    ("高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 60, 72),
    ("端州电子项目", "肇庆乙电子有限公司", "电子信息", "端州区", 40, 48),
    ("鼎湖材料项目", "肇庆丙材料有限公司", "新材料", "鼎湖区", 30, 36),
    ("四会五金项目", "肇庆丁五金有限公司", "金属制品", "四会市", 20, 24),
]
U = ("高要建材项目", "肇庆戊建材有限公司", "建材", "高要区", 10, 12)
# P's status and production date, and its last month reported in 2024 and in 2025 (0: none)
CASES = {
    "done": ("投产", date(2025, 6, 30), 10, 6),
    "undated": ("投产", None, 10, 6),
    "late": ("投产", date(2025, 8, 31), 10, 6),
    "last_year": ("投产", date(2024, 6, 30), 6, 0),
    "active": ("投产", date(2025, 6, 30), 10, 6),
}
NOT_REPORTED = ("not reported", "未报")


def _load(ctx: AppContext, tmp_path: Path, case: str) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    status, produced, last_2024, last_2025 = CASES[case]
    listed = [*PROJECTS, *([U] if case == "active" else [])]
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态", "投产时间"],
        *[[i, name, firm, sector, district, 10000, status if i == 1 else "在建", produced if i == 1 else None]
          for i, (name, firm, sector, district, *_) in enumerate(listed, start=1)],
    ]))  # fmt: skip

    def row(i: int, p: tuple, amount: int, last: int) -> list:
        return [i, p[0], *[amount if m <= last else None for m in MONTHS]]

    lasts = {2024: {PROJECTS[0][0]: last_2024, U[0]: 10}, 2025: {PROJECTS[0][0]: last_2025, U[0]: 8}}
    files = [projects]
    for year, col in ((2024, 4), (2025, 5)):
        rows = [row(i, p, p[col], lasts[year].get(p[0], 10)) for i, p in enumerate(listed, start=1)]
        rows = [r for r in rows if any(v is not None for v in r[2:])]
        files.append(write_workbook(tmp_path / f"y{year}.xlsx", SheetSpec("Sheet1", [
            [f"肇庆市{year}年重点项目月度完成投资情况表"], UNIT_LINE,
            ["序号", "项目名称", *[f"{m}月" for m in MONTHS]], *rows,
        ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


@pytest.fixture
def done(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, "done")


@pytest.fixture
def active(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, "active")


@pytest.mark.parametrize("case", list(CASES))
def test_the_key_figures(ctx: AppContext, tmp_path: Path, case: str) -> None:
    c = _load(ctx, tmp_path, case).statistics.summary(2025, 10).completed
    t, gaoyao = c.total, c.by_district.get("高要区")
    if case in ("done", "undated"):  # 1,512 against 1,500 plainly: +0.8%; 高要区 432 against 600: −28.0%
        assert (t.ytd, t.prior_ytd, t.yoy_pct, bool(t.gaps)) == (1_512 * WAN, 1_500 * WAN, 0.8, False)
        assert gaoyao is not None and (gaoyao.ytd, gaoyao.prior_ytd, gaoyao.yoy_pct) == (432 * WAN, 600 * WAN, -28.0)
        assert not any(y.gaps for y in (*c.by_district.values(), *c.by_sector.values(), *c.by_chain.values()))
    elif case == "late":  # July and August expected (produced in August): 1,512 against 1,380 like with like
        assert (t.ytd, t.prior_ytd, t.yoy_pct) == (1_512 * WAN, 1_500 * WAN, None)
        assert (t.gaps.this, t.gaps.prior, t.gaps.districts) == ((7, 8), (), ("高要区",))
        assert (t.gaps.like, t.like_pct) == ((1_512 * WAN, 1_380 * WAN), 9.6)
    elif case == "last_year":  # nothing of 高要区 expected in 2025: 1,080 against 1,260, −14.3%
        assert (t.ytd, t.prior_ytd, t.yoy_pct, bool(t.gaps)) == (1_080 * WAN, 1_260 * WAN, -14.3, False)
        assert gaoyao is not None and (gaoyao.ytd, gaoyao.prior_ytd, gaoyao.yoy_pct) == (0, 360 * WAN, -100.0)
    else:  # "active": U still 在建 and stopped after August: September and October not reported
        assert (t.ytd, t.prior_ytd, t.yoy_pct) == (1_608 * WAN, 1_600 * WAN, None)
        assert (t.gaps.this, t.gaps.districts, t.gaps.like, t.like_pct) == (
            (9, 10), ("高要区",), (1_608 * WAN, 1_460 * WAN), 10.1)  # fmt: skip
        assert gaoyao is not None and (gaoyao.ytd, gaoyao.prior_ytd, gaoyao.gaps.this) == (
            528 * WAN,
            700 * WAN,
            (9, 10),
        )
        assert (gaoyao.gaps.like, gaoyao.like_pct) == ((528 * WAN, 560 * WAN), -5.7)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_text_and_json(done: AppContext, capsys, lang: str) -> None:
    assert main(["--db", done.database.url, "--lang", lang, "summary", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    assert not any(word in out for word in NOT_REPORTED), out
    said = "2025年1–10月累计完成投资：1,512万元（上年同期 1,500万元，同比 +0.8%）" if lang == "zh" else "+0.8%"
    # never the old rule's "like with like" 1,512 against 1,260
    assert said in out and "like with like" not in out and "同口径" not in out
    assert main(["--db", done.database.url, "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["ytd_yuan"], data["prior_ytd_yuan"], data["yoy_pct"]) == (1_512 * WAN, 1_500 * WAN, 0.8)
    assert "unreported_months" not in json.dumps(data)  # no line of it lacks a month
    assert data["by_district"]["高要区"] == {"ytd_yuan": 432 * WAN, "prior_ytd_yuan": 600 * WAN, "yoy_pct": -28.0}


def test_summary_of_a_district_with_a_project_still_building(active: AppContext, capsys) -> None:
    assert main(["--db", active.database.url, "summary", "--unit", "wan"]) == 0
    out = capsys.readouterr().out  # U still 在建 stopped after August: 1,608 against 1,460 like with like
    assert "September, October not reported (高要区). Year on year like with like +10.1%" in out
    assert main(["--db", active.database.url, "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert data["unreported_months"] == {"2025": [9, 10], "2024": []} and data["like_for_like_yoy_pct"] == 10.1


def test_month_figures_and_charts(done: AppContext) -> None:
    mf = done.statistics.months(2025, 10)
    assert not any(mf.this.lacks(m) or mf.prior.lacks(m) for m in range(1, 13))
    sep = mf.monthly[8]  # 108 against 150: −28.0%, plainly
    assert (sep.current, sep.prior, sep.yoy_pct, bool(sep.gaps)) == (108 * WAN, 150 * WAN, -28.0, False)
    f = DashboardService(done.statistics).load(2025, 10, count_stale_projects=False)
    for lang in ("en", "zh"):
        for name in ("monthly", "yoy", "districts", "sectors"):
            chart = chart_data(f, name, unit=Unit.WAN, lang=lang)
            tips = chart.tooltips if isinstance(chart, TimeChart) else [r.tooltip for r in chart.rows]  # type: ignore[union-attr]
            assert not any(w in (tip or "") for tip in tips for w in NOT_REPORTED), (name, lang)
            assert not chart.footnote, (name, chart.footnote)  # no hatched bar to explain
            if isinstance(chart, TimeChart):
                assert not any(any(s.hollow) for s in chart.series if s.key in ("current", "monthly_yoy"))
            else:
                assert isinstance(chart, BarsChart) and not any(r.like for r in chart.rows)


def _dashboard(qtbot, ctx: AppContext, lang: str):
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication
    from ui_helpers import private_settings

    from zqtracker.paths import resources_dir
    from zqtracker.ui.dashboard import DashboardWidget
    from zqtracker.ui.events import DataEvents

    translator = QTranslator()
    if lang == "zh":
        assert translator.load(str(resources_dir() / "translations" / "dashboard_zh_CN.qm"))
        QApplication.instance().installTranslator(translator)
    settings = private_settings()
    settings.money_unit = Unit.WAN
    widget = DashboardWidget(ctx, DataEvents(), settings, lang=lang)
    qtbot.addWidget(widget)
    widget.resize(1366, 705)
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.show()
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.set_period(2025, 10)
    return widget, translator


def _hover(qtbot, panel, month: int) -> str:
    """The tooltip the chart shows with the mouse over ``month`` (as a user sees it)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    scene = panel.item.plots[0].vb.mapViewToScene(QPointF(month, 1))
    QTest.mouseMove(panel.view.viewport(), panel.view.mapFromScene(scene))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() != "", timeout=3000)
    return QToolTip.text()


def _save_with_tooltip(widget, path: str) -> None:
    """The dashboard as a user sees it with a chart's tooltip showing (the tooltip is a window of its
    own: painted onto the dashboard's picture where it stands, the picture grown to hold it all)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    at = widget.mapFromGlobal(tip.pos())
    area = QRect(0, 0, widget.width(), widget.height()).united(QRect(at, tip.size()))
    picture = QPixmap(area.size())
    picture.fill(QColor("#808080"))
    painter = QPainter(picture)
    painter.drawPixmap(-area.topLeft(), widget.grab())
    painter.drawPixmap(at - area.topLeft(), tip.grab())
    painter.end()
    assert picture.save(path)


# the growth chart's September and October of "active" (by hand, 万元): September 108 against 160, without
# 高要区's 70: 90 → +20.0%; January–September 432 + 96 + 9 × 108 = 1,500 against 9 × 160 = 1,440, without 高要区's
# September (70): 1,370 → 1,500 / 1,370 = 1.0949, +9.5%. October 108 against 90 again; January–October 1,608
# against 1,600, like with like 1,460: +10.1%. Each growth once; the months not reported named once, last.
YOY_TIPS = {
    "zh": (
        "2025年9月\n当月同比：同口径+20.0%\n当月完成投资：108万元（上年同月 160万元）\n"
        "同口径，未报月份两年均不计：108万元，上年同期90万元。\n累计同比：同口径+9.5%\n"
        "2025年1–9月累计：1,500万元（上年同期 1,440万元）\n同口径，未报月份两年均不计：1,500万元，上年同期1,370万元。\n"
        "9月未报（高要区）。"
    ),
    "en": (
        "Oct 2025\nMonth on same month last year: +20.0% like with like\nCompleted: ¥1.08 mn (Oct 2024: ¥1.60 mn)\n"
        "Like with like, the months not reported left out of both years: ¥1.08 mn against ¥0.90 mn.\n"
        "Year to date on same period: +10.1% like with like\nJan–Oct 2025: ¥16.08 mn (same period 2024: ¥16.00 mn)\n"
        "Like with like, the months not reported left out of both years: ¥16.08 mn against ¥14.60 mn.\n"
        "September, October not reported (高要区)."
    ),
}
# the monthly chart's October of "active": the month's and the year to date's growth each once (— plainly,
# then like with like), the months not reported once
MONTHLY_TIPS = {
    "zh": (
        "2025年10月\n当月完成投资：108万元（上年同月 160万元，同比 —）\n"
        "同比按同口径计算为+20.0%：未报月份两年均不计（108万元，上年同期90万元）。\n"
        "2025年1–10月累计：1,608万元（上年同期 1,600万元，同比 —）\n"
        "同比按同口径计算为+10.1%：未报月份两年均不计（1,608万元，上年同期1,460万元）。\n9月、10月未报（高要区）。"
    ),
    "en": (
        "Oct 2025\nCompleted: ¥1.08 mn (Oct 2024: ¥1.60 mn; year on year —)\n"
        "Year on year like with like +20.0%: the months not reported left out of both years (¥1.08 mn against "
        "¥0.90 mn).\nJan–Oct 2025: ¥16.08 mn (same period 2024: ¥16.00 mn; year on year —)\n"
        "Year on year like with like +10.1%: the months not reported left out of both years (¥16.08 mn against "
        "¥14.60 mn).\nSeptember, October not reported (高要区)."
    ),
}
# "done": September 108 against 150, −28.0%; January–September 432 + 972 = 1,404 against 1,350: +4.0%
DONE_TIPS = {
    "zh": "2025年9月\n当月同比：-28.0%\n当月完成投资：108万元（上年同月 150万元）\n累计同比：+4.0%\n"
    "2025年1–9月累计：1,404万元（上年同期 1,350万元）",
    "en": "Sep 2025\nMonth on same month last year: -28.0%\nCompleted: ¥1.08 mn (Sep 2024: ¥1.50 mn)\n"
    "Year to date on same period: +4.0%\nJan–Sep 2025: ¥14.04 mn (same period 2024: ¥13.50 mn)",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_tiles_and_tooltips_when_the_projects_finished(qtbot, done: AppContext, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    widget, translator = _dashboard(qtbot, done, lang)
    try:
        ytd, yoy = widget.tiles["ytd"], widget.tiles["yoy"]
        assert not any(w in ytd.detail.text() + yoy.detail.text() for w in NOT_REPORTED)
        assert yoy.value.text() == "▲ +0.8%"  # 1,512 against 1,500, plainly
        assert _hover(qtbot, widget.panels["yoy"], 9) == DONE_TIPS[lang]
        engine = done.database.url.split(":")[0].split("+")[0]
        _save_with_tooltip(widget, f"/tmp/fix29c_yoy_tooltip_done_{lang}_{engine}.png")
        widget.grab().save(f"/tmp/fix29c_dashboard_done_{lang}_{engine}.png")
    finally:
        QApplication.instance().removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_tooltips_with_a_district_not_reporting(qtbot, active: AppContext, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    widget, translator = _dashboard(qtbot, active, lang)
    try:
        assert widget.tiles["ytd"].detail.text() == (
            "9月、10月未报（高要区）" if lang == "zh" else "September, October not reported (高要区)"
        )
        assert widget.tiles["yoy"].detail.text() == ("同口径+10.1%" if lang == "zh" else "+10.1% like with like")
        engine = active.database.url.split(":")[0].split("+")[0]
        assert _hover(qtbot, widget.panels["monthly"], 10) == MONTHLY_TIPS[lang]
        _save_with_tooltip(widget, f"/tmp/fix29c_monthly_tooltip_{lang}_{engine}.png")
        tip = _hover(qtbot, widget.panels["yoy"], 9 if lang == "zh" else 10)
        assert tip == YOY_TIPS[lang]
        _save_with_tooltip(widget, f"/tmp/fix29c_yoy_tooltip_{lang}_{engine}.png")
        from PySide6.QtWidgets import QToolTip

        QToolTip.hideText()
        widget.grab().save(f"/tmp/fix29c_dashboard_active_{lang}_{engine}.png")
    finally:
        QApplication.instance().removeTranslator(translator)


def test_the_export(done: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    ExportService(done.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    rows = [[c.value for c in row] for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()]
    assert not any("未报" in str(v) for r in rows for v in r if v is not None)
    sep = next(r for r in rows if r and r[0] == "9月" and r[2] == 150)  # 108 against 150: −28.0%, no note
    assert sep[1] == 108 and sep[3] == pytest.approx(-0.28) and all(v is None for v in sep[4:])
    row = next(r for r in rows if "高要区" in r and 432 in r)  # 432 against 600: −28.0%
    at = row.index(432)
    assert row[at + 1] == 600 and row[at + 2] == pytest.approx(-0.28)


def test_the_export_of_a_district_with_a_project_still_building(active: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    ExportService(active.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    rows = [[c.value for c in row] for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()]
    sep = next(r for r in rows if r and r[0] == "9月" and r[2] == 160)  # 108 against 90 like with like: +20.0%
    assert sep[1] == 108 and sep[3] == pytest.approx(0.2) and "9月未报（高要区）" in sep[4]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_pdf(qapp, done: AppContext, tmp_path: Path, lang: str) -> None:
    from zqtracker.reports.trend_chart import trend_data

    trend = trend_data(done.statistics, 2025, 10)
    assert not any(trend.hatched(m, this) for m in range(1, 13) for this in (True, False))
    assert trend.this_lacking == () and trend.last_lacking == ()
    pdf = tmp_path / "overview.pdf"
    assert main(["--db", done.database.url, "report", "--lang", lang, "--unit", "wan", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    assert not any(w in text for w in NOT_REPORTED) and "+0.8%" in text


def test_a_districts_projects_are_looked_up_only_when_it_lacks_a_month(done: AppContext) -> None:
    """stats/gaps.py's may_stop: only a district lacking a month before the year's latest one can be
    asked whether its projects ended, so only those are looked up (the dashboard's 100k-project
    refresh scanned every project for it). 高要区 reports 2025 January–June, the others January–October."""
    from zqtracker.stats.cube import InvestmentCell
    from zqtracker.stats.gaps import may_stop
    from zqtracker.storage.stats_queries import StatsQueries

    cube = done.statistics.investment_cube((2024, 2025))
    assert may_stop(cube.cells) == {"高要区"}
    with done.database.session() as s:
        assert StatsQueries(s).reporting_ends() == {"高要区": (2025, 6)}
        assert StatsQueries(s).reporting_ends(among={"端州区"}) == {}  # still building: expected
        assert StatsQueries(s).reporting_ends(among=set()) == {}
    assert cube.ends == {"高要区": (2025, 6)}

    def cells(district: str | None, year: int, months: range, first: int | None = None) -> list[InvestmentCell]:
        return [InvestmentCell(year, m, None, None, district, 1, first) for m in months]

    # A every month to October; B stops after June; C lacks July alone; D reported 2024 and nothing in 2025;
    # E gives 1–10月 as one figure (it covers every month); F's 2024 lacks December, the latest 2024 month
    made = [
        *cells("A", 2025, range(1, 11)), *cells("A", 2024, range(1, 13)), *cells("B", 2025, range(1, 7)),
        *cells("B", 2024, range(1, 13)), *cells("C", 2025, [*range(1, 7), 8, 9, 10]),
        *cells("C", 2024, range(1, 13)), *cells("D", 2024, range(1, 13)), *cells("E", 2025, range(10, 11), 1),
        *cells("E", 2024, range(1, 13)), *cells("F", 2025, range(1, 11)), *cells("F", 2024, range(1, 12)),
    ]  # fmt: skip
    assert may_stop(made) == {"B", "C", "D", "F"}
