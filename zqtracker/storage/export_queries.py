"""Streaming reads for export: every project field, and the monthly records, in batches.

Export writes 100k projects and close to a million monthly records; holding them all as objects
would cost hundreds of MB. These generators read the DBAPI cursor a batch at a time (no ORM,
no SQLAlchemy per-row processing — see ``raw_rows``) and resolve names from small dicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.status import Status
from zqtracker.storage.codec import AREA_SCALE, RATE_SCALE, date_decoder, decode_area, decode_scaled
from zqtracker.storage.filtering import apply_filter, filter_clause
from zqtracker.storage.project_rows import ORIGIN_OF, TYPE_OF
from zqtracker.storage.tables import (
    AnnualPlanRow,
    DistrictRow,
    EnterpriseRow,
    InvestmentRow,
    ProjectTable,
    SectorRow,
)

BATCH = 2_000  # rows between progress reports (and chances to cancel)

# The values of each project tuple, in order (names as in Project, plus the sector's chain).
PROJECT_VALUE_FIELDS: tuple[str, ...] = (
    "id", "code", "name", "enterprise", "sector", "chain", "district", "status", "planned_investment",
    "land_area_mu", "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on",
    "production_on", "is_key_project", "project_type", "investor_origin", "officer", "notes", "contact",
    "progress_note",
    "planned_original", "planned_currency", "planned_rate", "since_start_amount", "since_start_month",
    "credit_code",  # the enterprise's
)  # fmt: skip


def figure_fields_used(session: Session, f: ProjectFilter | None = None) -> set[str]:
    """Which of the figure columns (original currency, 自开工累计), and the enterprise's credit code, some
    exported project fills."""
    p = ProjectTable
    stmt = apply_filter(select(func.count(p.planned_currency), func.count(p.since_start_amount)).select_from(p), f)
    currency, since = session.execute(stmt).one()
    out: set[str] = set()
    if currency:
        out |= {"planned_original", "planned_currency", "planned_rate"}
    if since:
        out |= {"since_start_amount", "since_start_month"}
    e = EnterpriseRow
    coded = select(p.id).join(e, e.id == p.enterprise_id).where(e.credit_code.is_not(None)).limit(1)
    if session.execute(apply_filter(coded, f)).first() is not None:  # the enterprise's 统一社会信用代码
        out.add("credit_code")
    return out


def has_spans(session: Session, f: ProjectFilter | None = None) -> bool:
    """True when some exported record covers several months (a first 1–X月 report)."""
    stmt = select(func.count()).select_from(InvestmentRow).where(InvestmentRow.first_month.is_not(None))
    clause = filter_clause(f)
    if clause is not None:
        stmt = stmt.join(ProjectTable, ProjectTable.id == InvestmentRow.project_id).where(clause)
    return bool(session.scalar(stmt))


def annual_plans(session: Session, f: ProjectFilter | None = None) -> tuple[tuple[int, ...], dict[int, list]]:
    """The exported projects' annual plans (年度计划投资), in one query: the years some project has a plan
    for, in order, and project id → its amounts in yuan by those years (None: no plan that year) —
    one small list per planned project."""
    a = AnnualPlanRow
    stmt = select(a.project_id, a.year, a.amount)
    clause = filter_clause(f)
    if clause is not None:
        stmt = stmt.where(a.project_id.in_(apply_filter(select(ProjectTable.id), f)))
    rows = _execute(session, stmt).fetchall()
    years = tuple(sorted({r[1] for r in rows}))
    column = {y: i for i, y in enumerate(years)}
    blank: list[int | None] = [None] * len(years)
    by_project: dict[int, list] = {}
    for pid, year, amount in rows:
        plans = by_project.get(pid)
        if plans is None:
            plans = by_project[pid] = blank.copy()
        plans[column[year]] = amount
    return years, by_project


def _execute(session: Session, stmt):
    """A DBAPI-level result of a Core select: rows come back as plain tuples, unprocessed."""
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    args: tuple | dict = tuple(params[n] for n in compiled.positiontup) if compiled.positional else params
    return conn.exec_driver_sql(compiled.string, args)


def count_investment(session: Session, f: ProjectFilter | None = None) -> int:
    stmt = select(func.count()).select_from(InvestmentRow)
    clause = filter_clause(f)
    if clause is not None:
        stmt = stmt.join(ProjectTable, ProjectTable.id == InvestmentRow.project_id).where(clause)
    return int(session.scalar(stmt) or 0)


def iter_project_values(session: Session, f: ProjectFilter | None = None, batch: int = BATCH) -> Iterator[list[tuple]]:
    """Batches of project tuples (PROJECT_VALUE_FIELDS), ordered by id, with domain values:
    Status/ProjectType/InvestorOrigin members, ``date``, ``Decimal`` land area, ``bool``; None
    for an unknown sector (and chain), district, planned investment, project type or investor origin."""
    p = ProjectTable
    stmt = select(
        p.id, p.code, p.name, p.enterprise_id, p.sector_id, p.district_id, p.status, p.planned_investment,
        p.land_area_mu, p.expected_annual_output, p.expected_annual_tax, p.signed_on, p.construction_start_on,
        p.production_on, p.is_key_project, p.project_type, p.investor_origin, p.officer, p.notes, p.contact,
        p.progress_note,
        p.signed_on_precision, p.construction_start_on_precision, p.production_on_precision,
        p.planned_original, p.planned_currency, p.planned_rate, p.since_start_amount,
        p.since_start_year * 100 + p.since_start_month,
    ).order_by(p.id)  # fmt: skip
    stmt = apply_filter(stmt, f)
    sector_rows = session.execute(select(SectorRow.id, SectorRow.name, SectorRow.parent_id)).all()
    sector_name: dict[int | None, str | None] = {sid: name for sid, name, _ in sector_rows}
    chain_of: dict[int | None, str | None] = {
        sid: sector_name[parent] if parent else None for sid, _, parent in sector_rows
    }
    sector_name[None] = chain_of[None] = None
    districts: dict[int | None, str | None] = dict(session.execute(select(DistrictRow.id, DistrictRow.name)).all())
    districts[None] = None
    enterprises: dict[int | None, str | None] = {}
    credit_codes: dict[int | None, str | None] = {None: None}
    for eid, name, credit_code in session.execute(
        select(EnterpriseRow.id, EnterpriseRow.name, EnterpriseRow.credit_code)
    ):
        enterprises[eid], credit_codes[eid] = name, credit_code
    enterprises[None] = None
    status = {s.value: s for s in Status}
    ptype, origin = TYPE_OF, ORIGIN_OF  # NULL: not given
    day = date_decoder()
    result = _execute(session, stmt)
    while True:
        rows = result.fetchmany(batch)
        if not rows:
            return
        yield [
            (r[0], r[1], r[2], enterprises[r[3]], sector_name[r[4]], chain_of[r[4]], districts[r[5]], status[r[6]],
             r[7], decode_area(r[8]), r[9], r[10], fuzzy(day(r[11]), r[21]),
             fuzzy(day(r[12]), r[22]), fuzzy(day(r[13]), r[23]), bool(r[14]), ptype[r[15]], origin[r[16]], r[17],
             r[18] or "", r[19], r[20], decode_scaled(r[24], AREA_SCALE), r[25], decode_scaled(r[26], RATE_SCALE),
             r[27], r[28], credit_codes[r[3]])
            for r in rows
        ]  # fmt: skip


def iter_investment(
    session: Session, f: ProjectFilter | None = None, batch: int = BATCH * 4
) -> Iterator[list[tuple[int, int, int, int, int | None]]]:
    """Batches of (project id, year, month, amount, first month of a span or None), ordered by
    project, year and month (the primary key's order: no sort step)."""
    i = InvestmentRow
    stmt = select(i.project_id, i.year, i.month, i.amount, i.first_month).order_by(i.project_id, i.year, i.month)
    clause = filter_clause(f)
    if clause is not None:
        stmt = stmt.where(i.project_id.in_(apply_filter(select(ProjectTable.id), f)))
    result = _execute(session, stmt)
    while True:
        rows = result.fetchmany(batch)
        if not rows:
            return
        yield rows


def fuzzy(day: date | None, precision: str | None) -> date | FuzzyDate | None:
    """A day as it is; a date of month, quarter or year precision as a FuzzyDate (written as text)."""
    if day is None or precision is None:
        return day
    return FuzzyDate(day, DatePrecision(precision))
