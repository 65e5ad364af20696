"""A report's own 同比增长% held against the two years to date it gives beside it (1-10月累计 and
去年1-10月累计): (this − last) / last × 100. A percentage the two figures do not give — beyond the rounding of
the decimals the cell shows — means one of the three cells is wrong; the import says which rows, with all
three figures, and writes the figures as given (the percentage itself is never stored)."""

from __future__ import annotations

import math
import re

from zqtracker.domain.errors import Problem
from zqtracker.io.header_periods import IGNORED_PREFIX, is_change
from zqtracker.io.values import fold
from zqtracker.services.import_figures import last_year_periods, money_text
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.stats.figures import yoy_pct

MAX_SHOWN = 12
_NUMBER_RE = re.compile(r"^([+-]?\d+(?:\.(\d+))?)\s*[%％]?$")


def check_growth(result: ImportAnalysis, sa: SheetAnalysis) -> None:
    """Each row's 同比增长% against its years to date of this year and last (the file's own figures)."""
    plan = sa.plan
    assert plan is not None
    last = last_year_periods(sa)
    columns = [c for c in sa.layout.columns if c.field == IGNORED_PREFIX + "percent" and is_change(fold(c.header))]
    if not last or len(columns) != 1:  # (two growth columns: which compares what is not told)
        return
    column, j = columns[0], columns[0].index - sa.raw.col_offset
    figures: dict[int, dict[tuple[int, int], int]] = {}
    for k, y, m, ytd in plan.ytd:
        figures.setdefault(k, {})[(y, m)] = ytd
    for k, given in figures.items():
        pairs = ((given[y + 1, m], v) for (y, m), v in given.items() if (y, m) in last and (y + 1, m) in given)
        pair = next(pairs, None)  # (this year's 1–X, last year's 1–X)
        row = sa.raw.rows[plan.data_rows[k]]
        said = _percent(row[j]) if 0 <= j < len(row) else None
        if pair is None or said is None or pair[1] <= 0:
            continue
        value, places = said
        computed = (pair[0] - pair[1]) * 100 / pair[1]
        tolerance = 0.5 * 10 ** -min(places, 6) + 1e-9  # (0.30000000000000004 is 0.3)
        if abs(value - computed) > tolerance and abs(value * 100 - computed) > tolerance * 100:
            factor = plan.factors.get("ytd") or 1
            where = (sa.name, column.letter, column.header, plan.row_numbers[k])
            result.growth.append((*where, value, *pair, factor))


def _percent(cell: object) -> tuple[float, int] | None:
    """(the percentage a cell gives, the decimals it shows): 30, "30%", "28.1", 0.281 (a percent format)."""
    if isinstance(cell, bool) or cell is None or (isinstance(cell, float) and not math.isfinite(cell)):
        return None
    if isinstance(cell, int | float):
        text = repr(float(cell)).rstrip("0").rstrip(".") if float(cell) != int(cell) else str(int(cell))
    else:
        text = fold(str(cell))
    m = _NUMBER_RE.match(text)
    return (float(m[1]), len(m[2] or "")) if m else None


def growth_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note per growth column whose percentages disagree with the years to date beside them."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for sheet, letter, header, row, value, this, last, factor in analysis.growth:
        said = {"row": row, "value": f"{value:g}%", "computed": f"{yoy_pct(this, last)}%"}
        said.update(ytd=money_text(this, factor, lang), last=money_text(last, factor, lang))
        groups.setdefault((sheet, letter, header), []).append(Problem("note_growth_row", None, said).message(lang))
    return [
        Problem(
            "note_growth_disagrees",
            None,
            {"sheet": s, "column": c, "header": h, "count": len(rows), "rows": "; ".join(rows[:MAX_SHOWN])},
        )
        for (s, c, h), rows in groups.items()
    ]
