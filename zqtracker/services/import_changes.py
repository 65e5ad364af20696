"""What an import changes, field by field, for the CLI's dry run (text and ``--json``).

A district's file that went through a spreadsheet program may differ from what is stored in ways
nobody meant; the dry run shows each field it would change (before → after) and each monthly
record it would rewrite, so that a user sees "planned investment 12.34567891亿 → 12.35亿" before
anything is written — and the amounts a spreadsheet program merely rounded are listed apart. A user's
own entries the import would undo unsaid are said too: an annual plan changed (listed as "plan 2025"),
a project deleted in zqtracker that a row adds back (a note on the row).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.status import Status
from zqtracker.services.import_matching import district_key, name_key, name_keys
from zqtracker.services.import_model import INVALID, ImportAnalysis, NewProject
from zqtracker.storage.audit import deleted_projects
from zqtracker.storage.database import Database

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


def _plain_of(field: str, value: Any) -> Any:
    """As plain(); 自开工累计 as {"amount", "year", "month"} (the month it is as of), not a bare list."""
    if field == "since_start" and isinstance(value, tuple):
        return dict(zip(("amount", "year", "month"), value, strict=True))
    return plain(value)


def changes_of(analysis: ImportAnalysis) -> tuple[list[dict[str, Any]], int]:
    """The field-level changes of updated projects (an annual plan's as "plan 2025") and the rewritten
    monthly records (at most MAX_LISTED), and how many there are in all."""
    out: list[dict[str, Any]] = []
    total = 0
    for sa in analysis.selected:
        plan = sa.plan
        assert plan is not None
        codes, names = plan.column("code"), plan.column("name")
        for k, changes in sa.changes.items():
            if sa.status[k] == INVALID:  # (a view's row of a project: its plan, listed where the view gives it)
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
                            "before": _plain_of(c.field, c.before),
                            "after": _plain_of(c.field, c.after),
                            # a stored enterprise given its credit code by this row: which one
                            **({"enterprise": plan.column("enterprise")[k]} if c.field == "credit_code" else {}),
                        }
                    )
    rewritten = [r for r in analysis.records if r[4] is not None]
    total += len(rewritten)
    stored = analysis.context.investment if analysis.context is not None else {}
    listed = rewritten[: max(0, MAX_LISTED - len(out))]
    named = _project_names(analysis, {r[0] for r in listed})
    for target, y, m, yuan, before, first in listed:
        item = {"project_id": target, "project": named.get(target, f"#{target}"), "month": _months(y, first, m)}
        item["field"] = "completed_investment"
        old = stored.get((target, y, m))
        old_first = old[3] if old is not None and len(old) > 3 else None
        if old is not None and old_first != first:  # 1–10月 as one figure becomes 1–9月 and 10月: say so
            item["before_month"] = _months(y, old_first, m)
        out.append({**item, "before": before, "after": yuan})
    return out, total


def _project_names(analysis: ImportAnalysis, ids: set[int]) -> dict[int, str]:
    """Each stored project's code, else its name: what the user knows it by (never our row id)."""
    ctx = analysis.context
    if ctx is None or not ids:
        return {}
    named = {pid: ctx.code_of[pid] for pid in ids if ctx.code_of.get(pid)}
    if len(named) < len(ids):
        named.update({pid: name for (name, _district), pid in ctx.by_name.items() if pid in ids and pid not in named})
    return named


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


_MAX_READDED = 20  # rows named one by one; the rest counted


def readded(db: Database, analysis: ImportAnalysis) -> list[Problem]:
    """A note on each row that adds back a project a user deleted in zqtracker — matched by its code, or
    by its name (and district, where the trail knows the deleted one's) when either has no code: the
    district's list still gives a project merged into another or dropped, and the import would bring it
    back with its plan and figures, counted again, unsaid. One read of the audit trail, and only when
    the import adds projects."""
    if not analysis.new_projects or analysis.mode == "replace":
        return []
    with db.snapshot() as s:
        gone = deleted_projects(s)
    if not gone:
        return []
    by_code: dict[str, tuple] = {}
    by_name: dict[str, list[tuple]] = {}
    for d in gone:  # the latest deletion first
        if d[1]:
            by_code.setdefault(d[1], d)
        by_name.setdefault(name_key(d[2] or ""), []).append(d)
    rows: list[tuple[NewProject, Any, Any, Any]] = []
    for np in analysis.new_projects:
        plan = analysis.sheets[np.sheet].plan
        assert plan is not None
        got = plan.values  # (plan.column makes a list for a column the sheet lacks, at each call)
        code, name, district = (got[f][np.k] if got.get(f) else None for f in ("code", "name", "district"))
        rows.append((np, code, name, district))
    keys = name_keys([name or "" for _np, _code, name, _district in rows])  # folded at once (100k new rows)
    found: list[tuple[str, int, tuple]] = []
    for (np, code, name, district), nk in zip(rows, keys, strict=True):
        hit = by_code.get(code) if code else None
        for d in by_name.get(nk, []) if hit is None and name else []:
            if not (code and d[1]) and (not d[3] or not district or district_key(d[3]) == district_key(district)):
                hit = d
                break
        if hit is not None:
            sa = analysis.sheets[np.sheet]
            found.append((sa.name, sa.plan.row_numbers[np.k], hit))  # type: ignore[union-attr]
    notes = [Problem("note_readded", None, _deleted(sheet, row, d)) for sheet, row, d in found[:_MAX_READDED]]
    if len(found) > _MAX_READDED:
        shown = "; ".join(f"“{s}” {r}" for s, r, _d in found[_MAX_READDED : _MAX_READDED + 12])
        more = len(found) - _MAX_READDED
        notes.append(Problem("note_readded_more", None, {"count": more, "rows": shown + (" …" if more > 12 else "")}))
    return notes


def _deleted(sheet: str, row: int, d: tuple) -> dict[str, Any]:
    _pid, code, name, district, user, when = d
    shown = f"{code} “{name}”" if code else f"“{name}”"
    return {"sheet": sheet, "row": row, "project": f"{shown} ({district})" if district else shown,
            "when": str(when)[:16], "user": user}  # fmt: skip
