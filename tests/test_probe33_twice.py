"""Re-importing a district's list (probe33a): two rows of one file on one stored project, and a name
retyped with other spaces or bracket widths. Real .xlsx files written by openpyxl, a first import then
the variant into one database, both engines; figures by hand (万元 × 10,000 = yuan).

F1: 智慧物流园项目 listed under its code ZQ-DZ-011 and again without one (same district and enterprise)
was refused on a first import, but on a re-import both rows matched the stored project and the later
row's 99,000万 and 竣工 silently won (exit 0). F2: with other monthly figures the refusal compared one
row's 10月 with the other's 1-10月. F4: "新能源电池 隔膜生产线项目" renamed the stored name at every
import, base and variant flipping it back and forth, each an update in the audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportResult, ImportService

WAN = 10_000
HEADER = ["序号", "项目代码", "项目名称", "项目单位", "所在区县", "总投资（万元）", "项目状态",
          "1-10月累计完成投资（万元）", "10月完成投资（万元）"]  # fmt: skip
BASE = [
    [1, "ZQ-DZ-001", "端州区智能制造产业园项目", "肇庆端州城建投资有限公司", "端州区", 85000, "在建", 21000, 2100],
    [2, None, "星湖科技园标准厂房（一期）建设项目", "肇庆星湖投资有限公司", "端州区", 32000, "在建", 8000, 700],
    [3, None, "新能源电池隔膜生产线项目", "肇庆恒通新材料有限公司", "端州区", 120000, "在建", 30000, 3300],
    [4, None, "城东污水处理厂提标改造工程", "肇庆水务集团有限公司", "端州区", 18000, "在建", 6000, 500],
    [5, "ZQ-DZ-011", "智慧物流园项目", "广东顺捷物流有限公司", "端州区", 40000, "在建", 11000, 1000],
]
LOGISTICS = BASE[4]
CODELESS = [6, None, "智慧物流园项目", "广东顺捷物流有限公司", "端州区", 99000, "竣工", 11000, 1000]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def dz(tmp_path: Path, name: str, *rows: list) -> Path:
    """端州区's October list: title, unit line, header (row 3), rows from row 4."""
    title = ["肇庆市端州区2026年1-10月重点项目投资完成情况表"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("重点项目", [title, ["单位：万元"], HEADER, *rows]))


def asked(result: ImportResult) -> list[tuple[int, str]]:
    return [(p.row, p.problem.code) for p in result.problems]


def stored(ctx: AppContext) -> dict[str, tuple]:
    """name → (code, planned yuan, status)."""
    return {p.name: (p.code, p.planned_investment, p.status.value) for p in ctx.projects.all_projects()}


@pytest.mark.parametrize(
    ("rows", "label"),
    [
        ([*BASE, CODELESS], "coded first, another total and status"),
        ([*BASE[:4], CODELESS, LOGISTICS], "the code-less row first"),
        ([*BASE, [6, None, *LOGISTICS[2:]]], "the very same values"),
    ],
)
def test_a_project_on_a_coded_and_a_codeless_row_is_refused_on_a_reimport(
    service: ImportService, ctx: AppContext, tmp_path: Path, rows: list[list], label: str
) -> None:
    assert service.import_file(dz(tmp_path, "base", *BASE), ImportOptions()).ok
    before = stored(ctx)
    path = dz(tmp_path, "again", *rows)
    same = rows[4][5:] == rows[5][5:]
    for dry_run in (True, False):
        result = service.import_file(path, ImportOptions(), dry_run=dry_run)
        assert not result.written
        if same:  # a harmless repeat: the later row refused alone
            assert asked(result) == [(9, "same_project_listed_twice")], label
            said = result.problems[0].reason("en")
            assert said.startswith("rows 8 and 9 are one project, stored as ZQ-DZ-011 “智慧物流园项目” (端州区)"), said
            assert "once with its code and once without" in said
            assert "行与第 9 行是同一项目" in result.problems[0].reason("zh")
            continue
        # other values (probe34b F5): the file contradicts itself, neither row is known right — both refused
        assert asked(result) == [(8, "rows_differ_stored"), (9, "rows_differ_stored")], label
        said = result.problems[0].reason("en")
        assert said.startswith("rows 8 and 9 are both stored project ZQ-DZ-011 “智慧物流园项目” (端州区) but differ"), (
            said
        )
        assert "Planned investment: ¥" in said and "row 8" in said and "row 9" in said, said
    assert stored(ctx) == before  # 40,000万 and 在建 stay: no row silently wins
    result = service.import_file(path, ImportOptions(skip_invalid=True))  # the first row, or neither
    assert result.added == 0 and result.unchanged + result.updated == (5 if same else 4)
    kept = rows[7 - 3] if same else LOGISTICS  # row 8; or neither, and the project stays as stored
    status = {"在建": "under_construction", "竣工": "in_production"}[kept[6]]
    assert stored(ctx)["智慧物流园项目"][1:] == (kept[5] * WAN, status)


