"""Rows of a district's return the import must not take as they stand, and rows it lacks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zqtracker.domain.collect_messages import COLLECT_MESSAGES
from zqtracker.domain.errors import Problem
from zqtracker.domain.round_checks import Finding
from zqtracker.domain.rounds import Reported, SheetProject
from zqtracker.io.errors import CellProblem
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.storage.codec import COL
from zqtracker.storage.database import Database
from zqtracker.storage.rounds import RoundStore


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A row of a project the bureau moved to another district (``now``) or deleted (None) after
    the workbook was sent: not imported, shown."""

    row: Reported
    now: str | None


def listed_again(row: Reported, target: int, analysis: ImportAnalysis) -> CellProblem:
    """A row of the new-projects sheet naming a project on record: its months would be counted from
    nothing, on top of those stored — the district reports it on the project's own row instead."""
    stored = analysis.context.rows.get(target) if analysis.context is not None else None
    code = stored[COL["code"]] if stored is not None else None
    project = f"{code} {row.name}" if code else f"#{target} {row.name}"
    return CellProblem(row.sheet, row.row, "", "", row.name, Problem("round_new_is_listed", None, {"project": project}))


def missing_rows(ret: Any, unchanged: Sequence[Reported] = ()) -> list[SheetProject]:
    """Projects the workbook sent out whose rows the return ``ret`` (a DistrictReturn) lacks — deleted
    by the district: no figures of theirs come in, and they stay on the reminder list (probe40b F5).
    ``unchanged``: rows left out as collected before (services/round_again.py), there all the same.
    Empty while the return has problems of its rows (a hidden row, an id typed over: a row there, its
    project not read) — said once those are put right."""
    if ret.rows.problems:
        return []
    read = {r.project_id for r in [*ret.rows.rows, *unchanged]} | {g.row.project_id for g in ret.left_out}
    return [ret.sent[pid] for pid in ret.meta.ids if pid in ret.sent and pid not in read]


def missing_text(ret: Any, lang: str) -> str:
    """The projects :func:`missing_rows` found, in one sentence ("… (2): ZQ2026016 鼎湖新材料项目16, …")."""
    sep = COLLECT_MESSAGES.say("round_rows_missing_sep", lang)
    projects = sep.join(f"{p.code + ' ' if p.code else ''}{p.name}" for p in ret.missing)
    return COLLECT_MESSAGES.say("round_rows_missing", lang, count=len(ret.missing), label=ret.period.label(lang),
                                projects=projects)  # fmt: skip


# Findings whose row gives no month by itself (当月 beside a 累计 that disagrees or went down):
# accepted by the analyst, the row's 当月 is the month's figure.
TAKES_MONTH = ("month_disagrees", "ytd_decreased")


def takes_month(ret: Any, row: Reported) -> bool:
    """Whether the analyst accepted such a finding of the row (``ret``: a DistrictReturn)."""
    key = row.project_id if row.project_id is not None else (row.sheet, row.row)
    return any((ret.decisions.get((key, check)) or ("",))[0] == "accepted" for check in TAKES_MONTH)


def redone(ret: Any) -> int:
    """How many monthly figures on record (of the round's month or before) the return ``ret``
    would change: a corrected return — or another month's workbook filled in again. The command
    line collects such a return only with ``--again``; the desktop asks for a tick first."""
    records = ret.analysis.records if ret.analysis is not None else []
    return sum(1 for r in records if r[4] is not None and r[4] != r[3])


def year_old(db: Database, ret: Any) -> list[Finding]:
    """A return of a round a year or more before the newest round: last year's workbook, never sent
    back, filled in with this year's figures would be stored as last year's (probe24b S4). One
    finding, on the return's first row of a listed project, to accept or send back."""
    with db.session() as s:
        newest = next(iter(RoundStore(s).rounds()), None)
    period = ret.period
    if newest is None or (newest.period.year - period.year) * 12 + newest.period.month - period.month < 12:
        return []
    row = next((r for r in ret.rows.rows if r.project_id is not None), None)
    if row is None:
        return []
    return [Finding("round_year_old", row.project_id, row.sheet, row.row, row.name,
                    {"round": str(period), "newest": str(newest.period)})]  # fmt: skip
