"""A round's workbooks (issue 17): one per district, prefilled, locked where on record, open for
the month with data validation, hidden identifiers that match the return back."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from round_returns import sql

from zqtracker.cli.main import main
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import Project
from zqtracker.domain.rounds import DistrictState, Period
from zqtracker.domain.status import Status
from zqtracker.io.round_workbook import META_SHEET, checksum
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Cancelled, Progress
from zqtracker.services.rounds import RoundService, book_name, folder_name

OCT = Period(2023, 10)
THREE = ["高要区", "四会市", "鼎湖区"]


def _records(ctx: AppContext, district: str) -> dict[int, tuple[int, int | None]]:
    """Hand-computed last figures: project id → (1–9月 2023 sum, September's amount)."""
    out: dict[int, tuple[int, int | None]] = {}
    for pid, ytd, sep in sql(
        ctx,
        "SELECT p.id, COALESCE((SELECT SUM(amount) FROM investment_records r WHERE r.project_id = p.id"
        " AND r.year = 2023 AND r.month < 10), 0),"
        " (SELECT amount FROM investment_records r WHERE r.project_id = p.id AND r.year = 2023"
        " AND r.month = 9) FROM projects p JOIN districts d ON d.id = p.district_id WHERE d.name = ?"
        " AND p.status != 'cancelled'",
        district,
    ):
        out[pid] = (ytd, sep)
    return out


def test_create_writes_one_locked_prefilled_workbook_per_district(demo_ctx: AppContext, tmp_path: Path) -> None:
    service = RoundService(demo_ctx.database)
    made = service.create(OCT, tmp_path, districts=THREE, lang="zh", due_on=date(2023, 11, 10))
    assert made.folder == tmp_path / folder_name(OCT, "zh") == tmp_path / "2023年10月报表"
    assert [b.district for b in made.books] == THREE
    for b in made.books:
        assert b.path == made.folder / book_name(OCT, b.district)
        wb = openpyxl.load_workbook(b.path)
        assert wb.sheetnames == ["项目进展", "新增项目", "填表说明", META_SHEET]
        assert wb[META_SHEET].sheet_state == "hidden"
        ws = wb["项目进展"]
        assert ws["A1"].value == f"2023年10月项目建设进展情况表（{b.district}）"
        assert ws["A2"].value.startswith(f"填报单位：{b.district}")
        assert any(c.value == "单位：万元" for c in ws[2])
        headers = [c.value for c in ws[4]]
        assert headers[:6] == ["序号", "项目编号", "项目名称", "投资主体", "所属行业", "计划总投资（万元）"]
        assert "1–9月累计完成投资（万元）" in headers and "1–10月累计完成投资（万元）" in headers
        assert "当月完成投资（万元）" in headers and "本月项目状态" in headers
        assert ws.protection.sheet is True
        id_col = headers.index("系统编号") + 1
        letter = openpyxl.utils.get_column_letter(id_col)
        assert ws.column_dimensions[letter].hidden is True
        expected = _records(demo_ctx, b.district)
        rows = list(ws.iter_rows(min_row=5, values_only=False))
        assert len(rows) == b.projects == len(expected)
        ytd_col, sep_col = headers.index("1–9月累计完成投资（万元）"), headers.index("9月完成投资（万元）")
        open_cols = {
            headers.index(h) for h in ("本月项目状态", "当月完成投资（万元）", "1–10月累计完成投资（万元）", "进展情况")
        }
        for row in rows:
            pid = int(row[id_col - 1].value)
            ytd, sep = expected[pid]
            assert round((row[ytd_col].value or 0) * 10_000) == ytd
            assert (None if row[sep_col].value is None else round(row[sep_col].value * 10_000)) == sep
            for c, cell in enumerate(row):
                assert cell.protection.locked is (c not in open_cols), (c, cell.coordinate)
        # data validation: the status list and non-negative amounts over the open cells
        kinds = {dv.type for dv in ws.data_validations.dataValidation}
        assert {"list", "decimal"} <= kinds
        status_dv = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list")
        assert "在建" in status_dv.formula1 and "投产" in status_dv.formula1
        meta = {r[0]: r[1] for r in wb[META_SHEET].iter_rows(values_only=True)}
        assert meta["round"] == "2023-10" and meta["district"] == b.district
        ids = [int(v) for v in meta["ids"].split(",")]
        assert sorted(ids) == sorted(expected)
        token = sql(
            demo_ctx,
            "SELECT token FROM round_districts rd JOIN districts d ON d.id = rd.district_id WHERE d.name = ?",
            b.district,
        )[0][0]
        assert meta["checksum"] == checksum(token, OCT, int(meta["district_id"]), ids)
        assert wb["新增项目"].protection.sheet is True
        assert wb["新增项目"]["B4"].protection.locked is False
    state = service.status(OCT, today=date(2023, 11, 12))
    assert {d.district: (d.state, d.late_days, d.projects, d.lacking) for d in state.districts} == {
        b.district: (DistrictState.SENT, 2, b.projects, b.projects) for b in made.books
    }


def test_text_that_looks_like_a_formula_stays_text(demo_ctx: AppContext, tmp_path: Path) -> None:
    p = Project(
        name='=HYPERLINK("http://x","y")',
        district="高要区",
        sector="光伏",
        enterprise="+cmd|' /C calc'!A0",
        status=Status.UNDER_CONSTRUCTION,
        planned_investment=10**8,
    )
    demo_ctx.projects.create(p)
    made = RoundService(demo_ctx.database).create(OCT, tmp_path, districts=["高要区"], lang="en")
    wb = openpyxl.load_workbook(made.books[0].path)
    ws = wb["Progress"]
    names = {row[2].value: row for row in ws.iter_rows(min_row=5)}
    row = names['=HYPERLINK("http://x","y")']
    assert row[2].data_type == "s" and row[2].quotePrefix
    assert row[3].value == "+cmd|' /C calc'!A0" and row[3].data_type == "s"
    assert ws["A1"].value == "Project progress in October 2023 — 高要区"


def test_unknown_district_is_refused_and_nothing_written(demo_ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        RoundService(demo_ctx.database).create(OCT, tmp_path / "out", districts=["高要区", "火星区"])
    assert "火星区" in caught.value.problems[0].message("zh")
    assert not (tmp_path / "out").exists()
    with pytest.raises(Exception, match="no round"):
        RoundService(demo_ctx.database).status(OCT)


def test_cancelled_create_removes_its_files_and_records_nothing(demo_ctx: AppContext, tmp_path: Path) -> None:
    progress = Progress()
    calls = []

    def on(done, total, text):
        calls.append(done)
        if done == 2:
            progress.cancel()

    progress._callback = on
    with pytest.raises(Cancelled):
        RoundService(demo_ctx.database).create(OCT, tmp_path, districts=THREE, progress=progress)
    assert calls[:3] == [0, 1, 2]
    assert not (tmp_path / folder_name(OCT, "zh")).exists()
    assert RoundService(demo_ctx.database).rounds() == []


def test_cli_create_and_status(demo_ctx: AppContext, tmp_path: Path) -> None:
    db = demo_ctx.database.url
    demo_ctx.close()
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", db, "--lang", "zh", "round", "create", "2023-10", "--out", str(tmp_path), "--district",
                 "高要区", "--district", "四会市"], stdout=out, stderr=err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert "高要区_2023-10.xlsx" in out.getvalue()
    out = io.StringIO()
    assert main(["--db", db, "round", "status", "2023-10", "--json", "--today", "2023-11-01"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert data["round"] == "2023-10" and data["counts"]["sent"] == 2 and data["late"] == 0
    assert {d["district"] for d in data["districts"]} == {"高要区", "四会市"}
    err = io.StringIO()
    assert main(["--db", db, "--lang", "zh", "round", "status", "2023-11"], stderr=err) == 2
    assert "尚未发起" in err.getvalue()
    err = io.StringIO()
    assert main(["--db", db, "round", "create", "2023-13", "--out", str(tmp_path)], stderr=err) == 1
    assert "not a month" in err.getvalue()


def test_a_district_of_thousands_of_projects_reads_back_its_identifiers(tmp_path: Path) -> None:
    """A district of 15,000 projects lists ~100,000 characters of ids: more than one cell holds (32,767).
    Written in one cell they were cut short and the untouched return was refused as tampered with."""
    from zqtracker.domain.rounds import Period, SheetProject
    from zqtracker.domain.status import Status
    from zqtracker.io.reader import read_workbook
    from zqtracker.io.round_read import read_meta
    from zqtracker.io.round_workbook import RoundBook, write_round_book

    projects = [
        SheetProject(100_000 + i, None, f"项目{i}", None, None, Status.UNDER_CONSTRUCTION, None, 0, None, None)
        for i in range(15_000)
    ]
    book = RoundBook(Period.parse("2023-10"), 7, "高新区", projects, token="secret")
    path = tmp_path / "big.xlsx"
    write_round_book(path, book)
    meta = read_meta(read_workbook(path))
    assert meta.ids == tuple(p.id for p in projects)
    assert meta.verify("secret")
