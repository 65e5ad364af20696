"""The CLI as a user runs it: real database files, output captured, exit codes checked."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_summary_json_on_empty_database_is_zeros(db_url: str) -> None:
    code, out, err = run("--db", db_url, "summary", "--json")
    assert code == ExitCode.OK, err
    data = json.loads(out)
    assert data["projects"] == 0 and data["planned_investment_yuan"] == 0 and data["billion_yuan_projects"] == 0
    assert set(data["by_status"]) == {"lead", "signed", "preparing", "under_construction", "commissioning",
                                      "trial_production", "in_production", "on_hold", "cancelled"}  # fmt: skip
    assert data["by_status"]["signed"] == {"projects": 0, "planned_investment_yuan": 0, "projects_without_amount": 0}
    assert data["projects_without_amount"] == 0
    assert (
        data["unclassified_sector"]
        == data["unclassified_district"]
        == {"projects": 0, "planned_investment_yuan": 0, "projects_without_amount": 0}
    )
    ci = data["completed_investment"]
    assert ci["ytd_yuan"] == 0 and ci["prior_ytd_yuan"] == 0 and ci["yoy_pct"] is None
    assert ci["reported"] is False  # nothing recorded: the 0 is no figure (probe25d W5)
    assert ci["by_sector"] == {}


def test_demo_then_summary_shows_the_demo_figures(db_url: str) -> None:
    db = db_url
    code, out, err = run("--db", db, "demo")
    assert code == ExitCode.OK, err
    assert "310 signed in 2023" in out
    code, out, _ = run("--db", db, "summary", "--json")
    data = json.loads(out)
    assert data["demo"] is True
    ci = data["completed_investment"]
    assert (ci["year"], ci["through_month"]) == (2023, 9)
    assert isinstance(ci["ytd_yuan"], int) and ci["ytd_yuan"] > 0
    assert 10.0 <= ci["yoy_pct"] <= 14.0
    by_sector = ci["by_sector"]
    assert sum(v["ytd_yuan"] for v in by_sector.values()) == ci["ytd_yuan"]
    for v in by_sector.values():
        assert set(v) == {"ytd_yuan", "prior_ytd_yuan", "yoy_pct"}
    assert sum(v["projects"] for v in data["by_status"].values()) == data["projects"]
    # the named districts and the line of projects without one add up to the total (the demo's leads)
    unknown = data["unclassified_district"]
    assert unknown["projects"] == 4 and unknown["planned_investment_yuan"] == 950_000_000
    assert (
        sum(v["planned_investment_yuan"] for v in data["by_district"].values()) + unknown["planned_investment_yuan"]
        == data["planned_investment_yuan"]
    )
    assert data["projects_without_amount"] == 5 and data["by_status"]["lead"]["projects_without_amount"] == 5
    # the figures of 2023's signings: about 310 projects worth about 68.9 billion yuan, ~20 ≥ 1 billion
    code, out, _ = run("--db", db, "list", "--signed-year", "2023", "--json")
    listed = json.loads(out)
    assert listed["count"] == 310
    assert sum(p["planned_investment_yuan"] for p in listed["projects"]) == 68_900_000_000
    assert sum(p["is_billion_yuan"] for p in listed["projects"]) == 20


def test_summary_through_excludes_later_months(demo_ctx: AppContext) -> None:
    db = demo_ctx.database.url
    _, out6, _ = run("--db", db, "summary", "--year", "2023", "--through", "6", "--json")
    _, out9, _ = run("--db", db, "summary", "--year", "2023", "--through", "9", "--json")
    ytd6 = json.loads(out6)["completed_investment"]["ytd_yuan"]
    ytd9 = json.loads(out9)["completed_investment"]["ytd_yuan"]
    monthly = demo_ctx.statistics.investment_cube((2023,)).monthly(2023)
    assert ytd6 == sum(v for (_, m), v in monthly.items() if m <= 6)
    assert ytd9 - ytd6 == sum(v for (_, m), v in monthly.items() if 7 <= m <= 9)


def test_summary_text_in_chinese(demo_ctx: AppContext) -> None:
    code, out, _ = run("--db", demo_ctx.database.url, "--lang", "zh", "summary")
    assert code == 0
    assert "【演示数据】" in out and "累计完成投资" in out and "同比" in out and "亿元" in out


def test_list_filters_and_json(demo_ctx: AppContext) -> None:
    code, out, _ = run("--db", demo_ctx.database.url, "list", "--status", "在建", "--district", "肇庆新区", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] > 0
    assert all(p["status"] == "under_construction" and p["district"] == "肇庆新区" for p in data["projects"])
    code, _, err = run("--db", demo_ctx.database.url, "list", "--status", "nonsense")
    assert code == ExitCode.INVALID_INPUT and "unknown status" in err


def test_demo_refuses_a_database_with_real_projects(db_url: str) -> None:
    from tests.test_storage import full_project

    path = db_url
    ctx = AppContext.open(path)
    ctx.projects.create(full_project())
    ctx.close()
    code, _, err = run("--db", path, "demo")
    assert code == ExitCode.REFUSED
    assert "real project" in err
    ctx = AppContext.open(path)
    assert ctx.projects.count() == 1
    ctx.close()


@pytest.mark.parametrize("kind", ["text", "corrupt", "newer"])
def test_bad_databases_exit_2_with_one_sentence(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.sqlite"
    if kind == "text":
        path.write_bytes(b"hello world" * 100)
    else:
        ctx = AppContext.open(path)
        ctx.close()
        if kind == "corrupt":
            data = bytearray(path.read_bytes())
            data[100:2000] = b"\x00\x13" * 950
            path.write_bytes(bytes(data))
        else:
            con = sqlite3.connect(path)
            con.execute("UPDATE alembic_version SET version_num='zz99'")
            con.commit()
            con.close()
    before = path.read_bytes()
    code, out, err = run("--db", str(path), "summary", "--json")
    assert code == ExitCode.REFUSED
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err and str(path) in err
    assert path.read_bytes() == before


@pytest.mark.engine("sqlite")  # a SQLite file's own behaviour
def test_db_backup_check_upgrade(demo_ctx: AppContext, tmp_path: Path) -> None:
    db = demo_ctx.database.url
    target = tmp_path / "copy.sqlite"
    code, out, _ = run("--db", db, "db", "backup", str(target))
    assert code == 0 and target.exists()
    code, out, _ = run("--db", str(target), "db", "check", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] and report["projects"] == demo_ctx.projects.count()
    code, out, _ = run("--db", str(target), "db", "upgrade")
    assert code == 0 and "up to date" in out


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    """`python -m zqtracker` goes through the same launcher as the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "zqtracker", "--db", str(tmp_path / "x.sqlite"), "summary", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["projects"] == 0
    version = subprocess.run([sys.executable, "-m", "zqtracker", "--version"], capture_output=True, text=True)
    from zqtracker import __version__

    assert version.stdout.strip() == f"zqtracker {__version__}"
