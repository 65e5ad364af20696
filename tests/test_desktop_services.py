"""The Qt-free pieces the desktop app added: the first-page peek, the list service, editing with
exact undo, stale marks. Real SQLite files."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.editing import EditingService
from zqtracker.services.project_list import ProjectListService, stale_ids
from zqtracker.storage.locations import demo_database_path, resolve_url, sqlite_path_of
from zqtracker.storage.peek import SORT_EXPRESSIONS, peek_first_page, sqlite_file_for


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_peek_reads_the_first_page_like_the_repository(demo_ctx: AppContext) -> None:
    path = demo_ctx.database.sqlite_path
    page = peek_first_page(path, 50)
    full = demo_ctx.projects.list_rows()
    assert page is not None and page.total_count == 568 and page.is_demo
    assert page.rows == full[:50]  # every field, same types


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
@pytest.mark.parametrize("key", sorted(SORT_EXPRESSIONS))
def test_peek_orders_like_the_table(demo_ctx: AppContext, key: str, qapp) -> None:
    from zqtracker.ui.project_model import ProjectTableModel

    rows = demo_ctx.projects.list_rows()
    model = ProjectTableModel()
    model.set_rows(rows)
    for descending in (False, True):
        page = peek_first_page(demo_ctx.database.sqlite_path, 40, key, descending)
        if key != "id":
            from PySide6.QtCore import Qt

            model.sort(
                model.column_of(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            )
            expected = [r.id for r in model.visible_rows()[:40]]
        else:
            expected = sorted((r.id for r in rows), reverse=descending)[:40]
        assert [r.id for r in page.rows] == expected


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_peek_declines_what_it_cannot_read(tmp_path: Path, database) -> None:
    assert peek_first_page(tmp_path / "absent.sqlite") is None
    (tmp_path / "text.sqlite").write_text("not a database")
    assert peek_first_page(tmp_path / "text.sqlite") is None
    with database.session() as s:  # an older schema: the real open migrates it, not the peek
        s.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '0000'")
    assert peek_first_page(database.sqlite_path) is None


def test_peek_finds_the_same_file_as_the_real_open(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ZQTRACKER_DB", raising=False)
    assert sqlite_file_for(None) == sqlite_path_of(resolve_url(None))
    assert sqlite_file_for(str(tmp_path / "a.sqlite")) == sqlite_path_of(resolve_url(str(tmp_path / "a.sqlite")))
    url = f"sqlite:///{tmp_path / 'b.sqlite'}"
    assert sqlite_file_for(url) == sqlite_path_of(resolve_url(url))
    assert sqlite_file_for("postgresql://u@h/db") is None
    assert sqlite_file_for(None, demo=True) == demo_database_path()
    monkeypatch.setenv("ZQTRACKER_DB", str(tmp_path / "env.sqlite"))
    assert sqlite_file_for(None) == sqlite_path_of(resolve_url(None)) == tmp_path / "env.sqlite"
    assert os.environ["ZQTRACKER_DB"]


def test_stale_marks_agree_with_the_statistics(demo_ctx: AppContext) -> None:
    rows = demo_ctx.projects.list_rows()
    expected = {r.id for r in demo_ctx.statistics.stale_projects(rows)}
    activity = ProjectListService(demo_ctx.database).activity()
    assert activity.as_of == date(2023, 9, 30)
    plain = demo_ctx.projects.list_rows()
    assert stale_ids(plain, activity.as_of, 6, activity.last_activity) == expected
    assert stale_ids(rows, activity.as_of, 6) == expected
    assert len(stale_ids(rows, activity.as_of, 3)) > len(expected)


def test_rows_by_id_include_activity_and_skip_deleted(demo_ctx: AppContext) -> None:
    service = ProjectListService(demo_ctx.database)
    full = {r.id: r for r in demo_ctx.projects.list_rows()}
    ids = [3, 17, 250]
    demo_ctx.projects.delete([17])
    rows = service.rows([*ids, 999_999])
    assert [r.id for r in rows] == [3, 250]
    assert all(r == full[r.id] for r in rows)
    many = service.rows(list(full))  # more ids than SQLite takes in one statement
    assert len(many) == 567


def _project(ctx: AppContext) -> Project:
    return ctx.projects.create(
        Project(name="测试项目", sector="光伏", district="四会市", status=Status.SIGNED, planned_investment=10**8)
    )


def test_editing_service_reverts_exactly_and_checks_versions(ctx: AppContext, db_url: str) -> None:
    p = _project(ctx)
    before = ctx.projects.get(p.id)
    after = ctx.projects.get(p.id)
    after.status, after.planned_investment = Status.UNDER_CONSTRUCTION, 2 * 10**8
    service = EditingService(ctx.database)
    change = service.save(after, status_on=date(2024, 1, 2), note="开工")
    assert change is not None and change.to_status is Status.UNDER_CONSTRUCTION and change.note == "开工"
    assert len(ctx.projects.status_history(p.id)) == 2
    version = service.revert(before, after, change)
    back = ctx.projects.get(p.id)
    assert back.status is Status.SIGNED and back.planned_investment == 10**8 and back.version == version
    assert len(ctx.projects.status_history(p.id)) == 1
    stale = ctx.projects.get(p.id)
    other = AppContext.open(db_url)
    try:
        theirs = other.projects.get(p.id)
        theirs.officer = "王芳"
        other.projects.update(theirs)
    finally:
        other.close()
    stale.planned_investment = 5
    with pytest.raises(ConcurrentUpdateError):
        service.save(stale)
    assert ctx.projects.get(p.id).planned_investment == 10**8


def test_key_project_flags_round_trip(ctx: AppContext) -> None:
    a, b = _project(ctx), _project(ctx)
    ctx.projects.set_key_project([b.id], True)
    before = ctx.projects.set_key_project([a.id, b.id], True)
    assert before.before == {a.id: False, b.id: True}
    assert ctx.projects.get(a.id).is_key_project
    ctx.projects.restore_key_flags(before)
    assert not ctx.projects.get(a.id).is_key_project and ctx.projects.get(b.id).is_key_project


def _state(ctx: AppContext, ids: list[int]):
    """Everything about these projects that an edit or its undo could touch (versions aside)."""
    from zqtracker.storage.projects import ProjectRepository

    with ctx.database.session() as s:
        snaps = ProjectRepository(s).snapshot(ids)
    for snap in snaps:
        snap.project.version = 0
        snap.project.updated_at = None
    return snaps


def test_bulk_status_change_matches_the_one_by_one_path_and_undoes_exactly(demo_ctx: AppContext, demo_copies) -> None:
    from zqtracker.storage.projects import ProjectRepository

    ids = [r.id for r in demo_ctx.projects.list_rows()][:120]
    twin = AppContext.open(demo_copies())
    try:
        before = _state(demo_ctx, ids)
        fast = demo_ctx.projects.change_status(ids, Status.ON_HOLD, date(2024, 2, 1), "资金未到位")
        with twin.database.session() as s:  # the one-project-at-a-time repository path
            repo = ProjectRepository(s)
            slow = [c for pid in ids if (c := repo.change_status(pid, Status.ON_HOLD, date(2024, 2, 1), "资金未到位"))]
        strip = lambda cs: [(c.project_id, c.from_status, c.to_status, c.changed_on, c.note) for c in cs]  # noqa: E731
        assert strip(fast) == strip(slow) and fast
        assert all(c.id is not None for c in fast)
        after_fast, after_slow = _state(demo_ctx, ids), _state(twin, ids)
        for a, b in zip(after_fast, after_slow, strict=True):
            assert a.project == b.project
            assert [(c.from_status, c.to_status, c.changed_on, c.note) for c in a.status_changes] == [
                (c.from_status, c.to_status, c.changed_on, c.note) for c in b.status_changes
            ]
        demo_ctx.projects.revert_status_changes(fast)
        assert _state(demo_ctx, ids) == before
    finally:
        twin.close()


def test_bulk_status_change_refuses_a_stale_version_and_writes_nothing(demo_ctx: AppContext) -> None:
    from zqtracker.domain.errors import NotFoundError

    rows = demo_ctx.projects.list_rows()[:5]
    versions = {r.id: r.version for r in rows}
    versions[rows[3].id] -= 1
    before = _state(demo_ctx, list(versions))
    service = demo_ctx.projects
    with pytest.raises(ConcurrentUpdateError):
        service.change_status(list(versions), Status.CANCELLED, date(2024, 1, 1), expected_versions=versions)
    with pytest.raises(NotFoundError):
        service.change_status([rows[0].id, 999_999], Status.CANCELLED, date(2024, 1, 1))
    assert _state(demo_ctx, list(versions)) == before


def test_bulk_restore_puts_deleted_projects_back_exactly(demo_ctx: AppContext) -> None:
    ids = [r.id for r in demo_ctx.projects.list_rows()][10:90]
    before = _state(demo_ctx, ids)
    assert sum(len(s.investment) for s in before) > 0 and sum(len(s.status_changes) for s in before) >= 80
    summary = demo_ctx.statistics.summary()
    snapshots = demo_ctx.projects.delete(ids)
    assert demo_ctx.projects.count() == 568 - len(ids)
    demo_ctx.projects.restore(snapshots)
    assert _state(demo_ctx, ids) == before  # ids, history rows, records and plans included
    assert demo_ctx.statistics.summary() == summary
    from zqtracker.services.admin import check

    assert check(demo_ctx.database).ok  # investment rows carry their project's sector and district
