"""The key figures with a month not reported (a district's March never imported): the year to date
is what was reported and says which month it lacks; its growth compares like with like (those months
left out of both years), never 9 months against 10. The summary (text and --json), the overview PDF
and the dashboard's tiles. Real .xlsx files written by openpyxl, imported through the service, both engines.

Figures (万元). Projects: P 高要储能项目 (新型储能, 高要区), Q 端州电子项目 (电子信息, 端州区).
2024, January–October: P 60, Q 40 a month (100 a month; Jan–Oct 1,000).
2025 ("city"): January, February, April–October: P 72, Q 48 (120 a month); March recorded by nobody.
  Jan–Oct 2025: 9 × 120 = 1,080 against 1,000 — was +8.0%. Like with like, 2024 without March: 900,
  1,080 / 900 = +20.0%. By district: 高要区 648 against 600 (without March 540): +20.0%; 端州区 432
  against 400 (360): +20.0%.
2025 ("district"): the same, but 端州区 reported March (Q 48): only 高要区's March is missing.
  Jan–Oct 2025: 1,080 + 48 = 1,128 against 1,000 (was +12.8%). Like with like, 2024 without 高要区's
  March (60): 940; 1,128 / 940 = +20.0%, "March not reported (高要区)". 高要区 and 新型储能 (P alone)
  648 against 600, 540 like with like: +20.0%; 端州区 and 电子信息: 480 against 400, +20.0% plainly,
  nothing lacking.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]
MONTHS_2025 = [1, 2, 4, 5, 6, 7, 8, 9, 10]


def _load(ctx: AppContext, tmp_path: Path, q_march: bool) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 10000, "在建"],
        [2, "端州电子项目", "肇庆乙电子有限公司", "电子信息", "端州区", 8000, "在建"],
    ]))  # fmt: skip
    y2024 = write_workbook(tmp_path / "y2024.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2024年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 11)]],
        [1, "高要储能项目", *[60] * 10], [2, "端州电子项目", *[40] * 10],
    ]))  # fmt: skip
    months = sorted([*MONTHS_2025, 3]) if q_march else MONTHS_2025
    y2025 = write_workbook(tmp_path / "y2025.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in months]],
        [1, "高要储能项目", *[None if m == 3 else 72 for m in months]], [2, "端州电子项目", *[48] * len(months)],
    ]))  # fmt: skip
    for path in (projects, y2024, y2025):
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


@pytest.fixture
def city(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, q_march=False)


@pytest.fixture
def district(ctx: AppContext, tmp_path: Path) -> AppContext:
    return _load(ctx, tmp_path, q_march=True)


def test_the_summary_says_the_month_and_compares_like_with_like(city: AppContext) -> None:
    c = city.statistics.summary(2025, 10).completed
    # Jan–Oct: 1,080 reported against 1,000; no plain growth (was +8.0%); like with like 1,080 / 900 = +20.0%
    assert (c.total.ytd, c.total.prior_ytd, c.total.yoy_pct) == (1_080 * WAN, 1_000 * WAN, None)
    assert c.total.gaps.this == (3,) and c.total.gaps.prior == () and c.total.gaps.districts == ()
    assert c.total.gaps.like == (1_080 * WAN, 900 * WAN) and c.total.like_pct == 20.0
    # every line lacks March: 高要区 648 / 540, 端州区 432 / 360, both +20.0%
    assert {k: (y.ytd, y.gaps.like, y.like_pct) for k, y in c.by_district.items()} == {
        "高要区": (648 * WAN, (648 * WAN, 540 * WAN), 20.0),
        "端州区": (432 * WAN, (432 * WAN, 360 * WAN), 20.0),
    }
    # through February nothing lacks: 240 against 200, +20.0% plainly
    feb = city.statistics.summary(2025, 2).completed.total
    assert (feb.ytd, feb.prior_ytd, feb.yoy_pct, bool(feb.gaps)) == (240 * WAN, 200 * WAN, 20.0, False)


def test_one_district_lacking_march_is_named_and_only_its_lines_lack_it(district: AppContext) -> None:
    c = district.statistics.summary(2025, 10).completed
    # 1,128 against 1,000 (was +12.8%); like with like 2024 without 高要区's March 60: 940, +20.0%
    assert (c.total.ytd, c.total.prior_ytd, c.total.yoy_pct) == (1_128 * WAN, 1_000 * WAN, None)
    assert c.total.gaps.districts == ("高要区",) and c.total.gaps.like == (1_128 * WAN, 940 * WAN)
    assert c.total.like_pct == 20.0
    assert c.by_district["高要区"].gaps.this == (3,) and c.by_district["高要区"].like_pct == 20.0
    assert c.by_sector["新型储能"].gaps.like == (648 * WAN, 540 * WAN)
    # Q reported March: its district and sector lack nothing, 480 against 400 = +20.0% plainly
    for y in (c.by_district["端州区"], c.by_sector["电子信息"]):
        assert (y.ytd, y.prior_ytd, y.yoy_pct, bool(y.gaps)) == (480 * WAN, 400 * WAN, 20.0, False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_text_and_json(district: AppContext, capsys, lang: str) -> None:
    assert main(["--db", district.database.url, "--lang", lang, "summary", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    if lang == "zh":
        assert "2025年1–10月累计完成投资：1,128万元（上年同期 1,000万元，同比 —）" in out
        assert "3月未报（高要区）。同比按同口径计算为+20.0%：未报月份两年均不计（1,128万元，上年同期940万元）。" in out
        assert any(
            " 高要区 " in line and "同口径+20.0%" in line and line.endswith("3月未报") for line in out.splitlines()
        )
        assert any(" 端州区 " in line and line.endswith(" +20.0%") for line in out.splitlines())
    else:
        assert "March not reported (高要区). Year on year like with like +20.0%" in out
        assert any(
            "新型储能" in line and line.endswith("+20.0% like with like  March not reported")
            for line in out.splitlines()
        )
    assert main(["--db", district.database.url, "summary", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["ytd_yuan"], data["prior_ytd_yuan"], data["yoy_pct"]) == (1_128 * WAN, 1_000 * WAN, None)
    assert data["unreported_months"] == {"2025": [3], "2024": []} and data["like_for_like_yoy_pct"] == 20.0
    assert data["like_for_like_prior_ytd_yuan"] == 940 * WAN
    assert data["by_district"]["高要区"]["unreported_months"] == {"2025": [3], "2024": []}
    assert data["by_district"]["端州区"] == {"ytd_yuan": 480 * WAN, "prior_ytd_yuan": 400 * WAN, "yoy_pct": 20.0}


def test_probe25d_w4_w5_stay_fixed(district: AppContext, capsys) -> None:
    # W4: records run through October; --through 12 is cut back to October, not Nov/Dec as 0 against 2024's
    assert main(["--db", district.database.url, "summary", "--through", "12", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["through_month"], data["asked_through_month"], data["prior_ytd_yuan"]) == (10, 12, 1_000 * WAN)
    # W5: no 2026 record: no figure and no growth, never −100%; and nothing said of 2025's months
    assert main(["--db", district.database.url, "summary", "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["yoy_pct"], data["reported"]) == (None, False) and "unreported_months" not in data
    assert main(["--db", district.database.url, "summary", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "−100" not in out and "-100" not in out and "not reported" not in out


def test_overview_pdf(qapp, district: AppContext, tmp_path: Path) -> None:
    from zqtracker.domain.money import Unit
    from zqtracker.reports.build import build_report
    from zqtracker.reports.model import Paragraph, View
    from zqtracker.reports.options import ReportOptions

    report = build_report(district, ReportOptions(view=View.OVERVIEW, lang="zh", unit=Unit.WAN, year=2025, through=10))
    figures = {f.label: f for f in report.key_figures().figures}
    ytd = figures["2025年1–10月累计完成投资"]
    assert (ytd.value, ytd.detail) == ("1,128万元", "3月未报（高要区）")
    assert (figures["同比增长"].value, figures["同比增长"].detail) == ("—", "同口径+20.0%")
    notes = " ".join(b.text for b in report.blocks if isinstance(b, Paragraph))
    assert "未报月份两年均不计（1,128万元，上年同期940万元）" in notes
    pdf = tmp_path / "overview.pdf"
    assert main(["--db", district.database.url, "report", "--lang", "zh", "--unit", "wan", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "3月未报（高要区）" in text and "同口径+20.0%" in text and "高要区3月未报" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dashboard_tiles(qtbot, district: AppContext, lang: str) -> None:
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
        widget = DashboardWidget(district, DataEvents(), private_settings())
        qtbot.addWidget(widget)
        widget.resize(1366, 705)
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.show()
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            widget.set_period(2025, 10)
        ytd, yoy = widget.tiles["ytd"], widget.tiles["yoy"]
        assert ytd.detail.text() == ("3月未报（高要区）" if lang == "zh" else "March not reported (高要区)")
        assert yoy.value.text() == "—"
        assert yoy.detail.text() == ("同口径+20.0%" if lang == "zh" else "+20.0% like with like")
        assert ("上年同期0.094亿元" if lang == "zh" else "against") in yoy.toolTip()
        out = Path("/tmp/fix27k")
        out.mkdir(parents=True, exist_ok=True)
        qtbot.wait(100)
        widget.grab().save(str(out / f"dashboard-{lang}.png"))
    finally:
        QApplication.instance().removeTranslator(translator)
