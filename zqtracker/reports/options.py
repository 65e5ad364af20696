"""What a user asks of a summary view: which view, period, language, unit, filters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.reports.model import View
from zqtracker.services.statistics import DEFAULT_STALE_MONTHS


@dataclass(frozen=True)
class ReportOptions:
    view: View = View.OVERVIEW
    year: int | None = None  # None: the latest month with records (StatisticsService.resolve_period)
    through: int | None = None  # last month included, 1–12
    lang: str = "en"
    unit: Unit = Unit.YI
    filter: ProjectFilter | None = None  # the Projects view's filters; None or empty: every project
    key_only: bool = True  # monthly progress: the key-project report (重点项目) rather than every planned project
    stale_months: int = DEFAULT_STALE_MONTHS
    as_of: date | None = None  # stale view's reference date; None: StatisticsService.as_of()
    generated_at: datetime | None = None  # None: now (tests pin it)

    def effective_filter(self) -> ProjectFilter | None:
        """The filter the figures are computed with (the monthly view adds "key projects only")."""
        f = self.filter if self.filter is not None and not self.filter.is_empty() else None
        if self.view is View.MONTHLY and self.key_only:
            return dataclasses.replace(f or ProjectFilter(), key_only=True)
        return f
