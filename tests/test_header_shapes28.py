"""Header shapes carried as gaps (fix28h): a table above the header, 其中：固定资产投资 on a one-row header,
a three-row header drawn without merges, a cell written twice in the sheet's XML, UTF-16 text. Real files,
imported through the service, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

LIST = [
    ["序号", "项目名称", "建设单位", "总投资", "项目状态"],
    [1, "端州电子元件项目", "甲公司", 25000, "在建"],
    [2, "端州食品项目", "乙公司", 6000, "在建"],
    [3, "端州包装项目", "丙公司", 4600, "签约"],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def rewrite_sheet(path: Path, change) -> Path:
    """The workbook with its first sheet's XML changed (a writer openpyxl is not)."""
    out = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            zout.writestr(item.filename, data)
    return out


@pytest.mark.parametrize(
    "block",
    [
        [["项目数（个）", "总投资（亿元）", "其中亿元以上项目（个）"], [3, 3.56, 1]],
        [["类别", "项目个数", "总投资（万元）"], ["新签约项目", 1, 4600], ["续建项目", 2, 31000], ["合计", 3, 35600]],
        [["合计", "项目数", "3个", "总投资", "3.56亿元"], ["填报说明：1.金额单位为万元；2.项目状态填写在建、签约。"]],
    ],
)
def test_a_summary_block_above_the_header_is_not_read_as_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path, block: list
) -> None:
    """A small summary table (or a 填报说明 box) above the list: the list under it is found and imported,
    the summary's rows are no projects."""
    rows = [["端州区2025年1-6月招商引资项目情况表"], *block, [], ["单位：万元"], *LIST]
    path = write_workbook(tmp_path / "above.xlsx", SheetSpec("Sheet1", rows, merges=["A1:E1"]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and not result.problems
    # 25000 / 6000 / 4600 万元 × 10,000
    assert planned(ctx) == {"端州电子元件项目": 250_000_000, "端州食品项目": 60_000_000, "端州包装项目": 46_000_000}


def test_a_part_beside_the_total_on_a_one_row_header_is_a_part(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """总投资（万元） | 其中：固定资产投资（万元） in one row: the 其中 column is a part of the total on its left —
    not the total, not planned investment; it had been said to be a column not known."""
    rows = [["高要区2025年重点项目表"], ["单位：万元"],
            ["序号", "项目名称", "建设单位", "总投资（万元）", "其中：固定资产投资（万元）", "项目状态"],
            [1, "高要电池项目", "甲公司", 50000, 42000, "在建"],
            [2, "高要五金项目", "乙公司", 8000, 6500, "在建"]]  # fmt: skip
    path = write_workbook(tmp_path / "part.xlsx", SheetSpec("Sheet1", rows, merges=["A1:F1"]))
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert planned(ctx) == {"高要电池项目": 500_000_000, "高要五金项目": 80_000_000}  # 50000 / 8000 万元
    (note,) = [n for n in result.notes if "其中：固定资产投资" in n.message("en")]
    assert "column on its left, not the whole" in note.message("en") and "not a known column" not in note.message("en")


def test_a_part_first_in_its_row_names_no_whole_and_stays_unknown(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """其中：固定资产投资 with no amount on its left (the 建设单位 column): not a part of anything, not imported."""
    rows = [["单位：万元"], ["项目名称", "建设单位", "其中：固定资产投资（万元）", "总投资（万元）"],
            ["高要电池项目", "甲公司", 42000, 50000]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "first.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok and planned(ctx) == {"高要电池项目": 500_000_000}


THREE = [["序号", "项目名称", "建设单位", "总投资", "2025年投资计划", None, None, "项目状态"],
         [None, None, None, None, "年度计划", "完成投资", None, None],
         [None, None, None, None, None, "1-6月", "6月", None]]  # fmt: skip
MERGES = ["A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:G3", "E4:E5", "F4:G4", "H3:H5"]


@pytest.mark.parametrize("merged", [True, False])
def test_a_three_row_header_without_merges_is_read_as_the_merged_one(
    service: ImportService, ctx: AppContext, tmp_path: Path, merged: bool
) -> None:
    """2025年投资计划 over 年度计划 | 完成投资, 完成投资 over 1-6月 | 6月, written with blanks to the right and
    under instead of merges: the unmerged one had read row 5 as a project without a name and refused."""
    rows = [["四会市2025年重点项目进度表"], ["单位：万元"], *THREE,
            [1, "四会电子项目", "甲公司", 30000, 12000, 5000, 900, "在建"],
            [2, "四会陶瓷项目", "乙公司", 9000, 4000, 1500, 300, "在建"]]  # fmt: skip
    spec = SheetSpec("Sheet1", rows, merges=["A1:H1", *(MERGES if merged else [])])
    result = service.import_file(write_workbook(tmp_path / "three.xlsx", spec), ImportOptions())
    assert result.ok and not result.problems
    assert planned(ctx) == {"四会电子项目": 300_000_000, "四会陶瓷项目": 90_000_000}
    (p,) = [p for p in ctx.projects.all_projects() if p.name == "四会电子项目"]
    records = {(r.year, r.month): r.amount for r in ctx.projects.investment(p.id)}
    # 1-6月 5000 万元 less 6月 900: Jan–May 4100 万元 as one figure (stored at May), June 900 万元
    assert records == {(2025, 5): 41_000_000, (2025, 6): 9_000_000}


def test_a_text_row_under_a_two_row_header_is_no_third_header_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A section row (一、先进制造业) under an unmerged two-row header stands under no group: no merges drawn."""
    rows = [["单位：万元"],
            ["序号", "项目名称", "总投资", "2025年", None],
            [None, None, None, "年度计划", "1-6月完成投资"],
            ["一、先进制造业"],
            [1, "四会电子项目", 30000, 12000, 5000]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "two.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok and planned(ctx) == {"四会电子项目": 300_000_000}


def test_a_cell_written_twice_in_the_xml_is_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """<c r="D4"> twice in row 4 (50000, then 5000: probe x11), every place written: the parsers keep the last
    copy without a word — 5000 万元 was stored. Now the sheet is refused, naming the cell."""
    rows = [["单位：万元"], ["项目名称", "建设单位", "总投资"], ["高要五金项目", "乙公司", 8000],
            ["高要电池项目", "甲公司", 50000]]  # fmt: skip
    path = write_workbook(tmp_path / "x11.xlsx", SheetSpec("Sheet1", rows))

    def twice(xml: bytes) -> bytes:
        text = xml.decode()
        cell = re.search(r'<c r="C4"[^>]*>.*?</c>', text)
        assert cell is not None
        return text.replace(cell.group(0), cell.group(0) + cell.group(0).replace(">50000<", ">5000<")).encode()

    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(rewrite_sheet(path, twice), ImportOptions())
    assert caught.value.code == "xml_cell_twice" and "cell C4 is written twice" in str(caught.value)
    assert planned(ctx) == {}


def test_a_sheet_xml_in_utf16_is_read(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [["单位：万元"], ["项目名称", "建设单位", "总投资"], ["高要电池项目", "甲公司", 50000]]
    path = write_workbook(tmp_path / "u16.xlsx", SheetSpec("Sheet1", rows))

    def utf16(xml: bytes) -> bytes:
        return b"\xff\xfe" + xml.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")

    assert service.import_file(rewrite_sheet(path, utf16), ImportOptions()).ok
    assert planned(ctx) == {"高要电池项目": 500_000_000}


@pytest.mark.parametrize("bom, encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"", "utf-16-le")])
def test_excel_unicode_text_is_read(
    service: ImportService, ctx: AppContext, tmp_path: Path, bom: bytes, encoding: str
) -> None:
    """Excel's "Unicode Text" (.txt): UTF-16 with its byte-order mark, tab separated."""
    text = "项目名称\t建设单位\t总投资（万元）\t项目状态\r\n"
    text += "高要电池项目\t甲公司\t50000\t在建\r\n高要五金项目\t乙公司\t8000\t在建\r\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert service.import_file(path, ImportOptions()).ok
    assert planned(ctx) == {"高要电池项目": 500_000_000, "高要五金项目": 80_000_000}
