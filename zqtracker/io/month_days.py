"""Dates written without a year — 签约时间 "3月15日", "4月8日", "7月" — in a list whose title says its year
("肇庆高新区2026年招商引资签约项目情况表"): read in that year, as a month header without one is (io/month_years.py).

They had each been refused as "'3月15日' is not a date", which said nothing of the year it lacked (probe36a).
The year is the list's own (layout.year: the title, a header, the sheet's name, the workbook's other sheets,
else the file's name — io/period_file.py), never guessed across years; a note per column lists the dates so
read and names where the year came from, and another lists those that fall after the list's own period
(12月20日 in a 1–10月 list: a date planned, or one of another year?), read all the same. With no year anywhere,
each such cell stays its row's problem, saying to write the year — not merely that it is no date.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DATE_FIELDS
from zqtracker.io.dates import DAY, MONTH
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.values import year_in

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_MONTH_DAY_RE = re.compile(r"(\d{1,2})\s*月份?\s*(?:(\d{1,2})\s*[日号]?)?")
_SHOWN = 12  # cells listed in a note; the count says the rest


def month_day(value: object) -> tuple[int, int | None] | None:
    """(month, day or None) of a cell that is a date without a year ("3月15日", "4月8号", "7月"), else None."""
    m = _MONTH_DAY_RE.fullmatch(unicodedata.normalize("NFKC", str(value)).strip())
    if m is None or not 1 <= int(m[1]) <= 12:
        return None
    return int(m[1]), int(m[2]) if m[2] else None


def _is_month_day(p: CellProblem) -> bool:
    return p.problem.code == "bad_date" and p.problem.field in DATE_FIELDS and month_day(p.value) is not None


def read_month_days(plan: SheetPlan, layout: SheetLayout) -> None:
    """The date cells refused for lacking a year: read in the list's year, out of their rows' problems, and
    said in notes; with no year known, their problems say to write it."""
    read: dict[tuple[str, str], list[tuple[CellProblem, date]]] = {}  # (column, header) → cells read
    for k in [k for k, ps in plan.problems.items() if any(map(_is_month_day, ps))]:
        kept: list[CellProblem] = []
        for p in plan.problems[k]:
            said = month_day(p.value) if _is_month_day(p) else None
            if said is None:
                kept.append(p)
                continue
            if layout.year is None:
                kept.append(replace(p, problem=Problem("date_without_year", p.problem.field, {"value": p.value})))
                continue
            try:
                when = date(layout.year, said[0], said[1] or 1)
            except ValueError:  # 2月30日: no date in any year
                kept.append(p)
                continue
            field = p.problem.field or ""
            plan.values[field][k] = when
            plan.values.setdefault(field + "_precision", [None] * len(plan))[k] = DAY if said[1] else MONTH
            read.setdefault((p.column, p.header), []).append((p, when))
        if kept:
            plan.problems[k] = kept
        else:
            del plan.problems[k]
    source, text = _year_source(layout)
    for (column, header), cells in read.items():
        cells.sort(key=lambda c: c[0].row)
        where = {"sheet": layout.sheet, "column": column, "header": header, "year": layout.year}
        shown = _shown([p for p, _when in cells])
        plan.notes.append(Problem(f"note_month_day_{source}", None, {**where, **shown, "text": text}))
        later = [p for p, when in cells if _after_period(layout, when)]
        if later:
            year, month = layout.period
            period = f"{year}年1–{month}月"
            plan.notes.append(Problem("note_month_day_later", None, {**where, **_shown(later), "period": period}))


def _shown(cells: list[CellProblem]) -> dict[str, object]:
    listed = [f"{p.column}{p.row} {str(p.value).strip()}" for p in cells]
    return {"count": len(listed), "cells": ", ".join(listed[:_SHOWN]) + (", …" if len(listed) > _SHOWN else "")}


def _after_period(layout: SheetLayout, when: date) -> bool:
    """A date after the last day of the list's own period (its title's 1–10月, 截至10月底)."""
    year, month = layout.period
    if year != layout.year or month is None or year is None:
        return False
    return when > date(year, month, calendar.monthrange(year, month)[1])


def _year_source(layout: SheetLayout) -> tuple[str, str]:
    """Where the list's year came from: ("user", ""), ("title", the title), ("sheet", its name), ("file", the
    file's name), or ("other", "") — a header, a line above the table, the workbook's other sheets."""
    if layout.period_said:
        return "user", ""
    title = next((t for t in layout.titles if year_in(t) == layout.year), None)
    if title is not None:
        return "title", title
    if year_in(layout.sheet) == layout.year:
        return "sheet", layout.sheet
    if layout.period_file and year_in(layout.period_file) == layout.year:
        return "file", layout.period_file
    return "other", ""
