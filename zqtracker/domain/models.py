"""The records a bureau keeps. Plain dataclasses: the storage layer maps them to tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money import BILLION_YUAN
from zqtracker.domain.status import Status
from zqtracker.domain.words import Catalogue


class ProjectType(StrEnum):
    NEW = "new"
    EXPANSION = "expansion"
    REINVESTMENT = "reinvestment"
    UPGRADE = "upgrade"

    def label(self, lang: str = "en") -> str:
        return _TYPE_LABELS.say(self, lang)


_TYPE_LABELS = Catalogue(
    "project_types",
    {
        ProjectType.NEW: ("New", "新建"),
        ProjectType.EXPANSION: ("Expansion", "扩建"),
        ProjectType.REINVESTMENT: ("Reinvestment", "增资"),
        ProjectType.UPGRADE: ("Upgrade", "技改"),
    },
)


class InvestorOrigin(StrEnum):
    DOMESTIC = "domestic"
    HK_MACAO_TAIWAN = "hk_macao_taiwan"
    FOREIGN = "foreign"

    def label(self, lang: str = "en") -> str:
        return _ORIGIN_LABELS.say(self, lang)


_ORIGIN_LABELS = Catalogue(
    "investor_origins",
    {
        InvestorOrigin.DOMESTIC: ("Domestic", "内资"),
        InvestorOrigin.HK_MACAO_TAIWAN: ("HK/Macao/Taiwan", "港澳台"),
        InvestorOrigin.FOREIGN: ("Foreign", "外资"),
    },
)


@dataclass(slots=True)
class Sector:
    name: str
    parent: str | None = None  # the industry chain this sector belongs to, by name
    id: int | None = None


@dataclass(slots=True)
class District:
    name: str
    id: int | None = None


@dataclass(slots=True)
class Enterprise:
    name: str
    credit_code: str | None = None
    is_high_tech: bool = False
    is_specialized_new: bool = False  # 专精特新
    is_little_giant: bool = False  # 国家级专精特新“小巨人”
    id: int | None = None


@dataclass(slots=True)
class Project:
    """One investment project. References (sector, district, enterprise) are held by name.

    Only the name is required: sector, district and planned investment are None while unknown
    (a negotiating lead often has none of them) — never invented, never 0. So are the project
    type and the investor's origin: a list without them says nothing, not 新建 or 内资.
    """

    name: str
    sector: str | None = None
    district: str | None = None
    status: Status = Status.SIGNED
    planned_investment: int | None = None  # yuan; None: unknown
    code: str | None = None
    enterprise: str | None = None
    land_area_mu: Decimal | None = None
    expected_annual_output: int | None = None  # yuan
    expected_annual_tax: int | None = None  # yuan
    signed_on: date | None = None
    construction_start_on: date | None = None
    production_on: date | None = None
    is_key_project: bool = False
    project_type: ProjectType | None = None  # None: not given
    investor_origin: InvestorOrigin | None = None  # None: not given
    officer: str | None = None
    notes: str = ""
    contact: str | None = None  # 联系人 / 联系方式: a person and/or a phone number, free text
    progress_note: str | None = None  # the latest progress text (进展情况 / 对接情况)
    # How precise each date is (a list may give only "2025年二季度" or "2020"): the date is the
    # period's first day, shown and exported at this precision.
    signed_on_precision: DatePrecision = DatePrecision.DAY
    construction_start_on_precision: DatePrecision = DatePrecision.DAY
    production_on_precision: DatePrecision = DatePrecision.DAY
    # 自开工累计: investment completed since construction started, as reported through a month.
    since_start_amount: int | None = None  # yuan
    since_start_year: int | None = None
    since_start_month: int | None = None
    # Planned investment as the list gave it in another currency (planned_investment is its
    # yuan amount at the stated rate): None when it was given in yuan.
    planned_foreign: ForeignAmount | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0

    @property
    def is_billion_yuan(self) -> bool:
        """An unknown amount is not a billion-yuan project."""
        return self.planned_investment is not None and self.planned_investment >= BILLION_YUAN

    @property
    def missing(self) -> tuple[str, ...]:
        """Which of the fields a complete project has are still unknown (INCOMPLETE_FIELDS order)."""
        return missing_fields(self.sector, self.district, self.planned_investment)

    @property
    def intensity_wan_per_mu(self) -> Decimal | None:
        """Investment intensity in 万元 per mu (derived, never stored)."""
        if not self.land_area_mu or self.planned_investment is None:
            return None
        return Decimal(self.planned_investment) / Decimal(10_000) / self.land_area_mu

    def fuzzy(self, field_name: str) -> FuzzyDate | None:
        """One of the three dates with its precision (``signed_on``, ``construction_start_on``,
        ``production_on``)."""
        return FuzzyDate.of(getattr(self, field_name), getattr(self, f"{field_name}_precision"))

    @property
    def since_start_pct(self) -> Decimal | None:
        """自开工累计 as % of planned investment (exact; rounded only when shown)."""
        if self.since_start_amount is None or not self.planned_investment:
            return None
        return Decimal(self.since_start_amount) * 100 / Decimal(self.planned_investment)

    @property
    def tax_wan_per_mu(self) -> Decimal | None:
        if not self.land_area_mu or self.expected_annual_tax is None:
            return None
        return Decimal(self.expected_annual_tax) / Decimal(10_000) / self.land_area_mu


# Fields a user edits, in the order forms and spreadsheets show them.
PROJECT_FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "enterprise",
    "sector",
    "district",
    "status",
    "planned_investment",
    "land_area_mu",
    "expected_annual_output",
    "expected_annual_tax",
    "signed_on",
    "construction_start_on",
    "production_on",
    "is_key_project",
    "project_type",
    "investor_origin",
    "officer",
    "contact",
    "progress_note",
    "notes",
)

# What a complete project has and a lead may lack: the table marks a project without one of
# these, the filter bar finds them, and every total says how many lack an amount.
INCOMPLETE_FIELDS: tuple[str, ...] = ("sector", "district", "planned_investment")


def missing_fields(sector: str | None, district: str | None, planned_investment: int | None) -> tuple[str, ...]:
    """The INCOMPLETE_FIELDS that are unknown, in that order (one function for Project and ProjectRow)."""
    if sector is not None and district is not None and planned_investment is not None:
        return ()
    values = (sector, district, planned_investment)
    return tuple(name for name, value in zip(INCOMPLETE_FIELDS, values, strict=True) if value is None)


@dataclass(slots=True)
class StatusChange:
    project_id: int
    from_status: Status | None
    to_status: Status
    changed_on: date
    note: str = ""
    id: int | None = None
    # The project's version once this change was written: what its undo expects to find.
    project_version: int | None = field(default=None, compare=False)


@dataclass(slots=True, frozen=True)
class InvestmentRecord:
    """Investment completed by one project in one month, or in months ``first_month``..``month``
    of one year as one figure (a first 1–X月累计 report: see domain/cumulative.py)."""

    project_id: int
    year: int
    month: int  # the last month the figure covers: it counts in the year to date from here on
    amount: int  # yuan
    first_month: int | None = None  # None: the month alone

    def __post_init__(self) -> None:
        if self.first_month == self.month:  # one spelling of "the month alone"
            object.__setattr__(self, "first_month", None)

    @property
    def first(self) -> int:
        return self.month if self.first_month is None else self.first_month

    @property
    def is_span(self) -> bool:
        return self.first < self.month


@dataclass(slots=True, frozen=True)
class AnnualPlan:
    """Investment a project is planned to complete in one year (base of % of plan)."""

    project_id: int
    year: int
    amount: int  # yuan


@dataclass(slots=True)
class ProjectSnapshot:
    """A project with everything hanging off it: what a delete removes and an undo puts back."""

    project: Project
    status_changes: list[StatusChange] = field(default_factory=list)
    investment: list[InvestmentRecord] = field(default_factory=list)
    plans: list[AnnualPlan] = field(default_factory=list)
