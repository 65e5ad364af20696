"""A "no figure" mark in a numeric or date cell: Chinese reports write "—", "－", "-", "--", "/", "／", "无",
"暂无", "待定", "未定", "空" … where an amount, an area, a date or a month's amount is not known. Probing
found such a cell refused as "not an amount of money" (exit 1), and with --skip-invalid the whole project
dropped for it. Such a cell is blank: no value, and for a monthly amount no record (never 0). An
approximate or qualified amount ("约3亿", "30000（含土地）") is no blank and stays refused; text fields keep
what they say. Real .xlsx files through ImportService, both engines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.errors import ValidationError
from zqtracker.io import values as cells
from zqtracker.io.cell_convert import ColumnConverter, Money, no_figure
from zqtracker.io.dates import parse_fuzzy
from zqtracker.io.decimals import parse_decimal
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

PLACEHOLDERS = ["—", "－", "-", "--", "/", "／", "无", "暂无", "待定", "未定", "空", "—— ", "/ ", " — ", "——", "N/A"]
HEAD = ["序号", "项目编号", "项目名称", "投资主体", "所在区域", "项目状态", "计划总投资（万元）", "用地面积（亩）",
        "签约时间", "开工时间"]  # fmt: skip


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def project_list(path: Path, first: list) -> Path:
    rows = [
        ["2024年高要区重点项目清单"],
        HEAD,
        first,
        [2, "GY-002", "乙项目", "乙公司", "高要区", "在建", 8000, 30.5, date(2024, 2, 1), date(2024, 5, 1)],
        [3, "GY-003", "丙项目", "丙公司", "高要区", "在建", 6000, 12, date(2024, 3, 1), date(2024, 6, 1)],
    ]
    return write_workbook(path, SheetSpec("清单", rows, merges=["A1:J1"]))


def records(ctx: AppContext, code: str) -> list[tuple[int, int, int, int]]:
    pid = next(p.id for p in ctx.projects.all_projects() if p.code == code)
    return [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(pid)]


@pytest.mark.parametrize("mark", PLACEHOLDERS)
def test_a_placeholder_in_amount_area_and_date_is_blank(
    service: ImportService, ctx: AppContext, tmp_path: Path, mark: str
) -> None:
    first = [1, "GY-001", "甲项目", "甲公司", "高要区", "在建", mark, mark, mark, date(2024, 4, 1)]
    result = service.import_file(project_list(tmp_path / "list.xlsx", first), ImportOptions())
    assert result.ok and not result.problems, [p.reason() for p in result.problems]
    assert result.added == 3
    by_code = {p.code: p for p in ctx.projects.all_projects()}
    p = by_code["GY-001"]
    assert (p.planned_investment, p.land_area_mu, p.signed_on) == (None, None, None)
    assert (p.name, p.enterprise, p.district, p.status.value) == ("甲项目", "甲公司", "高要区", "under_construction")
    assert p.construction_start_on == date(2024, 4, 1)
    q = by_code["GY-002"]  # the rows around it as they were
    assert (q.planned_investment, q.land_area_mu, q.signed_on) == (80_000_000, Decimal("30.5"), date(2024, 2, 1))


def test_placeholders_written_as_text_dates_and_zero(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Every row of a list: a dash in the amount of one, 无 in the area of another, 待定 in a date column
    written as text; an amount "0" stays 0 — a figure, not a blank."""
    rows = [
        HEAD,
        [1, "P-1", "一号项目", "一公司", "端州区", "在建", "0", "—", "2024年3月", "待定"],
        [2, "P-2", "二号项目", "二公司", "端州区", "在建", "1,200", "无", "／", "2024.05.06"],
        [3, "P-3", "三号项目", "三公司", "端州区", "在建", "－", "12.5亩", "未定", "--"],
    ]
    result = service.import_file(write_workbook(tmp_path / "t.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok and not result.problems, [p.reason() for p in result.problems]
    got = {p.code: p for p in ctx.projects.all_projects()}
    assert (got["P-1"].planned_investment, got["P-1"].land_area_mu, got["P-1"].construction_start_on) == (0, None, None)
    assert got["P-1"].signed_on == date(2024, 3, 1)
    assert (got["P-2"].planned_investment, got["P-2"].land_area_mu, got["P-2"].signed_on) == (12_000_000, None, None)
    assert got["P-2"].construction_start_on == date(2024, 5, 6)
    assert (got["P-3"].planned_investment, got["P-3"].land_area_mu) == (None, Decimal("12.5"))
    assert (got["P-3"].signed_on, got["P-3"].construction_start_on) == (None, None)


@pytest.mark.parametrize("mark", ["—", "/", "无", "--"])
def test_a_placeholder_month_writes_no_record(
    service: ImportService, ctx: AppContext, tmp_path: Path, mark: str
) -> None:
    rows = [
        ["2023年重点项目月度投资完成情况"],
        ["单位：万元"],
        ["项目编号", "项目名称", "所在区域", "项目状态", "9月完成投资", "10月完成投资"],
        ["M-1", "甲项目", "高要区", "在建", 100, mark],
        ["M-2", "乙项目", "高要区", "在建", mark, 300],
        ["M-3", "丙项目", "高要区", "在建", 0, 50],
    ]
    result = service.import_file(write_workbook(tmp_path / "m.xlsx", SheetSpec("月报", rows)), ImportOptions())
    assert result.ok and not result.problems, [p.reason() for p in result.problems]
    assert records(ctx, "M-1") == [(2023, 9, 9, 1_000_000)]  # no October record, not a 0
    assert records(ctx, "M-2") == [(2023, 10, 10, 3_000_000)]
    assert records(ctx, "M-3") == [(2023, 9, 9, 0), (2023, 10, 10, 500_000)]  # a written 0 is a figure


def test_a_placeholder_year_to_date_writes_no_record(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["2023年1-10月重点项目投资完成情况"],
        ["单位：万元"],
        ["序号", "项目编号", "项目名称", "所在区域", "计划总投资", "10月完成投资", "1-10月累计完成投资",
         "自开工累计完成投资"],
        [1, "Y-1", "甲项目", "高要区", 5000, "—", "—", "/"],
        [2, "Y-2", "乙项目", "高要区", 8000, 100, 1000, 3000],
    ]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "y.xlsx", SheetSpec("10月", rows)), ImportOptions())
    assert result.ok and not result.problems, [p.reason() for p in result.problems]
    assert records(ctx, "Y-1") == []
    assert records(ctx, "Y-2") == [(2023, 1, 9, 9_000_000), (2023, 10, 10, 1_000_000)]
    got = {p.code: p for p in ctx.projects.all_projects()}
    assert (got["Y-1"].planned_investment, got["Y-1"].since_start_amount) == (50_000_000, None)


