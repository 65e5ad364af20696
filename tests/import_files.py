"""Workbooks in the shapes districts send (design.md "Spreadsheet import"), written for tests.

Real .xlsx files through openpyxl: title rows merged across, 填报单位 and 单位 lines, 序号 columns,
合计 rows, notes under the table, hidden columns, section rows, several sheets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import openpyxl


@dataclass
class SheetSpec:
    name: str
    rows: list[list]
    merges: list[str] = field(default_factory=list)  # "A1:H1"
    hidden: list[str] = field(default_factory=list)  # column letters
    formats: dict[str, str] = field(default_factory=dict)  # cell → number format
    state: str = "visible"


def write_workbook(path: Path, *sheets: SheetSpec, date1904: bool = False) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, (date, datetime)):
                    cell.number_format = "yyyy-mm-dd"
        for ref in spec.merges:
            ws.merge_cells(ref)
        for letter in spec.hidden:
            ws.column_dimensions[letter].hidden = True
        for ref, fmt in spec.formats.items():
            ws[ref].number_format = fmt
        ws.sheet_state = spec.state
    wb.save(path)
    return path


PROJECT_HEADER = ["序号", "项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）",
                  "用地面积（亩）", "签约时间", "开工时间", "是否重点项目"]  # fmt: skip


def district_projects(path: Path) -> Path:
    """A district's list: merged title, 填报单位 line, Chinese headers with units, 序号, dates
    written three ways, a unit in one cell, a 合计 row and a note under the table."""
    rows = [
        ["2023年高要区招商引资项目清单"],
        ["填报单位：高要区投资促进局", None, None, None, None, None, None, "填报日期：2023年10月8日"],
        PROJECT_HEADER,
        [1, "GY-001", "华南新能源电池项目", "广东华南电池有限公司", "新型储能", "高要区", "在建", 12.5, 300,
         date(2023, 3, 15), "2023/06/01", "是"],
        [2, "GY-002", "金利五金扩产项目", "肇庆金利五金有限公司", "金属新材料", "高要区", "已签约", "3,000万元", 45.5,
         "2023年8月", None, "否"],
        [3, "0015", "西江食品加工项目", None, "绿色食品", "高要区", "洽谈中", 1.2, None, 45200, None, "否"],
        ["合计", None, None, None, None, None, None, 14.0],
        [],
        ["注：计划总投资单位为亿元；签约时间以合同为准。"],
    ]  # fmt: skip
    return write_workbook(path, SheetSpec("项目清单", rows, merges=["A1:L1"]))
