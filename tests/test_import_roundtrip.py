"""Workbooks the export (issue 5) writes import back unchanged, in both languages and units; its
summary and help sheets are never read as data; the import template, filled in, imports."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.domain.money import Unit
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def snapshot(ctx: AppContext) -> tuple[dict, dict, dict]:
    chains = {s.name: s.parent for s in ctx.references.sectors()}
    projects = {p.code: tuple(getattr(p, f) for f in PROJECT_FIELDS) for p in ctx.projects.all_projects()}
    records = {
        p.code: sorted((r.year, r.month, r.amount) for r in ctx.projects.investment(p.id))
        for p in ctx.projects.all_projects()
    }
    return projects, records, chains


@pytest.mark.parametrize(("lang", "unit"), [("zh", Unit.YI), ("en", Unit.WAN)])
def test_an_export_imports_back_unchanged(
    demo_ctx: AppContext, ctx: AppContext, tmp_path: Path, lang: str, unit: Unit
) -> None:
    path = tmp_path / f"export-{lang}.xlsx"
    ExportService(demo_ctx.database).export(path, ExportOptions(lang=lang, unit=unit))
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems[:5]]
    assert result.added == 568 and result.investment_records > 4000
    skipped = [n.params["sheet"] for n in result.notes if n.code == "note_sheet_skipped"]
    assert len(skipped) == 5  # overview, three summaries, the chart sheet: views, never data
    want_projects, want_records, want_chains = snapshot(demo_ctx)
    got_projects, got_records, got_chains = snapshot(ctx)
    assert got_projects == want_projects
    assert got_records == want_records
    assert got_chains == want_chains  # the two-level sector list is rebuilt from the 产业链 column
    again = service.import_file(path, ImportOptions())
    assert (again.added, again.updated, again.unchanged, again.investment_records) == (0, 0, 568, 0)


def test_the_import_template_filled_in_imports(ctx: AppContext, tmp_path: Path) -> None:
    path = ExportService(ctx.database).save_template(tmp_path / "模板.xlsx", lang="zh", unit=Unit.WAN)
    wb = openpyxl.load_workbook(path)
    ws = wb[next(n for n in wb.sheetnames if n in ("项目清单", "Projects"))]
    headers = [c.value for c in ws[1]]
    header_row = 1
    if "项目名称" not in headers:  # a title row above the header
        header_row = next(r for r in range(1, 6) if "项目名称" in [c.value for c in ws[r]])
        headers = [c.value for c in ws[header_row]]
    values = {"项目编号": "T-001", "项目名称": "模板测试项目", "所属行业": "新型储能", "所在区域": "肇庆新区",
              "项目状态": "在建", "计划总投资（万元）": 12345.67}  # fmt: skip
    for col, head in enumerate(headers, start=1):
        if head in values:
            ws.cell(row=header_row + 1, column=col, value=values[head])
    wb.save(path)
    result = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert result.ok and result.added == 1, [p.reason() for p in result.problems]
    (project,) = ctx.projects.all_projects()
    assert (project.code, project.planned_investment, project.status.value) == (
        "T-001",
        123_456_700,
        "under_construction",
    )
