"""The monthly reporting round as plain data: the month it is for, each district's state, and what
a district's return says of one project.

A round asks every district for one month's figures (issue 17). What a district can be in:
not sent (no workbook written yet), sent, returned (a file collected, not yet imported), imported;
"late" is said of a sent district whose return is missing after the due day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.status import Status

_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*月?)\s*$")
DUE_DAY = 10  # returns are due on the 10th of the month after the round's month (configurable per round)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2023-10", "2023.10", "2023/10", "2023年10月"; raises ValidationError otherwise."""
        m = _PERIOD_RE.match(text or "")
        if m is None or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) <= 2200:
            raise ValidationError(Problem("round_bad_month", "month", {"value": text}))
        return cls(int(m.group(1)), int(m.group(2)))

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def label(self, lang: str = "en") -> str:
        from zqtracker.domain.months import calendar_text

        return calendar_text("month_year", lang, month=self.month, year=self.year)

    def short(self, lang: str = "en") -> str:
        """ "2023-10" / "2023年10月"."""
        from zqtracker.domain.months import calendar_text

        return calendar_text("month_numbers", lang, month=self.month, year=self.year)

    def previous(self) -> Period:
        return Period(self.year - 1, 12) if self.month == 1 else Period(self.year, self.month - 1)

    def next(self) -> Period:
        return Period(self.year + 1, 1) if self.month == 12 else Period(self.year, self.month + 1)

    def default_due(self) -> date:
        n = self.next()
        return date(n.year, n.month, DUE_DAY)

    def ytd_label(self, lang: str = "en") -> str:
        """ "1–10月" / "Jan–Oct" (a January round: "1月" / "Jan")."""
        from zqtracker.domain.months import ytd_span

        return ytd_span(self.month, lang)


class DistrictState(StrEnum):
    NOT_SENT = "not_sent"
    SENT = "sent"
    RETURNED = "returned"
    IMPORTED = "imported"


@dataclass(frozen=True, slots=True)
class RoundDistrict:
    district_id: int
    district: str
    state: DistrictState
    projects: int  # listed in the workbook
    lacking: int  # of those, without a figure for the round's month
    file_name: str = ""
    sent_at: datetime | None = None
    returned_on: date | None = None
    imported_at: datetime | None = None
    updated: int = 0
    added: int = 0
    late_days: int = 0  # > 0: sent, no return, and the due day is that many days past

    def to_json(self) -> dict[str, object]:
        return {
            "district": self.district,
            "state": self.state.value,
            "late_days": self.late_days,
            "projects": self.projects,
            "lacking_figures": self.lacking,
            "file": self.file_name,
            "sent_at": self.sent_at.isoformat(timespec="seconds") if self.sent_at else None,
            "returned_on": self.returned_on.isoformat() if self.returned_on else None,
            "imported_at": self.imported_at.isoformat(timespec="seconds") if self.imported_at else None,
            "projects_updated": self.updated,
            "projects_added": self.added,
        }


@dataclass(frozen=True, slots=True)
class Round:
    id: int
    period: Period
    due_on: date
    created_at: datetime
    folder: str
    unit: str
    districts: tuple[RoundDistrict, ...] = ()
    closed_at: datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "round": str(self.period),
            "due_on": self.due_on.isoformat(),
            "folder": self.folder,
            "closed_at": self.closed_at.isoformat(timespec="seconds") if self.closed_at else None,
            "districts": [d.to_json() for d in self.districts],
            "counts": {s.value: sum(1 for d in self.districts if d.state is s) for s in DistrictState},
            "late": sum(1 for d in self.districts if d.late_days > 0),
        }


@dataclass(frozen=True, slots=True)
class Lacking:
    """A project of a reminder list: sent to its district, no figure for the month yet."""

    district: str
    code: str | None
    name: str


def late_days(state: DistrictState, due_on: date, today: date) -> int:
    """Days past the due day for a district still owing its return (0: not late)."""
    if state is not DistrictState.SENT:
        return 0
    return max(0, (today - due_on).days)


