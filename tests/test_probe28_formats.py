"""Two differences between formats of one sheet (probe28a), each now read alike.

c24: a 投产时间 cell holding 2026-06-30 formatted yyyy年m月 shows 2026年6月. The .xlsx and .xls were stored
as June 2026 at month precision; the same sheet saved as .ods by LibreOffice was stored as 2026-06-30 at day
precision, exit 0 — and re-importing the .ods over the .xlsx changed two dates. The .ods reader now reads
the cell's data style (io/ods_styles.py). c17b: month headers that are dates formatted mmm-yy show
"Jan-25" … "Apr-25"; saved as CSV they were "not a known column" and no figure was stored, exit 0. They are
now the months they show (io/month_names.py). Real files (openpyxl, LibreOffice, odfpy, CSV text), imported
through the service, both engines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hidden_files import converted, has_soffice
from import_files import SheetSpec, write_workbook
from odf.number import DateStyle, Month, Text, Year
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

NAMES = ["怀集日期A项目", "怀集日期B项目"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def production(ctx: AppContext) -> dict[str, tuple[date | None, str | None, date | None, str | None]]:
    return {
        p.name: (p.construction_start_on, p.construction_start_on_precision, p.production_on, p.production_on_precision)
        for p in ctx.projects.all_projects()
    }


def c24(tmp_path: Path) -> Path:
    """投产时间 real dates formatted yyyy年m月 (shows 2026年6月, 2025年1月); 开工时间 shown as full days."""
    rows = [["怀集县2025年重点项目表"], ["单位：万元"],
            ["序号", "项目名称", "所在区域", "计划总投资", "开工时间", "投产时间", "项目状态"],
            [1, NAMES[0], "怀集县", 5000, date(2024, 3, 15), date(2026, 6, 30), "在建"],
            [2, NAMES[1], "怀集县", 6000, date(2023, 11, 2), date(2025, 1, 1), "投产"]]  # fmt: skip
    formats = {"F4": 'yyyy"年"m"月"', "F5": 'yyyy"年"m"月"', "E4": "yyyy/m/d", "E5": "yyyy/m/d"}
    return write_workbook(tmp_path / "c24.xlsx", SheetSpec("Sheet", rows, formats=formats))


# What the .xlsx gives: 2026-06-30 shown 2026年6月 is June 2026 (its first day, month precision); 2025-01-01
# shown 2025年1月 is January 2025; the 开工时间 cells show their days.
C24_STORED = {
    NAMES[0]: (date(2024, 3, 15), "day", date(2026, 6, 1), "month"),
    NAMES[1]: (date(2023, 11, 2), "day", date(2025, 1, 1), "month"),
}


# how each format's reader gives the date: the engine plays no part (the other tests here store on both)
@pytest.mark.engine("sqlite")
@pytest.mark.parametrize("kind", ["xlsx", "ods", "xls"])
def test_a_date_shown_as_a_year_and_month_is_that_month_in_every_format(
    service: ImportService, ctx: AppContext, tmp_path: Path, kind: str
) -> None:
    src = c24(tmp_path)
    if kind != "xlsx" and not has_soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    path = src if kind == "xlsx" else converted(src, kind, tmp_path / "out")
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert production(ctx) == C24_STORED


def test_the_ods_over_the_xlsx_changes_nothing(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The probe's re-import: the .ods over the .xlsx import reported 2 updates (2026-06 → 2026-06-30)."""
    if not has_soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    src = c24(tmp_path)
    assert service.import_file(src, ImportOptions()).ok
    result = service.import_file(converted(src, "ods", tmp_path / "out"), ImportOptions())
    assert result.ok and result.updated == 0 and result.unchanged == 2, result
    assert production(ctx) == C24_STORED


