"""When each project last moved: its latest status change and its latest month of investment.

ProjectListReader.last_activity merges the two into one date (what "stale" is judged on); the
stale-projects view shows them apart, so that a reader sees which of the two went quiet.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zqtracker.storage.codec import decode_date
from zqtracker.storage.tables import InvestmentRow, StatusChangeRow


def last_changes(session: Session, project_ids: set[int]) -> dict[int, tuple[date | None, tuple[int, int] | None]]:
    """Project id → (latest status change date, latest (year, month) with a record), for ``project_ids``.

    One grouped scan of each table, filtered here: an IN list of thousands of ids is slower than
    the scan and runs into SQLite's limit on bound parameters.
    """
    changes: dict[int, date] = {}
    stmt = select(StatusChangeRow.project_id, func.max(StatusChangeRow.changed_on)).group_by(StatusChangeRow.project_id)
    for pid, d in session.execute(stmt):
        if pid in project_ids and d is not None:
            changes[pid] = decode_date(d)  # type: ignore[assignment]  # d is not None
    records: dict[int, tuple[int, int]] = {}
    ym = func.max(InvestmentRow.year * 100 + InvestmentRow.month)
    for pid, value in session.execute(select(InvestmentRow.project_id, ym).group_by(InvestmentRow.project_id)):
        if pid in project_ids and value is not None:
            records[pid] = (int(value) // 100, int(value) % 100)
    return {pid: (changes.get(pid), records.get(pid)) for pid in project_ids}
