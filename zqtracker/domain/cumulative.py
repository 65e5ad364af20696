"""Year-to-date (1–X月累计) reports turned into monthly records, and the spans they leave.

Chinese monthly reports give completed investment as the year to date through month X. A month's
own amount is the difference between two consecutive year-to-date figures; the first report of a
year with no stored month before it covers months 1–X as one figure — a *span* — and stays one
(never spread over the months by guessing). A record is stored at the last month of what it
covers, so a span counts in the year to date of its last month and of every later month, exactly
as the report did.

The rule of :func:`derive_from_ytd`: the year-to-date figures already stored for other months are
kept as they were reported; a new report adds (or replaces) the year-to-date of its own month, and
the records around it are the differences. Reporting September after October splits October's
1–10月 span into 1–9月 and 10月 without changing October's year to date.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.months import MONTH_ABBREVIATIONS_EN, calendar_text


@dataclass(frozen=True, slots=True, order=True)
class MonthSpan:
    """Months ``first``..``last`` of ``year``: what one investment record covers."""

    year: int
    first: int
    last: int

    def __post_init__(self) -> None:
        if not 1 <= self.first <= self.last <= 12:
            raise ValueError(f"bad month span {self.first}–{self.last}")

    @property
    def is_span(self) -> bool:
        """True when the figure covers more than one month (shown as "1–X月")."""
        return self.first < self.last

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def contains(self, month: int) -> bool:
        return self.first <= month <= self.last

    def label(self, lang: str = "en", *, with_year: bool = False) -> str:
        """ "1–8月" / "Jan–Aug" (a single month: "8月" / "Aug"); with the year in front if asked."""
        if not self.is_span:
            key = "month_abbr_year" if with_year else "month"
            return calendar_text(key, lang, month=self.last, year=self.year)
        first = MONTH_ABBREVIATIONS_EN[self.first - 1]
        key = "span_year" if with_year else "span"
        return calendar_text(key, lang, month=self.last, first=self.first, first_abbr=first, year=self.year)


def span_of(record: InvestmentRecord) -> MonthSpan:
    return MonthSpan(record.year, record.first, record.month)


def ytd_points(records: Iterable[InvestmentRecord]) -> dict[int, int]:
    """The year to date at the last month of each record of one project and year: {month: YTD}."""
    out: dict[int, int] = {}
    total = 0
    for r in sorted(records, key=lambda r: r.month):
        total += r.amount
        out[r.month] = total
    return out


def records_from_points(
    project_id: int, year: int, points: Mapping[int, int], kept: Mapping[int, InvestmentRecord] | None = None
) -> list[InvestmentRecord]:
    """Records whose year-to-date figures are ``points``: each covers the months since the one before
    — except a stored record of ``kept`` (by month) whose amount stays: it keeps the months it covered
    (a September alone, after months never reported, is not made 1–9月)."""
    out: list[InvestmentRecord] = []
    previous_month, previous_ytd = 0, 0
    for month in sorted(points):
        ytd = points[month]
        first = previous_month + 1
        old = kept.get(month) if kept else None
        if old is not None and old.amount == ytd - previous_ytd and old.first > first:
            first = old.first
        out.append(InvestmentRecord(project_id, year, month, ytd - previous_ytd, first))
        previous_month, previous_ytd = month, ytd
    return out


def unreported_months(records: Iterable[InvestmentRecord], through: int) -> tuple[int, ...]:
    """Months 1..``through`` no record covers: a year to date through ``through`` counts them as 0."""
    covered = {m for r in records for m in range(r.first, r.month + 1)}
    return tuple(m for m in range(1, through + 1) if m not in covered)


@dataclass(frozen=True, slots=True)
class YtdDerivation:
    """What storing reported year-to-date figures means for one project and year.

    ``write``: records to insert or overwrite (only those that change); ``problems``: reports that
    cannot be stored as they are (a year to date below the month before's, or above a later
    month's) — nothing of that project and year should be written while there are any.
    """

    project_id: int
    year: int
    write: tuple[InvestmentRecord, ...]
    problems: tuple[Problem, ...]
    unreported: tuple[int, ...] = ()  # months before the last reported one with no figure: counted as 0

    @property
    def ok(self) -> bool:
        return not self.problems


def derive_from_ytd(
    project_id: int, year: int, stored: Iterable[InvestmentRecord], reported: Mapping[int, int]
) -> YtdDerivation:
    """Monthly records from year-to-date figures ``reported`` ({month X: YTD through X, yuan}).

    ``stored``: the project's records of ``year`` as they are now (other years are ignored).
    A YTD below the YTD stored or reported for an earlier month is the problem ``ytd_decrease``
    (params: month, value, previous_month, previous — both figures in yuan); one above a later
    month's is ``ytd_above_later`` (params: month, value, later_month, later). Nothing is spread:
    a first report through X with nothing before it is one record covering 1–X.
    """
    current = sorted((r for r in stored if r.year == year), key=lambda r: r.month)
    merged = _stored_points(current, reported)
    problems: list[Problem] = []
    months = sorted(merged)
    for before, after in itertools.pairwise(months):
        if merged[after] >= merged[before]:
            continue
        if after in reported:
            problems.append(
                Problem(
                    "ytd_decrease",
                    "amount",
                    {
                        "year": year,
                        "month": after,
                        "value": merged[after],
                        "previous_month": before,
                        "previous": merged[before],
                    },
                )
            )
        else:
            problems.append(
                Problem(
                    "ytd_above_later",
                    "amount",
                    {
                        "year": year,
                        "month": before,
                        "value": merged[before],
                        "later_month": after,
                        "later": merged[after],
                    },
                )
            )
    for month, ytd in reported.items():
        if ytd < 0:
            problems.append(Problem("negative_money", "amount", {"value": ytd, "month": month}))
    if problems:
        return YtdDerivation(project_id, year, (), tuple(problems))
    old = {(r.month, r.first, r.amount) for r in current}
    kept = {r.month: r for r in current if r.month not in reported}
    records = records_from_points(project_id, year, merged, kept)
    write = tuple(r for r in records if (r.month, r.first, r.amount) not in old)
    return YtdDerivation(project_id, year, write, (), unreported_months(records, max(reported, default=0)))


def _stored_points(current: list[InvestmentRecord], reported: Mapping[int, int]) -> dict[int, int]:
    """The year to date at each stored record's month, with ``reported`` in. Records that cover every
    month from January on hold a known year to date (kept as reported); a record after a month no
    record covers (a September given alone) is its own amount: it adds to the year to date before
    it, whatever a report says about earlier months."""
    known, expected = 0, 1
    for r in current:
        if r.first != expected:
            break
        known, expected = known + 1, r.month + 1
    merged = ytd_points(current[:known])
    merged.update(reported)
    for r in current[known:]:
        if r.month not in reported:
            before = max((m for m in merged if m < r.month), default=None)
            merged[r.month] = (0 if before is None else merged[before]) + r.amount
    return merged


def month_amount_from_ytd(stored: Iterable[InvestmentRecord], year: int, month: int, ytd: int) -> tuple[int, int]:
    """(first month, amount) that a YTD through ``month`` gives against ``stored`` (no later months
    considered): the difference from the YTD of the latest stored month before, over the months
    since. For checking a 当月 column against a 1–X月 column of the same row."""
    before = {m: v for m, v in ytd_points(r for r in stored if r.year == year).items() if m < month}
    if not before:
        return 1, ytd
    last = max(before)
    return last + 1, ytd - before[last]


@dataclass(frozen=True, slots=True)
class YtdReport:
    """A reported 1–X月累计: ``ytd`` yuan completed by ``project_id`` in ``year`` through ``month``."""

    project_id: int
    year: int
    month: int
    ytd: int


def derive_reports(reports: Iterable[YtdReport], stored: Mapping[tuple[int, int, int], tuple]) -> list[YtdDerivation]:
    """:func:`derive_from_ytd` for many projects and years at once, one derivation per (project,
    year), in the order first reported.

    ``stored``: (project, year, month) → (amount, …, first_month as the last item) — the shape of
    the import's ``ImportStore.investment(years)`` (amount, sector_id, district_id, first_month);
    a bare (amount,) is the month alone. Two reports of one month must agree, else the second is
    the problem ``ytd_conflict`` (params: month, value, other).
    """
    grouped: dict[tuple[int, int], dict[int, int]] = {}
    conflicts: dict[tuple[int, int], list[Problem]] = {}
    for r in reports:
        months = grouped.setdefault((r.project_id, r.year), {})
        if r.month in months and months[r.month] != r.ytd:
            conflicts.setdefault((r.project_id, r.year), []).append(
                Problem("ytd_conflict", "amount", {"month": r.month, "value": r.ytd, "other": months[r.month]})
            )
            continue
        months[r.month] = r.ytd
    by_key: dict[tuple[int, int], list[InvestmentRecord]] = {key: [] for key in grouped}
    for (pid, y, m), value in stored.items():
        records = by_key.get((pid, y))
        if records is not None:
            first = value[-1] if len(value) > 1 else None
            records.append(InvestmentRecord(pid, y, m, value[0], first))
    out = []
    for (pid, y), months in grouped.items():
        d = derive_from_ytd(pid, y, by_key[(pid, y)], months)
        extra = conflicts.get((pid, y))
        if extra:
            d = YtdDerivation(pid, y, (), (*d.problems, *extra))
        out.append(d)
    return out
