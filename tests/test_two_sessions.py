"""Two people on one database (issue 14's eight scenarios, both engines): every edit, undo, redo,
bulk change and import checks what it started from inside its write transaction, and nothing is
overwritten silently — a conflict is refused and nothing of it is written."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from engines import dump
from import_files import PROJECT_HEADER, SheetSpec, district_projects, write_workbook

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.editing import EditingService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.bulk_edits import change_status_many


@pytest.fixture
def two(ctx: AppContext, db_url: str):  # type: ignore[no-untyped-def]
    """Me (``ctx``) and a colleague: a second, independent connection pool on the same database."""
    other = AppContext.open(db_url)
    yield ctx, other
    other.close()


def _project(ctx: AppContext, code: str = "P-1", status: Status = Status.SIGNED) -> Project:
    return ctx.projects.create(Project("光伏组件项目", "光伏", "端州区", status, 10**8, code=code))


def _importer(ctx: AppContext, tmp_path: Path, name: str = "m.json") -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / name))


def test_1_undoing_a_status_change_refuses_over_a_later_save(two, db_url: str) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    p = _project(me)
    changes = me.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 3, 1))
    theirs = colleague.projects.get(p.id)
    theirs.officer = "王芳"
    colleague.projects.update(theirs)
    before = dump(db_url)
    with pytest.raises(ConcurrentUpdateError):
        me.projects.revert_status_changes(changes)
    assert dump(db_url) == before
    kept = me.projects.get(p.id)
    assert kept.officer == "王芳" and kept.status is Status.UNDER_CONSTRUCTION


def test_2_a_redo_checks_the_versions_its_undo_left(two) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    p = _project(me)
    changes = me.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 3, 1))
    versions = me.projects.revert_status_changes(changes)
    assert versions == {p.id: 3}
    theirs = colleague.projects.get(p.id)
    colleague.projects.change_status([p.id], Status.ON_HOLD, date(2024, 3, 2), expected_versions={p.id: 3})
    with pytest.raises(ConcurrentUpdateError):  # the redo, as ui/commands.ChangeStatus does it
        me.projects.change_status(
            list(versions), Status.UNDER_CONSTRUCTION, date(2024, 3, 1), expected_versions=versions
        )
    assert me.projects.get(p.id).status is Status.ON_HOLD
    assert theirs.version == 3


def test_3_key_flags_their_undo_and_redo_check_versions(two) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    a, b = _project(me, "K-1"), _project(me, "K-2")
    change = me.projects.set_key_project([a.id, b.id], True)
    theirs = colleague.projects.get(b.id)
    theirs.notes = "同事的备注"
    colleague.projects.update(theirs)
    with pytest.raises(ConcurrentUpdateError):
        me.projects.restore_key_flags(change)
    assert me.projects.get(a.id).is_key_project and me.projects.get(b.id).notes == "同事的备注"
    stale = {a.id: 1, b.id: 1}
    with pytest.raises(ConcurrentUpdateError):
        me.projects.set_key_project([a.id, b.id], False, expected_versions=stale)
    assert me.projects.get(a.id).is_key_project  # nothing written


def test_4_the_version_check_and_the_write_are_one_transaction(two, db_url: str) -> None:  # type: ignore[no-untyped-def]
    """My check waits for the colleague's open write and then sees it: no commit can fall between
    my SELECT and my UPDATE."""
    me, colleague = two
    p = _project(me)
    outcome: list[object] = []
    started = threading.Event()

    def mine() -> None:
        started.set()
        try:
            outcome.append(
                me.projects.change_status([p.id], Status.CANCELLED, date(2024, 1, 2), expected_versions={p.id: 1})
            )
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test looks at
            outcome.append(exc)

    with colleague.database.write() as s:  # the colleague's write is open (not yet committed)
        change_status_many(s, [p.id], Status.ON_HOLD, date(2024, 1, 1), expected_versions={p.id: 1})
        worker = threading.Thread(target=mine)
        worker.start()
        started.wait()
        time.sleep(0.5)  # mine is now waiting for the lock (or would have read the old version)
        assert not outcome, "my write went ahead while another write was open"
    worker.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], ConcurrentUpdateError)
    stored = me.projects.get(p.id)
    assert stored.status is Status.ON_HOLD and stored.version == 2


def _codeless_list(path: Path) -> Path:
    rows = [PROJECT_HEADER[:7] + PROJECT_HEADER[7:8]]
    rows += [[i, None, f"无编号项目{i}", None, "光伏", "高要区", "在建", 1] for i in range(1, 6)]
    return write_workbook(path, SheetSpec("明细", rows))


def test_5_an_import_rechecks_its_analysis_when_it_writes(two, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    path = _codeless_list(tmp_path / "无编号.xlsx")
    mine = _importer(me, tmp_path, "a.json")
    book = mine.read(path)
    analysis = mine.analyse(book, ImportOptions(unit=None))
    assert analysis.added == 5
    done = _importer(colleague, tmp_path, "b.json").import_file(path, ImportOptions())  # meanwhile
    assert done.added == 5
    before = dump(db_url)
    with pytest.raises(ConcurrentUpdateError) as refused:
        mine.apply(analysis, ImportOptions())
    assert refused.value.what == "import" and "added meanwhile" in str(refused.value)
    assert dump(db_url) == before and me.projects.count() == 5  # not duplicated
    again = mine.import_file(path, ImportOptions())  # analysed afresh: nothing new
    assert again.added == 0 and me.projects.count() == 5


def _monthly(path: Path) -> Path:
    return write_workbook(
        path, SheetSpec("月度", [["项目编号", "月份", "完成投资（万元）"], ["GY-001", "2023-08", 300]])
    )


def test_6_a_month_deleted_meanwhile_is_not_reported_written(two, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    _importer(me, tmp_path).import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    gy = next(p for p in me.projects.all_projects() if p.code == "GY-001")
    me.projects.set_investment(gy.id, [(2023, 8, 5)])
    service = _importer(me, tmp_path)
    book = service.read(_monthly(tmp_path / "m.xlsx"))
    analysis = service.analyse(book, ImportOptions())
    colleague.projects.set_investment(gy.id, [(2023, 8, None)])  # the month goes meanwhile
    with pytest.raises(ConcurrentUpdateError):
        service.apply(analysis, ImportOptions())
    result = service.import_file(_monthly(tmp_path / "m2.xlsx"), ImportOptions())
    stored = {(r.year, r.month): r.amount for r in me.projects.investment(gy.id)}
    assert result.investment_records == 1 and stored[(2023, 8)] == 3_000_000


def test_7_undoing_a_replace_import_refuses_over_later_edits(two, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    _project(me, "OLD-1")
    service = _importer(me, tmp_path)
    result = service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions(mode="replace"))
    theirs = next(p for p in colleague.projects.all_projects() if p.code == "GY-002")
    theirs.notes = "同事导入后改的"
    colleague.projects.update(theirs)
    before = dump(db_url)
    with pytest.raises(ConcurrentUpdateError):
        service.undo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == before
    theirs = colleague.projects.get(theirs.id)  # type: ignore[arg-type]
    theirs.notes = ""
    colleague.projects.update(theirs)  # put back by hand: the versions still moved on, so still refused
    with pytest.raises(ConcurrentUpdateError):
        service.undo(result.change)  # type: ignore[arg-type]


def test_8_two_imports_at_once_both_land_with_distinct_ids(two, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    first = _importer(me, tmp_path, "a.json")
    second = _importer(colleague, tmp_path, "b.json")
    a = first.analyse(first.read(district_projects(tmp_path / "d.xlsx")), ImportOptions())
    b = second.analyse(second.read(_codeless_list(tmp_path / "c.xlsx")), ImportOptions())
    errors: list[BaseException] = []
    results = []

    def run(service: ImportService, analysis) -> None:  # type: ignore[no-untyped-def]
        try:
            results.append(service.apply(analysis, ImportOptions()))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=args) for args in ((first, a), (second, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    ids = [pid for r in results for pid in r.project_ids]
    assert len(ids) == len(set(ids)) == 8
    assert me.projects.count() == 8


def test_undo_and_redo_of_monthly_amounts_refuse_over_a_colleague_entry(two) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    p = _project(me)
    me.projects.set_investment(p.id, [(2024, 1, 100)])
    colleague.projects.set_investment(p.id, [(2024, 1, 250)])
    with pytest.raises(ConcurrentUpdateError):  # my undo expects the 100 I wrote
        me.projects.set_investment(p.id, [(2024, 1, None)], expected={(2024, 1): 100})
    assert [r.amount for r in me.projects.investment(p.id)] == [250]
    me.projects.set_plans(p.id, [(2024, 1_000)])
    colleague.projects.set_plans(p.id, [(2024, 2_000)])
    with pytest.raises(ConcurrentUpdateError):
        me.projects.set_plans(p.id, [(2024, None)], expected={2024: 1_000})


def test_undoing_a_create_or_redoing_a_delete_refuses_over_an_edit(two) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    p = _project(me)
    theirs = colleague.projects.get(p.id)
    theirs.notes = "已补充"
    colleague.projects.update(theirs)
    with pytest.raises(ConcurrentUpdateError):  # the undo of my create expects version 1
        me.projects.delete([p.id], expected_versions={p.id: 1})
    assert me.projects.get(p.id).notes == "已补充"
    snaps = me.projects.delete([p.id])
    me.projects.restore(snaps)
    again = colleague.projects.get(p.id)
    again.notes = "又改了"
    colleague.projects.update(again)
    with pytest.raises(ConcurrentUpdateError):
        me.projects.delete([p.id], expected_versions={s.project.id: s.project.version for s in snaps})  # type: ignore[misc]


def test_an_edit_undone_after_a_colleague_saved_is_refused(two) -> None:  # type: ignore[no-untyped-def]
    me, colleague = two
    p = _project(me)
    before, after = me.projects.get(p.id), me.projects.get(p.id)
    after.planned_investment = 3 * 10**8
    service = EditingService(me.database)
    change = service.save(after)
    theirs = colleague.projects.get(p.id)
    theirs.officer = "李雷"
    colleague.projects.update(theirs)
    with pytest.raises(ConcurrentUpdateError):
        service.revert(before, after, change)
    kept = me.projects.get(p.id)
    assert kept.officer == "李雷" and kept.planned_investment == 3 * 10**8
