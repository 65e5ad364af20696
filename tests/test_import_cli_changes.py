"""A real import (not only the dry run) lists what it overwrote: each changed field of a project and
each rewritten monthly figure, named by the project's code — never by our own row id."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main

HEADER = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）", "2025年10月完成投资（万元）"]


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def book(path: Path, planned: int, october: int) -> Path:
    rows = [HEADER, ["GY-001", "甲项目", "高要区", "在建", planned, october]]
    rows.append(["GY-002", "乙项目", "高要区", "在建", 500, 20])
    return write_workbook(path, SheetSpec("十月", rows))


def test_a_real_import_lists_the_fields_and_months_it_overwrote(db_url: str, tmp_path: Path) -> None:
    code, _ = run("--db", db_url, "import", str(book(tmp_path / "a.xlsx", 1000, 100)))
    assert code == ExitCode.OK
    # The district corrects GY-001: planned 1000万 → 1200万 (10,000,000 → 12,000,000 yuan) and
    # October 100万 → 150万 (1,000,000 → 1,500,000 yuan); GY-002 is the same.
    corrected = book(tmp_path / "b.xlsx", 1200, 150)
    code, dry = run("--db", db_url, "import", str(corrected), "--dry-run")
    assert code == ExitCode.OK
    code, out = run("--db", db_url, "import", str(corrected))
    assert code == ExitCode.OK
    for text in (dry, out):
        assert "“十月” 2 GY-001: Planned investment 10,000,000 yuan → 12,000,000 yuan" in text
        assert "GY-001: Completed investment 2025-10 1,000,000 yuan → 1,500,000 yuan" in text
        assert "#" not in text  # no row id of ours
    third = book(tmp_path / "c.xlsx", 1300, 150)  # 1200万 → 1300万 in Chinese
    code, zh = run("--db", db_url, "--lang", "zh", "import", str(third))
    assert code == ExitCode.OK
    assert "GY-001: 计划总投资 12,000,000 元 → 13,000,000 元" in zh, zh
    code, again = run("--db", db_url, "import", str(third), "--json")
    data = json.loads(again)
    assert data["changes"] == [] and data["unchanged"] == 2