def test_an_ods_column_formatted_as_year_and_month(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A column whose default cell style shows 2026年6月 (the cells carry no style of their own; odfpy
    writes the data style among the automatic styles of content.xml): the dates are of their months."""
    doc = OpenDocumentSpreadsheet()
    shown = DateStyle(name="N1")
    for part in (Year(style="long"), Text(text="年"), Month(), Text(text="月")):
        shown.addElement(part)
    doc.automaticstyles.addElement(shown)
    doc.automaticstyles.addElement(Style(name="ym", family="table-cell", datastylename="N1"))
    table = Table(name="Sheet")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    table.addElement(TableColumn(defaultcellstylename="ym"))

    def row(*cells: object) -> TableRow:
        r = TableRow()
        for v in cells:
            if isinstance(v, date):
                c = TableCell(valuetype="date", datevalue=v.isoformat())
            else:
                c = TableCell(valuetype="string")
                c.addElement(P(text=str(v)))
            r.addElement(c)
        return r

    table.addElement(row("项目名称", "所在区域", "投产时间"))
    table.addElement(row(NAMES[0], "怀集县", date(2026, 6, 30)))
    table.addElement(row(NAMES[1], "怀集县", date(2025, 1, 1)))
    doc.spreadsheet.addElement(table)
    path = tmp_path / "col.ods"
    doc.save(str(path))
    assert service.import_file(path, ImportOptions()).ok
    got = {p.name: (p.production_on, p.production_on_precision) for p in ctx.projects.all_projects()}
    assert got == {NAMES[0]: (date(2026, 6, 1), "month"), NAMES[1]: (date(2025, 1, 1), "month")}


# -- c17b: month headers as an mmm-yy date shows them, in a CSV ------------------------------------------------
WIDE = ["高要家电项目", "高要纸业项目"]


def records(ctx: AppContext, name: str) -> list[tuple[int, int, int]]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return sorted((r.year, r.month, r.amount) for r in ctx.projects.investment(pid))


@pytest.mark.parametrize(
    "heads",
    [
        ["Jan-25", "Feb-25", "Mar-25", "Apr-25"],  # Excel's mmm-yy, what the probe's CSV held
        ["Jan 25", "Feb 25", "Mar 25", "Apr 25"],
        ["Jan-2025", "Feb-2025", "Mar-2025", "Apr-2025"],
        ["2025-Jan", "2025-Feb", "2025-Mar", "2025-Apr"],
    ],
)
def test_csv_month_headers_shown_as_mmm_yy(
    service: ImportService, ctx: AppContext, tmp_path: Path, heads: list[str]
) -> None:
    projects = write_workbook(
        tmp_path / "list.xlsx",
        SheetSpec(
            "Sheet1",
            [["项目名称", "所在区域", "计划总投资（万元）"], [WIDE[0], "高要区", 5000], [WIDE[1], "高要区", 800]],
        ),
    )
    assert service.import_file(projects, ImportOptions()).ok
    path = tmp_path / "c17b.csv"
    path.write_text(
        "高要区2025年重点项目月度完成投资,,,,,\n单位：万元,,,,,\n"
        f"项目名称,所在区域,{','.join(heads)}\n"
        "高要家电项目,高要区,100,200,300,400\n高要纸业项目,高要区,11,22,33.3,44\n",
        encoding="utf-8",
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.investment_records == 8, [n.message("en") for n in result.notes]
    assert not [n for n in result.notes if "not a known column" in n.message("en")]
    # 100 万元 = 1,000,000 yuan; 33.3 万元 = 333,000 yuan
    assert records(ctx, WIDE[0]) == [(2025, 1, 1_000_000), (2025, 2, 2_000_000), (2025, 3, 3_000_000),
                                     (2025, 4, 4_000_000)]  # fmt: skip
    assert records(ctx, WIDE[1]) == [(2025, 1, 110_000), (2025, 2, 220_000), (2025, 3, 333_000), (2025, 4, 440_000)]


def test_a_day_before_a_month_name_is_no_year() -> None:
    """ "25-Jan" is Excel's d-mmm (the 25th of January), and "March 25" a day too: neither names a month's
    column; "Dec-99" is December 1999, as %y reads it."""
    from zqtracker.io.values import month_header

    assert month_header("25-Jan", 2025) is None and month_header("March 25", 2025) is None
    assert month_header("Jan-25", None) == (2025, 1) and month_header("Sept 25", None) == (2025, 9)
    assert month_header("Dec-99", None) == (1999, 12) and month_header("Jun-69", None) == (2069, 6)
