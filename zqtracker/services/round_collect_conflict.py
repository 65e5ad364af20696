"""A round return's collect refused because the database changed since its analysis — most often
because a colleague collected the same return a moment before (two analysts at once, probe34c). The
refusal then says so, naming the return, rather than "someone changed project 1" (a row id): the
colleague's import of this very file is the latest change of the refused project in the audit trail.
Any other change is named by its project's code and name (services/history.py).

Read a moment before the colleague's collect committed (its district not yet imported) and analysed a
moment after, a return finds nothing to change: it was told "0 updated" with exit 0, and recorded the
district's part of the round again with nothing updated (probe36 F3: two analysts 0.12 s apart on
PostgreSQL). Writing nothing where the latest change of its projects is an import of this very file,
it is refused as just collected too, and records nothing."""

from __future__ import annotations

from zqtracker.domain.errors import ConcurrentUpdateError, Problem
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_options import ImportOptions, ImportResult
from zqtracker.services.importing import ImportService
from zqtracker.services.progress import Progress
from zqtracker.storage.audit import latest_change


def collect_written(
    imports: ImportService,
    analysis: ImportAnalysis,
    options: ImportOptions,
    progress: Progress | None,
    *,
    read_imported: bool,
    project_ids: list[int],
) -> ImportResult:
    """``imports.apply`` of a return's analysis; refused as "just collected by …" where the trail says so.
    ``read_imported``: the district's part of the round was imported when the return was read;
    ``project_ids``: the projects its rows report on."""
    file = analysis.book.path.name
    try:
        result = imports.apply(analysis, options, progress=progress)
    except ConcurrentUpdateError as exc:
        theirs = next((r for r in exc.latest if r.project_id == exc.project_id), None) if exc.project_id else None
        if theirs is not None and theirs.action == "import" and theirs.source == file:
            exc.told = _told(file, theirs.user_name)
        raise
    if result.written or read_imported or analysis.problems or analysis.has_work:
        return result
    with imports.db.session() as s:
        theirs = latest_change(s, project_ids)
    if theirs is not None and theirs.action == "import" and theirs.source == file:
        refused = ConcurrentUpdateError(theirs.project_id, what="import", detail=f"{file} was just collected")
        refused.latest, refused.told = [theirs], _told(file, theirs.user_name)
        raise refused
    return result


def _told(file: str, user: str) -> Problem:
    return Problem("team_collected_meanwhile", params={"file": file, "who": f"“{user}”"})
