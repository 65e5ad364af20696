"""A long monthly sheet of years to date: a row per project and month whose month cell says "1-10月",
or whose amount column is 累计完成投资 — each row is the project's year to date through its month
(the month's own amount is the difference from the month before). Real .xlsx files through
ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_long_monthly import FOOD, PARK, seeded

from zqtracker.domain.errors import ValidationError
from zqtracker.io.values import Through, parse_month
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

TITLE = "2025年重点项目月度完成投资（万元）"


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def long_sheet(path: Path, head: list, *rows: list, title: str = TITLE) -> Path:
    return write_workbook(path, SheetSpec("明细", [[title], head, *map(list, rows)]))


def records(ctx: AppContext, name: str) -> dict[tuple[int, int, int], int]:
    """{(year, first month, last month): yuan} of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-10月", (2025, 10)),
        ("1—10月份", (2025, 10)),
        ("1至10月", (2025, 10)),
        ("1月-10月", (2025, 10)),
        ("2024年1-9月", (2024, 9)),
        ("１－１０月", (2025, 10)),  # full-width, as WPS users type it
    ],
)
def test_a_month_cell_naming_months_one_to_x_is_a_year_to_date(text: str, expected: tuple[int, int]) -> None:
    month = parse_month(text, 2025)
    assert month == expected and isinstance(month, Through)
    assert not isinstance(parse_month("10月", 2025), Through)


def test_a_range_not_from_january_or_past_december_is_no_month() -> None:
    for text in ("3-10月", "1-13月"):
        with pytest.raises(ValidationError):
            parse_month(text, 2025)


def test_month_cells_of_one_to_x_give_the_months_amounts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "ytd.xlsx", ["项目名称", "所属区", "月份", "完成投资"],
                      [PARK, "端州区", "1-8月", 800],
                      [PARK, "端州区", "1-9月", 950],
                      [PARK, "端州区", "1-10月", 1200],
                      [FOOD, "端州区", "1-10月", 420])  # fmt: skip
    result = service.import_file(path, ImportOptions())  # was refused: "'1-8月' is not a month"
    assert result.ok, [p.message("en") for p in result.problems]
    # January–August stands as one figure; September and October are the differences (万元 → yuan)
    assert records(ctx, PARK) == {(2025, 1, 8): 8_000_000, (2025, 9, 9): 1_500_000, (2025, 10, 10): 2_500_000}
    assert records(ctx, FOOD) == {(2025, 1, 10): 4_200_000}
    again = service.import_file(path, ImportOptions())
    assert again.ok and not again.written  # the same report again changes nothing


def test_a_cumulative_amount_column_takes_each_rows_month(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seeded(service, tmp_path)
    head = ["项目名称", "所属区", "月份", "累计完成投资"]
    first = long_sheet(tmp_path / "sep.xlsx", head, [PARK, "端州区", "9月", 950])
    assert service.import_file(first, ImportOptions()).ok
    later = long_sheet(tmp_path / "oct.xlsx", head, [PARK, "端州区", "10月", 1200], [PARK, "端州区", "11月", 1230])
    result = service.import_file(later, ImportOptions())
    assert result.ok, [p.message("en") for p in result.problems]
    assert records(ctx, PARK) == {(2025, 1, 9): 9_500_000, (2025, 10, 10): 2_500_000, (2025, 11, 11): 300_000}


def test_a_smaller_year_to_date_is_a_problem_of_its_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "down.xlsx", ["项目名称", "所属区", "月份", "完成投资"],
                      [PARK, "端州区", "1-9月", 950],
                      [PARK, "端州区", "1-10月", 900])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    [problem] = result.problems
    assert problem.problem.code == "ytd_below_earlier"
    assert problem.value == "900" and PARK in problem.reason("en") and "900万元 (¥9,000,000)" in problem.reason("en")
    assert records(ctx, PARK) == {}


def test_one_months_year_to_date_given_twice_differently_is_a_problem(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    seeded(service, tmp_path)
    path = long_sheet(tmp_path / "twice.xlsx", ["项目名称", "所属区", "月份", "完成投资"],
                      [PARK, "端州区", "1-10月", 1200],  # row 3
                      [PARK, "端州区", "1-10月", 1250])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert not result.ok and not result.written
    [problem] = result.problems
    assert (problem.row, problem.problem.code) == (4, "duplicate_in_file")
    assert "row 3" in problem.reason("en")
