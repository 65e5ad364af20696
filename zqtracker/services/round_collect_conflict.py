"""A round return's collect refused because the database changed since its analysis — most often
because a colleague collected the same return a moment before (two analysts at once, probe34c). The
refusal then says so, naming the return, rather than "someone changed project 1" (a row id): the
colleague's import of this very file is the latest change of the refused project in the audit trail.
Any other change is named by its project's code and name (services/history.py)."""

from __future__ import annotations

from zqtracker.domain.errors import ConcurrentUpdateError, Problem
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_options import ImportOptions, ImportResult
from zqtracker.services.importing import ImportService
from zqtracker.services.progress import Progress


def collect_written(
    imports: ImportService, analysis: ImportAnalysis, options: ImportOptions, progress: Progress | None
) -> ImportResult:
    """``imports.apply`` of a return's analysis; refused as "just collected by …" where the trail says so."""
    try:
        return imports.apply(analysis, options, progress=progress)
    except ConcurrentUpdateError as exc:
        file = analysis.book.path.name
        theirs = next((r for r in exc.latest if r.project_id == exc.project_id), None) if exc.project_id else None
        if theirs is not None and theirs.action == "import" and theirs.source == file:
            exc.told = Problem("team_collected_meanwhile", params={"file": file, "who": f"“{theirs.user_name}”"})
        raise
