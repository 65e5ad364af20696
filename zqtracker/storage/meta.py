"""Facts about the database itself: demo marker, reference date of a snapshot."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zqtracker.storage.tables import MetaRow


def get_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(MetaRow.value).where(MetaRow.key == key))


def set_meta(session: Session, key: str, value: str | None) -> None:
    row = session.get(MetaRow, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(MetaRow(key=key, value=value))
    else:
        row.value = value
    session.flush()


def clear_all(session: Session) -> None:
    """Delete every row of every zqtracker table (children first). The schema stays."""
    from zqtracker.storage.tables import Base

    _unlink_sector_levels(session)
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(table.delete())
    session.flush()


def project_count(session: Session) -> int:
    from sqlalchemy import func

    from zqtracker.storage.tables import ProjectTable

    return session.scalar(select(func.count(ProjectTable.id))) or 0


def _unlink_sector_levels(session: Session) -> None:
    """Sectors point to their industry chain (another sector) with ON DELETE RESTRICT, which SQLite
    checks row by row even inside one DELETE: the links go first, or deleting every sector fails
    whenever there are two levels."""
    from sqlalchemy import update

    from zqtracker.storage.tables import SectorRow

    session.execute(update(SectorRow).where(SectorRow.parent_id.is_not(None)).values(parent_id=None))
