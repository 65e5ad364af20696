"""Sectors (two levels), districts and enterprises: the editable reference lists."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from zqtracker.domain.errors import InUseError, NotFoundError, Problem, ValidationError
from zqtracker.domain.models import District, Enterprise, Sector
from zqtracker.domain.validation import validate_enterprise
from zqtracker.storage.tables import DistrictRow, EnterpriseRow, ProjectTable, SectorRow

# The tables of reference lists: an id and a unique name each.
_Ref = TypeVar("_Ref", SectorRow, DistrictRow, EnterpriseRow)


class ReferenceRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- sectors ---------------------------------------------------------------------------
    def sectors(self) -> list[Sector]:
        parent = aliased(SectorRow)
        rows = self.s.execute(
            select(SectorRow.id, SectorRow.name, parent.name)
            .outerjoin(parent, SectorRow.parent_id == parent.id)
            .order_by(SectorRow.name)
        )
        return [Sector(name=n, parent=p, id=i) for i, n, p in rows]

    def sector_ids(self) -> dict[str, int]:
        return dict(self.s.execute(select(SectorRow.name, SectorRow.id)).all())

    def ensure_sector(self, name: str, parent: str | None = None) -> int:
        """The id of the sector called ``name``, created (under ``parent``) when missing."""
        name = _clean(name, "sector")
        found = self.s.scalar(select(SectorRow.id).where(SectorRow.name == name))
        if found is not None:
            return found
        parent_id = self.ensure_sector(parent) if parent else None
        row = SectorRow(name=name, parent_id=parent_id)
        self.s.add(row)
        self.s.flush()
        return row.id

    def save_sector(self, sector: Sector) -> int:
        name = _clean(sector.name, "sector")
        parent_id = self.ensure_sector(sector.parent) if sector.parent else None
        if sector.parent and _clean(sector.parent, "sector") == name:
            raise ValidationError(Problem("unknown_choice", "sector", {"value": sector.parent}))
        self._check_unique(SectorRow, name, sector.id, "sector")
        if sector.id is None:
            row = SectorRow(name=name, parent_id=parent_id)
            self.s.add(row)
            self.s.flush()
            return row.id
        row = self._get(SectorRow, sector.id)
        row.name, row.parent_id = name, parent_id
        self.s.flush()
        return row.id

    def delete_sector(self, sector_id: int) -> None:
        row = self._get(SectorRow, sector_id)
        used = self.s.scalar(select(func.count()).where(ProjectTable.sector_id == sector_id)) or 0
        children = self.s.scalar(select(func.count()).where(SectorRow.parent_id == sector_id)) or 0
        if used or children:
            raise InUseError("sector", row.name, used + children)
        self.s.delete(row)
        self.s.flush()

    # -- districts -------------------------------------------------------------------------
    def districts(self) -> list[District]:
        rows = self.s.execute(select(DistrictRow.id, DistrictRow.name).order_by(DistrictRow.name))
        return [District(name=n, id=i) for i, n in rows]

    def district_ids(self) -> dict[str, int]:
        return dict(self.s.execute(select(DistrictRow.name, DistrictRow.id)).all())

    def ensure_district(self, name: str) -> int:
        name = _clean(name, "district")
        found = self.s.scalar(select(DistrictRow.id).where(DistrictRow.name == name))
        if found is not None:
            return found
        row = DistrictRow(name=name)
        self.s.add(row)
        self.s.flush()
        return row.id

    def save_district(self, district: District) -> int:
        name = _clean(district.name, "district")
        self._check_unique(DistrictRow, name, district.id, "district")
        if district.id is None:
            row = DistrictRow(name=name)
            self.s.add(row)
            self.s.flush()
            return row.id
        row = self._get(DistrictRow, district.id)
        row.name = name
        self.s.flush()
        return row.id

    def delete_district(self, district_id: int) -> None:
        row = self._get(DistrictRow, district_id)
        used = self.s.scalar(select(func.count()).where(ProjectTable.district_id == district_id)) or 0
        if used:
            raise InUseError("district", row.name, used)
        self.s.delete(row)
        self.s.flush()

    # -- enterprises -----------------------------------------------------------------------
    def enterprises(self) -> list[Enterprise]:
        rows = self.s.scalars(select(EnterpriseRow).order_by(EnterpriseRow.name))
        return [_enterprise(r) for r in rows]

    def enterprise_ids(self) -> dict[str, int]:
        return dict(self.s.execute(select(EnterpriseRow.name, EnterpriseRow.id)).all())

    def enterprise_codes(self) -> list[tuple[int, str, str | None]]:
        """(id, name, credit code or None) of every enterprise: what an import's credit codes are held against."""
        rows = self.s.execute(select(EnterpriseRow.id, EnterpriseRow.name, EnterpriseRow.credit_code))
        return [(eid, name, code) for eid, name, code in rows]

    def ensure_enterprise(self, name: str) -> int:
        name = _clean(name, "enterprise")
        found = self.s.scalar(select(EnterpriseRow.id).where(EnterpriseRow.name == name))
        if found is not None:
            return found
        row = EnterpriseRow(name=name, is_high_tech=False, is_specialized_new=False, is_little_giant=False)
        self.s.add(row)
        self.s.flush()
        return row.id

    def save_enterprise(self, enterprise: Enterprise) -> int:
        validate_enterprise(enterprise)
        self._check_unique(EnterpriseRow, enterprise.name, enterprise.id, "enterprise")
        if enterprise.credit_code:
            other = self.s.scalar(select(EnterpriseRow.id).where(EnterpriseRow.credit_code == enterprise.credit_code))
            if other is not None and other != enterprise.id:
                raise ValidationError(Problem("duplicate_name", "credit_code", {"value": enterprise.credit_code}))
        row = EnterpriseRow() if enterprise.id is None else self._get(EnterpriseRow, enterprise.id)
        row.name = enterprise.name
        row.credit_code = enterprise.credit_code
        row.is_high_tech = enterprise.is_high_tech
        row.is_specialized_new = enterprise.is_specialized_new
        row.is_little_giant = enterprise.is_little_giant
        if enterprise.id is None:
            self.s.add(row)
        self.s.flush()
        return row.id

    def delete_enterprise(self, enterprise_id: int) -> None:
        row = self._get(EnterpriseRow, enterprise_id)
        used = self.s.scalar(select(func.count()).where(ProjectTable.enterprise_id == enterprise_id)) or 0
        if used:
            raise InUseError("enterprise", row.name, used)
        self.s.delete(row)
        self.s.flush()

    def usage_counts(self, kind: str) -> dict[int, int]:
        """Projects per sector / district / enterprise id (for 'in use' hints in editors)."""
        col = {
            "sector": ProjectTable.sector_id,
            "district": ProjectTable.district_id,
            "enterprise": ProjectTable.enterprise_id,
        }[kind]
        counts = self.s.execute(select(col, func.count()).group_by(col))
        return {ref_id: n for ref_id, n in counts if ref_id is not None}  # None: projects without one

    # -- helpers ---------------------------------------------------------------------------
    def _get(self, table: type[_Ref], row_id: int) -> _Ref:
        row = self.s.get(table, row_id)
        if row is None:
            raise NotFoundError(f"{table.__tablename__} {row_id} does not exist")
        return row

    def _check_unique(self, table: type[_Ref], name: str, own_id: int | None, field: str) -> None:
        other = self.s.scalar(select(table.id).where(table.name == name))
        if other is not None and other != own_id:
            raise ValidationError(Problem("duplicate_name", field, {"value": name}))


