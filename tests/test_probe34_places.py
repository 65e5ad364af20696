"""Projects named with a place are not district rows (probe34a F3, F4): 农村生活污水治理工程（四会市） with an
enterprise was taken for a district row, so a sheet of three such projects was left out as a "summary by
district" (exit 0, a note) or refused when alone; 金利工业园区（一期） and 鼎湖温泉度假区（二期） were asked about
as "a place alone" (the phase bracket stripped as a remark, 金利工业园区 taken for a district). The shapes that
were right stay right: district group rows with a bracket (肇庆高新区（大旺）（1个）, 高要区（含金利镇）), a project
named 高要区（金利镇）污水处理厂, a sheet of district rows among one project. Real .xlsx files written by openpyxl,
imported through the service on both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

TITLE = ["2025年肇庆市重点项目表"]
HEAD = ["序号", "项目名称", "建设单位", "行业", "总投资（万元）", "1-10月完成投资（万元）"]
SHORT = ["序号", "项目名称", "总投资（万元）", "1-10月完成投资（万元）"]
SEWAGE = [  # probe34a B2: the district only inside the brackets, after the project's words; an enterprise each
    [1, "农村生活污水治理工程（四会市）", "四会水务公司", "基础设施", 3000, 800],
    [2, "农村生活污水治理工程（广宁县）", "广宁水务公司", "基础设施", 2500, 600],
    [3, "农村生活污水治理工程（怀集县）", "怀集水务公司", "基础设施", 2800, 700],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _planned(ctx: AppContext) -> dict[str, tuple[str | None, int | None]]:
    """Project name → (district, planned investment in yuan: 总投资)."""
    return {p.name: (p.district, p.planned_investment) for p in ctx.projects.all_projects()}


def _summary_notes(result: ImportResult) -> list:
    return [n for n in result.notes if n.code == "note_summary_table"]


def test_projects_named_with_their_district_in_brackets_are_a_list(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """B2.xlsx, the sheet alone: was refused as "looks like a summary table"."""
    path = write_workbook(tmp_path / "b2.xlsx", SheetSpec("项目表", [TITLE, HEAD, *SEWAGE]))
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    totals = {name: total for name, (_d, total) in _planned(ctx).items()}
    assert totals == {
        "农村生活污水治理工程（四会市）": 30_000_000,  # 3000 万
        "农村生活污水治理工程（广宁县）": 25_000_000,
        "农村生活污水治理工程（怀集县）": 28_000_000,
    }
    assert not _summary_notes(result)


def test_a_sheet_of_such_projects_beside_another_list_is_not_left_out(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """B2b.xlsx: exit 0 with 1 added and a note that 项目表 "looks like a summary table" — 3 projects lost."""
    other = [TITLE, HEAD, [1, "端州宏达新材料项目", "宏达公司", "先进制造业", 10000, 2000]]
    path = write_workbook(
        tmp_path / "b2b.xlsx", SheetSpec("项目表", [TITLE, HEAD, *SEWAGE]), SheetSpec("其他项目", other)
    )
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 4, [p.reason("en") for p in result.problems]
    assert sum(total or 0 for _d, total in _planned(ctx).values()) == 183_000_000  # 3000+2500+2800+10000 万
    assert not _summary_notes(result)


def test_district_rows_with_an_enterprise_are_no_summary(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Rows named 四会市 / 广宁县 but each with an enterprise: something marks them as projects, so the sheet is
    not left out as a summary by district (it is read as a list: imported or asked, never skipped)."""
    rows = [
        TITLE,
        HEAD,
        [1, "四会市", "四会水务公司", "基础设施", 3000, 800],
        [2, "广宁县", "广宁水务公司", "基础设施", 2500, 600],
    ]
    result = service.import_file(write_workbook(tmp_path / "e.xlsx", SheetSpec("项目表", rows)), ImportOptions())
    assert not _summary_notes(result)
    assert result.problems or result.added == 2, [n.message("en") for n in result.notes]


@pytest.mark.parametrize("phase", ["（一期）", "（二期）", "（三期）", "(一期)"])
def test_a_park_or_resort_with_a_phase_is_a_project(
    service: ImportService, ctx: AppContext, tmp_path: Path, phase: str
) -> None:
    """B4.xlsx: refused, "金利工业园区（一期） — the row names a place alone"."""
    rows = [
        TITLE,
        SHORT,
        [1, f"金利工业园区{phase}", 3000, 800],
        [2, f"鼎湖温泉度假区{phase}", 2500, 600],
        [3, "端州宏达新材料项目", 10000, 2000],
    ]
    result = service.import_file(write_workbook(tmp_path / "b4.xlsx", SheetSpec("项目表", rows)), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    totals = {name: total for name, (_d, total) in _planned(ctx).items()}
    assert totals[f"金利工业园区{phase}"] == 30_000_000 and totals[f"鼎湖温泉度假区{phase}"] == 25_000_000


def test_a_park_named_alone_is_a_project(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """金利工业园区 and 鼎湖温泉度假区 without a phase: a park's or resort's name with more words, not a district."""
    rows = [TITLE, SHORT, [1, "金利工业园区", 3000, 800], [2, "鼎湖温泉度假区", 2500, 600], [3, "宏达项目", 100, 20]]
    result = service.import_file(write_workbook(tmp_path / "p.xlsx", SheetSpec("项目表", rows)), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]


def test_district_group_rows_and_a_project_named_with_its_district_stay_right(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """B1.xlsx (right before the fix): group rows 肇庆高新区（大旺）（1个）, 高要区（含金利镇）, 四会市（1个) give their
    districts; the project 高要区（金利镇）污水处理厂 is a project of 高要区."""
    rows = [
        TITLE,
        HEAD,
        ["一", "肇庆高新区（大旺）（1个）", None, None, 5000, 1000],
        [1, "大旺电子元件项目", "大旺电子公司", "先进制造业", 5000, 1000],
        ["二", "高要区（含金利镇）", None, None, 9000, 1800],  # 3000+6000, 800+1000
        [1, "高要区（金利镇）污水处理厂", "高要水务公司", "基础设施", 3000, 800],
        [2, "金利五金产业园项目", "金利五金公司", "先进制造业", 6000, 1000],
        ["三", "四会市（1个）", None, None, 2000, 300],
        [1, "四会玉器城项目", "四会玉器公司", "现代服务业", 2000, 300],
    ]
    result = service.import_file(write_workbook(tmp_path / "b1.xlsx", SheetSpec("项目表", rows)), ImportOptions())
    assert result.ok and result.added == 4, [p.reason("en") for p in result.problems]
    assert {name: d for name, (d, _t) in _planned(ctx).items()} == {
        "大旺电子元件项目": "肇庆高新区",
        "高要区（金利镇）污水处理厂": "高要区",
        "金利五金产业园项目": "高要区",
        "四会玉器城项目": "四会市",
    }


def test_district_rows_among_one_project_are_still_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """B3.xlsx (right before the fix): 四会市 / 广宁县 / 怀集县 rows beside one project — each place row asked."""
    rows = [
        TITLE,
        SHORT,
        [1, "四会市", 3000, 800],
        [2, "广宁县", 2500, 600],
        [3, "端州宏达新材料项目", 10000, 2000],
        [4, "怀集县", 2800, 700],
        ["合计", None, 18300, 4100],
    ]
    result = service.import_file(write_workbook(tmp_path / "b3.xlsx", SheetSpec("项目表", rows)), ImportOptions())
    assert [p.problem.code for p in result.problems] == ["place_row"] * 3, [p.reason("en") for p in result.problems]
    assert ctx.projects.all_projects() == []
