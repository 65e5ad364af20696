"""The undo of an import over the sectors, districts and enterprises it added, once a colleague's project
uses one (probe40d: two district files naming one new sector, imported at the same moment — the second
import used the sector the first added). The undo would take it from their project: refused, as any undo
over a colleague's later change is, naming that project — not the database's foreign-key refusal."""

from __future__ import annotations

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.storage.importing import ImportChange, ImportStore
from zqtracker.storage.querying import chunks


def refuse_if_used(store: ImportStore, change: ImportChange) -> None:
    """Raises ConcurrentUpdateError (``what``: the kind, ``detail``: its name, ``project_id``: a project
    using it) when a project outside the import uses a reference the import added. Called in the undo's
    transaction once the import's own projects are gone, so any project found is someone else's."""
    for kind, rows, column in (
        ("sector", change.sectors, "sector_id"),
        ("district", change.districts, "district_id"),
        ("enterprise", change.enterprises, "enterprise_id"),
    ):
        _refuse(store, kind, {r[0]: r[1] for r in rows}, f"SELECT id, {column} FROM projects WHERE {column}")
    # A colleague's sector under a chain (产业链) this import added, used by their project.
    sql = "SELECT p.id, s.parent_id FROM projects p JOIN sectors s ON s.id = p.sector_id WHERE s.parent_id"
    _refuse(store, "sector", {r[0]: r[1] for r in change.sectors}, sql)


def _refuse(store: ImportStore, kind: str, names: dict[int, str], head: str) -> None:
    for chunk in chunks(list(names), 900):
        found = store._fetch(f"{head} IN ({', '.join('?' * len(chunk))}) ORDER BY 1 LIMIT 1", chunk)
        if found:
            raise ConcurrentUpdateError(found[0][0], what=kind, detail=names[found[0][1]])
