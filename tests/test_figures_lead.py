"""Tests the figures side handed to the import side (io/dates.py and the analysis), passing since
it landed.

- A date-formatted number typed as 2023.10 in a date or month column (what a spreadsheet program
  stores for "2023.10" in a date-formatted cell: the number 2023.1, shown as 1905-07-15) must be
  read as the year.month it was typed as — or refused when ambiguous like 2023.1 — never as 1905.
- Dates exported at month, quarter or year precision ("2023-10", "2025-Q2", "2020") import back at
  that precision (domain/fuzzy_dates.parse_iso reads exactly these forms).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.domain.models import Project
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

LEAD = "import side (branch import): io/values.py and the import analysis"


def _service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def test_a_date_formatted_number_is_never_a_1905_date(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "typed.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "所属行业", "所在区域", "计划总投资（万元）", "签约时间", "开工时间"])
    ws.append(["甲项目", "新型储能", "高要区", 100, 2023.11, 2023.1])  # typed 2023.11 and 2023.10 (or .1?)
    for ref in ("E2", "F2"):
        ws[ref].number_format = "yyyy-mm-dd"  # the template's old date format: shows 1905-07-…
    wb.save(path)
    result = _service(ctx, tmp_path).import_file(path, ImportOptions(), dry_run=True)
    problems = {p.column: p for p in result.problems}
    assert "E" not in problems  # 2023.11 can only be November 2023
    assert "F" in problems and "2023.1" in problems["F"].as_json("en")["value"]  # January or October?
    result = _service(ctx, tmp_path).import_file(path, ImportOptions(column_map={"F": None}))  # F left out
    (p,) = ctx.projects.all_projects()
    assert p.signed_on == date(2023, 11, 1) and p.signed_on_precision is DatePrecision.MONTH


def test_the_old_template_filled_in_calc_gives_no_1905_date(ctx: AppContext, tmp_path: Path) -> None:
    """tests/data/figures_calc/template-old-filled.xlsx: the template as it was (date-formatted columns)
    with "2023.10" typed in Calc into 签约时间 and 月份 — stored by Calc as the number 2023.1."""
    from figures_calc import FOLDER

    result = _service(ctx, tmp_path).import_file(FOLDER / "template-old-filled.xlsx", ImportOptions(skip_invalid=True))
    dates = [p.signed_on for p in ctx.projects.all_projects()]
    months = [(r.year, r.month) for p in ctx.projects.all_projects() for r in ctx.projects.investment(p.id)]
    assert all(d is None or d.year > 1905 for d in dates) and all(y > 1905 for y, _ in months)
    assert result.problems  # 2023.1: January or October? said, not guessed


def test_dates_of_month_quarter_and_year_import_back_at_their_precision(ctx: AppContext, tmp_path: Path) -> None:
    ctx.projects.create(
        Project("季度项目", "新型储能", "高要区", planned_investment=1, code="Q", signed_on=date(2025, 4, 1),
                signed_on_precision=DatePrecision.QUARTER, construction_start_on=date(2026, 1, 1),
                construction_start_on_precision=DatePrecision.YEAR, production_on=date(2027, 3, 1),
                production_on_precision=DatePrecision.MONTH)
    )  # fmt: skip
    path = tmp_path / "fuzzy.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(lang="zh", summaries=False, monthly=False))
    result = _service(ctx, tmp_path).import_file(path, ImportOptions(), dry_run=True)
    assert result.problems == [] and (result.added, result.updated, result.unchanged) == (0, 0, 1)
