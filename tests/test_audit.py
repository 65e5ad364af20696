"""The audit trail (留痕), both engines: every change of a project — field, old, new, who, when,
through which action — recorded by the database (PostgreSQL triggers) or storage (SQLite), read
back by the history service and ``zqtracker history``."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from import_files import district_projects

from zqtracker.cli.main import main
from zqtracker.domain.history_words import action_text, field_text, value_text
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.editing import EditingService
from zqtracker.services.history import HistoryService, acting
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.audit import os_user


def _who(ctx: AppContext) -> str:
    return ctx.database.engine.url.username if ctx.database.sqlite_path is None else os_user()  # type: ignore[return-value]


def test_edits_bulk_changes_and_undo_are_recorded_with_field_old_new_and_who(ctx: AppContext) -> None:
    history = HistoryService(ctx.database)
    p = ctx.projects.create(Project("储能项目", "新型储能", "端州区", Status.SIGNED, 100, code="S-1"))
    q = ctx.projects.create(Project("配套项目", "新型储能", "高要区", Status.SIGNED, 5, code="S-2"))
    edit = ctx.projects.get(p.id)
    edit.planned_investment, edit.district = 300, "高要区"
    EditingService(ctx.database).save(edit)
    changes = ctx.projects.change_status([p.id, q.id], Status.UNDER_CONSTRUCTION, date(2024, 2, 1))
    with acting("undo"):
        ctx.projects.revert_status_changes(changes)
    rows = history.changes(project_id=p.id)
    seen = [(r.action, r.field, r.old_value, r.new_value) for r in reversed(rows)]
    assert seen == [
        ("create", "created", None, "储能项目"),
        ("edit", "district", "端州区", "高要区"),
        ("edit", "planned_investment", "100", "300"),
        ("bulk", "status", "signed", "under_construction"),
        ("undo", "status", "under_construction", "signed"),
    ]
    assert {r.user_name for r in rows} == {_who(ctx)}
    assert all(r.project_code == "S-1" for r in rows)
    assert [r.field for r in history.changes(project_id=q.id)] == ["status", "status", "created"]


def test_an_import_is_recorded_with_its_file_and_its_undo_too(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(district_projects(tmp_path / "高要区清单.xlsx"), ImportOptions())
    rows = HistoryService(ctx.database).changes()
    created = [r for r in rows if r.field == "created"]
    assert len(created) == 3 and {r.action for r in created} == {"import"}
    assert {r.source for r in created} == {"高要区清单.xlsx"}
    service.undo(result.change)  # type: ignore[arg-type]
    deleted = [r for r in HistoryService(ctx.database).changes() if r.field == "deleted"]
    assert len(deleted) == 3 and {r.action for r in deleted} == {"undo"}
    assert action_text("import", "高要区清单.xlsx", "zh") == "导入“高要区清单.xlsx”"


def test_monthly_amounts_key_flags_and_a_delete_are_recorded(ctx: AppContext) -> None:
    p = ctx.projects.create(Project("数据中心", "数字经济", "端州区", Status.LEAD, 7, code="D-1"))
    ctx.projects.set_investment(p.id, [(2024, 3, 1_000)])
    ctx.projects.set_plans(p.id, [(2024, 9_000)])
    ctx.projects.set_key_project([p.id], True)
    ctx.projects.delete([p.id])
    rows = list(reversed(HistoryService(ctx.database).changes(code="D-1")))
    fields = [(r.action, r.field, r.old_value, r.new_value) for r in rows]
    assert ("edit", "investment 2024-03", None, "1000") in fields
    assert ("edit", "plan 2024", None, "9000") in fields
    assert ("edit", "is_key_project", "false", "true") in fields
    assert fields[-1][:2] == ("delete", "deleted")  # the trail of a deleted project stays
    assert field_text("investment 2024-03", "zh") == "2024-03 完成投资"
    assert value_text("is_key_project", "true", "en") == "Yes" and value_text("status", "signed", "zh") == "签约"
    assert action_text("edit", None, "en") == "Edit" and field_text("plan 2024", "en") == "Annual plan 2024"


def test_history_command_filters_and_json(ctx: AppContext, db_url: str) -> None:
    p = ctx.projects.create(Project("甲项目", "光伏", "端州区", Status.SIGNED, 1, code="A-1"))
    ctx.projects.create(Project("乙项目", "光伏", "端州区", Status.SIGNED, 1, code="B-1"))
    edit = ctx.projects.get(p.id)
    edit.notes = "补充说明"
    ctx.projects.update(edit)

    def run(*argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(["--db", db_url, *argv], stdout=out, stderr=err), out.getvalue() + err.getvalue()

    code, out = run("history", "--project", "A-1", "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 2
    assert data["changes"][0]["field"] == "notes" and data["changes"][0]["new"] == "补充说明"
    assert {c["user"] for c in data["changes"]} == {_who(ctx)}
    code, out = run("history", "--user", "nobody-else", "--json")
    assert json.loads(out)["count"] == 0
    code, out = run("history", "--since", "2999-01-01", "--json")
    assert json.loads(out)["count"] == 0
    code, out = run("--lang", "zh", "history", "--since", str(date.today()))
    assert code == 0 and "项目新建" in out and "共 3 条修改记录" in out
    code, out = run("history", "--since", "yesterday")
    assert code == 1 and "YYYY-MM-DD" in out
