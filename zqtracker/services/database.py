"""The database as the desktop app and the CLI see it: opening one, what can go wrong with it (the
errors they word), and where zqtracker keeps its files.

Why a module of names from storage: ui/ and cli/ reach storage only through services (a test
walks the imports), so the names they need of storage's database module are handed on here —
the SQLAlchemy engine, the pragmas and the SQL stay behind it.
"""

from __future__ import annotations

from zqtracker.storage.database import Database, DatabaseOpenError, open_database
from zqtracker.storage.db_errors import fault_of
from zqtracker.storage.locations import default_data_dir, demo_database_path, display_of, resolve_url, sqlite_path_of
from zqtracker.storage.sqlite_file import inspect_sqlite_file

__all__ = [
    "Database",
    "DatabaseOpenError",
    "default_data_dir",
    "demo_database_path",
    "display_of",
    "fault_of",
    "inspect_sqlite_file",
    "open_database",
    "resolve_url",
    "sqlite_path_of",
]
