"""What a colleague's work, or an account's district, refuses is said in the user's terms (probe34c):
the project by its code and name (never its row id), an undo as an undo, a return collected twice as
just collected, and a district account's import of other districts' rows with the rows, those
districts and its own — on stderr alone, without psycopg's own text about an aborted pipeline."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from round_returns import H_MONTH, Sheet
from test_server_access import run, team  # noqa: F401 - the fixture

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.round_collect import RoundCollector
from zqtracker.services.rounds import RoundService

HEAD = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）"]
ROOT = Path(__file__).resolve().parent.parent


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python -m zqtracker ARGV`` in a process of its own: its real stderr, psycopg's logging included."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "zqtracker", *argv], capture_output=True, text=True, env=env,
                          timeout=120, check=False)  # fmt: skip


@pytest.mark.engine("postgresql")
def test_a_district_account_is_told_which_rows_are_of_other_districts_and_nothing_else(
    team,  # noqa: F811
    tmp_path: Path,
) -> None:
    people, users = team
    rows = [["GY-7", "高要新厂", "高要区", "在建", 5000]]
    rows += [[f"SH-{i}", f"四会项目{i}", "四会市", "在建", 3000 + i] for i in range(3)]
    rows += [["DZ-1", "端州装备", "端州区", "在建", 9000]]
    path = write_workbook(tmp_path / "B_sihui.xlsx", SheetSpec("Sheet1", [HEAD, *rows]))
    url = people["district"].database.url
    expected = (
        f"the account “{users['district']}” may change 高要区's projects only, and 4 row(s) of B_sihui.xlsx are "
        "of 四会市, 端州区 (sheet “Sheet1”, rows 3–6); nothing was written."
    )
    for argv in (["--dry-run"], []):
        done = _cli("--db", url, "import", str(path), *argv)
        assert done.returncode == 1 and done.stdout == "", (argv, done)
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].endswith(expected) and "pipeline" not in done.stderr, (argv, done.stderr)
    code, out = run("--db", url, "--lang", "zh", "import", str(path), "--dry-run")
    assert code == 1 and "只能修改高要区的项目" in out and "四会市、端州区" in out and "第3–6行" in out, out
    assert {p.code for p in people["analyst"].projects.all_projects()} == {"GY-1", "GY-2", "DZ-1"}  # nothing written
    mine = write_workbook(tmp_path / "own.xlsx", SheetSpec("Sheet1", [HEAD, rows[0]]))
    code, out = run("--db", url, "import", str(mine), "--dry-run")
    assert code == 0 and "1 added" in out, out  # its own district's rows: counted, as before


def test_an_undo_refused_over_a_colleagues_edit_names_the_project(ctx: AppContext, tmp_path: Path) -> None:
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    first = [["T-1", "肇庆储能一期", "高要区", "在建", 5000], ["T-2", "肇庆储能二期", "高要区", "在建", 6000]]
    service.import_file(write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", [HEAD, *first])), ImportOptions())
    second = [[*first[0][:4], 7000], first[1]]
    result = service.import_file(write_workbook(tmp_path / "b.xlsx", SheetSpec("Sheet1", [HEAD, *second])),
                                 ImportOptions())  # fmt: skip
    assert result.written and result.change is not None
    theirs = ctx.projects.get(ctx.projects.id_by_code("T-1"))  # type: ignore[arg-type]
    ctx.projects.update(replace(theirs, planned_investment=55_550_000))  # a colleague's edit
    with pytest.raises(ConcurrentUpdateError) as refused:
        service.undo(result.change)
    en, zh = refused.value.message("en"), refused.value.message("zh")
    assert "project T-1 “肇庆储能一期”" in en and "the undo is refused" in en and "run it again" not in en, en
    assert f"project {theirs.id} " not in en, en
    assert "项目T-1“肇庆储能一期”" in zh and "撤销被拒绝" in zh, zh
    assert ctx.projects.get(theirs.id).planned_investment == 55_550_000  # their change kept
    from zqtracker.ui.messages import error_text  # the desktop's words: the same, and what they changed

    shown = error_text(refused.value)
    assert shown.startswith(en) and "55,550,000" in shown, shown


def test_a_return_collected_by_a_colleague_meanwhile_is_said_to_be_just_collected(
    demo_ctx: AppContext, tmp_path: Path
) -> None:
    made = RoundService(demo_ctx.database).create(Period(2023, 10), tmp_path / "out", districts=["高要区"], lang="zh")
    path = made.books[0].path
    sheet = Sheet.open(path)
    for pid in sheet.ids():
        sheet.set(pid, H_MONTH, 5)
    sheet.save()
    mine, theirs = (AppContext.open(demo_ctx.database.url, daily_backup=False) for _ in (0, 1))
    try:
        late = RoundCollector(mine.database)
        ret = late.analyse(late.read(path))  # read and analysed, not yet collected …
        first = RoundCollector(theirs.database)
        assert first.apply(first.analyse(first.read(path)), accept_open=True, on=date(2023, 11, 8)).written
        with pytest.raises(ConcurrentUpdateError) as refused:  # … when a colleague collects it
            late.apply(ret, accept_open=True, on=date(2023, 11, 8))
    finally:
        mine.close()
        theirs.close()
    en, zh = refused.value.message("en"), refused.value.message("zh")
    assert en.startswith(f"This return ({path.name}) was just collected by “") and "project" not in en, en
    assert zh.startswith(f"此回表（{path.name}）刚刚已由“"), zh


@pytest.mark.engine("postgresql")
def test_a_district_account_is_told_which_rows_name_no_district_and_what_to_do(
    team,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Rows naming no district (blank 所在区域 cells, or no such column): the server would refuse them
    (a district account's projects must be of its district) in its general words — "a read-only
    account" — so they are refused before any write, naming the rows and how to give their district;
    a dry run says the same. Given it (--district), the import goes in."""
    people, users = team
    rows = [["NN-1", "无区一", None, "在建", 3000], ["NN-2", "无区二", "", "在建", 3100]]  # above the first district
    rows += [["GY-1", "高要新材料", None, "在建", 12000], ["GY-7", "高要新厂", "高要区", "在建", 5000]]  # GY-1: stored
    path = write_workbook(tmp_path / "blank.xlsx", SheetSpec("Sheet1", [HEAD, *rows]))
    url = people["district"].database.url
    expected = (
        f"The account “{users['district']}” may change 高要区's projects only, and 2 row(s) of blank.xlsx name no "
        "district (sheet “Sheet1”, rows 2–3); nothing was written. Give their district: --district 高要区 on the "
        "command line, “Rows without a district” in the import window, or a district column in the file."
    )
    for argv in (["--dry-run"], []):
        code, out = run("--db", url, "import", str(path), *argv)
        assert code == 1 and out.strip().endswith(expected) and "read-only" not in out, (argv, out)
        assert "psycopg" not in out and "pipeline" not in out and len(out.strip().splitlines()) == 1, out
    code, out = run("--db", url, "--lang", "zh", "import", str(path), "--dry-run")
    assert code == 1 and "只能修改高要区的项目" in out and "2行未填区域" in out and "第2–3行" in out, out
    bare = [[h for h in HEAD if h != "所在区域"], ["NN-3", "无区三", "在建", 3000]]  # no district column
    nodistrict = write_workbook(tmp_path / "nod.xlsx", SheetSpec("Sheet1", bare))
    code, out = run("--db", url, "import", str(nodistrict))
    assert code == 1 and "1 row(s) of nod.xlsx name no district (sheet “Sheet1”, rows 2)" in out, out
    analyst = people["analyst"].projects
    assert {p.code for p in analyst.all_projects()} == {"GY-1", "GY-2", "DZ-1"}  # nothing written
    assert analyst.get(analyst.id_by_code("GY-1")).planned_investment == 10**8  # type: ignore[arg-type]
    code, out = run("--db", url, "import", str(path), "--district", "高要区")
    assert code == 0 and "3 added" in out and "1 updated" in out, out
    assert {p.district for p in analyst.all_projects() if p.code in ("NN-1", "NN-2")} == {"高要区"}


def test_psycopgs_echo_of_an_aborted_pipeline_is_dropped(caplog: pytest.LogCaptureFixture) -> None:
    """psycopg logs "error ignored terminating <psycopg.Pipeline …>: pipeline aborted" after a batch the
    server refused (probe34c F1): the refusal is ours to word, so the echo is dropped; its other records pass."""
    from zqtracker.storage.driver_log import quiet_pipeline_echo

    quiet_pipeline_echo()
    driver = logging.getLogger("psycopg")
    with caplog.at_level(logging.WARNING, logger="psycopg"):
        driver.warning("error ignored terminating %r: %s", "<psycopg.Pipeline [INERROR]>", "pipeline aborted")
        driver.warning("some other word of the driver")
    assert [r.getMessage() for r in caplog.records] == ["some other word of the driver"]
