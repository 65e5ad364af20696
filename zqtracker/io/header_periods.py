"""What period a cumulative (累计) amount header names: this year's 1–X月, last year's same months
(去年1-10月累计, 上年同期累计), the start of construction, or a total through the end of a year.

Last year's year to date (同期) is what districts compare this year's with (同比): it is imported as the
year before's, with the same 1–X. A total through the end of last year (截至上年底累计, 开工至上年底)
is a since-start figure of December, never a year to date; a bare 上年累计 says neither: not imported.
"""

from __future__ import annotations

import re

IGNORED_PREFIX = "ignore:"
# 1-10月, 2024年1-10月, 2024年度 1—10月 (probe27h: 年度 had left the year out)
RANGE_MONTH_RE = re.compile(r"(?:((?:19|20|21)\d{2})\s*(?:年度?)?\s*)?1\s*[-~—–至]\s*(\d{1,2})\s*月")
SINCE_START = (
    "自开工", "自开始", "开工以来", "开工累计", "开工至今", "开工起", "建设以来", "since start", "sincestart"
)  # fmt: skip
LAST_YEAR = ("上年", "去年", "上一年", "上年度", "prior year", "previous year")
# "至2022年底累计完成投资", "截至2022年末", "2022年12月底累计": everything done through the end of a year
# (since the start, as of December of that year) — never this year's 1–X月.
YEAR_END_RE = re.compile(r"((?:19|20|21)\d{2})\s*年?\s*(?:底|末|终|12\s*月\s*(?:底|末|31日))")
_LAST_YEAR_END_RE = re.compile(r"(?:上|去)一?年度?\s*(?:底|末|终|12\s*月)")
# a sub-column that is last year's figure of its group: 去年同期 | 上年同期数 | 上年 | 同期 | 2024年同期
_LAST_YEAR_CHILD_RE = re.compile(
    r"^(?:(?:上|去)一?年度?|(?:19|20|21)\d{2}年度?)?同期(?:累计)?(?:完成)?(?:投资)?(?:额|数)?$"
    r"|^(?:上|去)一?年度?(?:完成)?(?:投资)?(?:额|数)?$"
)
# a comparison of the year to date with last year's (同比增长%, 比上年同期增加（万元）, 增幅): never a figure of either
_CHANGE_WORDS = ("增长", "增幅", "增速", "增减", "增加", "减少", "下降", "同比", "比上年", "比去年", "较上年", "较去年")
LAST_YTD = "ytd_last"  # last year's year to date through the same month: a field of its own
# "截至10月底累计完成投资", "截至2025年10月累计": everything done through a month — since the start, or this
# year's only? Without 本年 / 年初 / 1-10月 / 自开工 beside it nothing says (districts write it for both)
_AS_OF_TOTAL_RE = re.compile(
    r"(?:截至|截止|至)((?:19|20|21)\d{2}年)?(?:1[0-2]|0?[1-9])月份?(?:底|末)?(?:累计|累积)?(?:已)?(?:完成)?(?:投资)?(?:额|数)?"
)


def cumulative(key: str) -> tuple[str, int | None, int | None]:
    """What a cumulative amount column holds: ("ytd", year, last month) for 1–X月累计 (the year and
    month None when the title or unit line names the period: 累计完成投资 under "截至2023年10月"),
    ("ytd_last", None, month) for last year's same months, ("since_start", …) for 自开工累计,
    ("ignore:cumulative", …) for a total through last year."""
    if any(w in key for w in LAST_YEAR):
        if is_last_ytd(key):
            m = RANGE_MONTH_RE.search(key)
            return LAST_YTD, None, int(m[2]) if m else None
        return IGNORED_PREFIX + "cumulative", None, None
    if "上月" in key:  # 截至上月累计: last month's year to date, stored already
        return IGNORED_PREFIX + "last_month", None, None
    if any(w in key for w in SINCE_START):
        return "since_start", None, None
    m = YEAR_END_RE.search(key)
    if m and not RANGE_MONTH_RE.search(key):
        return "since_start", int(m[1]), 12
    m = RANGE_MONTH_RE.search(key)
    if m:
        return "ytd", int(m[1]) if m[1] else None, int(m[2])
    return "ytd", None, None


def as_of_total(key: str) -> bool:
    """截至10月底累计完成投资 (a folded header, its unit split off): a total through a month that says neither
    this year's nor since the start — not imported, said."""
    return _AS_OF_TOTAL_RE.fullmatch(key) is not None and ("累计" in key or "完成" in key)


def is_last_ytd(key: str) -> bool:
    """去年1-10月累计, 上年同期累计: last year's months 1–X — not 截至上年底 / 开工至上年底 (through its
    end, since the start) and not a bare 上年累计 (the whole year, or since the start?)."""
    if _LAST_YEAR_END_RE.search(key) or any(w in key for w in SINCE_START):
        return False
    return "同期" in key or RANGE_MONTH_RE.search(key) is not None


def is_last_year_child(child: str) -> bool:
    """A sub-column that is its group's figure for last year (去年同期, 上年, 同期)."""
    return _LAST_YEAR_CHILD_RE.match(child) is not None


def is_change(key: str) -> bool:
    """1-10月累计完成投资同比增长, 比上年同期增加（万元）: how the year to date compares with last year's."""
    return any(w in key for w in _CHANGE_WORDS)


def since_alone(key: str) -> bool:
    """开工以来累计, 自开工累计, 建设以来累计: the since-start total with no 完成 / 投资 beside it (probe37c)."""
    rest = key
    for word in SINCE_START:
        rest = rest.replace(word, "")
    return rest != key and rest.replace("累计", "").replace("累积", "") in ("", "自")
