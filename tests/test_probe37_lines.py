"""What a district's monthly .xls said about 自开工累计 and 当月 (probe37a): the dry run listed a since-start
change as "303691200 → [323227700, 2026, 10]" (yuan and a Python list, its --json a bare list); a since-start
figure 7.5 times the planned investment imported with no note where a year to date above it gets one; a
当月 that disagrees with the 1–X月累计 and the stored months was refused naming only the 1–X月 column, with
no word of importing one of the two figures alone. Real .xlsx files, both engines; figures in 万元 by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.words import APP
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

A, B = "四会凯旋电子元器件项目", "四会立信电机生产线项目"


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def report(path: Path, month: int, a: tuple, b: tuple) -> Path:
    """四会市's 1–X月 report in 万元: (planned, 1–X月累计, 本月完成, 自开工累计) of A and B; columns A–F."""
    head = ["项目名称", "所在区域", "计划总投资", f"1-{month}月累计完成投资", "本月完成", "自开工累计完成投资"]
    rows = [[f"四会市2026年1-{month}月重点项目进展情况表"], ["单位：万元"], head]
    rows += [[A, "四会市", *a], [B, "四会市", *b]]
    return write_workbook(path, SheetSpec(f"{month}月", rows))


def test_since_start_change_lines_and_a_since_start_above_the_plan(db_url: str, tmp_path: Path) -> None:
    # A: 自开工累计 65,372.54万 against a planned 8,770万 (745%): a note, as a year to date above the plan has
    sep = report(tmp_path / "9.xlsx", 9, (8770, 7963.54, 500, 65372.54), (50000, 1000, 100, 30369.12))
    code, out = run("--db", db_url, "import", str(sep))
    assert code == ExitCode.OK, out
    (note,) = [line for line in out.splitlines() if "since the start" in line and "planned" in line]
    assert "row 4" in note and "¥653.7254 mn" in note and "¥87.70 mn" in note and B not in note, note
    # October: A 8,472.26 − 7,963.54 = 508.72 (agrees); since start B 30,369.12万 → 32,322.77万, A's month only
    oct_ = report(tmp_path / "10.xlsx", 10, (8770, 8472.26, 508.72, 65372.54), (50000, 1100, 100, 32322.77))
    code, en = run("--db", db_url, "import", str(oct_), "--dry-run")
    assert code == ExitCode.OK, en
    assert (
        f"“10月” 5 {B}: Completed since start 303,691,200 yuan (as of Sep 2026) → 323,227,700 yuan (as of Oct 2026)"
    ) in en, en
    assert f"{A}: Completed since start 653,725,400 yuan (as of Sep 2026) → 653,725,400 yuan (as of Oct 2026)" in en
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(oct_), "--dry-run")
    assert f"{B}: 自开工累计完成投资 303,691,200 元（截至2026年9月） → 323,227,700 元（截至2026年10月）" in zh, zh
    code, raw = run("--db", db_url, "import", str(oct_), "--dry-run", "--json")
    (change,) = [c for c in json.loads(raw)["changes"] if c.get("field") == "since_start" and c["project"] == B]
    assert change["before"] == {"amount": 303_691_200, "year": 2026, "month": 9}
    assert change["after"] == {"amount": 323_227_700, "year": 2026, "month": 10}


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def test_a_month_against_the_stored_months_names_both_columns(service: ImportService, tmp_path: Path) -> None:
    sep = report(tmp_path / "9.xlsx", 9, (88000, 7963.54, 500, 9000), (50000, 1000, 100, 3000))
    assert service.import_file(sep, ImportOptions()).ok
    # A's 本月完成 538.72 is 30万 more than 8,472.26 − 7,963.54 = 508.72: which of the two is wrong?
    oct_ = report(tmp_path / "10.xlsx", 10, (88000, 8472.26, 538.72, 9500), (50000, 1100, 100, 3100))
    result = service.import_file(oct_, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "month_disagree_stored" and not result.written
    en, zh = problem.reason("en"), problem.reason("zh")
    assert "column E “本月完成”" in en and "column D “1-10月累计完成投资”" in en, en
    assert "--map 本月完成=none" in en and "--map 1-10月累计完成投资=none" in en, en
    assert "E 列“本月完成”" in zh and "--map 本月完成=none" in zh, zh
    assert "Not imported" in problem.reason("en", APP) and "不导入" in problem.reason("zh", APP)