@dataclass(frozen=True, slots=True)
class SheetProject:
    """A project as a district's workbook lists it, with its last figures (yuan)."""

    id: int
    code: str | None
    name: str
    enterprise: str | None
    sector: str | None
    status: Status
    planned: int | None
    ytd_before: int  # year to date through the month before the round's
    last_month: int | None  # the month before's amount (None: no record)
    progress_note: str | None


# -- what a return says of one project ------------------------------------------------------------------
@dataclass(slots=True)
class Reported:
    """One project's row of a return, in yuan (None: left empty)."""

    project_id: int | None  # None: a new project (the extra sheet)
    row: int  # the sheet's 1-based row
    sheet: str
    name: str
    this_month: int | None = None  # 当月
    ytd: int | None = None  # 1–X月累计
    status_before: Status | None = None
    status_after: Status | None = None
    progress: str | None = None
    planned: int | None = None  # a new project's planned investment as typed


@dataclass(frozen=True, slots=True)
class History:
    """What is stored for one project before the return: its records of the year and the months
    before (for its usual month), planned investment and completed since start."""

    planned: int | None
    records: dict[tuple[int, int], int] = field(default_factory=dict)  # (year, month) → yuan
    status: Status | None = None

    def ytd_before(self, period: Period) -> int:
        """Year to date through the month before ``period`` (0 in January)."""
        return sum(v for (y, m), v in self.records.items() if y == period.year and m < period.month)

    def has_month_before(self, period: Period) -> bool:
        return period.month == 1 or any(y == period.year and m < period.month for y, m in self.records)

    def since_start_before(self, period: Period) -> int:
        return sum(v for (y, m), v in self.records.items() if (y, m) < (period.year, period.month))

    def usual_month(self, period: Period, months: int = 12) -> int | None:
        """The median of the positive monthly amounts of the ``months`` months before ``period``."""
        start = period.year * 12 + period.month - 1 - months
        values = sorted(v for (y, m), v in self.records.items() if start <= y * 12 + m - 1 < start + months and v > 0)
        if not values:
            return None
        mid = len(values) // 2
        return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) // 2


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """The amount a row gives for the round's month: from 当月, else from 1–X月累计 less the stored
    year to date. ``first``: the first month the amount covers — the month itself, or earlier when
    the months between were never reported (a first 1–X月 report covers 1–X as one figure)."""

    amount: int | None
    first: int
    problem: Problem | None = None
    # 当月 beside a 1–X月累计 over months never reported: (the first of those months, what they take
    # together — the difference less 当月), one figure ending with the month before
    gap: tuple[int, int] | None = None


def month_figure(row: Reported, history: History, period: Period) -> MonthFigure:
    """当月 and 1–X月累计 read together: the month is 当月 when given; a cumulative figure gives it as
    the difference from the stored year to date of the months before, and must agree with 当月
    when both are there. A cumulative figure below that year to date gives no amount (the check
    ``ytd_decreased`` reports it with both figures)."""
    stored = [m for (y, m) in history.records if y == period.year and m < period.month]
    first = max(stored) + 1 if stored else 1
    if row.ytd is None:
        return MonthFigure(row.this_month, period.month)
    before = history.ytd_before(period)
    derived = row.ytd - before
    if derived < 0:
        return MonthFigure(None, first)
    if row.this_month is not None and row.this_month != derived:
        if first < period.month and row.this_month <= derived:
            # months never reported lie between: 当月 is this month's part of the difference, the
            # rest the months between (1–9月 of a first report giving 当月 50 and 1–10月累计 300: 250)
            return MonthFigure(row.this_month, period.month, gap=(first, derived - row.this_month))
        return MonthFigure(
            None,
            first,
            Problem(
                "round_month_disagrees",
                "amount",
                {"month": row.this_month, "ytd": row.ytd, "before": before, "derived": derived},
            ),
        )
    return MonthFigure(derived, first if row.this_month is None else period.month)
