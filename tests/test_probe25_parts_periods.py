"""District files imported with exit 0 and wrong figures, or refused though right (probe25b: a 其中 part
stored as the whole, a 建设年限 year compared as 1 January; probe25c M4: a sheet's name against its header's
month; probe25d W10: a wide file's 1-X月 column against its months), each now read right or asked. Real
.xlsx files written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.domain.fuzzy_dates import DatePrecision
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.import_note_words import IGNORED_REASONS
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
TITLE = "肇庆市高要区2025年重点项目进展情况表"
NAMES = ["高要储能电池项目", "金利五金扩产项目", "汽车零部件项目"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def records(ctx: AppContext, name: str) -> list[tuple[int, int | None, int, int]]:
    """(year, first month of a span or None, month, yuan) of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return [(r.year, r.first_month, r.month, r.amount) for r in ctx.projects.investment(pid)]


def two_row_list(path: Path, group: str, subs: list[str], figures: list[list[int]], title: str = TITLE) -> Path:
    """序号 | 项目名称 | 建设单位 merged down two rows; ``group`` merged across its sub-columns ``subs``."""
    last = chr(ord("C") + len(subs))
    head = ["序号", "项目名称", "建设单位", group, *[None] * (len(subs) - 1), "项目状态"]
    status = chr(ord(last) + 1)
    rows = [[title], ["单位：万元"], head, [None, None, None, *subs]]
    rows += [[i + 1, NAMES[i], f"{'甲乙丙'[i]}公司", *f, "在建"] for i, f in enumerate(figures)]
    merges = ["A3:A4", "B3:B4", "C3:C4", f"D3:{last}3", f"{status}3:{status}4"]
    return write_workbook(path, SheetSpec("Sheet1", rows, merges=merges))


# -- probe25b: a 其中 sub-column is a part, never the field ---------------------------------------------------------
@pytest.mark.parametrize(
    ("group", "subs", "figures"),
    [
        # D03e: 其中：设备投资 before 小计 — 设备投资 5,000万 was stored as the planned total
        ("计划总投资（万元）", ["其中：设备投资", "小计"], [[50000, 120000], [10000, 35000], [30000, 58000]]),
        # D03c: 其中：固定资产投资 before 总额
        ("总投资（万元）", ["其中：固定资产投资", "总额"], [[100000, 120000], [30000, 35000], [50000, 58000]]),
        # M05: two parts, then 合计
        (
            "计划总投资（万元）",
            ["其中：土建", "其中：设备", "合计"],
            [[70000, 50000, 120000], [25000, 10000, 35000], [28000, 30000, 58000]],
        ),
        # the total first (read right before too)
        ("计划总投资（万元）", ["合计", "其中：设备投资"], [[120000, 50000], [35000, 10000], [58000, 30000]]),
    ],
)
def test_a_part_under_a_group_header_is_never_the_whole(
    service: ImportService, ctx: AppContext, tmp_path: Path, group: str, subs: list[str], figures: list[list[int]]
) -> None:
    result = service.import_file(two_row_list(tmp_path / "parts.xlsx", group, subs, figures), ImportOptions())
    assert result.ok, result.problems
    # the total sub-column: 120,000万 = 1,200,000,000; 35,000万 = 350,000,000; 58,000万 = 580,000,000
    assert planned(ctx) == {NAMES[0]: 1_200_000_000, NAMES[1]: 350_000_000, NAMES[2]: 580_000_000}
    parts = [n.message("en") for n in result.notes if "a part (其中)" in n.message("en")]
    assert len(parts) == len(subs) - 1 and all("read from the group's total column" in p for p in parts)