def test_the_pair_with_other_monthly_figures_is_refused_as_one_project_not_by_its_figures(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """v31b: row 9 (no code) gives 1-10月 99,000万 and 10月 9,900万: the refusal compared row 9's 10月 with
    row 8's 1-10月 and said "Month '2026-10' already appears in row 8", never that the rows are one."""
    assert service.import_file(dz(tmp_path, "base", *BASE), ImportOptions()).ok
    twice = [6, None, "智慧物流园项目", "广东顺捷物流有限公司", "端州区", 40000, "在建", 99000, 9900]
    result = service.import_file(dz(tmp_path, "again", *BASE, twice), ImportOptions())
    assert asked(result) == [(8, "rows_differ_stored"), (9, "rows_differ_stored")] and not result.written
    said = result.problems[1].reason("en")  # both rows refused (probe34b F5), their year to date named
    assert "rows 8 and 9 are both stored project" in said and "¥990.00 mn in row 9" in said, said


def test_two_rows_of_one_name_and_no_code_stay_a_duplicate_row(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """Two code-less rows of one project are refused as before, naming the first (a repeated row)."""
    assert service.import_file(dz(tmp_path, "base", *BASE), ImportOptions()).ok
    result = service.import_file(dz(tmp_path, "again", *BASE, [6, *BASE[2][1:]]), ImportOptions())
    assert asked(result) == [(9, "duplicate_in_file")] and not result.written


def test_a_link_onto_the_project_another_row_is_keeps_its_own_sentence(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(dz(tmp_path, "base", *BASE), ImportOptions()).ok
    pid = ctx.projects.id_by_code("ZQ-DZ-011")
    assert pid is not None
    renamed = [6, None, "智慧物流园二期项目", "广东顺捷物流有限公司", "端州区", 30000, "在建", 0, 0]
    result = service.import_file(dz(tmp_path, "again", *BASE, renamed), ImportOptions(links={("", 9): pid}))
    assert asked(result) == [(9, "same_project_twice")] and not result.written


SPACED = {
    "新能源电池隔膜生产线项目": "新能源电池 隔膜生产线项目",
    "城东污水处理厂提标改造工程": "城东污水处理厂\u3000提标改造工程 ",
    "星湖科技园标准厂房（一期）建设项目": "星湖科技园标准厂房 (一期) 建设项目",
}


def test_a_name_retyped_with_other_spaces_or_bracket_widths_keeps_the_stored_name(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """v04 / v03 / v38: stored names stay; no update, no audit row — base, variant, base again."""
    base = dz(tmp_path, "base", *BASE)
    assert service.import_file(base, ImportOptions()).ok
    names = set(stored(ctx))
    audit = len(HistoryService(ctx.database).changes())
    variant = dz(tmp_path, "spaced", *[[*r[:2], SPACED.get(r[2], r[2]), *r[3:]] for r in BASE])
    for path in (variant, base, variant):
        result = service.import_file(path, ImportOptions())
        assert result.ok, result.problems
        assert (result.added, result.updated, result.unchanged) == (0, 0, 5)
        assert set(stored(ctx)) == names
    assert len(HistoryService(ctx.database).changes()) == audit


def test_a_name_differing_in_more_than_spaces_is_still_a_rename(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    assert service.import_file(dz(tmp_path, "base", *BASE), ImportOptions()).ok
    rows = [list(r) for r in BASE]
    rows[0][2] = "端州区智能制造产业园 项目（一期）"  # under its code: a phase added, spaced
    result = service.import_file(dz(tmp_path, "phase", *rows), ImportOptions())
    assert result.ok and result.updated == 1, result.problems
    assert stored(ctx)["端州区智能制造产业园 项目（一期）"][0] == "ZQ-DZ-001"
