"""What `round collect` and `round remind` say of a return (probe40b): a return collected a second time
in one line, never blamed for what its first collect changed; the projects a district deleted from its
return named, and still on the reminders once every district has returned; no idle finding for a new
project without history; a row with only a finding has it on its line. Real workbooks filled with
openpyxl, collected into the demo database on both engines through the command line."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from round_returns import H_MONTH, H_PROGRESS, H_STATUS, H_YTD, H_YTD_BEFORE, Sheet, sql
from test_round_collect_figures import NEW_MONTH, NEW_NAME, NEW_PLANNED, NEW_STATUS, NEW_YTD, records, reported

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
WAN = 10_000


@pytest.fixture
def gaoyao(demo_ctx: AppContext, tmp_path: Path) -> Path:
    made = RoundService(demo_ctx.database).create(
        OCT, tmp_path / "out", districts=["高要区"], lang="zh", due_on=date(2023, 11, 10)
    )
    return made.books[0].path


def run(ctx: AppContext, *args: str) -> tuple[int, str]:
    """``zqtracker --lang zh ARGS`` on the test's database: (exit code, what it said)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", ctx.database.url, "--lang", "zh", *args], stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _state(ctx: AppContext) -> list[list[tuple]]:
    return [
        sql(ctx, "SELECT project_id, year, month, amount, first_month FROM investment_records ORDER BY 1, 2, 3"),
        sql(ctx, "SELECT id, name, status, progress_note FROM projects ORDER BY id"),
        sql(ctx, "SELECT COUNT(*) FROM project_changes"),
        sql(ctx, "SELECT returned_on, imported_at, projects_updated, projects_added FROM round_districts"),
    ]


