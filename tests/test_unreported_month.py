"""A month nothing is recorded of while later months are (a district's March report never imported):
the charts, the tooltip and the export's monthly table showed 0 for it and −100% growth, as if nothing
had been invested. Now the month has no bar and no growth, and it says why. Real .xlsx files written
by openpyxl, imported through the service, both engines.

Figures (万元): 2024, months 1–6: A 10, B 5 (15 a month). 2025: January, February, April and May: A 12,
B 6 (18 a month); March not recorded. April against April: 18 / 15 = +20.0%; March: no growth (was
0 against 15: −100%). January–May: 72 against 75 (the key figures' sums); growth like with like (fix27g,
the key figures' rule, stats/gaps.py): March left out of both years, 72 against 60: +20.0% (was −4.0%).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.charts.series import chart_data
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]


@pytest.fixture
def data(ctx: AppContext, tmp_path: Path) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 1000, "在建"],
        [2, "端州电子项目", "肇庆乙电子有限公司", "电子信息", "端州区", 200, "在建"],
    ]))  # fmt: skip
    y2024 = write_workbook(tmp_path / "y2024.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2024年1-6月重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 7)]],
        [1, "高要储能项目", *[10] * 6], [2, "端州电子项目", *[5] * 6],
    ]))  # fmt: skip
    y2025 = write_workbook(tmp_path / "y2025.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", "1月", "2月", "4月", "5月"],
        [1, "高要储能项目", 12, 12, 12, 12], [2, "端州电子项目", 6, 6, 6, 6],
    ]))  # fmt: skip
    for path in (projects, y2024, y2025):
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


def test_a_month_not_recorded_has_no_bar_and_no_growth(data: AppContext) -> None:
    months = data.statistics.months(2025, 5)
    assert [months.this.bar(m) for m in range(1, 6)] == [18 * WAN, 18 * WAN, None, 18 * WAN, 18 * WAN]
    assert months.this.unreported(3) and not months.this.unreported(4) and not months.this.unreported(6)
    assert months.prior.bar(3) == 15 * WAN and not months.prior.unreported(3)
    assert months.ytd[4].key == (72 * WAN, 75 * WAN)  # the key figures: as before
    assert (months.ytd[4].current, months.ytd[4].prior, months.ytd[4].yoy_pct) == (72 * WAN, 60 * WAN, 20.0)
    figures = DashboardService(data.statistics).load(2025, 5, count_stale_projects=False)
    yoy = chart_data(figures, "yoy", unit=Unit.WAN, lang="en")
    monthly = next(s for s in yoy.series if s.key == "monthly_yoy").values  # type: ignore[union-attr]
    assert monthly[:5] == (20.0, 20.0, None, 20.0, 20.0)  # March was −100.0
    assert "Nothing recorded for this month" in (yoy.tooltips[2] or "")
    # the years to date from March on lack March: drawn hollow, their tooltips say so
    ytd = next(s for s in yoy.series if s.key == "ytd_yoy")
    assert ytd.hollow[:5] == (False, False, True, True, True)  # type: ignore[union-attr]
    # the growth once, on its line; the sums like with like (72 against 60) and the month named once, under them
    assert "Year to date on same period: +20.0% like with like" in (yoy.tooltips[4] or "")
    assert (yoy.tooltips[4] or "").endswith("¥0.72 mn against ¥0.60 mn.\nMarch not reported.")
    bars = chart_data(figures, "monthly", unit=Unit.WAN, lang="zh")
    current = next(s for s in bars.series if s.key == "current").values  # type: ignore[union-attr]
    assert current[:5] == (18 * WAN, 18 * WAN, None, 18 * WAN, 18 * WAN)
    assert "本月无记录" in (bars.tooltips[2] or "")


def test_the_export_leaves_the_month_blank_and_says_why(data: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    ExportService(data.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    book = openpyxl.load_workbook(path)
    rows = [[c.value for c in row] for ws in book.worksheets for row in ws.iter_rows()]
    march = [r for r in rows if r and r[0] == "3月" and any(isinstance(v, str) and "本月无记录" in v for v in r)]
    assert len(march) == 1 and march[0][1] is None and march[0][3] is None  # no 0, no −100%
    april = next(r for r in rows if r and r[0] == "4月" and r[2] == 15)
    assert april[1] == 18
