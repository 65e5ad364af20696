"""fix36-roundyuan: a return's amounts of 100 yuan or more that are not a whole yuan. 1450.00004 in a 万元
cell of a return (14,500,000.4 yuan) was collected as 14,500,000 without a word, though the import says it
(io/yuan_rounding.py); now round collect says it the same way in its text, --json notes and dry run.
Real returns filled with openpyxl, collected by the CLI in-process on both engines."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from round_returns import H_MONTH, Sheet, sql

from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)


@pytest.fixture
def gaoyao(demo_ctx: AppContext, tmp_path: Path) -> Path:
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    return made.books[0].path


def collect(ctx: AppContext, path: Path, lang: str, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", ctx.database.url, "--lang", lang, "round", "collect", str(path), "--accept", *extra]
    return main(argv, stdout=out, stderr=err), out.getvalue() + err.getvalue()


def filled(ctx: AppContext, path: Path) -> tuple[int, int]:
    """当月 1450.00004 for a project that reported September, 1450.25 (exact) for another: their rows."""
    sheet = Sheet.open(path)
    done = [p for p in sheet.ids() if sql(ctx, "SELECT MAX(month) FROM investment_records WHERE project_id = ? "
                                          "AND year = 2023", p)[0][0] == 9]  # fmt: skip
    odd, exact = done[:2]
    sheet.set(odd, H_MONTH, 1450.00004)
    sheet.set(exact, H_MONTH, 1450.25)
    sheet.save()
    return odd, sheet.row_of(odd)


def test_a_return_amount_rounded_to_the_yuan_is_said_in_text_json_and_dry_run(
    demo_ctx: AppContext, gaoyao: Path
) -> None:
    odd, row = filled(demo_ctx, gaoyao)
    code, said = collect(demo_ctx, gaoyao, "zh", "--dry-run", "--json")
    notes = [n for n in json.loads(said)["notes"] if "14,500,000.4" in n]
    assert len(notes) == 1 and f"第 {row} 行：1450.00004（万元）即 14,500,000.4 元" in notes[0], said
    assert "14,502,500" not in notes[0]  # 1450.25万元 is a whole number of yuan: not said
    code, said = collect(demo_ctx, gaoyao, "en")
    assert code == 0, said
    assert f"row {row}: 1450.00004 (万元) is 14,500,000.4 yuan, stored as 14,500,000 yuan" in said, said
    month = sql(demo_ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 10",
                odd)  # fmt: skip
    assert month == [(14_500_000,)]


def test_a_new_projects_amount_rounded_to_the_yuan_is_said_for_its_sheet(demo_ctx: AppContext, gaoyao: Path) -> None:
    """The new-projects sheet's 当月 of 20.00004万元 (200,000.4 yuan): the note names that sheet and cell."""
    sheet = Sheet.open(gaoyao)
    new = {"项目名称": "肇庆高要氢能装备产业园测试项目", "计划总投资（万元）": 5000, "本月项目状态": "签约"}
    sheet.add_new(1, **new, **{"当月完成投资（万元）": 20.00004})
    sheet.save()
    code, said = collect(demo_ctx, gaoyao, "zh", "--json")
    report = json.loads(said)
    assert code == 0 and report["written"], said
    notes = [n for n in report["notes"] if "200,000.4" in n]
    assert len(notes) == 1 and "20.00004（万元）即 200,000.4 元，存为 200,000 元" in notes[0], said
    assert "新" in notes[0].split("”")[0]  # the new-projects sheet's name
