"""The first page of projects the desktop window shows while the database still opens.

Handed on from storage.peek (raw sqlite3, no SQLAlchemy: the launch paints before it imports
SQLAlchemy) so that ui/ reaches storage only through services.
"""

from __future__ import annotations

from zqtracker.storage.peek import FirstPage, peek_first_page, sqlite_file_for

__all__ = ["FirstPage", "peek_first_page", "sqlite_file_for"]
