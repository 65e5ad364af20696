"""`round collect A B` with the month closed by a colleague between the two returns (probe40d).

The first return was imported (and frozen in the close), the second refused — and the collector saw
exit 2, nothing on stdout and one sentence naming neither file ("2023-10 is closed; reopen it before
importing more returns"). Now the first return is reported as imported, with its counts, and the
second is named by its file and district: closed at what time, after it was read, nothing of it
written, how to reopen the month and collect it. The close lands at one exact point — right after
the first return is recorded in the round (its commit), before the second is written — through
SQLAlchemy's own events on the real statements, not by timing.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from round_returns import H_MONTH, Sheet, sql
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.rounds import Period
from zqtracker.services.context import AppContext
from zqtracker.services.rounds import RoundService
from zqtracker.storage.database import open_database

OCT = Period(2023, 10)
WAN = 10_000


def _returns(ctx: AppContext, tmp_path: Path) -> tuple[list[Path], list[int]]:
    """October 2023's round for 高要区 and 四会市, each return giving its first project 40 万元."""
    made = RoundService(ctx.database).create(OCT, tmp_path / "out", districts=["高要区", "四会市"], lang="zh")
    books = {b.district: b.path for b in made.books}
    paths, pids = [], []
    for district in ("高要区", "四会市"):
        sheet = Sheet.open(books[district])
        pids.append(sheet.ids()[0])
        sheet.set(pids[-1], H_MONTH, 40)
        sheet.save()
        paths.append(books[district])
    return paths, pids


@pytest.fixture
def closed_after_first(demo_ctx: AppContext) -> Iterator[dict[str, bool]]:
    """A colleague closes October (on a connection of their own) once the first return's import is
    recorded in the round and committed: the collect has read both returns while the month was open."""
    colleague = open_database(demo_ctx.database.url)
    state = {"recorded": False, "closed": False}

    def statement(conn, cursor, text, params, context, many) -> None:  # type: ignore[no-untyped-def]
        if text.startswith("UPDATE round_districts") and "imported_at" in text:
            state["recorded"] = True

    def committed(session: Session) -> None:
        if state["recorded"] and not state["closed"]:
            state["closed"] = True
            RoundService(colleague).close(OCT)

    event.listen(Engine, "before_cursor_execute", statement)
    event.listen(Session, "after_commit", committed)
    try:
        yield state
    finally:
        event.remove(Session, "after_commit", committed)
        event.remove(Engine, "before_cursor_execute", statement)
        colleague.close()


def _october(ctx: AppContext, pid: int, table: str = "investment_records") -> list[tuple]:
    extra = " AND close_year = 2023 AND close_month = 10" if table == "closed_investment" else ""
    return sql(ctx, f"SELECT amount FROM {table} WHERE project_id = ? AND year = 2023 AND month = 10{extra}", pid)


def test_a_month_closed_between_two_returns_names_what_went_in_and_what_did_not(
    demo_ctx: AppContext, tmp_path: Path, closed_after_first: dict[str, bool]
) -> None:
    (gy, sh), (gy_pid, sh_pid) = _returns(demo_ctx, tmp_path)
    before = _october(demo_ctx, sh_pid)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--db", demo_ctx.database.url, "round", "collect", str(gy), str(sh), "--accept"], stdout=out, stderr=err
    )
    assert closed_after_first["closed"] and code == ExitCode.REFUSED, err.getvalue()
    said = out.getvalue()
    assert said.startswith(f"高要区 — October 2023 ({gy.name})\n  0 project(s) updated, 0 added, 1 monthly figure(s)\n")
    assert said.rstrip().endswith("Imported.") and sh.name not in said, said
    refused = err.getvalue()
    assert refused.startswith(f"zqtracker: {sh.name} (四会市): not imported — 2023-10 was closed at "), refused
    assert "after this return was read and before it was written; nothing of it went in" in refused
    assert "(zqtracker round close 2023-10 --reopen) and collect the file again" in refused
    assert gy.name not in refused, refused
    assert _october(demo_ctx, gy_pid) == [(40 * WAN,)] == _october(demo_ctx, gy_pid, "closed_investment")
    assert _october(demo_ctx, sh_pid) == before  # nothing of the refused return written


def test_the_json_lists_each_return_and_the_chinese_names_the_refused_one(
    demo_ctx: AppContext, tmp_path: Path, closed_after_first: dict[str, bool]
) -> None:
    (gy, sh), _pids = _returns(demo_ctx, tmp_path)
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", demo_ctx.database.url, "--lang", "zh", "round", "collect", str(gy), str(sh), "--accept", "--json"]
    assert main(argv, stdout=out, stderr=err) == ExitCode.REFUSED, err.getvalue()
    first, second = json.loads(out.getvalue())
    assert first["file"] == str(gy) and first["written"] is True and first["investment_records"] == 1
    assert second["file"] == str(sh) and second["district"] == "四会市" and second["written"] is False
    assert second["refused"].startswith(f"“{sh.name}”（四会市）：未导入——2023-10在读取本回表之后、写入之前（")
    assert "zqtracker round close 2023-10 --reopen" in second["refused"]
    assert err.getvalue() == f"zqtracker: {second['refused']}\n"


def test_returns_of_a_month_closed_before_the_collect_are_each_named(demo_ctx: AppContext, tmp_path: Path) -> None:
    """Collected again after the close: each return refused at once by its own file and district."""
    (gy, sh), _pids = _returns(demo_ctx, tmp_path)
    url = demo_ctx.database.url
    assert main(["--db", url, "round", "collect", str(gy), "--accept"], stdout=io.StringIO()) == ExitCode.OK
    RoundService(demo_ctx.database).close(OCT)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--db", url, "round", "collect", str(gy), str(sh), "--accept"], stdout=out, stderr=err) == 2
    lines = err.getvalue().splitlines()
    assert [line.split(": not imported — ")[0] for line in lines] == [
        f"zqtracker: {gy.name} (高要区)",
        f"zqtracker: {sh.name} (四会市)",
    ], lines
    assert all("2023-10 is closed (since " in line and "round close 2023-10 --reopen" in line for line in lines)
