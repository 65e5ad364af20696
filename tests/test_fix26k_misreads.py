"""Three silent misreads listed as known gaps after session 23: a long monthly sheet's code-less row of
another enterprise, one project on two sheets of a first import (without codes on one, with them on
the other), and 计划总投资 beside 总投资 that disagree. Real .xlsx files written by openpyxl, imported
through the service into one database, both engines; figures worked out by hand in the comments
(万元 × 10,000 = yuan)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

UNIT = ["单位：万元"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def book(tmp_path: Path, name: str, *sheets: tuple[str, list]) -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", *(SheetSpec(n, rows) for n, rows in sheets))


def asked(result: ImportResult) -> list[tuple[str, int, str]]:
    return [(p.sheet, p.row, p.problem.code) for p in result.problems]


def stored(ctx: AppContext) -> dict[tuple[str, str | None], tuple]:
    """(name, enterprise) → (code, planned yuan, [(year, month, yuan), …])."""
    return {
        (p.name, p.enterprise): (
            p.code,
            p.planned_investment,
            sorted((r.year, r.month, r.amount) for r in ctx.projects.investment(p.id)),  # type: ignore[arg-type]
        )
        for p in ctx.projects.all_projects()
    }


# -- 1. a long monthly sheet's row of another enterprise ----------------------------------------------
@pytest.mark.parametrize(("title", "code"), [("鼎湖区2025年重点项目", "name_new_enterprise"),
                                             ("2025年重点项目", "name_other_enterprise")])  # fmt: skip
def test_a_long_sheets_row_of_another_enterprise_is_asked_not_added(
    service: ImportService, ctx: AppContext, tmp_path: Path, title: str, code: str
) -> None:
    """甲项目 of 甲公司 stored; a long sheet (项目名称 | 建设单位 | 月份 | 完成投资, no codes) gives 甲项目 under
    乙集团有限公司 for January and February: asked on its first row (with the district from the title, or
    without one), nothing written — never added to 甲公司's project."""
    head = ["项目名称", "建设单位", "计划总投资"]
    first = book(
        tmp_path, "list", ("Sheet1", [[title], UNIT, head, ["甲项目", "甲公司", 20000], ["丙项目", "丙公司", 10000]])
    )
    assert service.import_file(first, ImportOptions()).ok
    long = [[title], UNIT, ["项目名称", "建设单位", "月份", "完成投资"],
            ["甲项目", "乙集团有限公司", "2025-01", 300], ["甲项目", "乙集团有限公司", "2025-02", 400],
            ["丙项目", "丙公司", "2025-01", 100]]  # fmt: skip
    path = book(tmp_path, "long", ("Sheet1", long))
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [("Sheet1", 4, code)] and not result.written
    assert "甲公司" in result.problems[0].reason("en") and "--link 4=new" in result.problems[0].reason("en")
    assert stored(ctx)[("甲项目", "甲公司")][2] == []
    # answered "another project": 乙集团's 甲项目 is added with its own months, 300万 and 400万; 丙项目 100万
    result = service.import_file(path, ImportOptions(links={("", 4): 0}))
    assert result.ok and result.added == 1
    now = stored(ctx)
    assert now[("甲项目", "甲公司")] == (None, 200_000_000, [])
    assert now[("甲项目", "乙集团有限公司")][2] == [(2025, 1, 3_000_000), (2025, 2, 4_000_000)]
    assert now[("丙项目", "丙公司")][2] == [(2025, 1, 1_000_000)]


# -- 2. one project on two sheets of a first import ---------------------------------------------------
PLAIN = ["项目名称", "所在区域", "建设单位", "计划总投资", "1-10月完成投资"]
CODED = ["项目编号", *PLAIN]
WITHOUT = [["2025年重点项目"], UNIT, PLAIN, ["甲项目", "鼎湖区", "甲公司", 20000, 3000],
           ["乙项目", "鼎湖区", "乙公司", 10000, 1000]]  # fmt: skip


def with_codes(planned: int) -> list:
    return [["2025年重点项目"], UNIT, CODED, ["DH-001", "甲项目", "鼎湖区", "甲公司", planned, 3000],
            ["DH-002", "乙项目", "鼎湖区", "乙公司", 10000, 1000]]  # fmt: skip


