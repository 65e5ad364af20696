"""Two changes of what a district writes (probe30b F3): 高要市 renamed 高要区 (行政区划调整), answered with
--district-map 高要区=高要市 — imported with no note at all; and ZQ2024001 written 2024-001 under the very same
name — asked as a "near name … if it is that project renamed", while the name had not changed, and once
linked the stored code changed with no note. Real .xlsx files written by openpyxl, imported through the
service and the CLI, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_read_csv import run

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _gaoyao(tmp_path: Path, month: int, district: str) -> Path:
    header = ["序号", "项目编号", "项目名称", "县（市、区）", "所属行业", "项目状态", "计划总投资（万元）"]
    rows = [
        [1, "ZQ2024005", "金利五金制品产业园", district, "金属加工", "在建", 40000, 1000 * month],
        [2, "ZQ2024006", "鸿泰不锈钢深加工项目", district, "金属加工", "在建", 35000, 500 * month],
    ]
    title = [f"{district}2025年1-{month}月重点项目投资完成情况表"]
    body = [title, ["单位：万元"], [*header, f"1-{month}月累计完成投资（万元）"], *rows]
    return write_workbook(tmp_path / f"2025-{month:02d}_{district}.xlsx", SheetSpec("Sheet1", body))


def test_a_renamed_district_answered_is_said_in_a_note(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(_gaoyao(tmp_path, 6, "高要市"), ImportOptions()).ok
    result = service.import_file(_gaoyao(tmp_path, 7, "高要区"), ImportOptions(district_map={"高要区": "高要市"}))
    assert result.ok, result.problems
    assert {p.district for p in ctx.projects.all_projects()} == {"高要市"}
    (note,) = [n for n in result.notes if n.code == "note_alias"]
    assert note.message("en") == "District “高要区” is read as “高要市”."
    assert note.message("zh") == "区域“高要区”按“高要市”读取。"


def _zhaoqing(tmp_path: Path, year: int, code: str) -> Path:
    header = ["序号", "项目编号", "项目名称", "所属行业", "项目状态", "计划总投资（万元）", "1-2月累计完成投资（万元）"]
    rows = [
        [1, "ZQ2024002", "华宇新能源电池项目", "新能源", "在建", 80000, 1300],
        [2, code, "晶彩电子元器件扩产项目", "电子信息", "在建", 50000, 550],
    ]
    body = [[f"端州区{year}年1-2月重点项目投资完成情况表"], ["单位：万元"], header, *rows]
    return write_workbook(tmp_path / f"{year}-02_端州区.xlsx", SheetSpec("Sheet1", body))


def test_a_code_changed_under_the_same_name_is_asked_as_such(db_url: str, tmp_path: Path) -> None:
    code, _out, err = run("--db", db_url, "import", str(_zhaoqing(tmp_path, 2025, "ZQ2024001")))
    assert code == 0, err
    code, out, err = run("--db", db_url, "import", str(_zhaoqing(tmp_path, 2026, "2024-001")))
    assert code == 1
    said = out + err
    assert "near name" not in said and "renamed" not in said
    assert "code 2024-001 is not stored, but stored project ZQ2024001 “晶彩电子元器件扩产项目” (端州区) has" in said
    assert "--link 5=ZQ2024001 if its code changed" in said
    code, out, err = run("--db", db_url, "import", str(_zhaoqing(tmp_path, 2026, "2024-001")), "--link", "5=ZQ2024001")
    assert code == 0, err
    assert "the code of “晶彩电子元器件扩产项目” changed from ZQ2024001 to 2024-001, as linked" in out + err
    code, out, _err = run("--db", db_url, "list", "--json")
    assert "2024-001" in out and "ZQ2024001" not in out  # one project, under its new code
