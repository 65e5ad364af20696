"""Long city lists as bureaus keep them (probe28b): a district written once over its block, blank or
marked 同上 / 〃 / -do- below, and rows marked off the list in 备注 (已删除, 取消, 已调出，不再纳入统计).
Each was imported with exit 0 and wrong figures: 860 of 900 projects with no district, a district called
“同上”, struck rows counted as live projects. Real .xlsx files, the import service, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEADER = ["序号", "项目名称", "建设单位", "所在地", "总投资（万元）", "备注"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def city_list(tmp_path: Path, name: str, rows: list[list]) -> Path:
    body = [[n + 1, *row] for n, row in enumerate(rows)]
    title = ["肇庆市2025年重点项目清单"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [title, HEADER, *body]))


def stored(ctx: AppContext) -> dict[str, tuple[str | None, int | None]]:
    return {p.name: (p.district, p.planned_investment) for p in ctx.projects.all_projects()}


@pytest.mark.parametrize("same", ["同上", "〃", "-do-", " 同 上 ", '"'])
def test_same_as_above_takes_the_district_above(
    service: ImportService, ctx: AppContext, tmp_path: Path, same: str
) -> None:
    path = city_list(tmp_path, "same", [
        ["端州电子项目", "甲公司", "端州区", 1000, None],
        ["端州五金项目", "乙公司", same, 2000, None],
        ["高要陶瓷项目", "丙公司", "高要区", 3000, None],
        ["高要包装项目", "丁公司", same, 4000, None],
        ["高要玻璃项目", "戊公司", same, 5000, None],
    ])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert stored(ctx) == {
        "端州电子项目": ("端州区", 1000 * WAN), "端州五金项目": ("端州区", 2000 * WAN),
        "高要陶瓷项目": ("高要区", 3000 * WAN), "高要包装项目": ("高要区", 4000 * WAN),
        "高要玻璃项目": ("高要区", 5000 * WAN),
    }  # fmt: skip
    assert {d.name for d in ctx.references.districts()} == {"端州区", "高要区"}  # never a district called 同上
    (note,) = [n for n in result.notes if n.code == "note_same_as_above"]
    assert "3 cell(s) of column D" in note.message("en") and "rows 4, 6–7" in note.message("en")


def test_a_district_written_once_over_its_block_fills_the_blanks_below(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A list sorted by district, each written on its block's first row: the blanks are that district.
    Planned per district by hand: 端州区 1000 + 2000 = 3000万, 高要区 3000 + 4000 + 5000 = 12000万."""
    path = city_list(tmp_path, "blank", [
        ["端州电子项目", "甲公司", "端州区", 1000, None],
        ["端州五金项目", "乙公司", None, 2000, None],
        ["高要陶瓷项目", "丙公司", "高要区", 3000, None],
        ["高要包装项目", "丁公司", None, 4000, None],
        ["高要玻璃项目", "戊公司", None, 5000, None],
    ])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok
    by_district: dict[str | None, int] = {}
    for district, planned in stored(ctx).values():
        by_district[district] = by_district.get(district, 0) + (planned or 0)
    assert by_district == {"端州区": 3000 * WAN, "高要区": 12000 * WAN}
    (note,) = [n for n in result.notes if n.code == "note_district_filled_down"]
    assert "3 blank cell(s)" in note.message("en") and "rows 4, 6–7" in note.message("en")
    assert "第 4, 6–7 行" in note.message("zh")


