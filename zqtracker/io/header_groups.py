"""Sub-columns under a group header of completed investment, as monthly reports draw them:

    1-9月完成投资            本年完成投资                  完成投资            1～9月
    完成投资 | 占年度计划%    本月 | 自年初累计 | 占年计划%    当月 | 1-9月累计     完成投资 | 到位资金

A sub-column's own words decide what it holds when they say it (本月 / 当月: the month's own
amount; 自年初累计, 累计, 1-9月累计: the year to date; 开工累计: since the start; 到位资金: funds in
place, not investment; 去年同期: the group's figure for last year); a generic 完成投资 under a
cumulative group is the group's figure (its period: "1-9月" over "完成投资" is the year to date
through September, never September alone).
io/header_rows.py asks here first; None leaves the column to the usual reading of its words.

    完成投资                                   完成投资
    1-10月 | 上年同期                           本年1-10月 | 上年1-10月

上年同期 under a plain 完成投资 (投资完成情况) beside the group's year to date (1-10月), or right after it beside a
month (10月 | 1-10月 | 上年同期; a 同比% between them too), is last year's figure of that year to date (probe27h,
fix28q): last year's 1–10月, as 上年同期 under 1-10月累计 is (:func:`settle_last_year`) — never this year's.
"""

from __future__ import annotations

import re

from zqtracker.io.header_periods import LAST_YTD, is_last_year_child
from zqtracker.io.headers import IGNORED_PREFIX, TARGET_WORDS, HeaderMatch, header_candidates, split_unit
from zqtracker.io.layout_model import ColumnInfo
from zqtracker.io.values import fold, month_header, year_in

_OWN_WORDS = ("", "完成", "完成投资", "投资", "实际完成", "实际完成投资")
_OWN_MONTH = frozenset(f"{when}{what}" for when in ("本月", "当月") for what in _OWN_WORDS)
_TO_DATE_RE = re.compile(
    r"^(?:自年初|年初至今|年初以来|本年|今年|当年)?累计(?:完成)?(?:投资)?(?:额)?$|^(?:年初至今|自年初)$"
)
_SINCE = ("自开工", "开工累计", "开工以来", "开工至今", "建设以来")
_GENERIC = frozenset(("完成投资", "完成", "完成额", "投资额", "金额", "实际完成", "完成投资额", "投资", "实际完成投资"))
_FUNDS = ("到位资金", "资金到位", "到位")
_PERCENT = IGNORED_PREFIX + "percent"


def group_child(parent: str, child: str) -> tuple[HeaderMatch, ...] | None:
    """What sub-column ``child`` under group header ``parent`` holds, when the group is completed
    investment and the pair says more than either alone; None otherwise."""
    p, c = fold(split_unit(parent)[0]), fold(split_unit(child)[0])
    found = header_candidates(parent)  # (1-9月完成投资, 1～9月, 2024年1-9月: a year to date through 9)
    field = found[0].field if found else None
    if _is_target(found[0] if found else None, parent, c):  # 1-10月 over 计划 | 完成: the 计划 is no 完成
        return (HeaderMatch(IGNORED_PREFIX + "target", 3),)
    cumulative = field in ("ytd", "since_start") or "累计" in p
    if not (cumulative or field == "amount" or "完成" in p):
        return None
    if c in _OWN_MONTH:
        return header_candidates("本月完成投资")
    if is_last_year_child(c):  # 去年同期 under 1-10月累计: last year's 1–10月; under 当月: last year's month
        return _last_year(found[0] if found else None, p, split_unit(child)[1] or split_unit(parent)[1])
    own = header_candidates(child)
    if own and own[0].field == "ytd" and own[0].month is not None:  # 1-9月累计 under 完成投资
        return own
    month = _month_to_date(c) if any(w in p for w in ("累计", "截至", "截止")) else None
    if month is not None:  # 8月 | 9月 | 10月 under 累计完成投资: each the year to date through its month
        if any(w in p for w in _SINCE):
            return (HeaderMatch(IGNORED_PREFIX + "cumulative", 4),)  # since the start, as of each month
        year = month[0] or year_in(p)
        return header_candidates(f"{year or ''}{'年' if year else ''}1-{month[1]}月累计完成投资")
    if any(w in c for w in _SINCE) or (c in _GENERIC and any(w in p for w in _SINCE)):
        return header_candidates("自开工累计完成投资")
    if _TO_DATE_RE.match(c) or (c in _GENERIC and cumulative):
        if field == "ytd" or (field == "since_start" and c in _GENERIC):
            return found  # 1-9月完成投资 / 本年完成投资 / 自开工累计 over 完成投资: the group's own figure
        combined = header_candidates(p + c) if c in _GENERIC else ()
        if combined:  # 开工至上一年度底累计 over 完成投资: what the two say together (not this year's)
            return combined
        return header_candidates("本年累计完成投资")
    if any(w in c for w in _FUNDS):
        return (HeaderMatch(IGNORED_PREFIX + "funds", 3),)
    return None


