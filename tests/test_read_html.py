"""A web page's table saved under an .xls name (what web systems' "导出Excel" write): read as Excel
lays it out on opening — text outside the tables on rows of its own, rowspan/colspan merged,
Excel's x:num behind a number shown, hidden rows hidden — in the reading process, with the
page's declared or guessed encoding; then imported like any workbook, on both engines."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook
from zqtracker.io.sniff import Limits
from zqtracker.services.context import AppContext

EXCEL_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
    'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; '
    'charset={charset}"><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>'
    "<x:Name>重点项目</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions>"
    "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->"
    '<style>td{{mso-number-format:"\\@";}}</style></head>'
)

REPORT = """<body>
<h3>四会市2024年1-10月重点项目进展情况表</h3>
<p>单位：万元</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">项目名称</th><th rowspan="2">所属行业</th><th rowspan="2">项目状态</th>
<th rowspan="2">总投资</th><th colspan="2">完成投资</th></tr>
<tr><th>当月</th><th>1-10月累计</th></tr>
<tr><td>1</td><td>甲新材料
    项目</td><td>新材料</td><td>在建</td><td x:num="12345.678">12,345.68</td><td>100</td><td x:num>1,200</td></tr>
<tr style="display:none"><td>2</td><td>乙项目<br>二期</td><td>光伏</td><td>签约</td><td>5000</td><td></td>
<td>0</td></tr>
<tr><td>3</td><td>丙&amp;丁项目</td><td>汽车</td><td>投产</td><td>3,000</td><td>50</td><td>800</td></tr>
</table>
<p>填报单位：四会市投资促进局</p>
</body></html>"""


def page(
    tmp_path: Path, body: str = REPORT, charset: str = "UTF-8", encoding: str = "utf-8", name: str = "report.xls"
) -> Path:
    path = tmp_path / name
    path.write_bytes((EXCEL_HEAD.format(charset=charset) + body).encode(encoding))
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_an_excel_web_page_is_laid_out_as_excel_shows_it(tmp_path: Path) -> None:
    book = read_workbook(page(tmp_path))
    assert (book.kind, book.sheet_names) == ("html", ["重点项目"])
    sheet = book.sheets[0]
    assert sheet.rows == [
        ["四会市2024年1-10月重点项目进展情况表", "", "", "", "", "", ""],
        ["单位：万元", "", "", "", "", "", ""],
        ["序号", "项目名称", "所属行业", "项目状态", "总投资", "完成投资", ""],
        ["", "", "", "", "", "当月", "1-10月累计"],
        [1.0, "甲新材料项目", "新材料", "在建", 12345.678, 100.0, 1200.0],  # x:num behind "12,345.68"
        [2.0, "乙项目\n二期", "光伏", "签约", 5000.0, "", 0.0],
        [3.0, "丙&丁项目", "汽车", "投产", "3,000", 50.0, 800.0],  # shown text, as a CSV's
        ["填报单位：四会市投资促进局", "", "", "", "", "", ""],
    ]
    assert sheet.merged == [(2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 3, 3), (2, 4, 3, 4), (2, 5, 2, 6)]
    assert 5 in sheet.hidden_rows and 4 not in sheet.hidden_rows and 6 not in sheet.hidden_rows


@pytest.mark.parametrize(("charset", "encoding"), [("gb2312", "gb18030"), ("GBK", "gb18030"), ("utf-8", "gb18030")])
def test_the_declared_encoding_is_read_and_a_false_declaration_falls_back_to_what_decodes(
    tmp_path: Path, charset: str, encoding: str
) -> None:
    """A JSP page declaring gb2312 (or GBK) holds GBK text; one declaring utf-8 but written by a
    GBK server is read as GB18030, the encoding that decodes it all — never with replacements."""
    rows = read_workbook(page(tmp_path, charset=charset, encoding=encoding)).sheets[0].rows
    assert rows[0][0] == "四会市2024年1-10月重点项目进展情况表" and rows[6][1] == "丙&丁项目"


def test_a_bare_table_without_html_or_head_and_sloppy_tags(tmp_path: Path) -> None:
    """Browsers' leniency: a <td> or <tr> ends the one before it; a table in a cell is its text;
    a caption is a row; a rowspan ends with its table; a colspan is capped."""
    path = tmp_path / "bare.xls"
    path.write_text(
        "<table><caption>2024年项目表</caption><tr><td>项目名称<td>总投资（万元）"
        "<tr><td rowspan=9>甲项目<td><table><tr><td>1</td><td>200</td></tr></table>"
        "<tr><td>300"
        "</table><table><tr><td colspan=5000>合计</td></tr></table>",
        encoding="utf-8",
    )
    sheet = read_workbook(path).sheets[0]
    assert [r[:2] for r in sheet.rows[:4]] == [
        ["2024年项目表", ""],
        ["项目名称", "总投资（万元）"],
        ["甲项目", "1 200"],
        ["", 300.0],
    ]
    assert sheet.rows[4][0] == "合计" and len(sheet.rows[4]) == 1000
    assert sheet.merged == [(2, 0, 3, 0), (4, 0, 4, 999)]  # rowspan=9 cut at the table's end


def test_a_page_wider_than_the_cell_limit_is_refused_before_it_is_built(tmp_path: Path) -> None:
    path = tmp_path / "wide.xls"
    path.write_text("<table>" + "<tr><td colspan=1000>x</td></tr>" * 3000 + "</table>", encoding="utf-8")
    started = time.perf_counter()
    sheet = read_workbook(path, limits=Limits(max_cells=1_000_000)).sheets[0]
    assert sheet.error is not None and sheet.error.code == "too_many_cells"
    assert time.perf_counter() - started < 10


def test_deeply_nested_tags_and_entities_are_no_danger(tmp_path: Path) -> None:
    path = tmp_path / "deep.xls"
    path.write_text(
        "<table><tr><td>项目名称</td><td>备注</td></tr><tr><td>甲项目</td><td>"
        + "<span>" * 200_000
        + "&lt;b&gt; &amp;amp; &#x4e2d;"
        + "</span>" * 200_000
        + "</td></tr></table>",
        encoding="utf-8",
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows[1] == ["甲项目", "<b> &amp; 中"]


def test_web_pages_without_a_table_and_web_archives_are_refused_in_one_sentence(tmp_path: Path) -> None:
    frames = tmp_path / "book.xls"
    frames.write_text('<html><frameset rows="*,39"><frame src="book_files/sheet001.htm"></frameset></html>')
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(frames)
    assert refused.value.code == "html_no_table" and "book.xls" in str(refused.value)
    mht = tmp_path / "book2.xls"
    mht.write_text('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart"\n\n<html>')
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(mht)
    assert refused.value.code == "mhtml" and "MHTML" in str(refused.value)


def test_a_page_in_no_known_encoding_is_refused_not_read_with_replacements(tmp_path: Path) -> None:
    path = tmp_path / "bad.xls"
    path.write_bytes(b'<html><meta charset="utf-8"><table><tr><td>\xff\xfe\x80\x80\xff</td></tr></table></html>')
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(path)
    assert refused.value.code == "html_unreadable" and "bad.xls" in str(refused.value)


def test_a_district_web_page_report_imports_in_one_step(tmp_path: Path, db_url: str, ctx: AppContext) -> None:
    """The monthly report as a web system exports it: district from the title, 万元 from the unit
    line, 1-10月累计 under a merged 完成投资, x:num's full value, the hidden row left out."""
    path = page(tmp_path, name="四会市10月.xls")
    code, out, err = run("--db", db_url, "import", str(path), "--hidden-rows", "skip", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["added"], result["investment_records"]) == (2, 4)
    projects = {p.name: p for p in ctx.projects.all_projects()}
    assert set(projects) == {"甲新材料项目", "丙&丁项目"}
    assert projects["甲新材料项目"].planned_investment == 123_456_780
    assert projects["丙&丁项目"].planned_investment == 30_000_000
    pid = projects["甲新材料项目"].id
    assert {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)} == {
        (2024, 1, 9): 11_000_000,
        (2024, 10, 10): 1_000_000,
    }
    code, out, _ = run("--db", db_url, "import", str(path), "--hidden-rows", "skip", "--json")
    assert code == 0 and json.loads(out)["added"] == 0  # a second time: nothing new


