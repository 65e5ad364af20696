"""Wording for a month re-sent with its 当月 and 1–X月累计 that disagree with the months stored before it
(services/import_resent.py), and for a district group row whose count is not its rows' (io/group_counts.py).
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_WHAT_EN = (
    "If the stored months 1–{prev} are wrong, import the corrected report of months 1–{prev} first (or correct them "
    "in the project's detail pane), then this file again; if one of this row's two figures is wrong, correct it and "
    "import again, or take the other alone: {how}"
)
_WHAT_ZH = (
    "如已存的 1–{prev}月有误，请先导入更正后的 1–{prev}月报表（或在项目详情中更正），再导入本文件；"
    "如本行两个数中有一个有误，请更正后重新导入，或只导入另一个数：{how}"
)
# (the columns named: the month's 当月 {own_letter} “{own_header}”, the year to date's {ytd_letter} “{ytd_header}”;
# {own_key} and {ytd_key} are what --map takes for them: the header, or the letter of one with spaces in it)
_ONE_ALONE = Ways(
    app=(
        "click the header of the column that is wrong and choose “Not imported”",
        "单击有误一列的表头，选“不导入”",
    ),
    cli=(
        "leave the month's column out with --map {own_key}=none (the month is then worked out from months 1–{month}), "
        "or the year to date's with --map {ytd_key}=none (the month is then added to the stored months 1–{prev})",
        "用 --map {own_key}=none 不导入当月列（当月数按 1–{month}月累计推算），"
        "或用 --map {ytd_key}=none 不导入累计列（当月数接在已存的 1–{prev}月之后）",
    ),
)
_GIVES_EN = (
    "{project}: this row gives {value} for {year}-{month:02d} (column {own_letter} “{own_header}”) and {ytd} for "
    "months 1–{month} (column {ytd_letter} “{ytd_header}”), which leaves {file_before} for months 1–{prev}; but "
    "{before} is stored for months 1–{prev}"
)
_GIVES_ZH = (
    "{project}：本行填报 {year}年{month}月当月 {value}（{own_letter} 列“{own_header}”）、1–{month}月累计 {ytd}"
    "（{ytd_letter} 列“{ytd_header}”），相减得 1–{prev}月 {file_before}；但已存 1–{prev}月为 {before}"
)
_RESENT_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "resent_month_disagree": (
        _GIVES_EN + " (and {stored} for {year}-{month:02d}), so a corrected month and year to date must differ by "
        "{before}. " + _WHAT_EN,
        _GIVES_ZH + "（{year}年{month}月已存 {stored}），更正后的当月数与累计数之差应为 {before}。" + _WHAT_ZH,
        _ONE_ALONE,
    ),
    "month_disagree_stored": (_GIVES_EN + ". " + _WHAT_EN, _GIVES_ZH + "。" + _WHAT_ZH, _ONE_ALONE),
    "note_group_count": (
        "Sheet “{sheet}”, row {row}: the group row “{text}” says {count} project(s), but {found} row(s) are under it "
        "(rows {rows}). They were imported as they are; check that none is missing or listed under another group "
        "(or that the count is out of date).",
        "工作表“{sheet}”第 {row} 行：分组行“{text}”注 {count} 个项目，其下实为 {found} 行（第 {rows} 行）。"
        "各行已照常导入；请核实是否漏报或归错分组（或所注个数未更新）。",
    ),
}
RESENT_MESSAGES = Catalogue("resent_messages", _RESENT_MESSAGES)
