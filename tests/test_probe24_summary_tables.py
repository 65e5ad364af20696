"""Summary tables and count rows read as projects (probe24c M1, M2): a table whose category column is
headed 项目名称 / 项目 (先进制造业, 亿元以上项目, 签约项目, "3个") is refused in one sentence; a count row
(本月新签约项目（3个，…）), a whole-area row (全区（4个）, 全区) and a package over its sub-projects
(…项目（含2个子项目）) are never projects of their own. Real .xlsx files written by openpyxl, imported
through the service, both engines; figures worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
YI = 100_000_000
LIST = ["序号", "项目名称", "企业名称", "总投资（万元）", "1-10月完成投资（万元）", "项目状态"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def sheet(tmp_path: Path, name: str, *rows: list, title: str = "肇庆市2025年1-10月重点项目完成情况") -> Path:
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[title], ["单位：万元"], *map(list, rows)]))


def stored(ctx: AppContext) -> dict[str, tuple[int | None, str | None]]:
    return {p.name: (p.planned_investment, p.district) for p in ctx.projects.all_projects()}


def refused(service: ImportService, path: Path, **options: object) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as caught:
        service.import_file(path, ImportOptions(**options))  # type: ignore[arg-type]
    return caught.value


SECTORS = ["先进制造业", "新能源汽车", "新材料", "电子信息", "生物医药"]


def test_sector_names_under_a_name_header_with_a_count_are_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A14: 序号 | 项目名称 | 项目个数 | 总投资 | 1-10月完成投资 over 先进制造业 … 生物医药 and 合计: stored as 5
    projects (100000 + … + 500000 万元 = 15,000,000,000 yuan planned). Nothing is stored; the sentence names the sheet,
    the column and its first values."""
    rows = [[i + 1, s, 3 + i, 100000 * (i + 1), 40000 * (i + 1)] for i, s in enumerate(SECTORS)]
    path = sheet(tmp_path, "a14", ["序号", "项目名称", "项目个数", "总投资（万元）", "1-10月完成投资（万元）"], *rows,
                 ["合计", None, 25, 1500000, 600000])  # fmt: skip
    error = refused(service, path)
    assert error.code == "summary_table" and stored(ctx) == {}
    en, zh = str(error), error.message("zh")
    assert "“Sheet1”" in en and "column B “项目名称”" in en and "先进制造业、新能源汽车、新材料…" in en
    assert "summary table" in en and "汇总表" in zh


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        # A15: sector names alone, no count column (占比 beside them)
        (["序号", "项目名称", "总投资（万元）", "占比（%）"], [[i + 1, s, 100000, 20] for i, s in enumerate(SECTORS)]),
        # A20: size classes, with a count
        (
            ["序号", "项目名称", "项目个数", "总投资（亿元）"],
            [[1, "10亿元以上项目", 3, 45], [2, "亿元以上项目", 20, 80], [3, "5000万元以上项目", 15, 11]],
        ),
        # A09: a district's key projects, one row each
        (
            ["序号", "项目名称", "项目个数", "总投资（万元）"],
            [[i + 1, f"{d}重点项目", 4, 50000] for i, d in enumerate(["端州区", "鼎湖区", "高要区", "四会市"])],
        ),
        # A08: header 项目 over stage classes, 个数 beside them
        (
            ["项目", "个数", "总投资（万元）", "备注"],
            [
                ["签约项目", 32, 1250000, None],
                ["开工项目", 21, 860000, None],
                ["投产项目", 9, 230000, None],
                ["在谈项目", 40, 3100000, "含意向"],
            ],
        ),
        # A16: 项目 holds counts written as text
        (
            ["县（市、区）", "项目", "总投资（万元）"],
            [["端州区", "3个", 100000], ["鼎湖区", "4个", 110000], ["高要区", "5个", 120000]],
        ),
        # A21: 项目 holds the counts as numbers
        (["所在区域", "项目", "总投资（万元）"], [["端州区", 5, 125000], ["鼎湖区", 4, 86000]]),
    ],
)
def test_classes_or_counts_under_a_name_header_are_refused(
    service: ImportService, ctx: AppContext, tmp_path: Path, header: list, rows: list
) -> None:
    """Each of these was stored as projects named 先进制造业, 亿元以上项目, 端州区重点项目, 签约项目, "3个" or "5"."""
    path = sheet(tmp_path, "summary", header, *rows)
    error = refused(service, path)
    assert error.code == "summary_table" and stored(ctx) == {}
    first = str(rows[0][1]) if header[0] != "项目" else rows[0][0]
    assert first in str(error)  # (5 as "5", 签约项目, 3个 …: the column's own first value)


