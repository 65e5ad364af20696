"""Storing 1–X月累计 (year-to-date) reports: the use case the import and the CLI share.

The arithmetic is domain/cumulative.py's; this reads what is stored, and writes all or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zqtracker.domain.cumulative import YtdDerivation, YtdReport, derive_from_ytd
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import InvestmentRecord
from zqtracker.domain.validation import validate_amount, validate_month
from zqtracker.storage.database import Database
from zqtracker.storage.investment import InvestmentRepository


@dataclass(frozen=True, slots=True)
class YtdWrite:
    """What :meth:`CumulativeService.record` wrote, and what each written month held before
    (None: nothing) — enough to undo it."""

    derivations: tuple[YtdDerivation, ...]
    before: tuple[tuple[tuple[int, int, int], InvestmentRecord | None], ...]

    @property
    def written(self) -> list[InvestmentRecord]:
        return [r for d in self.derivations for r in d.write]


class CumulativeService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def record(self, reports: Sequence[YtdReport]) -> YtdWrite:
        """Store ``reports``: all or nothing. Raises ValidationError with every problem (a year
        to date below the month before's, …) and writes nothing when there is any."""
        with self.db.session() as s:
            repo = InvestmentRepository(s)
            derivations = _derive(repo, reports)
            problems = [p for d in derivations for p in d.problems]
            if problems:
                raise ValidationError(problems)
            written = [r for d in derivations for r in d.write]
            stored = {
                (r.project_id, r.year, r.month): r
                for pid, records in repo.investment_of({r.project_id for r in written}).items()
                for r in records
            }
            before = tuple((key, stored.get(key)) for key in ((r.project_id, r.year, r.month) for r in written))
            repo.put_investment(written)
        return YtdWrite(tuple(derivations), before)


def _derive(repo: InvestmentRepository, reports: Sequence[YtdReport]) -> list[YtdDerivation]:
    for r in reports:
        validate_month(r.year, r.month)
        validate_amount(r.ytd)
    grouped: dict[tuple[int, int], dict[int, int]] = {}
    for r in reports:
        grouped.setdefault((r.project_id, r.year), {})[r.month] = r.ytd
    stored = repo.investment_of({pid for pid, _ in grouped}, {y for _, y in grouped})
    return [derive_from_ytd(pid, y, stored.get(pid, []), months) for (pid, y), months in grouped.items()]


__all__ = ["CumulativeService", "YtdReport", "YtdWrite"]
