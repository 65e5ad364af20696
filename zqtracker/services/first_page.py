"""The first page of projects the desktop window shows while the database still opens.

Handed on from storage.peek and storage.peek_server (raw sqlite3 or one psycopg connection, no
SQLAlchemy: the launch paints before it imports SQLAlchemy) so that ui/ reaches storage only
through services.
"""

from __future__ import annotations

from zqtracker.storage.peek import FirstPage, peek_first_page, sqlite_file_for
from zqtracker.storage.peek_server import peek_server_first_page, short_name

__all__ = ["FirstPage", "peek_first_page", "peek_server_first_page", "short_name", "sqlite_file_for"]
