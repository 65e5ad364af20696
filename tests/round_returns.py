"""Filling a round's workbook as a district would, with openpyxl (tests of issue 17)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl

MAIN, NEW = "项目进展", "新增项目"
H_STATUS, H_MONTH, H_PROGRESS = "本月项目状态", "当月完成投资（万元）", "进展情况"
H_YTD_BEFORE, H_YTD, H_NAME, H_ID = "1–9月累计完成投资（万元）", "1–10月累计完成投资（万元）", "项目名称", "系统编号"
H_PLANNED = "计划总投资（万元）"
WAN, YI = 10_000, 100_000_000


@dataclass
class Sheet:
    """The main sheet's rows as lists of cell values, with its header → column index."""

    path: Path
    wb: openpyxl.Workbook
    col: dict[str, int]

    @classmethod
    def open(cls, path: Path) -> Sheet:
        wb = openpyxl.load_workbook(path)
        ws = wb[MAIN]
        return cls(path, wb, {c.value: i for i, c in enumerate(ws[4]) if c.value})

    @property
    def ws(self):  # type: ignore[no-untyped-def]
        return self.wb[MAIN]

    def rows(self) -> list[list]:
        return [[c.value for c in row] for row in self.ws.iter_rows(min_row=5)]

    def ids(self) -> list[int]:
        return [int(r[self.col[H_ID]]) for r in self.rows()]

    def row_of(self, pid: int) -> int:
        """The sheet's 1-based row of project ``pid``."""
        return 5 + self.ids().index(pid)

    def set(self, pid: int, header: str, value: object) -> None:
        self.ws.cell(self.row_of(pid), self.col[header] + 1).value = value

    def get(self, pid: int, header: str) -> object:
        return self.ws.cell(self.row_of(pid), self.col[header] + 1).value

    def reorder(self, order: list[int]) -> None:
        """Rewrite the rows in another order (as sorting by name in Excel would), every cell moving
        with its row — the hidden id column too."""
        by_id = {int(r[self.col[H_ID]]): r for r in self.rows()}
        for i, pid in enumerate(order):
            for c, value in enumerate(by_id[pid]):
                self.ws.cell(5 + i, c + 1).value = value  # ws.cell(r, c, None) would keep the old value

    def add_new(self, row: int, **values: object) -> None:
        ws = self.wb[NEW]
        heads = {c.value: i for i, c in enumerate(ws[3]) if c.value}
        for header, value in values.items():
            ws.cell(3 + row, heads[header] + 1, value)

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        self.wb.save(target)
        return target


def sql(ctx, query: str, *args: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Rows of a query on the test's database, either engine ("?" placeholders, in order)."""
    from sqlalchemy import text

    parts = query.split("?")
    named = "".join(p + (f":p{i}" if i < len(parts) - 1 else "") for i, p in enumerate(parts))
    with ctx.database.engine.connect() as con:
        return [tuple(r) for r in con.execute(text(named), {f"p{i}": a for i, a in enumerate(args)}).all()]


def plan(ctx, sheet: Sheet, pid: int, yuan: int | None) -> None:  # type: ignore[no-untyped-def]
    """The project's planned investment on record (and in its grey cell, as if sent so)."""
    from sqlalchemy import text

    with ctx.database.engine.begin() as con:
        con.execute(text("UPDATE projects SET planned_investment = :p WHERE id = :i"), {"p": yuan, "i": pid})
    sheet.set(pid, H_PLANNED, None if yuan is None else yuan // WAN)


def reported(ctx, sheet: Sheet, n: int) -> list[int]:  # type: ignore[no-untyped-def]
    """``n`` projects under construction with a September record, well under 5亿 since their start."""
    out = []
    for pid in sheet.ids():
        sep = sql(ctx, "SELECT 1 FROM investment_records WHERE project_id = ? AND year = 2023 AND month = 9", pid)
        since = sql(ctx, "SELECT COALESCE(SUM(amount), 0) FROM investment_records WHERE project_id = ?", pid)[0][0]
        status = sql(ctx, "SELECT status FROM projects WHERE id = ?", pid)[0][0]
        if sep and since < 4 * YI and status == "under_construction":
            out.append(pid)
        if len(out) == n:
            return out
    raise AssertionError("not enough projects with a history")
