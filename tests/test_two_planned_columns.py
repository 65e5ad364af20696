"""Two columns a header reads as the planned investment, side by side: the plan as revised, and the
plan rather than what was signed or agreed — whichever comes first (a probe of bureau lists found
签约投资额 | 计划总投资 and 原计划总投资 | 调整后计划总投资 read from the left-hand column, exit 0).
Real .xlsx files through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("签约投资额（万元）", "计划总投资（万元）", 1),
        ("协议投资额（万元）", "计划总投资（万元）", 1),
        ("原计划总投资（万元）", "调整后计划总投资（万元）", 1),
        ("计划总投资（调整前）（万元）", "计划总投资（调整后）（万元）", 1),
        ("计划总投资（调整后）（万元）", "计划总投资（调整前）（万元）", 0),
        ("计划总投资（万元）", "签约投资额（万元）", 0),
    ],
)
def test_the_revised_plan_is_kept_whichever_comes_first(
    service: ImportService, ctx: AppContext, tmp_path: Path, first: str, second: str, kept: int
) -> None:
    rows = [["端州区2026年招商项目表"], ["项目名称", "投资主体", first, second],
            ["星湖新材料项目", "肇庆星湖新材料有限公司", 8000, 12000],
            ["鼎湖智能装备项目", "广东鼎湖智造有限公司", 3000, 4500]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "two.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    planned = {p.name: p.planned_investment for p in ctx.projects.all_projects()}
    figures = [(8000, 12000), (3000, 4500)]
    assert planned == {
        "星湖新材料项目": figures[0][kept] * 10_000,
        "鼎湖智能装备项目": figures[1][kept] * 10_000,
    }
    dropped = first if kept else second
    notes = [n.message("en") for n in result.notes]
    assert any(dropped in n and "another column holds the same field" in n for n in notes), notes
