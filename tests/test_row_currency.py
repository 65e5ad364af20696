"""A 币种 column beside amounts whose header names no currency: a row in 美元 or 港元 is never stored
as yuan (it had been: 3000万美元 as 3000万元, exit 0); rows in 人民币 are imported as ever, and under
--skip-invalid the others are left out. Real .xlsx files through ImportService, on both engines."""

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


def listing(path: Path, currencies: list[str], extra: list | None = None) -> Path:
    head = ["项目名称", "投资主体", "投资额", "币种", *(extra or [])]
    rows = [["肇庆新区外资项目表"], ["单位：万元"], head]
    for n, cur in enumerate(currencies, start=1):
        rows.append([f"外资项目{n}", f"外资企业{n}有限公司", 1000 * n, cur, *([500 * n] if extra else [])])
    return write_workbook(path, SheetSpec("外资项目", rows))


def test_rows_in_another_currency_are_refused_by_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = listing(tmp_path / "fx.xlsx", ["人民币", "美元", "RMB", "港元"])
    result = service.import_file(path, ImportOptions())
    assert not result.ok and [p.row for p in result.problems] == [5, 7]
    assert "'美元'" in result.problems[0].reason("en") and "never stored as yuan" in result.problems[0].reason("en")
    assert "不会当作人民币保存" in result.problems[1].reason("zh")
    assert ctx.projects.all_projects() == []
    kept = service.import_file(path, ImportOptions(skip_invalid=True))
    assert kept.written and kept.added == 2
    assert sorted(p.planned_investment for p in ctx.projects.all_projects()) == [10_000_000, 30_000_000]


def test_a_list_all_in_yuan_or_with_original_amounts_imports(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Every row 人民币 (or blank); and a 币种 column that goes with an 原币金额 column (zqtracker's own
    export writes the yuan figure beside the original): the yuan column stands."""
    assert service.import_file(listing(tmp_path / "cny.xlsx", ["人民币", "", "CNY"]), ImportOptions()).ok
    rows = [["单位：万元"], ["项目名称", "投资主体", "计划总投资", "计划总投资（原币金额）", "币种", "汇率（元/单位）"],
            ["港资项目", "港资企业有限公司", 7100, 1000, "USD", 7.1]]  # fmt: skip
    path = write_workbook(tmp_path / "own.xlsx", SheetSpec("项目", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()}["港资项目"] == 71_000_000
