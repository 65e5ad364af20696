"""Wording of what the import says of a report's structure: tables stacked on one sheet, each under a title
naming its own district (io/block_places.py), and 计划投资 beside 总投资 read as the year's plan
(io/year_plan.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_BLOCK_PLACE_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_district_blocks": (
        "Sheet “{sheet}”: its tables each have a title naming their district; rows without a district take the "
        "district of their own table's title (district: rows): {blocks}.",
        "工作表“{sheet}”：各表标题各自注明区域；未填区域的行按所在表格的标题记区域（区域：行号）：{blocks}。",
    ),
    "district_titles_differ": (
        "the titles above the table name {places}, and no column gives the district: whose projects are these? "
        "Put each district's projects under a title of its own or on a sheet of its own, or give them a "
        "district column, then import again.",
        "表格上方的标题同时注明了{places}，且没有区域列：这些是哪个区县的项目？请将各区县的项目分别置于各自的标题下"
        "或各自的工作表中，或增加区域列，然后重新导入。",
    ),
    "district_title_missing": (
        "the table under the title “{value}” (sheet “{sheet}”, row {row}) names no district, while the title above "
        "the first table names {place}, and neither the file's name, the sheet's nor a title over all the tables "
        "names one district for the whole sheet: whose are its projects? {how}",
        "工作表“{sheet}”第 {row} 行标题“{value}”下的表格没有注明区域，而第一个表格的标题注明的是{place}，文件名、"
        "工作表名或所有表格之上的标题也没有注明整张表所属的区域：这些项目属于哪个区域？{how}",
        Ways(
            app=(
                "Give its rows a district column, or choose it under “Rows without a district” if every table is one "
                "district's, then import again",
                "请为这些行增加区域列；如各表格都属于同一区域，也可在“未填区域的行”中选择该区域，然后重新导入",
            ),
            cli=(
                "Give its rows a district column, or import with --district DISTRICT if the whole sheet is one "
                "district's, then import again",
                "请为这些行增加区域列；如整张工作表都属于同一区域，也可用 --district 区域名称 导入，然后重新导入",
            ),
        ),
    ),
    "note_plan_of_year": (
        "Sheet “{sheet}”: column {column} “{header}” beside the total investment is read as the plan for {year} "
        "(the year's planned investment), not as the total again.",
        "工作表“{sheet}”：{column} 列“{header}”与总投资并列，按 {year} 年度计划投资读取，而不是再一个总投资。",
    ),
}
BLOCK_PLACE_MESSAGES = Catalogue("block_place_problems", _BLOCK_PLACE_MESSAGES)
