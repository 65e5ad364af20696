"""probe29b: an .ods whose repeat attributes stand for a million rows was expanded by python-calamine
(o10: a project row repeated 1,048,576 times, 1.2 GB and 87 s; o12: a month-styled date × 16,384 columns
× 1,048,570 rows, 16.4 M marks and 1.4 GB) — now refused from the repeat counts before it is opened; month
headers "Dec-69", "Jan-70" were stored as 2069-12 and 1970-01 (c09) — now asked; a damaged .xls said
python-calamine's "PanicException: range start index…", a UTF-8 CSV with a UTF-16 line "not a workbook or
CSV" — now plain sentences. Real files (the .ods written as the probe's generators write them: tiny, the
repeats are attributes), imported through the service, both engines."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlwt
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.ods_package import ods_facts
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

NSS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2"'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NSS}><office:styles>'
    '<number:date-style style:name="N_YM"><number:year/><number:text>年</number:text><number:month/>'
    "<number:text>月</number:text></number:date-style>"
    '<style:style style:name="YM" style:family="table-cell" style:data-style-name="N_YM"/>'
    "</office:styles></office:document-styles>"
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
ROWS = [
    ["高要区2025年1-10月重点项目进展情况表"],
    ["单位：万元"],
    ["序号", "项目名称", "建设单位", "所属区域", "总投资"],
    [1, "高要区金利镇五金产业园", "肇庆金利五金有限公司", "高要区", 52000],
    [2, "高要区新能源电池材料项目", "广东宏远新材料有限公司", "高要区", 88000],
    [3, "高要区智能装备制造基地", "肇庆智造科技有限公司", "高要区", 36500],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def _cell(v: object) -> str:
    kind = "float" if isinstance(v, int) else "string"
    value = f' office:value="{v}"' if kind == "float" else ""
    return f'<table:table-cell office:value-type="{kind}"{value}><text:p>{v}</text:p></table:table-cell>'


def _row(values: list, extra: str = "") -> str:
    return f"<table:table-row{extra}>" + "".join(_cell(v) for v in values) + "</table:table-row>"


def ods(tmp_path: Path, rows_xml: str, name: str = "高要区.ods") -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NSS}><office:body><office:spreadsheet>'
        f'<table:table table:name="Sheet1">{rows_xml}</table:table></office:spreadsheet></office:body>'
        "</office:document-content>"
    )
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", MANIFEST)
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", STYLES)
    return path


def base(projects: int = 3) -> str:
    return "".join(_row(r) for r in ROWS[: 3 + projects])


def refusal(service: ImportService, path: Path) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    return caught.value


def test_a_project_row_repeated_a_million_times_is_refused_unopened(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """o10: the third project row repeated 1,048,576 times (rows 6 to 1,048,581): 7.3 M cells python-calamine
    expanded on opening. The repeat count refuses it first."""
    path = ods(tmp_path, base(2) + _row(ROWS[5], ' table:number-rows-repeated="1048576"'))
    assert path.stat().st_size < 2_000
    assert ods_facts(str(path), 20_000_000).refused == (
        "ods_repeated_row",
        {"sheet": "Sheet1", "row": 6, "count": 1_048_576, "last": 1_048_581, "limit": 1000},
    )
    error = refusal(service, path)
    assert error.code == "ods_repeated_row" and "repeats row 6 1,048,576 times" in error.message("en")
    assert "第 6 行重复了 1,048,576 次" in error.message("zh") and planned(ctx) == {}


def test_month_dates_repeated_over_a_whole_sheet_are_refused_unopened(service: ImportService, tmp_path: Path) -> None:
    """o12: one month-styled date × 16,384 columns in a row repeated 1,048,570 times: 16.4 M month marks were
    built (1.4 GB) before any limit applied."""
    month = (
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:style-name="YM" '
        'office:value-type="date" office:date-value="2025-06-30" table:number-columns-repeated="16384">'
        "<text:p>2025年6月</text:p></table:table-cell></table:table-row>"
    )
    assert refusal(service, ods(tmp_path, base() + month)).code == "ods_repeated_row"


def test_month_dates_past_the_marks_budget_are_refused(service: ImportService, tmp_path: Path) -> None:
    """Within the repeat limit, a month date × 1,001 columns in a row repeated 1,000 times needs 1,001,000 marks,
    over the 1,000,000 (MAX_STRUCK_CELLS) — refused, not marked in part."""
    month = (
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:style-name="YM" '
        'office:value-type="date" office:date-value="2025-06-30" table:number-columns-repeated="1001">'
        "<text:p>2025年6月</text:p></table:table-cell></table:table-row>"
    )
    error = refusal(service, ods(tmp_path, base() + month))
    assert error.code == "too_many_month_cells" and "more than 1,000,000 dates" in error.message("en")


def test_repeats_spanning_more_than_the_cell_limit_are_refused(service: ImportService, tmp_path: Path) -> None:
    """Two rows of text × 16,384 columns, each repeated 1,000 times under the 6 rows: the cells reach row 2,006,
    2,006 × 16,384 = 32,866,304 cells, over the 20,000,000 limit (o11 said only "damaged")."""
    wide = (
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="string" '
        'table:number-columns-repeated="16384"><text:p>{0}</text:p></table:table-cell></table:table-row>'
    )
    error = refusal(service, ods(tmp_path, base() + wide.format("x") + wide.format("y")))
    assert error.code == "too_many_cells" and error.problem.params["cells"] == 32_866_304
    assert "spans 32866304 cells (to row 2006, column 16384)" in error.message("en")


def test_empty_rows_repeated_to_the_sheet_end_still_import(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """What LibreOffice writes under every table: empty cells in a row repeated to row 1,048,576 — nothing
    held, nothing counted. 52000 万元 = 520,000,000 yuan."""
    empty = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    assert service.import_file(ods(tmp_path, base() + empty), ImportOptions()).ok
    assert planned(ctx) == {
        "高要区金利镇五金产业园": 520_000_000,
        "高要区新能源电池材料项目": 880_000_000,
        "高要区智能装备制造基地": 365_000_000,
    }


# -- month headers whose year is not believable ---------------------------------------------------------------


def records(ctx: AppContext, name: str) -> list[tuple[int, int, int]]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return sorted((r.year, r.month, r.amount) for r in ctx.projects.investment(pid))


def month_csv(tmp_path: Path, heads: list[str], title: str = "") -> Path:
    path = tmp_path / "months.csv"
    path.write_text(
        f"{title}\n单位：万元\n项目名称,所属区域,总投资,{','.join(heads)}\n"
        "高要区金利镇五金产业园,高要区,52000,1200,1300,1400\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("heads", "asked"),
    [
        (["Dec-69", "Jan-70", "Feb-70"], ["2069-12", "1970-01", "1970-02"]),  # c09: %y's 2069 and 1970
        (["1969年12月", "1970年1月", "1970年2月"], ["1969-12", "1970-01", "1970-02"]),  # before 2000
        (["2069年12月", "2070年1月", "2070年2月"], ["2069-12", "2070-01", "2070-02"]),  # after next year
        (["Dec-24", "Jan-25", "Feb-70"], ["1970-02"]),  # one far from the others
        (["2019年12月", "2025年1月", "2025年2月"], ["2019-12"]),  # apart from the other months' years
    ],
)
def test_a_month_header_far_from_the_report_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path, heads: list[str], asked: list[str]
) -> None:
    result = service.import_file(month_csv(tmp_path, heads), ImportOptions())
    far = [p for p in result.problems if p.problem.code == "month_year_far"]
    assert [p.problem.params["period"] for p in far] == asked and not result.written
    assert "a year far from the report's" in far[0].reason("en") and "未予保存" in far[0].reason("zh")
    assert planned(ctx) == {}


def test_month_headers_of_adjacent_years_are_stored(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Dec-24, Jan-25, Feb-25 under a 2025 title: 1200 万元 = 12,000,000 yuan for 2024-12, and so on."""
    path = month_csv(tmp_path, ["Dec-24", "Jan-25", "Feb-25"], "高要区2025年重点项目月度完成投资")
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "高要区金利镇五金产业园") == [
        (2024, 12, 12_000_000),
        (2025, 1, 13_000_000),
        (2025, 2, 14_000_000),
    ]


