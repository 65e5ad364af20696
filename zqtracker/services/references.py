"""Editing the reference lists: sectors, districts, enterprises."""

from __future__ import annotations

from zqtracker.domain.models import District, Enterprise, Sector
from zqtracker.storage.database import Database
from zqtracker.storage.references import ReferenceRepository


class ReferenceService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def sectors(self) -> list[Sector]:
        with self.db.session() as s:
            return ReferenceRepository(s).sectors()

    def districts(self) -> list[District]:
        with self.db.session() as s:
            return ReferenceRepository(s).districts()

    def enterprises(self) -> list[Enterprise]:
        with self.db.session() as s:
            return ReferenceRepository(s).enterprises()

    def usage(self, kind: str) -> dict[int, int]:
        with self.db.session() as s:
            return ReferenceRepository(s).usage_counts(kind)

    def save_sector(self, sector: Sector) -> int:
        with self.db.write() as s:
            return ReferenceRepository(s).save_sector(sector)

    def save_district(self, district: District) -> int:
        with self.db.write() as s:
            return ReferenceRepository(s).save_district(district)

    def save_enterprise(self, enterprise: Enterprise) -> int:
        with self.db.write() as s:
            return ReferenceRepository(s).save_enterprise(enterprise)

    def delete_sector(self, sector_id: int) -> None:
        """Raises InUseError when projects or child sectors still use it."""
        with self.db.write() as s:
            ReferenceRepository(s).delete_sector(sector_id)

    def delete_district(self, district_id: int) -> None:
        with self.db.write() as s:
            ReferenceRepository(s).delete_district(district_id)

    def delete_enterprise(self, enterprise_id: int) -> None:
        with self.db.write() as s:
            ReferenceRepository(s).delete_enterprise(enterprise_id)