def test_stored_sector_names_alone_are_a_summary(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """预制菜, 低空经济, 跨境服务 hold no industry word zqtracker knows; stored as sectors, a table of them under
    项目名称 is a summary too."""
    seed = sheet(tmp_path, "seed", ["项目名称", "企业名称", "所属行业", "总投资（万元）"],
                 ["鼎湖预制菜加工项目", "甲公司", "预制菜", 5000], ["鼎湖无人机项目", "乙公司", "低空经济", 8000],
                 ["鼎湖外贸综合服务项目", "丙公司", "跨境服务", 3000])  # fmt: skip
    assert service.import_file(seed, ImportOptions()).ok
    path = sheet(tmp_path, "by_sector", ["序号", "项目名称", "总投资（万元）"],
                 [1, "预制菜", 5000], [2, "低空经济", 8000], [3, "跨境服务", 3000])  # fmt: skip
    assert refused(service, path).code == "summary_table"
    assert len(stored(ctx)) == 3  # the seed's three projects alone


def test_a_summary_sheet_beside_the_list_is_skipped_with_a_note(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    header = ["项目名称", "项目个数", "总投资（万元）"]
    summary = SheetSpec("汇总", [header, ["先进制造业", 2, 80000], ["新材料", 1, 8000]])
    details = SheetSpec("明细", [LIST, [1, "鼎湖储能电池项目", "甲公司", 60000, 25000, "在建"],
                                [2, "鼎湖五金项目", "乙公司", 20000, 8000, "在建"],
                                [3, "鼎湖新材料项目", "丙公司", 8000, 2000, "在建"]])  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "two.xlsx", summary, details), ImportOptions())
    assert result.ok and result.added == 3  # 60000 + 20000 + 8000 万元 = 880,000,000 yuan, counted once
    assert sum(v for v, _d in stored(ctx).values() if v) == 880_000_000
    (note,) = [n for n in result.notes if n.code == "note_summary_table"]
    assert "“汇总”" in note.message("en") and "先进制造业、新材料" in note.message("en")
    asked = refused(service, write_workbook(tmp_path / "two.xlsx", summary, details), sheets=["汇总"])
    assert asked.code == "summary_table"  # the summary asked for by name: said the same way


