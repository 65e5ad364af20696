"""Wording for a district's subtotal row in a long list that names the district in the district column
too (端州区 | 端州区 | its sums): read as a subtotal when its figures are that district's, asked about
when they are not. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_SUBTOTAL_MESSAGES: dict[str, tuple[str, str]] = {
    "note_district_sums": (
        "Sheet “{sheet}”: rows naming a district alone ({names}) hold the sums of that district's rows: read "
        "as subtotals, not projects.",
        "工作表“{sheet}”：仅写区域名称的行（{names}）为该区域各行之和，按小计读取（不是项目）。",
    ),
    "place_row_sums": (
        "the row names a place alone ({value}) with figures that add up neither the rows under it, nor those "
        "above it, nor all that district's rows: a district's subtotal, or a project? Give the project its full "
        "name, or delete the row",
        "该行只写了地名（{value}），其数额既不等于其下各行之和，也不等于其上各行之和，也不等于该区域全部各行之和："
        "是区域小计还是项目？如是项目请填写项目全称，否则请删除该行",
    ),
}
SUBTOTAL_MESSAGES = Catalogue("subtotal_problems", _SUBTOTAL_MESSAGES)