def test_a_group_of_parts_alone_is_not_imported_and_said(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """D03d: 计划总投资（万元） over 其中：固定资产投资 | 其中：设备投资 and no total: the first part was stored
    as the planned total (1,000,000,000 for row 1). Neither part is the whole: unknown, and said."""
    path = two_row_list(tmp_path / "d03d.xlsx", "计划总投资（万元）", ["其中：固定资产投资", "其中：设备投资"],
                        [[100000, 50000], [30000, 10000], [50000, 30000]])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and planned(ctx) == dict.fromkeys(NAMES)
    said = [n for n in result.notes if "gives only parts" in n.message("en")]
    assert [n.params["column"] for n in said] == ["D", "E"] and "只列分项" in IGNORED_REASONS.say("parts_only", "zh")


def test_a_part_of_the_year_to_date_is_never_the_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """M02: 1-10月完成投资（万元） over 其中：设备投资 | 合计: 设备投资 4,000万 was stored as January–October's."""
    path = two_row_list(tmp_path / "m02.xlsx", "1-10月完成投资（万元）", ["其中：设备投资", "合计"],
                        [[40000, 85000], [0, 0], [1000, 3000]],
                        title="肇庆市高要区2025年1-10月重点项目投资完成情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    # 合计: 85,000万 = 850,000,000 over January–October; 0; 3,000万 = 30,000,000
    assert records(ctx, NAMES[0]) == [(2025, 1, 10, 850_000_000)]
    assert records(ctx, NAMES[1]) == [(2025, 1, 10, 0)]
    assert records(ctx, NAMES[2]) == [(2025, 1, 10, 30_000_000)]


# -- probe25d W10: months beside their year to date ---------------------------------------------------------------
Q1_TITLE = "肇庆市2025年1-3月重点项目完成投资情况表"
Q1_HEAD = ["1月", "2月", "3月", "1-3月累计完成投资（万元）"]


def wide(path: Path, title: str, months: list[str], *rows: list) -> Path:
    head = ["序号", "项目名称", *months]
    return write_workbook(path, SheetSpec("Sheet1", [[title], ["单位：万元"], head, *map(list, rows)]))


def project_list(service: ImportService, tmp_path: Path) -> None:
    rows = [["项目清单"], ["项目名称", "计划总投资（万元）"], *[[n, 100000] for n in NAMES]]
    path = write_workbook(tmp_path / "list.xlsx", SheetSpec("项目清单", rows))
    assert service.import_file(path, ImportOptions()).ok


def test_months_beside_the_year_to_date_that_sums_them_are_stored_as_given(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """min_months_ytd: 1月 10 | 2月 10 | 3月 10 | 1-3月累计 30 was refused: "the year to date through 2025-02
    disagrees with another sheet" (1-3月 less March became a 1–2月 span of 20, which clashed with January and
    February). Row 2 leaves 2月 empty, row 3 2月 and 3月: one run of months left empty takes what the year to
    date leaves for it."""
    project_list(service, tmp_path)
    rows = [[1, NAMES[0], 10, 10, 10, 30], [2, NAMES[1], 10, None, 15, 25], [3, NAMES[2], 40, None, None, 40]]
    path = wide(tmp_path / "w10.xlsx", Q1_TITLE, Q1_HEAD, *rows)
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    assert records(ctx, NAMES[0]) == [(2025, None, m, 10 * WAN) for m in (1, 2, 3)]  # 10 + 10 + 10 = 30
    # 25 − 10 − 15 = 0 left for February
    assert records(ctx, NAMES[1]) == [(2025, None, 1, 10 * WAN), (2025, None, 2, 0), (2025, None, 3, 15 * WAN)]
    assert records(ctx, NAMES[2]) == [(2025, None, 1, 40 * WAN), (2025, 2, 3, 0)]  # 40 − 40 = 0 for 2–3月


def test_months_that_disagree_with_their_year_to_date_are_a_problem_of_the_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    project_list(service, tmp_path)
    rows = [[1, NAMES[0], 10, 10, 10, 30], [2, NAMES[1], 10, 10, 10, 35], [3, NAMES[2], 10, None, None, 5]]
    path = wide(tmp_path / "w10.xlsx", Q1_TITLE, Q1_HEAD, *rows)
    result = service.import_file(path, ImportOptions())
    by_row = {p.row: p for p in result.problems}
    assert not result.written and set(by_row) == {5, 6}
    # row 5: 10 + 10 + 10 = 30万 against 35万 (350,000 yuan) for January–March: the column that is the three
    # months (1-3月累计) against their sum, worded as a quarter's (fix29e; before, as a year to date's)
    assert by_row[5].problem.code == "quarter_months_differ" and by_row[5].column == "F"
    text = "“1-3月累计完成投资（万元）”, ¥0.35 mn, is months 1–3 of 2025, but the row's own months 1, 2, 3 add up to "
    text += "¥0.30 mn"
    assert text in by_row[5].reason("en") and by_row[5].value == "35"
    # row 6: January's 10万 alone is more than the year to date of 5万
    assert by_row[6].problem.code == "months_ytd_disagree"


def test_two_runs_of_empty_months_share_what_is_left_only_when_nothing_is(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """1月 10 | 2月 – | 3月 10 | 4月 – | 1-4月 30: 10万 is left for February or April — whose? asked."""
    project_list(service, tmp_path)
    head = ["1月", "2月", "3月", "4月", "1-4月累计完成投资（万元）"]
    row = [1, NAMES[0], 10, None, 10, None, 30]
    path = wide(tmp_path / "gap.xlsx", "肇庆市2025年1-4月重点项目完成投资情况表", head, row)
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "months_gap_ytd"
    assert "year to date ¥0.30 mn through 2025-04 leaves ¥0.10 mn for months 2, 4" in problem.reason("en")
    assert "2025年1–4月累计 30万元 扣除所填各月后余 10万元" in problem.reason("zh")  # as the sheet writes them


# -- probe25c M4: a sheet named after a month over a header of another -------------------------------------------
def named_sheet(path: Path, sheet: str) -> Path:
    rows = [[TITLE], ["单位：万元"], ["序号", "项目名称", "计划总投资（万元）", "1-9月累计完成投资（万元）"],
            [1, NAMES[0], 50000, 15000], [2, NAMES[1], 12000, 4800]]  # fmt: skip
    return write_workbook(path, SheetSpec(sheet, rows))


def test_a_sheet_named_for_one_month_over_a_header_of_another_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """c43c: sheet 10月, a title with no month, 1-9月累计: stored as through September, silently."""
    path = named_sheet(tmp_path / "c43c.xlsx", "10月")
    result = service.import_file(path, ImportOptions())
    assert not result.written and [p.problem.code for p in result.problems] == ["period_sheet_header"]
    assert "--period 2025-9" in result.problems[0].reason("en") and result.problems[0].column == "D"
    result = service.import_file(path, ImportOptions(period=(2025, 9)))
    assert result.ok and records(ctx, NAMES[0]) == [(2025, 1, 9, 150_000_000)]  # 15,000万 over January–September


def test_a_months_report_takes_its_headers_month_and_says_so(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """c43b: sheet 10月报 (filed in October, often about September) over 1-9月累计: through September, noted."""
    result = service.import_file(named_sheet(tmp_path / "c43b.xlsx", "10月报"), ImportOptions())
    assert result.ok and records(ctx, NAMES[1]) == [(2025, 1, 9, 48_000_000)]  # 4,800万
    (note,) = [n for n in result.notes if n.code == "note_period_report_sheet"]
    assert "read as through 2025-9, as the header says" in note.message("en")


# -- probe25b C08: dates compared at their precision --------------------------------------------------------------
def test_a_construction_period_year_is_not_before_a_day_in_that_year(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """建设年限 2025-2026 with 签约时间 2025-02-10: "Construction start (2025-01-01) is before Signed
    (2025-02-10)" refused a valid file. 2025 is any day of 2025; 2024-2026 after a 2025 signing is still
    refused, each date shown at its precision."""
    rows = [[TITLE], ["单位：万元"], ["序号", "项目名称", "计划总投资（万元）", "签约时间", "开工时间", "建设年限"],
            [1, NAMES[0], 35000, datetime(2025, 2, 10), None, "2025-2026"],
            [2, NAMES[1], 58000, datetime(2024, 6, 8), datetime(2025, 1, 18), "2024-2025"]]  # fmt: skip
    path = write_workbook(tmp_path / "c08.xlsx", SheetSpec("Sheet1", rows))
    result = service.import_file(path, ImportOptions())
    assert result.ok, result.problems
    first = next(p for p in ctx.projects.all_projects() if p.name == NAMES[0])
    assert (first.construction_start_on.year, first.construction_start_on_precision) == (2025, DatePrecision.YEAR)
    rows.append([3, NAMES[2], 12000, datetime(2025, 3, 1), None, "2024-2026"])
    result = service.import_file(write_workbook(tmp_path / "c08b.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    (problem,) = result.problems
    assert problem.row == 6 and "Construction start (2024) is before Signed (2025-03-01)" in problem.reason("en")