class ReferenceIds:
    """Ids of sectors, districts and enterprises by name, created on first use: one lookup per
    distinct name when many projects are written at once."""

    def __init__(self, session: Session, enterprises: dict[str, int] | None = None) -> None:
        self.refs = ReferenceRepository(session)
        self.sectors, self.districts = self.refs.sector_ids(), self.refs.district_ids()
        self.enterprises = enterprises if enterprises is not None else self.refs.enterprise_ids()

    def of(
        self, sector: str | None, district: str | None, enterprise: str | None
    ) -> tuple[int | None, int | None, int | None]:
        """The ids of these names; None for an unknown (None or blank) one."""
        sector_id = district_id = ent_id = None
        if sector:
            sector_id = self.sectors.get(sector)
            if sector_id is None:
                sector_id = self.sectors[sector] = self.refs.ensure_sector(sector)
        if district:
            district_id = self.districts.get(district)
            if district_id is None:
                district_id = self.districts[district] = self.refs.ensure_district(district)
        if enterprise:
            ent_id = self.enterprises.get(enterprise)
            if ent_id is None:
                ent_id = self.enterprises[enterprise] = self.refs.ensure_enterprise(enterprise)
        return sector_id, district_id, ent_id


def _clean(name: str | None, field: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise ValidationError(Problem("required", field))
    return text


def _enterprise(r: EnterpriseRow) -> Enterprise:
    return Enterprise(
        name=r.name,
        credit_code=r.credit_code,
        is_high_tech=r.is_high_tech,
        is_specialized_new=r.is_specialized_new,
        is_little_giant=r.is_little_giant,
        id=r.id,
    )
