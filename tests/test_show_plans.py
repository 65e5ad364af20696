"""``show`` gives a project's annual plans (年度计划投资, the base of % of plan) and its enterprise: both
were stored by the import and shown nowhere on the command line (U5). A real .xlsx written by openpyxl,
imported through the service, both engines.

The list (万元): 高要储能项目 of 肇庆甲储能有限公司, planned 1,000, 2025年计划投资 500 → 5,000,000 yuan.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_show_gives_the_annual_plans_and_the_enterprise(ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目清单"], ["单位：万元"],
        ["序号", "项目编号", "项目名称", "建设单位", "所在区域", "计划总投资", "项目状态", "2025年计划投资"],
        [1, "GY-01", "高要储能项目", "肇庆甲储能有限公司", "高要区", 1000, "在建", 500],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert result.ok and result.written, [p.reason("en") for p in result.problems]
    code, out, err = run("--db", ctx.database.url, "show", "GY-01", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["annual_plans"] == [{"year": 2025, "amount_yuan": 5_000_000}]
    assert shown["enterprise"] == "肇庆甲储能有限公司"
    code, out, err = run("--db", ctx.database.url, "--lang", "zh", "show", "GY-01", "--unit", "wan")
    assert code == 0, err
    lines = dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)
    assert lines["2025年度计划投资（万元）"] == "500" and lines["投资主体"] == "肇庆甲储能有限公司"
    code, out, err = run("--db", ctx.database.url, "show", "GY-01", "--unit", "wan")
    assert "Annual plan 2025 (¥ mn)\t5.00" in out and "Enterprise\t肇庆甲储能有限公司" in out


def test_show_gives_every_field_of_the_project(ctx: AppContext, tmp_path: Path) -> None:
    """``show`` left out the land, expected output and tax, the key-project mark, the officer, the
    contact, the latest progress and the remarks (probe32a F6: 进展情况 and 备注 stored, shown nowhere)."""
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目清单"], ["单位：万元"],
        ["序号", "项目编号", "项目名称", "所在区域", "计划总投资", "用地面积（亩）", "预计年产值", "预计年税收",
         "联系人", "进展情况", "备注"],
        [1, "GY-02", "高要铝型材项目", "高要区", 2000, 60, 5000, 300, "张三 13800000000", "主体结构施工中",
         "省重点"],
    ]))  # fmt: skip
    result = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert result.ok and result.written, [p.reason("en") for p in result.problems]
    code, out, err = run("--db", ctx.database.url, "--lang", "zh", "show", "GY-02", "--unit", "wan")
    assert code == 0, err
    lines = dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)
    assert lines["用地面积（亩）"] == "60"
    assert lines["预计年产值（万元）"] == "5,000" and lines["预计年税收（万元）"] == "300"
    assert lines["联系人"] == "张三 13800000000" and lines["进展情况"] == "主体结构施工中"
    assert lines["备注"] == "省重点"
    code, out, err = run("--db", ctx.database.url, "show", "GY-02", "--json")
    shown = json.loads(out)
    assert shown["progress_note"] == "主体结构施工中" and shown["contact"] == "张三 13800000000"
    assert shown["notes"] == "省重点"
