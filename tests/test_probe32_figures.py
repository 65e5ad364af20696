"""probe32a F2/F3: a project dropped from its district's list, and a year reported only through October
with no year before it. Real .xlsx files imported through the service, both engines.

Figures (万元). Projects, all 在建 but E (投产): P 高要储能项目 and Q 高要建材项目 (高要区), S 四会五金项目
(四会市), E 四会完工项目 (四会市, 投产).
2025: P 240 a month January–July, then off 高要区's list; Q 100 and S 50 a month January–October; E 30
  January–June, then nothing (it went into production: nothing more to report).
2024: Q 80 and S 40 a month January–October (120 a month, 1,200); nothing of November and December.
2023: nothing at all.

F2, the 2025 progress table through October: P's 当月 "未报", its 累计 7 × 240 = 1,680 "（1–7月）" (was
"0" and a bare 1,680 under 1–10月累计); the 合计's 当月 100 + 50 = 150 and 累计 1,680 + 1,000 + 500 + 180
= 3,360, both "(不含未报)"; a note naming P's 8月、9月、10月. E ended: its 当月 stays 0, its 累计 180 bare.
Through September alike. Q's row is untouched: 100, 1,000.
F3, ``summary --year 2024``: the period is 1–10月 (through_month 10, asked_through_month 12), 1,200万元;
上年同期 "—" (JSON prior_ytd_yuan null, prior_ytd_through_month 0), never 0.00. 2025 through October keeps
its 上年同期 1,200 against 3,360, as asked.
F4, the exported 完成投资同比 sheet: 2024's November and December blank (were 0), as 2025's are.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.domain.money import Unit
from zqtracker.reports.build import build_report
from zqtracker.reports.model import Table, View
from zqtracker.reports.options import ReportOptions
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]
MONTHS = list(range(1, 11))


def _load(ctx: AppContext, tmp_path: Path) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    projects = write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 10000, "在建"],
        [2, "高要建材项目", "肇庆戊建材有限公司", "建材", "高要区", 10000, "在建"],
        [3, "四会五金项目", "肇庆丁五金有限公司", "金属制品", "四会市", 10000, "在建"],
        [4, "四会完工项目", "肇庆己制造有限公司", "金属制品", "四会市", 10000, "投产"],
    ]))  # fmt: skip

    def row(i: int, name: str, amount: int, last: int) -> list:
        return [i, name, *[amount if m <= last else None for m in MONTHS]]

    years = {
        2024: [row(1, "高要建材项目", 80, 10), row(2, "四会五金项目", 40, 10)],
        2025: [row(1, "高要储能项目", 240, 7), row(2, "高要建材项目", 100, 10), row(3, "四会五金项目", 50, 10),
               row(4, "四会完工项目", 30, 6)],
    }  # fmt: skip
    files = [projects]
    for year, rows in years.items():
        files.append(write_workbook(tmp_path / f"y{year}.xlsx", SheetSpec("Sheet1", [
            [f"肇庆市{year}年重点项目月度完成投资情况表"], UNIT_LINE,
            ["序号", "项目名称", *[f"{m}月" for m in MONTHS]], *rows,
        ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


def _table(ctx: AppContext, through: int, lang: str) -> Table:
    options = ReportOptions(view=View.MONTHLY, year=2025, through=through, lang=lang, unit=Unit.WAN, key_only=False)
    return build_report(ctx, options).tables()[0]


def _row(table: Table, name: str) -> tuple[str, ...]:
    return next(r.cells for r in table.rows if name in r.cells[1])


@pytest.mark.parametrize("through", [10, 9])
def test_a_project_off_its_districts_list_is_not_reported(ctx: AppContext, tmp_path: Path, through: int) -> None:
    table = _table(_load(ctx, tmp_path), through, "zh")
    this_month, ytd = len(table.columns) - 4, len(table.columns) - 3
    p = _row(table, "高要储能项目")
    assert (p[this_month], p[ytd]) == ("未报", "1,680（1–7月）")
    assert _row(table, "高要建材项目")[this_month : ytd + 1] == ("100", f"{100 * through:,}")
    e = _row(table, "四会完工项目")  # ended in June: nothing more to report, its 0 stands
    assert (e[this_month], e[ytd]) == ("0", "180")
    total = table.rows[0].cells
    assert total[this_month] == "150（不含未报）"
    assert total[ytd] == f"{1_680 + 150 * through + 180:,}（不含未报）"
    months = "8月、9月、10月" if through == 10 else "8月、9月"
    assert f"未报：高要储能项目（{months}）。" in table.note
    en = _row(_table(ctx, through, "en"), "高要储能项目")  # ¥ m: 1,680万 = 16.80
    assert (en[this_month], en[ytd]) == ("not reported", "16.80 (Jan–Jul)")


def test_a_closed_month_keeps_its_not_reported_after_a_late_figure(ctx: AppContext, tmp_path: Path) -> None:
    """October closed with P off the list (未报, 1–7月); a figure of P's October imported afterwards
    changes the records, not the closed month: its table still says 未报 and 1,680（1–7月）, as closed
    (the months each project last reported were looked up in the current records)."""
    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService

    _load(ctx, tmp_path)
    RoundService(ctx.database).close(Period(2025, 10))
    late = write_workbook(tmp_path / "late.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", "8月", "9月", "10月"], [1, "高要储能项目", 200, 200, 200],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json")).import_file(late, ImportOptions())
    assert result.ok and result.written, [p.reason("en") for p in result.problems]
    table = _table(ctx, 10, "zh")
    this_month, ytd = len(table.columns) - 4, len(table.columns) - 3
    assert _row(table, "高要储能项目")[this_month : ytd + 1] == ("未报", "1,680（1–7月）")
    assert "未报：高要储能项目（8月、9月、10月）。" in table.note
    open_table = _table(ctx, 9, "zh")  # September is not closed: the late figures count
    assert _row(open_table, "高要储能项目")[this_month : ytd + 1] == ("200", "2,080")


def test_a_year_reported_through_october_with_none_before_it(ctx: AppContext, tmp_path: Path, capsys) -> None:
    db = ["--db", _load(ctx, tmp_path).database.url]
    for asked in ([], ["--through", "12"]):
        assert main([*db, "summary", "--year", "2024", *asked, "--json"]) == 0
        c = json.loads(capsys.readouterr().out)["completed_investment"]
        assert (c["through_month"], c["asked_through_month"], c["ytd_yuan"]) == (10, 12, 1_200 * WAN)
        assert (c["prior_ytd_yuan"], c["prior_ytd_through_month"], c["yoy_pct"]) == (None, 0, None)
        assert c["by_district"]["四会市"]["prior_ytd_yuan"] is None
        assert main([*db, "--lang", "zh", "summary", "--year", "2024", *asked, "--unit", "wan"]) == 0
        out = capsys.readouterr().out
        assert "2024年1–10月累计完成投资：1,200万元（上年同期 —，同比 —）" in out, out
        assert "数据仅填报至2024年10月" in out
    assert main([*db, "summary", "--year", "2025", "--through", "10", "--json"]) == 0
    c = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (c["through_month"], c["ytd_yuan"], c["prior_ytd_yuan"]) == (10, 3_360 * WAN, 1_200 * WAN)
    assert "asked_through_month" not in c and "prior_ytd_through_month" not in c


def test_the_export_leaves_months_not_reported_blank(ctx: AppContext, tmp_path: Path) -> None:
    """F4: the 完成投资同比 sheet's monthly table — 2024's November and December, nothing reported, blank
    as 2025's (were 0); October 150 (P off the list: Q 100 + S 50) against 120."""
    path = tmp_path / "export.xlsx"
    ExportService(_load(ctx, tmp_path).database).export(path, ExportOptions(lang="zh", unit=Unit.WAN))
    ws = openpyxl.load_workbook(path)["完成投资同比"]
    rows = {r[0]: r[1:3] for r in ws.iter_rows(values_only=True) if r and r[0] in ("10月", "11月", "12月")}
    assert rows == {"10月": (150, 120), "11月": (None, None), "12月": (None, None)}
