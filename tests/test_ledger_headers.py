"""Investment-promotion ledgers (招商引资项目台账) as parks keep them: 投资方所属地 is where the investor is
from (it was taken for the enterprise: 新加坡 stored as a company), 客商名称 / 外商名称 is the investor,
headers written in both languages (Status 状态) are recognised (a 放弃 project was stored as a lead), and a
currency in the sheet's name (外资项目（万美元）) is the amounts' (dollars were stored as yuan once a unit was
given). Real .xlsx files through the import service, both engines."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.io.headers import match_header
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


@pytest.mark.parametrize(
    "header, field",
    [("投资方所属地", "investor_origin"), ("客商所属地", "investor_origin"), ("客商名称", "enterprise"),
     ("外商名称", "enterprise"), ("Status 状态", "status"), ("状态/Status", "status"), ("District 区域", "district"),
     ("项目名称 Project Name", "name"), ("投资方名称", "enterprise")],
)  # fmt: skip
def test_ledger_headers(header: str, field: str) -> None:
    found = match_header(header)
    assert found is not None and found.field == field


def test_a_ledger_of_foreign_investors(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "外商名称", "投资方所属地", "Status 状态", "District 区域", "协议投资额（万元）"]
    rows = [["2025年高新区外资项目台账"], head,
            [1, "D1外资项目", "新加坡某私人有限公司", "新加坡", "已签约", "高新区", 30000],
            [2, "D2外资项目", "美国某公司", "美国", "放弃", "高新区", 5000]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "台账.xlsx", SheetSpec("在谈项目", rows)), ImportOptions())
    assert result.ok and result.added == 2
    stored = {p.name: p for p in ctx.projects.all_projects()}
    assert stored["D1外资项目"].enterprise == "新加坡某私人有限公司"  # not 新加坡
    assert stored["D1外资项目"].investor_origin.value == "foreign"
    assert stored["D2外资项目"].status.value == "cancelled"  # 放弃, not the sheet name's 在谈 (lead)
    assert stored["D1外资项目"].district == "高新区"


def test_a_currency_in_the_sheets_name(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [["项目名称", "所在区域", "投资额"], ["F1项目", "高新区", 1000]]
    path = write_workbook(tmp_path / "外资.xlsx", SheetSpec("外资项目（万美元）", rows))
    result = service.import_file(path, ImportOptions())
    assert all(p.planned_investment is None for p in ctx.projects.all_projects())  # never 1000 万元 of yuan
    assert any(n.code == "note_foreign_column" for n in result.notes)
    rated = service.import_file(path, ImportOptions(rates={"USD": Decimal("7.1")}))
    assert rated.ok
    (p,) = ctx.projects.all_projects()
    assert p.planned_investment == 71_000_000  # 1,000 万美元 × 7.1
