"""Restoring a server database from a copy (a SQLite file, which its ``db backup`` writes) in one
server transaction that holds the database still (storage/holding.py): what is there is copied
first, then every table deleted and copied back, then counted and summed on both sides — anything
amiss rolls it all back. A copy made at an older schema is brought up to date in a temporary file
first; one made by a newer program is refused (storage/restore.py checks it).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from zqtracker.domain.errors import RestoreRefused
from zqtracker.storage.db_errors import DatabaseOpenError, short_detail
from zqtracker.storage.holding import hold_still
from zqtracker.storage.read_only_copy import copy_upgraded
from zqtracker.storage.restore import Check, Stage, check_restorable, no_stage


def restore_refusal(engine: Engine) -> RestoreRefused | None:
    """Why this account may not restore a backup onto its server database, None when it may: only
    the owner of zqtracker's tables (the account that set the database up — or a member of its role,
    or a superuser) may replace all of them, the audit trail included. Asked of the server before
    any work (no copy of the server made, no progress shown for a restore that cannot happen)."""
    from zqtracker.storage.server_roles import owners_not_acted_as
    from zqtracker.storage.transfer import tables

    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        user, owners = owners_not_acted_as(conn, [t.name for t in tables()])
    return RestoreRefused(user, owners) if owners else None


def restore_server_backup(
    engine: Engine,
    backup: Path,
    *,
    check: Check | None = None,
    stage: Stage = no_stage,
    protect: frozenset[Path] = frozenset(),
) -> tuple[Path, dict[str, int]]:
    """Make the server database of ``engine`` exactly what the SQLite copy ``backup`` holds (its
    audit trail included), all or nothing. Returns the copy made of what was there (in its backups
    folder, nothing rotated: storage.backups.rotate_copies then, ``protect`` kept) and the rows per
    table. Raises RestoreRefused (nothing written) for an account that does not own it.

    One server transaction holds the database still (storage/holding.py), copies what is there
    (stage "copying") and replaces every table (stage "replacing", the point of no return): a
    colleague's write commits before the copy (and is in it) or after the restore, never in
    between, lost with no copy. Stopped or failed, no copy is left either."""
    from zqtracker.storage.migrate import head_revision

    refusal = restore_refusal(engine)
    if refusal is not None:
        raise refusal
    revision = check_restorable(backup, check)
    with tempfile.TemporaryDirectory(prefix="zqtracker-restore-") as scratch:
        source = backup
        if revision != head_revision():  # an older copy: upgraded on the side, never in place
            source = Path(scratch) / "upgraded.sqlite"
            copy_upgraded(backup, source, timeout=1)
        made: list[Path] = []
        try:
            return _replace_held(engine, source, backup, stage, protect, made)
        except BaseException:  # nothing was restored: the copy of what is still there is not needed
            for path in made:
                path.unlink(missing_ok=True)
            raise


def _replace_held(
    engine: Engine, source: Path, backup: Path, stage: Stage, protect: frozenset[Path], made: list[Path]
) -> tuple[Path, dict[str, int]]:
    from zqtracker.storage.backups import make_server_backup
    from zqtracker.storage.transfer import RestoreMismatch, replace_from_sqlite

    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.begin() as conn:
            hold_still(conn, shown)
            stage("copying")
            made.append(make_server_backup(conn, "restore", protect=protect, rotate_old=False))
            stage("replacing")
            return made[0], replace_from_sqlite(conn, source)
    except RestoreMismatch as exc:
        raise DatabaseOpenError("restore_mismatch", file=str(backup), database=shown, detail=str(exc)) from None
    except (DataError, IntegrityError) as exc:  # a row the server will not store: rolled back
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseOpenError("not_a_backup", file=str(backup), detail=short_detail(detail)) from None
    except DBAPIError as exc:  # the server said no all the same (its grants changed meanwhile …)
        from zqtracker.storage.audit import access_refused

        refused = access_refused(exc, engine.url.username or "")
        if refused is None:
            raise
        raise RestoreRefused(refused.user, detail=refused.detail) from None
