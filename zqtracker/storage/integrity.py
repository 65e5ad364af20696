"""Integrity checks: SQLite's own page check, foreign keys, and the rules of our schema."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from zqtracker.storage.tables import InvestmentRow, ProjectTable


def integrity_problems(session: Session) -> list[str]:
    problems: list[str] = []
    if session.get_bind().dialect.name == "sqlite":
        for (line,) in session.execute(text("PRAGMA integrity_check")):
            if line != "ok":
                problems.append(f"SQLite: {line}")
        for row in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"row {row[1]} of {row[0]} points to a missing {row[2]}")
    negative = session.scalar(select(func.count()).where(ProjectTable.planned_investment < 0)) or 0
    if negative:
        problems.append(f"{negative} project(s) with negative planned investment")
    bad_months = session.scalar(select(func.count()).where((InvestmentRow.month < 1) | (InvestmentRow.month > 12))) or 0
    if bad_months:
        problems.append(f"{bad_months} investment record(s) with a month outside 1–12")
    drift = (
        session.scalar(
            select(func.count())
            .select_from(InvestmentRow)
            .join(ProjectTable, ProjectTable.id == InvestmentRow.project_id)
            .where(
                InvestmentRow.sector_id.is_distinct_from(ProjectTable.sector_id)
                | InvestmentRow.district_id.is_distinct_from(ProjectTable.district_id)
            )
        )
        or 0
    )
    if drift:
        problems.append(f"{drift} investment record(s) whose sector or district differs from their project's")
    from zqtracker.storage.last_activity import drift as activity_drift

    stale_dates = activity_drift(session)
    if stale_dates:
        problems.append(f"{stale_dates} project(s) whose stored last activity differs from their history and records")
    return problems
