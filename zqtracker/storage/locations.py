"""Where a database is: the file or server URL from ``--db``, ``$ZQTRACKER_DB`` or the user data
folder, and how a URL is shown to a user.

A plain path (no ``://``) means a SQLite file; its URL escapes the path so that ``?``, ``%`` and
``#`` in a file name never open another database.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

ENV_VAR = "ZQTRACKER_DB"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("zqtracker", appauthor=False))


def default_database_path() -> Path:
    return default_data_dir() / "zqtracker.sqlite"


def demo_database_path() -> Path:
    return default_data_dir() / "demo.sqlite"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """``--db`` first, then ``$ZQTRACKER_DB``, then the file in the user data directory.

    A plain path (no ``://``) means a SQLite file.
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path)
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file. The path is escaped (``?``, ``%``, ``#``): written into the URL as
    it is, ``/x/a?b.sqlite`` would open ``/x/a`` with a query string."""
    return URL.create("sqlite", database=str(path.absolute())).render_as_string(hide_password=False)


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another engine or an in-memory database."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def display_of(url: str) -> str:
    path = sqlite_path_of(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
