"""What a user filters projects by, and the light row the project list is made of.

The same :class:`ProjectFilter` is turned into SQL by storage (statistics, CLI, reports) and
applied in memory by the desktop table (:meth:`ProjectFilter.matches`), so both agree.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from zqtracker.domain.models import INCOMPLETE_FIELDS, InvestorOrigin, ProjectType, missing_fields
from zqtracker.domain.money import BILLION_YUAN
from zqtracker.domain.status import Status
from zqtracker.domain.unknown import missing_list
from zqtracker.domain.words import Catalogue

# A filter described in words, for report and export headers.
_WORDS = Catalogue(
    "filters",
    {
        "sep": (", ", "、"),
        "or": (" or ", "或"),
        "search": ("search “{text}”", "搜索“{text}”"),
        "status": ("status: {names}", "状态：{names}"),
        "sector": ("sector: {names}", "行业：{names}"),
        "district": ("district: {names}", "区域：{names}"),
        "signed": ("signed in {year}", "{year}年签约"),
        "key": ("key projects", "重点项目"),
        "billion": ("≥ 1 billion yuan", "十亿元以上项目"),
        "missing": ("missing {fields}", "缺少{fields}"),
    },
)


@dataclass(slots=True)
class ProjectRow:
    """One line of the project list: names resolved, nothing lazy, cheap to hold 100k of."""

    id: int
    code: str | None
    name: str
    enterprise: str | None
    sector: str | None  # None: not known yet (as district and planned investment)
    sector_parent: str | None
    district: str | None
    status: Status
    planned_investment: int | None
    land_area_mu: Decimal | None
    expected_annual_output: int | None
    expected_annual_tax: int | None
    signed_on: date | None
    construction_start_on: date | None
    production_on: date | None
    is_key_project: bool
    project_type: ProjectType | None  # None: not given (as investor_origin)
    investor_origin: InvestorOrigin | None
    officer: str | None
    updated_at: datetime | None
    version: int
    last_activity_on: date | None = None
    # precision of the three dates (None: a day; else "month", "quarter", "year")
    signed_on_precision: str | None = None
    construction_start_on_precision: str | None = None
    production_on_precision: str | None = None

    @property
    def is_billion_yuan(self) -> bool:
        return self.planned_investment is not None and self.planned_investment >= BILLION_YUAN

    @property
    def missing(self) -> tuple[str, ...]:
        """The INCOMPLETE_FIELDS this project lacks (empty when it is complete)."""
        return missing_fields(self.sector, self.district, self.planned_investment)


@dataclass(slots=True)
class ProjectFilter:
    search: str = ""
    statuses: frozenset[Status] = field(default_factory=frozenset)
    sectors: frozenset[str] = field(default_factory=frozenset)  # a chain name covers its sectors
    districts: frozenset[str] = field(default_factory=frozenset)
    signed_year: int | None = None
    key_only: bool = False
    billion_only: bool = False
    # Projects lacking any of these INCOMPLETE_FIELDS ("missing: district or amount").
    missing: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        unknown = set(self.missing) - set(INCOMPLETE_FIELDS)
        if unknown:
            raise ValueError(f"cannot filter by missing {sorted(unknown)}; one of {INCOMPLETE_FIELDS}")

    def is_empty(self) -> bool:
        return self == ProjectFilter()

    def search_terms(self) -> list[str]:
        return [fold(t) for t in self.search.split()]

    def matches(self, row: ProjectRow) -> bool:
        if self.statuses and row.status not in self.statuses:
            return False
        if self.sectors and row.sector not in self.sectors and row.sector_parent not in self.sectors:
            return False
        if self.districts and row.district not in self.districts:
            return False
        if self.signed_year is not None and (row.signed_on is None or row.signed_on.year != self.signed_year):
            return False
        if self.key_only and not row.is_key_project:
            return False
        if self.billion_only and not row.is_billion_yuan:
            return False
        if self.missing and not self.missing.intersection(row.missing):
            return False
        terms = self.search_terms()
        if terms:
            hay = search_haystack(row.name, row.code, row.enterprise)
            return all(t in hay for t in terms)
        return True

    def describe(self, lang: str = "en") -> list[str]:
        """Human-readable phrases naming what is filtered (for report and export headers)."""
        out: list[str] = []
        sep = _WORDS.say("sep", lang)
        if self.search:
            out.append(_WORDS.say("search", lang, text=self.search))
        if self.statuses:
            names = sep.join(s.label(lang) for s in sorted(self.statuses, key=lambda s: s.order))
            out.append(_WORDS.say("status", lang, names=names))
        if self.sectors:
            out.append(_WORDS.say("sector", lang, names=sep.join(sorted(self.sectors))))
        if self.districts:
            out.append(_WORDS.say("district", lang, names=sep.join(sorted(self.districts))))
        if self.signed_year is not None:
            out.append(_WORDS.say("signed", lang, year=self.signed_year))
        if self.key_only:
            out.append(_WORDS.say("key", lang))
        if self.billion_only:
            out.append(_WORDS.say("billion", lang))
        if self.missing:
            fields = [f for f in INCOMPLETE_FIELDS if f in self.missing]
            out.append(_WORDS.say("missing", lang, fields=missing_list(fields, lang, joiner=_WORDS.say("or", lang))))
        return out


def fold(text: str) -> str:
    """Text as search compares it: Unicode-compatible forms (full-width ＡＢＣ１２３ and （） as
    half-width, ligatures spelled out, é one character however typed) and case folded (É, ß, İ).
    The SQL filter applies the very same function inside SQLite (storage.database registers it),
    so a search finds the same projects in the table, lists, exports and reports."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def search_haystack(*fields: str | None) -> str:
    """The folded fields a search term is looked for in, one per line: a term never contains a
    line break, so it matches within one field — as the SQL filter, which looks in each field."""
    return "\n".join(fold(f) for f in fields if f)
