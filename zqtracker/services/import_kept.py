"""What a merge leaves as stored though the file's cell says otherwise, said (probe33b F3, F4).

    项目清单: 计划总投资 of ZQ20250003 cleared, 产业链 of ZQ20250001 typed 新能源 — "40 unchanged"

A blank cell never erases a stored value (README: a blank cell leaves the stored value alone): a user who
cleared a cell to remove a figure was told nothing. And the 产业链 column is no field of the project: the
chain is its sector's parent in the sector list, taken from a file only for a sector the import creates —
an edit of it beside a stored sector was dropped unsaid. Both are notes naming the sheet, column and rows,
and the way to do it: the project's editor, the sector list.
"""

from __future__ import annotations

import itertools
import operator
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.io.layout import PROJECTS
from zqtracker.io.row_ranges import runs_text
from zqtracker.services import import_left, import_moved
from zqtracker.services.import_model import SAME, UPDATE, Context, ImportAnalysis, SheetAnalysis
from zqtracker.storage.database import Database
from zqtracker.storage.references import ReferenceRepository


def notes(db: Database, analysis: ImportAnalysis) -> list[Problem]:
    """The notes of what the import keeps though the file says otherwise: blank cells over stored values
    and 产业链 cells not imported (mode merge), stored projects the list leaves out (services/import_left.py),
    projects moved to another district with their past months (services/import_moved.py)."""
    return [*_values(db, analysis), *import_left.notes(db, analysis), *import_moved.notes(db, analysis)]


def _values(db: Database, analysis: ImportAnalysis) -> list[Problem]:
    ctx = analysis.context
    if analysis.mode != "merge" or ctx is None:
        return []
    sheets = [sa for sa in analysis.selected if sa.layout.kind == PROJECTS]
    out = [note for sa in sheets for note in _blanks(sa, ctx)]
    chained = [sa for sa in sheets if sa.plan is not None and sa.plan.chain and any(sa.plan.chain)]
    if chained:
        with db.snapshot() as s:
            parents = {x.name: x.parent for x in ReferenceRepository(s).sectors()}
        out.extend(note for sa in chained for note in _chains(sa, ctx, parents))
    return out


def _matched(sa: SheetAnalysis, ctx: Context) -> list[tuple[int, Any]]:
    """(k, stored row) of the rows matched to a stored project."""
    return [
        (k, ctx.rows[pid])
        for k, status in enumerate(sa.status)
        if status in (SAME, UPDATE) and (pid := sa.targets[k]) is not None and pid in ctx.rows
    ]


def _blanks(sa: SheetAnalysis, ctx: Context) -> list[Problem]:
    plan = sa.plan
    assert plan is not None
    matched = dict(_matched(sa, ctx))
    if not matched:  # (a first import: nothing stored to keep)
        return []
    out = []
    for c in sa.layout.mapped():
        field = c.field or ""
        col = plan.values.get(field) if field in PROJECT_FIELDS else None
        if col is None or None not in col:
            continue
        blank = [k for k in itertools.compress(range(len(col)), map(operator.not_, col)) if col[k] is None]
        rows = [plan.row_numbers[k] for k in blank if k in matched and _stored(ctx, matched[k], field)]
        if rows:
            said = {"sheet": sa.name, "column": c.letter, "header": c.header, "rows": runs_text(rows)}
            out.append(Problem("note_blank_kept", None, {**said, "count": len(rows)}))
    return out


def _stored(ctx: Context, before: Any, field: str) -> bool:
    """A value stored (a key flag stored as No is the flag's default, an empty text no value: nothing to erase)."""
    value = ctx.codec.value(before, field)
    return value is not None and value is not False and value != ""


def _chains(sa: SheetAnalysis, ctx: Context, parents: dict[str, str | None]) -> list[Problem]:
    """Rows whose 产业链 is not their sector's chain, for a sector stored already or no sector at all."""
    plan = sa.plan
    assert plan is not None and plan.chain is not None
    given = plan.values.get("sector")
    names = ctx.names_by_id("sector")
    stored = dict(_matched(sa, ctx))
    rows: list[str] = []
    for k, chain in enumerate(plan.chain):
        if not chain or (k not in stored and given is None):
            continue
        sector = given[k] if given is not None and given[k] else None
        if sector is None and k in stored:
            sector = names.get(ctx.codec.value(stored[k], "sector"))
        if sector is not None and sector not in parents:
            continue  # a sector the import creates: the chain is its parent
        if sector is None or chain not in (parents[sector], sector):
            rows.append(f"{plan.row_numbers[k]}: {chain}")
    if not rows:
        return []
    column = next(c for c in sa.layout.mapped() if c.field == "chain")
    shown = "; ".join(rows[:8]) + (" …" if len(rows) > 8 else "")
    said = {"sheet": sa.name, "column": column.letter, "header": column.header, "rows": shown, "count": len(rows)}
    return [Problem("note_chain_kept", None, said)]
