"""A district's report older than the figures stored (September's imported after October's): its
figures are imported, but the project's current state is not rolled back to what it said then."""

from __future__ import annotations

from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.io.row_ranges import runs_text
from zqtracker.services.import_figures import last_year_periods
from zqtracker.services.import_model import Context, ImportAnalysis, SheetAnalysis
from zqtracker.services.import_views import OF_THE_MONTH

# Besides the month's own text (OF_THE_MONTH, never written back), what a later report may have revised
# — the sector, planned total, investor … — is not put back to what the older report said; it only fills
# what is stored blank. The code, name and district are matching's (a move is a question of its own).
_NEVER_BACK = frozenset(PROJECT_FIELDS) - {"code", "name", "district", "since_start"} | {"planned_foreign"}


def older_reports(
    result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, ks: list[int], diffs: dict[int, dict[str, Any]]
) -> None:
    """Take out of ``diffs`` what a row of an older report would roll back: September's report
    imported after October's leaves 形象进度, the stage and remarks as October's said them, and the
    sector, planned investment and other fields October's revised (its figures are imported all the
    same). A row reports the latest (year, month) its 1–X月累计 and month columns give — with the rows
    of other sheets that repeat it — else the sheet's period; it is older when the project's completed
    investment is stored for a later month."""
    rows = [k for k in ks if not _NEVER_BACK.isdisjoint(diffs.get(k, ()))]
    if not rows or not (ctx.investment or ctx.later):
        return
    plan = sa.plan
    assert plan is not None
    reported: dict[tuple[int, int], tuple[int, int]] = {}  # (sheet, k) → the latest (year, month) given
    for i, other in enumerate(result.sheets):
        if other.selected and other.plan is not None:
            last = last_year_periods(other)  # 去年1-10月累计 beside this year's: not what the row reports
            for k, y, m, _v in (*other.plan.ytd, *other.plan.months):
                key = other.views.get(k, (i, k))
                if y is not None and key[0] == index and reported.get(key, (0, 0)) < (y, m) and (y, m) not in last:
                    reported[key] = (y, m)
    year, month = sa.layout.period
    sheet_period = (year, month) if year and month else None
    targets = {sa.targets[k] for k in rows}
    # project → the latest month its completed investment is stored for (a later year's too: 2024's after 2025's)
    latest = {pid: ctx.later[pid] for pid in targets if pid in ctx.later}
    for pid, y, m in ctx.investment:
        if pid in targets and latest.get(pid, (0, 0)) < (y, m):
            latest[pid] = (y, m)
    for k in rows:
        through, stored = reported.get((index, k), sheet_period), latest.get(sa.targets[k])  # type: ignore[arg-type]
        if through is None or stored is None or through >= stored:
            continue
        changed, before = diffs[k], ctx.rows[sa.targets[k]]  # type: ignore[index]
        kept = tuple(
            f
            for f in (*PROJECT_FIELDS, "planned_foreign")
            if f in changed and (f in OF_THE_MONTH or (f in _NEVER_BACK and ctx.codec.value(before, f) is not None))
        )
        if not kept:  # only blanks filled: nothing rolled back
            continue
        for f in kept:
            del changed[f]
        if not changed:
            del diffs[k]
        result.older.append((sa.name, plan.row_numbers[k], through, stored, kept))


def older_notes(analysis: ImportAnalysis) -> list[Problem]:
    """The rows older_reports left as stored, one note per sheet and month reported."""
    groups: dict[tuple[str, tuple[int, int]], list[tuple[int, tuple[int, int]]]] = {}
    for sheet, row, through, stored, _kept in analysis.older:
        groups.setdefault((sheet, through), []).append((row, stored))
    notes = []
    for (sheet, (y, m)), found in groups.items():
        params = {
            "sheet": sheet,
            "rows": runs_text(r for r, _s in found),
            "through": f"{y}-{m:02d}",
            "stored": ", ".join(f"{sy}-{sm:02d}" for sy, sm in sorted({s for _r, s in found})),
        }
        notes.append(Problem("note_older_report", None, params))
    return notes