def _is_target(group: HeaderMatch | None, parent: str, child: str) -> bool:
    """计划 (计划投资, 目标) under a group naming months (1-10月, 10月): what was to be done by then — never the
    completed figure its 完成 beside it holds, nor the project's planned total investment."""
    months = (group is not None and group.field == "ytd" and group.month is not None) or month_header(parent, None)
    if not months or not any(w in child for w in TARGET_WORDS):
        return False
    own = header_candidates(child)
    return not own or own[0].field == "planned_investment"


def _month_to_date(child: str) -> tuple[int | None, int] | None:
    """The month a sub-column under a cumulative group names (8月, 2025年8月, 截至8月, 8月底, 8月末):
    (year or None, month), or None."""
    text = re.sub(r"^(?:截至|截止|至)", "", child)
    text = re.sub(r"(?:底|末)$", "", text)
    return month_header(text, None)


def _last_year(group: HeaderMatch | None, parent: str, unit: int | None) -> tuple[HeaderMatch, ...]:
    """去年同期 under a group: last year's year to date through the group's month when the group is a
    year to date (1-10月累计, 本年累计: the month then the report's), last year's own month under 当月 /
    本月 (not imported: said so), and under anything else (自开工累计) nothing that can be told."""
    if group is not None and group.field == "ytd" and not any(w in parent for w in ("当月", "本月")):
        year = group.year - 1 if group.year else None
        return (HeaderMatch(LAST_YTD, 3, unit, year, group.currency, None, 0, False, group.month),)
    plain = group is None and "完成" in parent and not any(w in parent for w in (*_SINCE, "计划"))  # 投资完成情况
    if (group is not None and group.field == "amount") or plain or any(w in parent for w in ("当月", "本月")):
        return (HeaderMatch(IGNORED_PREFIX + "last_year_month", 3),)  # settled beside a year to date below
    return (HeaderMatch(IGNORED_PREFIX + "same_period", 3),)


def settle_last_year(columns: list[ColumnInfo]) -> None:
    """上年同期 under a plain group (完成投资, read as last year's month by :func:`_last_year`) beside one year to date
    of the group (1-10月, 2025年1-10月, 本年累计) and no month's own amount: last year's year to date through the same
    month — also beside a month when it stands right after the year to date (10月 | 1-10月 | 上年同期: districts put
    同期 after the figure it compares). After the month (10月 | 上年同期 | 1-10月), or beside two years to date,
    nothing says whose it is: left as it was."""
    for info in columns:
        group = info.header.rpartition(" / ")[0]
        if info.field != IGNORED_PREFIX + "last_year_month" or any(w in group for w in ("当月", "本月")):
            continue
        siblings = [c for c in columns if c is not info and c.header.rpartition(" / ")[0] == group]
        ytd = [c.candidates[0] for c in siblings if c.field == "ytd" and c.candidates]
        before = [c for c in siblings if c.index < info.index and c.field != _PERCENT]  # (同比% between: the pair's)
        left = max(before, key=lambda c: c.index, default=None)
        after_ytd = left is not None and left.field == "ytd"  # 10月 | 1-10月 | 上年同期: the 1-10月's (fix28q)
        if len(ytd) != 1 or (
            not after_ytd and any(c.month is not None or c.field in ("amount", "since_start") for c in siblings)
        ):
            continue
        year = ytd[0].year - 1 if ytd[0].year else None  # (none named: the year before the report's)
        found = HeaderMatch(LAST_YTD, 3, info.unit, year, ytd[0].currency, None, 0, False, ytd[0].month)
        info.field, info.quality, info.candidates = LAST_YTD, 3, (found,)
