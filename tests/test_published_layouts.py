"""Layouts of published key-project tables (龙岩 形象进度, 沣西 进度表, 漳州 明细表, provincial lists) as
a probe of real structures found them misread or refused: a signature line under the table, periods
in a merged header over 完成投资 / 占年度计划 / 到位资金, 本月 beside 自年初累计, a county-level city in the
title, addresses, 开工状态, construction periods written 2023-03/2025-12 or 23.3-25.12. Real .xlsx files
through ImportService, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def codes(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.code for n in result.notes}


@pytest.mark.parametrize(
    "footer",
    [
        ["填报单位：肇庆市发展和改革局          填表人：李明          联系电话：0758-2281234", "", ""],
        ["填表人：李明", "审核人：王芳", "联系电话：0758-2281234"],
        ["联系电话：0758-2281234", "", ""],
    ],
)
def test_a_signature_line_under_the_table_ends_it(
    service: ImportService, ctx: AppContext, tmp_path: Path, footer: list
) -> None:
    """序号 | 项目名称 | 年度计划投资 and a signature line under the rows: the import ended in an
    IndexError (exit 3); the line is a note under the table, not a project's continuation."""
    path = write_workbook(tmp_path / "plan.xlsx", SheetSpec("Sheet", [
        ["肇庆市2024年重点项目建设形象进度", "", ""],
        ["序号", "项目名称", "年度计划投资(万元)"],
        [1, "端州区测试项目一", 20000],
        [2, "端州区测试项目二", 10000],
        footer,
    ]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2 and result.plans == 2
    assert "note_notes_from" in codes(result) and "note_continuations" not in codes(result)


def records(ctx: AppContext, name: str) -> dict[tuple[int, int, int], int]:
    """{(year, first month, last month): yuan} of a project's records."""
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == name)
    return {(r.year, r.first, r.month): r.amount for r in ctx.projects.investment(pid)}


def two_row_report(path: Path, top: list, below: list, row: list) -> Path:
    """A 形象进度 report whose figures sit under a merged group header: 序号, 项目名称, 总投资 (and a
    group with nothing below it) merged down, each group merged across the columns under it."""
    width = 3 + len(top)
    rows = [
        ["肇庆市2024年9月重点项目建设形象进度"] + [""] * (width - 1),
        ["单位：万元"] + [""] * (width - 1),
        ["序号", "项目名称", "总投资", *top],
        ["", "", "", *below],
        [1, "端州区测试项目一", 50000, *row],
    ]
    letters = "ABCDEFGHIJKLMNOP"
    merges = [f"{letters[j]}3:{letters[j]}4" for j in range(3)]
    for j, text in enumerate(top, start=3):
        span = next((k for k in range(j + 1, width) if top[k - 3]), width) - 1
        if text and span > j:
            merges.append(f"{letters[j]}3:{letters[span]}3")
        elif text and not below[j - 3]:
            merges.append(f"{letters[j]}3:{letters[j]}4")
    return write_workbook(path, SheetSpec("Sheet1", rows, merges=merges))


@pytest.mark.parametrize(
    ("top", "below", "row"),
    [
        (["1-9月完成投资", ""], ["完成投资", "占年度计划(%)"], [16000, 80]),
        (["1～9月", "", ""], ["完成投资", "到位资金", "占年度计划(%)"], [16000, 17500, 80]),
        (["2024年1-9月", ""], ["完成投资（万元）", "占年度计划(%)"], [16000, 80]),
    ],
)
def test_a_period_over_the_figure_makes_it_the_year_to_date(
    service: ImportService, ctx: AppContext, tmp_path: Path, top: list, below: list, row: list
) -> None:
    """1-9月完成投资 merged over 完成投资 | 占年度计划: the figure was stored as September's alone, and
    under 1～9月 beside 到位资金 the funds were taken for it; it is Jan–Sep's as one figure."""
    path = two_row_report(tmp_path / "report.xlsx", top, below, row)
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, "端州区测试项目一") == {(2024, 1, 9): 16000 * WAN}


@pytest.mark.parametrize(
    ("top", "below"),
    [
        (["本年完成投资", "", ""], ["本月", "自年初累计", "占年计划%"]),
        (["完成投资", "", ""], ["当月", "1-9月累计", "占年度计划(%)"]),
    ],
)
def test_the_month_beside_the_year_to_date_under_one_group(
    service: ImportService, ctx: AppContext, tmp_path: Path, top: list, below: list
) -> None:
    """本年完成投资 over 本月 | 自年初累计: 本月 was stored as the year to date and 自年初累计 left out;
    each is what it says: a first report splits Jan–Sep into Jan–Aug and September."""
    path = two_row_report(tmp_path / "report.xlsx", top, below, [2000, 16000, 80])
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, "端州区测试项目一") == {(2024, 1, 8): 14000 * WAN, (2024, 9, 9): 2000 * WAN}
    disagree = two_row_report(tmp_path / "disagree.xlsx", top, below, [2500, 16000, 80])  # derived: 2000
    again = service.import_file(disagree, ImportOptions())
    assert not again.ok and [p.problem.code for p in again.problems] == ["resent_month_disagree"]


