"""``zqtracker import`` as scripts use it: --json shape, exit codes 0/1/2, and a kill mid-import."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from engines import dump
from import_files import PROJECT_HEADER, SheetSpec, district_projects, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main

CORPUS = Path("/work/shared/corpus/poi-xlsx")
KEYS = {
    "written",
    "refused",
    "added",
    "updated",
    "unchanged",
    "investment_records",
    "annual_plans",
    "skipped",
    "skipped_total",
    "skipped_not_listed",
    "new_sectors",
    "new_districts",
    "new_enterprises",
    "changes",
    "changes_total",
    "rounded",
    "hidden_rows",
    "struck_rows",
    "notes",
    "warnings",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_shape_and_exit_0(db_url: str, tmp_path: Path) -> None:
    code, out, err = run("--db", db_url, "import", str(district_projects(tmp_path / "d.xlsx")), "--json")
    assert code == ExitCode.OK, err
    data = json.loads(out)
    assert set(data) == KEYS
    assert (data["added"], data["updated"], data["unchanged"], data["investment_records"]) == (3, 0, 0, 0)
    assert data["skipped"] == [] and sorted(data["new_sectors"]) == ["新型储能", "绿色食品", "金属新材料"]
    assert data["new_districts"] == ["高要区"]


def test_json_lists_the_new_enterprises_the_text_lists(db_url: str, tmp_path: Path) -> None:
    """Probe 36: the text said "New enterprises (2): …" and --json had no such key. Row 3 has none."""
    path = district_projects(tmp_path / "d.xlsx")
    said = ["广东华南电池有限公司", "肇庆金利五金有限公司"]
    code, out, _ = run("--db", db_url, "import", str(path), "--dry-run")
    assert code == ExitCode.OK and "New enterprises (2): " + "、".join(said) in out
    code, out, err = run("--db", db_url, "import", str(path), "--dry-run", "--json")
    assert code == ExitCode.OK and json.loads(out)["new_enterprises"] == said, err
    code, out, err = run("--db", db_url, "import", str(path), "--json")
    assert code == ExitCode.OK and json.loads(out)["new_enterprises"] == said, err
    code, out, err = run("--db", db_url, "import", str(path), "--json")  # stored now: none new
    assert code == ExitCode.OK and json.loads(out)["new_enterprises"] == [], err


def bad_file(tmp_path: Path) -> Path:
    rows = [
        PROJECT_HEADER,
        [1, "A-1", "好项目", None, "光伏", "端州区", "在建", 1, None, None, None, "是"],
        [2, "A-2", "坏项目", None, "光伏", "端州区", "在建", "很多", None, None, None, "否"],
    ]
    return write_workbook(tmp_path / "bad.xlsx", SheetSpec("明细", rows))


def test_invalid_rows_exit_1_with_the_same_shape_and_nothing_written(db_url: str, tmp_path: Path) -> None:
    run("--db", db_url, "summary")  # creates the database
    before = dump(db_url)
    code, out, _ = run("--db", db_url, "import", str(bad_file(tmp_path)), "--json")
    assert code == ExitCode.INVALID_INPUT
    data = json.loads(out)
    assert set(data) == KEYS
    assert data["skipped"] == [{"sheet": "明细", "row": 3, "column": "H", "value": "很多",
                                "error": "Planned investment: '很多' is not an amount of money"}]  # fmt: skip
    assert dump(db_url) == before
    code, out, _ = run("--db", db_url, "--lang", "zh", "import", str(bad_file(tmp_path)))
    assert code == ExitCode.INVALID_INPUT and "第 3 行" in out and "未写入任何数据" in out


def test_skip_invalid_writes_the_valid_rows(db_url: str, tmp_path: Path) -> None:
    code, out, _ = run("--db", db_url, "import", str(bad_file(tmp_path)), "--skip-invalid", "--json")
    data = json.loads(out)
    assert code == ExitCode.OK and data["added"] == 1 and len(data["skipped"]) == 1


def test_dry_run_writes_nothing(db_url: str, tmp_path: Path) -> None:
    run("--db", db_url, "summary")  # creates the database
    before = dump(db_url)
    code, out, _ = run("--db", db_url, "import", str(district_projects(tmp_path / "d.xlsx")), "--dry-run")
    assert code == ExitCode.OK and "Dry run" in out and "3 added" in out
    assert dump(db_url) == before


def test_refused_files_exit_2_with_one_sentence(db_url: str, tmp_path: Path) -> None:
    for name, words in (
        ("protect.xlsx", "password-protected"),
        ("61300.xls.renamed.xlsx", "damaged"),
        ("password.xls.renamed.xlsx", "password-protected"),
        ("poc-xmlbomb.xlsx", "unsafe XML"),
        ("duplicate-filename.xlsx", "two parts named"),
    ):
        code, _out, err = run("--db", db_url, "import", str(CORPUS / name))
        assert code == ExitCode.REFUSED, (name, err)
        assert words in err and name in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    code, _, err = run("--db", db_url, "import", str(tmp_path / "missing.xlsx"))
    assert code == ExitCode.REFUSED and "missing.xlsx does not exist" in err


def test_no_unit_refuses_and_names_the_column_then_unit_is_used(db_url: str, tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "u.xlsx",
        SheetSpec("S", [["项目名称", "所在区域", "所属行业", "总投资"], ["甲", "端州区", "光伏", 12]]),
    )
    code, _, err = run("--db", db_url, "import", str(path))
    assert code == ExitCode.REFUSED and "column D “总投资”" in err and "--unit" in err
    code, out, _ = run("--db", db_url, "import", str(path), "--unit", "yi", "--json")
    assert code == ExitCode.OK and json.loads(out)["added"] == 1
    code, out, _ = run("--db", db_url, "list", "--json")
    assert json.loads(out)["projects"][0]["planned_investment_yuan"] == 1_200_000_000


def test_sheet_option(db_url: str, tmp_path: Path) -> None:
    path = district_projects(tmp_path / "d.xlsx")
    code, _, err = run("--db", db_url, "import", str(path), "--sheet", "没有这个表")
    assert code == ExitCode.REFUSED and "没有这个表" in err and "项目清单" in err
    code, out, _ = run("--db", db_url, "import", str(path), "--sheet", "项目清单", "--json")
    assert code == ExitCode.OK and json.loads(out)["added"] == 3


def test_killing_the_import_midway_leaves_the_database_as_before(tmp_path: Path) -> None:
    """A real kill -9 while rows are being written: SQLite's journal makes it as if nothing happened."""
    db = tmp_path / "k.sqlite"
    districts, statuses = ["端州区", "鼎湖区", "高要区", "四会市"], ["签约", "在建", "投产"]
    rows: list[list] = [
        ["2023年10月 重点项目进度表"],
        ["序号", "项目编号", "项目名称", "所属行业", "所在区域", "项目状态", "金额（亿元）"],
    ]
    rows += [
        [n, f"K-{n:05d}", f"项目{n:05d}", "新型储能", districts[n % 4], statuses[n % 3], n / 100]
        for n in range(1, 20001)
    ]  # 20,000 projects, written here: long enough a write to be killed in
    xlsx = write_workbook(tmp_path / "p.xlsx", SheetSpec("清单", rows))
    code, _, _ = run("--db", str(db), "import", str(district_projects(tmp_path / "d.xlsx")))
    assert code == 0
    before = dump(db)
    wal = Path(str(db) + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "zqtracker", "--db", str(db), "import", str(xlsx)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > start_size + 200_000:  # rows are being written
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the import finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert dump(db) == before
    code, out, _ = run("--db", str(db), "db", "check", "--json")
    assert code == 0 and json.loads(out)["ok"]


def test_annual_plans_are_counted_in_text_and_json(tmp_path: Path) -> None:
    from import_files import SheetSpec, write_workbook

    rows = [["2024年重点项目（单位：万元）"], ["序号", "项目名称", "总投资", "全年计划"], [1, "甲项目", 10000, 2000]]
    path = write_workbook(tmp_path / "plans.xlsx", SheetSpec("2024年", rows))
    db = str(tmp_path / "p.sqlite")
    code, out, _err = run("--db", db, "--lang", "zh", "import", "--dry-run", str(path))
    assert code == 0 and "年度计划投资：写入 1 条。" in out  # 全年计划 is the year's annual plan
    code, out, _err = run("--db", db, "import", "--json", str(path))
    assert code == 0 and json.loads(out)["annual_plans"] == 1
