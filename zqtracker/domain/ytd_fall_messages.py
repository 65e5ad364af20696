"""Wording for a row's year to date against the months stored before it, said as what happened (probe40a):
a 1–X月 below the year to date on record for the month before (a downward correction, said first and plainly,
its way on never a --map that only leads to the next refusal), and a 当月 with its 1–X月 after months never
reported whose figures leave less than nothing for them (September imported before August). Each names the
project and the columns, and gives the figures as the sheet shows them and to the yuan
(services/import_ytd_fall.py).
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_ON_RECORD_EN = (
    "is below the {before} on record for months 1–{prev}: a year to date cannot fall, so either the stored months "
    "1–{prev} or this figure is wrong"
)
_ON_RECORD_ZH = "小于已存的 1–{prev}月累计 {before}：累计数不会减少，已存的 1–{prev}月与本行累计数必有一个有误"
_STORED_HIGH_EN = (
    "If the stored months 1–{prev} are too high, import the corrected report of months 1–{prev} first (or correct "
    "them in the project's detail pane), then this file again; if this row's year to date is wrong, correct it and "
    "import again"
)
_STORED_HIGH_ZH = (
    "如已存的 1–{prev}月偏高，请先导入更正后的 1–{prev}月报表（或在项目详情中更正），再导入本文件；"
    "如本行累计数有误，请更正后重新导入"
)
_YTD_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    # the row gives the month's own amount (当月) too: dropping it would only lead to ytd_below_stored
    "ytd_below_stored_month": (
        "{project}: the year to date {ytd} for months 1–{month} (column {ytd_letter} “{ytd_header}”) "
        + _ON_RECORD_EN
        + ". The row also gives {value} for {year}-{month:02d} alone, in column {own_letter} “{own_header}”. "
        + _STORED_HIGH_EN
        + ", or {how}",
        "{project}：本行 1–{month}月累计（{ytd_letter} 列“{ytd_header}”）{ytd}"
        + _ON_RECORD_ZH
        + "。本行另在 {own_letter} 列“{own_header}”填 {year}年{month}月当月 {value}。"
        + _STORED_HIGH_ZH
        + "，或{how}",
        Ways(
            app=(
                "leave it out: click the header of column {ytd_letter} and choose “Not imported” (the month's "
                "{value} is then added to the stored months 1–{prev})",
                "不导入累计列：单击 {ytd_letter} 列表头，选“不导入”（当月 {value}接在已存的 1–{prev}月之后）",
            ),
            cli=(
                "leave it out with --map {ytd_key}=none (the month's {value} is then added to the stored months "
                "1–{prev})",
                "用 --map {ytd_key}=none 不导入累计列（当月 {value}接在已存的 1–{prev}月之后）",
            ),
        ),
    ),
    # the year to date alone (no 当月 column, or it was left out)
    "ytd_below_stored": (
        "{project}: the year to date {ytd} for months 1–{month} " + _ON_RECORD_EN + ". " + _STORED_HIGH_EN,
        "{project}：1–{month}月累计 {ytd}" + _ON_RECORD_ZH + "。" + _STORED_HIGH_ZH,
    ),
    # an earlier month's report above the year to date on record for a later month (probe40a's left-over)
    "ytd_above_stored_later": (
        "{project}: the year to date {ytd} for months 1–{month} is above the {later} on record for months "
        "1–{later_month}: a year to date cannot fall, so either this figure or the stored months 1–{later_month} is "
        "wrong. If this row's year to date is wrong, correct it and import again; if the stored months "
        "1–{later_month} are too low, import their corrected report first (or correct them in the project's detail "
        "pane), then this file again",
        "{project}：1–{month}月累计 {ytd}大于已存的 1–{later_month}月累计 {later}：累计数不会减少，本行累计数与"
        "已存的 1–{later_month}月必有一个有误。如本行累计数有误，请更正后重新导入；如已存的 1–{later_month}月偏低，"
        "请先导入更正后的 1–{later_month}月报表（或在项目详情中更正），再导入本文件",
    ),
    # below a year to date the file itself gives for an earlier month (another column or sheet of it)
    "ytd_below_earlier": (
        "{project}: the year to date {ytd} through {year}-{month:02d} is below the year to date {before} through "
        "{year}-{prev:02d}",
        "{project}：{year}年1–{month}月累计 {ytd}小于1–{prev}月累计 {before}",
    ),
    # September's 当月 and 1–9月 after a stored 1–7月, August never reported: they leave less than nothing for it
    "month_gap_disagree_stored": (
        "{project}: this row gives {value} for {year}-{month:02d} alone (column {own_letter} “{own_header}”) and "
        "{ytd} for months 1–{month} (column {ytd_letter} “{ytd_header}”). What is stored is {before} for months "
        "1–{prev}; {gap} {year} was never reported, and the two figures would leave {derived} for it, less than "
        "nothing. If {gap} {year}'s report is at hand, import it first, then this file again; if one of this row's "
        "two figures is wrong, correct it and import again, or take the other alone: {how}",
        "{project}：本行只填报 {year}年{month}月当月（{own_letter} 列“{own_header}”）{value}和 1–{month}月累计"
        "（{ytd_letter} 列“{ytd_header}”）{ytd}。已存的是 1–{prev}月 {before}；{year}年{gap}从未填报，照这两个数，"
        "{gap}应为 {derived}，小于零。如有 {year}年{gap}的报表，请先导入，再导入本文件；如本行两个数中有一个有误，"
        "请更正后重新导入，或只导入另一个数：{how}",
        Ways(
            app=(
                "click the header of the column that is wrong and choose “Not imported”",
                "单击有误一列的表头，选“不导入”",
            ),
            cli=(
                "leave the month's column out with --map {own_key}=none (months {first}–{month} are then stored as "
                "one figure, {span}), or the year to date's with --map {ytd_key}=none ({year}-{month:02d} is then "
                "stored as {value}, and {gap} stays unreported)",
                "用 --map {own_key}=none 不导入当月列（{first}–{month}月按累计推算，记为一笔 {span}），"
                "或用 --map {ytd_key}=none 不导入累计列（{year}年{month}月记为 {value}，{gap}仍未填报）",
            ),
        ),
    ),
}
YTD_FALL_MESSAGES = Catalogue("ytd_fall_messages", _YTD_MESSAGES)
