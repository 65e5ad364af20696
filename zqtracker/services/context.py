"""The composition root: one object that opens the database and builds the services."""

from __future__ import annotations

import os
from dataclasses import dataclass

from zqtracker.services.projects import ProjectService
from zqtracker.services.references import ReferenceService
from zqtracker.services.statistics import StatisticsService
from zqtracker.storage.database import Database, open_database


@dataclass
class AppContext:
    database: Database
    projects: ProjectService
    references: ReferenceService
    statistics: StatisticsService

    @classmethod
    def open(
        cls, db: str | os.PathLike[str] | None = None, *, migrate: bool = True, daily_backup: bool = True
    ) -> AppContext:
        """Raises storage.database.DatabaseOpenError with one clear sentence on failure.
        ``daily_backup``: make the day's backup copy of a SQLite file first, if not made yet (and
        so check every page) — the CLI on opening; the desktop app passes False and makes it in
        the background once the window has the database (ui/daily_backup.py)."""
        database = open_database(db, migrate=migrate)
        if daily_backup:
            from zqtracker.services import backups

            try:
                backups.daily(database)
            except Exception:
                database.close()
                raise
        return cls.for_database(database)

    @classmethod
    def for_database(cls, database: Database) -> AppContext:
        return cls(
            database=database,
            projects=ProjectService(database),
            references=ReferenceService(database),
            statistics=StatisticsService(database),
        )

    def close(self) -> None:
        self.database.close()
