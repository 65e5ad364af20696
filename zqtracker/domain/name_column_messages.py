"""Wording for a list whose columns are known but none of them names the projects (probe30a F2: an English
list of project_id | project_description | …, its names in the description column): the sheet is refused
with the question which column holds the names. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

# The way out of a list whose headers are not known (import_messages.py's nothing_recognized): say what each
# column holds.
MAP_WAYS = Ways(
    app=("; choose each column's field in the preview's column menu", "；请在预览中各列的列菜单里选择该列的内容"),
    cli=(
        '; say what a column holds with --map, e.g. --map "B=name" --map "C=planned_investment"',
        '；请用 --map 说明各列的内容，如 --map "B=name" --map "C=planned_investment"',
    ),
)

_NAME_COLUMN_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "no_name_column": (
        "Sheet “{sheet}” of {file} has no column of project names (its known columns: {known}){how}.",
        "“{file}”的工作表“{sheet}”没有项目名称列（可识别的列：{known}）{how}。",
        Ways(
            app=(
                "; if column {column} “{header}” holds the names, choose “Project name” for it in the preview's "
                "column menu",
                "；如第 {column} 列“{header}”是项目名称，请在预览中该列的列菜单里选择“项目名称”",
            ),
            cli=(
                '; if column {column} “{header}” holds the names, say so with --map "{column}=name"',
                '；如第 {column} 列“{header}”是项目名称，请用 --map "{column}=name" 说明',
            ),
        ),
    ),
}
NAME_COLUMN_MESSAGES = Catalogue("name_column_messages", _NAME_COLUMN_MESSAGES)