def test_months_years_away_from_the_titles_year_are_asked(service: ImportService, tmp_path: Path) -> None:
    """All three months in 2019 under a title of 2025: none within a year of the report's."""
    path = month_csv(tmp_path, ["2019年1月", "2019年2月", "2019年3月"], "高要区2025年重点项目月度完成投资")
    result = service.import_file(path, ImportOptions())
    assert [p.problem.code for p in result.problems] == ["month_year_far"] * 3 and not result.written


def test_xlsx_date_headers_of_1969_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Date-typed month headers (1969-12-01, 1970-01-01, formatted mmm-yy) take the same road as text."""
    heads = [date(1969, 12, 1), date(1970, 1, 1), date(1970, 2, 1)]
    path = write_workbook(
        tmp_path / "dates.xlsx",
        SheetSpec(
            "Sheet1",
            [
                ["单位：万元"],
                ["项目名称", "所属区域", "总投资", *heads],
                ["高要区金利镇五金产业园", "高要区", 52000, 1, 2, 3],
            ],
            formats={"D2": "mmm-yy", "E2": "mmm-yy", "F2": "mmm-yy"},
        ),
    )
    result = service.import_file(path, ImportOptions())
    far = [p.problem.params["period"] for p in result.problems if p.problem.code == "month_year_far"]
    assert far == ["1969-12", "1970-01", "1970-02"] and planned(ctx) == {}


def test_xlsx_date_headers_over_three_years_are_stored(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A history sheet: 2023-12, 2024-06, 2025-01 — each year next to another: all stored (1 万元 = 10,000)."""
    heads = [date(2023, 12, 1), date(2024, 6, 1), date(2025, 1, 1)]
    path = write_workbook(
        tmp_path / "dates.xlsx",
        SheetSpec(
            "Sheet1",
            [
                ["单位：万元"],
                ["项目名称", "所属区域", "总投资", *heads],
                ["高要区金利镇五金产业园", "高要区", 52000, 1, 2, 3],
            ],
            formats={"D2": "mmm-yy", "E2": "mmm-yy", "F2": "mmm-yy"},
        ),
    )
    assert service.import_file(path, ImportOptions()).ok
    assert records(ctx, "高要区金利镇五金产业园") == [(2023, 12, 10_000), (2024, 6, 20_000), (2025, 1, 30_000)]


