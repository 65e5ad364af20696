"""Two programs opening one new database at the same moment (two analysts' first imports, probe26b S1):
both open it. On a server the second had failed on the server's own catalogue ("duplicate key value
violates unique constraint pg_type_typname_nsp_index", reported as "cannot open"); on SQLite it had
been told the file the first was creating was "an empty file … delete it". Real processes, both engines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zqtracker.storage.database import open_database

ROOT = Path(__file__).resolve().parent.parent
OPEN = "import sys; from zqtracker.storage.database import open_database; open_database(sys.argv[1]).close()"


def test_two_programs_create_one_database_together(empty_url: str) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", OPEN, empty_url], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    errors = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    assert [code for code, _ in errors] == [0, 0, 0], errors
    database = open_database(empty_url, migrate=False)  # at the schema's head: no upgrade asked
    try:
        with database.session() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM projects").scalar() == 0
    finally:
        database.close()
