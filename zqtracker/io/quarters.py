"""Completed investment of a quarter, or of any run of months not from January (fix28q).

    肇庆市高要区2025年前三季度重点项目完成投资情况表
    完成投资（万元）
    一季度 | 二季度 | 三季度 | 1-9月累计          (or 第一季度…, Q1…Q4, 1-3月 | 4-6月 | 7-9月, 4—6月完成投资)

Each such cell is the amount of months first..last of the year as one figure — a span, as a first 1–X月累计
is stored (domain/models.py InvestmentRecord.first_month). Read so:

- the first quarter (一季度, Q1: months 1–3) is the year to date through March, as 1-3月累计 is, and a quarter
  right after a year to date the row knows (1-3月 or 一季度 before 二季度; 1-6月累计 before 三季度) continues
  it: 二季度 is the year to date through June less the one through March. Such a chain from January is read
  as the row's years to date (SheetPlan.ytd), which the import turns into records exactly as it does a
  district's 1–X月累计, nothing counted twice — except that a quarter whose months are stored on their own
  must add up to them (SheetPlan.chained; services/import_spans.py), never moving the last month's figure.
  A year to date the row gives further on (1-9月累计) goes back the same way (1-9月 less 三季度 is the year to
  date through June);
- a quarter whose months before it nothing in the row gives (二季度 | 三季度 alone) stays a span of its own
  (SheetPlan.spans), stored as one record over its months, or checked against the months stored for it
  (services/import_spans.py);
- the row's quarters and its year to date must agree (一季度 + 二季度 + 三季度 = 1-9月累计): where they do not,
  the row says so with both figures, and nothing of it is imported.

A quarter under 计划 / 目标 (a quarterly target) or 上年 / 同期 is no completed figure of this year: not read here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetAmount
from zqtracker.io.errors import CellProblem
from zqtracker.io.header_periods import LAST_YEAR, SINCE_START
from zqtracker.io.headers import HeaderMatch, header_candidates, split_unit
from zqtracker.io.layout_model import SPAN, ColumnInfo, SheetLayout
from zqtracker.io.quarter_rows import quarters_beside_months, typed
from zqtracker.io.values import fold, year_in

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:((?:19|20|21)\d{2})年度?)?"
_QUARTER_RE = re.compile(rf"^{_YEAR}(?:第)?([一二三四1-4])季度?$|^{_YEAR}q([1-4])$")
_RUN_RE = re.compile(rf"^{_YEAR}(\d{{1,2}})月?[-~—–至到]+(\d{{1,2}})月份?$")
_DONE = ("实际完成投资", "完成投资额", "投资完成额", "完成投资", "实际完成", "完成额", "完成")
_NOT_DONE = ("计划", "目标", "任务", "累计", *LAST_YEAR, "同期", *SINCE_START)


def _months(words: str) -> tuple[int | None, int, int] | None:
    """(year or None, first, last) of 二季度 / 第二季度 / Q2 / 2025年二季度 / 4-6月 / 4—6月; None for anything else
    (1-6月 is a year to date, read as today: io/header_periods.py)."""
    m = _QUARTER_RE.match(words)
    if m:
        year, q = (m[1], m[2]) if m[2] else (m[3], m[4])
        last = _CN[q] * 3
        return (int(year) if year else None), last - 2, last
    m = _RUN_RE.match(words)
    if m and 1 < int(m[2]) < int(m[3]) <= 12:
        return (int(m[1]) if m[1] else None), int(m[2]), int(m[3])
    return None


def _own_words(text: str) -> str:
    """The words of a header cell without its unit, a leading 其中 and a trailing 完成投资 (二季度完成投资)."""
    words = re.sub(r"^其中[:：,，、]?", "", fold(split_unit(text)[0]))
    for suffix in _DONE:
        if words.endswith(suffix) and len(words) > len(suffix):
            return words[: -len(suffix)]
    return words


def _completed(parent: str) -> bool:
    """A group header naming this year's completed investment (完成投资, 2025年完成投资, 1-9月完成投资)."""
    p = fold(split_unit(parent)[0])
    found = header_candidates(parent)
    return bool(found) and found[0].field in ("amount", "ytd") and not any(w in p for w in _NOT_DONE)


def quarter_column(c: int, shown: str, parent: str, child: str) -> ColumnInfo | None:
    """Column ``c`` as months first..last of a year (二季度 under 完成投资; 4—6月完成投资 alone), or None."""
    if child:
        said = _months(_own_words(child)) if _completed(parent) else None
        year, bare = year_in(parent), False
    else:
        words = fold(split_unit(parent)[0])
        said = _months(_own_words(parent)) if any(words.endswith(w) for w in _DONE) else None
        bare = said is None and _QUARTER_RE.match(words) is not None  # 二季度 alone: read beside months only
        said, year = _months(words) if bare else said, None
    if said is None:
        return None
    quality = 2 if bare else 3
    info = ColumnInfo(c, shown, SPAN, quality, split_unit(child)[1] if child else None)
    info.candidates = (HeaderMatch(SPAN, quality),)
    info.unit = info.unit or split_unit(parent)[1]
    info.year, info.first_month, info.header_month = said[0] or year, said[1], said[2]
    return info


