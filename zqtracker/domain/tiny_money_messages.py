"""Wording for an amount of part of a yuan (io/tiny_money.py), amounts rounded to the yuan (io/yuan_rounding.py),
and a refused import's notes, which say what the import would do, never what it stored
(services/import_unwritten.py). English and 简体中文; domain/message_topics.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_TINY_MONEY_MESSAGES: dict[str, tuple[str, str]] = {
    "money_part_of_yuan": (
        "{field_label}: {value} ({unit}) is {exact} yuan — part of a yuan, which would be stored as {yuan:,} "
        "yuan: no project's amount. Typed in another unit than the column's (亿元 in a 万元 column, say)? "
        "Correct it, then import again",
        "{field_label}：{value}（{unit}）即 {exact} 元——不足整元，将存为 {yuan:,} 元，不似任何项目的金额。"
        "是否按其他单位填写（如在万元列中填了亿元数）？请更正后重新导入",
    ),
    "note_rounded_to_yuan": (
        "Sheet “{sheet}”, column {column} “{header}”: {count} amount(s) are not a whole number of yuan and are "
        "stored to the yuan, half a yuan rounded up — {cells}. Typed in another unit than the column's? Correct "
        "it, then import again.",
        "工作表“{sheet}”{column} 列“{header}”：{count} 个金额不是整元，按四舍五入存到元——{cells}。"
        "如按其他单位填写，请更正后重新导入。",
    ),
    "note_rounded_to_yuan_unwritten": (
        "Sheet “{sheet}”, column {column} “{header}”: {count} amount(s) are not a whole number of yuan and will be "
        "stored to the yuan, half a yuan rounded up — {cells}. Typed in another unit than the column's? Correct "
        "it, then import again.",
        "工作表“{sheet}”{column} 列“{header}”：{count} 个金额不是整元，导入后将按四舍五入存到元——{cells}。"
        "如按其他单位填写，请更正后重新导入。",
    ),
    "rounded_cell": (
        "row {row}: {value} is {exact} yuan, stored as {yuan:,} yuan",
        "第 {row} 行：{value} 即 {exact} 元，存为 {yuan:,} 元",
    ),
    "rounded_cell_in": (
        "row {row}: {value} ({unit}) is {exact} yuan, stored as {yuan:,} yuan",
        "第 {row} 行：{value}（{unit}）即 {exact} 元，存为 {yuan:,} 元",
    ),
    "rounded_cells_sep": ("; ", "；"),
    "note_status_back_unwritten": (
        "{count} listed project(s) move back along the pipeline (the first: {before} → {after}) — rows {rows}: a "
        "correction, or a slip? Once imported they are stored as the file gives them; check them.",
        "{count} 个项目的状态倒退（首个：{before} → {after}）——第 {rows} 行：是更正还是误填？导入后将按文件所列保存，"
        "请核对。",
    ),
    "note_status_revived_unwritten": (
        "{count} listed project(s) were cancelled and are listed again (the first: {before} → {after}) — rows "
        "{rows}: a project taken up again, or a slip? Once imported they are stored as the file gives them; "
        "check them.",
        "{count} 个已终止的项目再次列出（首个：{before} → {after}）——第 {rows} 行：是项目恢复，还是误填？"
        "导入后将按文件所列保存，请核对。",
    ),
    "import_notes_unwritten": (
        "Nothing was written. Once the problems are settled, the import will do as these notes say:",
        "未写入任何内容。问题解决后，导入将按以下说明进行：",
    ),
}
TINY_MONEY_MESSAGES = Catalogue("tiny_money_messages", _TINY_MONEY_MESSAGES)
