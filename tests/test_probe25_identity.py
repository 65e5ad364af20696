"""Project identity across re-imports (probe25a): rows that were put on another project's identity with
exit 0 — a reused or swapped code under a stock name of another enterprise, a 编号 column of row
numbers renumbered the next month, a code-less row of another enterprise, one project listed twice on
a first import — and a --link onto a project another row already is. Real .xlsx files written by
openpyxl, imported through the service one after the other into one database, both engines; figures
worked out by hand in the comments (万元 × 10,000 = yuan)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
FILLER = ["填报单位：肇庆市高要区投资促进局  单位：万元"]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def gy(tmp_path: Path, name: str, month: int, header: list, *rows: list) -> Path:
    """A 高要区 monthly list as the district sends it: title, 填报单位 line, header (row 3), rows from
    row 4, a 合计 row."""
    title = [f"肇庆市高要区2025年1-{month}月重点项目进展情况表"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [title, FILLER, header, *rows, ["合计"]]))


def coded(month: int) -> list[str]:
    return ["序号", "项目编号", "项目名称", "建设单位", "总投资", f"1-{month}月累计完成投资", "项目状态"]


def state(ctx: AppContext) -> dict[str, tuple]:
    """name → (code, enterprise, planned yuan, [(month, first month, yuan), …])."""
    return {
        p.name: (
            p.code,
            p.enterprise,
            p.planned_investment,
            [(r.month, r.first_month, r.amount) for r in ctx.projects.investment(p.id)],  # type: ignore[arg-type]
        )
        for p in ctx.projects.all_projects()
    }


def asked(result: ImportResult) -> list[tuple[int, str]]:
    return [(p.row, p.problem.code) for p in result.problems]


OCT = [
    [1, "GY-2025-001", "金利五金制品扩建项目", "肇庆金利五金有限公司", 5000, 1200, "在建"],
    [2, "GY-2025-002", "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3000, "在建"],
    [3, "GY-2025-003", "高要区标准厂房建设项目", "肇庆市高要区城市建设投资有限公司", 8000, 2000, "在建"],
    [4, "GY-2025-004", "恒通光伏组件扩产项目（一期）", "肇庆恒通光伏科技有限公司", 20000, 6500, "在建"],
]


def test_a_reused_code_under_a_stock_name_of_another_enterprise_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C56: November gives GY-2025-003 to 高要区物流仓储中心建设项目 of 肇庆顺通物流 (6000万, 1-11月 2500万),
    the factory's row gone. The names share 高要区…建设项目 (SequenceMatcher 0.6: "alike"), so #3 was
    renamed, handed to the logistics firm, its planned 80,000,000 → 60,000,000 and 25,000,000 −
    20,000,000 = 5,000,000 put on it as November's."""
    assert service.import_file(gy(tmp_path, "oct", 10, coded(10), *OCT), ImportOptions()).ok
    nov = [
        [1, "GY-2025-001", "金利五金制品扩建项目", "肇庆金利五金有限公司", 5000, 1350, "在建"],
        [2, "GY-2025-002", "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3400, "在建"],
        [3, "GY-2025-003", "高要区物流仓储中心建设项目", "肇庆顺通物流有限公司", 6000, 2500, "在建"],
        # half-width brackets, 有限公司 dropped: the same — 74,000,000 − 65,000,000 = 9,000,000 in November
        [4, "GY-2025-004", "恒通光伏组件扩产项目(一期)", "肇庆恒通光伏科技", 20000, 7400, "在建"],
    ]
    path = gy(tmp_path, "nov", 11, coded(11), *nov)
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(6, "code_other_enterprise")] and not result.written
    message = result.problems[0].reason("en")
    assert "GY-2025-003 “高要区标准厂房建设项目”" in message and "--link 6=GY-2025-003" in message
    factory = state(ctx)["高要区标准厂房建设项目"]
    assert factory == ("GY-2025-003", "肇庆市高要区城市建设投资有限公司", 80_000_000, [(10, 1, 20_000_000)])
    # the logistics project is another: its code left out, it is new (1-11月 2500万 as one figure)
    result = service.import_file(path, ImportOptions(column_map={"B": None}))
    assert result.ok, result.problems
    after = state(ctx)
    assert after["高要区标准厂房建设项目"] == factory and len(after) == 5
    assert after["高要区物流仓储中心建设项目"] == (None, "肇庆顺通物流有限公司", 60_000_000, [(11, 1, 25_000_000)])
    # (half-width brackets: the stored name with its full-width ones stays, no rename)
    assert after["恒通光伏组件扩产项目（一期）"][3] == [(10, 1, 65_000_000), (11, None, 9_000_000)]


