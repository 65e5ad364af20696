"""Wording of what the import says of a report's structure: tables stacked on one sheet, each under a title
naming its own district (io/block_places.py), and 计划投资 beside 总投资 read as the year's plan
(io/year_plan.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_BLOCK_PLACE_MESSAGES: dict[str, tuple[str, str]] = {
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
    "note_plan_of_year": (
        "Sheet “{sheet}”: column {column} “{header}” beside the total investment is read as the plan for {year} "
        "(the year's planned investment), not as the total again.",
        "工作表“{sheet}”：{column} 列“{header}”与总投资并列，按 {year} 年度计划投资读取，而不是再一个总投资。",
    ),
}
BLOCK_PLACE_MESSAGES = Catalogue("block_place_problems", _BLOCK_PLACE_MESSAGES)
