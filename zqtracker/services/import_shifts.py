"""A month corrected under months stored after it: the years to date through those later months move.

A district re-sends March's 当月 (577万, not the 1,077万 typed) after April came in as 1–4月累计: March is
rewritten, April's own amount — worked out from 1–4月 minus the old 1–3月 — is not, so the year to date
through April is no longer the 1–4月 the district reported. The records do not say which later months
came from a year to date, so nothing is re-derived on a guess; the import says which projects' later
years to date move, from what to what, and how to put them right (import that later report again: its
1–X月 is derived afresh from the corrected months).
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan, ytd_points
from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.money import Unit
from zqtracker.services.import_figures import money_text, records_with, stored_records
from zqtracker.services.import_model import Context, ImportAnalysis

MAX_SHOWN = 12


def ytd_shifts(result: ImportAnalysis, ctx: Context) -> list[tuple[str, int, int, int, int]]:
    """(project — its code and name, year, month, year to date stored, after the import) of the first stored
    month after the months this import writes whose year to date the import changes without rewriting
    that month, per project and year."""
    if not ctx.investment or not result.records:  # (a first import of a city's months: nothing stored)
        return []
    written: dict[tuple[int, int], list[InvestmentRecord]] = {}
    for target, y, m, yuan, _before, first in result.records:
        if target > 0:
            written.setdefault((target, y), []).append(InvestmentRecord(target, y, m, yuan, first))
    found = []
    for (pid, y), newer in written.items():
        stored = stored_records(ctx, pid, y)
        last = max(r.month for r in newer)
        later = [r.month for r in stored if r.month > last]
        if not later:
            continue
        month = min(later)
        before, after = _through(ytd_points(stored), month), _through(ytd_points(records_with(stored, newer)), month)
        if before != after:
            row = ctx.rows.get(pid)
            code, name = (ctx.codec.value(row, "code"), ctx.codec.value(row, "name")) if row else (None, str(pid))
            found.append((f"{code} {name}" if code else name, y, month, before, after))
    return found


def _through(points: dict[int, int], month: int) -> int:
    """The year to date through ``month`` of ytd_points' {month: year to date}."""
    return max(((m, v) for m, v in points.items() if m <= month), default=(0, 0))[1]


def shift_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note naming the projects whose later years to date move (the first twelve, with figures)."""
    if not analysis.shifted:
        return []
    shown = []
    for who, y, m, before, after in analysis.shifted[:MAX_SHOWN]:
        span = MonthSpan(y, 1, m).label(lang, with_year=True)
        figures = f"{money_text(before, Unit.WAN.factor, lang)} → {money_text(after, Unit.WAN.factor, lang)}"
        shown.append(f"{who}{'：' if lang == 'zh' else ': '}{span} {figures}")
    return [Problem("note_ytd_shifted", None, {"count": len(analysis.shifted), "projects": "; ".join(shown)})]
