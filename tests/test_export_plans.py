"""The export writes a project's annual plans (年度计划投资, the base of % of plan): one money column per
year some exported project has a plan for, right after planned investment, exact like the other money
cells — and the import reads them back (U5: an export re-imported into a fresh database lost them all,
and leadership's workbook had no plan column). Both languages, both units, both engines.

The demo database plans 380 projects for 2023. On top of it a district's list (万元, real .xlsx) adds:
  PL-01  2022年 1,234.5678 → 12,345,678 yuan;  2024年 0.0001 → 1 yuan
  PL-02  2022年 (blank);                       2024年 12,345.6789 → 123,456,789 yuan (a plan over ten times
         the planned investment is asked: io/plan_outliers.py)
so the export has three plan columns, 2022, 2023 and 2024, in that order.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_files import SheetSpec, write_workbook
from sqlalchemy import text

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.io.columns import sheet_name
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def plans_of(ctx: AppContext) -> dict[tuple, int]:
    """Every stored plan, keyed by its project's code and name (ids differ between databases)."""
    sql = "SELECT p.code, p.name, a.year, a.amount FROM annual_plans a JOIN projects p ON p.id = a.project_id"
    with ctx.database.engine.connect() as conn:
        return {(code, name, year): amount for code, name, year, amount in conn.execute(text(sql))}


def headers(path: Path, lang: str) -> list[str]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet_name("projects", lang)]
    return [c.value for c in next(ws.iter_rows(max_row=1))]


def add_district_plans(ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "district.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], ["单位：万元"],
        ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资", "2022年计划投资", "2024年计划投资"],
        ["PL-01", "计划测试甲项目", "新型储能", "高要区", "在建", 5000, 1234.5678, 0.0001],
        ["PL-02", "计划测试乙项目", "新型储能", "鼎湖区", "在建", 8000, None, 12345.6789],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "d.json")).import_file(path, ImportOptions())
    assert result.ok and result.added == 2, [p.reason() for p in result.problems[:5]]


@pytest.mark.parametrize(
    ("lang", "unit"), [("zh", Unit.WAN), ("en", Unit.YI), ("en", Unit.WAN), ("zh", Unit.YI)]
)  # fmt: skip
def test_annual_plans_export_and_import_back_exactly(
    demo_ctx: AppContext, ctx: AppContext, tmp_path: Path, lang: str, unit: Unit
) -> None:
    add_district_plans(demo_ctx, tmp_path)
    want = plans_of(demo_ctx)
    assert len(want) == 380 + 3
    assert want[("PL-01", "计划测试甲项目", 2022)] == 12_345_678 and want[("PL-01", "计划测试甲项目", 2024)] == 1
    assert want[("PL-02", "计划测试乙项目", 2024)] == 123_456_789
    path = tmp_path / f"export-{lang}.xlsx"
    result = ExportService(demo_ctx.database).export(path, ExportOptions(lang=lang, unit=unit))
    shown = headers(path, lang)
    at = shown.index({"zh": "计划总投资", "en": "Planned investment"}[lang] + _unit(lang, unit))
    plan_headers = {
        "zh": [f"{y}年度计划投资{_unit(lang, unit)}" for y in (2022, 2023, 2024)],
        "en": [f"Annual plan {y}{_unit(lang, unit)}" for y in (2022, 2023, 2024)],
    }[lang]
    assert shown[at + 1 : at + 4] == plan_headers  # right after planned investment, years in order
    assert result.columns[at + 1 : at + 4] == ("annual_plan_2022", "annual_plan_2023", "annual_plan_2024")

    # into a fresh database: every plan back to the yuan
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    back = service.import_file(path, ImportOptions())
    assert back.ok and back.added == 570, [p.reason() for p in back.problems[:5]]
    assert not [n for n in back.notes if n.code != "note_sheet_skipped"]  # no plan column left unread
    assert plans_of(ctx) == want
    again = service.import_file(path, ImportOptions())  # and once more: nothing changes
    assert (again.added, again.updated, again.unchanged, again.plans) == (0, 0, 570, 0)
    assert plans_of(ctx) == want
    # into the database it came from: nothing changes either
    home = ImportService(demo_ctx.database, MappingStore(tmp_path / "h.json")).import_file(path, ImportOptions())
    assert (home.added, home.updated, home.unchanged, home.plans) == (0, 0, 570, 0)
    assert plans_of(demo_ctx) == want


