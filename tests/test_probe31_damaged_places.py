"""Files damaged where no spreadsheet program damages them, that had been read silently (probe31b):
an .xlsx row or cell placed past Excel's grid (python-calamine wraps a row number past 2^32 onto a
real row and leaves out a cell past XFD), and a web page (HTML) cut off inside its table (its last
row read without the cells it lost). Each is refused with one sentence; nothing is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_probe24_package import planned, projects_file, rewrite

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def added_row(r: str, cells: str) -> object:
    """The sheet XML with a row ``r`` of ``cells`` (inline strings, "B:text" each) after the last one."""

    def change(xml: str) -> str:
        written = "".join(
            f'<c r="{place}" t="inlineStr"><is><t>{text}</t></is></c>'
            for place, text in (cell.split(":", 1) for cell in cells.split("|"))
        )
        return xml.replace("</sheetData>", f'<row r="{r}">{written}</row></sheetData>')

    return change


@pytest.mark.parametrize(
    ("r", "cells", "code", "said"),
    [
        # 2^32 + 4 wraps to row 4 in python-calamine: 鼎湖五金项目's name was replaced by this one
        ("4294967300", "A4294967300:溢出覆盖项目", "xml_row_past_grid", "row at number 4294967300"),
        ("1048580", "A1048580:界外项目|C1048580:30000", "xml_row_past_grid", "row at number 1048580"),
        ("3", "XFE3:界外的值", "xml_cell_past_grid", "cell at XFE3"),
        ("3", "AAAAB3:界外的名称", "xml_cell_past_grid", "cell at AAAAB3"),
    ],
)
def test_a_row_or_cell_past_excels_grid_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, r: str, cells: str, code: str, said: str
) -> None:
    path = projects_file(tmp_path)
    if r == "3":  # a cell in an existing row: appended to row 3's cells
        place, text = cells.split(":", 1)

        def change(xml: str) -> str:
            return re.sub(
                r'(<row r="3".*?)</row>', rf'\1<c r="{place}" t="inlineStr"><is><t>{text}</t></is></c></row>', xml
            )

        damaged = rewrite(path, change)
    else:
        damaged = rewrite(path, added_row(r, cells))  # type: ignore[arg-type]
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(damaged, ImportOptions())
    assert caught.value.code == code and said in str(caught.value)
    assert "Sheet “Sheet1” of changed_projects.xlsx is damaged" in str(caught.value)
    assert planned(ctx) == {}
    # the same file without the damage reads as before
    assert service.import_file(path, ImportOptions()).added == 3


def test_the_last_rows_of_excels_grid_are_not_past_it(service: ImportService, tmp_path: Path) -> None:
    """Row 1,048,576 is Excel's last row, still on the grid: what a sheet's size allows is read."""
    path = rewrite(projects_file(tmp_path), added_row("1048576", "D1048576:备注"))
    result = service.import_file(path, ImportOptions())
    assert result.added == 3 and not result.problems


PAGE = """<html><head><meta charset="utf-8"></head><body>
<h2>2025年高要区重点项目表</h2>
<table border="1">
<tr><td>项目名称</td><td>所在区域</td><td>总投资（万元）</td><td>项目状态</td></tr>
<tr><td>端州新材料产业园项目</td><td>端州区</td><td>20000</td><td>在建</td></tr>
<tr><td>高要储能电站项目</td><td>高要区</td><td>30000</td><td>签约</td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize("cut", ["高要储能", "高要储能电站项目</td>", "</tr>\n"])
def test_a_web_page_cut_off_inside_its_table_is_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, cut: str
) -> None:
    text = PAGE[: PAGE.index(cut) + len(cut)] if cut != "</tr>\n" else PAGE[: PAGE.rindex(cut) + len(cut)]
    path = tmp_path / "高要区.xls"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions())
    assert caught.value.code == "html_cut_off" and "高要区.xls is a web page (HTML) that ends inside" in str(
        caught.value
    )
    assert planned(ctx) == {}


def test_a_page_that_leaves_its_table_open_but_ends_is_read(service: ImportService, tmp_path: Path) -> None:
    """Browsers close what a page leaves open: a table without </table> before </body> is whole."""
    path = tmp_path / "高要区.xls"
    path.write_text(PAGE.replace("</table>", ""), encoding="utf-8")
    result = service.import_file(path, ImportOptions())
    assert result.added == 2
    path.write_text(PAGE, encoding="utf-8")
    assert service.import_file(path, ImportOptions()).unchanged == 2
