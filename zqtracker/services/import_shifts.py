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


def ytd_shifts(result: ImportAnalysis, ctx: Context) -> list[tuple[str, int, list[tuple[int, int, int]]]]:
    """(project — its code and name, year, [(month, year to date stored, after the import)]) of the first
    and the last stored month after the months this import writes whose year to date the import changes
    without rewriting that month, per project and year (the months between move alike)."""
    if not ctx.investment or not result.records:  # (a first import of a city's months: nothing stored)
        return []
    written: dict[tuple[int, int], list[InvestmentRecord]] = {}
    for target, y, m, yuan, _before, first in result.records:
        if target > 0:
            written.setdefault((target, y), []).append(InvestmentRecord(target, y, m, yuan, first))
    found = []
    names: dict[int, str] = {}
    for (pid, y), newer in written.items():
        stored = stored_records(ctx, pid, y)
        last = max(r.month for r in newer)
        later = sorted({r.month for r in stored if r.month > last})
        if not later:
            continue
        old, new = ytd_points(stored), ytd_points(records_with(stored, newer))
        moved = [(m, _through(old, m), _through(new, m)) for m in dict.fromkeys((later[0], later[-1]))]
        if moved[0][1] != moved[0][2]:
            found.append((project_label(ctx, pid, names), y, moved))
    return found


def project_label(ctx: Context, pid: int, names: dict[int, str]) -> str:
    """The project's code and name as stored: from its row when the import fetched it, else from the
    identities every import holds (a sheet of months alone fetches no row; ``names`` is made of them
    once) — never our row id."""
    row = ctx.rows.get(pid)
    if row is not None:
        code, name = ctx.codec.value(row, "code"), ctx.codec.value(row, "name")
    else:
        if not names:
            names.update({p: n for (n, _district), p in ctx.by_name.items()})
        code, name = ctx.code_of.get(pid), names.get(pid)
    return " ".join(str(v) for v in (code, name) if v) or str(pid)


def _through(points: dict[int, int], month: int) -> int:
    """The year to date through ``month`` of ytd_points' {month: year to date}."""
    return max(((m, v) for m, v in points.items() if m <= month), default=(0, 0))[1]


def shift_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note naming the projects whose later years to date move (the first twelve, with figures: the
    first month after the correction and, when later months are stored too, the last)."""
    if not analysis.shifted:
        return []
    shown = []
    for who, y, moved in analysis.shifted[:MAX_SHOWN]:
        figures = [
            f"{MonthSpan(y, 1, m).label(lang, with_year=True)} "
            f"{money_text(before, Unit.WAN.factor, lang)} → {money_text(after, Unit.WAN.factor, lang)}"
            for m, before, after in moved
        ]
        shown.append(f"{who}{'：' if lang == 'zh' else ': '}{' … '.join(figures)}")
    return [Problem("note_ytd_shifted", None, {"count": len(analysis.shifted), "projects": "; ".join(shown)})]
