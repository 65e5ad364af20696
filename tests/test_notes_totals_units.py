"""Rows and columns of a district's monthly report that were read as something they are not (probe17).

- Notes under the table that carry numbers (“注：” | 1、本月新增入库项目2个 | 12000, a bare 备注 or 附：
  label, “注：…” in the name column) were imported as projects: they start the notes.
- Totals labelled 汇总 or 累计 (the sheet's, or a district's: 端州区汇总) were imported as projects.
- A year to date headed 本年累计, 自年初累计 or 年初至本月累计 standing alone was left out: only the
  month's own amount was stored, so the year to date was that month alone.
- 万元 figures under a 计划总投资（亿元） header were stored ten thousand times over: the column whose
  middle amount is no project's is asked.

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
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
TITLE = ["2026年1-5月高要区重点项目投资完成情况表"]
UNIT = ["填报单位：高要区发展和改革局      单位：万元"]
HEAD = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "5月完成投资", "1-5月累计完成投资"]
PROJECTS = [
    [1, "新能源电池项目", "甲公司", "高要区", 12_000, 300, 1_500],
    [2, "汽车零部件项目", "乙公司", "高要区", 8_000, 200, 900],
    [3, "储能系统集成项目", "丙公司", "高要区", 5_000, 100, 600],
]
PLANNED, YTD = 25_000 * WAN, 3_000 * WAN


def report(
    tmp_path: Path, *rows: list, head: list | None = None, title: list | None = None, sheet: str = "5月"
) -> Path:
    top = [title or TITLE, UNIT, head or HEAD]
    return write_workbook(tmp_path / "report.xlsx", SheetSpec(sheet, [*top, *rows]))


def imported(ctx: AppContext, tmp_path: Path, path: Path, **options: object) -> ImportResult:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    return service.import_file(path, ImportOptions(lang="en", **options))  # type: ignore[arg-type]


def stored(ctx: AppContext) -> tuple[list[str], int, int]:
    """The projects' names, their planned investment and their 2026 completed investment (yuan)."""
    projects = ctx.projects.all_projects()
    done = sum(r.amount for p in projects for r in ctx.projects.investment(p.id) if r.year == 2026)
    return sorted(p.name for p in projects), sum(p.planned_investment or 0 for p in projects), done


NAMES = sorted(p[1] for p in PROJECTS)
TOTAL = ["合计", "", "", "", 25_000, 600, 3_000]


@pytest.mark.parametrize(
    "tail",
    [
        [TOTAL, ["注：", "1、本月新增入库项目2个", "", "", 12_000, 300, 300], ["", "2、退库项目1个", "", "", 5_000]],
        [[], ["备注", "本月新增入库项目", "", "", 12_000, 300, 300], ["填报人：王五", "", "审核人：赵六"]],
        [TOTAL, ["", "注：本月新增入库项目2个，计划总投资", "", "", 12_000, 300, 300]],
        [TOTAL, ["附：", "本月新入库项目", "", "", 12_000, 300, 1_500]],
    ],
    ids=["zhu-label-then-numbered-lines", "bare-beizhu-no-total", "zhu-in-name-column", "fu-label"],
)
def test_notes_with_numbers_under_the_table_are_not_projects(ctx: AppContext, tmp_path: Path, tail: list) -> None:
    result = imported(ctx, tmp_path, report(tmp_path, *PROJECTS, *tail))
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD)
    assert any(n.code == "note_notes_from" for n in result.notes)


@pytest.mark.parametrize("label", ["汇总", "累计", "汇总（3个）"])
def test_a_total_labelled_huizong_or_leiji_is_not_a_project(ctx: AppContext, tmp_path: Path, label: str) -> None:
    result = imported(ctx, tmp_path, report(tmp_path, *PROJECTS, ["", label, "", "", 25_000, 600, 3_000]))
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD)


def test_district_subtotals_labelled_huizong_or_leiji_are_not_projects(ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        [1, "端州新能源电池项目", "甲公司", "端州区", 12_000, 300, 1_500],
        ["", "端州区汇总", "", "", 12_000, 300, 1_500],
        [2, "四会汽车零部件项目", "乙公司", "四会市", 8_000, 200, 900],
        [3, "四会储能系统集成项目", "丙公司", "四会市", 5_000, 100, 600],
        ["", "四会市累计", "", "", 13_000, 300, 1_500],
        ["", "总计", "", "", 25_000, 600, 3_000],
    ]
    result = imported(ctx, tmp_path, report(tmp_path, *rows, title=["2026年1-5月全市重点项目投资完成情况表"]))
    assert result.problems == [] and result.added == 3
    names, planned, done = stored(ctx)
    assert (len(names), planned, done) == (3, PLANNED, YTD)
    assert not [n for n in names if "汇总" in n or "累计" in n]