def test_since_start_and_last_years_total_under_their_groups(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """开工累计 over 完成投资 is the since-start figure; 开工至上一年度底累计 over 完成投资 is no figure of
    this year; 至2023年底完成投资 (no 累计) is the total through December 2023."""
    path = two_row_report(
        tmp_path / "report.xlsx",
        ["开工至上一年度底累计", "1-9月完成投资", "开工累计", "", "至2023年底完成投资"],
        ["完成投资", "完成投资", "完成投资", "到位资金", ""],
        [30000, 16000, 46000, 47000, 30000],
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert records(ctx, "端州区测试项目一") == {(2024, 1, 9): 16000 * WAN}
    [project] = ctx.projects.all_projects()
    assert (project.since_start_amount, project.since_start_year, project.since_start_month) == (46000 * WAN, 2024, 9)


def project_list(path: Path, title: str, head: list, *rows: list) -> Path:
    return write_workbook(path, SheetSpec("Sheet1", [[title] + [""] * (len(head) - 1), head, *map(list, rows)]))


def test_a_county_level_city_in_the_title_is_the_district(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """四会市 (a 县级市 of 肇庆) in the title of a fresh database's first list: its district, as 高要区
    would be; a prefecture-level 肇庆市 is not."""
    head = ["序号", "项目名称", "计划总投资（万元）"]
    path = project_list(tmp_path / "sihui.xlsx", "四会市2024年上半年签约项目清单", head, [1, "四会五金产业园", 20000])
    assert service.import_file(path, ImportOptions()).ok
    city = project_list(tmp_path / "city.xlsx", "肇庆市2024年重点项目", head, [1, "鼎湖物流园", 10000])
    assert service.import_file(city, ImportOptions()).ok
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {"四会五金产业园": "四会市", "鼎湖物流园": None}


def test_an_address_gives_its_county(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """建设地点 as addresses on a fresh database: the county an address begins with (after a province
    and city), a known park before the area in it — never the whole address as a district."""
    head = ["序号", "项目名称", "建设地点", "计划总投资（万元）"]
    path = project_list(tmp_path / "sites.xlsx", "2024年省重点项目", head,
                        [1, "德庆南药加工项目", "德庆县德城街道", 10000],
                        [2, "金利五金产业园", "广东省肇庆市高要区金利镇", 20000],
                        [3, "四会物流园", "四会市东城街道", 5000],
                        [4, "大旺电子项目", "肇庆高新区", 8000],
                        [5, "大旺新材料项目", "肇庆高新区大旺", 6000])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {
        "德庆南药加工项目": "德庆县",
        "金利五金产业园": "高要区",
        "四会物流园": "四会市",
        "大旺电子项目": "肇庆高新区",
        "大旺新材料项目": "肇庆高新区",
    }


def test_the_start_state_column_says_under_construction(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["序号", "项目名称", "所在区域", "计划总投资（万元）", "开工状态"]
    path = project_list(tmp_path / "start.xlsx", "2024年重点项目", head,
                        [1, "端州电子项目", "端州区", 10000, "已开工"],
                        [2, "端州食品项目", "端州区", 5000, "未开工"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and "note_default_status" in codes(result)  # 未开工: no stage said, the default one
    assert {p.name: p.status.value for p in ctx.projects.all_projects()} == {
        "端州电子项目": "under_construction",
        "端州食品项目": "signed",
    }


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [("2023-03/2025-12", (2023, 3), (2025, 12)), ("23.3-25.12", (2023, 3), (2025, 12))],
)
def test_construction_periods_as_exports_write_them(
    service: ImportService, ctx: AppContext, tmp_path: Path, period: str, start: tuple, end: tuple
) -> None:
    """建设起止年限 of the 沣西 export (start/end) and the 漳州 list (two-digit years) were refused."""
    head = ["序号", "项目名称", "所在区域", "计划总投资（万元）", "建设起止年限"]
    path = project_list(tmp_path / "period.xlsx", "2024年重点项目", head, [1, "端州电子项目", "端州区", 10000, period])
    result = service.import_file(path, ImportOptions())
    assert result.ok, [p.reason("en") for p in result.problems]
    [p] = ctx.projects.all_projects()
    assert p.construction_start_on is not None and p.production_on is not None
    assert (p.construction_start_on.year, p.construction_start_on.month) == start
    assert (p.production_on.year, p.production_on.month) == end