def _unit(lang: str, unit: Unit) -> str:
    return {("zh", Unit.WAN): "（万元）", ("zh", Unit.YI): "（亿元）", ("en", Unit.WAN): " (¥ mn)",
            ("en", Unit.YI): " (¥ bn)"}[(lang, unit)]  # fmt: skip


def test_plan_columns_only_for_plans_exported(demo_ctx: AppContext, tmp_path: Path) -> None:
    """Like the figure columns: a year's column only when some exported project has a plan for it;
    none when planned investment itself is not exported (a table's visible columns)."""
    add_district_plans(demo_ctx, tmp_path)
    path = tmp_path / "gaoyao.xlsx"
    # 高要区: PL-01's 2022 and 2024 plans and the demo's 2023 ones; PL-02 (鼎湖区) is filtered out
    only = ProjectFilter(districts=frozenset({"高要区"}))
    result = ExportService(demo_ctx.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN, filter=only))
    assert [c for c in result.columns if c.startswith("annual_plan")] == [
        "annual_plan_2022", "annual_plan_2023", "annual_plan_2024"
    ]  # fmt: skip
    dinghu = ProjectFilter(districts=frozenset({"鼎湖区"}), search="计划测试")  # PL-02 alone: 2024 only
    result = ExportService(demo_ctx.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN, filter=dinghu))
    assert result.projects == 1 and [c for c in result.columns if c.startswith("annual_plan")] == ["annual_plan_2024"]
    assert headers(path, "zh")[result.columns.index("annual_plan_2024")] == "2024年度计划投资（万元）"
    visible = ExportOptions(columns=["name", "status", "district"])
    result = ExportService(demo_ctx.database).export(path, visible)
    assert result.columns == ("code", "name", "status", "district")
    visible = ExportOptions(columns=["name", "status", "planned_investment"])  # a table's visible columns alone
    result = ExportService(demo_ctx.database).export(path, visible)
    assert result.columns == ("code", "name", "status", "planned_investment")


def test_an_export_without_plans_has_no_plan_column(ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [
        ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（万元）"],
        ["NP-01", "无计划项目", "新型储能", "高要区", "在建", 100],
    ]))  # fmt: skip
    assert ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions()).ok
    out = tmp_path / "out.xlsx"
    result = ExportService(ctx.database).export(out, ExportOptions(lang="zh", unit=Unit.WAN))
    assert not [c for c in result.columns if c.startswith("annual_plan")]
    assert not [h for h in headers(out, "zh") if "年度计划" in h]


def test_an_english_plan_header_names_its_year_and_two_years_are_two_plans(ctx: AppContext, tmp_path: Path) -> None:
    """ "Annual plan 2025 (10k yuan)" under no title: the year stands alone in the header (no 年 beside
    it) — before, the year was not seen and each cell asked for one. And a sheet planning two years
    keeps both (before, the second year's column was left out as a duplicate of the first)."""
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [
        ["Project code", "Project name", "Sector", "District", "Status", "Planned investment (10k yuan)",
         "Annual plan 2024 (10k yuan)", "Annual plan 2025 (10k yuan)"],
        ["EN-01", "Plan test A", "新型储能", "高要区", "在建", 900, 300, 450.5],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert result.ok and result.added == 1, [p.reason() for p in result.problems[:5]]
    # 300 万元 = 3,000,000 yuan; 450.5 万元 = 4,505,000 yuan
    assert plans_of(ctx) == {("EN-01", "Plan test A", 2024): 3_000_000, ("EN-01", "Plan test A", 2025): 4_505_000}
    zh = write_workbook(tmp_path / "zh.xlsx", SheetSpec("Sheet1", [
        ["2025年重点项目清单"], ["单位：万元"],
        ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资", "2024年计划投资", "2025年计划投资"],
        ["ZH-01", "计划测试丙项目", "新型储能", "高要区", "在建", 900, 200, 350],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "z.json")).import_file(zh, ImportOptions())
    assert result.ok and result.added == 1, [p.reason() for p in result.problems[:5]]
    got = {k: v for k, v in plans_of(ctx).items() if k[0] == "ZH-01"}
    assert got == {("ZH-01", "计划测试丙项目", 2024): 2_000_000, ("ZH-01", "计划测试丙项目", 2025): 3_500_000}
