"""Wording for a month re-sent with its 当月 and 1–X月累计 that disagree with the months stored before it
(services/import_resent.py), and for a district group row whose count is not its rows' (io/group_counts.py).
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_WHAT_EN = (
    "If the stored months 1–{prev} are wrong, import the corrected report of months 1–{prev} first (or correct them "
    "in the project's detail pane), then this file again; if one of this row's two figures is wrong, correct it, "
    "then import again"
)
_WHAT_ZH = (
    "如已存的 1–{prev}月有误，请先导入更正后的 1–{prev}月报表（或在项目详情中更正），再导入本文件；"
    "如本行两个数中有一个有误，请更正后重新导入"
)
_RESENT_MESSAGES: dict[str, tuple[str, str]] = {
    "resent_month_disagree": (
        "{project}: this row gives {value} for {year}-{month:02d} and {ytd} for months 1–{month}, which leaves "
        "{file_before} for months 1–{prev}; but {before} is stored for months 1–{prev} (and {stored} for "
        "{year}-{month:02d}), so a corrected month and year to date must differ by {before}. " + _WHAT_EN,
        "{project}：本行填报 {year}年{month}月当月 {value}、1–{month}月累计 {ytd}，相减得 1–{prev}月 {file_before}；"
        "但已存 1–{prev}月为 {before}（{year}年{month}月已存 {stored}），更正后的当月数与累计数之差应为 {before}。"
        + _WHAT_ZH,
    ),
    "month_disagree_stored": (
        "{project}: this row gives {value} for {year}-{month:02d} and {ytd} for months 1–{month}, which leaves "
        "{file_before} for months 1–{prev}; but {before} is stored for months 1–{prev}. " + _WHAT_EN,
        "{project}：本行填报 {year}年{month}月当月 {value}、1–{month}月累计 {ytd}，相减得 1–{prev}月 {file_before}；"
        "但已存 1–{prev}月为 {before}。" + _WHAT_ZH,
    ),
    "note_group_count": (
        "Sheet “{sheet}”, row {row}: the group row “{text}” says {count} project(s), but {found} row(s) are under it "
        "(rows {rows}). They were imported as they are; check that none is missing or listed under another group "
        "(or that the count is out of date).",
        "工作表“{sheet}”第 {row} 行：分组行“{text}”注 {count} 个项目，其下实为 {found} 行（第 {rows} 行）。"
        "各行已照常导入；请核实是否漏报或归错分组（或所注个数未更新）。",
    ),
}
RESENT_MESSAGES = Catalogue("resent_messages", _RESENT_MESSAGES)
