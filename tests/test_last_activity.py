"""projects.last_activity_on stays equal to what history and records say, on every write path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from tests.test_storage import full_project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.last_activity import drift


def stored(ctx: AppContext, pid: int) -> date | None:
    return next(r.last_activity_on for r in ctx.projects.list_rows() if r.id == pid)


def no_drift(ctx: AppContext) -> None:
    with ctx.database.session() as s:
        assert drift(s) == 0


def test_every_service_write_keeps_it_in_step(ctx: AppContext) -> None:
    p = ctx.projects.create(full_project(status=Status.SIGNED, signed_on=date(2023, 1, 5), construction_start_on=None))
    assert stored(ctx, p.id) == date(2023, 1, 5)  # the first status change, dated by signing
    ctx.projects.set_investment(p.id, [(2023, 2, 10), (2023, 6, 20)])
    assert stored(ctx, p.id) == date(2023, 6, 30)
    ctx.projects.set_investment(p.id, [(2023, 6, None)])  # a month removed: back to February's end
    assert stored(ctx, p.id) == date(2023, 2, 28)
    changes = ctx.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2023, 8, 9))
    assert stored(ctx, p.id) == date(2023, 8, 9)
    ctx.projects.revert_status_changes(changes)
    assert stored(ctx, p.id) == date(2023, 2, 28)
    edited = ctx.projects.get(p.id)
    edited.status = Status.PREPARING
    ctx.projects.update(edited, status_on=date(2023, 9, 1))
    assert stored(ctx, p.id) == date(2023, 9, 1)
    snaps = ctx.projects.delete([p.id])
    ctx.projects.restore(snaps)
    assert stored(ctx, p.id) == date(2023, 9, 1)
    no_drift(ctx)


def test_bulk_edits_of_the_desktop(ctx: AppContext) -> None:
    ids = [ctx.projects.create(full_project(code=f"B{i}", name=f"项目{i}", status=Status.SIGNED,
                                            signed_on=date(2023, 1, 1), construction_start_on=None)).id
           for i in range(3)]  # fmt: skip
    service = ctx.projects  # the set-based paths the desktop's bulk actions and undo use
    changes = service.change_status(ids, Status.ON_HOLD, date(2023, 10, 1), "")
    assert {stored(ctx, i) for i in ids} == {date(2023, 10, 1)}
    service.revert_status_changes(changes)
    assert {stored(ctx, i) for i in ids} == {date(2023, 1, 1)}
    snaps = ctx.projects.delete(ids[:2])  # the desktop deletes through ProjectService, restores in bulk
    service.restore(snaps)
    no_drift(ctx)


def _workbook(path: Path, rows: list[list[object]], header: list[str]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_imports_their_undo_and_redo(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database)
    projects = _workbook(
        tmp_path / "p.xlsx",
        [
            ["I1", "导入项目一", "光伏", "高要区", "在建", 5, date(2023, 1, 2), date(2023, 3, 4)],
            ["I2", "导入项目二", "光伏", "高要区", "签约", 3, date(2023, 4, 5), None],
        ],
        ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）", "签约时间", "开工时间"],
    )
    result = service.import_file(projects, ImportOptions())
    assert result.added == 2
    rows = {r.code: r for r in ctx.projects.list_rows()}
    assert rows["I1"].last_activity_on == date(2023, 3, 4) and rows["I2"].last_activity_on == date(2023, 4, 5)
    monthly = _workbook(tmp_path / "m.xlsx", [["I2", "2023-08", 100]], ["项目编号", "月份", "完成投资（万元）"])
    book = service.import_file(monthly, ImportOptions())
    assert book.investment_records == 1, book
    assert stored(ctx, rows["I2"].id) == date(2023, 8, 31)
    no_drift(ctx)
    service.undo(book.change)
    assert stored(ctx, rows["I2"].id) == date(2023, 4, 5)
    service.redo(book.change)
    assert stored(ctx, rows["I2"].id) == date(2023, 8, 31)
    no_drift(ctx)


def test_demo_database_has_no_drift(demo_ctx: AppContext) -> None:
    no_drift(demo_ctx)
    assert all(r.last_activity_on is not None for r in demo_ctx.projects.list_rows())


def test_an_imported_projects_first_status_change_is_dated_by_its_own_milestones(
    ctx: AppContext, tmp_path: Path
) -> None:
    """The latest milestone its status implies that has passed (production, else construction start,
    else signing), else the day of the import: hand-worked for each status."""
    today = date.today()
    later = date(today.year + 1, 6, 1)  # not passed yet: the milestone before it counts
    header = ["项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "计划总投资（亿元）",
              "签约时间", "开工时间", "投产时间"]  # fmt: skip
    rows = [
        ["M1", "里程碑一", "光伏", "高要区", "投产", 5, date(2021, 1, 4), date(2021, 6, 7), date(2022, 9, 1)],
        ["M2", "里程碑二", "光伏", "高要区", "投产", 5, date(2021, 1, 4), date(2021, 6, 7), later],
        ["M3", "里程碑三", "光伏", "高要区", "在建", 5, date(2021, 1, 4), None, None],
        ["M4", "里程碑四", "光伏", "高要区", "在建", 5, date(2021, 1, 4), date(2022, 2, 3), None],
        ["M5", "里程碑五", "光伏", "高要区", "签约", 5, None, None, None],
        ["M6", "里程碑六", "光伏", "高要区", "洽谈", 5, date(2021, 1, 4), date(2021, 6, 7), None],
    ]
    result = ImportService(ctx.database).import_file(_workbook(tmp_path / "m.xlsx", rows, header), ImportOptions())
    assert result.added == 6, result.problems[:3]
    first = {r.code: ctx.projects.status_history(r.id)[0].changed_on for r in ctx.projects.list_rows()}
    assert first == {
        "M1": date(2022, 9, 1),
        "M2": date(2021, 6, 7),
        "M3": date(2021, 1, 4),
        "M4": date(2022, 2, 3),
        "M5": today,
        "M6": today,
    }
