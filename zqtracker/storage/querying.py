"""What every repository's queries share: IN lists in chunks, rows off the cursor, the stored clock.

Kept apart from any one repository so that the bulk paths (imports, bulk edits, statistics) need
not import the project repository to get them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session


def utcnow() -> datetime:
    """The time stamps rows carry: naive UTC, to the second."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    """``items`` in slices of ``size``: SQLite limits the bound parameters of one statement."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def raw_rows(session: Session, stmt) -> list[tuple]:
    """Rows of a Core select straight from the DBAPI cursor: no SQLAlchemy type processing."""
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if compiled.positional:
        args: tuple | dict = tuple(params[name] for name in compiled.positiontup)
    else:
        args = params
    return conn.exec_driver_sql(compiled.string, args).fetchall()