def test_real_lists_stay_lists(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """D12: a 项目个数 column of 1s on the projects (2 on the section rows) is a list; one terse name
    (新能源汽车) among four projects is a project; 年产30万个轮毂项目 names a product's quantity, not a count."""
    path = sheet(tmp_path, "d12", ["序号", "项目名称", "项目个数", "总投资（万元）", "项目状态"],
                 [None, "一、工业项目", 2, 80000, None], [1, "鼎湖储能电池项目", 1, 60000, "在建"],
                 [2, "年产30万个轮毂项目", 1, 20000, "在建"], [None, "二、新能源项目", 3, 158000, None],
                 [3, "新能源汽车", 1, 150000, "在建"], [4, "鼎湖食品加工项目", 1, 5000, "在建"],
                 [5, "鼎湖五金项目", 1, 3000, "在建"])  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 5  # 60000 + 20000 + 150000 + 5000 + 3000 = 238000 万元
    assert sum(v for v, _d in stored(ctx).values() if v) == 238000 * WAN
    assert "年产30万个轮毂项目" in stored(ctx) and "新能源汽车" in stored(ctx)


def test_the_user_may_say_the_column_names_projects(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [[i + 1, s, 100000] for i, s in enumerate(SECTORS[:3])]
    path = sheet(tmp_path, "said", ["序号", "项目名称", "总投资（万元）"], *rows)
    assert refused(service, path).code == "summary_table"
    result = service.import_file(path, ImportOptions(column_map={"B": "name"}))
    assert result.ok and sorted(stored(ctx)) == sorted(SECTORS[:3])


def test_a_count_row_over_a_signed_list_is_not_a_project(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """I04: 本月新签约项目（3个，协议投资额12亿元） | 12 over three projects of 5, 3 and 4 亿元: stored as a fourth
    project (2,400,000,000 yuan in all). Now 3 projects, 1,200,000,000 yuan."""
    path = sheet(tmp_path, "i04", ["序号", "项目名称", "县（市、区）", "协议投资额（亿元）"],
                 [None, "本月新签约项目（3个，协议投资额12亿元）", None, 12], [1, "端州区电子元件项目", "端州区", 5],
                 [2, "鼎湖区食品项目", "鼎湖区", 3], [3, "四会储能项目", "四会市", 4],
                 title="2025年10月全市新签约项目情况")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3
    assert sum(v for v, _d in stored(ctx).values() if v) == 12 * YI  # (5 + 3 + 4) 亿元


@pytest.mark.parametrize(
    ("label", "figures"), [("全区（4个）", [238000, 45000]), ("全区", [None, None]), ("全区合计", [238000, 45000])]
)
def test_the_whole_area_row_is_a_total(
    service: ImportService, ctx: AppContext, tmp_path: Path, label: str, figures: list
) -> None:
    """D08, D08d: 全区（4个） with the sums over a 高要区 list was taken as a district section — every project in
    a new district 全区; a plain 全区 row was stored as a project named 全区."""
    path = sheet(tmp_path, "d08", LIST, [None, label, None, *figures, None],
                 [1, "高要区金属智造产业园项目", "甲公司", 60000, 25000, "在建"],
                 [2, "高要区新能源电池材料项目", "乙公司", 150000, 10000, "在建"],
                 [3, "高要区五金卫浴项目", "丙公司", 20000, 8000, "在建"],
                 [4, "高要区食品加工项目", "丁公司", 8000, 2000, "在建"],
                 title="肇庆市高要区2025年1-10月重点项目进展情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 4 and result.new_districts == ["高要区"]
    assert {d for _v, d in stored(ctx).values()} == {"高要区"}  # 60000 + 150000 + 20000 + 8000 = 238000 万元
    assert sum(v for v, _d in stored(ctx).values() if v) == 238000 * WAN


def test_a_package_over_its_sub_projects_is_their_total(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """D13: 高要区家居产业园项目（含2个子项目） 50000 over 1.家居A子项目 30000 and 2.家居B子项目 20000 (序号 blank):
    all three were stored, 500,000,000 yuan counted twice. The package's 50000 = 30000 + 20000 is their total."""
    path = sheet(tmp_path, "d13", LIST, [1, "高要区家居产业园项目（含2个子项目）", "园区公司", 50000, 20000, "在建"],
                 [None, "1.家居A子项目", "A公司", 30000, 12000, "在建"],
                 [None, "2.家居B子项目", "B公司", 20000, 8000, "在建"],
                 [2, "高要区新能源电池材料项目", "乙公司", 150000, 10000, "在建"],
                 title="肇庆市高要区2025年1-10月重点项目进展情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 3 and not any("含2个子项目" in name for name in stored(ctx))
    assert sum(v for v, _d in stored(ctx).values() if v) == 200000 * WAN  # 30000 + 20000 + 150000 万元
    # the sub-projects' list numbers are the package's, not part of their names
    assert sorted(stored(ctx)) == ["家居A子项目", "家居B子项目", "高要区新能源电池材料项目"]
    (note,) = [n for n in result.notes if n.code == "note_package_total"]
    assert "row 4" in note.message("en") and "含2个子项目" in note.message("en")


def test_a_package_whose_figures_are_not_its_parts_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The package says 60000 over sub-projects of 30000 + 20000 = 50000: a project of its own beside them, or
    their total with a slip? Asked on the package's row; nothing written."""
    path = sheet(tmp_path, "d13b", LIST, [1, "高要区家居产业园项目（含2个子项目）", "园区公司", 60000, 20000, "在建"],
                 [None, "1.家居A子项目", "A公司", 30000, 12000, "在建"],
                 [None, "2.家居B子项目", "B公司", 20000, 8000, "在建"],
                 title="肇庆市高要区2025年1-10月重点项目进展情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert problem.problem.code == "package_row" and problem.row == 4 and problem.column == "B"
    assert not result.written and stored(ctx) == {}


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        ("（1）家居A子项目", "（2）家居B子项目", ["家居A子项目", "家居B子项目"]),
        ("①家居A子项目", "②家居B子项目", ["家居A子项目", "家居B子项目"]),
        ("子项目1：家居A厂房", "子项目2：家居B厂房", ["家居A厂房", "家居B厂房"]),
        ("1、3万吨家居项目", "2.5G基站项目", ["2.5G基站项目", "3万吨家居项目"]),  # 2.5G: a number of the name
    ],
)
def test_a_sub_projects_list_number_is_not_part_of_its_name(
    service: ImportService, ctx: AppContext, tmp_path: Path, first: str, second: str, names: list[str]
) -> None:
    path = sheet(tmp_path, "d13c", LIST, [1, "高要区家居产业园项目（含2个子项目）", "园区公司", 50000, 20000, "在建"],
                 [None, first, "A公司", 30000, 12000, "在建"],
                 [None, second, "B公司", 20000, 8000, "在建"],
                 title="肇庆市高要区2025年1-10月重点项目进展情况表")  # fmt: skip
    result = service.import_file(path, ImportOptions())
    assert result.ok and sorted(stored(ctx)) == names
