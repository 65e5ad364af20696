"""A return refused because its month is closed, named as the collector needs it (probe40d): which
file and district, since when the month is closed — and whether the close came while the return was
being collected (read with the month open, refused at its write), when a collect of several returns
has imported the ones before it and the month's frozen figures hold them."""

from __future__ import annotations

from datetime import UTC, datetime

from zqtracker.domain.rounds import Period
from zqtracker.services.rounds import RoundRefused


def closed_refusal(period: Period, at: datetime | None, file: str, district: str, *, meanwhile: bool) -> RoundRefused:
    """RoundRefused naming ``file`` of ``district``; ``at`` is the close's stamp (naive UTC), said in local time."""
    shown = at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M") if at is not None else "?"
    code = "round_month_closed_meanwhile" if meanwhile else "round_month_closed"
    return RoundRefused(code, round=str(period), at=shown, file=file, district=district)
