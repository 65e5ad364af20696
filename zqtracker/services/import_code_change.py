"""A row whose code is new while a stored project has its very name in its district (probe30b F3: ZQ2024001
written 2024-001 from 2026). The near-name question ("if it is that project renamed") was the wrong one: the
name is the same, the code changed. Asked so (code_changed), and once linked (--link ROW=CODE) the stored
code's change is said in a note, not in the changes list alone."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.services.import_model import Context, ImportAnalysis, described
from zqtracker.services.import_moved import other_district


def code_changed(
    ctx: Context, pids: list[int], row: tuple[str | None, str | None, int], code: str | None
) -> Problem | None:
    """The question for a new row (``row``: name, district, row number) whose near names hold one stored project
    of that very name and district under another code, or of that very name in another district
    (import_moved.other_district); None: not such a row (the near-name question stays)."""
    name, district, number = row
    by_id = ctx.matcher.by_id if ctx.matcher is not None else {}
    same = [
        p
        for p in pids
        if (s := by_id.get(p)) and s.code and s.code != code and s.name == name and s.district == district
    ]
    if not code or len(same) != 1:
        return other_district(ctx, pids, row)  # the very name in another district: moved, or another project?
    params = {"value": code, "row": number, "project": described(ctx, same), "stored": by_id[same[0]].code}
    return Problem("code_changed", "code", params)


def code_change_notes(analysis: ImportAnalysis) -> list[Problem]:
    """A note for each row linked to a stored project whose stored code it changes."""
    ctx = analysis.context
    if ctx is None or ctx.matcher is None or not ctx.links:
        return []
    notes = []
    for sa in analysis.selected:
        plan = sa.plan
        if plan is None:
            continue
        codes = plan.column("code")
        for k, pid in enumerate(sa.targets or []):
            stored = ctx.matcher.by_id.get(pid) if pid and pid > 0 else None
            linked = (sa.name, plan.row_numbers[k]) in ctx.links or ("", plan.row_numbers[k]) in ctx.links
            if stored is not None and linked and stored.code and codes[k] and codes[k] != stored.code:
                params = {"sheet": sa.name, "row": plan.row_numbers[k], "name": stored.name, "stored": stored.code}
                notes.append(Problem("note_code_changed", None, {**params, "value": codes[k]}))
    return notes
