"""Moving a bureau to a server (issue 14): `db copy` a SQLite file onto PostgreSQL — everything,
history and audit trail included, checked on both sides; `db backup` of a server is a SQLite file
that `db copy … --replace` puts back."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from zqtracker.cli.main import main
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.storage.database import open_database
from zqtracker.storage.transfer import fingerprint


def typed(target: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table through the column types (a date is a date on both engines)."""
    from sqlalchemy import select

    from zqtracker.storage.transfer import tables

    db = open_database(target, migrate=False, create=False)
    try:
        with db.engine.connect() as conn:
            return {t.name: sorted(map(tuple, conn.execute(select(t))), key=repr) for t in tables()}
    finally:
        db.close()


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.engine("postgresql")
def test_copy_a_sqlite_file_to_the_server_back_up_and_restore(demo_template: Path, db_url: str, tmp_path: Path) -> None:
    local = tmp_path / "bureau.sqlite"
    shutil.copy(demo_template, local)
    with _open(local) as ctx:  # an edit, so the trail has a row
        p = ctx.projects.list_rows(limit=1)[0]
        ctx.projects.change_status([p.id], Status.ON_HOLD, p.updated_at.date())  # type: ignore[union-attr]
    code, out = run("db", "copy", str(local), db_url, "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["checked"] and report["rows"]["projects"] == 568 and report["rows"]["project_changes"] >= 1
    assert typed(local) == typed(db_url)
    server = AppContext.open(db_url)
    try:
        assert HistoryService(server.database).changes(project_id=p.id)[0].new_value == "on_hold"
        created = server.projects.create(server.projects.duplicate(p.id))  # ids from the server's sequence
        assert created.id is not None and created.id > 568
    finally:
        server.close()
    code, out = run("db", "copy", str(local), db_url)  # not onto a database that holds projects
    assert code == 2 and "not empty" in out
    backup = tmp_path / "server-backup.sqlite"
    code, out = run("--db", db_url, "db", "backup", str(backup))
    assert code == 0 and backup.read_bytes()[:16] == b"SQLite format 3\x00"
    code, out = run("db", "copy", str(local), db_url, "--replace")  # back to the bureau's file
    assert code == 0 and "agree on both sides" in out
    assert typed(db_url) == typed(local)
    code, out = run("db", "copy", str(backup), db_url, "--replace")  # the backup restored
    assert code == 0
    a, b = open_database(backup, migrate=False, create=False), open_database(db_url)
    try:
        with a.engine.connect() as x, b.engine.connect() as y:
            assert fingerprint(x) == fingerprint(y) and fingerprint(y)["projects"]["rows"] == 569
    finally:
        a.close()
        b.close()


class _open:
    def __init__(self, target: Path) -> None:
        self.ctx = AppContext.open(target)

    def __enter__(self) -> AppContext:
        return self.ctx

    def __exit__(self, *exc: object) -> None:
        self.ctx.close()
