"""Last year's year to date in this year's report (去年1-10月累计, 上年同期累计 under 1-10月累计, 2025年1-10月
in a 2026 report): the year before's completed investment, so that year-on-year growth (同比) works from the
first report a bureau imports.

Stored by the rule of this year's 1–X月 (domain/cumulative.py) as far as nothing stored says otherwise: no
month of that year stored → one figure covering 1–X (never spread); months before X stored → the difference,
as the months since the last of them; the same year to date stored → nothing. What is stored is never
rewritten from it: a year to date through X that differs from the one stored, or is below an earlier month's
or above a later month's, is a note with both figures; a month stored after X is only checked against it.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan, derive_from_ytd
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.io.header_periods import LAST_YTD
from zqtracker.io.quarter_rows import typed
from zqtracker.services.import_figures import last_year_periods, money_text, records_with, stored_records
from zqtracker.services.import_model import INVALID, SAME, UPDATE, Context, ImportAnalysis, SheetAnalysis, add_problem
from zqtracker.services.import_own_months import month_above_ytd

MAX_SHOWN = 12


def analyse_last_year(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, month_rows: dict) -> None:
    """Last year's years to date of one sheet → the records of that year to write, and the figures
    that disagree with what is stored (kept as stored, said in a note). ``month_rows``: (target, year,
    month) → (k, yuan) of the months this sheet gave — 2024年 over 10月 | 1-10月: the row's own October of
    that year, stored as given, leaves 1–9月 to the year to date (as this year's 当月 does)."""
    plan = sa.plan
    assert plan is not None
    periods = last_year_periods(sa)
    if not periods:
        return
    columns = {c.period: c for c in sa.layout.mapped() if c.field == LAST_YTD}
    factor = plan.factors.get(LAST_YTD) or 1
    made: dict[tuple[int, int], list[InvestmentRecord]] = {}  # this file's records of the years concerned
    years = {y for y, _m in periods}
    for target, y, m, yuan, _before, first in result.records:
        if y in years:
            made.setdefault((target, y), []).append(InvestmentRecord(target, y, m, yuan, first))
    for k, y, m, ytd in plan.ytd:
        target = sa.targets[k] if sa.targets else None
        if (y, m) not in periods or target is None or sa.status[k] == INVALID:
            continue
        info, row = columns[(y, m)], plan.row_numbers[k]
        stored = stored_records(ctx, target, y) if result.mode != "replace" else []
        ours = made.get((target, y), [])
        own = month_rows.get((target, y, m))
        if own is not None and own[0] == k and m > 1:  # the row's own month m of that year beside it
            if own[1] > ytd:
                problem = month_above_ytd(y, m, own[1], ytd, (plan.factors.get("amount") or 1, factor))
                add_problem(plan, k, sa, LAST_YTD, typed(ytd, factor), problem)
                sa.status[k] = INVALID
                continue
            ours = [r for r in ours if (r.month, r.amount) != (m, own[1])]
            m, ytd = m - 1, ytd - own[1]
        current = records_with(stored, ours) if ours else stored
        derived = derive_from_ytd(target, y, current, {m: ytd})
        if derived.problems or (derived.write and any(r.month >= m for r in current)):
            if ours:  # another row or sheet of this file gave that year's months: it disagrees with them
                problem = Problem("ytd_other_sheet", "amount", {"value": f"{y}-{m:02d}"})
                add_problem(plan, k, sa, LAST_YTD, typed(ytd, factor), problem)
                sa.status[k] = INVALID
            elif derived.problems or any(r.month == m for r in current):  # (X inside a later span: it fits)
                said = _disagreement(derived.problems[0].params if derived.problems else None, current, m)
                result.last_year_kept.append((sa.name, info.letter, info.header, row, y, m, ytd, *said, factor))
            continue
        written, same = sa.records.get(k, (0, 0))
        sa.records[k] = (written + len(derived.write), same if derived.write else same + 1)
        if not derived.write:
            continue
        if sa.status[k] == SAME:
            sa.status[k] = UPDATE
        before = {r.month: r.amount for r in stored}
        where = (sa.name, info.letter, info.header, row, y)
        for r in derived.write:
            result.records.append((target, y, r.month, r.amount, before.get(r.month), r.first_month))
            result.last_year.append((*where, r.first, r.month, r.amount, m, ytd, factor))
        made.setdefault((target, y), []).extend(derived.write)
        if derived.unreported:
            result.unreported.append((sa.name, row, y, derived.unreported))


def _disagreement(params: dict | None, current: list[InvestmentRecord], month: int) -> tuple[int, int]:
    """(month, year to date stored through it) that a last-year figure through ``month`` disagrees
    with: the earlier month's above it, the later month's below it, else its own month's."""
    if params is not None and "previous_month" in params:
        return params["previous_month"], params["previous"]
    if params is not None and "later_month" in params:
        return params["later_month"], params["later"]
    return month, sum(r.amount for r in current if r.month <= month)


def last_year_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """What the last-year columns wrote (per sheet and column, the first rows with their figures), and the
    rows whose figure was left out for what is stored."""
    notes = []
    written: dict[tuple[str, str, str], list[tuple]] = {}
    for sheet, letter, header, *rest in analysis.last_year:
        written.setdefault((sheet, letter, header), []).append(tuple(rest))
    for (sheet, letter, header), found in written.items():
        rows = [_written_row(*r, lang=lang) for r in found[:MAX_SHOWN]]
        params = {"sheet": sheet, "column": letter, "header": header, "year": found[0][1]}
        shown = "; ".join(rows) + (" …" if len(found) > MAX_SHOWN else "")
        notes.append(Problem("note_last_year_written", None, {**params, "count": len(found), "rows": shown}))
    kept: dict[tuple[str, str, str], list[tuple]] = {}
    for sheet, letter, header, *rest in analysis.last_year_kept:
        kept.setdefault((sheet, letter, header), []).append(tuple(rest))
    for (sheet, letter, header), found in kept.items():
        rows = []
        for row, y, m, ytd, stored_month, stored, factor in found[:MAX_SHOWN]:
            said = {"row": row, "span": MonthSpan(y, 1, m).label(lang, with_year=True)}
            said.update(value=money_text(ytd, factor, lang), stored=money_text(stored, factor, lang))
            said["stored_span"] = MonthSpan(y, 1, stored_month).label(lang, with_year=True)
            rows.append(Problem("note_last_year_kept_row", None, said).message(lang))
        params = {"sheet": sheet, "column": letter, "header": header, "count": len(found)}
        notes.append(Problem("note_last_year_kept", None, {**params, "rows": "; ".join(rows)}))
    return notes


def _written_row(row: int, y: int, first: int, month: int, amount: int, through: int, ytd: int, factor: int, *,
                 lang: str) -> str:  # fmt: skip
    said = {"row": row, "span": MonthSpan(y, first, month).label(lang, with_year=True)}
    said["amount"] = money_text(amount, factor, lang)
    if first == 1:
        return Problem("note_last_year_row", None, said).message(lang)
    said.update(ytd_span=MonthSpan(y, 1, through).label(lang), ytd=money_text(ytd, factor, lang))
    said.update(stored=money_text(ytd - amount, factor, lang), stored_span=MonthSpan(y, 1, first - 1).label(lang))
    return Problem("note_last_year_row_rest", None, said).message(lang)