@pytest.mark.parametrize("header", ["本年累计", "自年初累计", "年初至本月累计", "今年累计", "年初至今"])
def test_a_year_to_date_header_standing_alone_is_read(ctx: AppContext, tmp_path: Path, header: str) -> None:
    head = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "本月完成投资", header]
    overrun = [4, "食品加工项目", "丁公司", "高要区", 500, 100, 800]  # 800 above its planned 500: a cost overrun
    rows = [*PROJECTS, overrun]
    path = report(tmp_path, *rows, head=head, title=["高要区重点项目2026年5月份投资完成情况"])
    result = imported(ctx, tmp_path, path)
    assert result.problems == [] and result.added == 4
    assert stored(ctx)[2] == YTD + 800 * WAN  # 1–4月 as one figure, then 5月
    food = next(p for p in ctx.projects.all_projects() if p.name == "食品加工项目")
    assert [(r.first_month, r.month, r.amount) for r in ctx.projects.investment(food.id)] == [
        (1, 4, 700 * WAN),
        (None, 5, 100 * WAN),
    ]
    assert any(n.code == "note_ytd_above_planned" for n in result.notes)


YI_HEAD = [*HEAD[:4], "计划总投资（亿元）", "5月完成投资（万元）", "1-5月累计完成投资（万元）"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_wan_figures_under_a_yi_header_are_asked(db_url: str, tmp_path: Path) -> None:
    path = report(tmp_path, *PROJECTS, head=YI_HEAD)  # 12,000亿, 8,000亿, 5,000亿: the figures are 万元
    code, out, err = run("--db", db_url, "--lang", "en", "import", str(path), "--json")
    assert code != ExitCode.OK
    [problem] = json.loads(out)["skipped"]
    assert (problem["sheet"], problem["row"], problem["column"], problem["value"]) == ("5月", 3, "E", YI_HEAD[4])
    assert problem["error"] == (
        "Planned investment: read in 亿元, as the header or unit line says, the middle of its 3 amounts is "
        "800,000,000,000 yuan, which is no project's; if the amounts are in another unit (万元 figures under a 亿元 "
        "header, say), correct the header or unit line, then import again"
    )
    code, out, err = run("--db", db_url, "--lang", "zh", "import", str(path), "--skip-invalid", "--json")
    assert code == ExitCode.OK, err
    code, out, err = run("--db", db_url, "list", "--json")
    listed = json.loads(out)["projects"]
    assert len(listed) == 3 and all(p["planned_investment_yuan"] is None for p in listed)  # never 1.2万亿


def test_yi_figures_under_a_wan_unit_line_are_asked(ctx: AppContext, tmp_path: Path) -> None:
    rows = [[k, name, who, where, planned / WAN, month, ytd] for k, name, who, where, planned, month, ytd in PROJECTS]
    result = imported(ctx, tmp_path, report(tmp_path, *rows))  # 1.2, 0.8, 0.5 under 单位：万元
    assert [p.problem.code for p in result.problems] == ["planned_unit_implausible"]
    assert "the middle of its 3 amounts is 8,000 yuan" in result.problems[0].reason("en")
    assert ctx.projects.all_projects() == []


def test_a_list_in_yi_reads_as_ever(ctx: AppContext, tmp_path: Path) -> None:
    rows = [[k, name, who, where, planned / WAN, month, ytd] for k, name, who, where, planned, month, ytd in PROJECTS]
    result = imported(ctx, tmp_path, report(tmp_path, *rows, head=YI_HEAD))
    assert result.problems == [] and stored(ctx) == (NAMES, PLANNED, YTD)


@pytest.mark.parametrize(
    "title",
    [
        "高要区重点项目投资完成情况（2026年1月-5月）",
        "2026年前5个月高要区重点项目投资完成情况",
        "2026年1月份至5月份高要区重点项目",
    ],
)
def test_a_title_naming_months_one_to_five_otherwise(ctx: AppContext, tmp_path: Path, title: str) -> None:
    """“1月-5月” was read as January (the 当月 then disagreed with 累计), “前5个月” as no month at all
    (both figures left out)."""
    head = ["序号", "项目名称", "建设单位", "所在区域", "计划总投资", "本月完成", "累计完成"]
    path = report(tmp_path, *PROJECTS, TOTAL, head=head, title=[title], sheet="高要区")  # (a sheet 5月 would say it)
    result = imported(ctx, tmp_path, path)
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD)
    records = {
        (r.year, r.first_month, r.month) for p in ctx.projects.all_projects() for r in ctx.projects.investment(p.id)
    }
    assert records == {(2026, 1, 4), (2026, None, 5)}


