"""A district that stopped reporting (高要区 sent January–August 2025, the others through October): its
September and October are not reported (stats/gaps.py) — said by name, and growth like with like leaves
高要区's September and October out of both years, never its 8 months against its 10 silently. The one
rule feeds the summary (text and --json), the dashboard's tiles and charts, the overview PDF (its key
figures and its trend chart, hatched) and the export. Real .xlsx files imported through the service,
both engines.

Figures (万元). Projects: P 高要储能项目 (新型储能, 高要区), Q 端州电子项目 (电子信息, 端州区),
R 鼎湖材料项目 (新材料, 鼎湖区), S 四会五金项目 (金属制品, 四会市); T 高要建材项目 (建材, 高要区) only
in "finished".
2024, January–October: P 60, Q 40, R 30, S 20 a month (150 a month; Jan–Oct 1,500).
"stopped": 2025 P 72 January–August, nothing after; Q 48, R 36, S 24 January–October (108 a month).
  Jan–Oct 2025: 8 × 72 + 10 × 108 = 576 + 1,080 = 1,656 against 1,500: the plain +10.4% mixed 高要区's
  8 months with its 10. Like with like, 2024 without 高要区's September and October (2 × 60 = 120):
  1,380; 1,656 / 1,380 = +20.0%. 高要区 and 新型储能: 576 against 600 (was −4.0%), 480 like with like:
  +20.0%. 端州区: 480 against 400, +20.0% plainly, nothing lacking.
  Through September: 576 + 9 × 108 = 1,548 against 1,350; without 高要区's September (60): 1,290, +20.0%.
  Through August: 576 + 864 = 1,440 against 1,200: +20.0% plainly, nothing lacking.
  September alone: 108 reported against 150; without 高要区 (60): 90 → +20.0% (was −28.0%).
"finished": as "stopped", but 高要区's T reported 0 for September and October: 高要区 reported them (a
  0 is a record), P simply finished. Nothing lacks: 1,656 against 1,500 = +10.4% plainly; 高要区
  576 against 600 = −4.0%.
"gone": 高要区 sent nothing in 2025: every month through October lacks it. 1,080 against 1,500; like
  with like 1,080 against 1,500 − 600 = 900: +20.0%.
"prior": 高要区 stopped in 2024 instead (January–August), every district reported Jan–Oct 2025.
  2025: 180 a month, 1,800; 2024: 1,500 − 120 = 1,380 (plain +30.4%). Like with like, 2025 without
  高要区's September and October (2 × 72 = 144): 1,656 / 1,380 = +20.0%.
"""

from __future__ import annotations

