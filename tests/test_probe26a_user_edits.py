"""The user's own entries between two district imports (probe26a): an annual plan the user changed is
listed before a re-import writes the file's over it; a project the user deleted that the district's
next list still gives is named as added back; an import's undo never deletes what the user entered on
its projects since. Real .xlsx files written by openpyxl, imported through the service, both engines;
figures worked out by hand in the comments."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.import_preview import diff_text

WAN = 10_000
# code, name, enterprise, sector, planned 万元, status, plan 2025 万元, 1-9月 万元, 1-10月 万元
ROWS = [
    ["GY-001", "高要区金利五金智能制造产业园项目", "广东金利五金制品有限公司", "金属制品",
     50000, "在建", 12000, 8000, 9200],
    ["GY-002", "肇庆宏威新能源电池材料项目", "肇庆宏威新材料科技有限公司", "新能源",
     120000, "在建", 30000, 21000, 24500],
    ["GY-003", "高要精密电子元器件生产基地项目", "肇庆精元电子有限公司", "电子信息", 30000, "前期", 5000, 500, 800],
    ["GY-004", "肇庆市宏达汽车零部建扩产项目", "肇庆宏达汽车配件有限公司", "汽车零部件",
     45000, "在建", 15000, 9000, 10300],
    ["GY-005", "高要区绿色新型建材项目", "肇庆绿建新材料有限公司", "新材料", 20000, "签约", 3000, 0, 0],
]  # fmt: skip


def district_file(tmp_path: Path, month: int, *, codes: bool = True, plan_001: int = 12000) -> Path:
    """高要区's list through September (or October), as base_sep.xlsx / base_oct_nocode.xlsx of the probe:
    title, 单位 line, header, five projects (data rows 4–8), a 合计 row."""
    head = [*(["项目编号"] if codes else []), "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）",
            "项目状态", "2025年计划投资（万元）", f"1-{month}月累计完成投资（万元）"]  # fmt: skip
    rows = [[f"肇庆市高要区2025年1-{month}月重点项目进展情况表"], ["填报单位：高要区投资促进局", "单位：万元"], head]
    for code, name, enterprise, sector, planned, status, plan, sep, oct_ in ROWS:
        plan = plan_001 if code == "GY-001" else plan
        rows.append([*([code] if codes else []), name, enterprise, sector, "高要区", planned, status, plan,
                     sep if month == 9 else oct_])  # fmt: skip
    rows.append(["合计"])
    return write_workbook(tmp_path / f"gaoyao_{month}{'' if codes else '_nocode'}.xlsx", SheetSpec(f"{month}月", rows))


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def pid(ctx: AppContext, code: str) -> int:
    return next(p.id for p in ctx.projects.all_projects() if p.code == code)  # type: ignore[misc]


def plan_of(ctx: AppContext, code: str, year: int = 2025) -> int | None:
    return next((p.amount for p in ctx.projects.plans(pid(ctx, code)) if p.year == year), None)


# -- 1. an annual plan the user changed ---------------------------------------------------------------
def test_a_plan_the_user_changed_is_listed_before_the_file_writes_over_it(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """E6pa: GY-001's 2025 plan 12000万 → the user's 14000万; the same file again said "annual_plans: 1"
    and "changes: []" and stored 120,000,000 over the user's 140,000,000 unsaid."""
    sep = district_file(tmp_path, 9)
    assert service.import_file(sep, ImportOptions()).added == 5
    ctx.projects.set_plans(pid(ctx, "GY-001"), [(2025, 14000 * WAN)])  # 140,000,000 yuan
    dry = service.import_file(sep, ImportOptions(), dry_run=True)
    assert (dry.added, dry.updated, dry.unchanged, dry.plans) == (0, 0, 5, 1)  # the other four plans as stored
    # the row (data row 4: title, 单位 line, header above it) lists it as a planned_investment change is
    assert dry.changes == [{"sheet": "9月", "row": 4, "project": "GY-001", "field": "plan 2025",
                            "before": 140_000_000, "after": 120_000_000}]  # fmt: skip
    assert dry.changes_total == 1 and plan_of(ctx, "GY-001") == 140_000_000  # a dry run writes nothing
    analysis = service.analyse(service.read(sep), ImportOptions())
    sheet = analysis.sheets[0]
    assert sheet.status[0] == "update" and sheet.status[1:] == ["same"] * 4  # the preview's row: an update
    assert diff_text(sheet.changes[0], "zh") == "2025 年度计划 140,000,000 元 → 120,000,000 元"
    assert diff_text(sheet.changes[0], "en").startswith("Annual plan 2025 ")
    done = service.import_file(sep, ImportOptions())
    assert done.changes == dry.changes and plan_of(ctx, "GY-001") == 120_000_000  # written as listed