def test_a_page_laid_out_in_a_table_around_the_real_one_reads_the_real_one(tmp_path: Path) -> None:
    """Old JSP pages wrap everything in a layout table: its banner and footer cells are lines, the
    table inside (longer than the one around it) is the grid."""
    inner = "<table><tr><td>项目名称</td><td>总投资</td></tr>" + "<tr><td>甲</td><td>1</td></tr>" * 3 + "</table>"
    path = tmp_path / "layout.xls"
    path.write_text(
        f"<table><tr><td>2024年项目表<br>单位：亿元</td></tr><tr><td>{inner}</td></tr><tr><td>制表：张三</td></tr></table>"
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows == [
        ["2024年项目表", ""],
        ["单位：亿元", ""],
        ["项目名称", "总投资"],
        *[["甲", 1.0]] * 3,
        ["制表：张三", ""],
    ]


@pytest.mark.parametrize(("lang", "said"), [("en", "is a web page (HTML)"), ("zh", "是以表格文件名保存的网页")])
def test_the_import_dialog_previews_a_web_page_and_says_what_it_read(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str, said: str
) -> None:
    from test_import_dialog_totals import shown

    translations.switch(lang)
    dialog = shown(qtbot, ctx, page(tmp_path, REPORT.replace(' style="display:none"', ""), name="四会市10月.xls"), lang)
    assert said in dialog.notes_label.text()
    assert dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-web-page-{lang}.png"))


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ('<td x:num="12345.678">12,345.68</td>', 12345.678),
        ('<td x:num="1.23456">1.23亿元</td>', "1.23456亿元"),  # the unit the format adds is kept
        ('<td x:num="12345.678">12,345.68万元</td>', "12345.678万元"),
        ('<td x:num="0"> - </td>', 0.0),  # an accounting format's zero
        ('<td x:num="0.45">45%</td>', 0.45),
        ('<td x:num="-1234">(1,234)</td>', -1234.0),
        ('<td x:num="1234">$1,234</td>', "$1234"),  # the currency stays for the import to see
        ('<td class=xl65 x:num="12">0012</td>', "0012"),  # a code's leading zeros, as Excel shows them
        ('<td x:num="45200">2023/10/1</td>', "2023/10/1"),  # a date shown: its text
        ('<td x:num="45200">10月</td>', "10月"),
        ("<td x:num>1,200</td>", 1200.0),
        ('<td x:str="">0015</td>', "0015"),
        ("<td>0015</td>", "0015"),
    ],
)
def test_excel_s_exact_number_behind_what_its_format_shows(tmp_path: Path, cell: str, value: object) -> None:
    path = tmp_path / "x.xls"
    path.write_text(f"<table><tr><td>项目名称</td><td>值</td></tr><tr><td>甲</td>{cell}</tr></table>")
    assert read_workbook(path).sheets[0].rows[1][1] == value


