"""Wording of the import's questions about which column holds a field, when two columns name it
(io/plan_shadow.py) or when a group's sub-columns are parts and none says it is the whole (io/header_parts.py)
— English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_COLUMN_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "planned_in_two_columns": (
        "columns {column} “{header}” and {other} “{other_header}” both name the total investment, but they "
        "disagree — row {row} gives {value} ({yuan:,} yuan) in {column} and {other_value} ({other_yuan:,} yuan) "
        "in {other}: which column is the planned investment? {how}",
        "{column} 列“{header}”与 {other} 列“{other_header}”都是总投资，但两列不一致——第 {row} 行 {column} 列为 "
        "{value}（{yuan:,} 元），{other} 列为 {other_value}（{other_yuan:,} 元）：哪一列是计划总投资？{how}",
        Ways(
            app=(
                "Click the header of the column that holds it in the table and choose “Planned investment” (the "
                "other is then not imported)",
                "请单击表格中该列的表头，选“计划总投资”（另一列随即不导入）",
            ),
            cli=(
                'Say which with --map "{column}=planned_investment" or --map "{other}=planned_investment" (the '
                "other is then not imported), and import again",
                '请用 --map "{column}=planned_investment" 或 --map "{other}=planned_investment" 说明'
                "（另一列随即不导入）后重新导入",
            ),
        ),
    ),
    "plan_over_planned": (
        "the {year} annual plan, {value:,} yuan, is more than ten times the project's planned investment "
        "({planned:,} yuan) — typed in another unit than the column's (yuan in a 万元 column, say)? Correct it, "
        "then import again",
        "{year}年度计划投资 {value:,} 元，超过该项目计划总投资（{planned:,} 元）的十倍——是否按其他单位填写"
        "（如在万元列中填了元）？请更正后重新导入",
    ),
    "parts_without_total": (
        "columns {columns} under the group header “{value}” each name a part of its figure, and no column beside "
        "them gives the whole (小计 or 合计): a part is never stored as the whole, so none of them is imported until "
        "you say which, if any, holds the total. {how}",
        "分组表头“{value}”下的 {columns} 列均为该数额的分项，且同组没有合计列（小计或合计）：分项不能当作全数保存，"
        "在您说明哪一列是合计（如有）之前，这些列均不导入。{how}",
        Ways(
            app=(
                "If one of them is the group's total, click its header in the table and choose the field it holds "
                "(the others are then parts, not imported); if none is, choose “not imported” for each",
                "如其中一列为该组合计，请单击表格中该列的表头并选择其字段（其余列作为分项不导入）；"
                "如均不是，请把各列都设为“不导入”",
            ),
            cli=(
                'If one of them is the group\'s total, say which with --map "COLUMN={field}" (--map "{column}={field}" '
                "for column {column}; the others are then parts, not imported); if none is, import none of them: "
                "{none}; then import again",
                '如其中一列为该组合计，请用 --map "列={field}" 说明（如 {column} 列：--map "{column}={field}"；'
                "其余列作为分项不导入）；如均不是，请用 {none} 全部不导入；然后重新导入",
            ),
        ),
    ),
}
COLUMN_MESSAGES = Catalogue("column_problems", _COLUMN_MESSAGES)