def test_a_later_file_with_another_plan_lists_the_change_and_new_years_are_not_changes(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """E6pc: October's file gives 13000万 for GY-001 after the user's 14000万: listed 140,000,000 →
    130,000,000. A plan for a year nothing is stored of changes no stored value: written, not listed."""
    service.import_file(district_file(tmp_path, 9), ImportOptions())
    ctx.projects.set_plans(pid(ctx, "GY-001"), [(2025, 14000 * WAN)])
    ctx.projects.set_plans(pid(ctx, "GY-002"), [(2025, None)])  # GY-002's plan removed: the file's is new again
    dry = service.import_file(district_file(tmp_path, 10, plan_001=13000), ImportOptions(), dry_run=True)
    plans = [c for c in dry.changes if c["field"].startswith("plan")]
    assert plans == [{"sheet": "10月", "row": 4, "project": "GY-001", "field": "plan 2025",
                      "before": 140_000_000, "after": 130_000_000}]  # fmt: skip
    assert dry.plans == 2  # GY-001's 130,000,000 and GY-002's 300,000,000 (30000万), none before


# -- 2. a project the user deleted ---------------------------------------------------------------------
def _deleted_by(ctx: AppContext) -> str:
    """Who the trail says deleted the last project (the OS user on SQLite, the server's role on PostgreSQL)."""
    (row,) = HistoryService(ctx.database).changes(limit=1)
    assert row.field == "deleted"
    return row.user_name


def test_a_project_the_user_deleted_is_named_when_the_list_adds_it_back(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """E7a: the user deleted GY-003; September's list again: "added": 1 and nothing named it."""
    sep = district_file(tmp_path, 9)
    service.import_file(sep, ImportOptions())
    ctx.projects.delete([pid(ctx, "GY-003")])
    user = _deleted_by(ctx)
    dry = service.import_file(sep, ImportOptions(), dry_run=True)
    (note,) = [n for n in dry.notes if n.code == "note_readded"]
    assert note.params["row"] == 6 and note.params["user"] == user  # GY-003: the third data row (4, 5, 6)
    text = note.message("en")
    assert "row 6: project GY-003 “高要精密电子元器件生产基地项目” (高要区) was deleted in zqtracker" in text
    assert f"by {user}); this row adds it back as a new project" in text
    assert "已在 zqtracker 中删除" in note.message("zh") and dry.added == 1
    done = service.import_file(sep, ImportOptions())  # written as the file says, and said there too
    assert done.added == 1 and [n.params["row"] for n in done.notes if n.code == "note_readded"] == [6]
    # added back, it is a stored project again: the next list matches it, nothing more to say
    again = service.import_file(sep, ImportOptions(), dry_run=True)
    assert again.added == 0 and not [n for n in again.notes if n.code == "note_readded"]


def test_a_merged_project_is_named_in_a_list_without_codes(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """E10 / E7c: the user merged GY-005 into GY-001 (deleted GY-005, GY-001's planned 50000 + 20000 =
    70000万); October's list without codes gives GY-005's name again: matched by its name and district (the
    deletion's row keeps it, fix27u), named; GY-001's planned total back to 50000万 is listed."""
    service.import_file(district_file(tmp_path, 9), ImportOptions())
    ctx.projects.delete([pid(ctx, "GY-005")])
    ctx.projects.update(dataclasses.replace(ctx.projects.get(pid(ctx, "GY-001")), planned_investment=70000 * WAN))
    dry = service.import_file(district_file(tmp_path, 10, codes=False), ImportOptions(), dry_run=True)
    (note,) = [n for n in dry.notes if n.code == "note_readded"]
    assert note.params["row"] == 8  # data rows 4–8
    assert note.params["project"] == "GY-005 “高要区绿色新型建材项目” (高要区)"
    planned = [c for c in dry.changes if c["field"] == "planned_investment"]
    assert [(c["before"], c["after"]) for c in planned] == [(700_000_000, 500_000_000)]


def test_projects_an_undo_removed_are_not_called_deleted(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """An import undone deletes its projects ("undo" in the trail): importing the file again adds them,
    as it did the first time — no user deleted them. Nor is a project of another name in the list named."""
    sep = district_file(tmp_path, 9)
    first = service.import_file(sep, ImportOptions())
    assert first.change is not None
    service.undo(first.change)
    assert ctx.projects.all_projects() == []
    again = service.import_file(sep, ImportOptions(), dry_run=True)
    assert again.added == 5 and not [n for n in again.notes if n.code == "note_readded"]


# -- 3. undo of an import over the user's later entries -----------------------------------------------------
@pytest.mark.parametrize("entry", ["october", "plan 2026"])
def test_an_undo_never_deletes_the_users_later_entries_on_its_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path, entry: str
) -> None:
    """U3 / U4: an empty database, September's list imported (5 projects, 5 months, 5 plans); the user then
    enters GY-002's October, 3500万 (set_investment), or GY-001's 2026 plan, 10000万 (set_plans) — neither
    raises a project's version — and the undo of the import went through, deleting the entry with them."""
    done = service.import_file(district_file(tmp_path, 9), ImportOptions())
    assert done.change is not None and done.added == 5
    gy2, gy1 = pid(ctx, "GY-002"), pid(ctx, "GY-001")
    if entry == "october":
        ctx.projects.set_investment(gy2, [(2025, 10, 3500 * WAN)])
    else:
        ctx.projects.set_plans(gy1, [(2026, 10000 * WAN)])
    with pytest.raises(ConcurrentUpdateError) as refused:
        service.undo(done.change)
    assert refused.value.project_id == (gy2 if entry == "october" else gy1)
    assert refused.value.what == ("investment" if entry == "october" else "plan")
    said = refused.value.message("en")  # the project by its code (probe34c), the undo refused as such
    assert ("GY-002" if entry == "october" else "GY-001") in said and "the undo is refused" in said, said
    assert len(ctx.projects.all_projects()) == 5  # nothing went
    if entry == "october":
        # 1-9月 21000万 as one figure (210,000,000) and the user's October 35,000,000
        assert [(r.month, r.amount) for r in ctx.projects.investment(gy2)] == [(9, 210_000_000), (10, 35_000_000)]
        ctx.projects.set_investment(gy2, [(2025, 10, None)])  # the user takes the entry back …
    else:
        assert plan_of(ctx, "GY-001", 2026) == 100_000_000
        ctx.projects.set_plans(gy1, [(2026, None)])
    service.undo(done.change)  # … and the undo goes through: the database as before the import
    assert ctx.projects.all_projects() == []
    service.redo(done.change)  # and the redo puts back exactly what the import wrote
    assert plan_of(ctx, "GY-001") == 120_000_000 and plan_of(ctx, "GY-001", 2026) is None
    assert [(r.month, r.amount) for r in ctx.projects.investment(pid(ctx, "GY-002"))] == [(9, 210_000_000)]


def test_an_undo_of_a_later_import_keeps_the_users_months_it_did_not_write(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """October's list over September's updates the projects (their October, 1-10 − 1-9: GY-001 9200 − 8000 =
    1200万); the user then enters GY-001's November, 1500万. Undoing October takes back its five months
    and leaves the user's November: the import never wrote it, and the project stays."""
    service.import_file(district_file(tmp_path, 9), ImportOptions())
    october = service.import_file(district_file(tmp_path, 10), ImportOptions())
    assert october.change is not None and october.investment_records == 5
    gy1 = pid(ctx, "GY-001")
    ctx.projects.set_investment(gy1, [(2025, 11, 1500 * WAN)])
    assert [(r.month, r.amount) for r in ctx.projects.investment(gy1)] == [
        (9, 80_000_000),
        (10, 12_000_000),
        (11, 15_000_000),
    ]
    service.undo(october.change)
    assert [(r.month, r.amount) for r in ctx.projects.investment(gy1)] == [(9, 80_000_000), (11, 15_000_000)]


def test_many_rows_adding_back_deleted_projects_are_named_twenty_then_counted(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A whole list deleted by a bulk delete and imported again: 22 rows, 20 named one by one (data rows
    3–22: the header is row 2), the other 2 (rows 23, 24) counted in one note."""
    rows = [["项目编号", "项目名称", "所在区域", "计划总投资（万元）"]]
    rows += [[f"DH-{n:02d}", f"鼎湖第{n}号厂房项目", "鼎湖区", 1000 + n] for n in range(1, 23)]
    path = write_workbook(tmp_path / "dinghu.xlsx", SheetSpec("Sheet1", [["鼎湖区2025年重点项目清单"], *rows]))
    assert service.import_file(path, ImportOptions()).added == 22
    ctx.projects.delete([p.id for p in ctx.projects.all_projects()])  # type: ignore[misc]
    dry = service.import_file(path, ImportOptions(), dry_run=True)
    named = [n.params["row"] for n in dry.notes if n.code == "note_readded"]
    (more,) = [n for n in dry.notes if n.code == "note_readded_more"]
    assert named == list(range(3, 23)) and more.params["count"] == 2
    assert more.message("en") == "2 more row(s) add back projects deleted in zqtracker: “Sheet1” 23; “Sheet1” 24."