import json
import subprocess
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
OUT = Path("/tmp/fix28k")
PROJECTS = [
    ("高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 60, 72),
    ("端州电子项目", "肇庆乙电子有限公司", "电子信息", "端州区", 40, 48),
    ("鼎湖材料项目", "肇庆丙材料有限公司", "新材料", "鼎湖区", 30, 36),
    ("四会五金项目", "肇庆丁五金有限公司", "金属制品", "四会市", 20, 24),
]


def _load(ctx: AppContext, tmp_path: Path, case: str) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    extra = [["高要建材项目", "肇庆戊建材有限公司", "建材", "高要区", 0, 0]] if case == "finished" else []
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        *[[i, name, firm, sector, district, 10000, "在建"]
          for i, (name, firm, sector, district, *_) in enumerate([*PROJECTS, *extra], start=1)],
    ]))  # fmt: skip
    months = list(range(1, 11))

    def row(i: int, name: str, amount: int, last: int) -> list:
        return [i, name, *[amount if m <= last else None for m in months]]

    y2024 = [row(i, p[0], p[4], 8 if case == "prior" and i == 1 else 10) for i, p in enumerate(PROJECTS, start=1)]
    y2025 = [row(i, p[0], p[5], 8 if case in ("stopped", "finished") and i == 1 else 10)
             for i, p in enumerate(PROJECTS, start=1) if not (case == "gone" and i == 1)]  # fmt: skip
    if case == "finished":  # T: 0 reported for September and October — 高要区 reported them
        y2025.append([5, "高要建材项目", *[0 if m >= 9 else None for m in months]])
    files = [projects]
    for year, rows in ((2024, y2024), (2025, y2025)):
        files.append(write_workbook(tmp_path / f"y{year}.xlsx", SheetSpec("Sheet1", [
            [f"肇庆市{year}年重点项目月度完成投资情况表"], UNIT_LINE,
            ["序号", "项目名称", *[f"{m}月" for m in months]], *rows,
        ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


@pytest.fixture
def stopped(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, "stopped")


@pytest.mark.parametrize("case", ["stopped", "finished", "gone", "prior"])
def test_the_key_figures(ctx: AppContext, tmp_path: Path, case: str) -> None:
    c = _load(ctx, tmp_path, case).statistics.summary(2025, 10).completed
    t = c.total
    if case == "finished":  # T's 0s are 高要区's report of September and October: nothing lacks
        assert (t.ytd, t.prior_ytd, t.yoy_pct, bool(t.gaps)) == (1_656 * WAN, 1_500 * WAN, 10.4, False)
        assert (c.by_district["高要区"].yoy_pct, bool(c.by_district["高要区"].gaps)) == (-4.0, False)
        return
    if case == "prior":  # 2024's September and October of 高要区 lacking: 1,656 / 1,380 like with like
        assert (t.ytd, t.prior_ytd, t.yoy_pct) == (1_800 * WAN, 1_380 * WAN, None)
        assert (t.gaps.this, t.gaps.prior, t.gaps.like, t.like_pct) == ((), (9, 10), (1_656 * WAN, 1_380 * WAN), 20.0)
        from zqtracker.reports.trend_chart import trend_data

        # the overview's chart hatches 2024's September and October: 90 reported by the others
        trend = trend_data(ctx.statistics, 2025, 10)
        assert [m for m in range(1, 13) if trend.hatched(m, False)] == [9, 10] and trend.last_year[8] == 90 * WAN
        return
    if case == "gone":  # every month of 2025 lacks 高要区: 1,080 against 900
        assert (t.ytd, t.prior_ytd, t.yoy_pct) == (1_080 * WAN, 1_500 * WAN, None)
        assert t.gaps.this == tuple(range(1, 11)) and t.gaps.districts == ("高要区",)
        assert (t.gaps.like, t.like_pct) == ((1_080 * WAN, 900 * WAN), 20.0)
        return
    # 1,656 against 1,500 (was +10.4%); like with like 1,656 / 1,380 = +20.0%, 高要区 named
    assert (t.ytd, t.prior_ytd, t.yoy_pct) == (1_656 * WAN, 1_500 * WAN, None)
    assert (t.gaps.this, t.gaps.prior, t.gaps.districts) == ((9, 10), (), ("高要区",))
    assert (t.gaps.like, t.like_pct) == ((1_656 * WAN, 1_380 * WAN), 20.0)
    for line in (c.by_district["高要区"], c.by_sector["新型储能"]):  # 576 against 600, 480 like with like
        assert (line.ytd, line.prior_ytd, line.yoy_pct) == (576 * WAN, 600 * WAN, None)
        assert (line.gaps.this, line.gaps.like, line.like_pct) == ((9, 10), (576 * WAN, 480 * WAN), 20.0)
    for line in (c.by_district["端州区"], c.by_sector["电子信息"]):  # 480 against 400, nothing lacking
        assert (line.ytd, line.prior_ytd, line.yoy_pct, bool(line.gaps)) == (480 * WAN, 400 * WAN, 20.0, False)


def test_the_period_month_bounds_the_months_lacking(stopped: AppContext) -> None:
    sep = stopped.statistics.summary(2025, 9).completed.total  # 1,548 against 1,350; 1,290 like with like
    assert (sep.ytd, sep.prior_ytd, sep.gaps.this, sep.gaps.like) == (
        1_548 * WAN,
        1_350 * WAN,
        (9,),
        (1_548 * WAN, 1_290 * WAN),
    )
    assert sep.like_pct == 20.0
    aug = stopped.statistics.summary(2025, 8).completed.total  # 1,440 against 1,200: nothing lacking
    assert (aug.ytd, aug.prior_ytd, aug.yoy_pct, bool(aug.gaps)) == (1_440 * WAN, 1_200 * WAN, 20.0, False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_text_and_json(stopped: AppContext, capsys, lang: str) -> None:
    assert main(["--db", stopped.database.url, "--lang", lang, "summary", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    if lang == "zh":
        assert "2025年1–10月累计完成投资：1,656万元（上年同期 1,500万元，同比 —）" in out
        assert (
            "9月、10月未报（高要区）。同比按同口径计算为+20.0%：未报月份两年均不计（1,656万元，上年同期1,380万元）。"
            in out
        )
        assert "+10.4%" not in out
    else:
        assert "September, October not reported (高要区). Year on year like with like +20.0%" in out
    assert main(["--db", stopped.database.url, "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["through_month"], data["ytd_yuan"], data["prior_ytd_yuan"], data["yoy_pct"]) == (
        10, 1_656 * WAN, 1_500 * WAN, None)  # fmt: skip
    assert data["unreported_months"] == {"2025": [9, 10], "2024": []}
    assert (data["like_for_like_prior_ytd_yuan"], data["like_for_like_yoy_pct"]) == (1_380 * WAN, 20.0)
    assert data["by_district"]["高要区"]["like_for_like_prior_ytd_yuan"] == 480 * WAN
    assert data["by_district"]["端州区"] == {"ytd_yuan": 480 * WAN, "prior_ytd_yuan": 400 * WAN, "yoy_pct": 20.0}
    # --through 9: September alone lacks
    assert main(["--db", stopped.database.url, "summary", "--through", "9", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert data["unreported_months"] == {"2025": [9], "2024": []} and data["like_for_like_yoy_pct"] == 20.0


def test_month_figures_and_charts(stopped: AppContext) -> None:
    mf = stopped.statistics.months(2025, 10)
    assert mf.this.incomplete(9) and mf.this.named(10) == ("高要区",) and not mf.this.lacks(8)
    sep = mf.monthly[8]  # 108 against 2024's September without 高要区: 90 → +20.0% (was −28.0%)
    assert (sep.current, sep.prior, sep.yoy_pct) == (108 * WAN, 90 * WAN, 20.0)
    oct_ = mf.ytd[9]  # the tile's like with like
    assert (oct_.current, oct_.prior, oct_.key, oct_.yoy_pct) == (
        1_656 * WAN,
        1_380 * WAN,
        (1_656 * WAN, 1_500 * WAN),
        20.0,
    )
    f = DashboardService(stopped.statistics).load(2025, 10, count_stale_projects=False)
    monthly = chart_data(f, "monthly", unit=Unit.WAN, lang="zh")
    assert isinstance(monthly, TimeChart)
    current = next(s for s in monthly.series if s.key == "current")
    assert current.values[8:10] == (108 * WAN, 108 * WAN) and current.hollow[7:10] == (False, True, True)
    assert "9月未报（高要区）" in (monthly.tooltips[8] or "") and "斜线柱" in monthly.footnote
    districts = chart_data(f, "districts", unit=Unit.WAN, lang="zh")
    assert isinstance(districts, BarsChart)
    rows = {r.key: (r.left, r.right, r.like) for r in districts.rows}
    assert rows["高要区"] == (576 * WAN, 20.0, True) and rows["端州区"] == (480 * WAN, 20.0, False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_tiles(qtbot, stopped: AppContext, lang: str) -> None:
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
    try:
        widget = DashboardWidget(stopped, DataEvents(), private_settings())
        qtbot.addWidget(widget)
        widget.resize(1366, 705)
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.show()
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.set_period(2025, 10)
        ytd, yoy = widget.tiles["ytd"], widget.tiles["yoy"]
        assert ytd.detail.text() == (
            "9月、10月未报（高要区）" if lang == "zh" else "September, October not reported (高要区)"
        )
        assert yoy.value.text() == "—"
        assert yoy.detail.text() == ("同口径+20.0%" if lang == "zh" else "+20.0% like with like")
    finally:
        QApplication.instance().removeTranslator(translator)


def test_the_export(stopped: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    ExportService(stopped.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    rows = [[c.value for c in row] for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()]
    # the monthly table's September: 108 against 150, growth 108 / 90 = +20.0%, the note naming 高要区
    sep = next(r for r in rows if r and r[0] == "9月" and r[2] == 150)
    assert sep[1] == 108 and sep[3] == pytest.approx(0.2) and "9月未报（高要区）" in sep[4]
    august = next(r for r in rows if r and r[0] == "8月" and r[2] == 150)
    assert august[1] == 180 and august[3] == pytest.approx(0.2) and august[4] is None
    # by district: 高要区 576 against 600, +20.0% like with like (480), noted
    row = next(r for r in rows if "高要区" in r and 576 in r)
    at = row.index(576)
    assert row[at + 1] == 600 and row[at + 2] == pytest.approx(0.2) and "480万元" in row[at + 4]
    totals = [r for r in rows if "合计" in r and 1_656 in r]  # never +10.4%
    assert totals and all(r[r.index(1_656) + 2] == pytest.approx(0.2) for r in totals)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_pdf_and_its_trend_chart(qapp, stopped: AppContext, tmp_path: Path, lang: str) -> None:
    from zqtracker.reports.trend_chart import trend_data

    trend = trend_data(stopped.statistics, 2025, 10)
    # September and October: 108 reported by the others, hatched; August and last year's months are not
    assert [m for m in range(1, 11) if trend.hatched(m, True)] == [9, 10]
    assert not any(trend.hatched(m, False) for m in range(1, 13))
    assert trend.this_lacking == ((9, ("高要区",)), (10, ("高要区",)))
    pdf = tmp_path / "overview.pdf"
    assert main(["--db", stopped.database.url, "report", "--lang", lang, "--unit", "wan", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    if lang == "zh":
        assert "9月、10月未报（高要区）" in text and "同口径+20.0%" in text and "+10.4%" not in text
        assert "有区域未报当月" in text and "斜线柱" in text and "2025年：9月、10月未报（高要区）" in text
    else:
        assert "September, October not reported (高要区)" in text and "+20.0% like with like" in text
        assert (
            "A district did not report the month" in text and "2025: September, October not reported (高要区)" in text
        )
    OUT.mkdir(parents=True, exist_ok=True)
    engine = stopped.database.url.split(":")[0].split("+")[0]
    stem = str(OUT / f"overview-{lang}-{engine}")
    Path(f"{stem}.pdf").write_bytes(pdf.read_bytes())
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(pdf), stem], check=True)
