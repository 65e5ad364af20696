"""`zqtracker export` and `zqtracker template` as a user runs them: real files, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
from xlsx_readback import records

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_export_filtered_in_chinese_with_json(demo_url: str, tmp_path: Path) -> None:
    db, out = demo_url, tmp_path / "在建.xlsx"
    code, stdout, err = run(
        "--db", db, "export", str(out), "--status", "在建", "--district", "肇庆新区", "--lang", "zh", "--unit", "wan",
        "--json",
    )  # fmt: skip
    assert code == ExitCode.OK, err
    data = json.loads(stdout)
    assert data["projects"] == 32 and data["demo"] is True and data["file"] == str(out)
    assert data["filters"] == ["状态：在建", "区域：肇庆新区"]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[1] == "项目清单" and "计划总投资（万元）" in [c.value for c in wb["项目清单"][1]]
    assert {r["status"].value for r in records(out, "项目清单", "calamine")} == {"under_construction"}


def test_export_text_output_columns_and_sheets(demo_url: str, tmp_path: Path) -> None:
    db, out = demo_url, tmp_path / "lean.xlsx"
    code, stdout, err = run(
        "--db", db, "--lang", "en", "export", str(out), "--columns", "name,planned_investment", "--no-monthly",
        "--no-summaries", "--key",
    )  # fmt: skip
    assert code == ExitCode.OK, err
    assert stdout.startswith("[DEMO DATA] Exported ") and "2 sheets" in stdout and "Filters: key projects" in stdout
    wb = openpyxl.load_workbook(out)
    # the columns asked for alone: no annual plan columns (those come with a whole export, U5)
    assert [c.value for c in wb["Projects"][1]] == ["Project code", "Project name", "Planned investment (¥ bn)"]


def test_export_refusals(demo_url: str, tmp_path: Path) -> None:
    db = demo_url
    code, _, err = run("--db", db, "export", str(tmp_path / "x.csv"))
    assert code == ExitCode.INVALID_INPUT and "must be an .xlsx file" in err
    code, _, err = run("--db", db, "export", str(tmp_path / "nowhere" / "x.xlsx"))
    assert code == ExitCode.REFUSED and "does not exist" in err
    code, _, err = run("--db", db, "export", str(tmp_path / "x.xlsx"), "--columns", "name,bogus")
    assert code == ExitCode.INVALID_INPUT and "bogus" in err
    code, _, err = run("--db", db, "export", str(tmp_path / "x.xlsx"), "--status", "nonsense")
    assert code == ExitCode.INVALID_INPUT and "nonsense" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_template_command(demo_url: str, tmp_path: Path) -> None:
    db, out = demo_url, tmp_path / "模板.xlsx"
    code, stdout, err = run("--db", db, "--lang", "zh", "template", str(out), "--unit", "yi")
    assert code == ExitCode.OK, err
    assert "导入模板已保存" in stdout
    wb = openpyxl.load_workbook(out)
    assert "计划总投资（亿元）" in [c.value for c in wb["项目清单"][1]]
    code, stdout, err = run("--db", db, "template", str(tmp_path / "t.xlsx"), "--lang", "en")
    assert code == ExitCode.OK and openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "Projects"
    code, _, err = run("--db", db, "template", str(tmp_path / "t.txt"))
    assert code == ExitCode.INVALID_INPUT
