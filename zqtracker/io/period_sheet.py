"""A sheet's name against its 1–X月 header, when the title names no month (probe25c M4).

    sheet 10月, title 肇庆市高要区2025年重点项目进展情况表, header 1-9月累计完成投资（万元）

The name and the header name two months, and nothing else says which the report is: asked, as a name
against a title is (io/plan_rows.py, period_sheet_name); --period answers it. A sheet named 10月报 is
another matter: a month's report (报) is as often filed in the month after, about the month before — the
header's month is taken, and a note says so. A 10月 column beside 1-9月累计 (1–10月 of the two) agrees
with the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from zqtracker.domain.errors import Problem
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.sheet_context import sheet_month

# 10月报, 2025年10月报表, 10月份月报: the report of (or filed in) a month
_REPORT_NAME_RE = re.compile(r"^(?:(?:19|20|21)\d{2}\s*年)?\s*(\d{1,2})\s*月份?\s*(?:月?报表?|报告)$")


def name_against_header(layout: SheetLayout, name: str, figures: bool, ask: Callable[..., None]) -> list[Problem]:
    """``ask`` (the sheet's problem: row, code, field, value, letter, header, params) when a sheet named
    after a month holds a 1–X月 header of another; the note to give when a month's report (10月报) does.
    ``figures``: the sheet has any to import."""
    ytd = [c for c in layout.columns if c.field == "ytd" and c.header_month is not None]
    if not figures or not ytd:
        return []
    own = {c.month[1] for c in layout.columns if c.month is not None and c.field is not None}
    named = sheet_month(name)
    report = _REPORT_NAME_RE.match(re.sub(r"\s+", "", name))
    month = named if named is not None else int(report[1]) if report and 1 <= int(report[1]) <= 12 else None
    agrees = (c.header_month == month or ((c.header_month or 0) + 1 == month and month in own) for c in ytd)
    if month is None or any(agrees):
        return []
    c = ytd[0]
    year = c.year or layout.year
    said = {"named": month, "header_month": c.header_month, "year": year or "YYYY"}
    if named is not None:
        ask(layout.header_row + 1, "period_sheet_header", "amount", name, c.letter, c.header, **said)
        return []
    said = {**said, "sheet": layout.sheet, "column": c.letter, "header": c.header}
    return [Problem("note_period_report_sheet", None, said)]
