"""Long lists as printed (probe28b): a two-row header repeated on every page, and a summary by district
under the top 合计. Before, the first repeat ended the table (exit 0, "another table begins … a summary",
93% of the list not imported), and rows 端州区 | 端州区 | its sums were stored as projects (planned counted
twice). Real .xlsx files through ImportService, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
TITLE = "肇庆市2025年1-10月重点项目进展情况表"
REPORTER = ["填报单位：肇庆市投资促进局", None, None, None, None, "单位：万元"]
TOP = ["序号", "项目名称", "建设单位", "所在地", "总投资", "2025年", None, "项目状态"]
UNDER = [None, None, None, None, None, "计划投资", "1-10月完成投资", None]
# the header's merges, for a header at ``r`` (its first row): A:E and H down two rows, 2025年 over F:G
HEADER_MERGES = ["A{r}:A{s}", "B{r}:B{s}", "C{r}:C{s}", "D{r}:D{s}", "E{r}:E{s}", "F{r}:G{r}", "H{r}:H{s}"]

# (序号, name, enterprise, district, total, planned 2025, 1-10月 done, status); 万元
P1 = [1, "鼎湖五金扩产项目", "甲公司", "鼎湖区", 5000, 2000, 1500, "在建"]
P2 = [2, "端州陶瓷技改项目", "乙公司", "端州区", 3000, 1000, 800, "在建"]
P3 = [3, "高要食品加工项目", "丙公司", "高要区", 8000, 3000, 1200, "在建"]
P4 = [4, "鼎湖包装新材料项目", "丁公司", "鼎湖区", 2000, 500, 450, "在建"]
P5 = [5, "四会电子元器件项目", "戊公司", "四会市", 6000, 2500, 2000, "在建"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def merges(*tops: int) -> list[str]:
    return [m.format(r=r, s=r + 1) for r in tops for m in HEADER_MERGES]


def stored(ctx: AppContext) -> dict[str, tuple[str | None, int | None, int]]:
    """name → (district, planned, the year's completed investment), yuan."""
    return {
        p.name: (p.district, p.planned_investment, sum(r.amount for r in ctx.projects.investment(p.id)))
        for p in ctx.projects.all_projects()
    }


EXPECTED = {  # 万元 × 10,000; 总投资 is the planned investment
    "鼎湖五金扩产项目": ("鼎湖区", 5000 * WAN, 1500 * WAN),
    "端州陶瓷技改项目": ("端州区", 3000 * WAN, 800 * WAN),
    "高要食品加工项目": ("高要区", 8000 * WAN, 1200 * WAN),
    "鼎湖包装新材料项目": ("鼎湖区", 2000 * WAN, 450 * WAN),
    "四会电子元器件项目": ("四会市", 6000 * WAN, 2000 * WAN),
}


def test_a_two_row_header_on_every_page_reads_the_whole_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Page 2 under the title again with （续表） and the 填报单位 line, merged like page 1; page 3 under a
    line 续表 alone and the header unmerged. Was: 2 stored, "another table begins at row 10"."""
    rows = [[TITLE], REPORTER, TOP, UNDER, P1, P2,
            [TITLE + "（续表）"], REPORTER, TOP, UNDER, P3, P4,  # rows 7–12: the header again at 9–10
            ["续表"], TOP, UNDER, P5]  # fmt: skip
    path = write_workbook(tmp_path / "pages.xlsx", SheetSpec("Sheet1", rows, merges=["A1:H1", *merges(3, 9)]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5, [p.reason() for p in result.problems]
    assert stored(ctx) == EXPECTED  # planned 24,000 万元 in all: 5000 + 3000 + 8000 + 2000 + 6000
    assert not any(n.code == "note_second_table" for n in result.notes)


def test_a_two_row_header_under_the_title_printed_again_without_a_mark_reads_on(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Page 2 under the same title and 填报单位 line, no （续表）: the notes' way (a second table of the same
    kind, read on) now knows a header of two rows. Was: "the notes under the table, from row 8 on"."""
    rows = [[TITLE], REPORTER, TOP, UNDER, P1, P2, [], [TITLE], REPORTER, TOP, UNDER, P3, P4, P5]
    path = write_workbook(tmp_path / "plain.xlsx", SheetSpec("Sheet1", rows, merges=["A1:H1", *merges(3, 10)]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5, [p.reason() for p in result.problems]
    assert stored(ctx) == EXPECTED


def test_a_two_row_table_pasted_twice_is_read_once(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """The same 2 rows under the same title and header again: 2 projects and a note, as with one header row."""
    rows = [[TITLE], REPORTER, TOP, UNDER, P1, P2, [], [TITLE], REPORTER, TOP, UNDER, P1, P2]
    path = write_workbook(tmp_path / "twice.xlsx", SheetSpec("Sheet1", rows, merges=["A1:H1", *merges(3, 10)]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2, [p.reason() for p in result.problems]
    (note,) = [n for n in result.notes if n.code == "note_table_copy"]
    assert "rows 12–13" in note.message("en")  # title 8, 填报单位 9, header 10–11


def test_a_repeat_that_adds_the_unit_to_the_header_is_the_header(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """One-row header 总投资 under 单位：万元, repeated as 总投资（万元）: the same column, in the same unit.
    Was refused as "a second table starts here with other columns"."""
    head = ["序号", "项目名称", "建设单位", "所在地", "总投资", "2025年计划投资", "1-10月完成投资", "项目状态"]
    again = [*head[:4], "总投资（万元）", "2025年计划投资（万元）", "1-10月完成投资（万元）", "项目状态"]
    rows = [[TITLE], REPORTER, head, P1, P2, P3, again, P4, P5]
    result = service.import_file(write_workbook(tmp_path / "units.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 5, [p.reason() for p in result.problems]
    assert {k: v[1] for k, v in stored(ctx).items()} == {k: v[1] for k, v in EXPECTED.items()}


def test_a_repeat_in_another_unit_is_still_refused(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """总投资（亿元） under 单位：万元: 2 亿元 would be read as 2 万元 — not the header again."""
    head = ["序号", "项目名称", "建设单位", "所在地", "总投资", "项目状态"]
    rows = [[TITLE], REPORTER, head, [*P1[:5], "在建"], [*head[:4], "总投资（亿元）", "项目状态"],
            [2, "端州陶瓷技改项目", "乙公司", "端州区", 0.3, "在建"]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "yi.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    assert [(p.row, p.problem.code) for p in result.problems] == [(5, "second_table")]


def test_rows_of_the_lists_shape_under_a_header_not_read_as_its_repeat_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A second header row that is not this header's (完成投资 where the first says 1-10月完成投资) ends the
    table as a summary's would; the 3 projects under it have the list's shape: a question, never exit 0
    with 2 of 5 stored."""
    other = [None, None, None, None, None, "计划投资", "完成投资", None]
    rows = [[TITLE], REPORTER, TOP, UNDER, P1, P2, TOP, other, P3, P4, P5]
    path = write_workbook(tmp_path / "other.xlsx", SheetSpec("Sheet1", rows, merges=["A1:H1", *merges(3, 7)]))
    result = service.import_file(path, ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    [problem] = result.problems
    assert (problem.row, problem.problem.code) == (8, "table_below")
    assert "3 project row(s), rows 9–11, that would not be read" in problem.reason()


def test_a_summary_by_district_under_the_header_still_ends_the_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """所在区域 | 项目数 | 计划总投资 under the projects: a summary, its rows not projects (as before)."""
    head = ["序号", "项目名称", "建设单位", "所在地", "总投资", "项目状态"]
    rows = [[TITLE], REPORTER, head, [*P1[:5], "在建"], [*P2[:5], "在建"], [],
            ["所在区域", "项目数", "计划总投资"], ["鼎湖区", 1, 5000], ["端州区", 1, 3000]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "sum.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 2, [p.reason() for p in result.problems]
    assert any(n.code == "note_second_table" for n in result.notes)


def summary_block(first: list, second: list) -> list[list]:
    """合计, then a row per district with its sums (name = district = the district), then the projects."""
    head = ["序号", "项目名称", "建设单位", "所在地", "总投资", "1-10月完成投资", "项目状态"]
    body = [[p[0], p[1], p[2], p[3], p[4], p[6], p[7]] for p in (P1, P2, P3, P4)]
    return [[TITLE], REPORTER, head,
            [None, "合计", None, None, 18000, 3950, None],  # 5000 + 3000 + 8000 + 2000; 1500 + 800 + 1200 + 450
            first, second,
            [None, "高要区", None, "高要区", 8000, 1200, None],
            *body]  # fmt: skip


def test_rows_of_district_sums_under_the_total_are_subtotals(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """鼎湖区 = P1 + P4: 5000 + 2000 = 7000, 1500 + 450 = 1950; 端州区 = P2 alone. Was: 7 stored,
    planned 36,000 万元 (twice 18,000)."""
    rows = summary_block(
        [None, "鼎湖区", None, "鼎湖区", 7000, 1950, None], [None, "端州区", None, "端州区", 3000, 800, None]
    )
    result = service.import_file(write_workbook(tmp_path / "c10.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 4, [p.reason() for p in result.problems]
    assert stored(ctx) == {k: v for k, v in EXPECTED.items() if k != "四会电子元器件项目"}
    assert "rows naming a district alone (鼎湖区、端州区、高要区) hold the sums" in " ".join(
        n.message("en") for n in result.notes
    )


def test_a_district_row_whose_sums_are_not_its_districts_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """鼎湖区 says 7,100 where its rows add up to 7,000: a subtotal gone wrong, or a project? Asked."""
    rows = summary_block(
        [None, "鼎湖区", None, "鼎湖区", 7100, 1950, None], [None, "端州区", None, "端州区", 3000, 800, None]
    )
    result = service.import_file(write_workbook(tmp_path / "c10b.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert not result.ok and ctx.projects.all_projects() == []
    [problem] = result.problems
    assert (problem.row, problem.column, problem.value, problem.problem.code) == (5, "B", "鼎湖区", "place_row_sums")
    assert "nor all that district's rows" in problem.reason() and "也不等于该区域全部各行之和" in problem.reason("zh")


def test_district_rows_with_sums_over_each_section_block_are_subtotals(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A heading row per district in each section, its sums over the rows under it (c13): was refused as
    duplicate names 鼎湖区."""
    head = ["序号", "项目名称", "建设单位", "所在地", "总投资", "1-10月完成投资", "项目状态"]
    row = lambda p: [p[0], p[1], p[2], p[3], p[4], p[6], p[7]]  # noqa: E731
    rows = [[TITLE], REPORTER, head,
            [None, "一、续建项目"], [None, "鼎湖区", None, "鼎湖区", 5000, 1500], row(P1),  # P1 alone
            [None, "端州区", None, "端州区", 3000, 800], row(P2),
            [None, "二、新开工项目"], [None, "鼎湖区", None, "鼎湖区", 2000, 450], row(P4),  # P4 alone
            [None, "高要区", None, "高要区", 8000, 1200], row(P3)]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "c13.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 4, [p.reason() for p in result.problems]
    assert stored(ctx) == {k: v for k, v in EXPECTED.items() if k != "四会电子元器件项目"}
