"""Layouts of published key-project tables (龙岩 形象进度, 沣西 进度表, 漳州 明细表, provincial lists) as
a probe of real structures found them misread or refused: a signature line under the table, periods
in a merged header over 完成投资 / 占年度计划 / 到位资金, 本月 beside 自年初累计, a county-level city in the
title, addresses, 开工状态, construction periods written 2023-03/2025-12 or 23.3-25.12. Real .xlsx files
through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def codes(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.code for n in result.notes}


@pytest.mark.parametrize(
    "footer",
    [
        ["填报单位：肇庆市发展和改革局          填表人：李明          联系电话：0758-2281234", "", ""],
        ["填表人：李明", "审核人：王芳", "联系电话：0758-2281234"],
        ["联系电话：0758-2281234", "", ""],
    ],
)
def test_a_signature_line_under_the_table_ends_it(
    service: ImportService, ctx: AppContext, tmp_path: Path, footer: list
) -> None:
    """序号 | 项目名称 | 年度计划投资 and a signature line under the rows: the import ended in an
    IndexError (exit 3); the line is a note under the table, not a project's continuation."""
    path = write_workbook(tmp_path / "plan.xlsx", SheetSpec("Sheet", [
        ["肇庆市2024年重点项目建设形象进度", "", ""],
        ["序号", "项目名称", "年度计划投资(万元)"],
        [1, "端州区测试项目一", 20000],
        [2, "端州区测试项目二", 10000],
        footer,
    ]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and result.plans == 2
    assert "note_notes_from" in codes(result) and "note_continuations" not in codes(result)
