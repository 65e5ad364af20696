"""A decimal comma after a point or a space (probe39 M1): "1.234,56" was stored as 1.23456万元 (12,346 yuan) and
"1 234,56" as 123456万元, exit 0 with no word — the comma dropped; "1.234,5" 亩 likewise. Such a cell is now
refused as "300,5" always was, naming it; 1,234.56 and 1 234 still read. Real .xlsx, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def test_a_decimal_comma_after_a_point_or_a_space_is_refused_never_dropped(ctx: AppContext, tmp_path: Path) -> None:
    rows = [["项目名称", "所在区域", "总投资（万元）", "用地面积（亩）"],
            ["欧式写法项目", "高要区", "1.234,56", 12],
            ["空格分组项目", "高要区", "1 234,56", 15],
            ["全角项目", "高要区", "１.２３４，５６", 18],
            ["亩数项目", "高要区", 800, "1.234,5"],
            ["千分位项目", "高要区", "1,234.56", "1 234"]]  # fmt: skip
    path = write_workbook(tmp_path / "comma.xlsx", SheetSpec("Sheet1", rows))
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    refused = sorted((p.row, p.column, p.value) for p in result.problems)
    assert refused == [(2, "C", "1.234,56"), (3, "C", "1 234,56"), (4, "C", "１.２３４，５６"), (5, "D", "1.234,5")], [
        p.reason("en") for p in result.problems
    ]
    stored = {p.name: (p.planned_investment, p.land_area_mu) for p in ctx.projects.all_projects()}
    assert stored == {"千分位项目": (12_345_600, 1234)}, stored
