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
# — the name (a --link onto the renamed project), district, code, sector, planned total, investor … — is
# not put back to what the older report said; it only fills what is stored blank. 自开工累计 is kept when
# the stored one is as of a later month; the year's annual plan by OlderPlans below.
_NEVER_BACK = frozenset(PROJECT_FIELDS) - {"since_start"} | {"planned_foreign"}
_LOOKED_AT = _NEVER_BACK | {"since_start"}


def older_reports(
    result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, ks: list[int], diffs: dict[int, dict[str, Any]]
) -> None:
    """Take out of ``diffs`` what a row of an older report would roll back: September's report
    imported after October's leaves 形象进度, the stage and remarks as October's said them, and the
    sector, planned investment and other fields October's revised (its figures are imported all the
    same). A row reports the latest (year, month) its 1–X月累计 and month columns give — with the rows
    of other sheets that repeat it — else the sheet's period; it is older when the project's completed
    investment is stored for a later month."""
    rows = [k for k in ks if not _LOOKED_AT.isdisjoint(diffs.get(k, ()))]
    if not rows or not (ctx.investment or ctx.later):
        return
    plan = sa.plan
    assert plan is not None
    reported = _reported(result, index)
    year, month = sa.layout.period
    sheet_period = (year, month) if year and month else None
    targets = {sa.targets[k] for k in rows}
    # project → the latest month its completed investment is stored for (a later year's too: 2024's after 2025's)
    latest = {pid: ctx.later[pid] for pid in targets if pid in ctx.later}
    for pid, y, m in ctx.investment:
        if pid in targets and latest.get(pid, (0, 0)) < (y, m):
            latest[pid] = (y, m)
    for k in rows:
        through, stored = reported.get(k, sheet_period), latest.get(sa.targets[k])  # type: ignore[arg-type]
        if through is None or stored is None or through >= stored:
            continue
        changed, before = diffs[k], ctx.rows[sa.targets[k]]  # type: ignore[index]
        kept = tuple(
            f
            for f in (*PROJECT_FIELDS, "planned_foreign", "since_start")
            if f in changed and (f in OF_THE_MONTH or _kept(f, ctx.codec.value(before, f), changed[f]))
        )
        if not kept:  # only blanks filled: nothing rolled back
            continue
        for f in kept:
            del changed[f]
        if not changed:
            del diffs[k]
        result.older.append((sa.name, plan.row_numbers[k], through, stored, kept))


def _kept(f: str, stored: Any, given: Any) -> bool:
    """A field a later report gave, not put back: anything stored but blanks, and a 自开工累计 as of a
    later month than the older report's."""
    if f == "since_start":
        return stored is not None and tuple(stored[1:]) > tuple(given[1:])
    return f in _NEVER_BACK and stored is not None


def _reported(result: ImportAnalysis, index: int) -> dict[int, tuple[int, int]]:
    """Row of sheet ``index`` → the latest (year, month) its 1–X月累计 and month columns give, with the
    rows of other sheets that repeat it."""
    reported: dict[int, tuple[int, int]] = {}
    for i, other in enumerate(result.sheets):
        if other.selected and other.plan is not None:
            last = last_year_periods(other)  # 去年1-10月累计 beside this year's: not what the row reports
            for k, y, m, _v in (*other.plan.ytd, *other.plan.months):
                key = other.views.get(k, (i, k))
                if y is not None and key[0] == index and reported.get(key[1], (0, 0)) < (y, m) and (y, m) not in last:
                    reported[key[1]] = (y, m)
    return reported


class OlderPlans:
    """A stored annual plan that a row reporting an older month than the project's completed investment
    stored for that year would change (April's 8,000万 after October's revised 6,000万): kept, and the
    row said in the older report's note. A blank plan is filled as before."""

    def __init__(self, result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context) -> None:
        self.result, self.index, self.sa, self.ctx = result, index, sa, ctx
        self.reported: dict[int, tuple[int, int]] | None = None
        self.latest: dict[tuple[int, int], int] | None = None  # (project, year) → its latest month stored

    def keeps(self, k: int, target: int, year: int, before: int | None) -> bool:
        if before is None or target <= 0 or not self.ctx.investment:
            return False
        if self.latest is None:
            self.latest = {}
            for pid, y, m in self.ctx.investment:  # (project, year) → its latest month
                if self.latest.get((pid, y), 0) < m:
                    self.latest[(pid, y)] = m
        stored = self.latest.get((target, year))
        if stored is None:
            return False
        if self.reported is None:
            self.reported = _reported(self.result, self.index)
        sy, sm = self.sa.layout.period
        through = self.reported.get(k, (sy, sm) if sy and sm else None)
        if through is None or through >= (year, stored):
            return False
        plan = self.sa.plan
        assert plan is not None
        self.result.older.append((self.sa.name, plan.row_numbers[k], through, (year, stored), (f"plan {year}",)))
        return True


def older_notes(analysis: ImportAnalysis) -> list[Problem]:
    """The rows older_reports left as stored, one note per sheet and month reported."""
    groups: dict[tuple[str, tuple[int, int]], list[tuple[int, tuple[int, int]]]] = {}
    for sheet, row, through, stored, _kept in analysis.older:
        groups.setdefault((sheet, through), []).append((row, stored))
    notes = []
    for (sheet, (y, m)), found in groups.items():
        params = {
            "sheet": sheet,
            "rows": runs_text(sorted({r for r, _s in found})),  # a row's fields and its plan: said once
            "through": f"{y}-{m:02d}",
            "stored": ", ".join(f"{sy}-{sm:02d}" for sy, sm in sorted({s for _r, s in found})),
        }
        notes.append(Problem("note_older_report", None, params))
    return notes
