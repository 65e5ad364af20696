"""Wording of the import's questions about which column holds a field, when two columns name it
(io/plan_shadow.py) — English and 简体中文; messages.py merges them in."""

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
}
COLUMN_MESSAGES = Catalogue("column_problems", _COLUMN_MESSAGES)
