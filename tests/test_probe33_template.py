"""Our own import template filled in, and our export edited, then imported (probe33b F2, F3, F4).

F2: the template's 填表说明 sheet gives its examples in 2023 (2023-10-10, 2023-09): that year was taken as the
workbook's, and every 2025 month of the 月度完成投资 sheet was refused as "a year far from the report's".
F3: an 产业链 typed beside a stored sector was dropped with no word. F4: a cleared amount or planned investment
kept the stored value and said nothing of it. Real .xlsx files: the template and the export written by our own
code, filled or edited with openpyxl, imported through the service on both engines."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from zqtracker.domain.money import Unit
from zqtracker.io.template import write_template
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
PROJECTS = [  # code, name, sector, district, planned 万元
    ("ZQ20250001", "端州宏达新材料项目", "新能源汽车", "端州区", 12000),
    ("ZQ20250002", "高要新材电池项目", "电子信息", "高要区", 25000),
]
MONTHS = [("ZQ20250001", "2025-01", 1200), ("ZQ20250001", "2025-02", 800), ("ZQ20250002", "2025-03", 500)]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _template(folder: Path, lang: str, projects: bool = True) -> Path:
    """The template (万元 in Chinese), filled by column: 项目清单 A code, B name, D sector, E district, G planned;
    月度完成投资 A code, B name, C district, D month (text, as the template asks), E amount."""
    folder.mkdir(exist_ok=True)
    path = folder / f"template_{lang}.xlsx"
    write_template(path, lang=lang, unit=Unit.WAN)
    wb = openpyxl.load_workbook(path)
    first, monthly = wb.worksheets[0], wb.worksheets[1]
    assert first.title == ("项目清单" if lang == "zh" else "Projects") and first.cell(1, 7).value.startswith(
        ("计划总投资", "Planned investment")
    )
    by_code = {p[0]: p for p in PROJECTS}
    for r, (code, name, sector, district, planned) in enumerate(PROJECTS if projects else (), start=2):
        for col, value in zip("ABDEG", (code, name, sector, district, planned), strict=True):
            first[f"{col}{r}"] = value
    for r, (code, month, amount) in enumerate(MONTHS, start=2):
        for col, value in zip("ABCDE", (code, by_code[code][1], by_code[code][3], month, amount), strict=True):
            monthly[f"{col}{r}"] = value
    wb.save(path)
    return path


def _months(ctx: AppContext) -> dict[tuple[str, str], int]:
    out = {}
    for p in ctx.projects.all_projects():
        for r in ctx.projects.investment(p.id):
            out[(p.code, f"{r.year}-{r.month:02d}")] = r.amount
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_templates_2025_months_are_imported_not_refused_by_its_2023_examples(
    service: ImportService, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """F2: refused before ("a year far from the report's … Write the year in full"), nothing written."""
    result = service.import_file(_template(tmp_path, lang), ImportOptions())
    assert result.ok and result.added == 2, [p.reason("en") for p in result.problems]
    factor = WAN if lang == "zh" else 1_000_000  # (the English template's unit is ¥ mn, as its headers say)
    assert _months(ctx) == {(c, m): a * factor for c, m, a in MONTHS}


def test_the_templates_monthly_sheet_alone_for_stored_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The repro: projects stored already, only the 月度完成投资 sheet filled."""
    first = service.import_file(_template(tmp_path / "first", "zh"), ImportOptions())
    assert first.ok
    for p in ctx.projects.all_projects():
        ctx.projects.set_investment(p.id, [(y, m, None) for y in (2025,) for m in range(1, 13)])
    result = service.import_file(_template(tmp_path, "zh", projects=False), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert _months(ctx) == {(c, m): a * WAN for c, m, a in MONTHS}


def _exported(service: ImportService, ctx: AppContext, tmp_path: Path) -> Path:
    assert service.import_file(_template(tmp_path, "zh"), ImportOptions()).ok
    path = tmp_path / "export.xlsx"  # (imported twice: the second import of the template changes nothing)
    ExportService(ctx.database).export(path, ExportOptions(lang="zh", unit=Unit.WAN, summaries=False))
    return path


def _notes(result, code: str) -> list[str]:
    return [n.message("en") for n in result.notes if n.code == code]


def test_an_industry_chain_typed_beside_a_stored_sector_is_said_not_imported(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """F3: "2 unchanged" and nothing else; the chain is the sector list's, so it is said, naming the row."""
    path = _exported(service, ctx, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["项目清单"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, 1).value == "ZQ20250001" and ws.cell(2, header.index("产业链") + 1).value is None
    ws.cell(2, header.index("产业链") + 1, "新能源")
    wb.save(path)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.unchanged == 2
    (note,) = _notes(result, "note_chain_kept")
    assert "column E “产业链”" in note and "row 2: 新能源" in note and "Sectors, districts and enterprises" in note
    assert {s.name: s.parent for s in ctx.references.sectors()}["新能源汽车"] is None  # the sector list's, kept
    assert not _notes(result, "note_blank_kept")  # the export's own blanks are stored blanks: nothing said
    again = service.import_file(_exported(service, ctx, tmp_path / "again"), ImportOptions())
    assert again.ok and not _notes(again, "note_chain_kept")


def test_a_cleared_amount_or_planned_investment_says_the_stored_value_is_kept(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """F4: 'nothing was reported' while ¥8.00 mn stays stored; a cleared 计划总投资: no word at all."""
    path = _exported(service, ctx, tmp_path)
    wb = openpyxl.load_workbook(path)
    monthly, projects = wb["月度完成投资"], wb["项目清单"]
    assert monthly.cell(3, 5).value == 800  # ZQ20250001 2025-02
    monthly.cell(3, 5).value = None
    monthly.cell(4, 5).value = "-"  # ZQ20250002 2025-03
    header = [c.value for c in projects[1]]
    planned = header.index("计划总投资（万元）") + 1
    projects.cell(3, planned).value = None  # ZQ20250002
    wb.save(path)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.unchanged == 2 and not result.written
    (months,) = _notes(result, "note_no_amount")
    assert "row(s) 3–4" in months and "is kept" in months and "detail pane" in months
    (blank,) = _notes(result, "note_blank_kept")
    assert "column H “计划总投资（万元）”: row(s) 3 are blank" in blank and "stored value is kept" in blank
    assert _months(ctx) == {(c, m): a * WAN for c, m, a in MONTHS}
    assert {p.code: p.planned_investment for p in ctx.projects.all_projects()}["ZQ20250002"] == 25000 * WAN
