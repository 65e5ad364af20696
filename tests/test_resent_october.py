"""Three loose ends of the monthly import (session 33, probe33a F6).

- October re-sent with its 当月 and 1-10月累计 both changed: figures that agree with the stored 1–9月 (2,500 − 500 =
  2,000 stored) are a corrected October, taken; figures that do not were refused as "does not agree with the year
  to date … that gives ¥3.00 mn", naming neither the project nor the stored 1–9月 it was held against.
- A first import listing one project once with its 项目编号 and once without, with other values: only the later
  row was refused, the earlier stored as if known right (a re-import refuses both).
- A district group row with a count (高要区（3个）) over another number of rows: nothing was said.
Real .xlsx files written with openpyxl, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
OCT = ["序号", "项目编号", "项目名称", "所在区域", "计划总投资", "10月完成投资", "1-10月累计完成投资"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def october(tmp_path: Path, name: str, a: tuple[int, int], b: tuple[int, int]) -> Path:
    rows = [[1, "ZQ-DZ-001", "甲项目", "端州区", 50000, *a], [2, "ZQ-DZ-002", "乙项目", "端州区", 50000, *b]]
    title = [["端州区2026年1-10月重点项目完成投资"], ["单位：万元"], OCT]
    return write_workbook(tmp_path / name, SheetSpec("10月", [*title, *rows]))


def months(ctx: AppContext, name: str) -> list[tuple[int | None, int, int]]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.first_month, r.month, r.amount) for r in ctx.projects.investment(pid) if r.year == 2026]


def test_a_resent_october_is_taken_when_it_agrees_with_the_stored_months_else_refused_naming_them(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(october(tmp_path, "10月.xlsx", (300, 2300), (100, 1000)), ImportOptions()).ok
    # 乙: 1,200 − 250 = 950万 for 1–9月, where 900万 is stored (and 100万 for October)
    refused = service.import_file(october(tmp_path, "10月（错）.xlsx", (500, 2500), (250, 1200)), ImportOptions())
    assert not refused.ok
    (problem,) = refused.problems
    assert problem.row == 5
    text = problem.reason("en")
    for said in ("ZQ-DZ-002 乙项目", "¥2.50 mn", "¥12.00 mn", "¥9.50 mn", "¥9.00 mn", "¥1.00 mn", "import"):
        assert said in text, text
    zh = problem.reason("zh")
    assert "乙项目" in zh and "900万元" in zh and "100万元" in zh and "950万元" in zh, zh
    assert months(ctx, "乙项目") == [(1, 9, 900 * WAN), (None, 10, 100 * WAN)]  # nothing written

    fixed = service.import_file(october(tmp_path, "10月（更正）.xlsx", (500, 2500), (200, 1100)), ImportOptions())
    assert fixed.ok, fixed.problems
    assert months(ctx, "甲项目") == [(1, 9, 2000 * WAN), (None, 10, 500 * WAN)]  # 1–9月 kept, October corrected
    assert months(ctx, "乙项目") == [(1, 9, 900 * WAN), (None, 10, 200 * WAN)]


def test_a_first_import_refuses_both_rows_of_a_project_listed_with_and_without_its_code(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["序号", "项目编号", "项目名称", "所在区域", "建设单位", "计划总投资", "项目状态"]
    rows = [[1, "ZQ-DZ-011", "智慧物流园项目", "端州区", "甲公司", 40000, "在建"],
            [2, "ZQ-DZ-012", "城东污水处理厂项目", "端州区", "乙公司", 1000, "在建"],
            [3, None, "智慧物流园项目", "端州区", "甲公司", 99000, "竣工"]]  # fmt: skip
    path = write_workbook(
        tmp_path / "清单.xlsx", SheetSpec("清单", [["端州区2026年重点项目"], ["单位：万元"], head, *rows])
    )
    result = service.import_file(path, ImportOptions(), dry_run=True)
    assert sorted(p.row for p in result.problems) == [4, 6]
    for p in result.problems:
        text = p.problem.message("en")
        assert "rows 4 and 6" in text and "Under construction in row 4, In production in row 6" in text, text
        assert "¥990.00 mn in row 6" in text and "neither is imported" in text, text
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))
    assert skipped.added == 1 and [p.name for p in ctx.projects.all_projects()] == ["城东污水处理厂项目"]


def test_a_district_group_rows_count_other_than_its_rows_is_said(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["肇庆市2026年重点项目"], ["单位：万元"], ["序号", "项目名称", "计划总投资"],
            ["高要区（3个）"], [1, "高要甲项目", 100], [2, "高要乙项目", 200],
            ["四会市（1个）"], [1, "四会丙项目", 300]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "g.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok and result.added == 3
    (note,) = [n for n in result.notes if n.code == "note_group_count"]
    text = note.message("en")
    assert "row 4" in text and "高要区（3个）" in text and "3" in text and "rows 5–6" in text, text
    assert "四会市" not in text  # its count is right
    assert "高要区（3个）" in note.message("zh")
