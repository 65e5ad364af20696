"""A refused import (problems, no --skip-invalid) writes nothing, so what it says must not read as done
(probe37b F1): its --json counts nothing added, updated or changed and says ``"written": false,
"refused": true``; a note that says things "were stored" is worded as what the import will do once
the problems are settled (the ``<code>_unwritten`` wording, domain/tiny_money_messages.py)."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.messages import MESSAGES
from zqtracker.services.import_options import ImportResult

_COUNTS = ("added", "updated", "unchanged", "investment_records", "annual_plans", "changes_total")


def unwritten_notes(notes: list[Problem]) -> list[Problem]:
    """``notes`` as a refused import says them: each that has an ``_unwritten`` wording in it."""
    worded = {n.code: f"{n.code}_unwritten" for n in notes}
    return [Problem(worded[n.code], n.field, n.params) if worded[n.code] in MESSAGES else n for n in notes]


def notes_heading() -> Problem:
    """The line before a refused import's notes: nothing was written; they say what the import will do."""
    return Problem("import_notes_unwritten", None, {})


def refused_json(result: ImportResult, lang: str) -> dict[str, object]:
    """``result.as_json`` of an import refused for its problems: nothing counted as written."""
    said = result.as_json(lang)
    said.update(dict.fromkeys(_COUNTS, 0), written=False, refused=True, changes=[])
    said["notes"] = [n.message(lang) for n in unwritten_notes(result.notes)]
    return said
