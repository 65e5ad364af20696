"""Wording for what long lists say by layout rather than in words: “same as above” marks (同上, 〃) and a
district written once over its block (io/ditto.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_LIST_MESSAGES: dict[str, tuple[str, str]] = {
    "note_same_as_above": (
        "Sheet “{sheet}”: {count} cell(s) of column {column} “{header}” say “same as above” and are read as the "
        "value above them: rows {rows}.",
        "工作表“{sheet}”：{column} 列“{header}”中有 {count} 个单元格写着“同上”之类，按其上方的值读取：第 {rows} 行。",
    ),
    "note_district_filled_down": (
        "Sheet “{sheet}”: column {column} “{header}” names a district once over the rows under it; {count} blank "
        "cell(s) are read as the district above them: rows {rows}.",
        "工作表“{sheet}”：{column} 列“{header}”只在每组首行写区域；"
        "{count} 个空白单元格按其上方的区域读取：第 {rows} 行。",
    ),
    "note_district_blank_top": (
        "Sheet “{sheet}”: {count} row(s) above the first district of column {column} “{header}” give no district "
        "and are imported without one: rows {rows}.",
        "工作表“{sheet}”：{column} 列“{header}”第一个区域之上有 {count} 行未写区域，导入时不带区域：第 {rows} 行。",
    ),
    "note_rows_removed": (
        "Sheet “{sheet}”: {count} row(s) are marked off the list in their remarks and are not imported: rows "
        "{rows} — {projects}. A project stored before stays as it is; cancel or delete it in zqtracker if the "
        "district means it.",
        "工作表“{sheet}”：有 {count} 行在备注中注明已删除、取消或不再纳入，未导入：第 {rows} 行——{projects}。"
        "此前已保存的项目保持不变；如该区确实要删除或取消，请在 zqtracker 中操作。",
    ),
}
LIST_MESSAGES = Catalogue("list_problems", _LIST_MESSAGES)