def test_a_return_collected_twice_says_so_in_one_line(demo_ctx: AppContext, gaoyao: Path, tmp_path: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    quiet = reported(ctx, sheet, 0)  # no record this year: its 1–10月 fills in 1–9月 (the grey 0 is then stale)
    sheet.set(quiet, H_MONTH, 20)
    sheet.set(quiet, H_YTD, 100)
    moved = reported(ctx, sheet, 9)
    sheet.set(moved, H_STATUS, "投产")  # a status changed (then no longer the 原项目状态 it was sent with)
    sheet.set(moved, H_MONTH, 5)
    sheet.add_new(1, **{NEW_NAME: "肇庆储能新材料项目", NEW_PLANNED: 30000, NEW_STATUS: "在建", NEW_MONTH: 50,
                        NEW_YTD: 300})  # fmt: skip
    sheet.save()
    assert run(ctx, "round", "collect", str(gaoyao), "--accept", "--on", "2023-11-08")[0] == ExitCode.OK
    before = _state(ctx)
    resaved = tmp_path / "高要区_2023-10（再次报送）.xlsx"
    openpyxl.load_workbook(gaoyao).save(resaved)  # the same return saved again under another name
    for path in (gaoyao, resaved):  # (probe36 F2) returned on the day given, as round status shows, imported today
        code, said = run(ctx, "round", "collect", str(path))
        assert code == ExitCode.OK, said
        assert said.splitlines() == [
            f"高要区 — 2023年10月（{path.name}）：已收集——2023-11-08报回，{date.today()}导入，无需更改。"
        ]
        assert _state(ctx) == before
    code, said = run(ctx, "round", "status", "2023-10", "--json")
    assert [d["returned_on"] for d in json.loads(said)["districts"]] == ["2023-11-08"]
    code, said = run(ctx, "round", "collect", str(gaoyao), "--json")
    assert code == ExitCode.OK and json.loads(said)["already_collected"] == "2023-11-08"
    assert json.loads(said)["imported_on"] == date.today().isoformat()
    assert "_lines" not in json.loads(said)  # the text's lines are not the JSON's
    sheet = Sheet.open(gaoyao)
    sheet.set(moved, H_PROGRESS, "已投产")  # a genuine change: read and imported as before
    sheet.save()
    code, said = run(ctx, "round", "collect", str(gaoyao), "--accept")
    assert code == ExitCode.OK and "已导入" in said and "无需更改" not in said, said
    assert sql(ctx, "SELECT progress_note FROM projects WHERE id = ?", moved) == [("已投产",)]


def test_a_row_deleted_from_the_return_is_named_and_stays_on_the_reminders(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    kept, gone = [pid for pid in sheet.ids() if [m for m, _a, _f in records(ctx, pid)][-1:] == [9]][:2]
    sheet.set(kept, H_MONTH, 10)
    sheet.ws.delete_rows(sheet.row_of(gone))  # the district deleted the project's row
    sheet.save()
    code_, name = sql(ctx, "SELECT code, name FROM projects WHERE id = ?", gone)[0]
    said = run(ctx, "round", "collect", str(gaoyao), "--dry-run", "--json")[1]
    assert json.loads(said).get("missing") == [{"project_id": gone, "code": code_, "name": name}]
    code, said = run(ctx, "round", "collect", str(gaoyao), "--accept")
    assert code == ExitCode.OK and "已导入" in said, said
    line = next(x for x in said.splitlines() if "回表中缺少" in x)
    assert f"{code_} {name}" in line and "2023年10月" in line
    code, said = run(ctx, "round", "remind", "2023-10")  # every district (the one) has returned
    assert code == ExitCode.OK and "所有单位均已报回" not in said
    assert said.startswith("高要区：2023年10月重点项目进展报表已报回") and f"  - {code_} {name}" in said.splitlines()


def test_a_new_project_under_construction_without_figures_is_not_idle(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    sheet.set(reported(ctx, sheet, 9), H_MONTH, 10)
    sheet.add_new(1, **{NEW_NAME: "肇庆储能新材料项目", NEW_PLANNED: 30000, NEW_STATUS: "在建"})  # no figures yet
    sheet.save()
    code, said = run(ctx, "round", "collect", str(gaoyao), "--dry-run", "--json")
    assert code == ExitCode.OK and json.loads(said)["findings"] == [], said  # no months to be idle in: nothing to ask
    code, said = run(ctx, "round", "collect", str(gaoyao))
    assert code == ExitCode.OK and "已导入" in said, said
    assert sql(ctx, "SELECT status FROM projects WHERE name = ?", "肇庆储能新材料项目") == [("under_construction",)]


def test_a_row_with_only_a_finding_has_it_on_its_line(demo_ctx: AppContext, gaoyao: Path) -> None:
    ctx = demo_ctx
    sheet = Sheet.open(gaoyao)
    pid = reported(ctx, sheet, 9)
    sheet.set(pid, H_MONTH, 30)
    sheet.set(pid, H_YTD, sheet.get(pid, H_YTD_BEFORE) + 35)  # 当月 30, 1–10月累计 says 35: nothing taken yet
    sheet.save()
    code, said = run(ctx, "round", "collect", str(gaoyao), "--dry-run")
    assert code == ExitCode.INVALID_INPUT
    row = next(x for x in said.splitlines() if f"第{sheet.row_of(pid)}行" in x)
    assert "⚠" in row and "当月 30万元" in row, said
    assert not any(x.rstrip().endswith(("：", ":")) for x in said.splitlines()), said


def test_the_return_window_says_a_return_collected_before_in_one_line(
    qtbot, make_window, translations, demo_ctx: AppContext, gaoyao: Path
) -> None:
    from zqtracker.ui.round_return import ReturnDialog

    translations.switch("en")
    window = make_window(demo_ctx)
    sheet = Sheet.open(gaoyao)
    sheet.add_new(1, **{NEW_NAME: "肇庆储能新材料项目", NEW_PLANNED: 30000, NEW_STATUS: "在建", NEW_MONTH: 50})
    sheet.save()
    assert run(demo_ctx, "round", "collect", str(gaoyao), "--accept")[0] == ExitCode.OK
    dialog = ReturnDialog(demo_ctx, window.events, window.undo_stack, gaoyao, window, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: "already collected" in dialog.heading.text(), timeout=60_000)
    assert (
        dialog.heading.text() == f"高要区 — October 2023 ({gaoyao.name}): already collected on {date.today()}; "
        "nothing to change."
    )
    assert not dialog.import_button.isEnabled() and dialog.notes.text() == ""