@pytest.mark.parametrize("value", ["约3亿", "30000（含土地）"])
def test_an_approximate_amount_is_still_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, value: str
) -> None:
    first = [1, "GY-001", "甲项目", "甲公司", "高要区", "在建", value, "—", "暂无", date(2024, 4, 1)]
    path = project_list(tmp_path / "a.xlsx", first)
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    (problem,) = result.problems  # the amount only: the dash and 暂无 beside it are blanks
    assert problem.row == 3 and problem.column == "G" and problem.problem.code == "bad_money"
    assert cells.fold(value) in cells.fold(problem.reason("en")) and "row 3," in problem.location("en")
    assert problem.as_json()["row"] == 3 and problem.as_json()["value"] == value
    skipped = service.import_file(path, ImportOptions(skip_invalid=True))
    assert skipped.added == 2 and sorted(p.code for p in ctx.projects.all_projects()) == ["GY-002", "GY-003"]


def test_text_fields_keep_a_dash(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A dash or 无 in a text column (投资主体, 备注) is what the report says: kept as written."""
    rows = [
        ["项目编号", "项目名称", "投资主体", "所在区域", "计划总投资（万元）", "备注"],
        ["T-1", "甲项目", "—", "高要区", 100, "无"],
        ["T-2", "乙项目", "乙公司", "高要区", "—", "-"],
    ]
    result = service.import_file(write_workbook(tmp_path / "t.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok and not result.problems, [p.reason() for p in result.problems]
    got = {p.code: p for p in ctx.projects.all_projects()}
    assert (got["T-1"].enterprise, got["T-1"].notes, got["T-1"].planned_investment) == ("—", "无", 1_000_000)
    assert (got["T-2"].notes, got["T-2"].planned_investment) == ("-", None)


# -- the cells themselves ----------------------------------------------------------------------------
@pytest.mark.parametrize("mark", [*PLACEHOLDERS, "\u3000—\u3000", "———", "—\n", "NONE", "tbd", "\u200b-"])
def test_is_placeholder(mark: str) -> None:
    assert cells.is_placeholder(mark)


@pytest.mark.parametrize(
    "value",
    ["", "  ", None, 0.0, 5.0, "0", "0.0", "-5", "—3", "约3亿", "30000（含土地）", "无锡项目", "待定项目", "一", "#N/A",
     "- -" * 20, (45000,), True],
)  # fmt: skip
def test_not_a_placeholder(value: object) -> None:
    assert not cells.is_placeholder(value)


def test_a_dash_is_no_negative_and_no_zero() -> None:
    money = Money(10_000, "planned_investment")
    assert [money(v) for v in ("—", "-", "0", 0.0, "  无 ")] == [None, None, 0, 0, None]
    with pytest.raises(ValidationError):
        money("-5")  # a negative amount stays refused, the dash before a figure is its sign
    assert no_figure(parse_fuzzy, "signed_on")("／") is None
    assert no_figure(parse_fuzzy, "signed_on")("2024-03-05") == (date(2024, 3, 5), "day")


def test_plain_numbers_keep_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A column of 1000 whole numbers goes through Money.column (no call per cell); the placeholder
    check is never made for a cell that converts, in any column."""
    raw = [float(i) for i in range(1000)]
    money = Money(10_000, "planned_investment")
    assert money.column(raw) == [i * 10_000 for i in range(1000)]

    def never(*_args: object) -> bool:
        raise AssertionError("placeholder check on a plain number")

    def no_cell(*_args: object) -> int:
        raise AssertionError("a cell converted one by one")

    monkeypatch.setattr(cells, "is_placeholder", never)
    monkeypatch.setattr(cells, "parse_money_cell", no_cell)
    values, errors = ColumnConverter(money, "planned_investment")(raw)
    assert not errors and values[999] == 9_990_000
    monkeypatch.undo()
    monkeypatch.setattr(cells, "is_placeholder", never)
    fractions = [i + 0.5 for i in range(1000)]  # cell by cell, no placeholder check
    values, errors = ColumnConverter(money, "planned_investment")(fractions)
    assert not errors and values[0] == 5_000
    areas, errors = ColumnConverter(no_figure(parse_decimal, "land_area_mu"), "land_area_mu")(fractions)
    assert not errors and areas[1] == Decimal("1.5")


def test_dashes_in_a_whole_number_column_stay_on_the_fast_path() -> None:
    money = Money(10_000, "amount")
    raw = [*(float(i) for i in range(998)), "—", " / "]
    assert money.column(raw) == [*(i * 10_000 for i in range(998)), None, None]
    assert money.column([*raw, "约3亿"]) is None  # a text that is a figure: one by one, refused there
    assert money.column([1.0, "", "   "]) == [10_000, None, None]
