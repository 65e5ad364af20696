"""ProjectFilter → SQL. Mirrors ProjectFilter.matches, which a test holds it to."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, Select, String, and_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.functions import FunctionElement

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import BILLION_YUAN
from zqtracker.storage.tables import DistrictRow, EnterpriseRow, ProjectTable, SectorRow


class Folded(FunctionElement):
    """``fold(column)`` in SQL, the same on both engines: SQLite calls domain.filters.fold
    (registered on every connection as ``zq_fold``); a PostgreSQL server has a SQL function of that
    name doing the same (migration 0008_server_fold), which the planner inlines."""

    type = String()
    inherit_cache = True
    name = "zq_fold"


@compiles(Folded)
def _fold(element: Folded, compiler, **kw) -> str:
    return f"zq_fold({compiler.process(element.clauses, **kw)})"


class Position(FunctionElement):
    """Where ``term`` first occurs in a text (1-based, 0 when not at all): SQLite's instr,
    PostgreSQL's strpos."""

    type = Integer()
    inherit_cache = True
    name = "zq_position"


@compiles(Position, "sqlite")
def _position_sqlite(element: Position, compiler, **kw) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(Position)
def _position_other(element: Position, compiler, **kw) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def _contains(
    column: ColumnElement[str | None] | InstrumentedAttribute[str] | InstrumentedAttribute[str | None], term: str
) -> ColumnElement[bool]:
    return Position(Folded(column), term) > 0


def filter_clause(f: ProjectFilter | None) -> ColumnElement[bool] | None:
    """A WHERE clause over ProjectTable (sub-selects for names), or None for no filter."""
    if f is None or f.is_empty():
        return None
    p = ProjectTable
    parts: list[ColumnElement[bool]] = []
    if f.statuses:
        parts.append(p.status.in_(sorted(s.value for s in f.statuses)))
    if f.sectors:
        names = sorted(f.sectors)
        parent_ids = select(SectorRow.id).where(SectorRow.name.in_(names))
        sector_ids = select(SectorRow.id).where(or_(SectorRow.name.in_(names), SectorRow.parent_id.in_(parent_ids)))
        parts.append(p.sector_id.in_(sector_ids))
    if f.districts:
        parts.append(p.district_id.in_(select(DistrictRow.id).where(DistrictRow.name.in_(sorted(f.districts)))))
    if f.signed_year is not None:
        from datetime import date

        parts.append(and_(p.signed_on >= date(f.signed_year, 1, 1), p.signed_on <= date(f.signed_year, 12, 31)))
    if f.key_only:
        parts.append(p.is_key_project.is_(True))
    if f.billion_only:
        parts.append(p.planned_investment >= BILLION_YUAN)  # NULL (unknown) is not a billion
    if f.missing:
        columns = {"sector": p.sector_id, "district": p.district_id, "planned_investment": p.planned_investment}
        lacking = [columns[name].is_(None) for name in sorted(f.missing)]
        parts.append(or_(*lacking) if len(lacking) > 1 else lacking[0])
    for term in f.search_terms():  # folded: see domain.filters.fold, which SQLite runs as zq_fold
        ent = select(EnterpriseRow.id).where(_contains(EnterpriseRow.name, term))
        parts.append(or_(_contains(p.name, term), _contains(p.code, term), p.enterprise_id.in_(ent)))
    if not parts:
        return None
    return and_(*parts) if len(parts) > 1 else parts[0]


def apply_filter(stmt: Select, f: ProjectFilter | None) -> Select:
    clause = filter_clause(f)
    return stmt if clause is None else stmt.where(clause)


def project_ids_select(f: ProjectFilter | None) -> Select:
    return apply_filter(select(ProjectTable.id), f)


__all__ = ["apply_filter", "filter_clause", "project_ids_select"]
