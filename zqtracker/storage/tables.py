"""ORM tables. Money columns are BigInteger yuan; land area is an exact scaled integer."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATUS_VALUES = (
    "lead",
    "signed",
    "preparing",
    "under_construction",
    "commissioning",
    "trial_production",
    "in_production",
    "on_hold",
    "cancelled",
)
_STATUS_CHECK = "status IN (" + ", ".join(f"'{s}'" for s in STATUS_VALUES) + ")"


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an integer count of 10^-scale units: exact on SQLite and PostgreSQL."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = 4) -> None:
        super().__init__()
        self.scale = scale
        self._unit = Decimal(1).scaleb(-scale)

    def process_bind_param(self, value: Decimal | None, dialect: object) -> int | None:
        if value is None:
            return None
        return int(Decimal(value).quantize(self._unit).scaleb(self.scale))

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        if value is None:
            return None
        return Decimal(value).scaleb(-self.scale)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class MetaRow(Base):
    """Key/value facts about the database itself (e.g. ``demo`` = "1")."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SectorRow(Base):
    __tablename__ = "sectors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id", ondelete="RESTRICT"), index=True)


class DistrictRow(Base):
    __tablename__ = "districts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class EnterpriseRow(Base):
    __tablename__ = "enterprises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    is_high_tech: Mapped[bool] = mapped_column(Boolean, default=False)
    is_specialized_new: Mapped[bool] = mapped_column(Boolean, default=False)
    is_little_giant: Mapped[bool] = mapped_column(Boolean, default=False)


class ProjectTable(Base):
    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint("planned_investment >= 0", name="planned_nonnegative"),
        CheckConstraint(_STATUS_CHECK, name="status_known"),
        Index("ix_projects_name_district", "name", "district_id"),
        # Covering indexes: the breakdowns and the signed-per-month series read only these.
        Index("ix_projects_cube", "status", "sector_id", "district_id", "planned_investment"),
        Index("ix_projects_signed", "signed_on", "planned_investment"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id", ondelete="RESTRICT"), index=True)
    # Sector, district and planned investment may be unknown (NULL): real lists, above all the
    # negotiating leads, often lack them, and unknown is neither invented nor stored as 0.
    sector_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id", ondelete="RESTRICT"), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    planned_investment: Mapped[int | None] = mapped_column(BigInteger)
    land_area_mu: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    expected_annual_output: Mapped[int | None] = mapped_column(BigInteger)
    expected_annual_tax: Mapped[int | None] = mapped_column(BigInteger)
    signed_on: Mapped[date | None] = mapped_column(Date)
    construction_start_on: Mapped[date | None] = mapped_column(Date)
    production_on: Mapped[date | None] = mapped_column(Date)
    is_key_project: Mapped[bool] = mapped_column(Boolean, default=False)
    project_type: Mapped[str] = mapped_column(String(16), default="new")
    investor_origin: Mapped[str] = mapped_column(String(16), default="domestic")
    officer: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str | None] = mapped_column(String(200))  # 联系人 / 联系方式: a person and/or a phone
    progress_note: Mapped[str | None] = mapped_column(Text)  # the latest progress text (进展情况, 对接情况)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The later of the latest status change and the last day of the latest month with an
    # investment record: what "stale" is judged on. Derived; storage/last_activity.py keeps it
    # in step on every write (a count of stale projects is then one scan, not two aggregates).
    last_activity_on: Mapped[date | None] = mapped_column(Date)
    # Precision of the three dates ("month", "quarter", "year"); NULL: a day (see domain/fuzzy_dates).
    signed_on_precision: Mapped[str | None] = mapped_column(String(8))
    construction_start_on_precision: Mapped[str | None] = mapped_column(String(8))
    production_on_precision: Mapped[str | None] = mapped_column(String(8))
    # 自开工累计 as reported through since_start_year/month (yuan).
    since_start_amount: Mapped[int | None] = mapped_column(BigInteger)
    since_start_year: Mapped[int | None] = mapped_column(Integer)
    since_start_month: Mapped[int | None] = mapped_column(Integer)
    # Planned investment as given in another currency: planned_investment is its yuan amount.
    planned_currency: Mapped[str | None] = mapped_column(String(3))
    planned_original: Mapped[Decimal | None] = mapped_column(ScaledDecimal(4))
    planned_rate: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6))


class StatusChangeRow(Base):
    __tablename__ = "status_changes"
    __table_args__ = (Index("ix_status_changes_project_date", "project_id", "changed_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    changed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class InvestmentRow(Base):
    """Completed investment of one project in one month: one row per project and month.

    ``sector_id`` and ``district_id`` repeat the project's own, so that the figures by sector
    and district are one scan of a covering index instead of a join to 100k projects
    (0.1 s instead of 0.7 s). storage/ keeps them in step on every write; `db check` verifies.
    """

    __tablename__ = "investment_records"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("first_month IS NULL OR (first_month >= 1 AND first_month < month)", name="span_range"),
        Index("ix_investment_period", "year", "month", "project_id", "amount"),
        # first_month before amount: the cube groups by it too and stays one ordered scan of this covering index (no sort)
        Index("ix_investment_cube", "year", "month", "sector_id", "district_id", "first_month", "amount"),
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    sector_id: Mapped[int | None] = mapped_column(Integer)  # NULL: the project's sector is unknown
    district_id: Mapped[int | None] = mapped_column(Integer)
    # A figure covering months first_month..month as one (a first 1–X月累计 report); NULL: the
    # month alone. It counts in the year to date of ``month`` and later months.
    first_month: Mapped[int | None] = mapped_column(Integer)


class AnnualPlanRow(Base):
    __tablename__ = "annual_plans"
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)


class ProjectChangeRow(Base):
    """The audit trail (storage/audit.py): written by triggers, never by the program's own SQL.

    No foreign key to projects: the trail of a deleted project stays.
    """

    __tablename__ = "project_changes"
    __table_args__ = (
        Index("ix_project_changes_project", "project_id", "id"),
        Index("ix_project_changes_changed_at", "changed_at"),
        Index("ix_project_changes_user", "user_name", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(Integer)
    project_code: Mapped[str | None] = mapped_column(String(64))
    project_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    user_name: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
