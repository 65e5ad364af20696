"""Stored projects whose rows show a later stage than their stored status. A stored project's status is
never changed from its row (only a new project's is read from it: services/import_status_evidence.py), but
when a matched row that gives no status — no status column, a blank cell, no stage from its sheet's name or
section — shows, by that same evidence, a stage further along the pipeline than the stored one (stored 前期,
项目进展 已竣工投产), one note per sheet names the projects, the stored status and the stage the row shows,
and says how to update them. Never for a project stored on hold or cancelled, never for the same stage or
an earlier one. Only matched rows are looked at: an import of new projects alone does nothing here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.stage_behind_messages import STAGE_BEHIND_WORDS
from zqtracker.domain.status import Status
from zqtracker.domain.status_evidence_messages import EVIDENCE_WORDS
from zqtracker.services.import_status_evidence import RowEvidence

if TYPE_CHECKING:
    from zqtracker.services.import_model import Context, ImportAnalysis, SheetAnalysis

_NAMED = 10  # projects named in the note; the rest counted


def find_stages_behind(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, ks: list[int]) -> None:
    """Matched rows ``ks`` (after the sheet's own stage moved any forward) whose evidence shows a later stage
    than stored: kept in ``result.behind`` as (sheet, row, name, stored, shown, kinds of evidence)."""
    plan = sa.plan
    assert plan is not None
    given = plan.values.get("status")
    ks = [k for k in ks if (given is None or given[k] is None) and not plan.hint(k)]
    if not ks:
        return
    evidence, codec, names = RowEvidence(sa), ctx.codec, plan.column("name")
    for k in ks:
        row = ctx.rows[sa.targets[k]]  # type: ignore[index]
        stored = codec.value(row, "status")
        if not isinstance(stored, Status) or not stored.is_pipeline or stored is Status.IN_PRODUCTION:
            continue
        found = evidence.of(k)
        if found is not None and found[0].order > stored.order:
            name = codec.value(row, "name") or names[k]
            result.behind.append((sa.name, plan.row_numbers[k], name, stored, found[0], found[1]))


def behind_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note per sheet: the first projects named (row, name, stored status, the stage shown and what
    showed it), the rest counted."""
    sheets: dict[str, list[tuple[int, str, Status, Status, list[str]]]] = {}
    for sheet, *rest in analysis.behind:
        sheets.setdefault(sheet, []).append(tuple(rest))  # type: ignore[arg-type]
    notes = []
    for sheet, rows in sheets.items():
        said = [
            STAGE_BEHIND_WORDS.say(
                "row",
                lang,
                row=row,
                name=name,
                stored=stored.label(lang),
                shown=shown.label(lang),
                evidence=STAGE_BEHIND_WORDS.say("and", lang).join(EVIDENCE_WORDS.say(kind, lang) for kind in kinds),
            )
            for row, name, stored, shown, kinds in rows[:_NAMED]
        ]
        text = STAGE_BEHIND_WORDS.say("sep", lang).join(said)
        if len(rows) > _NAMED:
            text += STAGE_BEHIND_WORDS.say("more", lang, count=len(rows) - _NAMED)
        notes.append(Problem("note_stage_behind", None, {"sheet": sheet, "count": len(rows), "rows": text}))
    return notes