@pytest.mark.parametrize("order", ["without-first", "with-first"])
def test_one_project_on_two_sheets_of_a_first_import_is_stored_once(
    service: ImportService, ctx: AppContext, tmp_path: Path, order: str
) -> None:
    """Sheet A lists 甲项目 and 乙项目 without codes, sheet B the same (name, district, enterprise) with
    codes: two projects, not four — planned 20000万 + 10000万 = 300,000,000 yuan once, 1-10月 3000万 and
    1000万 once; the codes kept."""
    sheets = [("A", WITHOUT), ("B", with_codes(20000))]
    result = service.import_file(book(tmp_path, "two", *(sheets if order == "without-first" else sheets[::-1])),
                                 ImportOptions())  # fmt: skip
    assert result.ok and result.added == 2, asked(result)
    assert stored(ctx) == {
        ("甲项目", "甲公司"): ("DH-001", 200_000_000, [(2025, 10, 30_000_000)]),
        ("乙项目", "乙公司"): ("DH-002", 100_000_000, [(2025, 10, 10_000_000)]),
    }


def test_one_project_on_two_sheets_with_other_figures_is_refused_naming_both(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The same, but sheet B gives 甲项目 25000万 where A gives 20000万: refused on B's row 4, naming A's."""
    result = service.import_file(book(tmp_path, "two", ("A", WITHOUT), ("B", with_codes(25000))), ImportOptions())
    assert asked(result) == [("B", 4, "differs_from_view")] and not result.written
    reason = result.problems[0].reason("en")
    assert "200000000" in reason and "row 4 of sheet “A”" in reason  # 20000万 = 200,000,000 yuan
    assert ctx.projects.all_projects() == []


# -- 3. 计划总投资 beside 总投资 ------------------------------------------------------------------------
def totals(tmp_path: Path, head: list[str], *rows: list) -> Path:
    table = [["2025年重点项目"], UNIT, ["项目名称", "建设单位", *head], *rows]
    return book(tmp_path, "totals", ("Sheet1", table))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


@pytest.mark.parametrize("head", [["计划总投资", "总投资"], ["总投资（万元）", "计划总投资（亿元）"]])
def test_two_names_of_the_total_investment_that_agree_keep_the_note(
    service: ImportService, ctx: AppContext, tmp_path: Path, head: list[str]
) -> None:
    """12000万 and 8000万 in both columns (1.2亿 and 0.8亿 in a 亿元 column): read once, the other noted."""
    second = [1.2, 0.8] if "亿元" in head[1] else [12000, 8000]
    path = totals(tmp_path, head, ["甲项目", "甲公司", 12000, second[0]], ["乙项目", "乙公司", 8000, second[1]])
    result = service.import_file(path, ImportOptions())
    assert result.ok, asked(result)
    assert planned(ctx) == {"甲项目": 120_000_000, "乙项目": 80_000_000}
    notes = [n.message("en") for n in result.notes]
    assert any(f"column D “{head[1]}”" in n and "another column holds the same field" in n for n in notes), notes


def test_two_names_of_the_total_investment_that_disagree_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """计划总投资 12000 beside 总投资 15000 万元 on row 5 (row 4 agrees): 总投资 had been left out as "the same
    field" and 120,000,000 stored without a word. Asked, naming C, D, row 5 and both values; each answer
    stores its column's figure (12000万 = 120,000,000, 15000万 = 150,000,000)."""
    path = totals(
        tmp_path, ["计划总投资", "总投资"], ["乙项目", "乙公司", 8000, 8000], ["甲项目", "甲公司", 12000, 15000]
    )
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [("Sheet1", 5, "planned_in_two_columns")] and not result.written
    reason = result.problems[0].reason("en")
    assert "columns C “计划总投资” and D “总投资”" in reason
    assert "row 5 gives 12000 (120,000,000 yuan) in C and 15000 (150,000,000 yuan) in D" in reason
    assert '--map "C=planned_investment" or --map "D=planned_investment"' in reason
    assert "第 5 行 C 列为 12000" in result.problems[0].reason("zh")
    assert planned(ctx) == {}
    assert service.import_file(path, ImportOptions(column_map={"D": "planned_investment"})).ok
    assert planned(ctx) == {"甲项目": 150_000_000, "乙项目": 80_000_000}
    assert service.import_file(path, ImportOptions(column_map={"C": "planned_investment"})).ok
    assert planned(ctx) == {"甲项目": 120_000_000, "乙项目": 80_000_000}