def test_a_light_rename_under_a_code_with_another_enterprise_is_matched(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A phase written another way (1期 for （一期）) by an enterprise renamed: the same project, as before."""
    assert service.import_file(gy(tmp_path, "oct", 10, coded(10), *OCT[3:]), ImportOptions()).ok
    row = [1, "GY-2025-004", "恒通光伏组件扩产项目(1期)", "广东恒通新能源有限公司", 20000, 7400, "在建"]
    result = service.import_file(gy(tmp_path, "nov", 11, coded(11), row), ImportOptions())
    assert result.ok, result.problems
    # 74,000,000 − 65,000,000 = 9,000,000 in November
    assert state(ctx) == {
        "恒通光伏组件扩产项目(1期)": (
            "GY-2025-004",
            "广东恒通新能源有限公司",
            200_000_000,
            [(10, 1, 65_000_000), (11, None, 9_000_000)],
        )
    }


def test_a_reused_code_said_to_be_the_project_renamed_is_linked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(gy(tmp_path, "oct", 10, coded(10), *OCT[2:3]), ImportOptions()).ok
    row = [1, "GY-2025-003", "高要区物流仓储中心建设项目", "肇庆顺通物流有限公司", 6000, 2500, "在建"]
    pid = ctx.projects.id_by_code("GY-2025-003")
    assert pid is not None
    result = service.import_file(gy(tmp_path, "nov", 11, coded(11), row), ImportOptions(links={("", 4): pid}))
    assert result.ok, result.problems
    # renamed and handed over, as the user said: 25,000,000 − 20,000,000 = 5,000,000 in November
    assert state(ctx) == {
        "高要区物流仓储中心建设项目": (
            "GY-2025-003",
            "肇庆顺通物流有限公司",
            60_000_000,
            [(10, 1, 20_000_000), (11, None, 5_000_000)],
        )
    }


def test_two_codes_swapped_between_stock_names_are_both_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C58: 年产5万吨铝型材项目 (亚铝, 1-10月 2500万) and 年产3万吨铝型材深加工项目 (华铝, 2400万) under each
    other's codes in November (2600 / 2550): names, enterprises and planned swapped, 亚铝's October
    25,000,000 under 华铝's name with 0.5M more in November."""
    oct_rows = [
        [1, "GY-2025-011", "年产5万吨铝型材项目", "肇庆亚铝科技有限公司", 10000, 2500, "在建"],
        [2, "GY-2025-012", "年产3万吨铝型材深加工项目", "肇庆华铝精密有限公司", 8000, 2400, "在建"],
    ]
    assert service.import_file(gy(tmp_path, "oct", 10, coded(10), *oct_rows), ImportOptions()).ok
    nov = [
        [1, "GY-2025-012", "年产5万吨铝型材项目", "肇庆亚铝科技有限公司", 10000, 2600, "在建"],
        [2, "GY-2025-011", "年产3万吨铝型材深加工项目", "肇庆华铝精密有限公司", 8000, 2550, "在建"],
    ]
    result = service.import_file(gy(tmp_path, "nov", 11, coded(11), *nov), ImportOptions())
    assert asked(result) == [(4, "code_other_enterprise"), (5, "code_other_enterprise")] and not result.written
    assert state(ctx) == {
        "年产5万吨铝型材项目": ("GY-2025-011", "肇庆亚铝科技有限公司", 100_000_000, [(10, 1, 25_000_000)]),
        "年产3万吨铝型材深加工项目": ("GY-2025-012", "肇庆华铝精密有限公司", 80_000_000, [(10, 1, 24_000_000)]),
    }


ALU = [
    ["年产5万吨铝型材项目", "肇庆亚铝科技有限公司", 10000, "在建"],
    ["年产5万吨铝型材深加工项目", "肇庆华铝精密有限公司", 8000, "在建"],
    ["年产5万吨铝型材表面处理项目", "肇庆新铝表面处理有限公司", 6000, "在建"],
    ["年产5万吨铝型材挤压项目", "肇庆兴铝挤压有限公司", 7000, "在建"],
]
LIST = ["编号", "项目名称", "投资主体", "计划总投资（万元）", "项目状态"]


@pytest.mark.parametrize("typed", [str, int])
def test_a_numbering_column_of_row_numbers_is_not_codes(
    service: ImportService, ctx: AppContext, tmp_path: Path, typed: type
) -> None:
    """C72: 编号 1..4 (text, or numbers) over a list of 年产5万吨铝型材… projects were stored as codes;
    November dropped 亚铝 and renumbered 1..3, and 1 became 深加工 (华铝, 85,000,000), 2 表面处理, 3 挤压
    — #3 and #4 both 挤压, 亚铝 gone."""
    first = gy(tmp_path, "oct", 10, LIST, *([typed(i), *p] for i, p in enumerate(ALU, 1)))
    result = service.import_file(first, ImportOptions())
    assert result.ok and "note_rejected_column" in [n.code for n in result.notes]
    assert {p.code for p in ctx.projects.all_projects()} == {None}
    nov = [list(p) for p in ALU[1:]]
    nov[0][2] = 8500  # 深加工's planned raised: 85,000,000
    result = service.import_file(
        gy(tmp_path, "nov", 11, LIST, *([typed(i), *p] for i, p in enumerate(nov, 1))), ImportOptions()
    )
    assert result.ok and result.updated == 1 and result.unchanged == 2
    assert {n: (e, p) for n, (_c, e, p, _r) in state(ctx).items()} == {
        "年产5万吨铝型材项目": ("肇庆亚铝科技有限公司", 100_000_000),
        "年产5万吨铝型材深加工项目": ("肇庆华铝精密有限公司", 85_000_000),
        "年产5万吨铝型材表面处理项目": ("肇庆新铝表面处理有限公司", 60_000_000),
        "年产5万吨铝型材挤压项目": ("肇庆兴铝挤压有限公司", 70_000_000),
    }


def test_stored_codes_one_to_n_do_not_take_a_renumbered_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Codes 1..4 stored before (here: the user mapped the 编号 column as codes), then a list without an
    enterprise column numbering 1, 3, 4: row 1 年产5万吨铝型材深加工项目 is "alike" 年产5万吨铝型材项目
    (a prefix of it) — asked, not written over 亚铝's project."""
    header = ["编号", "项目名称", "计划总投资（万元）", "项目状态"]
    rows = [[str(i), p[0], p[2], p[3]] for i, p in enumerate(ALU, 1)]
    result = service.import_file(gy(tmp_path, "oct", 10, header, *rows), ImportOptions(column_map={"A": "code"}))
    assert result.ok and {p.code for p in ctx.projects.all_projects()} == {"1", "2", "3", "4"}
    nov = [["1", ALU[1][0], 8500, "在建"], ["3", ALU[2][0], 6000, "在建"], ["4", ALU[3][0], 7000, "在建"]]
    result = service.import_file(gy(tmp_path, "nov", 11, header, *nov), ImportOptions())
    assert asked(result) == [(4, "code_renumbered")] and not result.written
    assert state(ctx)["年产5万吨铝型材项目"][2] == 100_000_000


STANDARD_OCT = [
    [1, "标准厂房建设项目", "肇庆市金渡工业园投资有限公司", 6000, 1000, "在建"],
    [2, "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3000, "在建"],
]
PLAIN = ["序号", "项目名称", "建设单位", "总投资", "1-{m}月累计完成投资", "项目状态"]


def plain(month: int) -> list[str]:
    return [h.replace("{m}", str(month)) for h in PLAIN]


def test_a_codeless_row_of_another_enterprise_is_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """C57: October 标准厂房建设项目 of 金渡 (6000万, 1-10月 1000万); November lists only 白土镇's (4000万,
    1-11月 1500万): one project, enterprise → 白土镇, planned 60M → 40M, November 15M − 10M = 5M."""
    assert service.import_file(gy(tmp_path, "oct", 10, plain(10), *STANDARD_OCT), ImportOptions()).ok
    nov = [
        [1, "标准厂房建设项目", "肇庆市白土镇建设开发有限公司", 4000, 1500, "在建"],
        [2, "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3400, "在建"],
    ]
    path = gy(tmp_path, "nov", 11, plain(11), *nov)
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(4, "name_new_enterprise")] and not result.written
    assert "--link 4=new" in result.problems[0].reason("en")
    jindu = ("肇庆市金渡工业园投资有限公司", 60_000_000, [(10, 1, 10_000_000)])
    assert state(ctx)["标准厂房建设项目"][1:] == jindu
    result = service.import_file(path, ImportOptions(links={("", 4): 0}))  # another project
    assert result.ok and result.added == 1
    assert len(ctx.projects.all_projects()) == 3
    by_enterprise = {
        p.enterprise: (
            p.planned_investment,
            [(r.month, r.first_month, r.amount) for r in ctx.projects.investment(p.id)],
        )
        for p in ctx.projects.all_projects()
        if p.name == "标准厂房建设项目" and p.id is not None
    }
    assert by_enterprise == {
        "肇庆市金渡工业园投资有限公司": (60_000_000, [(10, 1, 10_000_000)]),
        "肇庆市白土镇建设开发有限公司": (40_000_000, [(11, 1, 15_000_000)]),
    }


def test_an_enterprise_written_another_way_is_not_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(gy(tmp_path, "oct", 10, plain(10), *STANDARD_OCT), ImportOptions()).ok
    nov = [[1, "标准厂房建设项目", "肇庆市金渡工业园投资有限责任公司", 6000, 1200, "在建"]]
    result = service.import_file(gy(tmp_path, "nov", 11, plain(11), *nov), ImportOptions())
    assert result.ok, result.problems
    assert state(ctx)["标准厂房建设项目"][3] == [(10, 1, 10_000_000), (11, None, 2_000_000)]  # 12M − 10M


@pytest.mark.parametrize("second", ["", "GY-2025-102"])
def test_one_project_twice_on_a_first_import_names_the_first_row(
    service: ImportService, ctx: AppContext, tmp_path: Path, second: str
) -> None:
    """C61 / C62: 宏达新材料项目 under GY-2025-002 (row 5) and again without a code or under GY-2025-102
    (row 7), same enterprise and figures: two projects, planned 120M and 1-10月 30M counted twice."""
    rows = [*OCT, [5, second, "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3000, "在建"]]
    path = gy(tmp_path, "oct", 10, coded(10), *rows)
    result = service.import_file(path, ImportOptions())
    assert asked(result) == [(8, "named_twice_in_file")] and not result.written
    assert "already listed in row 5" in result.problems[0].reason("en")
    assert service.import_file(path, ImportOptions(skip_invalid=True)).written
    # 5000 + 12000 + 8000 + 20000 = 45000万 planned, once each
    assert sum(p.planned_investment or 0 for p in ctx.projects.all_projects()) == 450_000_000
    assert len(ctx.projects.all_projects()) == 4


def test_two_codes_of_two_enterprises_under_one_stock_name_are_two_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [
        [1, "GY-2025-021", "标准厂房建设项目", "肇庆市金渡工业园投资有限公司", 6000, 1000, "在建"],
        [2, "GY-2025-022", "标准厂房建设项目", "肇庆市白土镇建设开发有限公司", 4000, 500, "在建"],
    ]
    result = service.import_file(gy(tmp_path, "oct", 10, coded(10), *rows), ImportOptions())
    assert result.ok and result.added == 2


def test_a_link_onto_a_project_another_row_is_is_refused_in_one_sentence(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """C73: --link 8=4 where row 7 already is project 4 by its code: the dry run said 5 updates of 4
    projects, the import failed with a false "Someone else changed or deleted project 1"."""
    assert service.import_file(gy(tmp_path, "oct", 10, coded(10), *OCT), ImportOptions()).ok
    pid = ctx.projects.id_by_code("GY-2025-004")
    assert pid is not None
    nov = [
        [1, "GY-2025-001", "金利五金制品扩建项目", "肇庆金利五金有限公司", 5000, 1350, "在建"],
        [2, "GY-2025-002", "宏达新材料项目", "广东宏达新材料有限公司", 12000, 3400, "在建"],
        [3, "GY-2025-003", "高要区标准厂房建设项目", "肇庆市高要区城市建设投资有限公司", 8000, 2300, "在建"],
        [4, "GY-2025-004", "恒通光伏组件扩产项目（一期）", "肇庆恒通光伏科技有限公司", 20000, 7400, "在建"],
        [5, "GY-2025-009", "恒通光伏组件扩产项目（二期）", "肇庆恒通光伏科技有限公司", 30000, 100, "新开工"],
    ]
    path = gy(tmp_path, "nov", 11, coded(11), *nov)
    options = ImportOptions(links={("", 8): pid})
    for dry_run in (True, False):
        result = service.import_file(path, options, dry_run=dry_run)
        assert asked(result) == [(8, "same_project_twice")] and not result.written
        assert result.problems[0].reason("en").startswith("rows 7 and 8 are both project GY-2025-004")
    assert state(ctx)["恒通光伏组件扩产项目（一期）"][3] == [(10, 1, 65_000_000)]
    result = service.import_file(path, ImportOptions(links={("", 8): pid}, skip_invalid=True))
    assert result.written and result.updated == 0  # row 7's November only: 74M − 65M = 9M
    assert state(ctx)["恒通光伏组件扩产项目（一期）"][3] == [(10, 1, 65_000_000), (11, None, 9_000_000)]
