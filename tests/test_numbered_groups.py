"""Key-project lists that group their projects by 序号: a row numbered 1 over rows numbered 1-1, 1.1
or （1） is a group (its amounts their subtotal) naming the sector of the rows under it, never a
project — it was read as one, doubling the total. A project over its parts (一期, 二期) keeps them
as parts. Real .xlsx files through the import service, both engines; totals worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "项目名称", "所在县（市、区）", "总投资（亿元）", "建设性质"]
YI = 100_000_000


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def stored(ctx: AppContext) -> dict[str, tuple[str | None, str | None, int | None]]:
    return {p.name: (p.sector, p.district, p.planned_investment) for p in ctx.projects.all_projects()}


def test_groups_numbered_1_over_1_1(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "c08.xlsx", SheetSpec("Sheet1", [["2025年四会市重点项目表"], HEAD,
        ["1", "新能源汽车产业项目（2个）", None, 128.35, None],
        ["1-1", "宁德时代肇庆动力电池生产基地项目（二期）", "肇庆高新区", 120, "续建"],
        ["1-2", "鸿图汽车零部件智能制造项目", "四会市", 8.35, "续建"],
        ["2", "新材料产业项目（2个）", None, 37.7, None],
        ["2-1", "风华高科电子元器件扩产项目", "端州区", 22.7, "续建"],
        ["2-2", "理士新能源储能电池项目", "鼎湖区", 15, "续建"],
        ["3", "现代服务业项目（1个）", None, 6.08, None],
        ["3-1", "广宁县竹产业物流园", "广宁县", 6.08, "续建"]]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5  # not 8: the three group rows are no projects
    projects = stored(ctx)
    assert sum(v[2] or 0 for v in projects.values()) == 17_213_000_000  # 120 + 8.35 + 22.7 + 15 + 6.08 亿, once
    assert projects["鸿图汽车零部件智能制造项目"] == ("新能源汽车产业", "四会市", 835_000_000)
    assert projects["广宁县竹产业物流园"][:2] == ("现代服务业", "广宁县")
    assert service.import_file(path, ImportOptions()).unchanged == 5  # again: nothing changes


@pytest.mark.parametrize(
    "first, second, third", [("1.1", "1.2", "2.1"), (1.1, 1.2, 2.1), ("（1）", "（2）", "（1）"), ("①", "②", "①")]
)
def test_other_ways_of_numbering_the_rows_under_a_group(
    service: ImportService, ctx: AppContext, tmp_path: Path, first: object, second: object, third: object
) -> None:
    path = write_workbook(tmp_path / "g.xlsx", SheetSpec("Sheet1", [["2025年肇庆市重点项目"], HEAD,
        [1, "先进制造业项目", None, 53.95, None],
        [first, "小鹏汽车肇庆基地二期扩建项目", "高要区", 45.6, "续建"],
        [second, "鸿图汽车零部件智能制造项目", "四会市", 8.35, "续建"],
        [2, "基础设施项目", None, 96.5, None],
        [third, "怀阳高速公路怀集段", "怀集县", 96.5, "新建"]]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    assert sum(v[2] or 0 for v in stored(ctx).values()) == 15_045_000_000  # 45.6 + 8.35 + 96.5 亿
    assert stored(ctx)["怀阳高速公路怀集段"][0] == "基础设施"


def test_groups_with_a_name_alone_and_a_total_counting_the_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_workbook(tmp_path / "c51.xlsx", SheetSpec("Sheet1", [["2025年肇庆市重点项目表"], HEAD,
        ["1", "新能源汽车产业", None, None, None],
        ["1-1", "小鹏汽车肇庆基地二期扩建项目", "高要区", 45.6, "续建"],
        ["1-2", "鸿图汽车零部件智能制造项目", "四会市", 8.35, "续建"],
        ["2", "现代服务业", None, None, None],
        ["2-1", "肇庆新区国际会展中心", "鼎湖区", 31.2, "新开工"],
        ["合计（3个）", None, None, 85.15, None]]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    codes = {n.code for n in result.notes}
    assert "note_count_differs" not in codes and "note_total_differs" not in codes  # 3 projects, 85.15 亿: as said


def test_a_project_over_its_parts_keeps_them_as_parts(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "parts.xlsx", SheetSpec("Sheet1", [["2025年高要区重点项目"], HEAD,
        [1, "金利五金产业园项目", "高要区", 50, "新建"],
        ["1-1", "一期厂房", None, 20, None],
        ["1-2", "二期厂房", None, 30, None],
        [2, "高要物流园项目", "高要区", 12, "续建"]]))  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2
    assert stored(ctx)["金利五金产业园项目"][2] == 50 * YI and "一期厂房" not in stored(ctx)
    (note,) = [n for n in result.notes if n.code == "note_parts"]
    assert note.params["count"] == 2  # rows 4 and 5: 一期, 二期


def test_numbered_projects_without_groups_are_all_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    path = write_workbook(tmp_path / "plain.xlsx", SheetSpec("Sheet1", [["2025年重点项目"], HEAD,
        [1, "甲项目", "高要区", 5, "新建"], [2, "乙项目", "四会市", 6, "新建"],
        [3, "丙项目", "端州区", 7, "续建"]]))  # fmt: skip
    assert service.import_file(path, ImportOptions()).added == 3


@pytest.mark.parametrize("numbers", [["一", "二", "三"], ["一、", "二、", "三、"]])
def test_projects_numbered_yi_er_san_with_their_enterprise_are_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path, numbers: list[str]
) -> None:
    """一 | 怀集绿色建材产业园项目 | 怀集建材集团有限公司 | 5 | 签约: read as a section heading (probe19b: the
    whole list, 0 added, exit 0). A section heading never names an enterprise."""
    head = ["序号", "项目名称", "投资方", "总投资（亿元）", "项目状态"]
    rows = [["怀集县2024年签约项目"], head,
            [numbers[0], "怀集绿色建材产业园项目", "怀集建材集团有限公司", 5, "签约"],
            [numbers[1], "燕窝深加工项目", "怀集燕都食品有限公司", 0.8, "在建"],
            [numbers[2], "光伏发电项目", "怀集阳光能源有限公司", 3.5, "签约"]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "f12.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 3, [p.reason("en") for p in result.problems]
    assert sorted(v[2] for v in stored(ctx).values()) == [80_000_000, 350_000_000, 500_000_000]
