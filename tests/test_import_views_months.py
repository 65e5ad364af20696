"""A district lists some projects on two sheets of one workbook (在建项目 and 市重点项目), each row with
the month's own amount and the year to date. The second sheet's rows are the same projects, counted
once — but their month was dropped with both rows' records (the second sheet's year to date gave way
to the month the first had already written, and took it away): October lost for those projects, exit 0.
Both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.domain.errors import Problem
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = ["序号", "项目编号", "项目名称", "计划总投资", "建设状态", "{m}月完成投资", "1-{m}月累计完成投资"]
PROJECTS = [("ZQ-001", "鸿达新材料一期项目"), ("ZQ-002", "恒通光伏组件扩产项目"), ("ZQ-003", "宏远储能电池项目")]


def book(path: Path, m: int, months: dict[str, int], ytds: dict[str, int], twice: tuple[str, ...]) -> Path:
    head = [h.format(m=m) for h in HEAD]

    def rows(codes: list[str]) -> list[list]:
        return [[i, c, n, 50000, "在建", months[c], ytds[c]] for i, (c, n) in enumerate(PROJECTS, 1) if c in codes]

    title = [f"肇庆市高要区2026年重点项目进度表（截至{m}月）"], ["单位：万元"]
    every = SheetSpec("在建项目", [*title, head, *rows([c for c, _ in PROJECTS])])
    again = SheetSpec("市重点项目", [*title, head, *rows(list(twice))])
    return write_workbook(path, every, again)


def test_a_project_on_two_sheets_keeps_its_month(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    sep = book(tmp_path / "09.xlsx", 9, {"ZQ-001": 100, "ZQ-002": 200, "ZQ-003": 300},
               {"ZQ-001": 900, "ZQ-002": 1800, "ZQ-003": 2700}, ("ZQ-002",))  # fmt: skip
    first = service.import_file(sep, ImportOptions())
    assert first.ok and first.added == 3 and first.investment_records == 6  # 1–8月 and 9月 each
    octo = book(tmp_path / "10.xlsx", 10, {"ZQ-001": 110, "ZQ-002": 220, "ZQ-003": 330},
                {"ZQ-001": 1010, "ZQ-002": 2020, "ZQ-003": 3030}, ("ZQ-002", "ZQ-003"))  # fmt: skip
    result = service.import_file(octo, ImportOptions())
    assert result.ok and result.investment_records == 3, result
    october = {p.code: next((r.amount for r in ctx.projects.investment(p.id) if r.month == 10), None)
               for p in ctx.projects.all_projects()}  # fmt: skip
    assert october == {"ZQ-001": 110 * WAN, "ZQ-002": 220 * WAN, "ZQ-003": 330 * WAN}
    total = {p.code: sum(r.amount for r in ctx.projects.investment(p.id)) for p in ctx.projects.all_projects()}
    assert total == {"ZQ-001": 1010 * WAN, "ZQ-002": 2020 * WAN, "ZQ-003": 3030 * WAN}


def test_a_status_in_a_message_is_worded_not_its_repr() -> None:
    said = Problem(
        "differs_from_view",
        "status",
        {"value": Status.IN_PRODUCTION, "other": Status.TRIAL_PRODUCTION, "sheet": "在建项目", "first_row": 12},
    )
    assert "In production" in said.message("en") and "<Status" not in said.message("en")
    assert "“投产”" in said.message("zh") and "“试产”" in said.message("zh")


def test_a_blank_status_takes_the_sheets_stage_forward_only(ctx: AppContext, tmp_path: Path) -> None:
    """GY-1 moves to the 已投产项目 sheet with its status cell blank: it was left 设备调试 (exit 0, nothing
    said); now the sheet's stage moves it forward. GY-2, in production, listed under 续建项目 with a
    blank status, is never moved back."""
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    head = ["序号", "项目编号", "项目名称", "计划总投资（万元）", "建设状态"]
    first = SheetSpec("项目", [["高要区重点项目"], head, [1, "GY-1", "鸿达新材料一期项目", 50000, "设备调试"],
                                [2, "GY-2", "恒通光伏组件扩产项目", 80000, "已投产"]])  # fmt: skip
    assert service.import_file(write_workbook(tmp_path / "a.xlsx", first), ImportOptions()).added == 2
    done = SheetSpec("已投产项目", [["高要区已投产项目"], head, [1, "GY-1", "鸿达新材料一期项目", 50000, None]])
    going = SheetSpec("续建项目", [["高要区续建项目"], head, [1, "GY-2", "恒通光伏组件扩产项目", 80000, None]])
    result = service.import_file(write_workbook(tmp_path / "b.xlsx", done, going), ImportOptions())
    assert result.ok and result.updated == 1, result.problems
    status = {p.code: p.status for p in ctx.projects.all_projects()}
    assert status == {"GY-1": Status.IN_PRODUCTION, "GY-2": Status.IN_PRODUCTION}


def test_a_status_moving_back_is_said(ctx: AppContext, tmp_path: Path) -> None:
    """在建 → 前期 in an ordinary import was stored without a word: now a note names the rows (stored as given)."""
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    head = ["序号", "项目编号", "项目名称", "计划总投资（万元）", "建设状态"]

    def book(name: str, status: str) -> Path:
        rows = [["高要区重点项目"], head, [1, "GY-1", "鸿达新材料一期项目", 50000, status]]
        return write_workbook(tmp_path / name, SheetSpec("项目", rows))

    assert service.import_file(book("a.xlsx", "在建"), ImportOptions()).added == 1
    result = service.import_file(book("b.xlsx", "前期"), ImportOptions())
    assert result.ok and result.updated == 1
    said = [p.message("zh") for p in result.notes if p.code == "note_status_back"]
    assert said and "在建 → 前期" in said[0] and "“项目” 3" in said[0], said
    english = next(p.message("en") for p in result.notes if p.code == "note_status_back")
    assert "Under construction → Preparing" in english
    assert ctx.projects.all_projects()[0].status == Status.PREPARING


def test_a_cancelled_project_listed_again_is_said(ctx: AppContext, tmp_path: Path) -> None:
    """终止 → 在建 was stored with a change record and no word (probe25b): a note names the row now; a project
    on hold going on (停缓建 → 在建) is ordinary and says nothing."""
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    head = ["序号", "项目编号", "项目名称", "计划总投资（万元）", "建设状态"]

    def book(name: str, first: str, second: str) -> Path:
        rows = [["高要区重点项目"], head, [1, "GY-1", "鸿达新材料一期项目", 50000, first],
                [2, "GY-2", "恒通光伏组件扩产项目", 80000, second]]  # fmt: skip
        return write_workbook(tmp_path / name, SheetSpec("项目", rows))

    assert service.import_file(book("a.xlsx", "终止", "停缓建"), ImportOptions()).added == 2
    result = service.import_file(book("b.xlsx", "在建", "在建"), ImportOptions())
    assert result.ok and result.updated == 2
    (said,) = [p for p in result.notes if p.code == "note_status_revived"]
    assert said.message("en").startswith(
        "1 listed project(s) were cancelled and are listed again (the first: Cancelled"
    )
    assert "“项目” 3" in said.message("zh") and not [p for p in result.notes if p.code == "note_status_back"]
    assert {p.status for p in ctx.projects.all_projects()} == {Status.UNDER_CONSTRUCTION}
