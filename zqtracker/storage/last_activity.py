"""Keeping ``projects.last_activity_on`` in step: the date "stale" is judged on.

It is the later of a project's latest status change and the last day of its latest month with
an investment record. Every storage function that writes status changes or investment records
calls :func:`refresh` with the projects it touched (in the same transaction); ``db check``
compares the column with a fresh computation, and tests run every write path against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.orm import Session

from zqtracker.storage.codec import decode_date
from zqtracker.storage.tables import InvestmentRow, ProjectTable, StatusChangeRow, table_of

# Above this many projects one grouped scan of each table beats looking each project up.
_SCAN_ABOVE = 2_000


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def compute(conn: Connection | Session, project_ids: Iterable[int] | None = None) -> dict[int, date | None]:
    """The last activity of each project (all when ``project_ids`` is None), from the sources."""
    ids = None if project_ids is None else sorted(set(project_ids))
    out: dict[int, date | None] = {}
    if ids is not None:
        out = dict.fromkeys(ids)
        if not ids:
            return out
    wanted = None if ids is None else set(ids)
    chunks: list[list[int] | None] = (
        [None] if ids is None or len(ids) > _SCAN_ABOVE else [ids[i : i + 500] for i in range(0, len(ids), 500)]
    )
    for chunk in chunks:
        sc = select(StatusChangeRow.project_id, func.max(StatusChangeRow.changed_on)).group_by(
            StatusChangeRow.project_id
        )
        ym = func.max(InvestmentRow.year * 100 + InvestmentRow.month)
        inv = select(InvestmentRow.project_id, ym).group_by(InvestmentRow.project_id)
        if chunk is not None:
            sc = sc.where(StatusChangeRow.project_id.in_(chunk))
            inv = inv.where(InvestmentRow.project_id.in_(chunk))
        for pid, d in conn.execute(sc):
            if d is not None and (wanted is None or pid in wanted):
                out[pid] = decode_date(d)
        for pid, value in conn.execute(inv):
            if value is None or (wanted is not None and pid not in wanted):
                continue
            end = month_end(int(value) // 100, int(value) % 100)
            if out.get(pid) is None or out[pid] < end:  # type: ignore[operator]
                out[pid] = end
    return out


def _write(conn: Connection | Session, values: dict[int, date | None]) -> None:
    if not values:
        return
    table = table_of(ProjectTable)
    stmt = update(table).where(table.c.id == bindparam("pid")).values(last_activity_on=bindparam("day"))
    target = conn.connection() if isinstance(conn, Session) else conn
    target.execute(stmt, [{"pid": pid, "day": day} for pid, day in values.items()])


def refresh(session: Session, project_ids: Iterable[int]) -> None:
    """Recompute the column for these projects (those whose history or records just changed)."""
    ids = set(project_ids)
    if ids:
        _write(session, compute(session, ids))


def drift(session: Session) -> int:
    """How many projects' stored last activity differs from a fresh computation (db check)."""
    fresh = compute(session)
    stored = {
        pid: (None if d is None else decode_date(d))
        for pid, d in session.execute(select(ProjectTable.id, ProjectTable.last_activity_on))
    }
    return sum(1 for pid, day in stored.items() if fresh.get(pid) != day)
