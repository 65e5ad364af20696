"""A project the user deleted is matched by its name *and* district when a list adds a project of that name
(fix27u): the trail kept no district of a deleted project (only of a recorded change of it), so a new 鼎湖区
project named like a deleted 高要区 one was said to add the deleted one back. The deletion's row now keeps
the district's name (migration 0011_deleted_district on PostgreSQL; SQLite's TEMP trigger); an older
deletion without one is matched by name alone, as before. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from import_files import SheetSpec, write_workbook
from sqlalchemy import create_engine, text

from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.database import open_database
from zqtracker.storage.migrate import alembic_config


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def district_list(tmp_path: Path, district: str, *names: str) -> Path:
    """A list without codes: title, header (row 2), one project a row from row 3, each in ``district``."""
    rows = [[f"{district}2025年重点项目表"], ["项目名称", "建设单位", "所在区域", "计划总投资（万元）"]]
    rows += [[name, f"{name[:2]}公司", district, 1000 * (i + 1)] for i, name in enumerate(names)]
    return write_workbook(tmp_path / f"{district}_{len(names)}.xlsx", SheetSpec("Sheet1", rows))


def readded_rows(result) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(n.params["row"], n.params["project"]) for n in result.notes if n.code == "note_readded"]


def _delete(ctx: AppContext, name: str) -> None:
    ctx.projects.delete([next(p.id for p in ctx.projects.all_projects() if p.name == name)])  # type: ignore[list-item]


def test_a_new_project_of_another_district_is_not_the_deleted_one(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """高要区 gives 标准厂房建设项目 (row 3) and 五金项目 (row 4); the user deletes 标准厂房建设项目. 鼎湖区's list
    gives its own 标准厂房建设项目: a new project, nothing said. 高要区's list again: row 3 adds the deleted one
    back, named with its district."""
    assert service.import_file(district_list(tmp_path, "高要区", "标准厂房建设项目", "五金项目"), ImportOptions()).ok
    _delete(ctx, "标准厂房建设项目")
    (deleted,) = HistoryService(ctx.database).changes(limit=1)
    assert deleted.field == "deleted" and deleted.old_value == "标准厂房建设项目" and deleted.new_value is None
    dinghu = service.import_file(district_list(tmp_path, "鼎湖区", "标准厂房建设项目"), ImportOptions(), dry_run=True)
    assert dinghu.added == 1 and readded_rows(dinghu) == []
    gaoyao = service.import_file(
        district_list(tmp_path, "高要区", "标准厂房建设项目", "五金项目"), ImportOptions(), dry_run=True
    )
    assert gaoyao.added == 1 and readded_rows(gaoyao) == [(3, "“标准厂房建设项目” (高要区)")]


def test_an_older_deletion_without_its_district_is_matched_by_name(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A deletion recorded before the trail kept the district (its new_value NULL, as written then): a list of
    any district that gives its name is said to add it back, as before."""
    service.import_file(district_list(tmp_path, "高要区", "标准厂房建设项目"), ImportOptions())
    _delete(ctx, "标准厂房建设项目")
    with ctx.database.engine.begin() as conn:
        conn.execute(text("UPDATE project_changes SET new_value = NULL WHERE field = 'deleted'"))
    dinghu = service.import_file(district_list(tmp_path, "鼎湖区", "标准厂房建设项目"), ImportOptions(), dry_run=True)
    assert readded_rows(dinghu) == [(3, "“标准厂房建设项目”")]


def test_the_migration_keeps_the_district_of_a_deletion(engine_name: str, empty_url: str) -> None:
    """A database at 0010 upgraded to head: a project deleted afterwards leaves 高要区 in its trail. On a server
    whose trigger function ran as its owner (server_roles), it still does after the upgrade; a downgrade
    records no district again."""
    url = empty_url if "://" in empty_url else f"sqlite:///{empty_url}"
    engine = create_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010_unknown_type_origin")
        conn.execute(text("INSERT INTO districts (id, name) VALUES (1, '高要区')"))
        for pid in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO projects (id, name, district_id, status, is_key_project, notes, created_at, "
                    "updated_at, version) VALUES (:id, :name, 1, 'signed', false, '', '2025-01-01', '2025-01-01', 1)"
                ),
                {"id": pid, "name": f"项目{pid}"},
            )
        if engine_name != "sqlite":
            conn.exec_driver_sql("ALTER FUNCTION zq_audit_projects() SECURITY DEFINER")
            conn.exec_driver_sql("ALTER FUNCTION zq_audit_projects() SET search_path = public")
    engine.dispose()
    db = open_database(empty_url)  # the app's path: the upgrade to head
    try:
        from zqtracker.storage.audit import acting, deleted_projects

        with acting("delete"), db.write() as s:
            s.execute(text("DELETE FROM projects WHERE id = 1"))
        with db.snapshot() as s:
            assert [(d[0], d[2], d[3]) for d in deleted_projects(s)] == [(1, "项目1", "高要区")]
            if engine_name != "sqlite":
                secured = s.execute(
                    text("SELECT prosecdef, proconfig FROM pg_proc WHERE proname = 'zq_audit_projects'")
                ).one()
                assert secured == (True, ["search_path=public"])
    finally:
        db.close()
    if engine_name == "sqlite":
        return  # (SQLite's triggers are the program's own: nothing to downgrade)
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_unknown_type_origin")
        conn.exec_driver_sql("SELECT set_config('zqtracker.action', 'delete', true)")
        conn.execute(text("DELETE FROM projects WHERE id = 2"))
        gone = text("SELECT new_value FROM project_changes WHERE project_id = 2 AND field = 'deleted'")
        assert conn.execute(gone).scalar() is None
        assert conn.execute(text("SELECT prosecdef FROM pg_proc WHERE proname = 'zq_audit_projects'")).scalar()
    engine.dispose()