# -- plain sentences ------------------------------------------------------------------------------------------


def test_a_boundsheet_pointing_past_the_end_says_damaged_plainly(service: ImportService, tmp_path: Path) -> None:
    """b01: the BOUNDSHEET's stream position set to 0xFFFFFFF0: python-calamine panics ("range start index
    4294967280 out of range…"); the sentence names no Python or Rust words."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate([["项目名称", "总投资"], ["鼎湖包装项目", 20000]]):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    path = tmp_path / "b01.xls"
    book.save(str(path))
    data = bytearray(path.read_bytes())
    at = data.find(b"\x85\x00\x0e\x00")  # BOUNDSHEET of "Sheet1": 14 bytes, the position first
    data[at + 4 : at + 8] = b"\xf0\xff\xff\xff"
    path.write_bytes(bytes(data))
    error = refusal(service, path)
    assert error.code == "damaged" and error.message("en") == "b01.xls is damaged and cannot be read as a workbook."


def test_a_utf8_csv_with_a_utf16_line_says_two_encodings(service: ImportService, tmp_path: Path) -> None:
    """c05: a UTF-8 CSV (with its BOM) whose last line is UTF-16: "not an Excel workbook or a CSV file" before."""
    path = tmp_path / "c05.csv"
    lines = ["项目名称,总投资\n"] + ["鼎湖包装项目,20000\n"] * 20
    path.write_bytes(b"\xef\xbb\xbf" + "".join(lines).encode() + "鼎湖五金项目,15000\n".encode("utf-16-le"))
    assert refusal(service, path).code == "text_encoding"