def test_a_small_table_in_a_cell_of_a_data_table_is_that_cell_s_text(tmp_path: Path) -> None:
    """A 进展情况 cell holding a milestone table longer than the list: still a data table (it was taken
    for a layout table and its cells read as 15 projects)."""
    done = [("拿地", "3月"), ("开工", "5月"), ("封顶", "9月"), ("投产", "12月")]
    steps = "<table>" + "".join(f"<tr><td>{s}</td><td>{d}</td></tr>" for s, d in done) + "</table>"
    path = tmp_path / "cells.xls"
    path.write_text(
        "<table><tr><td>序号</td><td>项目名称</td><td>项目状态</td><td>计划总投资（万元）</td><td>进展情况</td></tr>"
        f"<tr><td>1</td><td>甲项目</td><td>在建</td><td>1,000</td><td>{steps}</td></tr>"
        "<tr><td>2</td><td>乙项目</td><td>签约</td><td>2,000</td><td>洽谈</td></tr></table>"
    )
    rows = read_workbook(path).sheets[0].rows
    assert len(rows) == 3 and rows[1][:4] == [1.0, "甲项目", "在建", "1,000"]
    assert rows[1][4] == "拿地 3月 开工 5月 封顶 9月 投产 12月"


def test_layout_tables_two_deep_and_around_a_short_list_are_seen_through(tmp_path: Path) -> None:
    data = ("<table><tr><td>项目名称</td><td>所属行业</td><td>计划总投资（万元）</td></tr>"
            "<tr><td>甲项目</td><td>光伏</td><td>1</td></tr>"
            "<tr><td>乙项目</td><td>汽车</td><td>2</td></tr></table>")  # fmt: skip
    inner = f"<table><tr><td>导航</td><td>{data}</td></tr></table>"
    path = tmp_path / "deep.xls"
    path.write_text(
        f"<table><tr><td>标题</td></tr><tr><td>{inner}</td></tr><tr><td>a</td></tr><tr><td>b</td></tr></table>"
    )
    rows = [r[:3] for r in read_workbook(path).sheets[0].rows]
    assert rows == [["标题", "", ""], ["导航", "", ""], ["项目名称", "所属行业", "计划总投资（万元）"],
                    ["甲项目", "光伏", 1.0], ["乙项目", "汽车", 2.0], ["a", "", ""], ["b", "", ""]]  # fmt: skip


