"""A district account's undo of its own import, refused by the server, said in its terms (fix36).

Row-level security and the grants let district staff change their district's projects and add the
sectors and enterprises an import names — never delete those, nor change districts or sectors: the
undo of an import that added one, and of a replace (which puts back every table), is refused. The
server's words ("permission denied for table enterprises") became the sentence for a reader's edit,
"may not change these projects (a read-only account, or projects of another district)", which names
neither what it may not change nor who may. Said here as the import's own refusal is
(services/import_district_scope.py): the account's district, what the undo would change beyond it, and
that an analyst account or the database's owner may."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from zqtracker.domain.errors import AccessRefused, DistrictRefused
from zqtracker.domain.meanwhile_messages import AddedMeanwhile
from zqtracker.storage.database import Database
from zqtracker.storage.importing import ImportChange


@contextmanager
def worded(database: Database, change: ImportChange) -> Iterator[None]:
    """Around an import's undo: the server's refusal of a district account's undo as DistrictRefused;
    any other refusal, and any other account's, as it came."""
    try:
        yield
    except AccessRefused as exc:
        if type(exc) is not AccessRefused:
            raise
        from zqtracker.storage.server_roles import own_districts

        scope = own_districts(database.engine)
        if scope is None:
            raise
        user, own = scope
        names = [tuple(str(r[1]) for r in rows) for rows in (change.sectors, change.districts, change.enterprises)]
        added = AddedMeanwhile(*names)  # (worded as a note's are: "1 sector (氢能) and 1 enterprise (…)")
        code = "team_district_undo"
        if change.replaced_backup is not None:
            code = "team_district_undo_replace"
        elif added.count:
            code = "team_district_undo_refs"
        raise DistrictRefused(user, {"own": own, "others": [], "refs": added}, code) from exc
