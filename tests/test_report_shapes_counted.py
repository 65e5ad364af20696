"""Shapes of a district's monthly report that were imported with exit 0 and wrong figures (probe18).

- A group header drawn without a merge ("centre across selection": 总投资 over 合计 | 其中：固定资产投资,
  2026年完成投资 over 10月 | 1-10月累计): the sub-header row was a total row and 10月 the year to date;
  投资额 over 总投资 | 2026年计划 ended the table at its sub-header, 0 projects, exit 0.
- "共3个项目" in the name column beside the sums, and a "项目个数 | 3" line, were projects.
- "端州区（2个）" merged down a 所属区 column over its projects was their district.
- A table drawn the other way round (projects across the columns) stored one project per field row,
  named 建设单位, 计划总投资 …: now refused, naming the row.
- Titles naming the months as 2026.1-2026.10, a sheet named 2026.10: the year to date was left out.
- 备注 saying 已投产 on a sheet without a status column: the project was recorded as signed.

Real .xlsx files written by openpyxl, imported through the service and the CLI, both engines.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = ["2026年1-10月高要区重点项目投资完成情况表"]
UNIT = ["单位：万元"]
HEAD = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "10月完成投资", "1-10月累计完成投资", "备注"]
PROJECTS = [
    [1, "新能源电池项目", "甲公司", "高要区", 12_000, 300, 2_500],
    [2, "汽车零部件项目", "乙公司", "高要区", 8_000, 200, 1_900],
    [3, "储能系统集成项目", "丙公司", "高要区", 5_000, 100, 600],
]
NAMES = sorted(p[1] for p in PROJECTS)
PLANNED, YTD = 25_000 * WAN, 5_000 * WAN


def workbook(tmp_path: Path, *rows: list, sheet: str = "Sheet1", merges: list[str] | None = None) -> Path:
    return write_workbook(tmp_path / "report.xlsx", SheetSpec(sheet, [*rows], merges=merges or []))


def imported(ctx: AppContext, tmp_path: Path, path: Path) -> ImportResult:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    return service.import_file(path, ImportOptions(lang="en"))


def stored(ctx: AppContext) -> tuple[list[str], int, int, set[int]]:
    """The projects' names, their planned investment, their 2026 completed investment (yuan) and the
    last months of its records."""
    projects = ctx.projects.all_projects()
    records = [r for p in projects for r in ctx.projects.investment(p.id) if r.year == 2026]
    planned = sum(p.planned_investment or 0 for p in projects)
    return sorted(p.name for p in projects), planned, sum(r.amount for r in records), {r.month for r in records}


def test_group_headers_drawn_without_a_merge_are_read(ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "建设单位", "所在区域", "总投资", "", "2026年完成投资", ""]
    sub = ["", "", "", "", "合计", "其中：固定资产投资", "10月", "1-10月累计"]
    rows = [[k, n, who, where, planned, planned * 8 // 10, month, ytd] for k, n, who, where, planned, month, ytd in
            PROJECTS]  # fmt: skip
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, head, sub, *rows))
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})  # 1–9月 and 10月: the year to date through October


def test_a_sub_header_under_unmerged_groups_does_not_end_the_table(ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "建设单位", "所在区域", "投资额", "", "完成投资", ""]
    sub = ["", "", "", "", "总投资", "2026年计划", "10月", "1-10月"]
    rows = [[k, n, who, where, planned, ytd * 2, month, ytd] for k, n, who, where, planned, month, ytd in PROJECTS]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, head, sub, *rows))
    assert result.problems == [] and result.added == 3  # (0 projects, exit 0, before)
    assert stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})


def test_a_merged_group_over_words_that_need_it_is_a_header(ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "10月完成", "累计完成投资", "", "备注"]
    sub = ["", "", "", "", "", "", "本年", "自开工", ""]
    rows = [[k, n, who, where, planned, month, ytd, ytd * 3, ""] for k, n, who, where, planned, month, ytd in PROJECTS]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, head, sub, *rows, merges=["G3:H3"]))
    assert result.problems == [] and result.added == 3  # ("the row has values but no project name", before)
    assert stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})
    assert sorted(p.since_start_amount or 0 for p in ctx.projects.all_projects()) == [1_800 * WAN, 5_700 * WAN,
                                                                                      7_500 * WAN]  # fmt: skip


def test_units_in_a_third_header_row_are_read(ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "2026年1-10月投资完成情况", "", "备注"]
    sub = ["", "", "", "", "", "当月完成", "本年累计完成", ""]
    units = ["", "", "", "", "（万元）", "（万元）", "万元", ""]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, head, sub, units, *PROJECTS, merges=["F2:G2"]))
    assert result.problems == [] and stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})  # (no unit: refused, before)


@pytest.mark.parametrize(
    "tail",
    [
        [["", "共3个项目", "", "", 25_000, 600, 5_000]],
        [["合计", "", "", "", 25_000, 600, 5_000], ["", "项目个数", "", "", 3]],
    ],
    ids=["gong-3-ge-xiangmu", "xiangmu-geshu"],
)
def test_a_count_line_is_not_a_project(ctx: AppContext, tmp_path: Path, tail: list) -> None:
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, HEAD, *PROJECTS, *tail))
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})


def test_a_count_in_a_merged_district_cell_is_not_part_of_the_district(ctx: AppContext, tmp_path: Path) -> None:
    head = ["所属区", "序号", "项目名称", "建设单位", "计划总投资", "10月完成投资", "1-10月累计完成投资"]
    places = ["端州区（2个）", None, "四会市（1个）"]
    rows = [[place, k, n, who, planned, month, ytd] for place, (k, n, who, _w, planned, month, ytd) in
            zip(places, PROJECTS, strict=True)]  # fmt: skip
    title = ["2026年1-10月全市重点项目投资完成情况表"]
    result = imported(ctx, tmp_path, workbook(tmp_path, title, UNIT, head, *rows, merges=["A4:A5"]))
    assert result.problems == []
    districts = {p.name: p.district for p in ctx.projects.all_projects()}
    assert districts == {"新能源电池项目": "端州区", "汽车零部件项目": "端州区", "储能系统集成项目": "四会市"}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_table_drawn_the_other_way_round_is_refused(db_url: str, tmp_path: Path) -> None:
    rows = [
        ["项目名称", *(p[1] for p in PROJECTS)],
        ["建设单位", *(p[2] for p in PROJECTS)],
        ["计划总投资", *(p[4] for p in PROJECTS)],
        ["10月完成投资", *(p[5] for p in PROJECTS)],
        ["1-10月累计完成投资", *(p[6] for p in PROJECTS)],
    ]
    path = workbook(tmp_path, TITLE, UNIT, *rows)
    code, out, _err = run("--db", db_url, "--lang", "en", "import", str(path), "--json")
    assert code != ExitCode.OK
    [problem] = json.loads(out)["skipped"]
    assert (problem["sheet"], problem["row"], problem["column"], problem["value"]) == ("Sheet1", 4, "A", "建设单位")
    assert problem["error"] == (
        "Project name “建设单位”: 4 rows of this sheet are named like columns (建设单位、计划总投资、10月完成投资、"
        "1-10月累计完成投资), so its projects seem to run across the columns and its fields down the rows; put one "
        "project per row, with the fields as column headers, then import again"
    )
    code, out, _err = run("--db", db_url, "--lang", "zh", "import", str(path))
    assert code != ExitCode.OK and "项目似乎横向排列" in out
    code, out, _err = run("--db", db_url, "list", "--json")
    assert json.loads(out)["projects"] == []


@pytest.mark.parametrize(
    ("title", "sheet"),
    [("高要区重点项目投资完成情况表（2026.1-2026.10）", "Sheet1"), ("高要区重点项目投资完成情况表", "2026.10")],
    ids=["title-dotted-range", "sheet-named-2026.10"],
)
def test_months_written_with_dots_name_the_report_month(
    ctx: AppContext, tmp_path: Path, title: str, sheet: str
) -> None:
    head = [*HEAD[:5], "本月完成投资", "本年累计完成投资", "备注"]
    result = imported(ctx, tmp_path, workbook(tmp_path, [title], UNIT, head, *PROJECTS, sheet=sheet))
    assert result.problems == [] and stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})  # (year to date left out)


def test_a_sheet_named_for_another_period_than_its_title_is_asked(ctx: AppContext, tmp_path: Path) -> None:
    path = workbook(tmp_path, TITLE, UNIT, HEAD, *PROJECTS, sheet="1-9月")
    service = ImportService(ctx.database, MappingStore(tmp_path / "m.json"))
    asked = service.import_file(path, ImportOptions())
    assert {p.problem.code for p in asked.problems} == {"period_sheet_name"} and not asked.written
    assert service.import_file(path, ImportOptions(period=(2026, 10))).ok
    assert stored(ctx) == (NAMES, PLANNED, YTD, {9, 10})


def test_a_status_word_in_the_remarks_is_the_status(ctx: AppContext, tmp_path: Path) -> None:
    words = ["已投产", "二期在建，一期已投产", "试生产"]
    rows = [[*p[:7], w] for p, w in zip(PROJECTS, words, strict=True)]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, HEAD, *rows))
    assert result.problems == []
    statuses = {p.name: p.status for p in ctx.projects.all_projects()}
    assert statuses == {
        "新能源电池项目": Status.IN_PRODUCTION,
        "汽车零部件项目": Status.UNDER_CONSTRUCTION,
        "储能系统集成项目": Status.TRIAL_PRODUCTION,
    }  # fmt: skip  (a sentence says too much: 汽车零部件项目's 1,900万 completed in 1-10月 shows it being built)


def test_a_signing_amount_is_the_planned_investment(ctx: AppContext, tmp_path: Path) -> None:
    head = ["序号", "项目名称", "投资方", "签约金额（亿元）", "签约时间", "1-10月完成投资（万元）"]
    rows = [[k, n, who, planned / WAN, "2026年3月", ytd] for k, n, who, _w, planned, _m, ytd in PROJECTS]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, head, *rows))
    assert result.problems == [] and stored(ctx)[:3] == (NAMES, PLANNED, YTD)


def test_the_actual_start_is_taken_over_the_planned_one(ctx: AppContext, tmp_path: Path) -> None:
    head = [*HEAD[:7], "计划开工时间", "实际开工时间"]
    rows = [[*p[:7], f"2024年{k + 3}月", f"2025年{k}月"] for k, p in enumerate(PROJECTS, 1)]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, head, *rows))
    assert result.problems == []
    starts = sorted(str(p.construction_start_on)[:7] for p in ctx.projects.all_projects())
    assert starts == ["2025-01", "2025-02", "2025-03"]  # (the planned 2024 dates, before)


def test_a_title_in_chinese_numerals_names_the_year_and_months(ctx: AppContext, tmp_path: Path) -> None:
    head = [*HEAD[:5], "本月完成投资", "本年累计完成投资", "备注"]
    title = ["高要区二〇二五年一至十月重点项目投资完成情况表"]
    result = imported(ctx, tmp_path, workbook(tmp_path, title, UNIT, head, *PROJECTS))
    assert result.problems == []
    projects = ctx.projects.all_projects()
    records = [r for p in projects for r in ctx.projects.investment(p.id)]
    assert {(r.year, r.month) for r in records} == {(2025, 9), (2025, 10)}  # (the year to date left out, before)
    assert sum(r.amount for r in records) == YTD


def test_two_tables_side_by_side_are_refused(ctx: AppContext, tmp_path: Path) -> None:
    left = [HEAD[:7], *(p[:7] for p in PROJECTS)]
    right = [
        ["序号", "新开工项目名称", "建设单位", "总投资", "计划开工时间"],
        [1, "光伏组件项目", "丁公司", 9_000, "2026年11月"],
    ]
    rows = [[*a, "", *(right[k] if k < len(right) else [])] for k, a in enumerate(left)]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, *rows))
    [problem] = result.problems  # (the right table's project lost, its start date the first project's, before)
    assert (problem.row, problem.column, problem.problem.code) == (3, "J", "side_by_side_tables")
    assert "two tables side by side are not read" in problem.reason("en") and "并排的两张表" in problem.reason("zh")
    assert ctx.projects.all_projects() == []


def test_two_tables_side_by_side_with_one_header_each_are_only_the_refusal(ctx: AppContext, tmp_path: Path) -> None:
    """续建 left, 新开工 right, both with a 总投资 (probe36a F6): the right one was held against the left one
    row by row, "column E 总投资 beside it gives 12000 for the same figure" on each row — a left project
    against an unrelated right one, three false problems beside the refusal."""
    head = ["序号", "项目名称", "建设单位", "所在区域", "总投资"]
    left = [head, *(p[:5] for p in PROJECTS)]
    right = [head, *([k, f"新开工项目{k}", "丁公司", "高要区", 1_000 * k] for k in (1, 2, 3))]
    rows = [[*a, "", *b] for a, b in zip(left, right, strict=True)]
    result = imported(ctx, tmp_path, workbook(tmp_path, TITLE, UNIT, *rows))
    [problem] = result.problems  # (and rows 4-6: "column E … beside it gives …", before)
    assert (problem.row, problem.column, problem.problem.code) == (3, "H", "side_by_side_tables")
    assert ctx.projects.all_projects() == []


def test_the_period_is_said_on_the_command_line(db_url: str, tmp_path: Path) -> None:
    """A title without a year (高要区1-10月…): --period 2026-10 imports the months the note said were
    left out; a period that is no year and month is refused before anything is read."""
    path = workbook(tmp_path, ["高要区1-10月重点项目投资完成情况表"], UNIT, HEAD, *PROJECTS)
    code, out, _err = run("--db", db_url, "--lang", "en", "import", str(path), "--dry-run", "--json")
    result = json.loads(out)  # 10月完成投资 of no year: refused; 1-10月累计 of no year: left out, said
    assert code != ExitCode.OK and {p["column"] for p in result["skipped"]} == {"F"}
    assert result["skipped"][0]["error"].endswith("say the report's year and month, e.g. --period 2025-10")
    assert any("--period 2025-10" in n for n in result["notes"]), result["notes"]
    code, _out, err = run("--db", db_url, "--lang", "en", "import", str(path), "--period", "2026-13")
    assert code == ExitCode.REFUSED and "--period '2026-13' is not a year and month" in err
    code, out, _err = run("--db", db_url, "--lang", "zh", "import", str(path), "--period", "2026.10", "--json")
    result = json.loads(out)
    assert code == ExitCode.OK and result["added"] == len(PROJECTS) and result["investment_records"] > 0
    assert "工作表“Sheet1”：按您的指定，数据读作截至 2026-10。" in result["notes"]
    code, out, _err = run("--db", db_url, "list", "--json")
    assert sorted(p["name"] for p in json.loads(out)["projects"]) == NAMES
