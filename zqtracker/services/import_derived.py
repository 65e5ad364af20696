"""The months a row's year to date writes (probe34b F6): a district file giving only 1-10月累计 stores
October's own amount — the year to date less the stored 1–9月 — and the preview shows that figure before
Import. Read from the analysis' records (what the import writes), never worked out a second time."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.services.import_model import INVALID, ImportAnalysis, SheetAnalysis


@dataclass(frozen=True, slots=True)
class DerivedMonth:
    column: int | None  # the sheet's column (ColumnInfo.index) holding the year to date; None: not found
    year: int
    first: int  # the first month the record covers (1–10月 as one record: none stored before it)
    month: int
    amount: int  # yuan written
    ytd: int  # the year to date it comes from, yuan


def derived_months(analysis: ImportAnalysis, sa: SheetAnalysis) -> dict[int, list[DerivedMonth]]:
    """Data row k → the records its years to date write (a month the row gives its own amount for is no
    derived one: that amount is written as given)."""
    plan = sa.plan
    if plan is None or not plan.ytd or not sa.targets:
        return {}
    written = {(r[0], r[1], r[2]): r for r in analysis.records}
    own = {(k, y, m) for k, y, m, _yuan in plan.months}
    mapped = sa.layout.mapped()
    out: dict[int, list[DerivedMonth]] = {}
    for k, y, m, ytd in plan.ytd:
        target = sa.targets[k]
        record = written.get((target, y, m)) if target is not None else None
        if record is None or sa.status[k] == INVALID or (k, y, m) in own:
            continue
        column = next((c for c in mapped if c.field in ("ytd", "ytd_last") and c.period == (y, m)), None)
        column = column or next((c for c in mapped if c.field == "ytd" and c.period is None), None)
        first = record[5] or m
        out.setdefault(k, []).append(DerivedMonth(column.index if column else None, y, first, m, record[3], ytd))
    return out
