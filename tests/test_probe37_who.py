"""Who builds a project and where (probe37c): 投资方 before 建设单位 stored the investor as the enterprise and
left the builder's column out (P37c-2); a 所属园区 column of 怀集县产业园 / 怀集县高新园 under a 怀集县 title made
three new districts and no project in 怀集县 (P37c-3); 进展情况 and 形象进度 with the same text stored it twice
(P37c-7). Real .xlsx files written by openpyxl, imported through the service, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _ignored(result: ImportResult, header: str) -> list[str]:
    return [
        str(n.params["what"]) for n in result.notes if n.code == "note_ignored_column" and n.params["header"] == header
    ]


def test_project_company_park_and_progress_of_a_county_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows: list[list] = [
        ["怀集县2026年重点项目进展情况表"],
        ["序号", "项目名称", "投资方", "建设单位", "所属园区", "镇街", "总投资（万元）", "进展情况", "形象进度"],
        [1, "怀集智能装备项目", "广州某集团股份有限公司", "肇庆华达有限公司", "怀集县产业园", "怀城街道", 20500,
         "主体结构施工中，完成40%", "主体结构施工中，完成40%"],
        [2, "怀集新材料项目", "深圳某控股有限公司", "肇庆华盛有限公司", "怀集县高新园", "冷坑镇", 8000,
         "厂房封顶，完成60%", "厂房封顶，完成60%"],
    ]  # fmt: skip
    path = write_workbook(tmp_path / "who.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, result.problems
    got = {p.name: (p.enterprise, p.district, p.progress_note) for p in ctx.projects.all_projects()}
    assert got == {
        "怀集智能装备项目": (
            "肇庆华达有限公司",
            "怀集县",
            "主体结构施工中，完成40%",
        ),  # the builder; 怀集县's park; once
        "怀集新材料项目": ("肇庆华盛有限公司", "怀集县", "厂房封顶，完成60%"),
    }
    assert result.new_districts == ["怀集县"]
    (why,) = _ignored(result, "投资方")  # the investor's column is not silently dropped
    assert "investor" in why and "project company" in why


def test_investor_after_the_owner_and_a_park_named_with_its_county(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows: list[list] = [
        ["序号", "项目名称", "业主单位", "投资主体", "所属园区", "总投资（万元）"],
        [1, "端州储能项目", "肇庆华泰有限公司", "广州某集团股份有限公司", "端州区工业园", 5000],
    ]
    path = write_workbook(tmp_path / "owner.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 1, result.problems
    (p,) = ctx.projects.all_projects()
    assert (p.enterprise, p.district) == ("肇庆华泰有限公司", "端州区")  # no title: the park names its county
    (why,) = _ignored(result, "投资主体")
    assert "investor" in why
