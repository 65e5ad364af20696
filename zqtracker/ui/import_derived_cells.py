"""The preview's year-to-date cells with the month they write (probe34b F6): "8366 → 10月 923万元（由累计推算）",
the tooltip saying it is the year to date less the months stored before it. The figures are the analysis'
(services/import_derived.py): what Import will write, never worked out again here."""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.money_format import SheetAmount
from zqtracker.services.import_derived import DerivedMonth
from zqtracker.services.import_model import SheetAnalysis


def derived_cells(
    sheet: SheetAnalysis, derived: dict[int, list[DerivedMonth]], words: dict[str, str], lang: str
) -> dict[tuple[int, int], tuple[str, str]]:
    """(preview row, sheet column from the first shown) → (what follows the cell's value, its tooltip).
    ``words``: "derived" ("%1 %2 (from the year to date)") and "derived_tip" (%1 the span, %2 the amount,
    %3 the year to date, %4 its months)."""
    plan = sheet.plan
    if plan is None:
        return {}
    factor = plan.factors.get("ytd") or 1  # amounts as the column writes them (万元)
    cells: dict[tuple[int, int], tuple[str, str]] = {}
    for k, months in derived.items():
        for d in months:
            if d.column is None:
                continue
            span = MonthSpan(d.year, d.first, d.month).label(lang)
            amount = SheetAmount(d.amount, factor).label(lang)
            text = words["derived"].replace("%1", span).replace("%2", amount)
            tip = (
                words["derived_tip"]
                .replace("%1", MonthSpan(d.year, d.first, d.month).label(lang, with_year=True))
                .replace("%2", amount)
                .replace("%3", SheetAmount(d.ytd, factor).label(lang))
                .replace("%4", MonthSpan(d.year, 1, d.month).label(lang))
            )
            key = (plan.data_rows[k], d.column - sheet.raw.col_offset)
            before = cells.get(key)
            cells[key] = (f"{before[0]}; {text}", f"{before[1]}\n{tip}") if before else (text, tip)
    return cells
