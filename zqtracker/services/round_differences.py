"""What a district's return changes, row by row (or adds): the lines the round-return preview and
``round collect`` show, worked out from an analysed return (services/round_collect.py)."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.round_checks import Finding
from zqtracker.domain.status import Status
from zqtracker.services.round_collect import DistrictReturn


@dataclass(frozen=True, slots=True)
class RowDifference:
    """What a return changes for one project (or adds): the preview's and the CLI's line."""

    sheet: str
    row: int
    project_id: int | None  # None: a new project
    code: str | None
    name: str
    status_before: Status | None
    status_after: Status | None  # None: unchanged
    month: int | None  # the month's amount that will be written (None: none)
    month_before: int | None  # what was stored for the month
    ytd: int | None  # as reported
    progress: str | None  # the new progress text (None: unchanged)
    sent_back: bool
    findings: tuple[Finding, ...] = ()

    @property
    def changes_something(self) -> bool:
        return (
            self.project_id is None
            or self.status_after is not None
            or self.progress is not None
            or (self.month is not None and self.month != self.month_before)
        )

    def to_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "project_id": self.project_id, "code": self.code,
                "name": self.name, "status_before": self.status_before.value if self.status_before else None,
                "status_after": self.status_after.value if self.status_after else None, "month": self.month,
                "month_before": self.month_before, "ytd": self.ytd, "progress": self.progress,
                "sent_back": self.sent_back}  # fmt: skip


def differences(ret: DistrictReturn) -> list[RowDifference]:
    """Every row of the return that changes something or has a finding, in the sheet's order."""
    analysis = ret.analysis
    stored: dict[tuple[int, int, int], int] = {}
    if analysis is not None and analysis.context is not None:
        stored = {k: v[0] for k, v in analysis.context.investment.items()}
    period = ret.period
    by_row: dict[tuple[str, int], list[Finding]] = {}
    for f in ret.findings:
        by_row.setdefault((f.sheet, f.row), []).append(f)
    out: list[RowDifference] = []
    for r in ret.rows.rows:
        back = ret.sent_back(r.sheet, r.row)
        figure = ret.figures.get((r.sheet, r.row))
        sent = ret.sent.get(r.project_id) if r.project_id is not None else None
        before_status = sent.status if sent is not None else None
        after = r.status_after if r.status_after is not None and r.status_after != before_status else None
        progress = r.progress if r.progress and (sent is None or r.progress != (sent.progress_note or "")) else None
        d = RowDifference(
            r.sheet, r.row, r.project_id, sent.code if sent else None, r.name, before_status, after,
            figure.amount if figure is not None and not back else None,
            stored.get((r.project_id, period.year, period.month)) if r.project_id is not None else None,
            r.ytd, progress, back, tuple(by_row.get((r.sheet, r.row), ())),
        )  # fmt: skip
        if d.changes_something or d.findings:
            out.append(d)
    return out
