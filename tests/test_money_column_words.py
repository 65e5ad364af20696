"""A money column whose header says what it holds — 计划总投资（万元） — but whose cells are mostly words
(待定, 另议, 未定) beside a few real amounts: probing found the whole column dropped (exit 0, total 0,
only a note that its values are not money), while the same column with one amount fewer was refused
row by row. The amounts are kept; each word is a problem of its row (or no figure, when the import
reads it as a placeholder) — never 0, never a lost column. A header that merely resembles a money
field over a column of words or descriptions is still not imported. Real .xlsx files, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import dump
from import_files import SheetSpec, write_workbook

from zqtracker.io.field_choice import declares
from zqtracker.io.headers import header_candidates
from zqtracker.io.layout_model import ColumnInfo
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

HEAD = ["项目编号", "项目名称", "投资主体", "所属行业", "所在区域", "项目状态"]
WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(tmp_path: Path, name: str, header: str, cells: list, *extra: tuple[str, list]) -> Path:
    """A project list whose column G (``header``) holds ``cells``; ``extra`` columns after it."""
    rows = [[*HEAD, header, *(h for h, _ in extra)]]
    for i, value in enumerate(cells, 1):
        rows.append([f"ZQ-{i:03d}", f"测试项目{i:02d}", f"企业{i:02d}有限公司", "新能源", "端州区", "在建", value,
                     *(column[i - 1] for _, column in extra)])  # fmt: skip
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("项目清单", rows))


def stored(ctx: AppContext) -> dict[str, int | None]:
    return {p.code: p.planned_investment for p in ctx.projects.all_projects()}


def refused(result: ImportResult) -> set[tuple[int, str, str]]:
    return {(p.row, p.column, p.value) for p in result.problems}


def notes(result: ImportResult) -> set[tuple[str, str]]:
    return {(n.code, n.params.get("column", "")) for n in result.notes}


SHAPES = {
    "i08": ["待定", "另议", "未定", 12000, 5000],  # three words, two amounts: the column was dropped
    "h02": [12000, "待定", "约8000", "5000-8000"],  # one amount, three odd values: refused row by row
    "long": ["待定", "另议", "未定", "待定", 12000, "另议", "未定", "待定", "另议", 5000, "未定", "待定"],
}


@pytest.mark.parametrize("shape", SHAPES)
def test_the_amounts_of_a_declared_money_column_are_never_lost(
    service: ImportService, ctx: AppContext, tmp_path: Path, shape: str
) -> None:
    cells = SHAPES[shape]
    path = sheet(tmp_path, shape, "计划总投资（万元）", cells)
    before = dump(ctx.database)
    checked = service.import_file(path, ImportOptions())
    assert ("note_rejected_column", "G") not in notes(checked)  # the column is read, not dropped
    problems = refused(checked)
    words = {v for v in cells if isinstance(v, str)}
    assert {(column, value in words) for _row, column, value in problems} <= {("G", True)}  # only the words
    if problems:
        assert not checked.ok and dump(ctx.database) == before  # all or nothing
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert refused(result) == problems
    amounts = stored(ctx)
    for row, value in enumerate(cells, 2):
        code = f"ZQ-{row - 1:03d}"
        if isinstance(value, int):
            assert amounts[code] == value * WAN  # the real amounts, always
        elif (row, "G", value) in problems:
            assert code not in amounts  # a problem naming its row, column and value
        else:
            assert amounts[code] is None  # a placeholder: no figure — never 0
    assert sum(a or 0 for a in amounts.values()) == sum(v for v in cells if isinstance(v, int)) * WAN


def test_amounts_written_with_their_unit_among_odd_values(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """g08: 约12000, 5000-8000, 1.2万, 12000.00元, — under 计划总投资（万元）: two cells are amounts
    with their unit (money text, not numbers); the column is read, every other cell accounted for."""
    cells = ["约12000", "5000-8000", "1.2万", "12000.00元", "—"]
    path = sheet(tmp_path, "g08", "计划总投资（万元）", cells)
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert ("note_rejected_column", "G") not in notes(result)
    problems, amounts = refused(result), stored(ctx)
    assert amounts["ZQ-004"]  # 12000.00元 read, not dropped with the column
    # 1.2万 under 万元: 1.2万元 or 1.2万 × 万元? ten thousand times apart — a problem of its row, naming both
    assert (4, "G", "1.2万") in problems and "ZQ-003" not in amounts
    [wan] = [p for p in result.problems if p.row == 4]
    assert "12,000 yuan" in wan.reason("en") and "120,000,000 yuan" in wan.reason("en")
    assert "120,000,000 元" in wan.reason("zh")
    for row, value in enumerate(cells, 2):
        code = f"ZQ-{row - 1:03d}"
        assert (row, "G", value) in problems or amounts[code] != 0  # a row problem, a figure or none: never 0


def test_another_column_that_holds_the_field_by_its_values_wins(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The words column is taken only when its amounts would otherwise be the field's only ones."""
    words = ["待定", "另议", "未定", 12000, "待定"]
    path = sheet(tmp_path, "two", "计划总投资（万元）", words, ("总投资（亿元）", [1, 2, 3, 1.2, 4]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and ("note_rejected_column", "G") in notes(result)
    assert stored(ctx) == {
        "ZQ-001": 100_000_000,
        "ZQ-002": 200_000_000,
        "ZQ-003": 300_000_000,
        "ZQ-004": 120_000_000,
        "ZQ-005": 400_000_000,
    }


DESCRIPTIONS = [
    "建设年产10万吨新型材料生产线，配套研发中心及仓储物流设施",
    "新建标准厂房及办公楼，引进自动化生产设备，达产后年产值约5亿元",
    "改造现有车间，购置检测设备，建设智能化仓储系统",
    "建设新能源电池组装生产线及配套设施，分两期实施",
    "建设冷链物流中心、食品加工车间及配套道路管网",
]


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("项目投资", DESCRIPTIONS),  # an investment word over what is built
        ("计划总投资（万元）", DESCRIPTIONS),  # a declared header, but not one amount beneath it
        ("投资规模", ["大型", "中型", "小型", "大型", 5000]),  # an exact word that also heads words: one amount
    ],
)
def test_words_under_a_header_that_resembles_a_money_field_are_still_not_imported(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: str, cells: list
) -> None:
    result = service.import_file(sheet(tmp_path, "text", header, cells), ImportOptions())
    assert result.ok and result.added == 5 and result.problems == []
    assert ("note_rejected_column", "G") in notes(result)
    assert set(stored(ctx).values()) == {None}


@pytest.mark.parametrize(
    ("header", "declared"),
    [
        ("计划总投资（万元）", True),
        ("总投资", True),
        ("计划总投资", True),
        ("投资总额", True),
        ("总投资（亿元）", True),
        ("年度计划（万元）", True),
        ("2024年计划投资（万元）", True),
        ("完成投资（万元）", True),
        ("用地面积（亩）", True),
        ("投资规模", False),
        ("项目投资", False),
        ("年度计划", False),
        ("用地面积", False),
        ("总投资及建设内容（万元）", False),
        ("Completed", False),
    ],
)
def test_which_headers_declare_their_field(header: str, declared: bool) -> None:
    found = header_candidates(header)
    info = ColumnInfo(6, header, found[0].field, candidates=found)
    assert any(declares(info, cand) for cand in found) is declared
