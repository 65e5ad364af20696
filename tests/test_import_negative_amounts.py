"""A negative amount is refused saying the value as the cell shows it, in the unit it is read in (probe40c): the
dialog and the command line said "Planned investment cannot be negative (-500.0)" — the float as Python writes it,
and no unit, where the sheet's title lines state 单位：万元. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["项目名称", "所在区域", "所属行业", "项目状态", "计划总投资"]


def test_a_negative_amount_is_said_as_the_cell_shows_it_with_its_unit(ctx: AppContext, tmp_path: Path) -> None:
    rows = [["高要区2023年1-10月招商引资项目进展情况表"],
            ["填报单位：高要区投资促进局", None, None, None, "单位：万元"],
            HEAD,
            ["高要精密铸件技改项目", "高要区", "高端装备", "已签约", -500],
            ["高要储能项目", "高要区", "新型储能", "签约", "-3亿"],  # a unit the cell states: said as it states it
            ["高要食品项目", "高要区", "绿色食品", "签约", -2.5]]  # fmt: skip
    result = ImportService(ctx.database).import_file(write_workbook(tmp_path / "高要区.xlsx", SheetSpec("10月", rows)),
                                                     ImportOptions())  # fmt: skip
    assert not result.written and ctx.projects.all_projects() == []
    said = {p.row: (p.value, p.reason("en"), p.reason("zh")) for p in result.problems}
    assert said == {
        4: ("-500", "Planned investment cannot be negative (-500万元)", "计划总投资不能为负数（-500万元）"),
        5: ("-3亿", "Planned investment cannot be negative (-3亿)", "计划总投资不能为负数（-3亿）"),
        6: ("-2.5", "Planned investment cannot be negative (-2.5万元)", "计划总投资不能为负数（-2.5万元）"),
    }
