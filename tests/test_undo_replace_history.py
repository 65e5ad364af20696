"""Undoing a replace import is recorded as an undo in the project's history, on both engines (fix36):
on PostgreSQL the rows the undo put back from the copy made before the replace were recorded as a
"copy" (the word a database copy gives rows it moves whole, its own trail following them), so
``zqtracker history`` and the history pane said "copy" where SQLite said "Undo"."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import district_projects

from zqtracker.cli.main import main
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def test_the_rows_an_undone_replace_puts_back_are_recorded_as_an_undo(
    ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    kept = ctx.projects.create(Project("端州储能项目", "新型储能", "端州区", Status.SIGNED, 100, code="DZ-1"))
    ctx.projects.set_investment(kept.id, [(2024, 3, 1_000)])
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(district_projects(tmp_path / "高要区清单.xlsx"), ImportOptions(mode="replace"))
    assert result.written and ctx.projects.count() == 3
    service.undo(result.change)  # type: ignore[arg-type]
    assert [p.code for p in ctx.projects.all_projects()] == ["DZ-1"]
    history = HistoryService(ctx.database).changes(code="DZ-1")
    seen = [(r.action, r.field) for r in reversed(history)]
    assert seen == [
        ("create", "created"),
        ("edit", "investment 2024-03"),
        ("import", "investment 2024-03"),  # the replace deletes its month …
        ("import", "deleted"),  # … and the project
        ("undo", "created"),  # the undo puts it back …
        ("undo", "investment 2024-03"),  # … and its month
    ]
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", db_url, "history", "--project", "DZ-1", "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    actions = [c["action"] for c in json.loads(out.getvalue())["changes"]]
    assert "copy" not in actions and actions.count("undo") == 2
    out = io.StringIO()
    assert main(["--db", db_url, "--lang", "en", "history", "--project", "DZ-1"], stdout=out, stderr=err) == 0
    assert "copy" not in out.getvalue().lower() and out.getvalue().count("Undo") == 2
