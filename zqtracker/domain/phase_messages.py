"""Wording for a project's phases or cost breakdown written under it without a 序号 (一期工程 / 二期工程, 土建工程 /
设备购置, io/phase_rows.py), and for a district row whose figures equal both the rows above it and those under it
(io/subtotal_side.py).
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_PHASE_MESSAGES: dict[str, tuple[str, str]] = {
    "note_phase_rows": (
        "Sheet “{sheet}”: {count} row(s) without a 序号 under a project ({names}; rows {rows}) are its phases, "
        "parts or cost breakdown — their figures add up to the project's — and were not imported as projects.",
        "工作表“{sheet}”：项目下方 {count} 行未编序号（{names}；第 {rows} 行）为该项目的分期、分项或投资构成（其数额"
        "之和等于该项目），不作为项目导入。",
    ),
    "phase_rows_sums": (
        "the rows under this project without a 序号 ({names}; rows {rows}) are named as its phases, parts or cost "
        "breakdown, but their figures do not add up to the project's: its parts with a figure wrong or missing, or "
        "projects of their own? Correct the figures, or give each project its 序号 and full name",
        "本项目下方未编序号的行（{names}；第 {rows} 行）按名称是其分期、分项或投资构成，但数额之和不等于本项目：是数额"
        "有误或缺漏的分项，还是独立项目？请更正数额，或为各项目填写序号和全称",
    ),
    "part_without_project": (
        "the row is named {value}, a phase or cost item of a project rather than a project of its own, and no "
        "project row right above it takes it: which project is it part of? Give it the project's full name (and its "
        "序号), or delete the row if its figures are counted in its project's row",
        "该行名称为“{value}”，是某个项目的分期或投资构成，而非独立项目，且其正上方没有它所属的项目行：它属于哪个项目？"
        "请填写项目全称（及序号），如其数额已计入所属项目行，请删除该行",
    ),
    "place_row_both_ways": (
        "the row names a place alone ({value}) with figures equal both to the rows above it (rows {above}) and to "
        "those under it (rows {below}): the subtotal of the projects above it, or the heading of those under "
        "it? Give the projects their district in a column of their own, or delete the row",
        "该行只写了地名（{value}），其数额既等于其上各行（第 {above} 行）之和，也等于其下各行（第 {below} 行）之和："
        "是上方项目的小计，还是下方项目的标题？请在单独一列填写各项目的区域，或删除该行",
    ),
}
PHASE_MESSAGES = Catalogue("phase_messages", _PHASE_MESSAGES)
