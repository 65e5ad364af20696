"""What a round's workbook and its reading agree on: the hidden meta sheet and its format version,
the columns of the main and new-projects sheets and which of them the district fills in, where the
headers are, what one district's workbook says (:class:`RoundBook`), and the checksum that ties a
return to the round, the district and the projects it listed.

io/round_workbook.py writes by it; io/round_read.py reads by it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from zqtracker.domain.money import Unit
from zqtracker.domain.rounds import Period, SheetProject

META_SHEET = "_zqtracker_round"
FORMAT = "1"
MAIN_COLUMNS = (
    "no",
    "code",
    "name",
    "enterprise",
    "sector",
    "planned",
    "status_before",
    "ytd_before",
    "last_month",
    "status",
    "this_month",
    "ytd",
    "progress",
    "id",
)
OPEN_MAIN = frozenset(("status", "this_month", "ytd", "progress"))
NEW_COLUMNS = ("no", "name", "enterprise", "sector", "planned", "status", "signed", "this_month", "ytd", "progress")
HEADER_ROW = 3  # 0-based: title, 填报单位 line, group row, header
NEW_HEADER_ROW = 2  # title, unit line, header


@dataclass(frozen=True, slots=True)
class RoundBook:
    """What one district's workbook says."""

    period: Period
    district_id: int
    district: str
    projects: Sequence[SheetProject]
    token: str
    unit: Unit = Unit.WAN
    lang: str = "zh"
    due_on: date | None = None
    demo: bool = False

    @property
    def ids(self) -> list[int]:
        return [p.id for p in self.projects]


def checksum(token: str, period: Period, district_id: int, ids: Sequence[int]) -> str:
    payload = f"zqround{FORMAT}|{period}|{district_id}|{','.join(str(i) for i in sorted(ids))}"
    return hmac.new(token.encode(), payload.encode(), hashlib.sha256).hexdigest()[:24]
