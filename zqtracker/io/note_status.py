"""A status written in the 备注 column of a sheet that has no status column ("已投产", "在建", "试生产"):
the project's status, as the clerk meant it. Only a cell that is a status word and nothing more — a
sentence ("已于9月正式投产", "二期在建，一期已投产") says too much or too little to be one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.status import parse_status
from zqtracker.io.layout_model import SheetLayout

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_LONGEST = 8  # characters: "已竣工投产", "设备安装调试"; longer remarks are sentences


def status_from_notes(plan: SheetPlan, layout: SheetLayout) -> None:
    """Each row's status from its 备注 cell when the sheet gives no status column: a row hint, before
    the sheet's (its title, its name) and a section's 续建 — the row's own word is the latest."""
    fields = layout.fields()
    notes = plan.values.get("notes")
    if "status" in fields or not notes:
        return
    for k, text in enumerate(notes):
        if not isinstance(text, str) or not 2 <= len(text.strip()) <= _LONGEST:
            continue
        try:
            status = parse_status(text.strip())
        except ValidationError:
            continue
        if plan.status_hint is None:
            plan.status_hint = [None] * len(notes)
        plan.status_hint.extend([None] * (len(notes) - len(plan.status_hint)))
        plan.status_hint[k] = status.value
