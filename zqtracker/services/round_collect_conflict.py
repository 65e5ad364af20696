"""A round return's collect refused because the database changed since its analysis — most often
because a colleague collected the same return a moment before (two analysts at once, probe34c). The
refusal then says so, naming the return, rather than "someone changed project 1" (a row id): the
colleague's import of this very file is the latest change of the refused project in the audit trail.
Any other change is named by its project's code and name (services/history.py).

Read a moment before the colleague's collect committed (its district not yet imported) and analysed a
moment after, a return finds nothing to change: it was told "0 updated" with exit 0, and recorded the
district's part of the round again with nothing updated (probe36 F3: two analysts 0.12 s apart on
PostgreSQL). Writing nothing where the latest change of its projects is an import of this very file,
it is refused as just collected too, and records nothing. So is such a return adding new projects: the
colleague's collect added them, so its 新增项目 rows name projects on record ("round_new_is_listed",
exit 1): where those are its only problems and each such project's latest change is an import of this
very file, the problems go at its analysis, and its collect is refused as just collected."""

from __future__ import annotations

from zqtracker.domain.errors import ConcurrentUpdateError, Problem
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_options import ImportOptions, ImportResult
from zqtracker.services.importing import ImportService
from zqtracker.services.progress import Progress
from zqtracker.storage.audit import ChangeRow, latest_change
from zqtracker.storage.database import Database


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
    named = {t for sa in analysis.selected for t in sa.targets if t is not None and t > 0}  # new rows' too
    with imports.db.session() as s:
        theirs = latest_change(s, sorted({*project_ids, *named}))
    if theirs is not None and _imported_from(theirs, file):
        refused = ConcurrentUpdateError(theirs.project_id, what="import", detail=f"{file} was just collected")
        refused.latest, refused.told = [theirs], _told(file, theirs.user_name)
        raise refused
    return result


def drop_collected_meanwhile(db: Database, analysis: ImportAnalysis, *, read_imported: bool) -> None:
    """A return read before a colleague's collect of it and analysed after, adding new projects: its
    new-projects rows name the projects that collect added. Where those are its only problems, it has
    nothing else to write, and each such project's latest change is an import of this very file, the
    problems go: its collect (:func:`collect_written`) is refused as just collected, naming who."""
    added = _listed_again(analysis)
    if read_imported or analysis.has_work or not added:
        return
    with db.session() as s:
        if all(_imported_from(latest_change(s, [pid]), analysis.book.path.name) for pid in added):
            analysis.problems = []


def _listed_again(analysis: ImportAnalysis) -> list[int] | None:
    """The projects on record the return's new-projects rows name, where those are its only problems
    (None: another problem, or one of them without its project)."""
    targets = {(sa.name, n): sa.targets[k] for sa in analysis.selected if sa.targets
               for k, n in enumerate(sa.plan.row_numbers)}  # type: ignore[union-attr]  # fmt: skip
    found = [targets.get((p.sheet, p.row)) for p in analysis.problems if p.problem.code == "round_new_is_listed"]
    if len(found) != len(analysis.problems) or any(t is None or t <= 0 for t in found):
        return None
    return [t for t in found if t is not None]


def _imported_from(change: ChangeRow | None, file: str) -> bool:
    return change is not None and change.action == "import" and change.source == file


def _told(file: str, user: str) -> Problem:
    return Problem("team_collected_meanwhile", params={"file": file, "who": f"“{user}”"})
