"""Completed-investment columns near in meaning, told apart by the columns beside them (probe37c).

- 累计完成投资 beside 本年完成投资 (or 1-10月完成, 本年累计): the bare 累计 is the figure since the start of
  construction, never this year's year to date taken over the column that says "this year" — whichever comes
  first. Beside a since-start column of its own as well, nothing says what it is: not imported, said.
- 开工累计完成投资 | 其中：本年完成 on a one-row header: the 其中 column is this year's year to date, no part
  of the since-start figure to be dropped.
- 1-10月完成 | 上年同期 (or 去年同期) on a one-row header: last year's figure of the same months, as it is
  read under a merged 完成投资 group. Beside 本年完成投资, whose months only the title names, it stays said.
"""

from __future__ import annotations

import itertools
import re

from zqtracker.io.header_periods import LAST_YTD, RANGE_MONTH_RE
from zqtracker.io.headers import IGNORED_PREFIX, HeaderMatch, header_candidates, split_unit
from zqtracker.io.layout_model import ColumnInfo, SheetLayout
from zqtracker.io.values import fold

_PART_RE = re.compile(r"^其中\s*[:：,，、]?\s*")
_THIS_YEAR = ("本年", "今年", "当年", "年初", "自年初")
SINCE_OR_YTD = IGNORED_PREFIX + "since_or_ytd"


def _words(info: ColumnInfo) -> str:
    """The column's own words, folded, without its unit or a leading 其中."""
    return _PART_RE.sub("", fold(split_unit(info.header.rpartition(" / ")[2])[0]))


def _top(info: ColumnInfo) -> HeaderMatch | None:
    return info.candidates[0] if info.candidates else None


def _this_year(info: ColumnInfo, year: int | None) -> bool:
    """本年完成投资, 1-10月完成, 本年累计, 2026年完成投资 in a 2026 report: this year's year to date by its words."""
    top = _top(info)
    if top is None or top.field != "ytd":
        return False
    if top.year is not None:
        return year is not None and top.year == year
    words = _words(info)
    return RANGE_MONTH_RE.search(words) is not None or words.startswith(_THIS_YEAR)


def _bare_cumulative(info: ColumnInfo) -> bool:
    """累计完成投资, 累计完成, 累计投资 on a one-row header: a total that names no period at all."""
    top = _top(info)
    if " / " in info.header or top is None or top.field != "ytd" or top.month is not None or top.year is not None:
        return False
    words = _words(info)
    return "累计" in words and not words.startswith(_THIS_YEAR) and RANGE_MONTH_RE.search(words) is None


def settle(layout: SheetLayout) -> None:
    """Before each field goes to a column (io/field_choice.py): the bare 累计 beside this year's figure, and
    上年同期 right after a 1–X月 column, read for what the columns beside them say."""
    columns = layout.columns
    if any(c.candidates and c.candidates[0].field == "month" for c in columns):
        return  # a long sheet's 累计完成投资: the year to date through each row's month
    this_year = next((c for c in columns if _this_year(c, layout.year)), None)
    if this_year is not None:
        since = any(c.candidates and c.candidates[0].field == "since_start" for c in columns)
        for info in columns:
            if _bare_cumulative(info):
                bare = info.candidates[0]
                field = SINCE_OR_YTD if since else "since_start"
                info.candidates = (HeaderMatch(field, bare.quality, bare.unit, None, bare.currency),)
                info.since_beside = "" if since else f"{this_year.letter} “{this_year.header}”"  # (said: a note)
    for left, right in itertools.pairwise(columns):
        top = _top(right)
        if (
            right.index == left.index + 1
            and " / " not in right.header
            and top is not None
            and top.field == IGNORED_PREFIX + "same_period"
            and _this_year(left, layout.year)
            and left.candidates[0].month is not None  # (本年完成投资 | 上年同期: the month's, or the year's? said)
        ):
            year, month = left.candidates[0].year, left.candidates[0].month
            right.candidates = (HeaderMatch(LAST_YTD, 3, top.unit, year - 1 if year else None, month=month),)


def year_of_since(info: ColumnInfo, whole: ColumnInfo) -> bool:
    """其中：本年完成 right of 开工累计完成投资 (or of a bare 累计完成投资): this year's year to date, read as such
    (True) — not a part of the total on its left."""
    if whole.field != "since_start" and not (whole.field == "ytd" and _bare_cumulative(whole)):
        return False
    own = header_candidates(_PART_RE.sub("", fold(info.header)))
    if not own or own[0].field != "ytd" or own[0].month is not None:
        return False
    info.field, info.quality, info.candidates, info.note = "ytd", 3, own, ""
    info.unit = own[0].unit or info.unit
    return True