def test_tables_nested_past_the_depth_limit_are_text_not_recursion(tmp_path: Path) -> None:
    path = tmp_path / "nest.xls"
    path.write_text(
        "<table><tr><td>项目名称</td><td>" + "<table><tr><td>x" * 5000 + "</table>" * 5000 + "</td></tr></table>"
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows[0][0] == "项目名称" and rows[0][1].split() == ["x"] * 5000


def test_a_page_opening_with_a_heading_is_a_web_page_and_a_leftover_latin1_charset_is_seen_through(
    tmp_path: Path,
) -> None:
    """<h3>标题</h3><table>… has no <html>; a JSP template's leftover ISO-8859-1 over UTF-8 Chinese text
    is read as what decodes the whole file (a single-byte charset decodes anything)."""
    path = tmp_path / "h3.xls"
    path.write_bytes(
        '<h3>端州区重点项目</h3><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "<table><tr><td>项目名称</td></tr><tr><td>甲项目</td></tr></table>".encode()
    )
    book = read_workbook(path)
    assert book.kind == "html" and book.sheets[0].rows == [["端州区重点项目"], ["项目名称"], ["甲项目"]]
    latin = tmp_path / "latin.xls"
    latin.write_bytes('<meta charset="iso-8859-1"><table><tr><td>Café</td></tr></table>'.encode("latin-1"))
    assert read_workbook(latin).sheets[0].rows == [["Café"]]


def test_hostile_x_num_values_and_charsets_are_no_danger(tmp_path: Path) -> None:
    """x:num="1e32700" behind "1亿元" was written out in full (32,701 digits a cell, the app past 1 GB),
    "1e400" read as infinity, a cell of 30,000 commas made the number pattern crawl; a page declaring
    utf-7 turned "+AD0-HYPERLINK(…)" into a formula's "=". Only web encodings are taken at their word."""
    cells = '<td x:num="1e32700">1亿元</td><td x:num="1e400">-</td><td x:num="1">1' + "," * 30_000 + "a1</td>"
    path = tmp_path / "x.xls"
    path.write_text(f"<table><tr><td>a</td><td>b</td><td>c</td></tr><tr>{cells}</tr></table>")
    started = time.perf_counter()
    row = read_workbook(path).sheets[0].rows[1]
    assert time.perf_counter() - started < 10
    assert row[:2] == ["1亿元", "-"] and row[2].startswith("1,,,")
    seven = tmp_path / "seven.xls"
    seven.write_bytes(b'<meta charset="utf-7"><table><tr><td>+AD0-HYPERLINK(1)</td></tr></table>')
    assert read_workbook(seven).sheets[0].rows == [["+AD0-HYPERLINK(1)"]]


def test_text_files_over_the_size_limit_and_web_archives_in_any_header_order_are_named(tmp_path: Path) -> None:
    limits = Limits(max_csv_bytes=1000)
    for name, text in (
        ("big.csv", "项目名称\n" + "甲项目\n" * 500),
        ("big.xls", "<table>" + "<tr><td>甲</td></tr>" * 100),
    ):
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(WorkbookRefused) as refused:
            read_workbook(path, limits=limits)
        assert refused.value.code == "text_too_large" and "a text file" in str(refused.value)
    mht = tmp_path / "saved.xls"
    mht.write_text('From: <Saved by Windows Internet Explorer>\nSubject: x\nDate: y\nMIME-Version: 1.0\n'
                   'Content-Type: multipart/related; boundary="----=_NextPart_000"\n\n<html>')  # fmt: skip
    with pytest.raises(WorkbookRefused) as refused:
        read_workbook(mht)
    assert refused.value.code == "mhtml"


def test_struck_through_text_is_not_the_cell_s_value(tmp_path: Path) -> None:
    """签约 struck through beside 在建 reads 在建; an unclosed <s> ends with its cell, as in a browser."""
    path = tmp_path / "s.xls"
    path.write_text(
        "<table><tr><td>项目名称</td><td>项目状态</td><td>备注</td></tr>"
        "<tr><td>甲项目</td><td><s>签约</s> 在建</td><td><del>旧</del>新</td></tr>"
        "<tr><td>乙项目</td><td><strike>签约<td>在建</td></tr></table>"
    )
    rows = read_workbook(path).sheets[0].rows
    assert rows[1] == ["甲项目", "在建", "新"] and rows[2] == ["乙项目", "", "在建"]
