"""The first page of the project list on a PostgreSQL server, read with psycopg alone.

The desktop app shows a SQLite database's first page at once (storage/peek.py) while SQLAlchemy and
the rest open in the background. A server had no such path: its window stayed empty until every
row had been read through the full stack — 12 s to the first page of 100k projects on a loaded
machine. This reads the first page over one short psycopg connection as the user (so row-level
security shows a district's staff only their district, as everywhere), in the table's order.

Anything unusual — psycopg not installed, the server unreachable within a moment, a password only
the keyring holds, another schema revision — returns None: the caller opens the database the
ordinary way, which words the problem. Nothing here writes.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from zqtracker.storage.peek import _JOINS, _SELECT, SORT_EXPRESSIONS, FirstPage, _row
from zqtracker.storage.schema import SCHEMA_REVISION

CONNECT_TIMEOUT_S = 2  # an unreachable server delays the window no longer than this


def is_server_url(target: str | None) -> bool:
    return bool(target) and target.split("://", 1)[0] in ("postgresql", "postgresql+psycopg")  # type: ignore[union-attr]


def short_name(url: str) -> str:
    """user@server/database, as the window's title names a server database (credentials.short_name
    without SQLAlchemy)."""
    u = urlsplit(url)
    port = f":{u.port}" if u.port and u.port != 5432 else ""
    return f"{unquote(u.username or '')}@{u.hostname or ''}{port}/{u.path.lstrip('/')}"


def _order(sort_key: str) -> tuple[str, str | None]:
    expr, join = SORT_EXPRESSIONS.get(sort_key, SORT_EXPRESSIONS["id"])
    if expr.endswith(" COLLATE NOCASE"):  # SQLite's case-blind order of code points, whatever the locale
        expr = f'lower({expr.removesuffix(" COLLATE NOCASE")}) COLLATE "C"'
    return expr, join


def peek_server_first_page(
    url: str, limit: int = 200, sort_key: str = "id", descending: bool = False
) -> FirstPage | None:
    """The first ``limit`` projects in the given order, or None when the ordinary path must open it."""
    if not is_server_url(url):
        return None
    try:
        import psycopg
    except ImportError:
        return None
    conninfo = "postgresql://" + url.split("://", 1)[1]
    try:
        con = psycopg.connect(conninfo, connect_timeout=CONNECT_TIMEOUT_S, autocommit=True)
    except (psycopg.Error, ValueError):
        return None
    try:
        with con.cursor() as cur:
            cur.execute("SET default_transaction_read_only = on")
            cur.execute("SELECT version_num FROM alembic_version")
            revision = cur.fetchone()
            if revision is None or revision[0] != SCHEMA_REVISION:
                return None
            if sort_key not in SORT_EXPRESSIONS:
                sort_key = "id"
            expr, join = _order(sort_key)
            direction = "DESC" if descending else "ASC"
            cur.execute(
                f"SELECT p.id FROM projects p {_JOINS[join] if join else ''} "
                f"ORDER BY {expr} {direction} NULLS LAST, p.id LIMIT %s",
                (int(limit),),
            )
            ids = [r[0] for r in cur.fetchall()]
            by_id = {}
            if ids:
                cur.execute(f"{_SELECT} WHERE p.id = ANY(%s)", (ids,))
                by_id = {r[0]: r for r in cur.fetchall()}
            cur.execute("SELECT count(*) FROM projects")
            (count,) = cur.fetchone()  # type: ignore[misc]
            cur.execute("SELECT value FROM meta WHERE key = 'demo'")
            demo = cur.fetchone()
    except psycopg.Error:
        return None
    finally:
        con.close()
    rows = [_row(by_id[i]) for i in ids if i in by_id]
    return FirstPage(rows, int(count), bool(demo and demo[0] == "1"), sort_key, descending)