def test_a_year_to_date_ten_times_the_plan_is_refused_whatever_its_header(ctx: AppContext, tmp_path: Path) -> None:
    """万元 figures under 1-5月累计完成投资（亿元）: 1,500亿 for a project of 1.2亿 was stored with a note."""
    head = [*HEAD[:6], "1-5月累计完成投资（亿元）"]
    result = imported(ctx, tmp_path, report(tmp_path, *PROJECTS, head=head))
    assert [(p.row, p.column, p.value, p.problem.code) for p in result.problems] == [
        (4, "G", "1500", "ytd_far_above_planned"),
        (5, "G", "900", "ytd_far_above_planned"),
        (6, "G", "600", "ytd_far_above_planned"),
    ]
    assert result.problems[0].reason("en") == (
        "the year to date through month 5 (150,000,000,000 yuan) is 1,250 times the project's planned investment "
        "(120,000,000 yuan), which no cost overrun is: check the unit of the column (万元 figures under a 亿元 "
        "header, say), correct it, then import again"
    )
    assert ctx.projects.all_projects() == []


def test_wan_figures_under_yuan_headers_are_asked(ctx: AppContext, tmp_path: Path) -> None:
    """300 under 5月完成投资（元） was stored as 300 yuan for a project of 1.2亿."""
    head = [*HEAD[:4], "计划总投资（万元）", "5月完成投资（元）", "1-5月累计完成投资（元）"]
    path = write_workbook(tmp_path / "report.xlsx", SheetSpec("5月", [TITLE, head, *PROJECTS]))
    result = imported(ctx, tmp_path, path)
    assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(2, "F", "completed_unit_implausible")]
    assert "the middle of the 6 completed investment figures is 600 yuan" in result.problems[0].reason("en")
    result = imported(ctx, tmp_path, path, skip_invalid=True)  # the projects, never the figures
    assert result.added == 3 and stored(ctx) == (NAMES, PLANNED, 0)


def test_phases_numbered_under_a_project_are_its_parts(ctx: AppContext, tmp_path: Path) -> None:
    """3 | 储能系统集成项目 over 3-1 …一期 and 3-2 …二期 (each with its enterprise and district, adding up
    to the project's): the project made a sector of its own name and its phases two projects."""
    rows = [
        *PROJECTS,
        ["3-1", "储能系统集成项目一期", "丙公司", "高要区", 2_000, 40, 250],
        ["3-2", "储能系统集成项目（二期）", "丙公司", "高要区", 3_000, 60, 350],
    ]
    result = imported(ctx, tmp_path, report(tmp_path, *rows, TOTAL))
    assert result.problems == [] and result.added == 3
    assert stored(ctx) == (NAMES, PLANNED, YTD)
    assert result.new_sectors == []


def test_a_name_holding_zonghe_jiliang_is_a_project_not_a_total(ctx: AppContext, tmp_path: Path) -> None:
    """合计 inside 综合计量 / 综合计算 (probe19b: two of four projects dropped as totals, exit 0)."""
    rows = [
        [1, "肇庆市综合计量检测中心项目", "甲公司", "高要区", 12_000, 300, 1_500],
        [2, "城市综合计算中心项目", "乙公司", "高要区", 8_000, 200, 900],
        [3, "储能系统集成项目", "丙公司", "高要区", 5_000, 100, 600],
        TOTAL,
    ]
    result = imported(ctx, tmp_path, report(tmp_path, *rows))
    assert result.problems == [] and result.added == 3
    assert stored(ctx)[1:] == (PLANNED, YTD)


@pytest.mark.parametrize("section", ["二、储备项目（金额单位：亿元）", "二、储备项目（单位：亿元）"])
def test_a_section_row_changing_the_unit_is_refused_by_name(ctx: AppContext, tmp_path: Path, section: str) -> None:
    """A unit inside a section heading under the table (probe19b: 5 亿 stored as 5 万元, exit 0)."""
    head = ["序号", "项目名称", "建设单位", "所在区域", "总投资"]
    rows = [["一、在建项目"], [1, "高要甲项目", "甲公司", "高要区", 20_000], [section],
            [2, "高要丙项目", "丙公司", "高要区", 5]]  # fmt: skip
    result = imported(ctx, tmp_path, report(tmp_path, *rows, head=head, title=["2026年高要区重点项目"]))
    assert not result.ok and [p.problem.code for p in result.problems] == ["unit_changes"]
    assert result.problems[0].row == 6 and section in result.problems[0].reason("en")
    assert ctx.projects.all_projects() == []


@pytest.mark.parametrize("wrapped", ["生产基地建设项目", "（一期）"])
def test_a_name_wrapped_onto_a_row_of_its_own_is_asked(ctx: AppContext, tmp_path: Path, wrapped: str) -> None:
    """A name alone on an unnumbered row under a numbered project (probe19b: a project of its own with
    nothing in it, exit 0, the name above cut short)."""
    rows = [[1, "新能源汽车零部件", "甲公司", "高要区", 12_000, 300, 1_500], ["", wrapped], *PROJECTS[1:]]
    result = imported(ctx, tmp_path, report(tmp_path, *rows))
    assert not result.ok and [(p.row, p.problem.code) for p in result.problems] == [(5, "name_alone")]
    assert wrapped in result.problems[0].reason("en") and "新能源汽车零部件" in result.problems[0].reason("en")
    assert ctx.projects.all_projects() == []
