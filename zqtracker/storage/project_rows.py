"""A project's ORM row ↔ its domain values: the one-project path (the bulk paths use codec.py).

What the repository reads becomes a detached :class:`Project` or :class:`StatusChange` here, and
what it writes is a Project's columns: the plain ones copied one to one, the date precisions
(NULL for a day) and an amount in another currency (three columns, all NULL for yuan).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import PRECISION_FIELDS, DatePrecision
from zqtracker.domain.models import InvestorOrigin, Project, ProjectType, StatusChange
from zqtracker.domain.status import Status
from zqtracker.storage.tables import ProjectTable, StatusChangeRow

STATUS_OF = {s.value: s for s in Status}
# Stored value → enum member; NULL → None (not given).
TYPE_OF: dict[str | None, ProjectType | None] = {None: None, **{t.value: t for t in ProjectType}}
ORIGIN_OF: dict[str | None, InvestorOrigin | None] = {None: None, **{o.value: o for o in InvestorOrigin}}


def stored_value(member: StrEnum | None) -> str | None:
    """An enum member as its column stores it; None (not given) as NULL."""
    return None if member is None else member.value


# Columns copied one to one between Project and ProjectTable.
PLAIN_COLUMNS = (
    "code",
    "name",
    "planned_investment",
    "land_area_mu",
    "expected_annual_output",
    "expected_annual_tax",
    "signed_on",
    "construction_start_on",
    "production_on",
    "is_key_project",
    "officer",
    "notes",
    "contact",
    "progress_note",
    "since_start_amount",
    "since_start_year",
    "since_start_month",
)


def to_project(row: ProjectTable, sector: str | None, district: str | None, enterprise: str | None) -> Project:
    return Project(
        name=row.name,
        sector=sector,
        district=district,
        status=STATUS_OF[row.status],
        planned_investment=row.planned_investment,
        code=row.code,
        enterprise=enterprise,
        land_area_mu=row.land_area_mu,
        expected_annual_output=row.expected_annual_output,
        expected_annual_tax=row.expected_annual_tax,
        signed_on=row.signed_on,
        construction_start_on=row.construction_start_on,
        production_on=row.production_on,
        is_key_project=bool(row.is_key_project),
        project_type=TYPE_OF[row.project_type],
        investor_origin=ORIGIN_OF[row.investor_origin],
        officer=row.officer,
        notes=row.notes or "",
        contact=row.contact,
        progress_note=row.progress_note,
        signed_on_precision=_precision(row.signed_on_precision),
        construction_start_on_precision=_precision(row.construction_start_on_precision),
        production_on_precision=_precision(row.production_on_precision),
        since_start_amount=row.since_start_amount,
        since_start_year=row.since_start_year,
        since_start_month=row.since_start_month,
        planned_foreign=foreign_amount(row.planned_currency, row.planned_original, row.planned_rate),
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def figure_columns(project: Project) -> dict[str, object]:
    """The columns of a project's date precisions and foreign-currency amount (NULL: a day / yuan)."""
    values: dict[str, object] = {
        column: None if getattr(project, column) is DatePrecision.DAY else getattr(project, column).value
        for column in PRECISION_FIELDS.values()
    }
    foreign = project.planned_foreign
    values.update(
        planned_currency=foreign.currency if foreign else None,
        planned_original=foreign.amount if foreign else None,
        planned_rate=foreign.rate if foreign else None,
    )
    return values


def foreign_amount(currency: str | None, amount: Decimal | None, rate: Decimal | None) -> ForeignAmount | None:
    if currency is None or amount is None or rate is None:
        return None
    return ForeignAmount(currency, amount, rate)


def to_change(r: StatusChangeRow) -> StatusChange:
    return StatusChange(
        project_id=r.project_id,
        from_status=STATUS_OF[r.from_status] if r.from_status else None,
        to_status=STATUS_OF[r.to_status],
        changed_on=r.changed_on,
        note=r.note or "",
        id=r.id,
    )


def _precision(value: str | None) -> DatePrecision:
    return DatePrecision.DAY if value is None else DatePrecision(value)
