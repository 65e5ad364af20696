"""What an import changes, field by field, for the CLI's dry run (text and ``--json``).

A district's file that went through a spreadsheet program may differ from what is stored in ways
nobody meant; the dry run shows each field it would change (before → after) and each monthly
record it would rewrite, so that a user sees "planned investment 12.34567891亿 → 12.35亿" before
anything is written — and the amounts a spreadsheet program merely rounded are listed apart.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.status import Status
from zqtracker.services.import_model import UPDATE, ImportAnalysis

MAX_LISTED = 1_000  # a whole city's re-import is summarised, not printed in full


def plain(value: Any) -> Any:
    """A value as JSON carries it: integers stay integers (yuan), decimals as plain text, enums by
    value, dates in ISO (at their precision)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "iso"):
        return value.iso()
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return str(value)


def changes_of(analysis: ImportAnalysis) -> tuple[list[dict[str, Any]], int]:
    """The field-level changes of updated projects and the rewritten monthly records (at most
    MAX_LISTED), and how many there are in all."""
    out: list[dict[str, Any]] = []
    total = 0
    for sa in analysis.selected:
        plan = sa.plan
        assert plan is not None
        codes, names = plan.column("code"), plan.column("name")
        for k, changes in sa.changes.items():
            if sa.status[k] != UPDATE:
                continue
            for c in changes:
                total += 1
                if len(out) < MAX_LISTED:
                    out.append(
                        {
                            "sheet": sa.name,
                            "row": plan.row_numbers[k],
                            "project": codes[k] or names[k],
                            "field": c.field,
                            "before": plain(c.before),
                            "after": plain(c.after),
                        }
                    )
    rewritten = [r for r in analysis.records if r[4] is not None]
    total += len(rewritten)
    stored = analysis.context.investment if analysis.context is not None else {}
    for target, y, m, yuan, before, first in rewritten[: max(0, MAX_LISTED - len(out))]:
        item = {"project_id": target, "month": _months(y, first, m), "field": "completed_investment"}
        old = stored.get((target, y, m))
        old_first = old[3] if old is not None and len(old) > 3 else None
        if old is not None and old_first != first:  # 1–10月 as one figure becomes 1–9月 and 10月: say so
            item["before_month"] = _months(y, old_first, m)
        out.append({**item, "before": before, "after": yuan})
    return out, total


def _months(y: int, first: int | None, m: int) -> str:
    """ "2025-10", or "2025-01..10" for a figure over several months."""
    return f"{y}-{m:02d}" if not first else f"{y}-{first:02d}..{m:02d}"


def rounded_of(analysis: ImportAnalysis) -> list[dict[str, Any]]:
    return [
        {"sheet": sheet, "row": row, "field": field, "stored": stored, "file": value, "decimals_shown": places}
        for sheet, row, field, stored, value, places in analysis.rounded[:MAX_LISTED]
    ]


def status_back(analysis: ImportAnalysis) -> list[Problem]:
    """A note naming the listed projects whose status the import moves back along the pipeline
    (在建 → 前期): a correction, or a slip of the clerk's — said, never silent. Stored as given."""
    ctx = analysis.context
    if ctx is None:
        return []
    back: list[tuple[str, int, Status, Status]] = []
    revived: list[tuple[str, int, Status, Status]] = []
    for u in analysis.updates:
        new, old = u.fields.get("status"), ctx.codec.value(u.before, "status")
        if not (isinstance(new, Status) and isinstance(old, Status)):
            continue
        sa = analysis.sheets[u.sheet]
        row = sa.plan.row_numbers[u.k] if sa.plan is not None else 0
        if new.is_pipeline and old.is_pipeline and new.order < old.order:
            back.append((sa.name, row, old, new))
        elif old is Status.CANCELLED:  # 终止 → 在建: a cancelled project going on, or a slip?
            revived.append((sa.name, row, old, new))
    return [
        Problem(code, None, {"count": len(found), "rows": _rows(found), "before": found[0][2], "after": found[0][3]})
        for code, found in (("note_status_back", back), ("note_status_revived", revived))
        if found
    ]


def _rows(found: list[tuple[str, int, Status, Status]]) -> str:
    return "; ".join(f"“{s}” {r}" for s, r, _o, _n in found[:12]) + (" …" if len(found) > 12 else "")
