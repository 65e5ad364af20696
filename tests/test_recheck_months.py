"""An import previewed, then a colleague corrects the stored 1-10月 of one of its projects, then applied
(probe26b S3b). November's own amount is 1-11月 less the stored 1-10月: worked out from the old 1-10月 it
was 500,000 where 375,000 is right. The import is now refused as changed meanwhile, and analysed again
it stores 375,000. Real .xlsx files, both engines.

万元: October list 1-10月累计 137.5 (1,375,000 yuan); the colleague corrects it to 150 (1,500,000);
November list 1-11月累计 187.5 (1,875,000): November's own 1,875,000 − 1,500,000 = 375,000.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def _list(path: Path, month: int, ytd: float) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [
        [f"肇庆市高要区2025年1-{month}月重点项目进展情况表"], ["填报单位：高要区投资促进局    单位：万元"],
        ["序号", "项目编号", "项目名称", "计划总投资", f"1-{month}月累计完成投资"],
        [1, "GY-2025-001", "高要储能项目", 5000, ytd],
        [2, "GY-2025-002", "高要电子项目", 3000, 100],
    ]))  # fmt: skip


def test_a_year_to_date_corrected_since_the_preview_refuses_the_stale_import(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    assert service.import_file(_list(tmp_path / "oct.xlsx", 10, 137.5), ImportOptions()).ok
    november = _list(tmp_path / "nov.xlsx", 11, 187.5)
    options = ImportOptions()
    book, plans = service.read_planned(november, options)
    analysis = service.analyse(book, options, plans=plans)  # the preview
    pid = ctx.projects.id_by_code("GY-2025-001")
    assert pid is not None
    ctx.projects.set_investment(pid, [(2025, 10, 1_500_000, 1)])  # a colleague's correction
    with pytest.raises(ConcurrentUpdateError, match="2025-10"):
        service.apply(analysis, options)
    assert [(r.month, r.amount) for r in ctx.projects.investment(pid)] == [(10, 1_500_000)]  # nothing written
    result = service.import_file(november, options)  # analysed again
    assert result.ok and result.written
    assert [(r.month, r.first, r.amount) for r in ctx.projects.investment(pid)] == [
        (10, 1, 1_500_000),
        (11, 11, 375_000),  # a month of its own (first month = month)
    ]