def quarter_period(info: ColumnInfo, year: int | None, has_month: bool) -> None:
    """The year of a quarter column whose header names none: the report's (the title's), else not read. A
    quarter named alone (二季度, no 完成投资 over or in it: quality 2) is a completed figure only beside month
    columns (4月 | 5月 | 6月 | 二季度); else it stays a column not known, as before."""
    y = info.year or year
    if info.quality < 3 and not has_month:
        info.field, info.note, info.candidates = None, "unknown", ()
    elif y is None:
        info.field, info.note = "ignore:span_no_year", ""
    else:
        info.period = (y, info.header_month or 12)


def quarter_months(layout: SheetLayout) -> set[int]:
    """The last months the sheet's quarter columns name (三季度: 9): a title of 1-9月 over them agrees."""
    return {c.header_month for c in layout.mapped() if c.field == SPAN and c.header_month}


def chain_quarters(plan: SheetPlan, layout: SheetLayout, sheet: str) -> None:
    """Each row's quarters from January, and those joined to a year to date it gives, as years to date
    (plan.ytd); the rest stay spans (plan.spans); a row whose quarters and year to date disagree is a problem
    of its row, naming both (module docstring)."""
    if not plan.spans:
        return
    by_row: dict[int, list[tuple[int, int, int, int]]] = {}
    for k, y, first, last, yuan in plan.spans:
        by_row.setdefault(k, []).append((y, first, last, yuan))
    points: dict[int, dict[tuple[int, int], int]] = {}
    for k, y, m, yuan in plan.ytd:
        points.setdefault(k, {})[(y, m)] = yuan
    given = {k: dict(p) for k, p in points.items()}
    kept: list[tuple[int, int, int, int, int]] = []
    added: list[tuple[int, int, int, int]] = []
    chained: list[tuple[int, int, int, int, int]] = []
    bad: set[int] = set()  # rows whose quarters and year to date disagree: none of their figures read
    for k, spans in by_row.items():
        known = points.setdefault(k, {})
        left = sorted(spans, key=lambda s: s[1])
        changed = True
        while changed and left:
            changed = False
            for span in list(left):
                y, first, last, yuan = span
                before = 0 if first == 1 else known.get((y, first - 1))
                if before is not None and (y, last) in known and known[(y, last)] != before + yuan:
                    _differs(plan, layout, sheet, k, span, before, known[(y, last)])
                    bad.add(k)
                    left, changed = [], False
                    break
                if before is not None:
                    known[(y, last)] = before + yuan
                elif (y, last) in known:
                    known[(y, first - 1)] = known[(y, last)] - yuan
                else:
                    continue
                left.remove(span)
                chained.append((k, *span))
                changed = True
        if k in bad:
            continue
        kept += [(k, *s) for s in left]
        added += [(k, y, m, v) for (y, m), v in sorted(known.items()) if (y, m) not in given.get(k, {})]
    plan.spans, plan.chained = kept, [c for c in chained if c[0] not in bad]
    if plan.chained and SPAN in plan.factors:  # years to date from quarters: said in the quarters' unit
        plan.factors.setdefault("ytd", plan.factors[SPAN])
    plan.ytd = [p for p in plan.ytd if p[0] not in bad] + added
    quarters_beside_months(plan, layout, sheet)  # 4月 | 5月 | 6月 | 二季度 in one row (io/quarter_rows.py)


def _differs(plan: SheetPlan, layout: SheetLayout, sheet: str, k: int, span: tuple, before: int, ytd: int) -> None:
    """The row's quarters give one year to date, its 1–X月累计 (or the quarters the other way round) another."""
    y, first, last, yuan = span
    col = next((c for c in layout.mapped() if c.field == SPAN and c.first_month == first), None)
    ends = [c for c in layout.mapped() if c.period == (y, last) and c.field in ("ytd", SPAN)]
    other = next((c for c in ends if c.field == "ytd"), ends[0] if ends else None)
    own, whole = plan.factors.get(SPAN) or 1, plan.factors.get("ytd") or 1  # as the sheet writes them
    params: dict[str, object] = {"year": y, "first": first, "last": last, "ytd": SheetAmount(ytd, whole)}
    params |= {"value": SheetAmount(yuan, own), "before": SheetAmount(before, own)}
    params["sum"] = SheetAmount(before + yuan, own)
    params |= {"column": other.letter if other else "?", "header": other.header if other else ""}
    problem = Problem("quarters_ytd_differ", "amount", params)
    where = (sheet, plan.row_numbers[k], col.letter if col else "", col.header if col else "")
    plan.add_problem(k, CellProblem(*where, typed(yuan, own), problem))
