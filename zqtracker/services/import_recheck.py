"""Before an import writes, under the write lock: does the database still look as the analysis saw
it?

An analysis (the preview) can be minutes old when the user presses Import; a colleague may have
imported the same list, added a sector or deleted a month meanwhile. Writing the old analysis then
would duplicate projects or report records written that were not. So everything the analysis
relied on is read again inside the write transaction and compared; any difference refuses the
import (ConcurrentUpdateError, ``what="import"``, naming the first difference), and the caller
analyses again. Updated projects' versions are checked by the UPDATE itself; a sector, district or
enterprise someone added meanwhile is simply used (storage.importing.create_references).
"""

from __future__ import annotations

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.storage.importing import ImportStore


def recheck(store: ImportStore, analysis: ImportAnalysis) -> None:
    if analysis.mode == "replace":
        return  # everything stored goes: nothing else was relied on
    identities = store.identities()
    # Would the analysis's matching rule find a new project now? Only a project added or renamed since
    # it looked can be one (those it saw it matched, or kept apart: two enterprises' projects of one name).
    matcher = analysis.context.matcher if analysis.context is not None else None
    seen = matcher.by_id if matcher is not None else {}
    added = [row for row in identities if (s := seen.get(row[0])) is None or (s.name, s.district) != row[2:4]]
    by_code = {code: pid for pid, code, *_rest in added if code}
    by_name = {(name, district): code for _pid, code, name, district, _e in added}
    columns: dict[int, tuple[list, list, list]] = {}  # sheet → its code, name and district (looked up once)
    for np in analysis.new_projects if added else ():
        if np.sheet not in columns:
            plan = analysis.sheets[np.sheet].plan
            assert plan is not None
            columns[np.sheet] = (plan.column("code"), plan.column("name"), plan.column("district"))
        codes, names, districts = columns[np.sheet]
        code = codes[np.k]
        if code and code in by_code:
            _stale(f"a project with code {code} was added meanwhile")
        key = (names[np.k], districts[np.k])
        if key in by_name and by_name[key] in (None, "", code):
            _stale(f"the project “{key[0]}” ({key[1]}) was added meanwhile")
    existing = {pid for pid, *_rest in identities}
    targets = {r[0] for r in analysis.records if r[0] > 0} | {r[0] for r in analysis.plans if r[0] > 0}
    targets |= {u.pid for u in analysis.updates}
    gone = sorted(targets - existing)
    if gone:
        raise ConcurrentUpdateError(gone[0], what="import", detail="a project of this file was deleted meanwhile")
    years = {r[1] for r in analysis.records if r[0] > 0}
    if years:
        stored = store.investment(years)
        for target, y, m, _yuan, previous, *_first in analysis.records:
            if target > 0:
                now = stored.get((target, y, m))
                if (now[0] if now is not None else None) != previous:
                    raise ConcurrentUpdateError(
                        target, what="import", detail=f"its {y}-{m:02d} amount changed meanwhile"
                    )
        _months_relied_on(analysis, stored, years)
    plan_years = {r[1] for r in analysis.plans if r[0] > 0}
    if plan_years:
        plans = store.plans(plan_years)
        for target, y, _yuan, previous, *_rest in analysis.plans:
            if target > 0 and plans.get((target, y)) != previous:
                raise ConcurrentUpdateError(target, what="import", detail=f"its {y} annual plan changed meanwhile")


def _months_relied_on(analysis: ImportAnalysis, stored: dict, years: set[int]) -> None:
    """The other stored months of the projects the import writes months of: a month's own amount is
    worked out from the stored year to date before it (1-11月 less the stored 1-10月), so a colleague's
    correction of 1-10月 since the preview makes it wrong (probe26b S3b: 500,000 from the old 1-10月
    where 375,000 was right)."""
    seen = analysis.context.investment if analysis.context is not None else None
    if seen is None:
        return
    mine = {r[0] for r in analysis.records if r[0] > 0}
    for key in {k for k in stored if k[0] in mine} | {k for k in seen if k[0] in mine and k[1] in years}:
        now, then = stored.get(key), seen.get(key)
        if (now and (now[0], now[3])) != (then and (then[0], then[3])):
            pid, y, m = key
            raise ConcurrentUpdateError(pid, what="import", detail=f"its {y}-{m:02d} amount changed meanwhile")


def _stale(detail: str) -> None:
    raise ConcurrentUpdateError(0, what="import", detail=detail)
