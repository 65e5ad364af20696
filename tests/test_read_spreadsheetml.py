"""Excel 2003 XML spreadsheets (SpreadsheetML) saved as .xls, as web systems' "导出Excel" write
them: read in the reading process like every other format (io/spreadsheetml.py), positions as
Excel numbers them, hidden rows, columns and sheets kept, crafted files refused in one sentence."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from test_import_service import dump

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import ExcelError, FormulaWithoutValue, read_workbook
from zqtracker.io.sniff import Limits

HEAD = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"'
    ' xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
    ' xmlns:html="http://www.w3.org/TR/REC-html40">\n'
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def xml_workbook(path: Path, *sheets: str, head: str = HEAD, encoding: str = "utf-8") -> Path:
    path.write_bytes((head + "".join(sheets) + "</Workbook>\n").encode(encoding))
    return path


def worksheet(name: str, rows: str, *, columns: str = "", options: str = "") -> str:
    return f'<Worksheet ss:Name="{name}"><Table>{columns}{rows}</Table>{options}</Worksheet>\n'


def s(text: str) -> str:
    return f'<Cell><Data ss:Type="String">{text}</Data></Cell>'


def n(value: float) -> str:
    return f'<Cell><Data ss:Type="Number">{value}</Data></Cell>'


def cell(kind: str, text: str, attrs: str = "") -> str:
    return f'<Cell{attrs}><Data ss:Type="{kind}">{text}</Data></Cell>'


RICH = (
    '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>肇庆</B>新区'
    '<Font html:Color="#FF0000">储能</Font>项目</ss:Data></Cell>'
)
OPTIONS = '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>{}</Visible></WorksheetOptions>'


def test_values_of_each_type(tmp_path: Path) -> None:
    dates = ("2024-01-15T00:00:00.000", "2024-01-15T08:30:00.000", "1899-12-31T13:30:00.000")
    cells = [s("项目"), n(12.5), *(cell("DateTime", d) for d in dates), cell("Boolean", "1"), cell("Boolean", "0")]
    cells += [cell("Error", "#N/A"), cell("Error", "#DIV/0!"), RICH, '<Cell ss:StyleID="s1"/>', s("0015")]
    rows = "<Row>" + "".join(cells) + "</Row>"
    book = read_workbook(xml_workbook(tmp_path / "t.xls", worksheet("S", rows)))
    assert book.kind == "xml2003" and book.engine == "spreadsheetml"
    (row,) = book.sheets[0].rows
    day = 738900  # date(2024, 1, 15).toordinal()
    assert row == ["项目", 12.5, (day,), (day, 8 * 3600 + 1800), "13:30:00", True, False, "#N/A", "#DIV/0!",
                   "肇庆新区储能项目", "", "0015"]  # fmt: skip
    assert type(row[7]) is ExcelError and type(row[8]) is ExcelError and type(row[1]) is float


def test_index_gaps_on_rows_and_cells_leave_empty_cells(tmp_path: Path) -> None:
    rows = (
        "<Row>" + s("a") + "</Row>"
        '<Row ss:Index="4"><Cell ss:Index="3"><Data ss:Type="String">c4</Data></Cell>' + s("d4") + "</Row>"
        "<Row>" + s("a5") + "</Row>"
    )
    sheet = read_workbook(xml_workbook(tmp_path / "g.xls", worksheet("S", rows))).sheets[0]
    assert sheet.row_offset == 0 and sheet.col_offset == 0
    # (a row of nothing comes as [], io/blank_rows.py)
    assert sheet.rows == [["a", "", "", ""], [], [], ["", "", "c4", "d4"], ["a5", "", "", ""]]


def test_merge_across_and_down_as_excel_numbers_them(tmp_path: Path) -> None:
    """A cell after a MergeAcross comes after the span; cells under a MergeDown are not skipped:
    the writer jumps past them with ss:Index, as Excel writes and expects."""
    rows = (
        '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell>' + s("D1") + "</Row>"
        '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">端州区</Data></Cell>' + s("B2") + "</Row>"
        '<Row><Cell ss:Index="2"><Data ss:Type="String">B3</Data></Cell></Row>'
        "<Row>" + s("A4") + "</Row>"
    )
    sheet = read_workbook(xml_workbook(tmp_path / "m.xls", worksheet("S", rows))).sheets[0]
    assert sheet.merged == [(0, 0, 0, 2), (1, 0, 2, 0)]
    assert sheet.rows == [["标题", "", "", "D1"], ["端州区", "B2", "", ""], ["", "B3", "", ""], ["A4", "", "", ""]]


def test_a_cell_written_under_a_merge_down_stays_where_excel_numbers_it(tmp_path: Path) -> None:
    rows = '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">端州区</Data></Cell>' + s("B1") + "</Row>"
    rows += "<Row>" + s("A2?") + s("B2") + "</Row>"
    sheet = read_workbook(xml_workbook(tmp_path / "d.xls", worksheet("S", rows))).sheets[0]
    assert sheet.merged == [(0, 0, 1, 0)] and sheet.rows[1] == ["A2?", "B2"]


def test_hidden_rows_columns_and_sheets(tmp_path: Path) -> None:
    columns = '<Column ss:Width="80"/><Column ss:Index="3" ss:Hidden="1" ss:Span="1"/><Column ss:Hidden="1"/>'
    rows = "".join("<Row>" + "".join(s(f"{r}{c}") for c in "ABCDEF") + "</Row>" for r in range(1, 4))
    rows += '<Row ss:Hidden="1" ss:Span="2"/>' + "<Row>" + s("7") + "</Row>"
    rows += '<Row ss:Index="9" ss:Hidden="1">' + s("9") + "</Row>"
    path = xml_workbook(
        tmp_path / "h.xls",
        worksheet("明细", rows, columns=columns),
        worksheet("隐藏", "<Row>" + s("x") + "</Row>", options=OPTIONS.format("SheetHidden")),
        worksheet("深藏", "<Row>" + s("y") + "</Row>", options=OPTIONS.format("SheetVeryHidden")),
    )
    book = read_workbook(path)
    sheet = book.sheets[0]
    assert sheet.hidden_cols == frozenset({2, 3, 4}) and sheet.hidden_rows.ranges == ((3, 5), (8, 8))
    assert sheet.rows[6][0] == "7" and sheet.rows[8][0] == "9" and len(sheet.rows) == 9
    assert [(s.name, s.visible) for s in book.sheets] == [("明细", True), ("隐藏", False), ("深藏", False)]


def test_a_formula_without_data_is_marked_and_one_with_data_is_its_value(tmp_path: Path) -> None:
    rows = "<Row>" + s("甲项目") + n(1) + n(2) + '<Cell ss:Formula="=RC[-2]+RC[-1]"/></Row>'
    rows += "<Row>" + s("乙项目") + n(3) + n(4) + cell("Number", "7", ' ss:Formula="=RC[-2]+RC[-1]"') + "</Row>"
    sheet = read_workbook(xml_workbook(tmp_path / "f.xls", worksheet("S", rows))).sheets[0]
    assert type(sheet.rows[0][3]) is FormulaWithoutValue and sheet.rows[0][3] == "=RC[-2]+RC[-1]"
    assert sheet.rows[1][3] == 7.0


def test_several_worksheets_and_the_sheets_selection(tmp_path: Path) -> None:
    path = xml_workbook(
        tmp_path / "w.xls",
        worksheet("说明", "<Row>" + s("填表说明") + "</Row>"),
        worksheet("项目清单", "<Row>" + s("项目名称") + "</Row><Row>" + s("甲项目") + "</Row>"),
        '<Worksheet ss:Name="空表"/>',
    )
    book = read_workbook(path)
    assert book.sheet_names == ["说明", "项目清单", "空表"]
    assert [s.rows for s in book.sheets] == [[["填表说明"]], [["项目名称"], ["甲项目"]], []]
    chosen = read_workbook(path, sheets=["项目清单"])
    assert [s.name for s in chosen.sheets] == ["项目清单"] and chosen.sheets[0].rows[1] == ["甲项目"]
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(path, sheets=["没有这个表"])
    assert caught.value.code == "sheet_missing"


def test_a_1904_workbook_says_so(tmp_path: Path) -> None:
    options = '<ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel"><Date1904/></ExcelWorkbook>'
    book = read_workbook(xml_workbook(tmp_path / "1904.xls", options, worksheet("S", "<Row>" + n(1) + "</Row>")))
    assert book.date1904 and book.sheets[0].rows == [[1.0]]
    assert not read_workbook(xml_workbook(tmp_path / "1900.xls", worksheet("S", "<Row>" + n(1) + "</Row>"))).date1904


def test_attributes_without_the_ss_prefix(tmp_path: Path) -> None:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
    body = '<Worksheet Name="清单"><Table><Row Index="2"><Cell Index="2" MergeAcross="1"><Data Type="Number">5</Data>'
    body += '</Cell><Cell><Data Type="String">x</Data></Cell></Row></Table></Worksheet>'
    sheet = read_workbook(xml_workbook(tmp_path / "u.xls", body, head=head)).sheets[0]
    assert sheet.name == "清单" and sheet.merged == [(1, 1, 1, 2)]
    assert sheet.rows == [[], ["", 5.0, "", "x"]]


def test_a_huge_index_is_refused_cheaply_and_the_other_sheets_are_read(tmp_path: Path) -> None:
    huge = '<Row ss:Index="1000000"><Cell ss:Index="16000"><Data ss:Type="Number">1</Data></Cell></Row>'
    path = xml_workbook(tmp_path / "far.xls", worksheet("远", huge), worksheet("近", "<Row>" + s("ok") + "</Row>"))
    started = time.monotonic()
    book = read_workbook(path)
    assert time.monotonic() - started < 20
    far, near = book.sheets
    assert far.error is not None and far.error.code == "too_many_cells" and far.rows == []
    assert (far.error.problem.params["rows"], far.error.problem.params["cols"]) == (1_000_000, 16_000)
    assert near.name == "近" and near.rows == [["ok"]]


def test_a_cell_index_going_back_refuses_that_sheet_as_damaged(tmp_path: Path) -> None:
    rows = '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">a</Data></Cell><Cell ss:Index="2">'
    rows += '<Data ss:Type="String">b</Data></Cell></Row>'
    book = read_workbook(xml_workbook(tmp_path / "b.xls", worksheet("S", rows)))
    error = book.sheets[0].error
    assert error is not None and error.code == "damaged_detail" and 'ss:Index="2"' in str(error)


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    book = read_workbook(xml_workbook(tmp_path / "l.xls", worksheet("S", "<Row>" + s("长" * 40_000) + "</Row>")))
    assert book.sheets[0].error is not None and book.sheets[0].error.code == "cell_too_long"


def test_a_file_declared_gb2312_holding_gbk_characters(tmp_path: Path) -> None:
    head = HEAD.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="GB2312"?>')
    path = xml_workbook(tmp_path / "gb.xls", worksheet("项目", "<Row>" + s("堃泰项目") + "</Row>"), head=head,
                        encoding="gbk")  # fmt: skip
    assert read_workbook(path).sheets[0].rows == [["堃泰项目"]]


def test_a_doctype_is_refused_as_unsafe(tmp_path: Path) -> None:
    head = HEAD.replace("<Workbook", '<!DOCTYPE Workbook [<!ENTITY x "项目">]>\n<Workbook', 1)
    path = xml_workbook(tmp_path / "dtd.xls", worksheet("S", "<Row>" + s("&x;") + "</Row>"), head=head)
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(path)
    assert caught.value.code == "unsafe_xml"


def test_malformed_xml_is_refused_in_one_sentence(tmp_path: Path, db_path: Path) -> None:
    path = xml_workbook(tmp_path / "bad.xls", '<Worksheet ss:Name="S"><Table><Row>' + s("a") + "</Table></Worksheet>")
    with pytest.raises(WorkbookRefused) as caught:
        read_workbook(path)
    assert caught.value.code == "damaged" and "Error" not in str(caught.value)  # no parser words (probe31b F6)
    run("--db", str(db_path), "summary")
    before = dump(db_path)
    code, out, err = run("--db", str(db_path), "import", str(path))
    assert code == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "bad.xls" in err and len(err) < 400
    assert dump(db_path) == before


def district_list(path: Path) -> Path:
    """A district's list as its web system exports it: a title merged across, a 填报单位 line, the
    header, projects with dates as DateTime, a hidden helper column past the table."""
    header = ["项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）", "签约时间"]
    projects = [
        ("肇庆新区储能电池项目", "新型储能", "肇庆新区", "在建", 12.5, "2023-03-15"),
        ("端州区食品加工项目", "绿色食品", "端州区", "已签约", 3.2, "2023-08-01"),
        ("高要区金属新材料项目", "金属新材料", "高要区", "洽谈中", 1.8, "2024-01-15"),
    ]
    rows = '<Row><Cell ss:MergeAcross="5"><Data ss:Type="String">2024年端州区重点招商项目清单</Data></Cell></Row>'
    rows += "<Row>" + s("填报单位：端州区投资促进局") + "</Row>"
    rows += "<Row>" + "".join(s(h) for h in header) + "</Row>"
    for name, sector, district, status, planned, signed in projects:
        rows += "<Row>" + s(name) + s(sector) + s(district) + s(status) + n(planned)
        rows += f'<Cell><Data ss:Type="DateTime">{signed}T00:00:00.000</Data></Cell></Row>'
    columns = '<Column ss:Index="8" ss:Hidden="1"/>'
    return xml_workbook(path, worksheet("项目清单", rows, columns=columns))


def test_the_cli_imports_a_district_list_exported_as_spreadsheetml(tmp_path: Path, db_path: Path) -> None:
    path = district_list(tmp_path / "端州区项目清单.xls")
    code, out, err = run("--db", str(db_path), "import", str(path), "--json")
    assert code == 0, (out, err)
    assert json.loads(out)["added"] == 3 and json.loads(out)["skipped"] == []
    code, out, _ = run("--db", str(db_path), "list", "--json")
    projects = {p["name"]: p for p in json.loads(out)["projects"]}
    assert {name: p["planned_investment_yuan"] for name, p in projects.items()} == {
        "肇庆新区储能电池项目": 1_250_000_000,
        "端州区食品加工项目": 320_000_000,
        "高要区金属新材料项目": 180_000_000,
    }
    assert projects["端州区食品加工项目"]["signed_on"] == "2023-08-01"
    assert projects["肇庆新区储能电池项目"]["district"] == "肇庆新区"
    code, out, _ = run("--db", str(db_path), "summary", "--json")
    summary = json.loads(out)
    assert (summary["projects"], summary["planned_investment_yuan"]) == (3, 1_750_000_000)


# -- what a probe of ~75 exports found (session 12) ------------------------------------------------------
STYLES = '<Styles><Style ss:ID="s1"><Alignment/><NumberFormat ss:Format="0000"/></Style></Styles>\n'


def test_what_real_exporters_write_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    """A code styled 0000 is 0012; a formula's cached 0 or empty Data is never trusted (Excel
    recalculates it on opening); .NET's "no date" values are no date; ss:Hidden="True" hides; a
    column of width 0 is hidden; two sheets of one name are both read."""
    rows = (
        "<Row>" + s("项目代码") + s("项目名称") + s("计划总投资（万元）") + s("签约时间") + "</Row>"
        "<Row>" + cell("Number", "12", ' ss:StyleID="s1"') + s("甲项目")
        + cell("Number", "0", ' ss:Formula="=RC[1]+1"') + cell("DateTime", "0001-01-01T00:00:00.000") + "</Row>"
        '<Row ss:Hidden="True">' + cell("Number", "13", ' ss:StyleID="s1"') + s("乙项目") + n(5)
        + cell("DateTime", "1899-12-31T00:00:00.000") + "</Row>"
    )  # fmt: skip
    columns = '<Column ss:Width="60"/><Column ss:Width="0"/>'
    path = xml_workbook(
        tmp_path / "e.xls", worksheet("明细", rows, columns=columns), worksheet("明细", "<Row>" + s("x") + "</Row>"),
        head=HEAD + STYLES,
    )  # fmt: skip
    book = read_workbook(path)
    assert book.sheet_names == ["明细", "明细 (2)"] and book.sheets[1].rows == [["x"]]
    first = book.sheets[0]
    assert [r[0] for r in first.rows[1:]] == ["0012", "0013"]
    assert isinstance(first.rows[1][2], FormulaWithoutValue) and first.rows[1][3] == "" and first.rows[2][3] == ""
    assert 2 in first.hidden_rows and 1 in first.hidden_cols


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [("gb2312", "utf-8"), ("UTF-16", "utf-8"), ("ISO-8859-1", "utf-8"), ("x-gbk", "gb18030"), ("utf-7", "utf-8")],
)
def test_a_declaration_the_bytes_belie_falls_back_to_what_decodes_the_file(
    tmp_path: Path, declaration: str, encoding: str
) -> None:
    head = HEAD.replace(
        '<?xml version="1.0"?>', f'\n<?xml version="1.0" encoding="{declaration}"?>'
    )  # a blank line too
    path = xml_workbook(
        tmp_path / "d.xls", worksheet("表", "<Row>" + s("四会市项目") + "</Row>"), head=head, encoding=encoding
    )
    assert read_workbook(path).sheets[0].rows == [["四会市项目"]]


def test_positions_past_excel_s_grid_or_a_workbook_past_the_limit_are_refused_small(tmp_path: Path) -> None:
    """A cell at row 20,000,000 (a 300-byte file) took the app past 1.7 GB padding rows; ten sheets
    of 4 million cells each, 1.75 GB. Excel has 1,048,576 rows and 16,384 columns; the sheets of a
    workbook together are held against the cell limit."""
    far = xml_workbook(tmp_path / "far.xls", worksheet("远", '<Row ss:Index="20000000">' + s("x") + "</Row>"))
    wide = xml_workbook(
        tmp_path / "wide.xls",
        worksheet("宽", '<Row><Cell ss:Index="20000">' + '<Data ss:Type="String">x</Data></Cell></Row>'),
    )
    for path in (far, wide):
        sheet = read_workbook(path).sheets[0]
        assert sheet.error is not None and sheet.error.code == "too_many_cells"
    many = xml_workbook(
        tmp_path / "many.xls", *(worksheet(f"S{i}", '<Row ss:Index="1000000">' + s("x") + "</Row>") for i in range(4))
    )
    errors = [
        sh.error.code if sh.error else None for sh in read_workbook(many, limits=Limits(max_cells=2_500_000)).sheets
    ]
    assert errors == [None, None, "too_many_cells", "too_many_cells"]


@pytest.mark.parametrize("at", [65_535, 65_536, 65_537, 70_000])
def test_a_doctype_at_or_past_the_end_of_the_prolog_check_is_named_unsafe(tmp_path: Path, at: int) -> None:
    """The prolog is read 64 KB deep: a DOCTYPE whose "<" falls on its last byte, or past it, is still
    refused as unsafe XML (by the check, or by the parser's own guard), not as damage."""
    start = '<?xml version="1.0"?>\n<!-- urn:schemas-microsoft-com:office:spreadsheet '
    doctype = '<!DOCTYPE Workbook [<!ENTITY a "b">]>\n'
    head = start + "x" * (at - len(start) - 4) + "-->\n" + doctype + HEAD.split("\n", 2)[2]
    assert head.index("<!DOCTYPE") == at
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(xml_workbook(tmp_path / "u.xls", worksheet("S", "<Row>" + s("x") + "</Row>"), head=head))
    assert refused.value.code == "unsafe_xml"


def test_excel_2003_xml_without_its_declaration_is_recognised(tmp_path: Path) -> None:
    head = HEAD.split("\n", 1)[1]  # no <?xml …?>: some exporters leave it out
    path = xml_workbook(tmp_path / "n.xls", worksheet("S", "<Row>" + s("项目名称") + "</Row>"), head=head)
    assert read_workbook(path).kind == "xml2003"


def test_struck_through_rich_text_is_left_out(tmp_path: Path) -> None:
    struck = (
        '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><S>签约</S>'
        '<Font html:Color="#FF0000">在建</Font></ss:Data></Cell>'
    )
    path = xml_workbook(tmp_path / "s.xls", worksheet("S", "<Row>" + s("甲项目") + struck + "</Row>"))
    assert read_workbook(path).sheets[0].rows == [["甲项目", "在建"]]