def test_blanks_above_the_first_district_stay_blank_and_are_counted(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = city_list(tmp_path, "top", [
        ["市直物流项目", "甲公司", None, 1000, None],
        ["端州电子项目", "乙公司", "端州区", 2000, None],
        ["端州五金项目", "丙公司", None, 3000, None],
        ["高要陶瓷项目", "丁公司", "高要区", 4000, None],
        ["高要包装项目", "戊公司", None, 5000, None],
    ])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert stored(ctx) == {"市直物流项目": (None, 1000 * WAN), "端州电子项目": ("端州区", 2000 * WAN),
                           "端州五金项目": ("端州区", 3000 * WAN), "高要陶瓷项目": ("高要区", 4000 * WAN),
                           "高要包装项目": ("高要区", 5000 * WAN)}  # fmt: skip
    (top,) = [n for n in result.notes if n.code == "note_district_blank_top"]
    assert "1 row(s) above the first district" in top.message("en") and "rows 3" in top.message("en")


@pytest.mark.parametrize(
    "districts",
    [
        ["端州区", None, "怀集县"],  # one blank: a project of no one district (a cross-district hub)
        ["端州区", "端州区", None, "高要区", "高要区", None],  # every row's district written: blanks are blanks
    ],
)
def test_a_blank_in_a_list_that_writes_every_district_stays_blank(
    service: ImportService, ctx: AppContext, tmp_path: Path, districts: list
) -> None:
    rows = [[f"项目{n}", f"公司{n}", d, 1000 + n, None] for n, d in enumerate(districts)]
    result = service.import_file(city_list(tmp_path, "every", rows), ImportOptions())
    assert result.ok and not [n for n in result.notes if n.code == "note_district_filled_down"]
    assert {name: d for name, (d, _p) in stored(ctx).items()} == {f"项目{n}": d for n, d in enumerate(districts)}


def test_a_section_row_naming_a_district_starts_its_block(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A district heading row (四会市) between blocks wins over the district above it."""
    rows = [["端州电子项目", "甲公司", "端州区", 1000, None], ["端州五金项目", "乙公司", None, 2000, None]]
    body = [[n + 1, *row] for n, row in enumerate(rows)]
    heading = ["二、四会市", None, None, None, None, None]
    after = [[3, "四会陶瓷项目", "丙公司", None, 3000, None]]
    path = write_workbook(tmp_path / "heading.xlsx", SheetSpec("Sheet1", [["清单"], HEADER, *body, heading, *after]))
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert stored(ctx)["四会陶瓷项目"] == ("四会市", 3000 * WAN)
    assert stored(ctx)["端州五金项目"] == ("端州区", 2000 * WAN)


@pytest.mark.parametrize("remark", ["已删除", "取消", "该项目已调出，不再纳入统计", "已取消。"])
def test_a_row_marked_off_the_list_is_not_imported(
    service: ImportService, ctx: AppContext, tmp_path: Path, remark: str
) -> None:
    """Three rows, the second marked off in 备注: planned 1000 + 3000 = 4000万 stored, not 6000万."""
    path = city_list(tmp_path, "removed", [
        ["端州电子项目", "甲公司", "端州区", 1000, "续建"],
        ["端州五金项目", "乙公司", "端州区", 2000, remark],
        ["端州陶瓷项目", "丙公司", "端州区", 3000, None],
    ])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok
    assert stored(ctx) == {"端州电子项目": ("端州区", 1000 * WAN), "端州陶瓷项目": ("端州区", 3000 * WAN)}
    (note,) = [n for n in result.notes if n.code == "note_rows_removed"]
    assert "rows 4" in note.message("en") and f"端州五金项目（{remark.strip()}）" in note.message("en")


def test_a_stored_project_marked_off_the_list_stays_and_the_note_says_so(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [["端州电子项目", "甲公司", "端州区", 1000, None], ["端州五金项目", "乙公司", "端州区", 2000, None]]
    assert service.import_file(city_list(tmp_path, "first", rows), ImportOptions()).ok
    rows[1][4] = "已删除"
    result = service.import_file(city_list(tmp_path, "again", rows), ImportOptions())
    assert result.ok and stored(ctx)["端州五金项目"] == ("端州区", 2000 * WAN)
    (note,) = [n for n in result.notes if n.code == "note_rows_removed"]
    assert "A project stored before stays as it is" in note.message("en")


@pytest.mark.parametrize("remark", ["二期取消，一期在建", "原取消项目重新启动", "部分取消"])
def test_a_sentence_about_cancelling_is_not_a_mark(
    service: ImportService, ctx: AppContext, tmp_path: Path, remark: str
) -> None:
    path = city_list(tmp_path, "sentence", [["端州电子项目", "甲公司", "端州区", 1000, remark]])
    result = service.import_file(path, ImportOptions())
    assert result.ok and stored(ctx) == {"端州电子项目": ("端州区", 1000 * WAN)}
    assert not [n for n in result.notes if n.code == "note_rows_removed"]
