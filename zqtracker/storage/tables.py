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
    Table,
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
        Index("ix_projects_kind", "project_type", "investor_origin", "planned_investment"),  # by origin / type
        Index("ix_projects_activity", "last_activity_on", "status"),  # the dashboard's stale count
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
    # Type and investor origin NULL when no list or user gave them (never 新建 / 内资 by default).
    project_type: Mapped[str | None] = mapped_column(String(16))
    investor_origin: Mapped[str | None] = mapped_column(String(16))
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
        # first_month before amount: the cube groups by it too and stays one ordered scan of this covering
        # index (no sort)
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


# -- the monthly reporting round (issue 17) ------------------------------------------------------------
class RoundRow(Base):
    """One month's reporting round: workbooks out to districts, returns back, the month closed."""

    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        Index("ix_rounds_period", "year", "month", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)  # returns expected by this day
    created_at: Mapped[datetime] = mapped_column(DateTime)
    folder: Mapped[str] = mapped_column(Text, default="")  # where the workbooks were written last
    unit: Mapped[str] = mapped_column(String(8), default="wan")  # the money unit of the workbooks


class RoundDistrictRow(Base):
    """A district's part of a round: its workbook, its token, what came back and when."""

    __tablename__ = "round_districts"
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="RESTRICT"), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))  # the key of the workbook's checksum
    file_name: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)  # the workbook written (None: not sent)
    returned_on: Mapped[date | None] = mapped_column(Date)  # a return collected
    returned_file: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime | None] = mapped_column(DateTime)
    projects_updated: Mapped[int] = mapped_column(Integer, default=0)
    projects_added: Mapped[int] = mapped_column(Integer, default=0)


class RoundProjectRow(Base):
    """A project listed in a district's workbook of a round (what its return may speak for)."""

    __tablename__ = "round_projects"
    __table_args__ = (Index("ix_round_projects_project", "project_id"),)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    district_id: Mapped[int] = mapped_column(Integer)


class RoundDecisionRow(Base):
    """What the analyst decided about one plausibility finding of a return: accepted with a note,
    or sent back to the district."""

    __tablename__ = "round_decisions"
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)
    check_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    decision: Mapped[str] = mapped_column(String(16))  # "accepted" / "sent_back"
    note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class ClosedMonthRow(Base):
    """A month whose consolidated figures are frozen: reports and the dashboard show these."""

    __tablename__ = "closed_months"
    __table_args__ = (CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class ClosedInvestmentRow(Base):
    """The investment records as they stood when month (close_year, close_month) was closed: every
    record of that year through the month, and of the year before (for year-on-year figures), and a
    figure of that year covering the month with later ones (1–10月 closing September: not counted, it
    makes its project's year to date not known, as it did before the close).
    Projects may be deleted later; their frozen figures stay (no foreign key)."""

    __tablename__ = "closed_investment"
    __table_args__ = (Index("ix_closed_investment_cube", "close_year", "close_month", "year", "month"),)
    close_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    close_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    sector_id: Mapped[int | None] = mapped_column(Integer)
    district_id: Mapped[int | None] = mapped_column(Integer)
    first_month: Mapped[int | None] = mapped_column(Integer)  # a record covering first_month..month


class ClosedProgressRow(Base):
    """One line of the monthly progress table as it was closed (names and status as they were)."""

    __tablename__ = "closed_progress"
    close_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    close_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    enterprise: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(100))
    district: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(24))
    planned_investment: Mapped[int | None] = mapped_column(BigInteger)
    is_key_project: Mapped[bool] = mapped_column(Boolean, default=False)
    this_month: Mapped[int] = mapped_column(BigInteger)
    ytd: Mapped[int] = mapped_column(BigInteger)
    annual_plan: Mapped[int | None] = mapped_column(BigInteger)
    since_start: Mapped[int] = mapped_column(BigInteger)
    this_month_first: Mapped[int | None] = mapped_column(Integer)  # this month's figure covers first..month
    since_start_reported: Mapped[bool] = mapped_column(Boolean, default=False)


def table_of(row_class: type[Base]) -> Table:
    """The Core table of a mapped class, for executemany through Core (SQLAlchemy types a class's
    ``__table__`` as any FromClause; a declarative class's is always a Table)."""
    table = row_class.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{row_class.__name__} is not mapped to a table")
    return table
