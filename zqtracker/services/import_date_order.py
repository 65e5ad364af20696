"""The order of a row's dates (signed, construction start, production), each at its precision (probe25b C08).

建设年限 2025-2026 gives a construction start of 2025 (the year, nothing finer): any day of 2025. Signed on
2025-02-10 it is not "before" it, as its first day 2025-01-01 would be — a date is before another only when
the whole of its period ends before the other's begins (2024 is before 2025-02-10; 2025-Q1 is not).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate, period_end
from zqtracker.domain.validation import _DATE_ORDER, MAX_TEXT
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import _DATES, SheetAnalysis, add_problem

PRECISIONS = tuple(f + "_precision" for f in _DATES)
CHECKED = (*MAX_TEXT, *_DATES, *PRECISIONS, "land_area_mu")  # the fields the row checks look at


def date_order_problems(plan: SheetPlan, sa: SheetAnalysis, ks: list[int], values: dict[str, Any]) -> None:
    """Rows of ``ks`` whose later date's period ends before the earlier date's begins: a problem of the row,
    each date shown at its precision. ``values``: field → column (the precisions' too, when known)."""
    for earlier, later in _DATE_ORDER:
        a, b = values[earlier], values[later]
        pa, pb = values.get(earlier + "_precision"), values.get(later + "_precision")
        for k in [k for k in ks if a[k] is not None and b[k] is not None and b[k] < a[k]]:  # (in order: no more)
            first, second = _fuzzy(a[k], pa[k] if pa is not None else None), _fuzzy(b[k], pb[k] if pb else None)
            if period_end(second.day, second.precision) >= first.day:
                continue
            said = {"value": second.iso(), "other": first.iso(), "other_field": earlier}
            add_problem(plan, k, sa, later, second.iso(), Problem("dates_out_of_order", later, said))


def _fuzzy(day: date, precision: DatePrecision | str | None) -> FuzzyDate:
    return FuzzyDate(day, DatePrecision(precision) if precision else DatePrecision.DAY)
