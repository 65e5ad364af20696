"""Wording of the import's notes that ask the user something — a new row with a stored project's name, status
words nobody taught zqtracker, a column in another currency or without a unit — English and 简体中文. What to
answer is said where the note is read (domain/words.py's :class:`Ways`): in the dialog's questions, or with the
command line's flags. Kept apart from import_messages.py, which is full; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_QUESTION_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "note_foreign_column": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: its amounts are in {currency}, and zqtracker "
        "never stores them as yuan ({how}).",
        "工作表“{sheet}”：{column} 列“{header}”未导入：其金额为{currency}，zqtracker 不会把它当作人民币保存（{how}）。",
        Ways(
            app=(
                "where the currency is named, give its rate above the table (“Rate for …”) to import them in yuan",
                "如币种明确，可在表格上方“…汇率”处填写汇率，折算为人民币导入",
            ),
            cli=(
                "to import them in yuan, give the rate, e.g. --rate USD=7.10; if they are yuan after all, say so "
                "with --unit",
                "如需折算为人民币导入，请给出汇率，如 --rate USD=7.10；如实为人民币，请用 --unit 指定单位",
            ),
        ),
    ),
    "note_foreign_duplicate": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: its amounts are in {currency}, and column "
        "{other} “{other_header}” gives the same figure in yuan, which is imported.",
        "工作表“{sheet}”：{column} 列“{header}”未导入：其金额为{currency}，同一数额已由 {other} 列“{other_header}”"
        "以人民币给出并导入。",
    ),
    "note_unitless_english": (
        "Sheet “{sheet}”: column {column} “{header}” is not imported: a list written in English whose amounts state "
        "no unit or currency is not in yuan as far as zqtracker can tell, and it never stores them as yuan "
        "unless you say so ({how}).",
        "工作表“{sheet}”：{column} 列“{header}”未导入：英文清单的金额未注明单位和币种，不能视为人民币；"
        "如确为人民币，请{how}。",
        Ways(
            app=(
                "choose their unit above the table: “Amounts without a unit: choose…”",
                "在表格上方“无单位的金额：请选择单位…”处选择单位",
            ),
            cli=("--unit yuan, wan or yi", "用 --unit yuan、wan 或 yi 指定单位"),
        ),
    ),
    "note_candidates": (
        "Sheet “{sheet}”, row {row}: “{name}” is new, but a stored project has the same or a near name: {others}. "
        "If they are the same project, {how}.",
        "工作表“{sheet}”第 {row} 行：“{name}”为新项目，但已有名称相同或相近的项目：{others}。如为同一项目，{how}。",
        Ways(
            app=(
                "choose “the same as …” in the row's question above the table",
                "请在表格上方该行的问题中选“即 ……”",
            ),
            cli=("link them with --link {row}=CODE", "请用 --link {row}=编号 关联"),
        ),
    ),
    "note_unknown_statuses": (
        "Sheet “{sheet}”, column {column}: status words zqtracker does not know: {words}; say what each means "
        "(one of: {statuses}) {how}.",
        "工作表“{sheet}”{column} 列：无法识别的状态词：{words}；请{how}说明其含义（可选：{statuses}）。",
        Ways(
            app=("in the questions above the table", "在表格上方的问题中"),
            cli=('with --status-map "WORD=STATUS"', '用 --status-map "词=状态"'),
        ),
    ),
}
QUESTION_MESSAGES = Catalogue("question_problems", _QUESTION_MESSAGES)
