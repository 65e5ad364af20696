"""Stored projects a district's list leaves out (probe33a F7, probe33b F5). A district re-sends its list
without two of its projects: the import keeps them as they are (it never deletes from a list), and says
so — one note naming them, so that a project dropped from the list is seen, not silently carried on.

Only for a list of projects (not a sheet of months, one row per project and month), in merge or append
mode (replace removes what the file does not hold, and says so), when the import skips no row as
invalid (its project would be named as left out), and only stored projects of the districts the file's
matched rows belong to; a project in production, on hold or cancelled — nothing more to report — is not
named."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.status import Status
from zqtracker.io.layout_model import MONTHLY
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.storage.database import Database
from zqtracker.storage.importing import ImportStore

MAX_NAMED = 10
_ENDED = frozenset((Status.IN_PRODUCTION, Status.ON_HOLD, Status.CANCELLED))


def notes(db: Database, analysis: ImportAnalysis) -> list[Problem]:
    ctx = analysis.context
    if ctx is None or analysis.mode == "replace" or analysis.invalid_rows:
        return []
    matched: set[int] = set()
    asked: set[int] = set()
    for sa in analysis.sheets:
        if sa.selected and sa.plan is not None and sa.layout.kind != MONTHLY:
            matched.update(t for t in sa.targets if t is not None and t > 0)
            asked.update(pid for pids in sa.candidates.values() for pid in pids)  # a near name: said there
    if not matched:
        return []
    district_of = {pid: district for (_name, district), pid in ctx.by_name.items()}
    covered = {district_of.get(pid) for pid in matched} - {None}
    absent = sorted(pid for pid, d in district_of.items() if d in covered and pid not in matched and pid not in asked)
    if not absent:
        return []
    with db.snapshot() as s:
        rows = ImportStore(s).project_rows(absent)
    codec, left = ctx.codec, []
    for pid in absent:
        row = rows.get(pid)
        if row is not None and codec.value(row, "status") not in _ENDED:
            code, name = codec.value(row, "code"), codec.value(row, "name")
            left.append((district_of[pid], " ".join(str(v) for v in (code, name) if v)))
    if not left:
        return []
    named = "; ".join(name for _district, name in left[:MAX_NAMED]) + (" …" if len(left) > MAX_NAMED else "")
    districts = sorted({str(d) for d, _name in left})
    return [Problem("note_absent", None, {"count": len(left), "districts": "、".join(districts), "projects": named})]
